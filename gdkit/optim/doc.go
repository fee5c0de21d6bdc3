// Package optim holds the update rules, step-size schedules and line
// searches that go beyond the slides' fixed-α step w ← w − α∇E(w), in the
// spirit of torch.optim: momentum (heavy ball) and Nesterov, AdaGrad,
// RMSProp, Adadelta, Adam and AdamW, Newton's method; constant, step,
// exponential, 1/t, cosine and warm-up schedules; backtracking (Armijo)
// and the exact step on quadratics.
//
// The types plug into gdkit's descent loop as the values of
// gdkit.DescentSettings' Rule, Schedule and LineSearch:
//
//	tr, err := gdkit.Descend(p, w0, &gdkit.DescentSettings{
//		Alpha: 0.01, Rule: optim.NewAdam(), Schedule: optim.Cosine{T: 1000}})
//
// A Rule (gdkit.Rule) moves w in place from the gradient g = ∇E(w) with
// the step size α of update t = 1, 2, …; it never modifies g. Init
// validates the parameters (β ≥ 1, ε ≤ 0, a negative weight decay, … are
// errors before the first step) and allocates the state once per run, so
// Step does not allocate. With α = 0 every rule leaves w unchanged. Each
// rule's doc comment gives its update in the notation of PyTorch's
// documented algorithm, with one difference: the learning rate, γ in
// PyTorch, is the course's α here. Parameter defaults are PyTorch's; the
// New… constructors set them.
//
// A Schedule (gdkit.Schedule) gives the α of update t from the base α of
// the loop; its Validate method checks its parameters, and Descend also
// checks that every α_t is finite and ≥ 0 before the first update. A line
// search (gdkit.LineSearch) chooses α along a descent direction d; the
// loop counts the evaluations of E and ∇E it makes (Trace.Evals), and one
// that finds no step lowering E stops the run with reason SearchFailed.
//
// Every parameter error wraps gdkit.ErrBadParam; a failed line search,
// gdkit.ErrSearchFailed; Newton on an indefinite Hessian, ErrIndefinite,
// as an *IndefiniteError that also explains itself in Spanish
// (gdkit.Spanish(err) in a notebook).
package optim
