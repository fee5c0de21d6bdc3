package gdkit_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"gdkit.dev/gdkit"
)

// Test-only implementations of the extension points (package gdkit/optim
// has the real ones).

// heavyBall is momentum without dampening: v ← βv + g, w ← w − αv.
type heavyBall struct {
	beta float64
	v    []float64
}

func (h *heavyBall) Init(dim int) error {
	if !(h.beta >= 0 && h.beta < 1) {
		return errors.New("β must be in [0, 1)")
	}
	h.v = make([]float64, dim)
	return nil
}

func (h *heavyBall) Step(w, g []float64, alpha float64, t int) error {
	for j, gj := range g {
		h.v[j] = h.beta*h.v[j] + gj
		w[j] -= alpha * h.v[j]
	}
	return nil
}

// failingRule fails at update failAt.
type failingRule struct{ failAt int }

func (f failingRule) Init(int) error { return nil }
func (f failingRule) Step(w, g []float64, alpha float64, t int) error {
	if t == f.failAt {
		return errors.New("rule broke")
	}
	return nil
}

// inverseT is α_t = α/t; badAt, if > 0, makes α_badAt NaN.
type inverseT struct{ badAt int }

func (s inverseT) Alpha(base float64, t int) float64 {
	if t == s.badAt {
		return math.NaN()
	}
	return base / float64(t)
}

// constant is α_t = α.
type constant struct{}

func (constant) Alpha(base float64, t int) float64 { return base }

// exactQuadratic is the exact step on E = ½wᵀHw with H = diag(h):
// α = gᵀg / gᵀHg. It evaluates nothing.
type exactQuadratic struct{ h []float64 }

func (q exactQuadratic) Search(p gdkit.Problem, w []float64, e float64, g, d []float64, alpha0 float64) (float64, error) {
	var gg, ghg float64
	for j, gj := range g {
		gg += gj * gj
		ghg += gj * q.h[j] * gj
	}
	return gg / ghg, nil
}

// backtracking halves α from alpha0 until E(w + αd) ≤ E(w) + ½α gᵀd
// (Armijo); it fails after 60 halvings. Its buffer is allocated once.
type backtracking struct{ x []float64 }

func (b *backtracking) Search(p gdkit.Problem, w []float64, e float64, g, d []float64, alpha0 float64) (float64, error) {
	if len(b.x) != len(w) {
		b.x = make([]float64, len(w))
	}
	var gd float64
	for j := range g {
		gd += g[j] * d[j]
	}
	alpha := alpha0
	for k := 1; k <= 60; k++ {
		for j := range w {
			b.x[j] = w[j] + alpha*d[j]
		}
		if p.E(b.x) <= e+0.5*alpha*gd {
			return alpha, nil
		}
		alpha /= 2
	}
	return 0, fmt.Errorf("no sufficient decrease: %w", gdkit.ErrSearchFailed)
}

// returning is a line search that returns a fixed α and error.
type returning struct {
	alpha float64
	err   error
}

func (r returning) Search(gdkit.Problem, []float64, float64, []float64, []float64, float64) (float64, error) {
	return r.alpha, r.err
}

// counted is E = w1² + 10w2² (H = diag(2, 20)) counting its calls.
type counted struct{ e, g int }

func (c *counted) problem() gdkit.Problem {
	return gdkit.Problem{
		E:    func(w []float64) float64 { c.e++; return w[0]*w[0] + 10*w[1]*w[1] },
		Grad: func(d, w []float64) { c.g++; d[0], d[1] = 2*w[0], 20*w[1] },
		Dim:  2,
	}
}

// TestRuleMomentum: the first two updates of the heavy ball by hand, on
// E = w1² + 10w2² from (1, 1) with α = 0.01, β = 0.9:
//
//	g0 = (2, 20), v1 = g0, w1 = (1 − 0.02, 1 − 0.2) = (0.98, 0.8)
//	g1 = (1.96, 16), v2 = 0.9·(2, 20) + (1.96, 16) = (3.76, 34)
//	w2 = (0.98 − 0.0376, 0.8 − 0.34) = (0.9424, 0.46)
func TestRuleMomentum(t *testing.T) {
	var c counted
	tr, err := gdkit.Descend(c.problem(), []float64{1, 1}, &gdkit.DescentSettings{Alpha: 0.01, MaxIter: 2, Rule: &heavyBall{beta: 0.9}})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range [][]float64{{0.98, 0.8}, {0.9424, 0.46}} {
		w := tr.W(i + 1)
		if math.Abs(w[0]-want[0]) > 1e-15 || math.Abs(w[1]-want[1]) > 1e-15 {
			t.Errorf("w_%d = %v, want %v", i+1, w, want)
		}
	}
	if e, g := tr.TotalEvals(); e != 3 || g != 3 || c.e != 3 || c.g != 3 || tr.StepSize(2) != 0.01 {
		t.Errorf("evaluations %d, %d (counted %d, %d), α_2 = %g", e, g, c.e, c.g, tr.StepSize(2))
	}
	// The stop rules see the actual step ‖w_k − w_{k−1}‖: 0.201, then 0.342
	// (α‖g1‖ would be 0.161, under WTol).
	tr, err = gdkit.Descend(c.problem(), []float64{1, 1}, &gdkit.DescentSettings{Alpha: 0.01, WTol: 0.2, MaxIter: 2, Rule: &heavyBall{beta: 0.9}})
	if err != nil || tr.Iterations() != 2 || tr.Reason != gdkit.MaxIter {
		t.Errorf("WTol 0.2: %v after %d updates (%v %q)", err, tr.Iterations(), tr.Reason, tr.Criterion)
	}
}

