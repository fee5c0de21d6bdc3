package optim

import (
	"errors"
	"math"
	"math/cmplx"
	"testing"

	"gdkit.dev/gdkit"
	"gonum.org/v1/gonum/mat"
)

func closeTo(t *testing.T, name string, got, want []float64, tol float64) {
	t.Helper()
	for i := range want {
		if math.Abs(got[i]-want[i]) > tol*math.Max(1, math.Abs(want[i])) {
			t.Errorf("%s[%d] = %.15g, want %.15g", name, i, got[i], want[i])
		}
	}
}

// twoSteps applies updates t = 1, 2 with the gradients g1 and g2 (the same
// for every rule) from w0 = (1, −2) and returns w1 and w2.
func twoSteps(t *testing.T, r rule, alpha float64) (w1, w2 []float64) {
	t.Helper()
	if err := r.Init(2); err != nil {
		t.Fatal(err)
	}
	w := []float64{1, -2}
	g1, g2 := []float64{1, -2}, []float64{0.5, 1}
	if err := r.Step(w, g1, alpha, 1); err != nil {
		t.Fatal(err)
	}
	w1 = append([]float64(nil), w...)
	if err := r.Step(w, g2, alpha, 2); err != nil {
		t.Fatal(err)
	}
	if g1[0] != 1 || g1[1] != -2 || g2[0] != 0.5 || g2[1] != 1 {
		t.Errorf("Step modified g: %v %v", g1, g2)
	}
	return w1, w
}

