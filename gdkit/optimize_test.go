package gdkit_test

import (
	"math"
	"testing"

	"gdkit.dev/gdkit"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"
)

// TestOptimizeAgrees: on linear regression (4 features + bias) BFGS and
// LBFGS from gonum/optimize, the course's fixed-α loop and the closed-form
// least squares (QR of [X 1]) reach the same minimum within 1e-6.
func TestOptimizeAgrees(t *testing.T) {
	const n = 500
	m := linModel(t, 8, n, []float64{1, -2, 0.5, 3}, 0.25, 0.5)

	a := mat.NewDense(n, 5, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < 4; j++ {
			a.Set(i, j, m.Data.X[i*4+j])
		}
		a.Set(i, 4, 1)
	}
	var qr mat.QR
	qr.Factorize(a)
	var ls mat.VecDense
	if err := qr.SolveVecTo(&ls, false, mat.NewVecDense(n, m.Data.Y)); err != nil {
		t.Fatal(err)
	}

	w0 := make([]float64, 5)
	course, err := gdkit.Descend(m.Problem(), w0, &gdkit.DescentSettings{Alpha: 0.1, MaxIter: 10000, GradTol: 1e-10})
	if err != nil || course.Reason != gdkit.Converged {
		t.Fatalf("course loop: %v, %v", err, course.Reason)
	}
	results := map[string][]float64{"course": course.Final()}
	for name, method := range map[string]optimize.Method{"BFGS": &optimize.BFGS{}, "LBFGS": &optimize.LBFGS{}} {
		res, err := optimize.Minimize(m.Problem().OptimizeProblem(), w0, &optimize.Settings{GradientThreshold: 1e-10}, method)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		results[name] = res.X
	}
	for name, w := range results {
		for j := 0; j < 5; j++ {
			if math.Abs(w[j]-ls.AtVec(j)) > 1e-6 {
				t.Errorf("%s: w = %v, least squares %v", name, w, mat.Formatted(ls.T()))
				break
			}
		}
	}
}
