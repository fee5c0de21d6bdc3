package optim

import (
	"errors"
	"math"
	"strings"
	"testing"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/num/hyperdual"
)

// quad2 is E(w) = ½wᵀAw − bᵀw with A = [[3, 1], [1, 2]], b = (1, −1): its
// minimum is w* = A⁻¹b = (2·1 − 1·(−1), −1·1 + 3·(−1))/5 = (0.6, −0.8).
func quad2() (gdkit.Problem, HessianFunc) {
	p := gdkit.Problem{
		E: func(w []float64) float64 {
			return 0.5*(3*w[0]*w[0]+2*w[0]*w[1]+2*w[1]*w[1]) - w[0] + w[1]
		},
		Grad: func(g, w []float64) {
			g[0] = 3*w[0] + w[1] - 1
			g[1] = w[0] + 2*w[1] + 1
		},
		Dim: 2,
	}
	h := func(dst *mat.SymDense, w []float64) error {
		dst.SetSym(0, 0, 3)
		dst.SetSym(0, 1, 1)
		dst.SetSym(1, 1, 2)
		return nil
	}
	return p, h
}

// TestNewtonQuadratic: the full step (α = 1) lands on w* in one update;
// the damped step α leaves w_t − w* = (1 − α)ᵗ (w_0 − w*).
func TestNewtonQuadratic(t *testing.T) {
	p, h := quad2()
	star := []float64{0.6, -0.8}
	res, err := run{rule: NewNewton(h), alpha: 1, maxIter: 10, gradTol: 1e-12}.descend(p, []float64{5, 5})
	if err != nil || res.iters != 1 {
		t.Fatalf("full step: %d updates, err %v", res.iters, err)
	}
	closeTo(t, "w_1", res.w, star, 1e-14)
	for _, alpha := range []float64{0.5, 0.25} {
		n := NewNewton(h)
		_ = n.Init(2)
		w, g := []float64{5, 5}, make([]float64, 2)
		for k := 1; k <= 10; k++ {
			p.Grad(g, w)
			if err := n.Step(w, g, alpha, k); err != nil {
				t.Fatal(err)
			}
			f := math.Pow(1-alpha, float64(k))
			closeTo(t, "damped w_t", w, []float64{star[0] + f*(5-star[0]), star[1] + f*(5-star[1])}, 1e-13)
		}
	}
}

// TestNewton1D: on (w−3)² + 1 the 1D step x − f'/f” reaches 3 at once.
func TestNewton1D(t *testing.T) {
	f := funcs.ShiftedSquare()
	n := NewNewton(HessianOf1D(f))
	_ = n.Init(1)
	w := []float64{-7}
	if err := n.Step(w, []float64{f.Deriv(-7)}, 1, 1); err != nil || math.Abs(w[0]-3) > 1e-14 {
		t.Errorf("w = %v, err %v; want 3", w, err)
	}
	if err := HessianOf1D(f)(mat.NewSymDense(1, nil), []float64{1, 2}); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("HessianOf1D with 2 variables: %v", err)
	}
}

// TestNewtonXCos is d2l's non-convex example f(x) = x·cos(cx), c = 0.15π,
// from x = 10. By hand: x₁ = 10 − f'(10)/f”(10) = 10 − (3π/2)/(0.3π) = 5,
// x₂ = 5 − f'(5)/f”(5) ≈ 25.0, where f” = −2c sin(cx) − c²x cos(cx) < 0:
// the Hessian is not positive definite at update 3 and Newton stops with
// ErrIndefinite (d2l's plain Newton goes on to a maximum near 26.8). With
// ShiftHessian it reaches a local minimum instead.
func TestNewtonXCos(t *testing.T) {
	f := funcs.XCos(0.15 * math.Pi)
	p := gdkit.Problem{
		E:    func(w []float64) float64 { return f.F(w[0]) },
		Grad: func(g, w []float64) { g[0] = f.Deriv(w[0]) },
		Dim:  1,
	}
	n := NewNewton(HessianOf1D(f))
	res, err := run{rule: n, alpha: 1, maxIter: 50, gradTol: 1e-10}.descend(p, []float64{10})
	if !errors.Is(err, ErrIndefinite) || res.iters != 2 || !n.FellBack() {
		t.Fatalf("FailIndefinite: %d updates, err %v, fell back %v", res.iters, err, n.FellBack())
	}
	if math.Abs(res.es[1]-f.F(5)) > 1e-12 {
		t.Errorf("x₁ is not 5: E(x₁) = %v", res.es[1])
	}
	shifted := &Newton{Hessian: HessianOf1D(f), Fallback: ShiftHessian}
	res, err = run{rule: shifted, alpha: 1, maxIter: 50, gradTol: 1e-10}.descend(p, []float64{10})
	if err != nil || !res.converged {
		t.Fatalf("ShiftHessian: %v, converged %v", err, res.converged)
	}
	if _, d2 := f.ExactDeriv(res.w[0]); d2 <= 0 {
		t.Errorf("ShiftHessian stopped at x = %g with f” = %g: not a minimum", res.w[0], d2)
	}
	grad := &Newton{Hessian: HessianOf1D(f), Fallback: GradientStep}
	res, err = run{rule: grad, alpha: 1, maxIter: 200, gradTol: 1e-10}.descend(p, []float64{10})
	if err != nil || !res.converged {
		t.Fatalf("GradientStep: %v, converged %v", err, res.converged)
	}
	if _, d2 := f.ExactDeriv(res.w[0]); d2 <= 0 {
		t.Errorf("GradientStep stopped at x = %g with f” = %g", res.w[0], d2)
	}
}

