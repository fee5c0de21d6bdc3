package gdkit_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"gdkit.dev/datasets"
	"gdkit.dev/gdkit"
	"gonum.org/v1/gonum/mat"
)

// slideModel is linear regression y ≈ w₁x + b on the slide's table.
func slideModel(t testing.TB) *gdkit.Model {
	t.Helper()
	tab, err := datasets.SlideND()
	if err != nil {
		t.Fatal(err)
	}
	x, y, n, d, err := tab.FlatXY("y")
	if err != nil {
		t.Fatal(err)
	}
	data, err := gdkit.NewData(x, y, n, d)
	if err != nil {
		t.Fatal(err)
	}
	m, err := gdkit.NewModel(gdkit.SquaredLoss{}, data)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Sums of the slide's table, computed by hand:
//
//	Σx  = 2+5+7+9+10+11+13.4+14+15                          = 86.4
//	Σy  = 1+3.2+4.5+6+4+4.5+5.5+3+5                          = 36.7
//	Σx² = 4+25+49+81+100+121+179.56+196+225                  = 980.56
//	Σxy = 2+16+31.5+54+40+49.5+73.7+42+75                    = 383.7
//	Σy² = 1+10.24+20.25+36+16+20.25+30.25+9+25               = 167.99
const (
	nS    = 9.0
	sumX  = 86.4
	sumY  = 36.7
	sumXX = 980.56
	sumXY = 383.7
	sumYY = 167.99
)

// For E(w₁,b) = (1/N) Σ (w₁x + b − y)²:
//
//	∂E/∂w₁ = (2/N)(w₁Σx² + bΣx − Σxy),  ∂E/∂b = (2/N)(w₁Σx + bN − Σy),
//	E = (1/N)(w₁²Σx² + 2w₁bΣx + Nb² − 2w₁Σxy − 2bΣy + Σy²).
func handGrad(w1, b float64) (float64, float64) {
	return 2 / nS * (w1*sumXX + b*sumX - sumXY), 2 / nS * (w1*sumX + b*nS - sumY)
}

func handE(w1, b float64) float64 {
	return (w1*w1*sumXX + 2*w1*b*sumX + nS*b*b - 2*w1*sumXY - 2*b*sumY + sumYY) / nS
}

// TestSlideNDFirstTwoIterations checks iterations 1 and 2 on the slide's
// table with α = 0.001 and w0 = (w₁, b) = (0, 0), as the notebook prints:
//
//	iteration 1 at w = (0, 0):
//	  ∂E/∂w₁ = (2/9)(−383.7) = −85.2666…,  ∂E/∂b = (2/9)(−36.7) = −8.1555…
//	  w₁ = 0 − 0.001·(−85.2666…) = 0.0852666…,  b = 0.0081555…
//	iteration 2 at that w:
//	  ∂E/∂w₁ = (2/9)(0.0852666…·980.56 + 0.0081555…·86.4 − 383.7) = −66.5302…
//	  ∂E/∂b  = (2/9)(0.0852666…·86.4 + 9·0.0081555… − 36.7)       = −6.5021…
//	  w₁ = 0.1517969…,  b = 0.0146577…
//	E(0,0) = 167.99/9 = 18.6655…
func TestSlideNDFirstTwoIterations(t *testing.T) {
	m := slideModel(t)
	const alpha = 0.001
	tr, err := gdkit.Descend(m.Problem(), []float64{0, 0}, &gdkit.DescentSettings{Alpha: alpha, MaxIter: 2})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Len() != 3 || tr.Reason != gdkit.MaxIter {
		t.Fatalf("Len = %d, Reason = %v; want 3, MaxIter", tr.Len(), tr.Reason)
	}
	// Hand values with their decimal expansions.
	g1w, g1b := -2*sumXY/nS, -2*sumY/nS
	w1, b1 := -alpha*g1w, -alpha*g1b
	g2w, g2b := 2/nS*(w1*sumXX+b1*sumX-sumXY), 2/nS*(w1*sumX+b1*nS-sumY)
	w2, b2 := w1-alpha*g2w, b1-alpha*g2b
	decimals := []struct{ got, want float64 }{
		{g1w, -85.266667}, {g1b, -8.155556}, {w1, 0.085266667}, {b1, 0.008155556},
		{g2w, -66.530278}, {g2b, -6.502124}, {w2, 0.15179694}, {b2, 0.01465768},
		{handE(0, 0), 18.665556},
	}
	for i, c := range decimals {
		if math.Abs(c.got-c.want) > 1e-6*math.Max(1, math.Abs(c.want)) {
			t.Errorf("hand value %d = %.9f, written as %.9f", i, c.got, c.want)
		}
	}
	want := []struct{ w, b, gw, gb float64 }{
		{0, 0, g1w, g1b},
		{w1, b1, g2w, g2b},
		{w2, b2, 0, 0},
	}
	want[2].gw, want[2].gb = handGrad(w2, b2)
	const tol = 1e-12
	for i, wt := range want {
		w, g := tr.W(i), tr.Grad(i)
		if math.Abs(w[0]-wt.w) > tol || math.Abs(w[1]-wt.b) > tol {
			t.Errorf("w(%d) = %v, want (%v, %v)", i, w, wt.w, wt.b)
		}
		if math.Abs(g[0]-wt.gw) > 1e-10 || math.Abs(g[1]-wt.gb) > 1e-10 {
			t.Errorf("∇E(w(%d)) = %v, want (%v, %v)", i, g, wt.gw, wt.gb)
		}
		if e := handE(wt.w, wt.b); math.Abs(tr.E(i)-e) > 1e-10 {
			t.Errorf("E(%d) = %v, want %v", i, tr.E(i), e)
		}
	}
	step := tr.Step(nil, 1)
	if math.Abs(step[0]-w1) > tol || math.Abs(step[1]-b1) > tol {
		t.Errorf("Step(1) = %v, want (%v, %v)", step, w1, b1)
	}
}

// TestSlideNDLeastSquares runs the course loop to convergence and compares
// with the closed form
//
//	w₁ = (NΣxy − ΣxΣy)/(NΣx² − (Σx)²) = 282.42/1360.08,  b = (Σy − w₁Σx)/N,
//
// and with the QR least-squares solution of [x 1]·(w₁, b) = y.
func TestSlideNDLeastSquares(t *testing.T) {
	m := slideModel(t)
	tr, err := gdkit.Descend(m.Problem(), []float64{0, 0}, &gdkit.DescentSettings{Alpha: 0.008, MaxIter: 100000, GradTol: 1e-11})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Reason != gdkit.Converged {
		t.Fatalf("Reason = %v after %d iterations", tr.Reason, tr.Iterations())
	}
	w1 := (nS*sumXY - sumX*sumY) / (nS*sumXX - sumX*sumX)
	b := (sumY - w1*sumX) / nS
	if math.Abs(w1-282.42/1360.08) > 1e-12 {
		t.Fatalf("closed form slope %v", w1)
	}
	a := mat.NewDense(9, 2, nil)
	for i := 0; i < 9; i++ {
		a.Set(i, 0, m.Data.X[i])
		a.Set(i, 1, 1)
	}
	var qr mat.QR
	qr.Factorize(a)
	var sol mat.VecDense
	if err := qr.SolveVecTo(&sol, false, mat.NewVecDense(9, m.Data.Y)); err != nil {
		t.Fatal(err)
	}
	got := tr.Final()
	for _, ref := range [][2]float64{{w1, b}, {sol.AtVec(0), sol.AtVec(1)}} {
		if math.Abs(got[0]-ref[0]) > 1e-6 || math.Abs(got[1]-ref[1]) > 1e-6 {
			t.Errorf("descent %v, least squares %v", got, ref)
		}
	}
}

// TestDescend1DQuadratic: E = (w−3)², dE = 2(w−3), so
// w_k − 3 = (1 − 2α)^k (w_0 − 3) exactly.
func TestDescend1DQuadratic(t *testing.T) {
	e := func(w float64) float64 { return (w - 3) * (w - 3) }
	de := func(w float64) float64 { return 2 * (w - 3) }
	for _, alpha := range []float64{0.01, 0.1, 0.4, 0.9} {
		tr, err := gdkit.Descend1D(e, de, 0, &gdkit.DescentSettings{Alpha: alpha, MaxIter: 40})
		if err != nil {
			t.Fatal(err)
		}
		path := tr.Path1D()
		if len(path) != 41 || tr.Dim != 1 {
			t.Fatalf("α=%v: len(path) = %d", alpha, len(path))
		}
		for k, w := range path {
			want := 3 - 3*math.Pow(1-2*alpha, float64(k))
			if math.Abs(w-want) > 1e-12 {
				t.Errorf("α=%v: w_%d = %v, want %v", alpha, k, w, want)
			}
			if math.Abs(tr.E(k)-e(want)) > 1e-12 || math.Abs(tr.Grad(k)[0]-de(want)) > 1e-12 {
				t.Errorf("α=%v: E/grad at %d", alpha, k)
			}
		}
		if es := tr.Es(); len(es) != 41 {
			t.Errorf("len(Es) = %d", len(es))
		}
	}
}

// TestDivergence: E = w², α = 1.5 gives w_k = (−2)^k w_0, E_k = 4^k. With
// w_0 = 1 and the default factor 1e6 it stops at the first k with
// 4^k − 1 > 1e6, i.e. k = 10 (4^10 = 1048576).
func TestDivergence(t *testing.T) {
	e := func(w float64) float64 { return w * w }
	de := func(w float64) float64 { return 2 * w }
	tr, err := gdkit.Descend1D(e, de, 1, &gdkit.DescentSettings{Alpha: 1.5, MaxIter: 1000})
	var de1 *gdkit.DivergenceError
	if !errors.As(err, &de1) {
		t.Fatalf("err = %v, want *DivergenceError", err)
	}
	if de1.Iter != 10 || de1.Reason != gdkit.Diverged || tr.Reason != gdkit.Diverged {
		t.Errorf("Iter = %d, Reason = %v/%v; want 10, Diverged", de1.Iter, de1.Reason, tr.Reason)
	}
	if tr == nil || tr.Len() != 11 || tr.Path1D()[10] != 1024 {
		t.Fatalf("trace not kept: %v", tr)
	}
	for _, s := range []string{"iteration 10", "smaller α"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q lacks %q", err, s)
		}
	}
	for _, s := range []string{"iteración 10", "probá", "por ejemplo 0.15"} {
		if !strings.Contains(de1.Spanish(), s) {
			t.Errorf("Spanish %q lacks %q", de1.Spanish(), s)
		}
	}
	// The suggested α is rounded: 1.05/10 is printed 0.1, not 0.10500000000000001.
	if s := (&gdkit.DivergenceError{Iter: 3, Reason: gdkit.Diverged, What: "E", Value: 3.04e7, E0: 28.5, Alpha: 1.05}).Spanish(); !strings.Contains(s, "por ejemplo 0.1") || strings.Contains(s, "0.105") {
		t.Errorf("Spanish %q: want the suggested α rounded to 0.1", s)
	}

	// With the growth check disabled, the run goes on until E = w² overflows:
	// the first k with (2^k)² = +Inf.
	k := 0
	for p := 1.0; !math.IsInf(p*p, 1); p *= 2 {
		k++
	}
	tr, err = gdkit.Descend1D(e, de, 1, &gdkit.DescentSettings{Alpha: 1.5, MaxIter: 5000, DivergeFactor: -1})
	if !errors.As(err, &de1) || de1.Reason != gdkit.NonFinite || de1.What != "E" || de1.Iter != k {
		t.Fatalf("err = %v (%+v), want NonFinite E at %d", err, de1, k)
	}
	if tr.Reason != gdkit.NonFinite || tr.FinitePrefix() != k || tr.Len() != k+1 {
		t.Errorf("Reason %v, FinitePrefix %d, Len %d; want NonFinite, %d, %d", tr.Reason, tr.FinitePrefix(), tr.Len(), k, k+1)
	}
}

