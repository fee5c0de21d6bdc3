// Package funcs is the catalogue of the course's test functions, in the
// spirit of gonum's optimize/functions: E(w) of one variable (Func1D) and
// E(w1, w2) of two (Func2D), each defined once over hyperdual numbers, from
// which come its value and its exact first and second derivatives, next to
// the derivative written by hand that the notebooks check against both.
//
//	e := funcs.Ellipse()                                  // w1² + 2w2²
//	rep, err := gdkit.CheckGrad(e.F, e.Grad, w, &gdkit.GradCheckSettings{Exact: e.ExactGrad})
//	grid, err := gdkit.Meshgrid(xs, ys).Eval(e.E)         // contour data
package funcs

import (
	"fmt"
	"math"
	"strconv"

	"gdkit.dev/gdkit"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/num/hyperdual"
	"gonum.org/v1/gonum/optimize/functions"
)

// Func1D is a course function of one variable. It is defined once, over
// hyperdual numbers (Hyper), from which come its value F (real part) and its
// exact first and second derivatives (ExactDeriv); Deriv is the closed-form
// f' written by hand, to be checked against both.
type Func1D struct {
	Name   string                                  // plain formula, e.g. "w^4 - 3w^2 + w"
	TeX    string                                  // LaTeX formula, e.g. "$w^4 - 3w^2 + w$"
	Hyper  func(hyperdual.Number) hyperdual.Number // the definition
	Deriv  func(w float64) float64                 // analytic f'(w)
	Domain [2]float64                              // suggested plot interval [a, b]
	Minima []float64                               // known local minima (approximate where irrational)
}

// F returns f(w) = Real(Hyper(w)). Use the method value fn.F as a
// func(float64) float64.
func (fn Func1D) F(w float64) float64 { return fn.Hyper(hyperdual.Number{Real: w}).Real }

// ExactDeriv returns f'(w) and f”(w) exactly, evaluating Hyper at
// w + ε₁ + ε₂ (ε₁² = ε₂² = 0, ε₁ε₂ ≠ 0): f(w+ε₁+ε₂) = f + f'ε₁ + f'ε₂ + f”ε₁ε₂.
func (fn Func1D) ExactDeriv(w float64) (d1, d2 float64) {
	r := fn.Hyper(hyperdual.Number{Real: w, E1mag: 1, E2mag: 1})
	return r.E1mag, r.E1E2mag
}

// Func2D is a course function E(w1, w2) of two variables, defined once over
// hyperdual numbers (Hyper); its value F and exact gradient/Hessian
// (ExactGrad, ExactHessian) come from that definition, and Grad is the
// closed-form gradient ∇E = (∂E/∂w1, ∂E/∂w2) written by hand (or taken from
// gonum's optimize/functions), in gonum's optimize.Problem.Grad shape.
type Func2D struct {
	Name   string
	TeX    string
	Hyper  func(w1, w2 hyperdual.Number) hyperdual.Number // the definition
	Grad   func(grad, w []float64)                        // analytic ∇E(w) into grad
	XRange [2]float64                                     // suggested plot range of w1
	YRange [2]float64                                     // suggested plot range of w2
	Minima [][2]float64                                   // known local minima (w1, w2)
	Saddle [][2]float64                                   // known saddle points (w1, w2)
}

// E returns E(w1, w2); the method value fn.E fits gdkit.Mesh.Eval.
func (fn Func2D) E(w1, w2 float64) float64 {
	return fn.Hyper(hyperdual.Number{Real: w1}, hyperdual.Number{Real: w2}).Real
}

// F returns E(w[0], w[1]); the method value fn.F fits gdkit.NumGrad,
// gdkit.CheckGrad, gdkit.Problem and optimize.Problem. It panics with an
// error wrapping gdkit.ErrDimension if len(w) ≠ 2.
func (fn Func2D) F(w []float64) float64 {
	checkLen("w", w)
	return fn.E(w[0], w[1])
}

// checkLen panics with an error wrapping gdkit.ErrDimension unless len(v) = 2.
func checkLen(name string, v []float64) {
	if len(v) != 2 {
		panic(dimError(name, len(v)))
	}
}

func dimError(name string, n int) error {
	return fmt.Errorf("funcs: %w: len(%s) = %d, a Func2D has 2 parameters", gdkit.ErrDimension, name, n)
}

// ExactGrad stores the exact gradient at w (len 2) in grad (len 2), by
// hyperdual numbers; it has the shape of Grad, so it can be given to
// gdkit.CheckGrad as GradCheckSettings.Exact. It panics with an error
// wrapping gdkit.ErrDimension if a length is not 2; where the gradient is
// not finite it writes NaN (CheckGrad reports it).
func (fn Func2D) ExactGrad(grad, w []float64) {
	checkLen("w", w)
	checkLen("grad", grad)
	if _, err := gdkit.HyperdualHessian(grad, nil, fn.hyperVec, w); err != nil {
		grad[0], grad[1] = math.NaN(), math.NaN()
	}
}

