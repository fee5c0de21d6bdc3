package gdkit

import "gonum.org/v1/gonum/optimize"

// OptimizeProblem returns p as a gonum optimize.Problem (Func = E,
// Grad = Grad), for side-by-side comparison of the course's loop with
// optimize.Minimize and its methods (BFGS, LBFGS, Newton-like, ...):
//
//	res, err := optimize.Minimize(m.Problem().OptimizeProblem(), w0, nil, &optimize.BFGS{})
func (p Problem) OptimizeProblem() optimize.Problem {
	return optimize.Problem{Func: p.E, Grad: p.Grad}
}