// TestNewtonShift: on the saddle w₁² − w₂² (H = diag(2, −2)) ShiftHessian
// adds τ = 2 + β·2^k until H + τI is positive definite, and Shift reports it.
func TestNewtonShift(t *testing.T) {
	n := &Newton{Hessian: HessianOf2D(funcs.Saddle()), Fallback: ShiftHessian}
	_ = n.Init(2)
	w := []float64{1, 1}
	g := []float64{2, -2}
	if err := n.Step(w, g, 1, 1); err != nil {
		t.Fatal(err)
	}
	// β = 1e-3·2, τ₀ = β + 2 already works: d = (2/(2+τ), −2/(−2+τ)).
	tau := 2 + 2e-3
	if !n.FellBack() || n.Shift() != tau {
		t.Errorf("shift τ = %v (fell back %v), want %v", n.Shift(), n.FellBack(), tau)
	}
	closeTo(t, "w", w, []float64{1 - 2/(2+tau), 1 + 2/(tau-2)}, 1e-12)
}

// TestNewtonRosenbrock: with the exact Hessian (hyperdual), Newton from
// (−1.2, 1) reaches (1, 1); the numeric and the hyperdual Hessians give
// the same first step as Func2D's to 1e-6.
func TestNewtonRosenbrock(t *testing.T) {
	f := funcs.Rosenbrock()
	p := gdkit.Problem{E: f.F, Grad: f.Grad, Dim: 2}
	res, err := run{rule: &Newton{Hessian: HessianOf2D(f), Fallback: ShiftHessian}, alpha: 1,
		maxIter: 100, gradTol: 1e-10}.descend(p, []float64{-1.2, 1})
	if err != nil || !res.converged {
		t.Fatalf("%v, converged %v after %d", err, res.converged, res.iters)
	}
	closeTo(t, "minimum", res.w, []float64{1, 1}, 1e-9)
	hyper := func(x []hyperdual.Number) hyperdual.Number { return f.Hyper(x[0], x[1]) }
	var first [][]float64
	for _, h := range []HessianFunc{HessianOf2D(f), HyperdualHessianOf(hyper), NumHessianOf(f.F)} {
		n := NewNewton(h)
		_ = n.Init(2)
		w, g := []float64{-1.2, 1}, make([]float64, 2)
		f.Grad(g, w)
		if err := n.Step(w, g, 1, 1); err != nil {
			t.Fatal(err)
		}
		first = append(first, w)
	}
	closeTo(t, "hyperdual step", first[1], first[0], 1e-12)
	closeTo(t, "numeric step", first[2], first[0], 1e-6)
}

func TestNewtonErrors(t *testing.T) {
	bad := errors.New("no Hessian here")
	for _, c := range []struct {
		name string
		h    HessianFunc
		err  error
	}{
		{"Hessian error", func(*mat.SymDense, []float64) error { return bad }, bad},
		{"NaN Hessian", func(dst *mat.SymDense, w []float64) error { dst.SetSym(0, 1, math.NaN()); return nil }, nil},
		{"singular", func(dst *mat.SymDense, w []float64) error {
			dst.SetSym(0, 0, 1)
			dst.SetSym(0, 1, 1)
			dst.SetSym(1, 1, 1)
			return nil
		}, ErrIndefinite},
		// κ ≈ 4e15: dpotrf succeeds with a pivot ≈ 3e-8, the solve would be noise.
		{"numerically singular", func(dst *mat.SymDense, w []float64) error {
			dst.SetSym(0, 0, 1)
			dst.SetSym(0, 1, 1)
			dst.SetSym(1, 1, 1+1e-15)
			return nil
		}, ErrIndefinite},
	} {
		n := NewNewton(c.h)
		_ = n.Init(2)
		err := n.Step([]float64{1, 2}, []float64{1, 1}, 1, 1)
		if err == nil || (c.err != nil && !errors.Is(err, c.err)) {
			t.Errorf("%s: err = %v", c.name, err)
		}
	}
}

