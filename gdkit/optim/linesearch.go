package optim

import (
	"fmt"
	"math"

	"gdkit.dev/gdkit"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"
)

// Armijo is backtracking line search: starting from α₀, it multiplies α by
// ρ until the Armijo (sufficient decrease) condition holds,
//
//	E(w + α d) ≤ E(w) + c α ∇E(w)ᵀd,
//
// for a descent direction d (∇E(w)ᵀd < 0; d = −∇E(w) in gradient
// descent). It drives gonum's optimize.Backtracking, which needs only E
// at the trial points; each trial costs one evaluation of E. A trial where
// E is NaN or Inf (the step overshot into overflow) fails the condition
// and is shrunk like any other. A step that passes the test only because
// cα∇Eᵀd is below E's round-off, with E(w + αd) ≥ E(w), is not accepted:
// the search goes on from α/2 (see Gonum). Near the minimum the decrease
// α‖∇E‖² falls below ε|E|, no line search on E can see it, and the
// search fails with gdkit.ErrSearchFailed (Descend stops with reason
// SearchFailed).
type Armijo struct {
	C           float64 // c in (0, 1); 0 means gonum's 1e-4
	Contraction float64 // ρ in (0, 1); 0 means gonum's 0.5
	MinStep     float64 // the search fails when α < MinStep; 0 means gonum's 1e-20

	bt optimize.Backtracking
	g  Gonum
}

// Init checks c, ρ and MinStep; gdkit.Descend calls it before the first
// update, so bad parameters fail before anything is evaluated.
func (a *Armijo) Init(dim int) error {
	if err := checkDim(dim); err != nil {
		return err
	}
	return a.check()
}

func (a *Armijo) check() error {
	for _, c := range []struct {
		name string
		v    float64
	}{{"Armijo.C", a.C}, {"Armijo.Contraction", a.Contraction}} {
		if c.v != 0 && !(c.v > 0 && c.v < 1) {
			return badParam("%s = %v must be in (0, 1)", c.name, c.v)
		}
	}
	if !(a.MinStep >= 0) || !finite(a.MinStep) {
		return badParam("Armijo.MinStep = %v must be finite and ≥ 0", a.MinStep)
	}
	return nil
}

// Search returns the accepted α. Errors: bad parameters, a d that is not
// a descent direction, lengths that differ (gdkit.ErrBadParam), or no
// acceptable α above MinStep (gdkit.ErrSearchFailed). gdkit.Descend counts
// the evaluations of E it makes (Trace.Evals).
func (a *Armijo) Search(p gdkit.Problem, w []float64, e float64, g, d []float64, alpha0 float64) (float64, error) {
	if err := a.check(); err != nil {
		return 0, err
	}
	a.bt = optimize.Backtracking{DecreaseFactor: a.C, ContractionFactor: a.Contraction, MinimumStepSize: a.MinStep}
	a.g.Searcher = &a.bt
	return a.g.Search(p, w, e, g, d, alpha0)
}

// Gonum drives any of gonum's line searchers (an optimize.Linesearcher:
// Backtracking, Bisection, MoreThuente) along w + α d. Bisection and
// MoreThuente look for the strong Wolfe conditions and also evaluate ∇E
// at the trial points. MaxEvals counts one per call of E and one per call
// of ∇E. A step the searcher accepts although E(w + αd) ≥ E(w)
// (possible when the sufficient-decrease term is below E's round-off)
// restarts the searcher from α/2, so every accepted step strictly lowers
// E; below α = 1e-20 the search fails.
type Gonum struct {
	Searcher optimize.Linesearcher // nil means &optimize.MoreThuente{}
	MaxEvals int                   // the search fails after this many evaluations; 0 means 100

	x, gx []float64
}

