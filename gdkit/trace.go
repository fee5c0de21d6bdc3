package gdkit

import (
	"fmt"
	"math"
	"strings"
)

// Reason says why a descent loop stopped.
type Reason int

// Stop reasons.
const (
	Running      Reason = iota // the loop has not stopped (zero value)
	Converged                  // a tolerance (GradTol, ETol or WTol) was met
	MaxIter                    // MaxIter updates were done
	Diverged                   // E grew beyond DivergeFactor·max(|E(w0)|,1)
	NonFinite                  // Inf or NaN appeared in w, E or ∇E
	Stopped                    // the callback returned false
	Failed                     // the update rule or the line search returned an error
	SearchFailed               // the line search found no step that lowers E (ErrSearchFailed)
)

var (
	reasonEN = [...]string{"running", "converged", "maximum iterations reached", "diverged",
		"non-finite value (Inf/NaN)", "stopped by callback", "update rule or line search failed",
		"line search found no step that lowers E"}
	reasonES = [...]string{"en curso", "convergió", "se alcanzó el máximo de iteraciones", "divergió",
		"valor no finito (Inf/NaN)", "detenido por el callback", "falló la regla de actualización o la búsqueda lineal",
		"la búsqueda lineal no encontró un paso que baje E"}
)

// String returns the English description of r.
func (r Reason) String() string { return enumName(reasonEN[:], int(r), "Reason") }

// Spanish returns the Spanish description of r, for the notebooks.
func (r Reason) Spanish() string { return enumName(reasonES[:], int(r), "Reason") }

// Trace is the full history of a descent run: entry i holds w_i, E(w_i) and
// ∇E(w_i), where entry 0 is the starting point w_0 and entry i the point
// after i updates; for every update, the step size used and the
// evaluations of E and ∇E it cost. It is stored flat (one []float64 for all
// w and one for all gradients) so recording an iteration costs no
// allocation beyond amortised growth.
type Trace struct {
	Dim    int     // number of parameters P
	Alpha  float64 // the base α (DescentSettings.Alpha)
	Reason Reason  // why the run stopped
	// Criterion names the criterion that stopped a Converged run:
	// "GradTol", "ETol" or "WTol" (the first that holds, in that order);
	// "" otherwise.
	Criterion string
	ws        []float64
	gs        []float64
	es        []float64
	steps     []float64 // α_t of update t at index t−1
	evals     []int     // evaluations of E and ∇E of entry i at 2i and 2i+1
}

func newTrace(dim int, alpha float64, capIter int) *Trace {
	capIter = max(capIter, 1)
	return &Trace{
		Dim:   dim,
		Alpha: alpha,
		ws:    make([]float64, 0, capIter*dim),
		gs:    make([]float64, 0, capIter*dim),
		es:    make([]float64, 0, capIter),
		steps: make([]float64, 0, capIter),
		evals: make([]int, 0, 2*capIter),
	}
}

