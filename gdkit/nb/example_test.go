package nb_test

import (
	"fmt"
	"time"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/gdplot"
	"gdkit.dev/gdkit/nb"
)

// The main path of a notebook cell: the slide's grid and E from gdkit, the
// contour lines with the gradient as arrows from gdplot, shown inline.
func Example() {
	ws, _ := gdkit.Arange(-10, 10, 0.8)
	E, err := gdkit.Meshgrid(ws, ws).Eval(func(w1, w2 float64) float64 { return w1*w1 + w2*w2 })
	if err != nil {
		fmt.Println(err)
		return
	}
	dEdW1, dEdW2, err := gdkit.GridGradient(E, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := gdplot.Contour(E, []float64{25, 50, 75, 100, 125, 150, 175}, true)
	if err != nil {
		fmt.Println(err)
		return
	}
	q, err := gdplot.NewQuiver(dEdW1, dEdW2)
	if err != nil {
		fmt.Println(err)
		return
	}
	p.Add(q)
	fmt.Println(nb.Show(gdplot.Single(p)))
	// Output: <nil>
}

// In a GoNB cell this shows the figure inline; outside a kernel it only
// renders (so a bad figure still reports its error).
func ExampleShow() {
	E := func(w float64) float64 { return w * w }
	p, err := gdplot.Descent1D(E, -3, 3, []float64{2.5, 1.5, 0.9, 0.54}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(nb.Show(gdplot.Single(p)), nb.InNotebook())
	// Output: <nil> false
}

// The figure sequence of the 1D descent, animated in place in the notebook.
func ExampleAnimate() {
	E := func(w float64) float64 { return w * w }
	ws := []float64{2.5, 1.5, 0.9, 0.54, 0.324}
	frames, _ := gdplot.DescentFrames(E, -3, 3, ws, nil, len(ws))
	fmt.Println(nb.Animate(frames, 500*time.Millisecond))
	// Output: <nil>
}

// A slider over α that redraws the descent; in a browser it waits for the
// "Listo" button, headless (here, or under make test) it prints a note and
// shows the figure for the initial α once.
func ExampleExplore() {
	E := func(w float64) float64 { return w * w }
	draw := func(alpha float64) (*gdplot.Figure, error) {
		ws := []float64{2.5}
		for k := 0; k < 5; k++ {
			ws = append(ws, ws[k]-alpha*2*ws[k])
		}
		p, err := gdplot.Descent1D(E, -3, 3, ws, nil)
		if err != nil {
			return nil, err
		}
		return gdplot.Single(p), nil
	}
	err := nb.Explore(nb.Slider{Label: "α", Values: []float64{0.1, 0.3, 0.9}, Start: 1, Draw: draw})
	fmt.Println(err)
	// Output:
	// Ejecución sin navegador: el deslizador interactivo se omite. Abrí el notebook en Jupyter (make run) para mover α; abajo, la figura para α = 0.3.
	// <nil>
}

// Two sliders, α and β of momentum, redrawing the first steps of the heavy
// ball on E = w²; headless it prints a note naming both and shows the
// figure for the starting values.
func ExampleExploreSliders() {
	E := func(w float64) float64 { return w * w }
	draw := func(v []float64) (*gdplot.Figure, error) {
		alpha, beta := v[0], v[1]
		ws, b := []float64{2.5}, 0.0
		for k := 0; k < 6; k++ {
			b = beta*b + 2*ws[k]
			ws = append(ws, ws[k]-alpha*b)
		}
		p, err := gdplot.Descent1D(E, -3, 3, ws, nil)
		if err != nil {
			return nil, err
		}
		return gdplot.Single(p), nil
	}
	err := nb.ExploreSliders(nb.Sliders{
		Params: []nb.Param{
			{Label: "α", Values: []float64{0.05, 0.1, 0.2}, Start: 1},
			{Label: "β", Values: []float64{0, 0.5, 0.9}, Start: 1},
		},
		Draw: draw,
	})
	fmt.Println(err)
	// Output:
	// Ejecución sin navegador: el deslizador interactivo se omite. Abrí el notebook en Jupyter (make run) para mover α y β; abajo, la figura para α = 0.1, β = 0.5.
	// <nil>
}
