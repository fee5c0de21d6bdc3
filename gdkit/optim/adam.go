package optim

import "math"

// Adam is momentum plus RMSProp with bias correction, as
// torch.optim.Adam(lr=α, betas=(β₁, β₂), eps=ε, weight_decay=λ,
// amsgrad=a). With m_0 = 0, v_0 = 0, v_0^max = 0 and, for t = 1, 2, …,
// g_t = ∇E(w_{t−1}):
//
//	if λ ≠ 0:  g_t ← g_t + λ w_{t−1}
//	m_t ← β₁ m_{t−1} + (1 − β₁) g_t
//	v_t ← β₂ v_{t−1} + (1 − β₂) g_t²
//	m̂_t ← m_t / (1 − β₁ᵗ)
//	if a:  v_t^max ← max(v_{t−1}^max, v_t);  v̂_t ← v_t^max / (1 − β₂ᵗ)
//	else:  v̂_t ← v_t / (1 − β₂ᵗ)
//	w_t ← w_{t−1} − α m̂_t / (√v̂_t + ε)
//
// (per coordinate; ε is added after the root, outside the bias
// correction). The corrections undo the zero start of m and v: the first
// step is α·g/(|g| + ε), of size ≈ α in every coordinate. AMSGrad keeps
// the running maximum of v_t, as PyTorch's implementation does (older
// PyTorch docs wrote the maximum of v̂_t). PyTorch's default lr is 1e-3.
type Adam struct {
	Beta1       float64 // β₁ in [0, 1); PyTorch's default 0.9
	Beta2       float64 // β₂ in [0, 1); PyTorch's default 0.999
	Eps         float64 // ε > 0; PyTorch's default 1e-8
	WeightDecay float64 // λ ≥ 0, added to the gradient (L2); default 0
	AMSGrad     bool    // a; PyTorch's default false

	s adamState
}

// NewAdam returns Adam with PyTorch's defaults: β₁ = 0.9, β₂ = 0.999,
// ε = 1e-8, λ = 0, no AMSGrad.
func NewAdam() *Adam { return &Adam{Beta1: 0.9, Beta2: 0.999, Eps: 1e-8} }

// Init validates the parameters and allocates m, v (and v^max) for dim
// parameters.
func (a *Adam) Init(dim int) error {
	return a.s.init(dim, a.Beta1, a.Beta2, a.Eps, a.WeightDecay, a.AMSGrad)
}

// Step does update t in place on w from g = ∇E(w) (g is not modified).
func (a *Adam) Step(w, g []float64, alpha float64, t int) error {
	return a.s.step(w, g, alpha, t, a.Beta1, a.Beta2, a.Eps, a.WeightDecay, false)
}

// AdamW is Adam with decoupled weight decay, as torch.optim.AdamW(lr=α,
// betas=(β₁, β₂), eps=ε, weight_decay=λ, amsgrad=a): the decay shrinks w
// directly instead of entering the gradient, so it is not rescaled by
// √v̂. For t = 1, 2, …, with g_t = ∇E(w_{t−1}):
//
//	w_t ← w_{t−1} − α λ w_{t−1}
//	m_t, v_t, m̂_t, v̂_t as in Adam (from g_t, without λ)
//	w_t ← w_t − α m̂_t / (√v̂_t + ε)
//
// PyTorch's defaults differ from Adam's only in λ = 0.01.
type AdamW struct {
	Beta1       float64 // β₁ in [0, 1); PyTorch's default 0.9
	Beta2       float64 // β₂ in [0, 1); PyTorch's default 0.999
	Eps         float64 // ε > 0; PyTorch's default 1e-8
	WeightDecay float64 // λ ≥ 0, decoupled; PyTorch's default 0.01
	AMSGrad     bool    // a; PyTorch's default false

	s adamState
}

// NewAdamW returns AdamW with PyTorch's defaults: β₁ = 0.9, β₂ = 0.999,
// ε = 1e-8, λ = 0.01, no AMSGrad.
func NewAdamW() *AdamW { return &AdamW{Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: 0.01} }

// Init validates the parameters and allocates m, v (and v^max) for dim
// parameters.
func (a *AdamW) Init(dim int) error {
	return a.s.init(dim, a.Beta1, a.Beta2, a.Eps, a.WeightDecay, a.AMSGrad)
}

// Step does update t in place on w from g = ∇E(w) (g is not modified).
func (a *AdamW) Step(w, g []float64, alpha float64, t int) error {
	return a.s.step(w, g, alpha, t, a.Beta1, a.Beta2, a.Eps, a.WeightDecay, true)
}

// adamState is the state shared by Adam and AdamW: the moments m and v and,
// with AMSGrad, the running maximum vmax (nil without it).
type adamState struct {
	m, v, vmax []float64
	ams        bool
}

func (s *adamState) init(dim int, b1, b2, eps, lambda float64, ams bool) error {
	if err := firstErr(checkDim(dim), checkUnit("β₁", b1), checkUnit("β₂", b2), checkEps(eps),
		checkNonNeg("weight decay λ", lambda)); err != nil {
		return err
	}
	s.m = grow(s.m, dim)
	s.v = grow(s.v, dim)
	s.ams = ams
	if ams {
		s.vmax = grow(s.vmax, dim)
	}
	return nil
}

func (s *adamState) step(w, g []float64, alpha float64, t int, b1, b2, eps, lambda float64, decoupled bool) error {
	if err := checkStep(len(s.m), w, g, alpha, t); err != nil {
		return err
	}
	n := len(w)
	m, v, g := s.m[:n], s.v[:n], g[:n]
	lr := alpha / (1 - math.Pow(b1, float64(t)))
	inv := 1 / math.Sqrt(1-math.Pow(b2, float64(t)))
	shrink, l2 := 1.0, lambda
	if decoupled {
		shrink, l2 = 1-alpha*lambda, 0
	}
	var vmax []float64
	if s.ams {
		vmax = s.vmax[:n]
	}
	for i, wi := range w {
		gi := g[i] + l2*wi
		mi := b1*m[i] + (1-b1)*gi
		vi := b2*v[i] + (1-b2)*gi*gi
		m[i], v[i] = mi, vi
		if s.ams {
			vi = max(vmax[i], vi)
			vmax[i] = vi
		}
		w[i] = wi*shrink - lr*mi/(math.Sqrt(vi)*inv+eps)
	}
	return nil
}
