package gdkit

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"text/tabwriter"
)

// GradCheckSettings configures CheckGrad. A nil *GradCheckSettings, or the
// zero value, gives the defaults.
type GradCheckSettings struct {
	// Tol is the tolerance: component i passes when
	//
	//	|analytic_i - numeric_i| ≤ Tol·max(1, |numeric_i|) + 1e-9·|E(w)|/max(1, |w_i|)
	//
	// (and the same against the exact value when one is given); the second
	// term allows for the round-off of the central difference, ≈ ε|E|/h_i,
	// which dominates when |E| is large and the gradient small. 0 means 1e-6.
	Tol float64
	// Exact, if not nil, gives a reference gradient (funcs.Func2D.ExactGrad
	// or a DualGrad wrapper) compared against the analytic one too.
	Exact func(grad, w []float64)
}

const (
	defaultGradTol = 1e-6
	// roundoffAllowance is the factor of |E(w)|/max(1,|w_i|) in the limit
	// (≈ 30× ε/6e-6, the central-difference round-off).
	roundoffAllowance = 1e-9
)

// GradCheckRow is one component of a gradient check.
type GradCheckRow struct {
	Index    int     // component i (0-based; shown as w_{i+1})
	Analytic float64 // gradE(w)[i]
	Numeric  float64 // NumGrad(f, w)[i]
	Exact    float64 // exact reference, NaN when not given
	AbsErr   float64 // |analytic - numeric|, or max with |analytic - exact|
	RelErr   float64 // AbsErr / max(|analytic|, |numeric|); 0 if both are 0
	Limit    float64 // allowed AbsErr: Tol·max(1,|numeric|) + 1e-9·|E(w)|/max(1,|w_i|)
	OK       bool    // AbsErr ≤ Limit
}

// GradCheck is the report of CheckGrad: one row per component, the
// tolerance used, the overall verdict and the worst component. String
// prints it as a table in English, Spanish in the course's notation.
type GradCheck struct {
	W        []float64
	Rows     []GradCheckRow
	Tol      float64
	HasExact bool
	OK       bool // every row passes
	Worst    int  // index of the row with the largest AbsErr/Limit
}

// CheckGrad compares the analytic gradient gradE (gonum's
// optimize.Problem.Grad shape: gradE(grad, w) fills grad) with the central
// numeric gradient of E at w (NumGrad), component by component (see
// GradCheckSettings for the tolerance; nil s gives the defaults). Errors:
// empty or non-finite w (ErrEmpty, ErrNotFinite), NaN/Inf in E or a
// gradient (ErrNotFinite), bad settings or a nil function (ErrBadParam),
// and ErrDimension when E or a gradient indexes past its slices, i.e.
// when it was written for another number of parameters than len(w). Any
// other panic of E or a gradient is not caught.
func CheckGrad(E func([]float64) float64, gradE func(grad, w []float64), w []float64, s *GradCheckSettings) (*GradCheck, error) {
	if s == nil {
		s = &GradCheckSettings{}
	}
	tol := s.Tol
	if err := checkTol("Tol", tol); err != nil {
		return nil, err
	}
	if tol == 0 {
		tol = defaultGradTol
	}
	if err := checkVec("w", w); err != nil {
		return nil, err
	}
	if E == nil || gradE == nil {
		return nil, errorf(ErrBadParam, "nil function")
	}
	n := len(w)
	wc := append([]float64(nil), w...)
	var (
		e0      float64
		num, an []float64
		err     error
	)
	if err := guard(n, func() { e0 = E(wc) }); err != nil {
		return nil, err
	}
	if !isFinite(e0) {
		return nil, notFinite("E(w)", e0)
	}
	if err := guard(n, func() { num, err = NumGrad(nil, E, wc) }); err != nil {
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	if an, err = callGrad("analytic gradient", gradE, w); err != nil {
		return nil, err
	}
	var ex []float64
	if s.Exact != nil {
		if ex, err = callGrad("exact gradient", s.Exact, w); err != nil {
			return nil, err
		}
	}
	rep := &GradCheck{W: wc, Rows: make([]GradCheckRow, n), Tol: tol, HasExact: ex != nil, OK: true}
	worst := -1.0
	for i := range w {
		r := GradCheckRow{Index: i, Analytic: an[i], Numeric: num[i], Exact: math.NaN()}
		r.AbsErr = math.Abs(an[i] - num[i])
		if ex != nil {
			r.Exact = ex[i]
			r.AbsErr = math.Max(r.AbsErr, math.Abs(an[i]-ex[i]))
		}
		if d := math.Max(math.Abs(an[i]), math.Abs(num[i])); d > 0 {
			r.RelErr = r.AbsErr / d
		} else if r.AbsErr > 0 {
			r.RelErr = math.Inf(1)
		}
		r.Limit = tol*math.Max(1, math.Abs(num[i])) + roundoffAllowance*math.Abs(e0)/math.Max(1, math.Abs(w[i]))
		r.OK = r.AbsErr <= r.Limit
		if q := r.AbsErr / r.Limit; q > worst {
			worst, rep.Worst = q, i
		}
		rep.OK = rep.OK && r.OK
		rep.Rows[i] = r
	}
	return rep, nil
}

// callGrad evaluates g at a copy of w into a new slice and checks that
// every component is finite.
func callGrad(what string, g func(grad, w []float64), w []float64) ([]float64, error) {
	dst := make([]float64, len(w))
	wc := append([]float64(nil), w...)
	if err := guard(len(w), func() { g(dst, wc) }); err != nil {
		return nil, err
	}
	if i := firstNonFinite(dst); i >= 0 {
		return nil, notFinite(fmt.Sprintf("%s[%d]", what, i), dst[i])
	}
	return dst, nil
}

// guard runs call and turns a panic that is a length problem into an
// ErrDimension error: an index or slice out of range (a function written
// for another number of parameters than n), or a panic whose value wraps
// ErrDimension (Model.E, Model.Grad). Any other panic propagates.
func guard(n int, call func()) (err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		e, ok := r.(error)
		var re runtime.Error
		switch {
		case ok && errors.Is(e, ErrDimension):
			err = fmt.Errorf("for len(w) = %d: %w", n, e)
		case ok && errors.As(e, &re) && (strings.Contains(re.Error(), "index out of range") ||
			strings.Contains(re.Error(), "slice bounds out of range")):
			err = errorf(ErrDimension, "the function failed for len(w) = %d: %v", n, re)
		default:
			panic(r)
		}
	}()
	call()
	return nil
}

