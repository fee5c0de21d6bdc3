package gdplot_test

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gdkit.dev/gdkit/gdplot"
)

// Example_tour is the API tour of the README: numerics from gdkit, a figure
// from gdplot, saved for slides (a notebook would call nb.Show(fig)).
func Example_tour() {
	f := funcs.ShiftedSquare()            // E(w) = (w-3)²+1, analytic and exact (dual) derivatives
	q, _ := gdkit.Quotient(f.F, 1, -1e-3) // left incremental quotient (f(x+h)-f(x))/h, h < 0
	fmt.Printf("left quotient at 1: %.3f\n", q)
	_, err := gdkit.Derivative(math.Abs, 0, nil) // a kink: the one-sided limits disagree
	fmt.Println("kink:", errors.Is(err, gdkit.ErrKink))

	tr, _ := gdkit.Descend1D(f.F, f.Deriv, 0, &gdkit.DescentSettings{Alpha: 0.1, GradTol: 1e-8})
	fmt.Printf("%v after %d iterations: w = %.6f\n", tr.Reason, tr.Iterations(), tr.Final()[0]) // 6·0.8^k ≤ 1e-8 at k = 91
	fig, _ := gdplot.DescentSequence(f.F, -1, 7, tr.Path1D(), tr.Es(), 4)
	dir, _ := os.MkdirTemp("", "tour")
	defer os.RemoveAll(dir)
	fmt.Println(fig.SaveAll(filepath.Join(dir, "descenso"))) // .png, .svg, .pdf

	xs, _ := gdkit.Arange(-10, 10, 0.8) // the slide's np.arange(-10, 10, 0.8)
	g, _ := gdkit.Meshgrid(xs, xs).Eval(func(w1, w2 float64) float64 { return w1*w1 + w2*w2 })
	dEdW1, _, _ := gdkit.GridGradient(g, nil) // np.gradient, named by variable
	fmt.Printf("∂E/∂w1 at (w1, w2) = (%.1f, %.1f): %.1f\n", g.X(5), g.Y(0), dEdW1.Z(5, 0))

	e := funcs.Ellipse() // w1² + 2w2²
	rep, _ := gdkit.CheckGrad(e.F, e.Grad, []float64{1, 2}, nil)
	fmt.Println("gradient check:", rep.OK)
	// Output:
	// left quotient at 1: -4.001
	// kink: true
	// converged after 91 iterations: w = 3.000000
	// <nil>
	// ∂E/∂w1 at (w1, w2) = (-6.0, -10.0): -12.0
	// gradient check: true
}
