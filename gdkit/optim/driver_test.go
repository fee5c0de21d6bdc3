package optim

import (
	"errors"
	"math"

	"gdkit.dev/gdkit"
)

// The rules, line searches and schedules of this package satisfy gdkit's
// extension points; the assignments fail to compile if a type drifts.
type rule = gdkit.Rule

var (
	_ gdkit.Rule       = (*Momentum)(nil)
	_ gdkit.Rule       = (*Nesterov)(nil)
	_ gdkit.Rule       = (*AdaGrad)(nil)
	_ gdkit.Rule       = (*RMSProp)(nil)
	_ gdkit.Rule       = (*Adadelta)(nil)
	_ gdkit.Rule       = (*Adam)(nil)
	_ gdkit.Rule       = (*AdamW)(nil)
	_ gdkit.Rule       = (*Newton)(nil)
	_ gdkit.LineSearch = (*Armijo)(nil)
	_ gdkit.LineSearch = (*Gonum)(nil)
	_ gdkit.LineSearch = (*ExactQuadratic)(nil)
	_ gdkit.Schedule   = Constant{}
	_ gdkit.Schedule   = StepDecay{}
	_ gdkit.Schedule   = Exponential{}
	_ gdkit.Schedule   = InverseTime{}
	_ gdkit.Schedule   = Cosine{}
	_ gdkit.Schedule   = WarmUp{}
	_ gdkit.Schedule   = ScheduleFunc(nil)
)

// run is one gdkit.Descend run in the tests' terms: a rule (nil: plain
// w ← w − α_t g), a schedule (nil: constant) or a line search along
// d = −g, stopping at ‖∇E‖ ≤ gradTol or after maxIter updates.
type run struct {
	rule    gdkit.Rule
	sched   gdkit.Schedule
	ls      gdkit.LineSearch
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

// descend runs gdkit.Descend. Divergence is not tested against E(w0) (only
// Inf/NaN), so that a rule's first steps may climb.
func (r run) descend(p gdkit.Problem, w0 []float64) (result, error) {
	tr, err := gdkit.Descend(p, w0, &gdkit.DescentSettings{
		Alpha: r.alpha, MaxIter: r.maxIter, GradTol: r.gradTol, DivergeFactor: -1,
		Rule: r.rule, Schedule: r.sched, LineSearch: r.ls,
	})
	if tr == nil {
		return result{}, err
	}
	e, g := tr.TotalEvals()
	res := result{
		iters:     tr.Iterations(),
		converged: tr.Reason == gdkit.Converged,
		w:         tr.Final(),
		e:         tr.FinalE(),
		evals:     e + g,
		alphas:    tr.StepSizes(),
		es:        tr.Es(),
	}
	var se *gdkit.SearchError
	if errors.As(err, &se) {
		res.evals += se.Evals
	}
	return res, err
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