func (t *Trace) record(w []float64, e float64, g []float64, evalsE, evalsG int) {
	t.ws = append(t.ws, w...)
	t.gs = append(t.gs, g...)
	t.es = append(t.es, e)
	t.evals = append(t.evals, evalsE, evalsG)
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

// StepSize returns α_i, the step size of update i (1 ≤ i < Len()): α for
// plain descent, Schedule.Alpha(α, i) with a schedule, the α chosen by the
// line search with one.
func (t *Trace) StepSize(i int) float64 { return t.steps[i-1] }

// StepSizes returns α_1, α_2, ... (one per update, aliasing the trace),
// ready for a plot of the step size against the iteration.
func (t *Trace) StepSizes() []float64 { return t.steps[:len(t.steps):len(t.steps)] }

// Evals returns how many times E and ∇E were evaluated to reach entry i:
// 1 and 1 for w_0 and for every update of plain descent, more when a line
// search tried other step sizes.
func (t *Trace) Evals(i int) (e, grad int) { return t.evals[2*i], t.evals[2*i+1] }

// TotalEvals returns the evaluations of E and of ∇E over the whole run.
func (t *Trace) TotalEvals() (e, grad int) {
	for i := 0; i < len(t.evals); i += 2 {
		e += t.evals[i]
		grad += t.evals[i+1]
	}
	return e, grad
}

// Step writes the update w_i − w_{i−1} into dst (allocated if nil) and
// returns it; for plain descent it is −α ∇E(w_{i−1}). i must be in
// [1, Len()). It panics with an error wrapping ErrDimension if dst is not
// nil and len(dst) ≠ Dim.
func (t *Trace) Step(dst []float64, i int) []float64 {
	if dst == nil {
		dst = make([]float64, t.Dim)
	}
	if len(dst) != t.Dim {
		dimPanic("Trace.Step: len(dst) = %d, the trace has %d parameters", len(dst), t.Dim)
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

// Gap returns E(w_k) − eMin for k = 0, 1, … (a new slice): how far each
// iterate is from a known minimum value eMin, the quantity whose log falls
// on a straight line when descent converges linearly. It stops before the
// first k where the gap is within round-off of zero,
// |E(w_k) − eMin| ≤ 1e-14·max(1, |eMin|), so a log-scale plot does not dive
// into noise; non-finite values (a divergence) are kept.
func (t *Trace) Gap(eMin float64) []float64 { return gap(t.es, eMin) }

// gap is E − eMin for each E of es, up to the round-off floor.
func gap(es []float64, eMin float64) []float64 {
	floor := 1e-14 * math.Max(1, math.Abs(eMin))
	d := make([]float64, 0, len(es))
	for _, e := range es {
		if math.Abs(e-eMin) <= floor {
			break
		}
		d = append(d, e-eMin)
	}
	return d
}

// Column returns the path of parameter j, w_j over iterations, as a new slice.
func (t *Trace) Column(j int) []float64 { return column(t.ws, t.Dim, j) }

// column returns element j of every dim-long record of flat.
func column(flat []float64, dim, j int) []float64 {
	c := make([]float64, len(flat)/dim)
	for i := range c {
		c[i] = flat[i*dim+j]
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
		if !isFinite(t.es[i]) || firstNonFinite(t.W(i)) >= 0 {
			return i
		}
	}
	return t.Len()
}

// DivergenceError reports a run stopped because E grew without bound or a
// value became Inf/NaN. The trace up to and including Iter is still
// returned. errors.Is(err, ErrDiverged) holds for a divergence during the
// run (Iter > 0), errors.Is(err, ErrNotFinite) for a NaN or Inf.
type DivergenceError struct {
	Iter   int     // iteration at which it was detected
	Reason Reason  // Diverged or NonFinite
	What   string  // "E", "w[2]", "∇E[0]", ...
	Value  float64 // the offending value
	E0     float64 // E(w0)
	Alpha  float64 // the step size of that update
}

// Is makes errors.Is(err, ErrDiverged) true for a divergence during the run,
// and errors.Is(err, ErrNotFinite) true for a NaN or Inf (also in w0).
func (e *DivergenceError) Is(target error) bool {
	return (target == ErrDiverged && e.Iter > 0) || (target == ErrNotFinite && e.Reason == NonFinite)
}

// The messages of a DivergenceError, in English and in Spanish (voseo, as
// the slides): a non-finite value at w0, a non-finite value during the
// run, and E growing without bound.
var divergenceText = [2][3]string{
	{
		"gdkit: %[2]s = %[3]v is not finite at the starting point w0; choose another w0",
		"gdkit: descent stopped at iteration %[1]d: %[2]s = %[3]v is not finite (numerical error); α = %[5]g is probably too large, try a smaller α such as %[6]g",
		"gdkit: descent diverged at iteration %[1]d: %[2]s = %[3]g grew far above E(w0) = %[4]g; α = %[5]g is too large, try a smaller α such as %[6]g",
	},
	{
		"%[2]s = %[3]v no es finito en el punto inicial w0; elegí otro w0",
		"el descenso se detuvo en la iteración %[1]d: %[2]s = %[3]v no es finito (error numérico); α = %[5]g es probablemente demasiado grande, probá un α más chico, por ejemplo %.2[6]g",
		"el descenso divergió en la iteración %[1]d: %[2]s = %.4[3]g creció muy por encima de E(w0) = %.4[4]g; α = %[5]g es demasiado grande, probá un α más chico, por ejemplo %.2[6]g",
	},
}

func (e *DivergenceError) text(lang int) string {
	k := 2
	if e.Reason == NonFinite {
		k = min(e.Iter, 1)
	}
	what := e.What
	if lang == 1 {
		what = strings.Replace(what, "∇", "Δ", 1) // the slides' notation: ∇E[0] is ΔE[0]
	}
	return fmt.Sprintf(divergenceText[lang][k], e.Iter, what, e.Value, e.E0, e.Alpha, e.Alpha/10)
}

// Error describes the divergence in English and suggests a smaller α.
func (e *DivergenceError) Error() string { return e.text(0) }

// Spanish describes the divergence in Spanish, for the notebooks (voseo,
// as the slides): values with 4 significant digits, the suggested α with 2,
// the gradient in the slides' notation (What "∇E[0]" reads ΔE[0]).
func (e *DivergenceError) Spanish() string { return e.text(1) }

// SearchError reports a run stopped because the line search found no step
// size that lowers E at update Iter (it wraps ErrSearchFailed). The trace
// up to update Iter−1 is still returned, with reason SearchFailed. Near the
// minimum this is the end of what a line search on E can do: the decrease
// it looks for, about α‖∇E‖², is below E's round-off (≈ 1e-16·|E|), so
// ‖∇E‖ cannot go below about √(1e-16·|E|/α). Far from it (a large
// ‖∇E‖), suspect the gradient.
type SearchError struct {
	Iter     int     // the update whose search failed
	E        float64 // E(w) at the start of the search
	GradNorm float64 // ‖∇E(w)‖₂ there
	Evals    int     // evaluations of E and ∇E the failed search spent
	Err      error   // the line search's error
}

// Error describes the failure in English.
func (e *SearchError) Error() string {
	return fmt.Sprintf("gdkit: line search at iteration %d found no step that lowers E = %.17g (‖∇E‖ = %.3g): %v",
		e.Iter, e.E, e.GradNorm, e.Err)
}

// Spanish describes the failure in Spanish, for the notebooks, in their
// notation: the gradient ∇E is ΔE, as in the slides.
func (e *SearchError) Spanish() string {
	return fmt.Sprintf("la búsqueda lineal no encontró en la iteración %d un paso que baje E = %.10g "+
		"(‖ΔE‖ = %.2g): si ‖ΔE‖ es chico, la bajada que busca queda por debajo del redondeo de E "+
		"(pedí un GradTol más grande); si no, revisá el gradiente", e.Iter, e.E, e.GradNorm)
}

// Unwrap returns the line search's error, which wraps ErrSearchFailed.
func (e *SearchError) Unwrap() error { return e.Err }
