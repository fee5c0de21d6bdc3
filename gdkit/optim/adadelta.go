package optim

import "math"

// Adadelta scales each step by the ratio of two moving RMS values, of past
// updates and of past gradients, as torch.optim.Adadelta(lr=α, rho=ρ,
// eps=ε, weight_decay=λ). With v_0 = 0, u_0 = 0 and, for t = 1, 2, …,
// g_t = ∇E(w_{t−1}):
//
//	if λ ≠ 0:  g_t ← g_t + λ w_{t−1}
//	v_t ← ρ v_{t−1} + (1 − ρ) g_t²
//	Δw_t ← √(u_{t−1} + ε) / √(v_t + ε) · g_t
//	u_t ← ρ u_{t−1} + (1 − ρ) Δw_t²
//	w_t ← w_{t−1} − α Δw_t
//
// (ε is inside both roots). The original Adadelta has no learning rate;
// PyTorch multiplies the update by lr, whose default is 1.0.
type Adadelta struct {
	Rho         float64 // ρ in [0, 1); PyTorch's default 0.9
	Eps         float64 // ε > 0; PyTorch's default 1e-6
	WeightDecay float64 // λ ≥ 0; PyTorch's default 0

	v, u []float64
}

// NewAdadelta returns Adadelta with PyTorch's defaults: ρ = 0.9, ε = 1e-6,
// λ = 0 (use α = 1, PyTorch's default lr).
func NewAdadelta() *Adadelta { return &Adadelta{Rho: 0.9, Eps: 1e-6} }

// Init validates the parameters and allocates the state for dim parameters.
func (a *Adadelta) Init(dim int) error {
	if err := firstErr(checkDim(dim), checkUnit("ρ", a.Rho), checkEps(a.Eps),
		checkNonNeg("weight decay λ", a.WeightDecay)); err != nil {
		return err
	}
	a.v = grow(a.v, dim)
	a.u = grow(a.u, dim)
	return nil
}

// Step does update t in place on w from g = ∇E(w) (g is not modified).
func (a *Adadelta) Step(w, g []float64, alpha float64, t int) error {
	if err := checkStep(len(a.v), w, g, alpha, t); err != nil {
		return err
	}
	n := len(w)
	v, u, g := a.v[:n], a.u[:n], g[:n]
	rho, eps, lambda := a.Rho, a.Eps, a.WeightDecay
	for i, wi := range w {
		gi := g[i] + lambda*wi
		vi := rho*v[i] + (1-rho)*gi*gi
		v[i] = vi
		d := math.Sqrt((u[i]+eps)/(vi+eps)) * gi // one root: √a/√b = √(a/b)
		u[i] = rho*u[i] + (1-rho)*d*d
		w[i] = wi - alpha*d
	}
	return nil
}
