// Package optim holds the update rules, step-size schedules and line
// searches that go beyond the slides' fixed-α step w ← w − α∇E(w), in the
// spirit of torch.optim: momentum (heavy ball) and Nesterov, AdaGrad,
// RMSProp, Adadelta, Adam and AdamW, Newton's method; constant, step,
// exponential, 1/t, cosine and warm-up schedules; backtracking (Armijo)
// and the exact step on quadratics.
//
// The types plug into gdkit's descent loop through three small interfaces,
// which Go matches by shape:
//
//	Rule:       Init(dim int) error
//	            Step(w, g []float64, alpha float64, t int) error
//	Schedule:   Alpha(base float64, t int) float64
//	LineSearch: Search(p gdkit.Problem, w []float64, e float64, g, d []float64,
//	                   alpha0 float64) (alpha float64, evals int, err error)
//
// A Rule moves w in place from the gradient g = ∇E(w) with the step size
// α of update t = 1, 2, …; it never modifies g. Init validates the
// parameters (β ≥ 1, ε ≤ 0, a negative weight decay, … are errors before
// the first step) and allocates the state once per run, so Step does not
// allocate. Each rule's doc comment gives its update in the notation of
// PyTorch's documented algorithm, with one difference: the learning rate,
// γ in PyTorch, is the course's α here. Parameter defaults are PyTorch's;
// the New… constructors set them.
//
// A Schedule gives the α of update t from the base α of the loop;
// ValidateSchedule checks its parameters and that every α_t is finite and
// ≥ 0. A LineSearch chooses α along a descent direction d and reports how
// many evaluations of E and ∇E it spent.
package optim
