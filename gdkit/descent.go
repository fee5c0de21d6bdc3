package gdkit

import (
	"errors"
	"fmt"
	"math"
)

// Problem is a differentiable function to minimise with the course loop
//
//	w ← w − α ∇E(w).
//
// E returns E(w). Grad writes ∇E(w) into dst (len(dst) == len(w)),
// overwriting every element. If Dim > 0, Descend checks len(w0) == Dim.
// Model.Problem gives the Problem of a model, and OptimizeProblem turns a
// Problem into gonum's optimize.Problem.
type Problem struct {
	E    func(w []float64) float64
	Grad func(dst, w []float64)
	Dim  int
}

// Rule is an update rule: how w moves from the gradient g = ∇E(w). Plain
// gradient descent (DescentSettings.Rule == nil) is w ← w − α_t g; package
// gdkit/optim has momentum, Nesterov, AdaGrad, RMSProp, Adam, ...
type Rule interface {
	// Init validates the rule's parameters and (re)allocates its state for
	// dim parameters. Descend calls it once per run, before the first step.
	Init(dim int) error
	// Step updates w in place from g = ∇E(w) with step size alpha, for
	// update t = 1, 2, ... It must not allocate. alpha is 0 when a
	// schedule reaches 0; the step must then leave w unchanged (the
	// rule's state, such as a momentum buffer, may still advance, as in
	// torch.optim with lr = 0).
	Step(w, g []float64, alpha float64, t int) error
}

// Schedule gives the step size of update t from the base α
// (DescentSettings.Alpha): α_t = Alpha(α, t), t = 1, 2, ... Before the
// first update Descend calls the schedule's Validate(base float64) error
// method, if it has one, and checks that α_1 … α_MaxIter are finite and
// ≥ 0 (> 0 with a LineSearch), as ScheduleSteps does.
//
// α_t = 0 is allowed (PyTorch's CosineAnnealingLR with eta_min = 0 reaches
// it): that update leaves w where it is, and ETol and WTol are not tested
// after it, since a step not taken says nothing about convergence (E and
// w are unchanged). The run goes on with the next α_t, or ends at MaxIter.
type Schedule interface {
	Alpha(base float64, t int) float64
}

// LineSearch picks the step size α_t along the direction d = −g from w,
// where E(w) = e and ∇E(w) = g, starting from the trial step alpha0 > 0.
// It must not modify w, g or d, and may call p.E and p.Grad at trial
// points: Descend hands it a Problem that counts those calls, and records
// them per update in the Trace (Trace.Evals). A search that finds no
// acceptable step returns an error wrapping ErrSearchFailed. If the line
// search also has an Init(dim int) error method, Descend calls it once per
// run before the first update, like Rule.Init, so bad parameters are
// ErrBadParam errors before anything is evaluated.
type LineSearch interface {
	Search(p Problem, w []float64, e float64, g, d []float64, alpha0 float64) (alpha float64, err error)
}

// DescentSettings configures Descend and Descend1D. With Rule, Schedule
// and LineSearch nil it is the fixed-step loop of the slides: every update
// is exactly w ← w − α ∇E(w).
//
// The stopping criteria are combined with "or": the loop stops as soon as
// one enabled criterion holds. A zero tolerance disables its criterion.
// The stopping criteria and the divergence test are the same whatever the
// rule, schedule or line search.
type DescentSettings struct {
	// Alpha is the step size α > 0 (the learning rate); it has no default.
	// With a Schedule it is the base α of α_t = Schedule.Alpha(α, t); with
	// a LineSearch, the first trial step (0 means 1).
	Alpha float64
	// MaxIter is the largest number of updates; 0 means 1000.
	MaxIter int
	// GradTol stops when ‖∇E(w_k)‖₂ ≤ GradTol.
	GradTol float64
	// ETol stops when |E(w_k) − E(w_{k−1})| ≤ ETol.
	ETol float64
	// WTol stops when ‖w_k − w_{k−1}‖₂ ≤ WTol.
	WTol float64
	// DivergeFactor declares divergence when
	// E(w_k) − E(w_0) > DivergeFactor·max(|E(w_0)|, 1).
	// 0 means 1e6; a negative value disables the check (Inf/NaN are
	// always caught).
	DivergeFactor float64
	// Callback, if not nil, is called after iteration 0 (w0) and after every
	// update with the iteration number, w, E(w) and ∇E(w). The slices are
	// reused: copy them to keep them. Returning false stops the loop with
	// reason Stopped.
	Callback func(it int, w []float64, e float64, g []float64) bool
	// Rule, if not nil, replaces the update w ← w − α_t ∇E(w).
	Rule Rule
	// Schedule, if not nil, gives the step size α_t ≥ 0 of every update
	// from Alpha; with a LineSearch it gives the first trial step of each
	// search (then α_t > 0). See Schedule for α_t = 0.
	Schedule Schedule
	// LineSearch, if not nil, chooses α_t at every update along −∇E(w).
	// It cannot be combined with a Rule (which moves w in its own direction).
	LineSearch LineSearch
}

