package optim

import (
	"errors"
	"math"
	"testing"

	"gdkit.dev/gdkit"
)

// FuzzRules: for any parameters, Init either fails with a bad-parameter
// error or the rule steps; Step never panics, fails only with a
// bad-parameter error, and on finite moderate input with ε ≥ 1e-12 keeps w
// finite.
func FuzzRules(f *testing.F) {
	f.Add(uint8(0), 0.9, 0.999, 1e-8, 0.0, 0.1, 1.0, -2.0, 0.5, 3.0)
	f.Add(uint8(3), 0.99, 0.5, 1e-10, 0.01, 1.0, 0.0, 0.0, -1.0, 1e50)
	f.Add(uint8(5), 1.0, 0.9, 0.0, -1.0, math.NaN(), 1.0, 1.0, 1.0, 1.0)
	f.Fuzz(func(t *testing.T, kind uint8, p1, p2, eps, lambda, alpha, g0, g1, w0, w1 float64) {
		rules := []rule{
			&Momentum{Mu: p1, Dampening: p2, WeightDecay: lambda},
			&Nesterov{Mu: p1, WeightDecay: lambda},
			&AdaGrad{LRDecay: p2, WeightDecay: lambda, InitialAccumulator: p1, Eps: eps},
			&RMSProp{Rho: p1, Eps: eps, WeightDecay: lambda, Momentum: p2, Centered: kind&8 != 0},
			&Adadelta{Rho: p1, Eps: eps, WeightDecay: lambda},
			&Adam{Beta1: p1, Beta2: p2, Eps: eps, WeightDecay: lambda, AMSGrad: kind&8 != 0},
			&AdamW{Beta1: p1, Beta2: p2, Eps: eps, WeightDecay: lambda},
		}
		r := rules[int(kind)%len(rules)]
		if err := r.Init(2); err != nil {
			if !errors.Is(err, gdkit.ErrBadParam) {
				t.Fatalf("Init: %v", err)
			}
			return
		}
		w, g := []float64{w0, w1}, []float64{g0, g1}
		moderate := eps >= 1e-12 && alpha <= 1e3 && lambda <= 1e3
		for _, v := range []float64{g0, g1, w0, w1} {
			moderate = moderate && math.Abs(v) <= 1e50
		}
		for k := 1; k <= 3; k++ {
			if err := r.Step(w, g, alpha, k); err != nil {
				if !errors.Is(err, gdkit.ErrBadParam) {
					t.Fatalf("Step: %v", err)
				}
				return
			}
		}
		if moderate && (!finite(w[0]) || !finite(w[1])) {
			t.Errorf("%T: w = %v from finite moderate input", r, w)
		}
	})
}
