package optim

import (
	"testing"
)

// benchRules are the rules of BenchmarkStep, by the names that
// scripts/bench-numpy-optim.py gives the same updates written in numpy.
func benchRules() []struct {
	name string
	r    rule
} {
	return []struct {
		name string
		r    rule
	}{
		{"GD", nil},
		{"Momentum", NewMomentum(0.9)},
		{"Nesterov", NewNesterov(0.9)},
		{"AdaGrad", NewAdaGrad()},
		{"RMSProp", NewRMSProp()},
		{"RMSPropCenteredMomentum", &RMSProp{Rho: 0.99, Eps: 1e-8, Momentum: 0.9, Centered: true}},
		{"Adadelta", NewAdadelta()},
		{"Adam", NewAdam()},
		{"AMSGrad", &Adam{Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, AMSGrad: true}},
		{"AdamW", NewAdamW()},
	}
}

// BenchmarkStep is the cost of one update of each rule on a vector of 10⁶
// parameters (the gradient is given; computing it is not timed). GD is the
// plain w ← w − αg, the floor of any rule. scripts/bench-optim.sh runs it
// with the numpy versions.
func BenchmarkStep(b *testing.B) {
	const n = 1_000_000
	g := make([]float64, n)
	w0 := make([]float64, n)
	for i := range g {
		g[i] = float64(i%97)/97 - 0.5
		w0[i] = float64(i%89)/89 - 0.5
	}
	for _, c := range benchRules() {
		b.Run(c.name, func(b *testing.B) {
			w := append([]float64(nil), w0...)
			if c.r != nil {
				if err := c.r.Init(n); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(8 * n)
			b.ReportAllocs()
			t := 0
			for b.Loop() {
				t++
				if c.r == nil {
					for i, gi := range g {
						w[i] -= 1e-3 * gi
					}
					continue
				}
				if err := c.r.Step(w, g, 1e-3, t); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
