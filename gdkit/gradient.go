package gdkit

import (
	"fmt"
	"html"
	"math"
	"strings"
	"sync"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
)

// gradStep is the base step of the central formula (fd.Central.Step ≈ ∛ε).
const gradStep = 6e-6

var numGradPool = sync.Pool{New: func() any { s := make([]float64, 0, 16); return &s }}

// NumGrad estimates the gradient of f at w by central differences,
//
//	∂f/∂w_i ≈ (f(w + h_i e_i) - f(w - h_i e_i)) / (2 h_i),  h_i = 6e-6·max(1,|w_i|),
//
// the stencil of gonum's fd.Central with a step scaled to w_i. The result
// goes in dst (allocated when nil); with dst given, NumGrad does not
// allocate (the work copy of w comes from a pool). f must not keep its
// argument. Errors: empty or non-finite w, len(dst) ≠ len(w), or f
// returning NaN/Inf at a stencil point.
func NumGrad(dst []float64, f func([]float64) float64, w []float64) ([]float64, error) {
	if err := numCheckVec("w", w); err != nil {
		return nil, err
	}
	dst, err := numDst(dst, len(w), "w")
	if err != nil {
		return nil, err
	}
	bp := numGradPool.Get().(*[]float64)
	defer numGradPool.Put(bp)
	x := append((*bp)[:0], w...)
	*bp = x
	for i, wi := range w {
		h := fdStepFor(gradStep, wi)
		x[i] = wi + h
		fp := f(x)
		copy(x, w) // f may have modified x
		x[i] = wi - h
		fm := f(x)
		copy(x, w)
		if !numFinite(fp) || !numFinite(fm) {
			return nil, fmt.Errorf("%w: f(w ± h·e%d) = %v, %v", ErrNotFinite, i+1, fp, fm)
		}
		dst[i] = (fp - fm) / (2 * h)
	}
	return dst, nil
}

// hessStep is the base step of NumHessian, ≈ ε^¼ (error O(h²) + O(ε|f|/h²)).
const hessStep = 1e-4

// NumHessian estimates the Hessian H_ij = ∂²f/∂w_i∂w_j of f at w with
// gonum's fd.Hessian and the central stencil,
//
//	H_ij ≈ [f(w+h e_i+h e_j) - f(w+h e_i-h e_j) - f(w-h e_i+h e_j) + f(w-h e_i-h e_j)] / (4h²),
//
// h = 1e-4·max(1, max|w_i|) (error ~1e-7 relative for smooth f), storing it in dst (resized
// when empty, otherwise it must be len(w)×len(w)). Errors: empty or
// non-finite w, size mismatch, non-finite f values or result.
func NumHessian(dst *mat.SymDense, f func([]float64) float64, w []float64) error {
	if err := numCheckVec("w", w); err != nil {
		return err
	}
	if dst == nil {
		return fmt.Errorf("%w: nil dst", ErrDimension)
	}
	n := len(w)
	if !dst.IsEmpty() && dst.SymmetricDim() != n {
		return fmt.Errorf("%w: dst is %d×%d, len(w)=%d", ErrDimension, dst.SymmetricDim(), dst.SymmetricDim(), n)
	}
	scale := 1.0
	for _, v := range w {
		scale = math.Max(scale, math.Abs(v))
	}
	bad := false
	g := func(x []float64) float64 {
		v := f(x)
		if !numFinite(v) {
			bad = true
		}
		return v
	}
	s := fd.Settings{Formula: fd.Central, Step: hessStep * scale}
	fd.Hessian(dst, g, w, &s)
	if bad {
		return fmt.Errorf("%w: f is NaN/Inf near w = %v", ErrNotFinite, w)
	}
	return nil
}

// DefaultGradTol is the tolerance of CheckGrad: component i passes when
//
//	|analytic_i - numeric_i| ≤ Tol·max(1, |numeric_i|) + 1e-9·|E(w)|/max(1, |w_i|)
//
// (and the same against the exact value when one is given). The second
// term allows for the round-off of the central difference, ≈ ε|E|/h_i,
// which dominates when |E| is large and the gradient small.
const DefaultGradTol = 1e-6

