package gdplot_test

import (
	"bytes"
	"fmt"

	"gdkit.dev/gdkit/gdplot"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// The slide "Descenso de gradiente en 1D": E(w) = w², α = 0.2, w0 = 2.5.
func ExampleDescent1D() {
	E := func(w float64) float64 { return w * w }
	ws := []float64{2.5}
	for i := 0; i < 6; i++ {
		w := ws[len(ws)-1]
		ws = append(ws, w-0.2*2*w) // w ← w − α·dE/dw
	}
	p, err := gdplot.Descent1D(E, -3, 3, ws, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var svg bytes.Buffer
	err = gdplot.Single(p).Encode(&svg, gdplot.SVG) // or .Save("descenso.png")
	fmt.Println(err, bytes.HasPrefix(svg.Bytes(), []byte("<?xml")))
	// Output: <nil> true
}

// α too small / right / too large side by side, with shared axes.
func ExampleAlphaPanels() {
	E := func(w float64) float64 { return w * w }
	run := func(alpha float64) []float64 {
		ws := []float64{2.5}
		for i := 0; i < 10; i++ {
			w := ws[len(ws)-1]
			ws = append(ws, w-alpha*2*w)
		}
		return ws
	}
	fig, err := gdplot.AlphaPanels(E, -3, 3, []gdplot.Run1D{
		{Label: "$\\alpha$ = 0.02", Ws: run(0.02)},
		{Label: "$\\alpha$ = 0.2", Ws: run(0.2)},
		{Label: "$\\alpha$ = 1.1", Ws: run(1.1)},
	})
	fmt.Println(err, len(fig.Plots[0]), fig.ShareY)
	// Output: <nil> 3 true
}

// Contour levels that are explicit and distinct, evenly spaced in √E for a
// bowl: lo + (hi−lo)((i+½)/n)².
func ExampleLevels() {
	ls, _ := gdplot.Levels(0, 100, 4, true)
	fmt.Println(ls)
	// Output: [1.5625 14.0625 39.0625 76.5625]
}

// ExampleLint checks a figure against the rules of slide figures: here a
// plot whose y axis uses gonum's default ticks, labelled 3, 9, 15.
func ExampleLint() {
	p := gdplot.New("Lint", "$w$", "$E(w)$")
	l, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: 1}, {X: 1, Y: 17}})
	p.Add(l)
	fig := gdplot.Single(p)
	probs, err := gdplot.Lint(fig)
	fmt.Println(len(probs), err) // the theme's RoundTicks: 0, 5, 10, 15

	p.Y.Tick.Marker = plot.DefaultTicks{}
	probs, _ = gdplot.Lint(fig)
	for _, pr := range probs {
		fmt.Println(pr)
	}
	// Output:
	// 0 <nil>
	// ticks: Lint (y): step 6 between labelled ticks is not 1, 2, 2.5 or 5 × 10ⁿ
}
