package gdkit

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Problem is a differentiable function to minimise with the course loop
//
//	w ← w − α ∇E(w).
//
// E returns E(w). Grad writes ∇E(w) into dst (len(dst) == len(w)),
// overwriting every element. If Dim > 0, Descend checks len(w0) == Dim.
type Problem struct {
	E    func(w []float64) float64
	Grad func(dst, w []float64)
	Dim  int
}

// Options configures the fixed-step descent loop of the slides
// (no line search: every step is exactly w ← w − α ∇E(w)).
//
// The stopping criteria are combined with "or": the loop stops as soon as
// one enabled criterion holds. A zero tolerance disables its criterion.
type Options struct {
	// Alpha is the learning rate α > 0 (the step size).
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
}

// Reason says why a descent loop stopped.
type Reason int

// Stop reasons.
const (
	Running   Reason = iota // the loop has not stopped (zero value)
	Converged               // a tolerance (GradTol, ETol or WTol) was met
	MaxIter                 // MaxIter updates were done
	Diverged                // E grew beyond DivergeFactor·max(|E(w0)|,1)
	NonFinite               // Inf or NaN appeared in w, E or ∇E
	Stopped                 // the callback returned false
)

var reasonEN = [...]string{"running", "converged", "maximum iterations reached", "diverged", "non-finite value (Inf/NaN)", "stopped by callback"}
var reasonES = [...]string{"en curso", "convergió", "se alcanzó el máximo de iteraciones", "divergió", "valor no finito (Inf/NaN)", "detenido por el callback"}

// String returns the English description of r.
func (r Reason) String() string {
	if r < 0 || int(r) >= len(reasonEN) {
		return fmt.Sprintf("Reason(%d)", int(r))
	}
	return reasonEN[r]
}

// Spanish returns the Spanish description of r, for the notebooks.
func (r Reason) Spanish() string {
	if r < 0 || int(r) >= len(reasonES) {
		return fmt.Sprintf("Reason(%d)", int(r))
	}
	return reasonES[r]
}

// Trace is the full history of a descent run: entry i holds w_i, E(w_i) and
// ∇E(w_i), where entry 0 is the starting point w_0 and entry i the point
// after i updates. It is stored flat (one []float64 for all w and one for
// all gradients) so recording an iteration costs no allocation beyond
// amortised growth.
type Trace struct {
	Dim    int     // number of parameters P
	Alpha  float64 // the α used (for SGD: the α of every step)
	Reason Reason  // why the run stopped
	// Rule names the criterion that stopped a Converged run: "GradTol",
	// "ETol" or "WTol" (the first that holds, in that order); "" otherwise.
	Rule string
	ws   []float64
	gs   []float64
	es   []float64
}

func newTrace(dim int, alpha float64, capIter int) *Trace {
	if capIter < 1 {
		capIter = 1
	}
	return &Trace{
		Dim:   dim,
		Alpha: alpha,
		ws:    make([]float64, 0, capIter*dim),
		gs:    make([]float64, 0, capIter*dim),
		es:    make([]float64, 0, capIter),
	}
}

func (t *Trace) record(w []float64, e float64, g []float64) {
	t.ws = append(t.ws, w...)
	t.gs = append(t.gs, g...)
	t.es = append(t.es, e)
}

// Len returns the number of recorded points (updates + 1).
func (t *Trace) Len() int { return len(t.es) }

// Iterations returns the number of updates done, Len() − 1.
func (t *Trace) Iterations() int { return len(t.es) - 1 }

// W returns w_i. The slice aliases the trace: do not modify it.
func (t *Trace) W(i int) []float64 { return t.ws[i*t.Dim : (i+1)*t.Dim : (i+1)*t.Dim] }

// Grad returns ∇E(w_i). The slice aliases the trace: do not modify it.
func (t *Trace) Grad(i int) []float64 { return t.gs[i*t.Dim : (i+1)*t.Dim : (i+1)*t.Dim] }

// E returns E(w_i).
func (t *Trace) E(i int) float64 { return t.es[i] }