// ExactHessian returns E(w) and stores ∇E(w) in grad (if not nil) and the
// 2×2 Hessian H_ij = ∂²E/∂w_i∂w_j in hess (if not nil; resized when
// empty), exactly, by gdkit.HyperdualHessian. Errors wrap
// gdkit.ErrDimension (a length or size other than 2) or gdkit.ErrNotFinite.
func (fn Func2D) ExactHessian(grad []float64, hess *mat.SymDense, w []float64) (float64, error) {
	if len(w) != 2 {
		return math.NaN(), dimError("w", len(w))
	}
	return gdkit.HyperdualHessian(grad, hess, fn.hyperVec, w)
}

func (fn Func2D) hyperVec(x []hyperdual.Number) hyperdual.Number { return fn.Hyper(x[0], x[1]) }

// Hyperdual shorthands used to write the catalogue once.
func hc(c float64) hyperdual.Number               { return hyperdual.Number{Real: c} }
func hadd(a, b hyperdual.Number) hyperdual.Number { return hyperdual.Add(a, b) }
func hsub(a, b hyperdual.Number) hyperdual.Number { return hyperdual.Sub(a, b) }
func hmul(a, b hyperdual.Number) hyperdual.Number { return hyperdual.Mul(a, b) }
func hsq(a hyperdual.Number) hyperdual.Number     { return hyperdual.Mul(a, a) }
func hscale(c float64, a hyperdual.Number) hyperdual.Number {
	return hyperdual.Scale(c, a)
}

// Square is E(w) = w², convex, minimum at 0; E'(w) = 2w.
func Square() Func1D {
	return Func1D{
		Name: "w^2", TeX: "$w^2$",
		Hyper:  func(w hyperdual.Number) hyperdual.Number { return hsq(w) },
		Deriv:  func(w float64) float64 { return 2 * w },
		Domain: [2]float64{-3, 3}, Minima: []float64{0},
	}
}

// ShiftedSquare is E(w) = (w-3)² + 1, minimum E=1 at w=3; E'(w) = 2(w-3).
func ShiftedSquare() Func1D {
	return Func1D{
		Name: "(w-3)^2 + 1", TeX: "$(w-3)^2 + 1$",
		Hyper:  func(w hyperdual.Number) hyperdual.Number { return hadd(hsq(hsub(w, hc(3))), hc(1)) },
		Deriv:  func(w float64) float64 { return 2 * (w - 3) },
		Domain: [2]float64{-1, 7}, Minima: []float64{3},
	}
}

// Quartic is the non-convex E(w) = w⁴ - 3w² + w, E'(w) = 4w³ - 6w + 1:
// a global minimum near w ≈ -1.3008, a local maximum near 0.1699 and a
// local minimum near 1.1309.
func Quartic() Func1D {
	return Func1D{
		Name: "w^4 - 3w^2 + w", TeX: "$w^4 - 3w^2 + w$",
		Hyper: func(w hyperdual.Number) hyperdual.Number {
			w2 := hsq(w)
			return hadd(hsub(hsq(w2), hscale(3, w2)), w)
		},
		Deriv:  func(w float64) float64 { return 4*w*w*w - 6*w + 1 },
		Domain: [2]float64{-2.2, 2.2},
		Minima: []float64{-1.3008395659415772, 1.130901122629986},
	}
}

// XCos is E(x) = x·cos(c·x), E'(x) = cos(cx) - c·x·sin(cx): many critical
// points, spaced ≈ π/c apart (minima not listed).
func XCos(c float64) Func1D {
	cx := ftoa(c) + "x"
	if c == 1 {
		cx = "x"
	}
	return Func1D{
		Name: "x·cos(" + cx + ")", TeX: "$x\\cos(" + cx + ")$",
		Hyper: func(x hyperdual.Number) hyperdual.Number {
			return hmul(x, hyperdual.Cos(hscale(c, x)))
		},
		Deriv:  func(x float64) float64 { return math.Cos(c*x) - c*x*math.Sin(c*x) },
		Domain: [2]float64{-10, 10},
	}
}

// Catalogue1D returns the course's 1D functions: Square, ShiftedSquare,
// Quartic and XCos(1).
func Catalogue1D() []Func1D {
	return []Func1D{Square(), ShiftedSquare(), Quartic(), XCos(1)}
}

// Bowl is E(w1,w2) = w1² + w2² (the slides' contour example), ∇E = (2w1, 2w2).
func Bowl() Func2D {
	return Func2D{
		Name: "w1^2 + w2^2", TeX: "$w_1^2 + w_2^2$",
		Hyper:  func(a, b hyperdual.Number) hyperdual.Number { return hadd(hsq(a), hsq(b)) },
		Grad:   func(g, w []float64) { g[0], g[1] = 2*w[0], 2*w[1] },
		XRange: [2]float64{-10, 10}, YRange: [2]float64{-10, 10},
		Minima: [][2]float64{{0, 0}},
	}
}