// Defaults of DescentSettings.
const (
	defaultMaxIter       = 1000
	defaultDivergeFactor = 1e6
)

// descent is one run of Descend: the settings with the defaults resolved.
type descent struct {
	DescentSettings
	p      Problem
	search Problem // p counting its calls, given to the line search
	evalsE int     // calls of E and ∇E by the line search in the current update
	evalsG int
}

func newDescent(p Problem, w0 []float64, s *DescentSettings) (*descent, error) {
	if s == nil {
		s = &DescentSettings{}
	}
	d := &descent{DescentSettings: *s, p: p}
	switch {
	case p.E == nil || p.Grad == nil:
		return nil, errorf(ErrBadParam, "the Problem needs both E and Grad")
	case d.MaxIter < 0:
		return nil, errorf(ErrBadParam, "MaxIter = %d must be ≥ 0", d.MaxIter)
	case math.IsNaN(d.DivergeFactor):
		return nil, errorf(ErrBadParam, "DivergeFactor is NaN")
	case d.Rule != nil && d.LineSearch != nil:
		return nil, errorf(ErrBadParam, "a Rule and a LineSearch together: the line search looks along −∇E, the rule moves w its own way; use one")
	}
	dim := p.Dim
	if dim <= 0 {
		dim = len(w0)
	}
	if err := checkW0(w0, dim); err != nil {
		return nil, err
	}
	if d.LineSearch != nil && d.Alpha == 0 {
		d.Alpha = 1
	}
	if !isFinite(d.Alpha) || d.Alpha <= 0 {
		return nil, errorf(ErrBadParam, "α = %v must be finite and > 0 (DescentSettings.Alpha, the step size, has no default)", d.Alpha)
	}
	for _, t := range []struct {
		n string
		v float64
	}{{"GradTol", d.GradTol}, {"ETol", d.ETol}, {"WTol", d.WTol}} {
		if err := checkTol(t.n, t.v); err != nil {
			return nil, err
		}
	}
	if d.MaxIter == 0 {
		d.MaxIter = defaultMaxIter
	}
	if d.DivergeFactor == 0 {
		d.DivergeFactor = defaultDivergeFactor
	}
	if d.Schedule != nil {
		if err := checkSchedule(d.Schedule, d.Alpha, d.MaxIter, nil, d.LineSearch != nil); err != nil {
			return nil, err
		}
	}
	if d.Rule != nil {
		if err := d.Rule.Init(len(w0)); err != nil {
			return nil, badParamIn("update rule", err)
		}
	}
	if ls, ok := d.LineSearch.(interface{ Init(dim int) error }); ok {
		if err := ls.Init(len(w0)); err != nil {
			return nil, badParamIn("line search", err)
		}
	}
	if d.LineSearch != nil {
		// The line search sees a Problem that counts its calls.
		d.search = Problem{
			E:    func(w []float64) float64 { d.evalsE++; return p.E(w) },
			Grad: func(dst, w []float64) { d.evalsG++; p.Grad(dst, w) },
			Dim:  p.Dim,
		}
	}
	return d, nil
}