// Step writes the update w_i − w_{i−1} = −α ∇E(w_{i−1}) into dst (allocated if
// nil) and returns it; i must be in [1, Len()).
func (t *Trace) Step(dst []float64, i int) []float64 {
	if dst == nil {
		dst = make([]float64, t.Dim)
	}
	a, b := t.W(i-1), t.W(i)
	for j := range dst {
		dst[j] = b[j] - a[j]
	}
	return dst
}

// Final returns the last w (aliases the trace).
func (t *Trace) Final() []float64 { return t.W(t.Len() - 1) }

// FinalE returns the last E.
func (t *Trace) FinalE() float64 { return t.es[len(t.es)-1] }

// Es returns E(w_0), E(w_1), ... as a plain slice (aliases the trace), ready
// for a loss-curve plot.
func (t *Trace) Es() []float64 { return t.es[:len(t.es):len(t.es)] }

// Iters returns 0, 1, ..., Len()−1 as float64, the x axis of a loss curve.
func (t *Trace) Iters() []float64 {
	xs := make([]float64, t.Len())
	for i := range xs {
		xs[i] = float64(i)
	}
	return xs
}

// Column returns the path of parameter j, w_j over iterations, as a new slice.
func (t *Trace) Column(j int) []float64 {
	c := make([]float64, t.Len())
	for i := range c {
		c[i] = t.ws[i*t.Dim+j]
	}
	return c
}

// GradColumn returns ∂E/∂w_j over iterations, as a new slice.
func (t *Trace) GradColumn(j int) []float64 {
	c := make([]float64, t.Len())
	for i := range c {
		c[i] = t.gs[i*t.Dim+j]
	}
	return c
}

// Path1D returns w_0, w_1, ... of a one-parameter run as a plain slice
// (aliases the trace when Dim == 1; otherwise it is Column(0)).
func (t *Trace) Path1D() []float64 {
	if t.Dim == 1 {
		return t.ws[:len(t.ws):len(t.ws)]
	}
	return t.Column(0)
}

// FinitePrefix returns the number of leading entries whose w and E are all
// finite: the part of a diverged run that can be plotted.
func (t *Trace) FinitePrefix() int {
	for i := 0; i < t.Len(); i++ {
		if !dscFinite(t.es[i]) || dscFirstNonFinite(t.W(i)) >= 0 {
			return i
		}
	}
	return t.Len()
}

// DivergenceError reports a run stopped because E grew without bound or a
// value became Inf/NaN. The trace up to and including Iter is still returned.
type DivergenceError struct {
	Iter   int     // iteration at which it was detected
	Reason Reason  // Diverged or NonFinite
	What   string  // "E", "w[2]", "∇E[0]", ...
	Value  float64 // the offending value
	E0     float64 // E(w0)
	Alpha  float64 // the α used
}

// Error describes the divergence in English and suggests a smaller α.
func (e *DivergenceError) Error() string {
	if e.Reason == NonFinite && e.Iter == 0 {
		return fmt.Sprintf("gdkit: %s = %v is not finite at the starting point w0; choose another w0", e.What, e.Value)
	}
	if e.Reason == NonFinite {
		return fmt.Sprintf("gdkit: descent stopped at iteration %d: %s = %v is not finite (numerical error); α = %g is probably too large, try a smaller α such as %g",
			e.Iter, e.What, e.Value, e.Alpha, e.Alpha/10)
	}
	return fmt.Sprintf("gdkit: descent diverged at iteration %d: %s = %g grew far above E(w0) = %g; α = %g is too large, try a smaller α such as %g",
		e.Iter, e.What, e.Value, e.E0, e.Alpha, e.Alpha/10)
}