// TestSchedule: α_t = α/t is used and recorded at every update, and a
// constant schedule gives exactly the plain loop.
func TestSchedule(t *testing.T) {
	var c counted
	tr, err := gdkit.Descend(c.problem(), []float64{1, 1}, &gdkit.DescentSettings{Alpha: 0.04, MaxIter: 5, Schedule: inverseT{}})
	if err != nil {
		t.Fatal(err)
	}
	step := make([]float64, 2)
	for i := 1; i <= 5; i++ {
		a := 0.04 / float64(i)
		tr.Step(step, i)
		g := tr.Grad(i - 1)
		if tr.StepSize(i) != a || math.Abs(step[0]+a*g[0]) > 1e-16 || math.Abs(step[1]+a*g[1]) > 1e-16 {
			t.Errorf("update %d: α %g (want %g), step %v, −αg = (%g, %g)", i, tr.StepSize(i), a, step, -a*g[0], -a*g[1])
		}
	}
	plain, _ := gdkit.Descend(c.problem(), []float64{3, -2}, &gdkit.DescentSettings{Alpha: 0.04, GradTol: 1e-9})
	sched, _ := gdkit.Descend(c.problem(), []float64{3, -2}, &gdkit.DescentSettings{Alpha: 0.04, GradTol: 1e-9, Schedule: constant{}})
	if plain.Len() != sched.Len() || plain.FinalE() != sched.FinalE() || plain.Final()[1] != sched.Final()[1] {
		t.Errorf("constant schedule: %d entries, E %g; plain: %d, %g", sched.Len(), sched.FinalE(), plain.Len(), plain.FinalE())
	}
}

// TestLineSearch: the exact step on a quadratic costs no extra
// evaluation; backtracking's trial points are counted per update.
func TestLineSearch(t *testing.T) {
	var c counted
	tr, err := gdkit.Descend(c.problem(), []float64{1, 1}, &gdkit.DescentSettings{MaxIter: 3, LineSearch: exactQuadratic{h: []float64{2, 20}}})
	if err != nil {
		t.Fatal(err)
	}
	// At (1, 1): g = (2, 20), α = (4 + 400)/(8 + 8000) = 404/8008.
	if a := tr.StepSize(1); math.Abs(a-404.0/8008) > 1e-17 {
		t.Errorf("α_1 = %v, want 404/8008", a)
	}
	if e, g := tr.Evals(1); e != 1 || g != 1 {
		t.Errorf("exact step: %d, %d evaluations", e, g)
	}
	c = counted{}
	tr, err = gdkit.Descend(c.problem(), []float64{1, 1}, &gdkit.DescentSettings{Alpha: 1, MaxIter: 4, LineSearch: &backtracking{}})
	if err != nil {
		t.Fatal(err)
	}
	e, g := tr.TotalEvals()
	if e != c.e || g != c.g || e <= tr.Len() || g != tr.Len() {
		t.Errorf("trace counts %d E and %d ∇E evaluations, the problem saw %d and %d (%d entries)", e, g, c.e, c.g, tr.Len())
	}
	// At (1, 1), α = 1, ½, ... : E(w − αg) ≤ E − ½α‖g‖² first holds at α = 1/32,
	// after 6 trials, so update 1 cost 7 evaluations of E and 1 of ∇E.
	if e, g := tr.Evals(1); e != 7 || g != 1 || tr.StepSize(1) != 1.0/32 {
		t.Errorf("update 1: %d, %d evaluations, α = %g", e, g, tr.StepSize(1))
	}
	if tr.FinalE() >= tr.E(0) {
		t.Errorf("E did not decrease: %v", tr.Es())
	}
}