// roundoffAllowance is the factor of |E(w)|/max(1,|w_i|) in the limit
// (≈ 30× ε/6e-6, the central-difference round-off).
const roundoffAllowance = 1e-9

// GradCheckSettings configures CheckGradWith.
type GradCheckSettings struct {
	// Tol is the tolerance: |a-n| ≤ Tol·max(1,|n|) passes. 0 means DefaultGradTol.
	Tol float64
	// Exact, if not nil, gives a reference gradient (e.g. Func2D.ExactGrad
	// or a DualGrad wrapper) compared against the analytic one too.
	Exact func(grad, w []float64)
}

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
// tolerance used, the overall verdict and the worst component.
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
// numeric gradient of E at w (NumGrad), component by component, with
// tolerance DefaultGradTol. Errors (never panics): empty or non-finite w,
// NaN/Inf in E or the analytic gradient, gradE panicking on the length.
func CheckGrad(E func([]float64) float64, gradE func(grad, w []float64), w []float64) (*GradCheck, error) {
	return CheckGradWith(E, gradE, w, GradCheckSettings{})
}

func numCallGrad(g func(grad, w []float64), dst, w []float64) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: gradient function panicked for len(w)=%d: %v", ErrDimension, len(w), r)
		}
	}()
	g(dst, w)
	return nil
}

// CheckGradWith is CheckGrad with a tolerance and an optional exact gradient.
func CheckGradWith(E func([]float64) float64, gradE func(grad, w []float64), w []float64, s GradCheckSettings) (rep *GradCheck, err error) {
	defer func() {
		if r := recover(); r != nil {
			rep, err = nil, fmt.Errorf("%w: E or its gradient panicked for len(w)=%d: %v", ErrDimension, len(w), r)
		}
	}()
	tol := s.Tol
	if tol == 0 {
		tol = DefaultGradTol
	}
	if !(tol > 0) || math.IsInf(tol, 0) {
		return nil, fmt.Errorf("gdkit: tolerance %v must be finite and > 0", tol)
	}
	if err := numCheckVec("w", w); err != nil {
		return nil, err
	}
	if E == nil || gradE == nil {
		return nil, fmt.Errorf("gdkit: nil function")
	}
	n := len(w)
	wc := append([]float64(nil), w...)
	e0 := E(wc)
	if !numFinite(e0) {
		return nil, fmt.Errorf("%w: E(w) = %v", ErrNotFinite, e0)
	}
	an := make([]float64, n)
	if err := numCallGrad(gradE, an, append([]float64(nil), w...)); err != nil {
		return nil, err
	}
	for i, v := range an {
		if !numFinite(v) {
			return nil, fmt.Errorf("%w: analytic gradient[%d] = %v", ErrNotFinite, i, v)
		}
	}
	num, err := NumGrad(nil, E, wc)
	if err != nil {
		return nil, err
	}
	var ex []float64
	if s.Exact != nil {
		ex = make([]float64, n)
		if err := numCallGrad(s.Exact, ex, append([]float64(nil), w...)); err != nil {
			return nil, err
		}
		for i, v := range ex {
			if !numFinite(v) {
				return nil, fmt.Errorf("%w: exact gradient[%d] = %v", ErrNotFinite, i, v)
			}
		}
	}
	rep = &GradCheck{W: wc, Rows: make([]GradCheckRow, n), Tol: tol, HasExact: ex != nil, OK: true}
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
		lim := tol*math.Max(1, math.Abs(num[i])) + roundoffAllowance*math.Abs(e0)/math.Max(1, math.Abs(w[i]))
		r.Limit = lim
		r.OK = r.AbsErr <= lim
		if q := r.AbsErr / lim; q > worst {
			worst, rep.Worst = q, i
		}
		rep.OK = rep.OK && r.OK
		rep.Rows[i] = r
	}
	return rep, nil
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

