package funcs_test

import (
	"fmt"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
)

func ExampleFunc1D() {
	E := funcs.Quartic()
	d1, d2 := E.ExactDeriv(2)
	num, _ := gdkit.Derivative(E.F, 2, nil)
	fmt.Printf("%s at w=2: E=%g, E'=%g (analytic %g, numeric %.6f), E''=%g\n", E.Name, E.F(2), d1, E.Deriv(2), num, d2)
	// Output:
	// w^4 - 3w^2 + w at w=2: E=6, E'=21 (analytic 21, numeric 21.000000), E''=42
}

func ExampleFunc2D() {
	R := funcs.Rosenbrock()
	rep, err := gdkit.CheckGrad(R.F, R.Grad, []float64{-1.2, 1}, &gdkit.GradCheckSettings{Exact: R.ExactGrad})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(R.Name, "minimum", R.Minima[0], "E =", R.E(1, 1))
	fmt.Printf("%v %v exact ∇E = (%.10g, %.10g)\n", rep.OK, rep.HasExact, rep.Rows[0].Exact, rep.Rows[1].Exact)
	// Output:
	// (1-w1)^2 + 100(w2-w1^2)^2 minimum [1 1] E = 0
	// true true exact ∇E = (-215.6, -88)
}