// Spanish describes the divergence in Spanish, for the notebooks (voseo,
// as the slides): values with 4 significant digits, the suggested α with 2.
func (e *DivergenceError) Spanish() string {
	if e.Reason == NonFinite && e.Iter == 0 {
		return fmt.Sprintf("%s = %v no es finito en el punto inicial w0; elegí otro w0", e.What, e.Value)
	}
	if e.Reason == NonFinite {
		return fmt.Sprintf("el descenso se detuvo en la iteración %d: %s = %v no es finito (error numérico); α = %g es probablemente demasiado grande, probá un α más chico, por ejemplo %.2g",
			e.Iter, e.What, e.Value, e.Alpha, e.Alpha/10)
	}
	return fmt.Sprintf("el descenso divergió en la iteración %d: %s = %.4g creció muy por encima de E(w0) = %.4g; α = %g es demasiado grande, probá un α más chico, por ejemplo %.2g",
		e.Iter, e.What, e.Value, e.E0, e.Alpha, e.Alpha/10)
}

// ErrDescentInput is wrapped by every input-validation error of the descent,
// model and SGD functions (α ≤ 0, wrong w0 length, NaN or empty data, bad labels, ...).
var ErrDescentInput = errors.New("gdkit: bad input")

func dscBadInput(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrDescentInput}, args...)...)
}

func dscFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func dscFirstNonFinite(v []float64) int {
	for i, x := range v {
		if !dscFinite(x) {
			return i
		}
	}
	return -1
}

func dscCheckTol(name string, v float64) error {
	if math.IsNaN(v) || v < 0 {
		return dscBadInput("%s = %v must be ≥ 0", name, v)
	}
	return nil
}

func (o *Options) validate() error {
	if math.IsNaN(o.Alpha) || math.IsInf(o.Alpha, 0) || o.Alpha <= 0 {
		return dscBadInput("α = %v must be finite and > 0", o.Alpha)
	}
	if o.MaxIter < 0 {
		return dscBadInput("MaxIter = %d must be ≥ 0", o.MaxIter)
	}
	for _, t := range []struct {
		n string
		v float64
	}{{"GradTol", o.GradTol}, {"ETol", o.ETol}, {"WTol", o.WTol}} {
		if err := dscCheckTol(t.n, t.v); err != nil {
			return err
		}
	}
	if math.IsNaN(o.DivergeFactor) {
		return dscBadInput("DivergeFactor is NaN")
	}
	return nil
}

// Descend runs the fixed-step gradient descent of the slides from w0:
//
//	repeat  w ← w − α ∇E(w)  until a stopping criterion holds.
//
// It records every iterate in the returned Trace. On divergence (E grows by
// more than DivergeFactor·max(|E(w0)|,1), or Inf/NaN in w, E or ∇E) it
// returns the trace so far together with a *DivergenceError. On bad input
// it returns a nil trace and an error wrapping ErrDescentInput. w0 is not
// modified. Apart from amortised growth of the trace, the loop allocates
// nothing per iteration.
func Descend(p Problem, w0 []float64, opt Options) (*Trace, error) {
	if p.E == nil || p.Grad == nil {
		return nil, dscBadInput("Problem needs both E and Grad")
	}
	if len(w0) == 0 {
		return nil, dscBadInput("w0 is empty")
	}
	if p.Dim > 0 && len(w0) != p.Dim {
		return nil, dscBadInput("len(w0) = %d, the problem has %d parameters", len(w0), p.Dim)
	}
	if i := dscFirstNonFinite(w0); i >= 0 {
		return nil, dscBadInput("w0[%d] = %v is not finite", i, w0[i])
	}
	if err := opt.validate(); err != nil {
		return nil, err
	}
	maxIter := opt.MaxIter
	if maxIter == 0 {
		maxIter = 1000
	}
	factor := opt.DivergeFactor
	if factor == 0 {
		factor = 1e6
	}
	n := len(w0)
	w := make([]float64, n)
	copy(w, w0)
	g := make([]float64, n)
	tr := newTrace(n, opt.Alpha, min(maxIter+1, 1024))

	e := p.E(w)
	p.Grad(g, w)
	e0 := e
	tr.record(w, e, g)
	if err := dscNonFinite(0, w, e, g, e0, opt.Alpha); err != nil {
		tr.Reason = NonFinite
		return tr, err
	}
	if opt.Callback != nil && !opt.Callback(0, w, e, g) {
		tr.Reason = Stopped
		return tr, nil
	}
	if opt.GradTol > 0 && dscNorm2(g) <= opt.GradTol {
		tr.Reason, tr.Rule = Converged, "GradTol"
		return tr, nil
	}
	limit := factor * math.Max(math.Abs(e0), 1)
	for it := 1; it <= maxIter; it++ {
		var step2 float64
		for j, gj := range g {
			s := opt.Alpha * gj
			w[j] -= s
			step2 += s * s
		}
		prev := e
		e = p.E(w)
		p.Grad(g, w)
		tr.record(w, e, g)
		if err := dscNonFinite(it, w, e, g, e0, opt.Alpha); err != nil {
			tr.Reason = NonFinite
			return tr, err
		}
		if factor > 0 && e-e0 > limit {
			tr.Reason = Diverged
			return tr, &DivergenceError{Iter: it, Reason: Diverged, What: "E", Value: e, E0: e0, Alpha: opt.Alpha}
		}
		if opt.Callback != nil && !opt.Callback(it, w, e, g) {
			tr.Reason = Stopped
			return tr, nil
		}
		switch {
		case opt.GradTol > 0 && dscNorm2(g) <= opt.GradTol:
			tr.Rule = "GradTol"
		case opt.ETol > 0 && math.Abs(e-prev) <= opt.ETol:
			tr.Rule = "ETol"
		case opt.WTol > 0 && math.Sqrt(step2) <= opt.WTol:
			tr.Rule = "WTol"
		}
		if tr.Rule != "" {
			tr.Reason = Converged
			return tr, nil
		}
	}
	tr.Reason = MaxIter
	return tr, nil
}

