package optim

import (
	"errors"
	"math"
	"testing"

	"gdkit.dev/gdkit"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"
)

// counted wraps p so that its calls of E and ∇E are counted.
func counted(p gdkit.Problem, ne, ng *int) gdkit.Problem {
	return gdkit.Problem{
		E:    func(w []float64) float64 { *ne++; return p.E(w) },
		Grad: func(g, w []float64) { *ng++; p.Grad(g, w) },
		Dim:  p.Dim,
	}
}

// TestArmijoByHand: E = w² (½λw² with λ = 2) at w = 1: g = 2, d = −2,
// slope −4. α = 1 gives E(−1) = 1 > 1 − 1e-4·1·4; α = 0.5 gives E(0) = 0:
// accepted after 2 evaluations. From α₀ = 0.25, E(0.5) = 0.25 ≤ 1 − 1e-4:
// accepted at once.
func TestArmijoByHand(t *testing.T) {
	for _, c := range []struct {
		alpha0, want float64
		evals        int
	}{{1, 0.5, 2}, {0.25, 0.25, 1}, {8, 0.5, 5}} {
		var ne, ng int
		p := counted(quadratic(2), &ne, &ng)
		a := &Armijo{}
		alpha, err := a.Search(p, []float64{1}, 1, []float64{2}, []float64{-2}, c.alpha0)
		if err != nil {
			t.Fatal(err)
		}
		if alpha != c.want || ne != c.evals || ng != 0 {
			t.Errorf("α₀ = %g: α = %g (E calls %d, ∇E calls %d), want α = %g, %d evals",
				c.alpha0, alpha, ne, ng, c.want, c.evals)
		}
	}
}

// TestArmijoOverflow: a trial point where E is Inf is shrunk like any
// other, and counted.
func TestArmijoOverflow(t *testing.T) {
	p := quadratic(2)
	e := p.E
	p.E = func(w []float64) float64 {
		if math.Abs(w[0]) > 10 {
			return math.Inf(1)
		}
		return e(w)
	}
	// From α₀ = 64 the trials are 64, 32, …, 0.5: w = 1 − 2α.
	var evals, ng int
	alpha, err := (&Armijo{}).Search(counted(p, &evals, &ng), []float64{1}, 1, []float64{2}, []float64{-2}, 64)
	if err != nil || alpha != 0.5 || evals != 8 {
		t.Errorf("α = %g, evals = %d, err = %v; want 0.5, 8", alpha, evals, err)
	}
}

func TestLineSearchErrors(t *testing.T) {
	p := quadratic(2)
	w, g, d := []float64{1}, []float64{2}, []float64{-2}
	flat := gdkit.Problem{E: func([]float64) float64 { return 1 }, Grad: func(g, w []float64) { g[0] = 0 }}
	for _, c := range []struct {
		name string
		ls   gdkit.LineSearch
		p    gdkit.Problem
		w    []float64
		e    float64
		g, d []float64
		a0   float64
		err  error
	}{
		{"Armijo c > 1", &Armijo{C: 1.5}, p, w, 1, g, d, 1, gdkit.ErrBadParam},
		{"Armijo ρ < 0", &Armijo{Contraction: -0.5}, p, w, 1, g, d, 1, gdkit.ErrBadParam},
		{"Armijo min step NaN", &Armijo{MinStep: math.NaN()}, p, w, 1, g, d, 1, gdkit.ErrBadParam},
		{"uphill d", &Armijo{}, p, w, 1, g, []float64{2}, 1, gdkit.ErrBadParam},
		{"α₀ = 0", &Armijo{}, p, w, 1, g, d, 0, gdkit.ErrBadParam},
		{"α₀ NaN", &Gonum{}, p, w, 1, g, d, math.NaN(), gdkit.ErrBadParam},
		{"E(w) NaN", &Armijo{}, p, w, math.NaN(), g, d, 1, gdkit.ErrBadParam},
		{"lengths", &Armijo{}, p, w, 1, []float64{2, 1}, d, 1, gdkit.ErrBadParam},
		{"nil E", &Armijo{}, gdkit.Problem{}, w, 1, g, d, 1, gdkit.ErrBadParam},
		{"flat E: no decrease", &Armijo{}, flat, w, 1, g, d, 1, gdkit.ErrSearchFailed},
		{"wrong ∇E: E grows along d", &Armijo{}, p, w, 1, []float64{-2}, []float64{2}, 1, gdkit.ErrSearchFailed},
		{"MoreThuente without ∇E", &Gonum{}, gdkit.Problem{E: p.E}, w, 1, g, d, 1, gdkit.ErrBadParam},
		{"Bisection bad curvature", &Gonum{Searcher: &optimize.Bisection{CurvatureFactor: 2}}, p, w, 1, g, d, 1, gdkit.ErrBadParam},
		{"MaxEvals", &Gonum{Searcher: &optimize.Backtracking{}, MaxEvals: 3}, flat, w, 1, g, d, 1, gdkit.ErrSearchFailed},
		{"exact: no H", &ExactQuadratic{}, p, w, 1, g, d, 1, gdkit.ErrBadParam},
		{"exact: both", &ExactQuadratic{H: mat.NewSymDense(1, []float64{2}), HessVec: func(dst, v []float64) {}}, p, w, 1, g, d, 1, gdkit.ErrBadParam},
		{"exact: H size", &ExactQuadratic{H: mat.NewSymDense(2, nil)}, p, w, 1, g, d, 1, gdkit.ErrBadParam},
		{"exact: negative curvature", &ExactQuadratic{H: mat.NewSymDense(1, []float64{-2})}, p, w, 1, g, d, 1, ErrIndefinite},
		{"exact: uphill", &ExactQuadratic{H: mat.NewSymDense(1, []float64{2})}, p, w, 1, g, []float64{1}, 1, gdkit.ErrBadParam},
	} {
		_, err := c.ls.Search(c.p, c.w, c.e, c.g, c.d, c.a0)
		if !errors.Is(err, c.err) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.err)
		}
	}
}

