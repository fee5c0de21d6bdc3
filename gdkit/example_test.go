package gdkit_test

import (
	"fmt"

	"gdkit.dev/gdkit"
)

// The main path of the course: a derivative, a gradient check, a descent
// and the data of its figures.
func Example() {
	// 1. The derivative of E(w) = (w−3)² + 1 at w = 1, numeric.
	E := func(w float64) float64 { return (w-3)*(w-3) + 1 }
	d, err := gdkit.Derivative(E, 1, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("dE/dw(1) = %.6f\n", d)

	// 2. A hand-written gradient of E(w1, w2) = w1² + 2w2², checked.
	E2 := func(w []float64) float64 { return w[0]*w[0] + 2*w[1]*w[1] }
	grad := func(g, w []float64) { g[0], g[1] = 2*w[0], 4*w[1] }
	rep, err := gdkit.CheckGrad(E2, grad, []float64{1, -2}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("gradient OK:", rep.OK)

	// 3. Descent from (8, 6) with α = 0.1.
	p := gdkit.Problem{E: E2, Grad: grad, Dim: 2}
	tr, err := gdkit.Descend(p, []float64{8, 6}, &gdkit.DescentSettings{Alpha: 0.1, GradTol: 1e-6})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s in %d iterations, w = (%.1e, %.1e)\n", tr.Reason, tr.Iterations(), tr.Final()[0], tr.Final()[1])

	// 4. Figure-ready data: the loss curve, the path, the contour grid.
	es, w1, w2 := tr.Es(), tr.Column(0), tr.Column(1)
	fmt.Printf("E: %.0f → %.0f → %.1f ...; path: (%g, %g) → (%.1f, %.1f) ...\n", es[0], es[1], es[2], w1[0], w2[0], w1[1], w2[1])
	xs, _ := gdkit.Linspace(-10, 10, 101)
	grid, err := gdkit.Meshgrid(xs, xs).Eval(func(a, b float64) float64 { return a*a + 2*b*b })
	if err != nil {
		fmt.Println(err)
		return
	}
	c, r := grid.Dims()
	fmt.Printf("grid %d×%d, E from %g to %g\n", r, c, grid.Z(50, 50), grid.Z(0, 0))
	// Output:
	// dE/dw(1) = -4.000000
	// gradient OK: true
	// converged in 75 iterations, w = (4.3e-07, 1.4e-16)
	// E: 136 → 67 → 35.5 ...; path: (8, 6) → (6.4, 3.6) ...
	// grid 101×101, E from 0 to 300
}
