// Package gdkit holds the numerics of the gradient-descent course, in the
// order of the slides: difference quotients and one-sided limits,
// derivatives (numeric by gonum's diff/fd, exact by dual numbers), numeric
// gradients and gradient checks, grids with numpy's np.gradient, the
// descent loop (1D and ND, with pluggable update rules, step-size schedules
// and line searches), the course models (linear and logistic regression,
// linear SVM, a tiny network) and batch, mini-batch, stochastic and
// streaming descent over data.
//
// The main path, derivative → check → descend → figure-ready data:
//
//	d := gdkit.Must(gdkit.Derivative(f, 1, nil))                 // f'(1), or a *KinkError
//	rep := gdkit.Must(gdkit.CheckGrad(E, gradE, w, nil))         // hand-written ∇E vs numeric
//	tr := gdkit.Must(gdkit.Descend(p, w0, &gdkit.DescentSettings{Alpha: 0.1, GradTol: 1e-6}))
//	tr.Es(), tr.Column(0), tr.Column(1)                          // loss curve, path
//	grid := gdkit.Must(gdkit.Meshgrid(xs, ys).Eval(E2))          // contour data
//
// Every operation is one function with a *XxxSettings argument, nil giving
// the defaults (DerivativeSettings, GradCheckSettings, DescentSettings,
// SGDSettings). Every error wraps one of the sentinels ErrDimension,
// ErrNotFinite, ErrBadParam, ErrEmpty, ErrDiverged, ErrKink and
// ErrSearchFailed; the course's errors also explain themselves in Spanish
// (KinkError.Spanish, DomainError.Spanish, DivergenceError.Spanish,
// SearchError.Spanish), which is what Must shows in a notebook cell and
// what Spanish(err) returns to print.
// The course's test functions (E(w) with exact derivatives) are in package
// gdkit/funcs.
//
// # Non-finite values: grids mask, runs stop
//
// Functions of the course are not defined everywhere (log w at w ≤ 0, 1/w
// at 0, an overflowing loss far out). gdkit follows one rule:
//
//   - Data over many points keeps NaN and ±Inf. Mesh.Eval, NewGrid and
//     Mesh.GradOnGrid return grids with their holes (Grid.NonFinite counts
//     them, Grid.MinMax skips them); GridGradient, NumpyGradient and
//     SampleGradient propagate them exactly as numpy's np.gradient does (a
//     non-finite neighbour spoils the differences that read it, and
//     nothing else); gdplot's contour, filled contour, quiver and surface
//     mask the cells they touch and say how many. Only data with no finite
//     value at all is an error (ErrNotFinite).
//   - A computation that follows one point stops at the first non-finite
//     value, because there is nothing to mask: Quotient, OneSided and
//     Derivative at a point outside the domain return a *DomainError
//     (ErrNotFinite) naming the point, and Descend, Descend1D, SGD and Stream return the trace so
//     far with a *DivergenceError (ErrDiverged) when E, ∇E or w becomes
//     NaN or ±Inf, at the start or during the run.
//
// It imports no plotting or notebook code: a program that only computes
// links gonum alone.
package gdkit