// TestFirstTwoSteps checks each rule against its first two updates done by
// hand: w0 = (1, −2), g1 = (1, −2), g2 = (0.5, 1) (given, not ∇E of w), the
// arithmetic written out below from PyTorch's documented algorithm.
func TestFirstTwoSteps(t *testing.T) {
	sq := math.Sqrt
	// Adadelta, ρ = 0.9, ε = 1e-6, α = 1: v1 = 0.1 g1², Δ1 = √ε/√(v1+ε) g1,
	// u1 = 0.1 Δ1²; v2 = 0.9 v1 + 0.1 g2², Δ2 = √(u1+ε)/√(v2+ε) g2.
	e6 := 1e-6
	d1 := []float64{sq(e6) / sq(0.1+e6), -2 * sq(e6) / sq(0.4+e6)}
	u1 := []float64{0.1 * d1[0] * d1[0], 0.1 * d1[1] * d1[1]}
	d2 := []float64{sq(u1[0]+e6) / sq(0.09+0.025+e6) * 0.5, sq(u1[1]+e6) / sq(0.36+0.1+e6)}
	// Adam, α = 0.1: m̂1 = g1, v̂1 = g1²; m2 = (0.14, −0.08), v2 = (0.001249, 0.004996),
	// 1 − β₁² = 0.19, 1 − β₂² = 0.001999.
	adam1 := []float64{1 - 0.1/(1+1e-8), -2 + 0.1*2/(2+1e-8)}
	adam2 := []float64{adam1[0] - 0.1*(0.14/0.19)/(sq(0.001249/0.001999)+1e-8),
		adam1[1] - 0.1*(-0.08/0.19)/(sq(0.004996/0.001999)+1e-8)}
	// AdamW, λ = 0.01: first w ← (1 − αλ) w = 0.999 w, then Adam's step.
	adamw1 := []float64{0.999 - 0.1/(1+1e-8), -1.998 + 0.1*2/(2+1e-8)}
	adamw2 := []float64{0.999*adamw1[0] - 0.1*(0.14/0.19)/(sq(0.001249/0.001999)+1e-8),
		0.999*adamw1[1] - 0.1*(-0.08/0.19)/(sq(0.004996/0.001999)+1e-8)}
	// RMSProp centered, ρ = 0.9, μ = 0.5, α = 0.01: ṽ1 = (0.09, 0.36),
	// b1 = (1/0.3, −2/0.6); ṽ2 = (0.115 − 0.14², 0.46 − 0.08²), b2 = 0.5 b1 + g2/√ṽ2.
	b1 := []float64{1 / (0.3 + 1e-8), -2 / (0.6 + 1e-8)}
	b2 := []float64{0.5*b1[0] + 0.5/(sq(0.115-0.0196)+1e-8), 0.5*b1[1] + 1/(sq(0.46-0.0064)+1e-8)}
	for _, c := range []struct {
		name   string
		r      rule
		alpha  float64
		w1, w2 []float64
	}{
		// b1 = g1, w1 = w0 − 0.1 b1; b2 = 0.9 b1 + g2 = (1.4, −0.8).
		{"Momentum μ=0.9", NewMomentum(0.9), 0.1, []float64{0.9, -1.8}, []float64{0.76, -1.72}},
		// g ← g + 0.1 w: (1.1, −2.2), b1 = g; then g = (0.589, 0.822),
		// b2 = 0.5 b1 + 0.5 g = (0.8445, −0.689).
		{"Momentum μ=0.5 τ=0.5 λ=0.1", &Momentum{Mu: 0.5, Dampening: 0.5, WeightDecay: 0.1}, 0.1,
			[]float64{0.89, -1.78}, []float64{0.80555, -1.7111}},
		// b1 = g1, step g1 + 0.9 b1 = (1.9, −3.8); b2 = (1.4, −0.8), step (1.76, 0.28).
		{"Nesterov μ=0.9", NewNesterov(0.9), 0.1, []float64{0.81, -1.62}, []float64{0.634, -1.648}},
		// s1 = g1² = (1, 4), s2 = (1.25, 5).
		{"AdaGrad", NewAdaGrad(), 0.1, []float64{1 - 0.1/(1+1e-10), -2 + 0.1*2/(2+1e-10)},
			[]float64{1 - 0.1/(1+1e-10) - 0.1*0.5/(sq(1.25)+1e-10), -2 + 0.1*2/(2+1e-10) - 0.1/(sq(5)+1e-10)}},
		// τ = 1: s1 = (2, 5), s2 = (2.25, 6); η = 0.5: α̃2 = 0.1/1.5.
		{"AdaGrad η=0.5 τ=1", &AdaGrad{LRDecay: 0.5, InitialAccumulator: 1, Eps: 1e-10}, 0.1,
			[]float64{1 - 0.1/(sq(2)+1e-10), -2 + 0.2/(sq(5)+1e-10)},
			[]float64{1 - 0.1/(sq(2)+1e-10) - 0.1/1.5*0.5/(1.5+1e-10), -2 + 0.2/(sq(5)+1e-10) - 0.1/1.5/(sq(6)+1e-10)}},
		// v1 = 0.01 g1² = (0.01, 0.04), v2 = (0.0124, 0.0496).
		{"RMSProp", NewRMSProp(), 0.01, []float64{1 - 0.01/(0.1+1e-8), -2 + 0.01*2/(0.2+1e-8)},
			[]float64{1 - 0.01/(0.1+1e-8) - 0.01*0.5/(sq(0.0124)+1e-8), -2 + 0.01*2/(0.2+1e-8) - 0.01/(sq(0.0496)+1e-8)}},
		{"RMSProp centered ρ=0.9 μ=0.5", &RMSProp{Rho: 0.9, Eps: 1e-8, Momentum: 0.5, Centered: true}, 0.01,
			[]float64{1 - 0.01*b1[0], -2 - 0.01*b1[1]}, []float64{1 - 0.01*(b1[0]+b2[0]), -2 - 0.01*(b1[1]+b2[1])}},
		{"Adadelta", NewAdadelta(), 1, []float64{1 - d1[0], -2 - d1[1]}, []float64{1 - d1[0] - d2[0], -2 - d1[1] - d2[1]}},
		{"Adam", NewAdam(), 0.1, adam1, adam2},
		{"AdamW λ=0.01", NewAdamW(), 0.1, adamw1, adamw2},
	} {
		w1, w2 := twoSteps(t, c.r, c.alpha)
		closeTo(t, c.name+" w1", w1, c.w1, 1e-14)
		closeTo(t, c.name+" w2", w2, c.w2, 1e-14)
	}
}

