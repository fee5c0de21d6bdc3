package optim

// Momentum is gradient descent with heavy-ball momentum, the update of
// torch.optim.SGD(lr=α, momentum=μ, dampening=τ, weight_decay=λ,
// nesterov=False). For t = 1, 2, …, with g_t = ∇E(w_{t−1}):
//
//	if λ ≠ 0:  g_t ← g_t + λ w_{t−1}
//	b_t ← g_t                      (t = 1)
//	b_t ← μ b_{t−1} + (1 − τ) g_t  (t > 1)
//	w_t ← w_{t−1} − α b_t
//
// With τ = 0 this is Polyak's heavy ball,
// w_t = w_{t−1} − α g_t + μ (w_{t−1} − w_{t−2}): the velocity b remembers
// the past gradients, so steps add up along a valley's floor and cancel
// across it. μ = 0 is plain gradient descent. PyTorch's default lr is
// 1e-3; 0.9 is the usual μ.
type Momentum struct {
	Mu          float64 // μ, the momentum factor, in [0, 1)
	Dampening   float64 // τ in [0, 1]; PyTorch's default 0
	WeightDecay float64 // λ ≥ 0, the L2 penalty; PyTorch's default 0

	b []float64
}

// NewMomentum returns heavy-ball momentum with factor μ and PyTorch's
// defaults τ = 0, λ = 0.
func NewMomentum(mu float64) *Momentum { return &Momentum{Mu: mu} }

// Init validates μ, τ and λ and allocates the velocity b for dim parameters.
func (m *Momentum) Init(dim int) error {
	if err := checkMomentum(dim, m.Mu, m.WeightDecay); err != nil {
		return err
	}
	if !(m.Dampening >= 0 && m.Dampening <= 1) {
		return badParam("dampening τ = %v must be in [0, 1]", m.Dampening)
	}
	m.b = grow(m.b, dim)
	return nil
}

// Step does update t in place on w from g = ∇E(w) (g is not modified).
func (m *Momentum) Step(w, g []float64, alpha float64, t int) error {
	if err := checkStep(len(m.b), w, g, alpha, t); err != nil {
		return err
	}
	momentumStep(w, g, m.b, alpha, m.Mu, 1-m.Dampening, m.WeightDecay, t, false)
	return nil
}

// Nesterov is gradient descent with Nesterov momentum in PyTorch's
// formulation, torch.optim.SGD(lr=α, momentum=μ, weight_decay=λ,
// nesterov=True) (PyTorch requires dampening 0 with Nesterov). For
// t = 1, 2, …, with g_t = ∇E(w_{t−1}):
//
//	if λ ≠ 0:  g_t ← g_t + λ w_{t−1}
//	b_t ← g_t                  (t = 1)
//	b_t ← μ b_{t−1} + g_t      (t > 1)
//	w_t ← w_{t−1} − α (g_t + μ b_t)
//
// This is Sutskever et al.'s look-ahead rewritten at the current point: the
// step uses the velocity after it has been updated, so it reacts one step
// earlier than the heavy ball when the gradient turns, and oscillates less
// with a large μ. The price is a larger step along steep directions: on a
// quadratic of curvature λ it is stable only for αλ < 2(1+μ)/(1+2μ)
// (≈ 1.36 at μ = 0.9), the heavy ball up to αλ < 2(1+μ) (3.8).
type Nesterov struct {
	Mu          float64 // μ, the momentum factor, in [0, 1)
	WeightDecay float64 // λ ≥ 0, the L2 penalty; PyTorch's default 0

	b []float64
}

// NewNesterov returns Nesterov momentum with factor μ and λ = 0.
func NewNesterov(mu float64) *Nesterov { return &Nesterov{Mu: mu} }

// Init validates μ and λ and allocates the velocity b for dim parameters.
func (n *Nesterov) Init(dim int) error {
	if err := checkMomentum(dim, n.Mu, n.WeightDecay); err != nil {
		return err
	}
	n.b = grow(n.b, dim)
	return nil
}

// Step does update t in place on w from g = ∇E(w) (g is not modified).
func (n *Nesterov) Step(w, g []float64, alpha float64, t int) error {
	if err := checkStep(len(n.b), w, g, alpha, t); err != nil {
		return err
	}
	momentumStep(w, g, n.b, alpha, n.Mu, 1, n.WeightDecay, t, true)
	return nil
}

func checkMomentum(dim int, mu, lambda float64) error {
	return firstErr(checkDim(dim), checkUnit("momentum μ", mu), checkNonNeg("weight decay λ", lambda))
}

// momentumStep is torch.optim.SGD's update with momentum mu, 1 − dampening
// = keep, weight decay lambda, heavy ball or Nesterov.
func momentumStep(w, g, b []float64, alpha, mu, keep, lambda float64, t int, nesterov bool) {
	b = b[:len(w)]
	g = g[:len(w)]
	for i, wi := range w {
		gi := g[i] + lambda*wi
		bi := gi
		if t > 1 {
			bi = mu*b[i] + keep*gi
		}
		b[i] = bi
		if nesterov {
			w[i] = wi - alpha*(gi+mu*bi)
		} else {
			w[i] = wi - alpha*bi
		}
	}
}
