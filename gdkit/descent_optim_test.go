package gdkit_test

import (
	"errors"
	"math"
	"testing"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/optim"
	"gonum.org/v1/gonum/mat"
)

// The update rules, schedules and line searches of package optim satisfy
// the extension points of Descend.
var (
	_ gdkit.Rule       = (*optim.Momentum)(nil)
	_ gdkit.Rule       = (*optim.Adam)(nil)
	_ gdkit.Rule       = (*optim.Newton)(nil)
	_ gdkit.Schedule   = optim.Cosine{}
	_ gdkit.LineSearch = (*optim.Armijo)(nil)
	_ gdkit.LineSearch = (*optim.ExactQuadratic)(nil)
)

// ill is E = w1² + 10w2², H = diag(2, 20): α < 2/20 for plain descent.
var ill = gdkit.Problem{
	E:    func(w []float64) float64 { return w[0]*w[0] + 10*w[1]*w[1] },
	Grad: func(g, w []float64) { g[0], g[1] = 2*w[0], 20*w[1] },
	Dim:  2,
}

// TestDescendWithOptim runs Descend with optim's rules, schedules and line
// searches on the ill-conditioned quadratic: each converges, momentum and
// the exact step faster than plain descent at the same α, and the trace
// records their step sizes and evaluations.
func TestDescendWithOptim(t *testing.T) {
	w0 := []float64{5, 1}
	run := func(s *gdkit.DescentSettings) *gdkit.Trace {
		t.Helper()
		s.GradTol, s.MaxIter = 1e-8, 5000
		tr, err := gdkit.Descend(ill, w0, s)
		if err != nil || tr.Reason != gdkit.Converged {
			t.Fatalf("%+v: %v, %v", s, err, tr.Reason)
		}
		return tr
	}
	plain := run(&gdkit.DescentSettings{Alpha: 0.05})
	heavy := run(&gdkit.DescentSettings{Alpha: 0.05, Rule: optim.NewMomentum(0.5)})
	adam := run(&gdkit.DescentSettings{Alpha: 0.1, Rule: optim.NewAdam()})
	exact := run(&gdkit.DescentSettings{LineSearch: &optim.ExactQuadratic{H: mat.NewSymDense(2, []float64{2, 0, 0, 20})}})
	armijo := run(&gdkit.DescentSettings{Alpha: 1, LineSearch: &optim.Armijo{}})
	decay := run(&gdkit.DescentSettings{Alpha: 0.05, Schedule: optim.StepDecay{Every: 50, Gamma: 0.9}})
	if heavy.Iterations() >= plain.Iterations() || exact.Iterations() >= plain.Iterations() {
		t.Errorf("iterations: plain %d, momentum %d, exact step %d", plain.Iterations(), heavy.Iterations(), exact.Iterations())
	}
	if adam.Iterations() == 0 || math.Abs(decay.StepSize(51)-0.045) > 1e-15 || decay.StepSize(50) != 0.05 {
		t.Errorf("Adam %d iterations; step decay α_50 = %g, α_51 = %g", adam.Iterations(), decay.StepSize(50), decay.StepSize(51))
	}
	if e, g := armijo.TotalEvals(); e <= armijo.Len() || g != armijo.Len() {
		t.Errorf("Armijo: %d evaluations of E and %d of ∇E for %d entries", e, g, armijo.Len())
	}
	if e, g := exact.TotalEvals(); e != exact.Len() || g != exact.Len() {
		t.Errorf("exact step: %d and %d evaluations for %d entries", e, g, exact.Len())
	}
}

// TestOptimBadParams: optim's parameter checks reach Descend as ErrBadParam
// errors before the first step (Rule.Init, Schedule.Validate), and a
// schedule that reaches α_t = 0 within MaxIter is refused.
func TestOptimBadParams(t *testing.T) {
	for name, s := range map[string]*gdkit.DescentSettings{
		"momentum μ = 1":         {Alpha: 0.05, Rule: optim.NewMomentum(1)},
		"step decay every 0":     {Alpha: 0.05, Schedule: optim.StepDecay{Every: 0, Gamma: 0.5}},
		"cosine to 0 in MaxIter": {Alpha: 0.05, MaxIter: 100, Schedule: optim.Cosine{T: 50}},
	} {
		if tr, err := gdkit.Descend(ill, []float64{5, 1}, s); !errors.Is(err, gdkit.ErrBadParam) || tr != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The same cosine with a floor above 0 runs.
	s := &gdkit.DescentSettings{Alpha: 0.05, MaxIter: 100, Schedule: optim.Cosine{T: 50, Min: 0.01}}
	if tr, err := gdkit.Descend(ill, []float64{5, 1}, s); err != nil || math.Abs(tr.StepSize(100)-0.01) > 1e-15 {
		t.Errorf("cosine with a floor: %v", err)
	}
}