// TestAMSGrad: with a small second gradient v2 < v1, AMSGrad divides by
// √(v1/(1 − β₂²)) where Adam divides by √(v2/(1 − β₂²)).
func TestAMSGrad(t *testing.T) {
	g1, g2 := []float64{1, -2}, []float64{0.01, 0.01}
	v1 := []float64{0.001, 0.004}
	v2 := []float64{0.999*0.001 + 0.001*1e-4, 0.999*0.004 + 0.001*1e-4}
	m2 := []float64{0.9*0.1 + 0.1*0.01, 0.9*-0.2 + 0.1*0.01}
	for _, ams := range []bool{false, true} {
		a := NewAdam()
		a.AMSGrad = ams
		if err := a.Init(2); err != nil {
			t.Fatal(err)
		}
		w := []float64{0, 0}
		_ = a.Step(w, g1, 0.1, 1)
		w1 := append([]float64(nil), w...)
		_ = a.Step(w, g2, 0.1, 2)
		v := v2
		if ams {
			v = v1
		}
		for i := range w {
			want := w1[i] - 0.1*(m2[i]/0.19)/(math.Sqrt(v[i]/0.001999)+1e-8)
			if math.Abs(w[i]-want) > 1e-14 {
				t.Errorf("AMSGrad=%v: w2[%d] = %.15g, want %.15g", ams, i, w[i], want)
			}
		}
	}
}

// TestMomentumClosedForm: on E = ½λw², the heavy ball is the linear
// recurrence w_{t+1} = (1 + μ − αλ) w_t − μ w_{t−1} with w_1 = (1 − αλ) w_0,
// whose solution is A r₁ᵗ + B r₂ᵗ with r the roots of r² − (1+μ−αλ) r + μ.
func TestMomentumClosedForm(t *testing.T) {
	for _, c := range []struct{ lambda, alpha, mu float64 }{
		{1, 0.1, 0.5}, // complex roots: a damped oscillation
		{1, 0.1, 0.2}, // real roots
		{4, 0.4, 0.9},
	} {
		s := complex(1+c.mu-c.alpha*c.lambda, 0)
		disc := cmplx.Sqrt(s*s - complex(4*c.mu, 0))
		r1, r2 := (s+disc)/2, (s-disc)/2
		w0 := complex(3.0, 0)
		w1 := w0 * complex(1-c.alpha*c.lambda, 0)
		B := (w1 - r1*w0) / (r2 - r1) // A + B = w0, A r1 + B r2 = w1
		A := w0 - B
		m := NewMomentum(c.mu)
		if err := m.Init(1); err != nil {
			t.Fatal(err)
		}
		w, g := []float64{3}, []float64{0}
		for k := 1; k <= 60; k++ {
			g[0] = c.lambda * w[0]
			_ = m.Step(w, g, c.alpha, k)
			want := real(A*cmplx.Pow(r1, complex(float64(k), 0)) + B*cmplx.Pow(r2, complex(float64(k), 0)))
			if math.Abs(w[0]-want) > 1e-12 {
				t.Fatalf("λ=%g α=%g μ=%g: w_%d = %.15g, closed form %.15g", c.lambda, c.alpha, c.mu, k, w[0], want)
			}
		}
	}
}

// TestNesterovClosedForm: on E = ½λw², with c_t = α b_t, Nesterov is the
// linear map (w_t, c_t) = M (w_{t−1}, c_{t−1}),
// M = [[1 − αλ(1+μ), −μ²], [αλ, μ]], from (w_0, 0): x_t = Mᵗ x_0.
func TestNesterovClosedForm(t *testing.T) {
	lambda, alpha, mu := 2.0, 0.2, 0.8
	h := alpha * lambda
	M := mat.NewDense(2, 2, []float64{1 - h*(1+mu), -mu * mu, h, mu})
	n := NewNesterov(mu)
	if err := n.Init(1); err != nil {
		t.Fatal(err)
	}
	w, g := []float64{-5}, []float64{0}
	var P mat.Dense
	for k := 1; k <= 40; k++ {
		g[0] = lambda * w[0]
		_ = n.Step(w, g, alpha, k)
		P.Pow(M, k)
		if want := P.At(0, 0) * -5; math.Abs(w[0]-want) > 1e-12 {
			t.Fatalf("w_%d = %.15g, Mᵗx₀ = %.15g", k, w[0], want)
		}
	}
}

