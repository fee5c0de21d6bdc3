package gdplot_test

import (
	"fmt"

	"gdkit.dev/gdkit/gdplot"
)

// Four points of two classes and the boundary x₁ + x₂ − 1 = 0 of a linear
// classifier with W = (w₁, w₂, b) = (1, 1, −1).
func ExampleClasses() {
	x := []float64{0, 0, 0.2, 0.3, 1, 1, 0.9, 0.8} // rows (x₁, x₂)
	y := []float64{0, 0, 1, 1}
	p, err := gdplot.Classes(x, y, gdplot.Boundary{Label: "frontera", W: []float64{1, 1, -1}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("x1 in [%.2f, %.2f], x2 in [%.2f, %.2f]\n", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	svg, err := gdplot.Single(p).Bytes(gdplot.SVG) // or .Save("clases.png")
	fmt.Println("SVG:", len(svg) > 0, err)
	// Output:
	// x1 in [-0.05, 1.05], x2 in [-0.05, 1.35]
	// SVG: true <nil>
}