// Ellipse is E(w1,w2) = w1² + 2w2², ∇E = (2w1, 4w2): elongated contours.
func Ellipse() Func2D {
	return Func2D{
		Name: "w1^2 + 2w2^2", TeX: "$w_1^2 + 2w_2^2$",
		Hyper:  func(a, b hyperdual.Number) hyperdual.Number { return hadd(hsq(a), hscale(2, hsq(b))) },
		Grad:   func(g, w []float64) { g[0], g[1] = 2*w[0], 4*w[1] },
		XRange: [2]float64{-10, 10}, YRange: [2]float64{-10, 10},
		Minima: [][2]float64{{0, 0}},
	}
}

// Rosenbrock is E(w1,w2) = (1-w1)² + 100(w2-w1²)², minimum at (1,1);
// ∇E = (-2(1-w1) - 400w1(w2-w1²), 200(w2-w1²)). Grad is gonum's
// optimize/functions.ExtendedRosenbrock (use it directly for n > 2).
func Rosenbrock() Func2D {
	return Func2D{
		Name: "(1-w1)^2 + 100(w2-w1^2)^2", TeX: "$(1-w_1)^2 + 100(w_2-w_1^2)^2$",
		Hyper: func(a, b hyperdual.Number) hyperdual.Number {
			return hadd(hsq(hsub(hc(1), a)), hscale(100, hsq(hsub(b, hsq(a)))))
		},
		Grad:   functions.ExtendedRosenbrock{}.Grad,
		XRange: [2]float64{-2, 2}, YRange: [2]float64{-1, 3},
		Minima: [][2]float64{{1, 1}},
	}
}

// Beale is E = (1.5-w1+w1w2)² + (2.25-w1+w1w2²)² + (2.625-w1+w1w2³)²,
// minimum 0 at (3, 0.5); Grad is gonum's optimize/functions.Beale.
func Beale() Func2D {
	return Func2D{
		Name: "(1.5-w1+w1w2)^2 + (2.25-w1+w1w2^2)^2 + (2.625-w1+w1w2^3)^2",
		TeX:  "$(1.5-w_1+w_1w_2)^2 + (2.25-w_1+w_1w_2^2)^2 + (2.625-w_1+w_1w_2^3)^2$",
		Hyper: func(a, b hyperdual.Number) hyperdual.Number {
			ab := hmul(a, b)
			ab2 := hmul(ab, b)
			ab3 := hmul(ab2, b)
			t1 := hadd(hsub(hc(1.5), a), ab)
			t2 := hadd(hsub(hc(2.25), a), ab2)
			t3 := hadd(hsub(hc(2.625), a), ab3)
			return hadd(hadd(hsq(t1), hsq(t2)), hsq(t3))
		},
		Grad:   functions.Beale{}.Grad,
		XRange: [2]float64{-4.5, 4.5}, YRange: [2]float64{-4.5, 4.5},
		Minima: [][2]float64{{3, 0.5}},
	}
}

// Himmelblau is E = (w1²+w2-11)² + (w1+w2²-7)², with four minima (E=0);
// ∇E = (4w1(w1²+w2-11) + 2(w1+w2²-7), 2(w1²+w2-11) + 4w2(w1+w2²-7)).
func Himmelblau() Func2D {
	return Func2D{
		Name: "(w1^2+w2-11)^2 + (w1+w2^2-7)^2", TeX: "$(w_1^2+w_2-11)^2 + (w_1+w_2^2-7)^2$",
		Hyper: func(a, b hyperdual.Number) hyperdual.Number {
			return hadd(hsq(hsub(hadd(hsq(a), b), hc(11))), hsq(hsub(hadd(a, hsq(b)), hc(7))))
		},
		Grad: func(g, w []float64) {
			p := w[0]*w[0] + w[1] - 11
			q := w[0] + w[1]*w[1] - 7
			g[0] = 4*w[0]*p + 2*q
			g[1] = 2*p + 4*w[1]*q
		},
		XRange: [2]float64{-5, 5}, YRange: [2]float64{-5, 5},
		Minima: [][2]float64{{3, 2}, {-2.805118086952745, 3.131312518250573},
			{-3.779310253377747, -3.283185991286170}, {3.584428340330492, -1.848126526964404}},
	}
}

// Saddle is E(w1,w2) = w1² - w2², ∇E = (2w1, -2w2): a saddle point at the
// origin (gradient zero, not a minimum).
func Saddle() Func2D {
	return Func2D{
		Name: "w1^2 - w2^2", TeX: "$w_1^2 - w_2^2$",
		Hyper:  func(a, b hyperdual.Number) hyperdual.Number { return hsub(hsq(a), hsq(b)) },
		Grad:   func(g, w []float64) { g[0], g[1] = 2*w[0], -2*w[1] },
		XRange: [2]float64{-3, 3}, YRange: [2]float64{-3, 3},
		Saddle: [][2]float64{{0, 0}},
	}
}

// Catalogue2D returns the course's 2D functions: Bowl, Ellipse, Rosenbrock,
// Beale, Himmelblau and Saddle.
func Catalogue2D() []Func2D {
	return []Func2D{Bowl(), Ellipse(), Rosenbrock(), Beale(), Himmelblau(), Saddle()}
}

func ftoa(c float64) string { return strconv.FormatFloat(c, 'g', -1, 64) }
