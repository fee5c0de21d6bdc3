package gdkit_test

import (
	"sync"
	"testing"

	"gdkit.dev/datasets"
	"gdkit.dev/gdkit"
)

// Sizes of the linear-regression benchmark (scripts/bench-numpy-linreg.py
// uses the same): N rows × D features, plus bias.
const benchN, benchD = 1_000_000, 4

var benchData = sync.OnceValues(func() ([]float64, []float64) {
	x, y, err := datasets.LinearData(gdkit.NewRand(1), benchN, []float64{1, -2, 0.5, 3}, 0.25, 0.1)
	if err != nil {
		panic(err)
	}
	return x, y
})

// BenchmarkLinRegEpoch is one full-batch epoch of the course loop on linear
// regression through Model.Grad (the entry point of Descend and SGD): the
// fused gradient g = (2/N)(Xᵀr, Σr), r = Xw + b − y, and the update
// w ← w − αg. Compare with BenchmarkReadPass (same data) and with numpy's
// g = (2/N)·X.T @ (X @ w − y) (scripts/bench-linreg.sh).
func BenchmarkLinRegEpoch(b *testing.B) {
	x, y := benchData()
	data, _ := gdkit.NewData(x, y, benchN, benchD)
	m, _ := gdkit.NewModel(gdkit.SquaredLoss{}, data)
	w := []float64{0.1, 0.2, 0.3, 0.4, 0.5}
	g := make([]float64, 5)
	b.SetBytes(int64(8 * (len(x) + len(y))))
	b.ReportAllocs()
	for b.Loop() {
		m.Grad(g, w)
		for j := range w {
			w[j] -= 1e-9 * g[j]
		}
	}
}

var sink float64

// BenchmarkReadPass is the floor: one single-threaded read-only pass that
// sums every element of X and y, row by row like the gradient kernel (five
// independent accumulators, so it is limited by memory and not by the
// latency of a single addition chain).
func BenchmarkReadPass(b *testing.B) {
	x, y := benchData()
	b.SetBytes(int64(8 * (len(x) + len(y))))
	b.ReportAllocs()
	for b.Loop() {
		sink = readPass(x, y)
	}
}

func readPass(x, y []float64) float64 {
	var s0, s1, s2, s3, sy float64
	for i, yi := range y {
		r := x[4*i : 4*i+4 : 4*i+4]
		s0 += r[0]
		s1 += r[1]
		s2 += r[2]
		s3 += r[3]
		sy += yi
	}
	return s0 + s1 + s2 + s3 + sy
}

// BenchmarkStream1e7 streams 10⁷ generated rows (4 features) through
// mini-batch SGD (batch 64) and reports the peak heap in use.
func BenchmarkStream1e7(b *testing.B) {
	for b.Loop() {
		peak, total, _ := streamPeak(b, 10_000_000)
		b.ReportMetric(float64(peak)/1e6, "peak-MB")
		b.ReportMetric(float64(total)/1e6, "alloc-MB")
	}
}