// Descend runs gradient descent from w0, by default the fixed-step loop of
// the slides:
//
//	repeat  w ← w − α ∇E(w)  until a stopping criterion holds,
//
// or, with s.Rule, s.Schedule or s.LineSearch set, the same loop with
// another update, step size α_t or a line search (see DescentSettings).
// It records every iterate in the returned Trace, with the step size and
// the evaluations of E and ∇E of every update. On divergence (E grows by
// more than DivergeFactor·max(|E(w0)|,1), or Inf/NaN in w, E or ∇E) it
// returns the trace so far together with a *DivergenceError
// (errors.Is(err, ErrDiverged)); a w0 outside the domain of E (E(w0) or
// ∇E(w0) NaN or ±Inf) is the same error at iteration 0. A run, unlike a
// grid, stops at the first non-finite value (see the package's rule for
// non-finite values). If the line search finds no step that lowers E
// (near the minimum E's decrease falls below its round-off), it returns
// the trace so far, reason SearchFailed, and a *SearchError
// (errors.Is(err, ErrSearchFailed)). If the rule or the line search fails
// otherwise, it returns the trace so far, reason Failed, and their error.
// On bad input it returns a nil trace and an error wrapping ErrBadParam,
// ErrEmpty, ErrDimension or ErrNotFinite. w0 is not modified. Apart from
// amortised growth of the trace (and what a Rule or LineSearch does), the
// loop allocates nothing per iteration.
func Descend(p Problem, w0 []float64, s *DescentSettings) (*Trace, error) {
	d, err := newDescent(p, w0, s)
	if err != nil {
		return nil, err
	}
	return d.run(w0)
}

func (d *descent) run(w0 []float64) (*Trace, error) {
	n := len(w0)
	w := append([]float64(nil), w0...)
	g := make([]float64, n)
	var dir []float64
	if d.LineSearch != nil {
		dir = make([]float64, n)
	}
	tr := newTrace(n, d.Alpha, min(d.MaxIter+1, 1024))

	e := d.p.E(w)
	d.p.Grad(g, w)
	e0 := e
	tr.record(w, e, g, 1, 1)
	if err := nonFiniteState(0, w, e, g, e0, d.Alpha); err != nil {
		tr.Reason = NonFinite
		return tr, err
	}
	if d.Callback != nil && !d.Callback(0, w, e, g) {
		tr.Reason = Stopped
		return tr, nil
	}
	if d.GradTol > 0 && norm2(g) <= d.GradTol {
		tr.Reason, tr.Criterion = Converged, "GradTol"
		return tr, nil
	}
	limit := d.DivergeFactor * math.Max(math.Abs(e0), 1)
	for it := 1; it <= d.MaxIter; it++ {
		alpha := d.Alpha
		if d.Schedule != nil {
			alpha = d.Schedule.Alpha(d.Alpha, it)
		}
		d.evalsE, d.evalsG = 0, 0
		var step2 float64
		switch {
		case d.LineSearch != nil:
			for j, gj := range g {
				dir[j] = -gj
			}
			a, err := d.LineSearch.Search(d.search, w, e, g, dir, alpha)
			if err == nil && (!isFinite(a) || a <= 0) {
				err = errorf(ErrBadParam, "the line search returned α = %v", a)
			}
			if errors.Is(err, ErrSearchFailed) {
				tr.Reason = SearchFailed
				return tr, &SearchError{Iter: it, E: e, GradNorm: norm2(g), Evals: d.evalsE + d.evalsG, Err: err}
			}
			if err != nil {
				tr.Reason = Failed
				return tr, fmt.Errorf("gdkit: line search at iteration %d: %w", it, err)
			}
			alpha = a
			for j, dj := range dir {
				s := alpha * dj
				w[j] += s
				step2 += s * s
			}
		case d.Rule != nil:
			if err := d.Rule.Step(w, g, alpha, it); err != nil {
				tr.Reason = Failed
				return tr, fmt.Errorf("gdkit: update rule at iteration %d: %w", it, err)
			}
			for j, wj := range tr.W(it - 1) {
				s := w[j] - wj
				step2 += s * s
			}
		default:
			for j, gj := range g {
				s := alpha * gj
				w[j] -= s
				step2 += s * s
			}
		}
		prev := e
		e = d.p.E(w)
		d.p.Grad(g, w)
		tr.record(w, e, g, 1+d.evalsE, 1+d.evalsG)
		tr.steps = append(tr.steps, alpha)
		if err := nonFiniteState(it, w, e, g, e0, alpha); err != nil {
			tr.Reason = NonFinite
			return tr, err
		}
		if d.DivergeFactor > 0 && e-e0 > limit {
			tr.Reason = Diverged
			return tr, &DivergenceError{Iter: it, Reason: Diverged, What: "E", Value: e, E0: e0, Alpha: alpha}
		}
		if d.Callback != nil && !d.Callback(it, w, e, g) {
			tr.Reason = Stopped
			return tr, nil
		}
		// ETol and WTol measure what a step did: after α_t = 0 (a step
		// not taken) they would report convergence that did not happen.
		switch moved := alpha > 0; {
		case d.GradTol > 0 && norm2(g) <= d.GradTol:
			tr.Criterion = "GradTol"
		case moved && d.ETol > 0 && math.Abs(e-prev) <= d.ETol:
			tr.Criterion = "ETol"
		case moved && d.WTol > 0 && math.Sqrt(step2) <= d.WTol:
			tr.Criterion = "WTol"
		}
		if tr.Criterion != "" {
			tr.Reason = Converged
			return tr, nil
		}
	}
	tr.Reason = MaxIter
	return tr, nil
}