// TestNesterovBeatsHeavyBall: on d2l's ill-conditioned 0.1w₁² + 2w₂² from
// (−5, −2), with the usual μ = 0.9 and the same α, Nesterov needs fewer
// updates than the heavy ball to reach ‖∇E‖ ≤ 1e-8 (measured: α = 0.05:
// 245 vs 358, 0.1: 252 vs 364, 0.2: 170 vs 341, 0.3: 188 vs 359). Its
// steeper effective step also has a lower stability limit: at α = 0.4
// (αλ_max = 1.6 > 2(1+μ)/(1+2μ) ≈ 1.36) Nesterov diverges while the heavy
// ball (limit 2(1+μ) = 3.8) converges.
func TestNesterovBeatsHeavyBall(t *testing.T) {
	p := quadratic(0.2, 4) // 0.1w₁² + 2w₂² = ½(0.2w₁² + 4w₂²)
	iters := func(r rule, alpha float64) (int, error) {
		res, err := run{rule: r, alpha: alpha, maxIter: 10000, gradTol: 1e-8}.descend(p, []float64{-5, -2})
		if err == nil && !res.converged {
			err = errors.New("did not converge")
		}
		return res.iters, err
	}
	for _, alpha := range []float64{0.05, 0.1, 0.2, 0.3} {
		hb, err1 := iters(NewMomentum(0.9), alpha)
		nag, err2 := iters(NewNesterov(0.9), alpha)
		if err1 != nil || err2 != nil {
			t.Fatalf("α = %g: %v, %v", alpha, err1, err2)
		}
		if nag >= hb {
			t.Errorf("α = %g, μ = 0.9: Nesterov %d updates, heavy ball %d", alpha, nag, hb)
		}
	}
	if _, err := iters(NewMomentum(0.9), 0.4); err != nil {
		t.Errorf("heavy ball at α = 0.4: %v", err)
	}
	if _, err := iters(NewNesterov(0.9), 0.4); err == nil {
		t.Error("Nesterov at α = 0.4, μ = 0.9 converged; its stability limit is αλ < 2(1+μ)/(1+2μ)")
	}
}

// TestConstantGradientClosedForms: on a constant gradient g the adaptive
// rules have closed forms (s_t = t g², v_t = (1 − ρᵗ) g², m̂_t = g, v̂_t = g²).
func TestConstantGradientClosedForms(t *testing.T) {
	g := []float64{3, -0.02, 1e-3}
	const alpha = 0.1
	for _, c := range []struct {
		name string
		r    rule
		step func(t int, gi float64) float64 // the t-th update of w_i
		T    int                             // updates checked
	}{
		// AdaGrad: step α g/(√t |g| + ε) = α sign(g)/√t up to ε: it shrinks as 1/√t.
		{"AdaGrad", NewAdaGrad(), func(t int, gi float64) float64 {
			return alpha * gi / (math.Sqrt(float64(t))*math.Abs(gi) + 1e-10)
		}, 2000},
		{"RMSProp", NewRMSProp(), func(t int, gi float64) float64 {
			return alpha * gi / (math.Sqrt(1-math.Pow(0.99, float64(t)))*math.Abs(gi) + 1e-8)
		}, 2000},
		// Centered: ḡ_t = (1−ρᵗ) g, ṽ_t = (1−ρᵗ)ρᵗ g²: the step grows as the
		// variance estimate vanishes. ṽ = v − ḡ² cancels: its relative
		// round-off grows as ε/ρᵗ, so only the first 500 updates are compared.
		{"RMSProp centered", &RMSProp{Rho: 0.99, Eps: 1e-8, Centered: true}, func(t int, gi float64) float64 {
			r := math.Pow(0.99, float64(t))
			return alpha * gi / (math.Sqrt((1-r)*r)*math.Abs(gi) + 1e-8)
		}, 500},
		// Adam: m̂ = g, v̂ = g²: every step is α g/(|g| + ε) ≈ α sign(g).
		{"Adam", NewAdam(), func(t int, gi float64) float64 { return alpha * gi / (math.Abs(gi) + 1e-8) }, 2000},
	} {
		if err := c.r.Init(len(g)); err != nil {
			t.Fatal(err)
		}
		w := make([]float64, len(g))
		prev := make([]float64, len(g))
		for k := 1; k <= c.T; k++ {
			copy(prev, w)
			if err := c.r.Step(w, g, alpha, k); err != nil {
				t.Fatal(err)
			}
			for i, gi := range g {
				want := c.step(k, gi)
				if got := prev[i] - w[i]; math.Abs(got-want) > 1e-9*math.Abs(want) {
					t.Fatalf("%s: update %d of w[%d] = %.15g, closed form %.15g", c.name, k, i, got, want)
				}
			}
		}
	}
}

