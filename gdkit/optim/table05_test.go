package optim

import (
	"math"
	"testing"

	"gdkit.dev/datasets"
	"gdkit.dev/gdkit"
	"gonum.org/v1/gonum/mat"
)

// slideModel is notebook 05's problem: the slide's table
// (datasets.SlideND), linear regression ŷ = w₁x + b, E = mean squared
// error, from w0 = (0, 0), stopping at ‖∇E‖ ≤ 1e-10.
func slideModel(t testing.TB) *gdkit.Model {
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

// slideHessian is the exact, constant Hessian of the mean squared error
// of ŷ = w₁x + b: H = (2/n) [[Σx², Σx], [Σx, n]].
func slideHessian(m *gdkit.Model) *mat.SymDense {
	var sx, sxx float64
	for _, x := range m.Data.X {
		sx += x
		sxx += x * x
	}
	n := float64(m.Data.N)
	return mat.NewSymDense(2, []float64{2 * sxx / n, 2 * sx / n, 2 * sx / n, 2})
}

// TestSlideNDTable runs every method on notebook 05's ill-conditioned
// table and logs the iteration counts (go test -v -run SlideNDTable).
// Plain GD at α = 0.008 must take 9211 updates, as the notebook shows;
// every other method must reach the same minimum, or fail as stated.
func TestSlideNDTable(t *testing.T) {
	m := slideModel(t)
	p := m.Problem()
	H := slideHessian(m)
	var eig mat.EigenSym
	if !eig.Factorize(H, false) {
		t.Fatal("eigen")
	}
	l := eig.Values(nil) // λ_min ≈ 0.3059, λ_max ≈ 219.6, κ ≈ 718
	lo, hi := l[0], l[1]
	kappa := hi / lo
	sk := math.Sqrt(kappa)
	polyakA := 4 / math.Pow(math.Sqrt(hi)+math.Sqrt(lo), 2)
	polyakMu := math.Pow((sk-1)/(sk+1), 2)
	s3 := math.Sqrt(3*kappa + 1) // Lessard, Recht & Packard (2016): NAG's best on quadratics
	nagA, nagMu := 4/(3*hi+lo), (s3-2)/(s3+2)
	t.Logf("λ = %.4f, %.4f; κ = %.1f; best fixed α = 2/(λmin+λmax) = %.5f; Polyak: α = %.5f, μ = %.4f; NAG: α = %.5f, μ = %.4f",
		lo, hi, kappa, 2/(lo+hi), polyakA, polyakMu, nagA, nagMu)
	wLS := []float64{0.207650, 2.084342} // notebook 05's least squares, 6 decimals
	type outcome int
	const (
		converges outcome = iota
		diverges          // an error: E overflows, or the line search fails
		stalls            // does not reach the tolerance in maxIter
	)
	cases := []struct {
		name    string
		r       run
		want    outcome
		atMost  int // updates, to catch regressions
		gradTol float64
	}{
		{"GD, α = 0.008 (notebook 05)", run{alpha: 0.008}, converges, 9211, 0},
		// Both directions contract by (κ−1)/(κ+1) per update, but the steep
		// one dominates ‖∇E‖ and now decays as slowly as the flat one.
		{"GD, best fixed α = 2/(λmin+λmax)", run{alpha: 2 / (lo + hi)}, converges, 10000, 0},
		{"momentum, α = 0.008, μ = 0.9", run{rule: NewMomentum(0.9), alpha: 0.008}, converges, 700, 0},
		{"Nesterov, α = 0.008, μ = 0.9", run{rule: NewNesterov(0.9), alpha: 0.008}, diverges, 0, 0},
		{"momentum, α = 0.005, μ = 0.9", run{rule: NewMomentum(0.9), alpha: 0.005}, converges, 1300, 0},
		{"Nesterov, α = 0.005, μ = 0.9", run{rule: NewNesterov(0.9), alpha: 0.005}, converges, 1300, 0},
		{"momentum, Polyak's α and μ", run{rule: NewMomentum(polyakMu), alpha: polyakA}, converges, 500, 0},
		{"Nesterov, Lessard et al.'s α and μ", run{rule: NewNesterov(nagMu), alpha: nagA}, converges, 700, 0},
		{"Adam, α = 0.01", run{rule: NewAdam(), alpha: 0.01}, converges, 3500, 0},
		{"Adam, α = 0.1", run{rule: NewAdam(), alpha: 0.1}, converges, 550, 0},
		{"Adam, α = 0.5", run{rule: NewAdam(), alpha: 0.5}, converges, 500, 0},
		{"exact line search, α = gᵀg/gᵀHg", run{ls: &ExactQuadratic{H: H}, alpha: 1}, converges, 20, 0},
		// Near w*, E's decrease α‖∇E‖² ≈ 1e-19 is below E's round-off
		// (≈ 3e-16): Armijo cannot see it and reports ErrSearchFailed.
		{"Armijo backtracking, α₀ = 1", run{ls: &Armijo{}, alpha: 1}, diverges, 0, 0},
		{"Armijo backtracking, α₀ = 1, ‖∇E‖ ≤ 1e-6", run{ls: &Armijo{}, alpha: 1}, converges, 5000, 1e-6},
		{"Newton, NumHessian, α = 1", run{rule: NewNewton(NumHessianOf(m.E)), alpha: 1}, converges, 2, 0},
		{"Newton, exact H, α = 1", run{rule: NewNewton(func(dst *mat.SymDense, w []float64) error {
			dst.CopySym(H)
			return nil
		}), alpha: 1}, converges, 1, 0},
	}
	for _, c := range cases {
		c.r.gradTol = 1e-10
		if c.gradTol != 0 {
			c.r.gradTol = c.gradTol
		}
		if c.r.maxIter == 0 {
			c.r.maxIter = 100000
		}
		res, err := c.r.descend(p, []float64{0, 0})
		got := converges
		switch {
		case err != nil:
			got = diverges
		case !res.converged:
			got = stalls
		}
		t.Logf("%-44s %6d updates, %8d evaluations of E and ∇E; %s", c.name, res.iters, res.evals,
			[]string{"converged", "error", "did not converge"}[got])
		if err != nil {
			t.Logf("    %v", err)
		}
		if got != c.want {
			t.Errorf("%s: outcome %d (err %v), want %d", c.name, got, err, c.want)
			continue
		}
		if got != converges {
			continue
		}
		if res.iters > c.atMost {
			t.Errorf("%s: %d updates, expected ≤ %d", c.name, res.iters, c.atMost)
		}
		wTol := max(1e-6, c.r.gradTol/lo) // ‖w − w*‖ ≤ ‖∇E‖/λ_min
		for i := range wLS {
			if d := res.w[i] - wLS[i]; math.Abs(d) > wTol {
				t.Errorf("%s: w[%d] = %.8f, least squares %.6f", c.name, i, res.w[i], wLS[i])
			}
		}
	}
}