func TestStopCriteria(t *testing.T) {
	// E = (w−3)², w0 = 0, α = 0.25: w_k − 3 = −3·0.5^k, |∇E| = 6·0.5^k,
	// |E_k − E_{k−1}| = 27·0.25^k, |Δw| = 3·0.5^k.
	e := func(w float64) float64 { return (w - 3) * (w - 3) }
	de := func(w float64) float64 { return 2 * (w - 3) }
	// First k with 6·0.5^k ≤ 6e-3 is 10; 27·0.25^k ≤ 27e-6 → 10; 3·0.5^k ≤ 3e-3 → 10.
	cases := []struct {
		name string
		opt  *gdkit.DescentSettings
		iter int
		why  gdkit.Reason
		rule string
	}{
		{"grad", &gdkit.DescentSettings{GradTol: 6.0 / 1024}, 10, gdkit.Converged, "GradTol"},
		{"E", &gdkit.DescentSettings{ETol: 27.0 / (1 << 20)}, 10, gdkit.Converged, "ETol"},
		{"w", &gdkit.DescentSettings{WTol: 3.0 / 1024}, 10, gdkit.Converged, "WTol"},
		{"combined: w first", &gdkit.DescentSettings{GradTol: 6.0 / 1024, WTol: 3.0 / 64}, 6, gdkit.Converged, "WTol"},
		{"max", &gdkit.DescentSettings{MaxIter: 7}, 7, gdkit.MaxIter, ""},
		{"default max", &gdkit.DescentSettings{}, 1000, gdkit.MaxIter, ""},
		{"callback", &gdkit.DescentSettings{Callback: func(it int, w []float64, e float64, g []float64) bool { return it < 4 }}, 4, gdkit.Stopped, ""},
	}
	for _, c := range cases {
		c.opt.Alpha = 0.25
		c.opt.DivergeFactor = -1
		tr, err := gdkit.Descend1D(e, de, 0, c.opt)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if tr.Iterations() != c.iter || tr.Reason != c.why || tr.Criterion != c.rule {
			t.Errorf("%s: %d iterations, %v, %q; want %d, %v, %q", c.name, tr.Iterations(), tr.Reason, tr.Criterion, c.iter, c.why, c.rule)
		}
	}
}

