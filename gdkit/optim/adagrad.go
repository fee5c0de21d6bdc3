package optim

import "math"

// AdaGrad adapts the step of each coordinate to the sum of its squared
// gradients, as torch.optim.Adagrad(lr=α, lr_decay=η, weight_decay=λ,
// initial_accumulator_value=τ, eps=ε). With s_0 = τ and, for t = 1, 2, …,
// g_t = ∇E(w_{t−1}):
//
//	α̃ ← α / (1 + (t − 1) η)
//	if λ ≠ 0:  g_t ← g_t + λ w_{t−1}
//	s_t ← s_{t−1} + g_t²
//	w_t ← w_{t−1} − α̃ g_t / (√s_t + ε)
//
// (squares, roots and divisions per coordinate; ε is added after the
// root). A coordinate with large gradients gets small steps; on a constant
// gradient the step shrinks as α/√t. PyTorch's default lr is 1e-2.
type AdaGrad struct {
	LRDecay            float64 // η ≥ 0; PyTorch's default 0
	WeightDecay        float64 // λ ≥ 0; PyTorch's default 0
	InitialAccumulator float64 // τ ≥ 0, the starting s_0; PyTorch's default 0
	Eps                float64 // ε > 0; PyTorch's default 1e-10

	s []float64
}

// NewAdaGrad returns AdaGrad with PyTorch's defaults: η = 0, λ = 0,
// τ = 0, ε = 1e-10.
func NewAdaGrad() *AdaGrad { return &AdaGrad{Eps: 1e-10} }

// Init validates the parameters and sets s_0 = τ for dim parameters.
func (a *AdaGrad) Init(dim int) error {
	if err := firstErr(checkDim(dim), checkNonNeg("lr decay η", a.LRDecay),
		checkNonNeg("weight decay λ", a.WeightDecay),
		checkNonNeg("initial accumulator τ", a.InitialAccumulator), checkEps(a.Eps)); err != nil {
		return err
	}
	a.s = grow(a.s, dim)
	for i := range a.s {
		a.s[i] = a.InitialAccumulator
	}
	return nil
}

// Step does update t in place on w from g = ∇E(w) (g is not modified).
func (a *AdaGrad) Step(w, g []float64, alpha float64, t int) error {
	if err := checkStep(len(a.s), w, g, alpha, t); err != nil {
		return err
	}
	lr := alpha / (1 + float64(t-1)*a.LRDecay)
	s := a.s[:len(w)]
	g = g[:len(w)]
	lambda, eps := a.WeightDecay, a.Eps
	for i, wi := range w {
		gi := g[i] + lambda*wi
		si := s[i] + gi*gi
		s[i] = si
		w[i] = wi - lr*gi/(math.Sqrt(si)+eps)
	}
	return nil
}
