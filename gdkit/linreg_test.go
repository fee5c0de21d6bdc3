package gdkit

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// linRegTestData draws n rows of d standard-normal features and targets
// y = x·(j − 1.5)_j + 0.7 + noise.
func linRegTestData(rng *rand.Rand, n, d int) (x, y []float64) {
	x, y = make([]float64, n*d), make([]float64, n)
	for i := range y {
		y[i] = 0.7 + 0.5*rng.NormFloat64()
		for j := 0; j < d; j++ {
			x[i*d+j] = rng.NormFloat64()
			y[i] += (float64(j) - 1.5) * x[i*d+j]
		}
	}
	return x, y
}

// TestLinRegGradPaths: the unrolled d = 1 and d = 4 kernels and the general
// one agree with the per-row definition (2/N) Σ rᵢ (xᵢ, 1).
func TestLinRegGradPaths(t *testing.T) {
	rng := NewRand(5)
	for _, d := range []int{1, 2, 3, 4, 5} {
		const n = 37
		x, y := linRegTestData(rng, n, d)
		wt, _ := RandomW0(rng, d+1, -1, 1)
		want := make([]float64, d+1)
		var e float64
		for i := 0; i < n; i++ {
			r := wt[d] - y[i]
			for j := 0; j < d; j++ {
				r += wt[j] * x[i*d+j]
			}
			for j := 0; j < d; j++ {
				want[j] += 2 * r * x[i*d+j] / n
			}
			want[d] += 2 * r / n
			e += r * r / n
		}
		got := make([]float64, d+1)
		ge := linRegGrad(got, wt, x, y, n, d)
		for j := range got {
			if math.Abs(got[j]-want[j]) > 1e-12 {
				t.Errorf("d=%d: g[%d] = %v, want %v", d, j, got[j], want[j])
			}
		}
		if math.Abs(ge-e) > 1e-12 {
			t.Errorf("d=%d: E = %v, want %v", d, ge, e)
		}
	}
}

// BenchmarkLinRegKernels compares, for d ∈ {1, 2, 4, 5, 8}, the gradient
// kernel (linRegGrad, unrolled for d = 1 and d = 4) with the general loop
// on 10⁶ rows: the unrolled kernels stay only while they pay.
func BenchmarkLinRegKernels(b *testing.B) {
	const n = 1_000_000
	for _, d := range []int{1, 2, 4, 5, 8} {
		x, y := linRegTestData(NewRand(1), n, d)
		w, g := make([]float64, d+1), make([]float64, d+1)
		for j := range w {
			w[j] = 0.1 * float64(j+1)
		}
		for _, k := range []struct {
			name string
			f    func()
		}{
			{"kernel", func() { linRegGrad(g, w, x, y, n, d) }},
			{"general", func() { linRegGradGeneral(g, w, x, y, n, d) }},
		} {
			b.Run(fmt.Sprintf("d=%d/%s", d, k.name), func(b *testing.B) {
				b.SetBytes(int64(8 * (len(x) + len(y))))
				for b.Loop() {
					k.f()
				}
			})
		}
	}
}
