package funcs

import "gonum.org/v1/gonum/num/hyperdual"

// NarrowEllipse is d2l's ill-conditioned quadratic E(w1,w2) = 0.1w1² + 2w2²,
// ∇E = (0.2w1, 4w2), minimum 0 at (0, 0). Its Hessian diag(0.2, 4) has
// condition number κ = 20: plain descent is stable only for α < 2/4 = 0.5
// and then crawls along w1, which is what momentum, adaptive steps and
// line searches improve (notebook 09, d2l's chapter on optimisation
// algorithms). Not part of Catalogue2D.
func NarrowEllipse() Func2D {
	return Func2D{
		Name: "0.1w1^2 + 2w2^2", TeX: "$0.1w_1^2 + 2w_2^2$",
		Hyper: func(a, b hyperdual.Number) hyperdual.Number {
			return hadd(hscale(0.1, hsq(a)), hscale(2, hsq(b)))
		},
		Grad:   func(g, w []float64) { g[0], g[1] = 0.2*w[0], 4*w[1] },
		XRange: [2]float64{-5.5, 1}, YRange: [2]float64{-3, 1.5},
		Minima: [][2]float64{{0, 0}},
	}
}