// checkW0 requires a finite starting point of dim parameters.
func checkW0(w0 []float64, dim int) error {
	if len(w0) != dim {
		return errorf(ErrDimension, "len(w0) = %d, the problem has %d parameters", len(w0), dim)
	}
	return checkVec("w0", w0)
}

// nonFiniteState returns the *DivergenceError of the first NaN or Inf in
// w, E or ∇E at iteration it, or nil.
func nonFiniteState(it int, w []float64, e float64, g []float64, e0, alpha float64) error {
	mk := func(what string, v float64) error {
		return &DivergenceError{Iter: it, Reason: NonFinite, What: what, Value: v, E0: e0, Alpha: alpha}
	}
	if i := firstNonFinite(w); i >= 0 {
		return mk(fmt.Sprintf("w[%d]", i), w[i])
	}
	if !isFinite(e) {
		return mk("E", e)
	}
	if i := firstNonFinite(g); i >= 0 {
		return mk(fmt.Sprintf("∇E[%d]", i), g[i])
	}
	return nil
}

func norm2(v []float64) float64 { return math.Sqrt(dot(v, v)) }

// dot returns Σ a_j b_j over the length of b.
func dot(a, b []float64) float64 {
	var s float64
	for j, bj := range b {
		s += a[j] * bj
	}
	return s
}

// Descend1D runs Descend on a function of one variable, E(w) with derivative
// dE(w), starting at w0: w ← w − α dE(w). The trace has Dim 1; use
// Trace.Path1D and Trace.Es for the plots.
func Descend1D(e, de func(w float64) float64, w0 float64, s *DescentSettings) (*Trace, error) {
	if e == nil || de == nil {
		return nil, errorf(ErrBadParam, "Descend1D needs both E and dE")
	}
	p := Problem{
		E:    func(w []float64) float64 { return e(w[0]) },
		Grad: func(dst, w []float64) { dst[0] = de(w[0]) },
		Dim:  1,
	}
	return Descend(p, []float64{w0}, s)
}

// ScheduleSteps returns α_1, …, α_n of the schedule s from the base step
// size base: the step sizes Descend would use with Alpha = base and
// MaxIter = n, for a plot of the step size against the iteration. It
// checks them as Descend does before the first update: base finite and
// > 0, n ≥ 1, the schedule's own Validate(base float64) error method if
// it has one, and every α_t finite and ≥ 0. A nil s is the constant
// α_t = base. Errors wrap ErrBadParam and name the first bad t.
func ScheduleSteps(s Schedule, base float64, n int) ([]float64, error) {
	if n < 1 {
		return nil, errorf(ErrBadParam, "n = %d step sizes: need n ≥ 1", n)
	}
	if !isFinite(base) || base <= 0 {
		return nil, errorf(ErrBadParam, "α = %v must be finite and > 0", base)
	}
	dst := make([]float64, n)
	if s == nil {
		for i := range dst {
			dst[i] = base
		}
		return dst, nil
	}
	if err := checkSchedule(s, base, n, dst, false); err != nil {
		return nil, err
	}
	return dst, nil
}

// checkSchedule validates s for a run of n updates from base (see
// Schedule), storing α_t in dst[t−1] when dst is not nil; positive
// refuses α_t = 0 too (the trial step of a line search).
func checkSchedule(s Schedule, base float64, n int, dst []float64, positive bool) error {
	if v, ok := s.(interface{ Validate(base float64) error }); ok {
		if err := v.Validate(base); err != nil {
			return badParamIn("schedule", err)
		}
	}
	for t := 1; t <= n; t++ {
		a := s.Alpha(base, t)
		switch {
		case !isFinite(a) || a < 0:
			return errorf(ErrBadParam, "the schedule gives α_%d = %v (from α = %v); every step size must be finite and ≥ 0", t, a, base)
		case positive && a == 0:
			return errorf(ErrBadParam, "the schedule gives α_%d = 0 (from α = %v); the trial step of a line search must be > 0", t, base)
		}
		if dst != nil {
			dst[t-1] = a
		}
	}
	return nil
}
