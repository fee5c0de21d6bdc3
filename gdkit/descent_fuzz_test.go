package gdkit_test

import (
	"errors"
	"math"
	"testing"

	"gdkit.dev/gdkit"
)

// FuzzDescend1D: for any α, w0, MaxIter and tolerances, Descend1D on the
// quartic E = w⁴ − 3w² + w never panics; it either rejects the input
// (ErrBadParam or ErrNotFinite, nil trace) or returns a trace whose every entry before the
// last is finite, with a DivergenceError exactly when the reason is Diverged
// or NonFinite.
func FuzzDescend1D(f *testing.F) {
	f.Add(0.01, 1.0, 100, 1e-8, 0.0)
	f.Add(1.5, 2.0, 1000, 0.0, 0.0)
	f.Add(-1.0, 0.0, 10, 0.0, 0.0)
	f.Add(math.NaN(), math.Inf(1), -1, -1.0, math.NaN())
	f.Fuzz(func(t *testing.T, alpha, w0 float64, maxIter int, gtol, etol float64) {
		if maxIter > 5000 {
			maxIter %= 5000
		}
		e := func(w float64) float64 { return w*w*w*w - 3*w*w + w }
		de := func(w float64) float64 { return 4*w*w*w - 6*w + 1 }
		tr, err := gdkit.Descend1D(e, de, w0, &gdkit.DescentSettings{Alpha: alpha, MaxIter: maxIter, GradTol: gtol, ETol: etol})
		if tr == nil {
			// Bad input: no trace, and an error of the taxonomy.
			if !errors.Is(err, gdkit.ErrBadParam) && !errors.Is(err, gdkit.ErrNotFinite) {
				t.Fatalf("no trace, err %v", err)
			}
			return
		}
		if tr.Len() < 1 {
			t.Fatalf("empty trace, err %v", err)
		}
		var de1 *gdkit.DivergenceError
		isDiv := errors.As(err, &de1)
		if isDiv != (tr.Reason == gdkit.Diverged || tr.Reason == gdkit.NonFinite) {
			t.Fatalf("reason %v with err %v", tr.Reason, err)
		}
		if isDiv && de1.Iter != tr.Len()-1 {
			t.Fatalf("error at %d, trace length %d", de1.Iter, tr.Len())
		}
		if !isDiv && err != nil {
			t.Fatalf("unexpected error %v", err)
		}
		if p := tr.FinitePrefix(); p < tr.Len()-1 {
			t.Fatalf("finite prefix %d of %d", p, tr.Len())
		}
	})
}
