package optim

import "math"

// RMSProp divides each coordinate's step by a moving root mean square of
// its gradients, as torch.optim.RMSprop(lr=α, alpha=ρ, eps=ε,
// weight_decay=λ, momentum=μ, centered=c). PyTorch calls the smoothing
// constant alpha; here it is ρ (Keras's name), since α is the course's
// learning rate. With v_0 = 0, b_0 = 0, ḡ_0 = 0 and, for t = 1, 2, …,
// g_t = ∇E(w_{t−1}):
//
//	if λ ≠ 0:  g_t ← g_t + λ w_{t−1}
//	v_t ← ρ v_{t−1} + (1 − ρ) g_t²
//	ṽ_t ← v_t
//	if c:  ḡ_t ← ρ ḡ_{t−1} + (1 − ρ) g_t;  ṽ_t ← ṽ_t − ḡ_t²
//	if μ > 0:  b_t ← μ b_{t−1} + g_t / (√ṽ_t + ε);  w_t ← w_{t−1} − α b_t
//	else:      w_t ← w_{t−1} − α g_t / (√ṽ_t + ε)
//
// (ε is added after the root). The centered variant divides by an
// estimate of the gradient's standard deviation instead of its RMS;
// ṽ_t ≥ 0 in exact arithmetic, and it is clamped at 0 against round-off
// (PyTorch would take the root of a tiny negative number). PyTorch's
// default lr is 1e-2.
type RMSProp struct {
	Rho         float64 // ρ in [0, 1), PyTorch's alpha; default 0.99
	Eps         float64 // ε > 0; PyTorch's default 1e-8
	WeightDecay float64 // λ ≥ 0; PyTorch's default 0
	Momentum    float64 // μ in [0, 1); PyTorch's default 0
	Centered    bool    // c; PyTorch's default false

	v, b, gbar []float64
}

// NewRMSProp returns RMSProp with PyTorch's defaults: ρ = 0.99, ε = 1e-8,
// λ = 0, μ = 0, not centered.
func NewRMSProp() *RMSProp { return &RMSProp{Rho: 0.99, Eps: 1e-8} }

// Init validates the parameters and allocates the state for dim parameters.
func (r *RMSProp) Init(dim int) error {
	if err := firstErr(checkDim(dim), checkUnit("ρ", r.Rho), checkEps(r.Eps),
		checkNonNeg("weight decay λ", r.WeightDecay), checkUnit("momentum μ", r.Momentum)); err != nil {
		return err
	}
	r.v = grow(r.v, dim)
	r.b = grow(r.b, dim)
	r.gbar = grow(r.gbar, dim)
	return nil
}

// Step does update t in place on w from g = ∇E(w) (g is not modified).
func (r *RMSProp) Step(w, g []float64, alpha float64, t int) error {
	if err := checkStep(len(r.v), w, g, alpha, t); err != nil {
		return err
	}
	n := len(w)
	v, b, gbar, g := r.v[:n], r.b[:n], r.gbar[:n], g[:n]
	rho, eps, lambda, mu := r.Rho, r.Eps, r.WeightDecay, r.Momentum
	for i, wi := range w {
		gi := g[i] + lambda*wi
		vi := rho*v[i] + (1-rho)*gi*gi
		v[i] = vi
		if r.Centered {
			gb := rho*gbar[i] + (1-rho)*gi
			gbar[i] = gb
			vi = max(vi-gb*gb, 0)
		}
		d := gi / (math.Sqrt(vi) + eps)
		if mu > 0 {
			d += mu * b[i]
			b[i] = d
		}
		w[i] = wi - alpha*d
	}
	return nil
}