// TestExtensionErrors: bad extension points are ErrBadParam errors before
// the first evaluation; failures during the run return the trace so far.
func TestExtensionErrors(t *testing.T) {
	var c counted
	p := c.problem()
	for name, s := range map[string]*gdkit.DescentSettings{
		"schedule NaN at t=7":   {Alpha: 0.01, MaxIter: 10, Schedule: inverseT{badAt: 7}},
		"rule Init error":       {Alpha: 0.01, Rule: &heavyBall{beta: 1}},
		"rule with line search": {Alpha: 0.01, Rule: &heavyBall{beta: 0.5}, LineSearch: &backtracking{}},
	} {
		c = counted{}
		tr, err := gdkit.Descend(p, []float64{1, 1}, s)
		if !errors.Is(err, gdkit.ErrBadParam) || tr != nil || c.e+c.g != 0 {
			t.Errorf("%s: %v, trace %v, %d evaluations", name, err, tr != nil, c.e+c.g)
		}
	}
	// A schedule that is bad only after MaxIter is never used there.
	if _, err := gdkit.Descend(p, []float64{1, 1}, &gdkit.DescentSettings{Alpha: 0.01, MaxIter: 6, Schedule: inverseT{badAt: 7}}); err != nil {
		t.Errorf("NaN at t = 7 > MaxIter: %v", err)
	}
	if _, err := gdkit.Descend(p, []float64{1, 1}, &gdkit.DescentSettings{Alpha: 0.01, Rule: &heavyBall{beta: 1}}); !errors.Is(err, gdkit.ErrBadParam) ||
		err.Error() != "gdkit: bad parameter: update rule: β must be in [0, 1)" {
		t.Errorf("Init error message: %v", err)
	}
	broke := errors.New("search broke")
	for name, s := range map[string]*gdkit.DescentSettings{
		"rule fails at 3":   {Alpha: 0.01, Rule: failingRule{failAt: 3}},
		"line search fails": {LineSearch: returning{alpha: 1, err: broke}},
		"line search α = 0": {LineSearch: returning{alpha: 0}},
		"line search α NaN": {LineSearch: returning{alpha: math.NaN()}},
	} {
		tr, err := gdkit.Descend(p, []float64{1, 1}, s)
		if err == nil || tr == nil || tr.Reason != gdkit.Failed {
			t.Errorf("%s: %v, trace %v", name, err, tr != nil)
			continue
		}
		if name == "rule fails at 3" && tr.Iterations() != 2 {
			t.Errorf("%s: %d updates kept, want 2", name, tr.Iterations())
		}
		if name == "line search fails" && !errors.Is(err, broke) {
			t.Errorf("%s: %v does not wrap the search's error", name, err)
		}
	}
}

// doubling is a rule that doubles w: E grows without bound.
type doubling struct{}

func (doubling) Init(int) error { return nil }
func (doubling) Step(w, g []float64, alpha float64, t int) error {
	for j := range w {
		w[j] *= 2
	}
	return nil
}

// TestRuleDivergence: the divergence test is the same for every rule.
func TestRuleDivergence(t *testing.T) {
	var c counted
	tr, err := gdkit.Descend(c.problem(), []float64{1, 1}, &gdkit.DescentSettings{Alpha: 0.01, Rule: doubling{}})
	var de *gdkit.DivergenceError
	// E_k = 11·4^k: the first k with 11·4^k − 11 > 1e6·11 is 10.
	if !errors.As(err, &de) || !errors.Is(err, gdkit.ErrDiverged) || de.Iter != 10 || tr.Reason != gdkit.Diverged || tr.Len() != 11 {
		t.Errorf("%v at iteration %v, reason %v, %d entries", err, de, tr.Reason, tr.Len())
	}
}

// TestRuleAllocFree: with a rule that allocates nothing per step, the
// allocations of a run do not depend on its length.
func TestRuleAllocFree(t *testing.T) {
	var c counted
	p := c.problem()
	for name, s := range map[string]func(n int) *gdkit.DescentSettings{
		"rule": func(n int) *gdkit.DescentSettings {
			return &gdkit.DescentSettings{Alpha: 0.01, MaxIter: n, Rule: &heavyBall{beta: 0.5}}
		},
		"schedule": func(n int) *gdkit.DescentSettings {
			return &gdkit.DescentSettings{Alpha: 0.01, MaxIter: n, Schedule: inverseT{}}
		},
		"line search": func(n int) *gdkit.DescentSettings {
			return &gdkit.DescentSettings{MaxIter: n, LineSearch: &backtracking{}}
		},
	} {
		allocs := func(n int) float64 {
			return testing.AllocsPerRun(5, func() {
				if _, err := gdkit.Descend(p, []float64{1, 1}, s(n)); err != nil {
					t.Fatal(err)
				}
			})
		}
		if a10, a1000 := allocs(10), allocs(1000); a10 != a1000 {
			t.Errorf("%s: %v allocations for 10 iterations, %v for 1000", name, a10, a1000)
		}
	}
}