func TestDescendBadInput(t *testing.T) {
	p := gdkit.Problem{E: func(w []float64) float64 { return w[0] * w[0] }, Grad: func(d, w []float64) { d[0] = 2 * w[0] }, Dim: 1}
	ok := &gdkit.DescentSettings{Alpha: 0.1}
	cases := []struct {
		name string
		p    gdkit.Problem
		w0   []float64
		opt  *gdkit.DescentSettings
		want error
	}{
		{"nil settings", p, []float64{1}, nil, gdkit.ErrBadParam},
		{"alpha 0", p, []float64{1}, &gdkit.DescentSettings{}, gdkit.ErrBadParam},
		{"alpha <0", p, []float64{1}, &gdkit.DescentSettings{Alpha: -1}, gdkit.ErrBadParam},
		{"alpha NaN", p, []float64{1}, &gdkit.DescentSettings{Alpha: math.NaN()}, gdkit.ErrBadParam},
		{"alpha Inf", p, []float64{1}, &gdkit.DescentSettings{Alpha: math.Inf(1)}, gdkit.ErrBadParam},
		{"empty w0", gdkit.Problem{E: p.E, Grad: p.Grad}, nil, ok, gdkit.ErrEmpty},
		{"wrong len", p, []float64{1, 2}, ok, gdkit.ErrDimension},
		{"NaN w0", p, []float64{math.NaN()}, ok, gdkit.ErrNotFinite},
		{"nil E", gdkit.Problem{Grad: p.Grad}, []float64{1}, ok, gdkit.ErrBadParam},
		{"neg tol", p, []float64{1}, &gdkit.DescentSettings{Alpha: 0.1, GradTol: -1}, gdkit.ErrBadParam},
		{"NaN tol", p, []float64{1}, &gdkit.DescentSettings{Alpha: 0.1, ETol: math.NaN()}, gdkit.ErrBadParam},
		{"neg maxiter", p, []float64{1}, &gdkit.DescentSettings{Alpha: 0.1, MaxIter: -1}, gdkit.ErrBadParam},
		{"NaN DivergeFactor", p, []float64{1}, &gdkit.DescentSettings{Alpha: 0.1, DivergeFactor: math.NaN()}, gdkit.ErrBadParam},
	}
	for _, c := range cases {
		tr, err := gdkit.Descend(c.p, c.w0, c.opt)
		if !errors.Is(err, c.want) || tr != nil {
			t.Errorf("%s: err = %v, trace %v; want %v", c.name, err, tr != nil, c.want)
		}
	}
	if _, err := gdkit.Descend1D(nil, nil, 0, ok); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("Descend1D nil: %v", err)
	}
	// A NaN at w0 itself (E undefined there) is a NonFinite stop at 0.
	tr, err := gdkit.Descend1D(math.Log, func(w float64) float64 { return 1 / w }, -1, ok)
	var de *gdkit.DivergenceError
	if !errors.As(err, &de) || de.Iter != 0 || tr.Len() != 1 || !strings.Contains(err.Error(), "starting point") {
		t.Errorf("log(−1): err %v", err)
	}
}