// TestIndefiniteError: Newton's error on d2l's x·cos(cx) from 10, through
// Descend1D: an *IndefiniteError (ErrIndefinite) whose English message,
// after Descend's "update rule at iteration 3", does not repeat the update
// and rounds w, and whose Spanish text stands alone.
func TestIndefiniteError(t *testing.T) {
	f := funcs.XCos(0.15 * math.Pi)
	s := &gdkit.DescentSettings{Alpha: 1, GradTol: 1e-10, MaxIter: 100, Rule: NewNewton(HessianOf1D(f))}
	tr, err := gdkit.Descend1D(f.F, f.Deriv, 10, s)
	var ie *IndefiniteError
	if !errors.Is(err, ErrIndefinite) || !errors.As(err, &ie) || ie.Update != 3 || ie.Shift != 0 || tr.Iterations() != 2 {
		t.Fatalf("err = %v (%T), %d iterations", err, err, tr.Iterations())
	}
	if ie.W[0] != tr.Final()[0] {
		t.Errorf("W = %v, the trace ends at %v", ie.W, tr.Final())
	}
	const (
		english = "gdkit: update rule at iteration 3: optim: Hessian is not positive definite at w = [24.99]: " +
			"the Newton step H⁻¹g would not go downhill; use Fallback GradientStep or ShiftHessian, or gradient descent"
		spanish = "en la iteración 3 el hessiano no es definido positivo en w = [24.99]: ahí el paso de Newton, " +
			"H⁻¹·ΔE, puede ir cuesta arriba (hacia un máximo); usá Fallback GradientStep o ShiftHessian, o el descenso de gradiente"
	)
	if err.Error() != english {
		t.Errorf("Error()\n got %q\nwant %q", err.Error(), english)
	}
	if got := gdkit.Spanish(err); got != spanish {
		t.Errorf("Spanish\n got %q\nwant %q", got, spanish)
	}
	// ShiftHessian gives up after 64 doublings of τ from 10⁻³: off the
	// diagonal ±10³⁰⁰ needs τ > 10³⁰⁰.
	n := &Newton{Hessian: func(dst *mat.SymDense, w []float64) error { dst.SetSym(0, 1, 1e300); return nil }, Fallback: ShiftHessian}
	_ = n.Init(2)
	err = n.Step([]float64{1.23456789, 2}, []float64{1, 1}, 1, 5)
	if !errors.As(err, &ie) || !(ie.Shift > 0) || ie.Update != 5 ||
		err.Error() != "optim: Hessian is not positive definite at w = [1.235 2], and no shift τ ≤ 9.22e+15 made H + τI positive definite" ||
		!strings.HasPrefix(ie.Spanish(), "en la iteración 5 el hessiano no es definido positivo en w = [1.235 2], y ningún τ ≤ 9.22e+15 ") {
		t.Errorf("ShiftHessian: err = %v\nSpanish %q", err, gdkit.Spanish(err))
	}
}

// A Hessian with a NaN entry stops Newton with gdkit.ErrNotFinite, naming the
// entry, before any solve.
func TestNewtonNonFiniteHessian(t *testing.T) {
	n := NewNewton(func(dst *mat.SymDense, w []float64) error {
		dst.SetSym(0, 0, 1)
		dst.SetSym(0, 1, math.NaN())
		dst.SetSym(1, 1, 1)
		return nil
	})
	if err := n.Init(2); err != nil {
		t.Fatal(err)
	}
	w := []float64{1, 2}
	err := n.Step(w, []float64{0.5, 0.5}, 1, 1)
	if !errors.Is(err, gdkit.ErrNotFinite) || !strings.Contains(err.Error(), "H[0][1] = NaN") {
		t.Fatalf("err = %v, want ErrNotFinite naming H[0][1]", err)
	}
	if w[0] != 1 || w[1] != 2 {
		t.Errorf("w = %v changed by a failed step", w)
	}
}