// TestAdaGradShrinksAsInverseSqrtT: √t times AdaGrad's step on a constant
// gradient stays α (to 1e-6 for |g| ≥ 1e-3, the ε/|g| term).
func TestAdaGradShrinksAsInverseSqrtT(t *testing.T) {
	a := NewAdaGrad()
	_ = a.Init(2)
	w, g := []float64{0, 0}, []float64{5, -1e-3}
	for k := 1; k <= 10000; k++ {
		w0, w1 := w[0], w[1]
		_ = a.Step(w, g, 0.1, k)
		for i, d := range []float64{w0 - w[0], w1 - w[1]} {
			if s := math.Abs(d) * math.Sqrt(float64(k)); math.Abs(s-0.1) > 1e-6 {
				t.Fatalf("t = %d, coordinate %d: |step|·√t = %.9g, want 0.1", k, i, s)
			}
		}
	}
}

// TestAdamFirstStepIsAlpha: Adam's first update moves every coordinate by
// ≈ α, whatever the scale of its gradient (to ε/|g|).
func TestAdamFirstStepIsAlpha(t *testing.T) {
	g := []float64{1e-3, -0.5, 7, -1e4}
	for _, alpha := range []float64{1e-3, 0.1} {
		a := NewAdam()
		_ = a.Init(len(g))
		w := make([]float64, len(g))
		_ = a.Step(w, g, alpha, 1)
		for i, gi := range g {
			if got := -w[i] * math.Copysign(1, gi); math.Abs(got-alpha) > alpha*1e-5 {
				t.Errorf("α = %g, g = %g: first step %.9g", alpha, gi, got)
			}
		}
	}
}

// TestAdamWZeroGradient: with g = 0, AdamW only decays, w_t = (1 − αλ)ᵗ w_0;
// Adam with L2 weight decay does not (its decay is normalised by √v̂).
func TestAdamWZeroGradient(t *testing.T) {
	a := NewAdamW()
	_ = a.Init(2)
	w, g := []float64{2, -3}, []float64{0, 0}
	for k := 1; k <= 100; k++ {
		_ = a.Step(w, g, 0.1, k)
	}
	f := math.Pow(1-0.1*0.01, 100)
	closeTo(t, "AdamW w_100", w, []float64{2 * f, -3 * f}, 1e-14)
	b := &Adam{Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: 0.01}
	_ = b.Init(2)
	w = []float64{2, -3}
	_ = b.Step(w, g, 0.1, 1)
	// g ← 0 + λw: the first step is α·sign(w) ≈ 0.1, not α λ w = 0.002.
	closeTo(t, "Adam+L2 w_1", w, []float64{1.9, -2.9}, 1e-6)
}