func TestRandomW0Deterministic(t *testing.T) {
	m := slideModel(t)
	run := func(seed uint64) *gdkit.Trace {
		w0, err := gdkit.RandomW0(gdkit.NewRand(seed), 2, -1, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range w0 {
			if v < -1 || v >= 1 {
				t.Fatalf("w0 %v outside [-1,1)", w0)
			}
		}
		tr, err := gdkit.Descend(m.Problem(), w0, &gdkit.DescentSettings{Alpha: 0.005, MaxIter: 50})
		if err != nil {
			t.Fatal(err)
		}
		return tr
	}
	a, b, c := run(7), run(7), run(8)
	for i := 0; i < a.Len(); i++ {
		for j := 0; j < 2; j++ {
			if a.W(i)[j] != b.W(i)[j] {
				t.Fatalf("seed 7 not deterministic at %d", i)
			}
		}
	}
	if a.W(0)[0] == c.W(0)[0] {
		t.Error("seeds 7 and 8 gave the same w0")
	}
	for _, bad := range []struct {
		n      int
		lo, hi float64
	}{{0, 0, 1}, {2, 1, 1}, {2, math.NaN(), 1}} {
		if _, err := gdkit.RandomW0(gdkit.NewRand(1), bad.n, bad.lo, bad.hi); err == nil {
			t.Errorf("RandomW0(%v) accepted", bad)
		}
	}
	if _, err := gdkit.RandomW0(nil, 2, 0, 1); err == nil {
		t.Error("nil rng accepted")
	}
}

// TestDescendAllocFree: the allocations of a run do not depend on the number
// of iterations (the trace is preallocated up to 1024 entries).
func TestDescendAllocFree(t *testing.T) {
	p := gdkit.Problem{
		E: func(w []float64) float64 { return w[0]*w[0] + 10*w[1]*w[1] },
		Grad: func(d, w []float64) {
			d[0], d[1] = 2*w[0], 20*w[1]
		},
	}
	w0 := []float64{1, 1}
	allocs := func(n int) float64 {
		return testing.AllocsPerRun(5, func() {
			tr, err := gdkit.Descend(p, w0, &gdkit.DescentSettings{Alpha: 0.01, MaxIter: n})
			if err != nil || tr.Iterations() != n {
				t.Fatalf("MaxIter %d: %v after %d iterations", n, err, tr.Iterations())
			}
		})
	}
	if a10, a1000 := allocs(10), allocs(1000); a1000 != a10 {
		t.Errorf("allocations: %v for 10 iterations, %v for 1000", a10, a1000)
	}
}

func TestReasonStrings(t *testing.T) {
	want := map[gdkit.Reason][2]string{
		gdkit.Converged:    {"converged", "convergió"},
		gdkit.MaxIter:      {"maximum iterations reached", "se alcanzó el máximo de iteraciones"},
		gdkit.Diverged:     {"diverged", "divergió"},
		gdkit.NonFinite:    {"non-finite value (Inf/NaN)", "valor no finito (Inf/NaN)"},
		gdkit.Stopped:      {"stopped by callback", "detenido por el callback"},
		gdkit.Failed:       {"update rule or line search failed", "falló la regla de actualización o la búsqueda lineal"},
		gdkit.SearchFailed: {"line search found no step that lowers E", "la búsqueda lineal no encontró un paso que baje E"},
	}
	for r, s := range want {
		if r.String() != s[0] || r.Spanish() != s[1] {
			t.Errorf("%d: %q/%q", int(r), r.String(), r.Spanish())
		}
	}
	if gdkit.Reason(99).String() != "Reason(99)" {
		t.Error("out of range reason")
	}
}

func TestTraceColumns(t *testing.T) {
	m := slideModel(t)
	tr, err := gdkit.Descend(m.Problem(), []float64{0, 0}, &gdkit.DescentSettings{Alpha: 0.001, MaxIter: 3})
	if err != nil {
		t.Fatal(err)
	}
	c0, c1 := tr.Column(0), tr.Column(1)
	for i := 0; i < tr.Len(); i++ {
		if c0[i] != tr.W(i)[0] || c1[i] != tr.W(i)[1] {
			t.Errorf("column mismatch at %d", i)
		}
	}
	if tr.FinalE() != tr.E(3) || tr.Final()[0] != c0[3] {
		t.Error("Final/FinalE")
	}
	// Plain descent: every step is −α∇E(w_{i−1}), α_i = α, 1 evaluation of E and ∇E each.
	step := make([]float64, 2)
	for i := 1; i < tr.Len(); i++ {
		tr.Step(step, i)
		for j, gj := range tr.Grad(i - 1) {
			if math.Abs(step[j]+0.001*gj) > 1e-15*math.Max(1, math.Abs(gj)) {
				t.Errorf("Step(%d) = %v, want −α∇E = %v", i, step, -0.001*gj)
			}
		}
		if e, g := tr.Evals(i); tr.StepSize(i) != 0.001 || e != 1 || g != 1 {
			t.Errorf("update %d: α %g, %d and %d evaluations", i, tr.StepSize(i), e, g)
		}
	}
	if e, g := tr.TotalEvals(); e != 4 || g != 4 || len(tr.StepSizes()) != 3 {
		t.Errorf("TotalEvals %d, %d; %d step sizes", e, g, len(tr.StepSizes()))
	}
	if err := recoverErr(func() { tr.Step(make([]float64, 3), 1) }); !errors.Is(err, gdkit.ErrDimension) {
		t.Errorf("Step with len(dst) 3: %v, want an ErrDimension panic", err)
	}
}