// Search returns the accepted α. A panic of the gonum searcher (its
// parameters out of range) is returned as a parameter error; no
// acceptable step within MaxEvals, as gdkit.ErrSearchFailed.
func (s *Gonum) Search(p gdkit.Problem, w []float64, e float64, g, d []float64, alpha0 float64) (alpha float64, err error) {
	slope, err := checkSearch(p, w, e, g, d)
	if err != nil {
		return 0, err
	}
	if !(alpha0 > 0) || !finite(alpha0) {
		return 0, badParam("α₀ = %v must be finite and > 0", alpha0)
	}
	ls := s.Searcher
	if ls == nil {
		ls = &optimize.MoreThuente{}
	}
	maxEvals := s.MaxEvals
	if maxEvals <= 0 {
		maxEvals = 100
	}
	defer func() {
		if r := recover(); r != nil {
			alpha, err = 0, badParam("the gonum line searcher refused its input: %v", r)
		}
	}()
	n := len(w)
	s.x = grow(s.x, n)
	s.gx = grow(s.gx, n)
	op := ls.Init(e, slope, alpha0)
	step := alpha0
	evals := 0
	for evals < maxEvals {
		if op&(optimize.FuncEvaluation|optimize.GradEvaluation) == 0 {
			return 0, searchFailed("the searcher asked for %v", op)
		}
		for i := range s.x {
			s.x[i] = w[i] + step*d[i]
		}
		var f, df float64
		evalF := op&optimize.FuncEvaluation != 0
		if evalF {
			f = p.E(s.x)
			evals++
		}
		if op&optimize.GradEvaluation != 0 {
			if p.Grad == nil {
				return 0, badParam("this line search needs ∇E: Problem.Grad is nil")
			}
			p.Grad(s.gx, s.x)
			df = dot(s.gx, d)
			evals++
		}
		tried := step
		op, step, err = ls.Iterate(f, df)
		if err != nil {
			return 0, searchFailed("after %d evaluations (last α = %g): %v", evals, step, err)
		}
		if op == optimize.MajorIteration {
			if !evalF || step != tried || f < e {
				return step, nil
			}
			if step /= 2; step < 1e-20 {
				return 0, searchFailed("E(w + αd) ≥ E(w) = %v down to α = %g: E's decrease is below its round-off (or ∇E is wrong)", e, step)
			}
			op = ls.Init(e, slope, step)
		}
	}
	return 0, searchFailed("no acceptable α after %d evaluations", evals)
}

// checkSearch validates a line search's input and returns the slope ∇Eᵀd.
func checkSearch(p gdkit.Problem, w []float64, e float64, g, d []float64) (float64, error) {
	if p.E == nil {
		return 0, badParam("Problem.E is nil")
	}
	if len(w) == 0 || len(g) != len(w) || len(d) != len(w) {
		return 0, badParam("len(w) = %d, len(g) = %d, len(d) = %d must be equal and > 0", len(w), len(g), len(d))
	}
	if !finite(e) {
		return 0, badParam("E(w) = %v is not finite", e)
	}
	slope := dot(g, d)
	if !(slope < 0) {
		return 0, badParam("d is not a descent direction: ∇E(w)ᵀd = %v must be < 0", slope)
	}
	return slope, nil
}

func dot(a, b []float64) float64 {
	var s float64
	b = b[:len(a)]
	for i, x := range a {
		s += x * b[i]
	}
	return s
}

// ExactQuadratic is the exact line search on a quadratic
// E(w) = ½ wᵀHw − bᵀw + c, whose minimum along w + α d is at
//
//	α = −∇E(w)ᵀd / dᵀHd,   which for d = −g is   α = gᵀg / gᵀHg
//
// (steepest descent with exact steps). Give the constant Hessian either as
// H or as the product HessVec(dst, v) = H·v. It costs no evaluation of E
// or ∇E, one product H·d; α₀ is not used. On a function that is not
// quadratic it is the step that would be exact for its quadratic model
// with the given H. Errors: neither or both of H and HessVec, wrong sizes
// (gdkit.ErrBadParam, from Init before the first update), a d that is not
// a descent direction, and dᵀHd ≤ 0 (ErrIndefinite: E is not bounded below
// along d).
type ExactQuadratic struct {
	H       *mat.SymDense
	HessVec func(dst, v []float64)

	hd []float64
}

// Init checks that exactly one of H and HessVec is given, and H's size
// against dim; gdkit.Descend calls it before the first update.
func (q *ExactQuadratic) Init(dim int) error {
	if err := checkDim(dim); err != nil {
		return err
	}
	return q.check(dim)
}

func (q *ExactQuadratic) check(n int) error {
	switch {
	case (q.H == nil) == (q.HessVec == nil):
		return badParam("ExactQuadratic needs exactly one of H and HessVec")
	case q.H != nil && q.H.SymmetricDim() != n:
		return badParam("H is %d×%d, len(w) = %d", q.H.SymmetricDim(), q.H.SymmetricDim(), n)
	}
	return nil
}

// Search returns α = −gᵀd / dᵀHd.
func (q *ExactQuadratic) Search(p gdkit.Problem, w []float64, e float64, g, d []float64, alpha0 float64) (float64, error) {
	slope, err := checkSearch(p, w, e, g, d)
	if err != nil {
		return 0, err
	}
	n := len(w)
	if err := q.check(n); err != nil {
		return 0, err
	}
	q.hd = grow(q.hd, n)
	if q.H != nil {
		blas64.Symv(1, q.H.RawSymmetric(), blas64.Vector{N: n, Inc: 1, Data: d}, 0, blas64.Vector{N: n, Inc: 1, Data: q.hd})
	} else {
		q.HessVec(q.hd, d)
	}
	curv := dot(d, q.hd)
	if !(curv > 0) || math.IsInf(curv, 0) {
		return 0, fmt.Errorf("%w: the curvature along d is dᵀHd = %v; the exact step needs dᵀHd > 0", ErrIndefinite, curv)
	}
	return -slope / curv, nil
}