// TestRuleErrors: bad parameters fail in Init, before the first step;
// misuse of Step fails with a clear error.
func TestRuleErrors(t *testing.T) {
	nan := math.NaN()
	bad := []struct {
		name string
		r    rule
	}{
		{"momentum μ = 1", NewMomentum(1)},
		{"momentum μ < 0", NewMomentum(-0.1)},
		{"momentum NaN", NewMomentum(nan)},
		{"dampening 2", &Momentum{Mu: 0.9, Dampening: 2}},
		{"weight decay < 0", &Momentum{Mu: 0.9, WeightDecay: -1}},
		{"Nesterov μ = 1.5", NewNesterov(1.5)},
		{"AdaGrad ε = 0", &AdaGrad{}},
		{"AdaGrad ε < 0", &AdaGrad{Eps: -1}},
		{"AdaGrad lr decay Inf", &AdaGrad{Eps: 1e-10, LRDecay: math.Inf(1)}},
		{"AdaGrad τ < 0", &AdaGrad{Eps: 1e-10, InitialAccumulator: -1}},
		{"RMSProp ρ = 1", &RMSProp{Rho: 1, Eps: 1e-8}},
		{"RMSProp ε NaN", &RMSProp{Rho: 0.9, Eps: nan}},
		{"RMSProp μ = 1", &RMSProp{Rho: 0.9, Eps: 1e-8, Momentum: 1}},
		{"Adadelta ρ = 1", &Adadelta{Rho: 1, Eps: 1e-6}},
		{"Adadelta zero value (ε = 0)", &Adadelta{}},
		{"Adam β₁ = 1", &Adam{Beta1: 1, Beta2: 0.999, Eps: 1e-8}},
		{"Adam β₂ = 1", &Adam{Beta1: 0.9, Beta2: 1, Eps: 1e-8}},
		{"Adam ε = 0", &Adam{Beta1: 0.9, Beta2: 0.999}},
		{"AdamW λ < 0", &AdamW{Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: -0.01}},
		{"Newton without Hessian", &Newton{}},
		{"Newton bad fallback", &Newton{Hessian: NumHessianOf(func([]float64) float64 { return 0 }), Fallback: 7}},
	}
	for _, c := range bad {
		if err := c.r.Init(2); !errors.Is(err, gdkit.ErrBadParam) {
			t.Errorf("%s: Init = %v, want a bad-parameter error", c.name, err)
		}
	}
	good := func() rule { return NewAdam() }
	if err := good().Init(0); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("Init(0) = %v", err)
	}
	if err := good().Step([]float64{1}, []float64{1}, 0.1, 1); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("Step before Init = %v", err)
	}
	for _, c := range []struct {
		name  string
		w, g  []float64
		alpha float64
		t     int
	}{
		{"short w", []float64{1}, []float64{1, 2}, 0.1, 1},
		{"short g", []float64{1, 2}, []float64{1}, 0.1, 1},
		{"α < 0", []float64{1, 2}, []float64{1, 2}, -0.1, 1},
		{"α NaN", []float64{1, 2}, []float64{1, 2}, nan, 1},
		{"α Inf", []float64{1, 2}, []float64{1, 2}, math.Inf(1), 1},
		{"t = 0", []float64{1, 2}, []float64{1, 2}, 0.1, 0},
	} {
		r := good()
		_ = r.Init(2)
		if err := r.Step(c.w, c.g, c.alpha, c.t); !errors.Is(err, gdkit.ErrBadParam) {
			t.Errorf("%s: Step = %v", c.name, err)
		}
	}
}

// TestInitResets: a second Init starts a fresh run (the same two steps
// give the same w).
func TestInitResets(t *testing.T) {
	for _, r := range []rule{NewMomentum(0.9), NewNesterov(0.9), NewAdaGrad(), NewRMSProp(),
		&RMSProp{Rho: 0.9, Eps: 1e-8, Momentum: 0.5, Centered: true}, NewAdadelta(), NewAdam(), NewAdamW(),
		&Adam{Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, AMSGrad: true}} {
		a1, a2 := twoSteps(t, r, 0.1)
		b1, b2 := twoSteps(t, r, 0.1)
		closeTo(t, "second run w1", b1, a1, 0)
		closeTo(t, "second run w2", b2, a2, 0)
	}
}

// TestStepAllocFree: after Init, Step allocates nothing.
func TestStepAllocFree(t *testing.T) {
	const n = 1000
	w, g := make([]float64, n), make([]float64, n)
	for i := range g {
		g[i] = float64(i%7) - 3
	}
	h := mat.NewSymDense(n/100, nil)
	newton := NewNewton(func(dst *mat.SymDense, w []float64) error {
		dst.CopySym(h)
		return nil
	})
	for i := range n / 100 {
		h.SetSym(i, i, 2+float64(i))
	}
	for _, c := range []struct {
		name string
		r    rule
		dim  int
	}{
		{"Momentum", &Momentum{Mu: 0.9, Dampening: 0.1, WeightDecay: 0.01}, n},
		{"Nesterov", NewNesterov(0.9), n},
		{"AdaGrad", NewAdaGrad(), n},
		{"RMSProp", &RMSProp{Rho: 0.99, Eps: 1e-8, Momentum: 0.9, Centered: true}, n},
		{"Adadelta", NewAdadelta(), n},
		{"Adam", &Adam{Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, AMSGrad: true}, n},
		{"AdamW", NewAdamW(), n},
		{"Newton", newton, n / 100},
	} {
		if err := c.r.Init(c.dim); err != nil {
			t.Fatal(err)
		}
		k := 0
		allocs := testing.AllocsPerRun(50, func() {
			k++
			if err := c.r.Step(w[:c.dim], g[:c.dim], 1e-3, k); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 0 {
			t.Errorf("%s: %v allocations per Step", c.name, allocs)
		}
	}
}