// Failed returns the indices of the components that fail the check.
func (c *GradCheck) Failed() []int {
	var idx []int
	for _, r := range c.Rows {
		if !r.OK {
			idx = append(idx, r.Index)
		}
	}
	return idx
}

// gradCheckText holds the words of one language of the report.
type gradCheckText struct {
	header    []string // component, analytic, numeric, exact, abs, limit, rel
	component string   // format of a component's name
	ok, fail  string   // verdicts: ok takes the number of rows
	tol       string   // format of the tolerance
}

var (
	gradCheckEN = gradCheckText{
		header:    []string{"i", "analytic", "numeric", "exact", "abs err", "limit", "rel err"},
		component: "w%d", ok: "OK: all %d components agree", fail: "FAIL: wrong component(s) ",
		tol: "tol %.0e·max(1,|numeric|) + round-off",
	}
	gradCheckES = gradCheckText{
		header:    []string{"parcial", "a mano", "numérica", "exacta", "dif. abs.", "límite", "dif. rel."},
		component: "δE/δw%d", ok: "OK: las %d derivadas parciales coinciden", fail: "MAL: no coincide ",
		tol: "tolerancia %.0e·max(1, |numérica|) + redondeo",
	}
)

// String renders the check as an aligned text table, one line per
// component (failing ones marked ✗), then the verdict.
func (c *GradCheck) String() string { return c.table(&gradCheckEN) }

// Spanish renders the check like String, in the course's Spanish and
// notation: one line per partial derivative δE/δw_i with the hand-written
// ("a mano"), numeric and (if given) exact values, the absolute difference,
// its limit Tol·max(1, |numérica|) + round-off, the relative difference and
// ✓ or ✗; then the verdict naming the wrong partials.
func (c *GradCheck) Spanish() string { return c.table(&gradCheckES) }

func (c *GradCheck) table(t *gradCheckText) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	h := t.header[:3:3]
	if c.HasExact {
		h = append(h, t.header[3])
	}
	h = append(h, t.header[4:]...)
	fmt.Fprintln(tw, strings.Join(h, "\t")+"\t")
	for _, r := range c.Rows {
		row := []string{fmt.Sprintf(t.component, r.Index+1), fmt.Sprintf("%.10g", r.Analytic), fmt.Sprintf("%.10g", r.Numeric)}
		if c.HasExact {
			row = append(row, fmt.Sprintf("%.10g", r.Exact))
		}
		mark := "✓"
		if !r.OK {
			mark = "✗"
		}
		row = append(row, fmt.Sprintf("%.2e", r.AbsErr), fmt.Sprintf("%.2e", r.Limit), fmt.Sprintf("%.2e", r.RelErr))
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t  "+mark)
	}
	tw.Flush()
	tol := fmt.Sprintf(t.tol, c.Tol)
	if c.OK {
		fmt.Fprintf(&b, t.ok+" (%s)\n", len(c.Rows), tol)
		return b.String()
	}
	var bad []string
	for _, i := range c.Failed() {
		bad = append(bad, fmt.Sprintf(t.component, i+1))
	}
	fmt.Fprintf(&b, "%s%s (%s)\n", t.fail, strings.Join(bad, ", "), tol)
	return b.String()
}
