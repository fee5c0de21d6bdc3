package gdkit

import (
	"testing"

	"gonum.org/v1/gonum/optimize/functions"
)

// BenchmarkNumGrad1000 is the central numeric gradient of the 1,000-dim
// extended Rosenbrock function (2,000 evaluations of an O(n) function).
func BenchmarkNumGrad1000(b *testing.B) {
	w := make([]float64, 1000)
	for i := range w {
		w[i] = 0.5 + float64(i%10)/10
	}
	dst := make([]float64, len(w))
	f := functions.ExtendedRosenbrock{}.Func
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NumGrad(dst, f, w); err != nil {
			b.Fatal(err)
		}
	}
}

func gridBench(n int) Grid {
	xs, _ := Linspace(-10, 10, n)
	g, _ := Meshgrid(xs, xs).Eval(gridHimmel)
	return g
}

// BenchmarkGridGradient1000 is GridGradient (coordinates as spacing) on a
// 1000×1000 grid, to compare with np.gradient(E, ys, xs) in
// scripts/bench-numpy-grid.py.
func BenchmarkGridGradient1000(b *testing.B) {
	g := gridBench(1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := GridGradient(g, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNumpyGradient1000 is NumpyGradient (unit spacing) on 1000×1000,
// the equivalent of np.gradient(E).
func BenchmarkNumpyGradient1000(b *testing.B) {
	g := gridBench(1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := NumpyGradient(g, nil); err != nil {
			b.Fatal(err)
		}
	}
}