func dscNonFinite(it int, w []float64, e float64, g []float64, e0, alpha float64) error {
	mk := func(what string, v float64) error {
		return &DivergenceError{Iter: it, Reason: NonFinite, What: what, Value: v, E0: e0, Alpha: alpha}
	}
	if i := dscFirstNonFinite(w); i >= 0 {
		return mk(fmt.Sprintf("w[%d]", i), w[i])
	}
	if !dscFinite(e) {
		return mk("E", e)
	}
	if i := dscFirstNonFinite(g); i >= 0 {
		return mk(fmt.Sprintf("∇E[%d]", i), g[i])
	}
	return nil
}

func dscNorm2(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}

// Descend1D runs Descend on a function of one variable, E(w) with derivative
// dE(w), starting at w0: w ← w − α dE(w). The trace has Dim 1; use
// Trace.Path1D and Trace.Es for the plots.
func Descend1D(e, de func(w float64) float64, w0 float64, opt Options) (*Trace, error) {
	if e == nil || de == nil {
		return nil, dscBadInput("Descend1D needs both E and dE")
	}
	p := Problem{
		E:    func(w []float64) float64 { return e(w[0]) },
		Grad: func(dst, w []float64) { dst[0] = de(w[0]) },
		Dim:  1,
	}
	return Descend(p, []float64{w0}, opt)
}

// RandomW0 returns n values drawn uniformly from [lo, hi) with rng: the
// slides' "valor inicial w = w0 aleatorio". The same seed gives the same w0.
// Use rand.New(rand.NewPCG(seed, 0)) for a seeded source.
func RandomW0(rng *rand.Rand, n int, lo, hi float64) ([]float64, error) {
	if rng == nil {
		return nil, dscBadInput("RandomW0 needs a non-nil *rand.Rand")
	}
	if n <= 0 {
		return nil, dscBadInput("RandomW0: n = %d must be > 0", n)
	}
	if !dscFinite(lo) || !dscFinite(hi) || !(lo < hi) {
		return nil, dscBadInput("RandomW0: need finite lo < hi, got [%v, %v)", lo, hi)
	}
	w := make([]float64, n)
	for i := range w {
		w[i] = lo + (hi-lo)*rng.Float64()
	}
	return w, nil
}

// NewRand returns a *rand.Rand seeded deterministically with seed (PCG).
func NewRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)) }
