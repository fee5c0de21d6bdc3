package optim

import (
	"fmt"
	"math"

	"gdkit.dev/gdkit"
)

// The method sets that gdkit's descent loop will accept (issue 13's
// settled API); the assignments below fail to compile if a type drifts.
type rule interface {
	Init(dim int) error
	Step(w, g []float64, alpha float64, t int) error
}

type lineSearch interface {
	Search(p gdkit.Problem, w []float64, e float64, g, d []float64, alpha0 float64) (alpha float64, evals int, err error)
}

var (
	_ rule       = (*Momentum)(nil)
	_ rule       = (*Nesterov)(nil)
	_ rule       = (*AdaGrad)(nil)
	_ rule       = (*RMSProp)(nil)
	_ rule       = (*Adadelta)(nil)
	_ rule       = (*Adam)(nil)
	_ rule       = (*AdamW)(nil)
	_ rule       = (*Newton)(nil)
	_ lineSearch = (*Armijo)(nil)
	_ lineSearch = (*Gonum)(nil)
	_ lineSearch = (*ExactQuadratic)(nil)
	_ schedule   = Constant{}
	_ schedule   = StepDecay{}
	_ schedule   = Exponential{}
	_ schedule   = InverseTime{}
	_ schedule   = Cosine{}
	_ schedule   = WarmUp{}
	_ schedule   = ScheduleFunc(nil)
)

// run is a stand-in for gdkit's descent loop until the integration lands:
// the same stop rule as gdkit.Descend's GradTol (checked at w0 and after
// every update), a rule (nil: plain w ← w − α_t g), a schedule (nil:
// constant) and a line search along d = −g (which replaces the rule).
type run struct {
	rule    rule
	sched   schedule
	ls      lineSearch
	alpha   float64
	maxIter int
	gradTol float64
}

type result struct {
	iters     int       // updates done
	converged bool      // ‖∇E‖ ≤ gradTol reached
	w         []float64 // final w
	e         float64   // final E
	evals     int       // evaluations of E and ∇E, line search included
	alphas    []float64 // α_t used at each update
	es        []float64 // E(w_0), E(w_1), …
}

func (r run) descend(p gdkit.Problem, w0 []float64) (result, error) {
	n := len(w0)
	if r.rule != nil {
		if err := r.rule.Init(n); err != nil {
			return result{}, err
		}
	}
	if err := ValidateSchedule(r.sched, r.alpha, r.maxIter); err != nil {
		return result{}, err
	}
	w := append([]float64(nil), w0...)
	g := make([]float64, n)
	d := make([]float64, n)
	e := p.E(w)
	p.Grad(g, w)
	res := result{evals: 2, es: []float64{e}}
	for t := 1; ; t++ {
		if norm(g) <= r.gradTol {
			res.converged = true
			break
		}
		if t > r.maxIter {
			break
		}
		alpha := r.alpha
		if r.sched != nil {
			alpha = r.sched.Alpha(r.alpha, t)
		}
		switch {
		case r.ls != nil:
			for i := range d {
				d[i] = -g[i]
			}
			a, ev, err := r.ls.Search(p, w, e, g, d, alpha)
			res.evals += ev
			if err != nil {
				return res, fmt.Errorf("update %d: %w", t, err)
			}
			alpha = a
			for i := range w {
				w[i] += alpha * d[i]
			}
		case r.rule != nil:
			if err := r.rule.Step(w, g, alpha, t); err != nil {
				return res, fmt.Errorf("update %d: %w", t, err)
			}
		default:
			for i := range w {
				w[i] -= alpha * g[i]
			}
		}
		e = p.E(w)
		p.Grad(g, w)
		res.evals += 2
		res.iters = t
		res.alphas = append(res.alphas, alpha)
		res.es = append(res.es, e)
		if !finite(e) || !finite(norm(g)) {
			return res, fmt.Errorf("update %d: E = %v, ‖∇E‖ = %v: diverged", t, e, norm(g))
		}
	}
	res.w, res.e = w, e
	return res, nil
}

func norm(v []float64) float64 { return math.Sqrt(dot(v, v)) }

// quadratic is E(w) = ½ Σ λ_i w_i² (a diagonal quadratic) with its gradient.
func quadratic(lambda ...float64) gdkit.Problem {
	return gdkit.Problem{
		E: func(w []float64) float64 {
			var s float64
			for i, l := range lambda {
				s += l * w[i] * w[i] / 2
			}
			return s
		},
		Grad: func(g, w []float64) {
			for i, l := range lambda {
				g[i] = l * w[i]
			}
		},
		Dim: len(lambda),
	}
}
