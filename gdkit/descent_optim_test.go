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
// errors before the first step (Rule.Init, Schedule.Validate, the line
// search's Init), as does a schedule that reaches α_t = 0 for a line
// search's trial step.
func TestOptimBadParams(t *testing.T) {
	for name, s := range map[string]*gdkit.DescentSettings{
		"momentum μ = 1":                   {Alpha: 0.05, Rule: optim.NewMomentum(1)},
		"step decay every 0":               {Alpha: 0.05, Schedule: optim.StepDecay{Every: 0, Gamma: 0.5}},
		"Armijo c = 2":                     {Alpha: 1, LineSearch: &optim.Armijo{C: 2}},
		"exact step without H":             {LineSearch: &optim.ExactQuadratic{}},
		"exact step, H 3×3":                {LineSearch: &optim.ExactQuadratic{H: mat.NewSymDense(3, nil)}},
		"cosine to 0 before a line search": {Alpha: 1, MaxIter: 100, Schedule: optim.Cosine{T: 50}, LineSearch: &optim.Armijo{}},
	} {
		if tr, err := gdkit.Descend(ill, []float64{5, 1}, s); !errors.Is(err, gdkit.ErrBadParam) || tr != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// PyTorch's cosine to 0 runs: the updates after T leave w in place.
	s := &gdkit.DescentSettings{Alpha: 0.05, MaxIter: 100, Schedule: optim.Cosine{T: 50}}
	tr, err := gdkit.Descend(ill, []float64{5, 1}, s)
	if err != nil || tr.Reason != gdkit.MaxIter || tr.StepSize(51) != 0 || tr.StepSize(50) <= 0 || tr.E(100) != tr.E(50) {
		t.Errorf("cosine to 0: %v, %v; α_50 = %g, α_51 = %g", err, tr.Reason, tr.StepSize(50), tr.StepSize(51))
	}
	// With a floor above 0 it keeps moving.
	s = &gdkit.DescentSettings{Alpha: 0.05, MaxIter: 100, Schedule: optim.Cosine{T: 50, Min: 0.01}}
	if tr, err := gdkit.Descend(ill, []float64{5, 1}, s); err != nil || math.Abs(tr.StepSize(100)-0.01) > 1e-15 {
		t.Errorf("cosine with a floor: %v", err)
	}
}

// TestOptimZeroStep: every rule of optim leaves w unchanged with α = 0,
// as gdkit.Rule requires for a schedule that reaches 0.
func TestOptimZeroStep(t *testing.T) {
	for _, r := range []gdkit.Rule{optim.NewMomentum(0.9), optim.NewNesterov(0.9), optim.NewAdaGrad(),
		&optim.RMSProp{Rho: 0.9, Eps: 1e-8, Momentum: 0.5, Centered: true}, optim.NewAdadelta(),
		optim.NewAdam(), optim.NewAdamW(), &optim.Newton{Hessian: optim.NumHessianOf(ill.E)}} {
		s := &gdkit.DescentSettings{Alpha: 0.01, MaxIter: 6, Rule: r, Schedule: stopAfter{k: 3}}
		tr, err := gdkit.Descend(ill, []float64{5, 1}, s)
		if err != nil {
			t.Fatalf("%T: %v", r, err)
		}
		for i := 4; i <= 6; i++ {
			if w, w3 := tr.W(i), tr.W(3); w[0] != w3[0] || w[1] != w3[1] {
				t.Errorf("%T: w_%d = %v, w_3 = %v with α = 0", r, i, w, w3)
			}
		}
	}
}

// TestOptimArmijoRoundOff: on 1 + w1² + 10w2² Armijo stops when E's
// decrease falls below its round-off, with a *SearchError and the trace
// so far, far below the start but above ‖∇E‖ = 1e-12.
func TestOptimArmijoRoundOff(t *testing.T) {
	p := ill
	p.E = func(w []float64) float64 { return 1 + w[0]*w[0] + 10*w[1]*w[1] }
	tr, err := gdkit.Descend(p, []float64{5, 1}, &gdkit.DescentSettings{Alpha: 1, GradTol: 1e-12, MaxIter: 10000, LineSearch: &optim.Armijo{}})
	var se *gdkit.SearchError
	if !errors.As(err, &se) || tr.Reason != gdkit.SearchFailed {
		t.Fatalf("%v, %v", err, tr.Reason)
	}
	if !(se.GradNorm > 1e-12 && se.GradNorm < 1e-6) || se.Iter != tr.Iterations()+1 {
		t.Errorf("stopped at update %d (trace %d) with ‖∇E‖ = %g", se.Iter, tr.Iterations(), se.GradNorm)
	}
}

// TestOptimAllocFree: Descend with optim's rules, schedules and line
// searches allocates the same for 10 updates as for 1000: nothing per
// step.
func TestOptimAllocFree(t *testing.T) {
	H := mat.NewSymDense(2, []float64{2, 0, 0, 20})
	for name, s := range map[string]func(n int) *gdkit.DescentSettings{
		"Adam + cosine": func(n int) *gdkit.DescentSettings {
			return &gdkit.DescentSettings{Alpha: 0.01, MaxIter: n, Rule: optim.NewAdam(), Schedule: optim.Cosine{T: n}}
		},
		"Nesterov + warm-up": func(n int) *gdkit.DescentSettings {
			return &gdkit.DescentSettings{Alpha: 0.01, MaxIter: n, Rule: optim.NewNesterov(0.9), Schedule: optim.WarmUp{Steps: 5}}
		},
		"Newton": func(n int) *gdkit.DescentSettings {
			return &gdkit.DescentSettings{Alpha: 0.001, MaxIter: n, Rule: optim.NewNewton(func(dst *mat.SymDense, w []float64) error {
				dst.CopySym(H)
				return nil
			})}
		},
		"Armijo": func(n int) *gdkit.DescentSettings {
			return &gdkit.DescentSettings{Alpha: 1, MaxIter: n, LineSearch: &optim.Armijo{}, DivergeFactor: -1}
		},
		"exact step": func(n int) *gdkit.DescentSettings {
			return &gdkit.DescentSettings{MaxIter: n, LineSearch: &optim.ExactQuadratic{H: H}}
		},
	} {
		allocs := func(n int) float64 {
			return testing.AllocsPerRun(5, func() {
				if _, err := gdkit.Descend(ill, []float64{5, 1}, s(n)); err != nil && !errors.Is(err, gdkit.ErrSearchFailed) {
					t.Fatal(err)
				}
			})
		}
		if a10, a1000 := allocs(10), allocs(1000); a10 != a1000 {
			t.Errorf("%s: %v allocations for 10 updates, %v for 1000", name, a10, a1000)
		}
	}
}
