package gdplot_test

import (
	"fmt"
	"math"

	"gdkit.dev/gdkit/gdplot"
)

// f and its derivative on one plot; then the same f drawn by the sign of f′.
func ExampleCurves() {
	f := func(x float64) float64 { return x*x*x - 3*x }
	df := func(x float64) float64 { return 3*x*x - 3 }
	p, err := gdplot.Curves(-2.2, 2.2, gdplot.Curve{Label: "$f(x)$", F: f}, gdplot.Curve{Label: "$f'(x)$", F: df})
	if err != nil {
		fmt.Println(err)
		return
	}
	p.Title.Text = "Una función y su derivada"
	q, err := gdplot.DerivativeSign(f, df, -2.2, 2.2, []float64{-2, -1, 0, 1, 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Title.Text)
	// Output: El signo de $f'$: crece o decrece
}

// The error of the forward quotient of exp at 0 against h, on log-log axes.
func ExampleStepError() {
	var hs, errs []float64
	for k := 1; k <= 12; k++ {
		h := math.Pow(10, -float64(k))
		hs = append(hs, h)
		errs = append(errs, math.Abs((math.Exp(h)-1)/h-1))
	}
	p, err := gdplot.StepError(hs, gdplot.Series{Label: "hacia adelante", Y: errs})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title.Text)
	// Output: Error del cociente incremental vs. paso $h$
}