func (c *GradCheck) verdict() string {
	if c.OK {
		return fmt.Sprintf("OK: all %d components agree (tol %.0e·max(1,|numeric|) + round-off)", len(c.Rows), c.Tol)
	}
	parts := make([]string, 0)
	for _, i := range c.Failed() {
		parts = append(parts, fmt.Sprintf("w%d", i+1))
	}
	return fmt.Sprintf("FAIL: wrong component(s) %s (tol %.0e·max(1,|numeric|) + round-off)", strings.Join(parts, ", "), c.Tol)
}

func (c *GradCheck) header() []string {
	h := []string{"i", "analytic", "numeric"}
	if c.HasExact {
		h = append(h, "exact")
	}
	return append(h, "abs err", "limit", "rel err", "ok")
}

func (c *GradCheck) cells(r GradCheckRow) []string {
	row := []string{fmt.Sprintf("w%d", r.Index+1), fmt.Sprintf("%.10g", r.Analytic), fmt.Sprintf("%.10g", r.Numeric)}
	if c.HasExact {
		row = append(row, fmt.Sprintf("%.10g", r.Exact))
	}
	ok := "✓"
	if !r.OK {
		ok = "✗ <--"
	}
	return append(row, fmt.Sprintf("%.2e", r.AbsErr), fmt.Sprintf("%.2e", r.Limit), fmt.Sprintf("%.2e", r.RelErr), ok)
}

// String renders the check as an aligned text table for terminals, one
// line per component, failing ones marked "✗ <--", then the verdict.
func (c *GradCheck) String() string {
	h := c.header()
	rows := [][]string{h}
	for _, r := range c.Rows {
		rows = append(rows, c.cells(r))
	}
	width := make([]int, len(h))
	for _, row := range rows {
		for j, s := range row {
			width[j] = max(width[j], len([]rune(s)))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for j, s := range row {
			if j > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", width[j]-len([]rune(s)))
			switch {
			case j == len(row)-1:
				b.WriteString(s)
			case j == 0:
				b.WriteString(s + pad)
			default:
				b.WriteString(pad + s)
			}
		}
		b.WriteString("\n")
	}
	b.WriteString(c.verdict())
	b.WriteString("\n")
	return b.String()
}

// Markdown renders the check as a Markdown table (for notebook cells),
// failing components in bold and marked ✗, then the verdict.
func (c *GradCheck) Markdown() string {
	var b strings.Builder
	h := c.header()
	b.WriteString("| " + strings.Join(h, " | ") + " |\n|")
	for range h {
		b.WriteString("---:|")
	}
	b.WriteString("\n")
	for _, r := range c.Rows {
		cells := c.cells(r)
		if !r.OK {
			for j := range cells {
				cells[j] = "**" + cells[j] + "**"
			}
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	b.WriteString("\n**" + c.verdict() + "**\n")
	return b.String()
}

// HTML renders the check as an HTML table (for GoNB's display), failing
// rows highlighted, then the verdict.
func (c *GradCheck) HTML() string {
	var b strings.Builder
	b.WriteString(`<table class="gdkit-gradcheck"><thead><tr>`)
	for _, s := range c.header() {
		b.WriteString("<th>" + html.EscapeString(s) + "</th>")
	}
	b.WriteString("</tr></thead><tbody>\n")
	for _, r := range c.Rows {
		if r.OK {
			b.WriteString("<tr>")
		} else {
			b.WriteString(`<tr style="background:#fdd;font-weight:bold">`)
		}
		for _, s := range c.cells(r) {
			b.WriteString(`<td style="text-align:right">` + html.EscapeString(s) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	color := "green"
	if !c.OK {
		color = "#b00"
	}
	b.WriteString(`</tbody></table><p style="color:` + color + `"><b>` + html.EscapeString(c.verdict()) + "</b></p>\n")
	return b.String()
}

// numDst returns dst, or a new slice of length n when dst is nil; a dst of
// another length is an ErrDimension error naming the input it must match.
func numDst(dst []float64, n int, name string) ([]float64, error) {
	if dst == nil {
		return make([]float64, n), nil
	}
	if len(dst) != n {
		return nil, fmt.Errorf("%w: len(dst)=%d, len(%s)=%d", ErrDimension, len(dst), name, n)
	}
	return dst, nil
}