// TestGonumWolfe: gonum's MoreThuente and Bisection, driven along
// d = −∇E on 0.1w₁² + 2w₂², return a step that meets the strong Wolfe
// curvature condition |∇E(w+αd)ᵀd| ≤ 0.9 |∇E(w)ᵀd|, calling both E and
// ∇E.
func TestGonumWolfe(t *testing.T) {
	base := quadratic(0.2, 4)
	w := []float64{-5, -2}
	g := make([]float64, 2)
	base.Grad(g, w)
	d := []float64{-g[0], -g[1]}
	for _, ls := range []optimize.Linesearcher{&optimize.MoreThuente{}, &optimize.Bisection{}} {
		var ne, ng int
		p := counted(base, &ne, &ng)
		alpha, err := (&Gonum{Searcher: ls}).Search(p, w, base.E(w), g, d, 1)
		if err != nil {
			t.Fatalf("%T: %v", ls, err)
		}
		if ne == 0 || ng == 0 {
			t.Errorf("%T: E calls %d, ∇E calls %d; the Wolfe conditions need both", ls, ne, ng)
		}
		x := []float64{w[0] + alpha*d[0], w[1] + alpha*d[1]}
		gx := make([]float64, 2)
		base.Grad(gx, x)
		if math.Abs(dot(gx, d)) > 0.9*math.Abs(dot(g, d)) || base.E(x) >= base.E(w) {
			t.Errorf("%T: α = %g does not meet the strong Wolfe conditions", ls, alpha)
		}
	}
}

// TestExactQuadratic: at w = (−5, −2) on ½(0.2w₁² + 4w₂²), g = (−1, −8):
// α = gᵀg/gᵀHg = 65/(0.2 + 256) by hand, with H as a matrix or as a
// product; and the new point is the minimum along the line.
func TestExactQuadratic(t *testing.T) {
	p := quadratic(0.2, 4)
	w, g := []float64{-5, -2}, []float64{-1, -8}
	d := []float64{1, 8}
	want := 65 / 256.2
	for _, q := range []*ExactQuadratic{
		{H: mat.NewSymDense(2, []float64{0.2, 0, 0, 4})},
		{HessVec: func(dst, v []float64) { dst[0], dst[1] = 0.2*v[0], 4*v[1] }},
	} {
		var ne, ng int
		alpha, err := q.Search(counted(p, &ne, &ng), w, p.E(w), g, d, 1)
		if err != nil || ne+ng != 0 || math.Abs(alpha-want) > 1e-15 {
			t.Errorf("α = %.17g, %d evaluations, err %v; want %.17g and none", alpha, ne+ng, err, want)
		}
		at := func(a float64) float64 { return p.E([]float64{w[0] + a*d[0], w[1] + a*d[1]}) }
		if !(at(alpha) < at(alpha*(1+1e-6)) && at(alpha) < at(alpha*(1-1e-6))) {
			t.Errorf("α = %g is not the minimum along d", alpha)
		}
	}
}

// TestExactQuadraticRate: steepest descent with exact steps on
// ½(λ₁w₁² + λ₂w₂²) from w₀ = (1/λ₁, 1/λ₂) — Akaike's worst case — reduces
// E by exactly ((κ−1)/(κ+1))² per update, κ = λ₂/λ₁.
func TestExactQuadraticRate(t *testing.T) {
	l1, l2 := 0.2, 4.0
	k := l2 / l1
	rate := math.Pow((k-1)/(k+1), 2)
	res, err := run{ls: &ExactQuadratic{H: mat.NewSymDense(2, []float64{l1, 0, 0, l2})}, alpha: 1,
		maxIter: 30}.descend(quadratic(l1, l2), []float64{1 / l1, 1 / l2})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(res.es); i++ {
		if r := res.es[i] / res.es[i-1]; math.Abs(r-rate) > 1e-12 {
			t.Fatalf("E_%d/E_%d = %.15g, want ((κ−1)/(κ+1))² = %.15g", i, i-1, r, rate)
		}
	}
}

// TestLineSearchAllocFree: after the first call, Armijo and ExactQuadratic
// allocate nothing per search.
func TestLineSearchAllocFree(t *testing.T) {
	p := quadratic(0.2, 4)
	w, g, d := []float64{-5, -2}, []float64{-1, -8}, []float64{1, 8}
	e := p.E(w)
	for _, ls := range []gdkit.LineSearch{&Armijo{}, &ExactQuadratic{H: mat.NewSymDense(2, []float64{0.2, 0, 0, 4})}} {
		if _, err := ls.Search(p, w, e, g, d, 1); err != nil {
			t.Fatal(err)
		}
		if n := testing.AllocsPerRun(50, func() { _, _ = ls.Search(p, w, e, g, d, 1) }); n != 0 {
			t.Errorf("%T: %v allocations per search", ls, n)
		}
	}
}
