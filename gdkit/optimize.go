package gdkit

import "gonum.org/v1/gonum/optimize"

// Problem returns the model as a gonum optimize.Problem (Func = E,
// Grad = ∇E), for side-by-side comparison of the course's fixed-α loop with
// optimize.Minimize and its methods (BFGS, LBFGS, Newton-like, ...).
func (m *Model) Problem() optimize.Problem {
	return optimize.Problem{
		Func: m.E,
		Grad: func(grad, w []float64) { m.Grad(grad, w) },
	}
}

// OptimizeProblem converts a descent Problem into a gonum optimize.Problem.
func (p Problem) OptimizeProblem() optimize.Problem {
	return optimize.Problem{Func: p.E, Grad: p.Grad}
}
