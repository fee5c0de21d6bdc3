package nb_test

import (
	"fmt"
	"time"

	"gdkit.dev/gdkit/gdplot"
	"gdkit.dev/gdkit/nb"
)

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
	fmt.Println(nb.Animate(nb.FromPlots(frames), 500*time.Millisecond))
	// Output: <nil>
}
