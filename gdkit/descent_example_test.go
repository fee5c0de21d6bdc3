package gdkit_test

import (
	"errors"
	"fmt"

	"gdkit.dev/datasets"
	"gdkit.dev/gdkit"
	"gonum.org/v1/gonum/optimize"
)

// The slides' 1D algorithm on E(w) = (w−3)², dE/dw = 2(w−3).
func ExampleDescend1D() {
	e := func(w float64) float64 { return (w - 3) * (w - 3) }
	de := func(w float64) float64 { return 2 * (w - 3) }
	tr, err := gdkit.Descend1D(e, de, 0, &gdkit.DescentSettings{Alpha: 0.1, MaxIter: 1000, GradTol: 1e-6})
	if err != nil {
		fmt.Println(err)
		return
	}
	path := tr.Path1D()
	fmt.Printf("w: %.2f → %.2f → %.3f … → %.6f\n", path[0], path[1], path[2], tr.Final()[0])
	fmt.Printf("first update: %.2f = −α·dE/dw(w0) = −%g·%g\n", tr.Step(nil, 1)[0], tr.StepSize(1), tr.Grad(0)[0])
	fmt.Println(tr.Iterations(), "iteraciones:", tr.Reason.Spanish())
	// Output:
	// w: 0.00 → 0.60 → 1.080 … → 3.000000
	// first update: 0.60 = −α·dE/dw(w0) = −0.1·-6
	// 70 iteraciones: convergió
}

// α too large: the run stops with a DivergenceError and the trace so far.
func ExampleDescend1D_divergence() {
	e := func(w float64) float64 { return w * w }
	de := func(w float64) float64 { return 2 * w }
	tr, err := gdkit.Descend1D(e, de, 1, &gdkit.DescentSettings{Alpha: 1.5})
	var de1 *gdkit.DivergenceError
	if errors.As(err, &de1) {
		fmt.Println(de1.Spanish())
	}
	fmt.Println("puntos guardados:", tr.Len(), tr.Path1D()[:4])
	// Output:
	// el descenso divergió en la iteración 10: E = 1.049e+06 creció muy por encima de E(w0) = 1; α = 1.5 es demasiado grande, probá un α más chico, por ejemplo 0.15
	// puntos guardados: 11 [1 -2 4 -8]
}

// Linear regression on the slide's table, iterations 1 and 2 (α = 0.001,
// w0 = (0, 0)), then to convergence.
func ExampleDescend() {
	tab, _ := datasets.SlideND()
	x, y, n, d, _ := tab.FlatXY("y")
	data, _ := gdkit.NewData(x, y, n, d)
	m, _ := gdkit.NewModel(gdkit.SquaredLoss{}, data) // w = (w1, b): ŷ = w1·x + b

	tr, _ := gdkit.Descend(m.Problem(), []float64{0, 0}, &gdkit.DescentSettings{Alpha: 0.001, MaxIter: 2})
	for i := 0; i < 2; i++ {
		g := tr.Grad(i)
		fmt.Printf("iteración %d: δE/δw1 = %.4f, δE/δb = %.4f → w = (%.6f, %.6f)\n", i+1, g[0], g[1], tr.W(i + 1)[0], tr.W(i + 1)[1])
	}
	tr, _ = gdkit.Descend(m.Problem(), []float64{0, 0}, &gdkit.DescentSettings{Alpha: 0.008, MaxIter: 100000, GradTol: 1e-10})
	fmt.Printf("%s tras %d iteraciones: w1 = %.6f, b = %.6f, E = %.6f\n", tr.Reason.Spanish(), tr.Iterations(), tr.Final()[0], tr.Final()[1], tr.FinalE())
	// Output:
	// iteración 1: δE/δw1 = -85.2667, δE/δb = -8.1556 → w = (0.085267, 0.008156)
	// iteración 2: δE/δw1 = -66.5303, δE/δb = -6.5021 → w = (0.151797, 0.014658)
	// convergió tras 9211 iteraciones: w1 = 0.207650, b = 2.084342, E = 1.313279
}

// Mini-batch SGD with seeded shuffling on 10 000 generated rows.
func ExampleSGD() {
	x, y, _ := datasets.LinearData(gdkit.NewRand(1), 10000, []float64{2, -1}, 0.5, 0.1)
	data, _ := gdkit.NewData(x, y, 10000, 2)
	m, _ := gdkit.NewModel(gdkit.SquaredLoss{}, data)
	tr, err := gdkit.SGD(m, []float64{0, 0, 0}, &gdkit.SGDSettings{
		Alpha: 0.05, BatchSize: 32, Epochs: 5, Rand: gdkit.NewRand(7), FullE: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	w := tr.Final()
	fmt.Printf("w = (%.2f, %.2f), b = %.2f after %d updates; E per epoch: %.3f\n", w[0], w[1], w[2], tr.Updates, tr.FullE())
	// Output:
	// w = (2.00, -1.00), b = 0.51 after 1565 updates; E per epoch: [5.312 0.010 0.010 0.010 0.010 0.010]
}

// Streaming mini-batch SGD over a million generated rows in constant memory.
func ExampleStream() {
	src, _ := datasets.NewLinearStream(42, 1_000_000, []float64{1, -2, 0.5, 3}, 0.25, 0.1)
	tr, err := gdkit.Stream(gdkit.SquaredLoss{}, src.D(), src, make([]float64, 5), &gdkit.SGDSettings{Alpha: 0.01, BatchSize: 64, LogEvery: 5000})
	if err != nil {
		fmt.Println(err)
		return
	}
	w := tr.Final()
	fmt.Printf("%d rows, %d checkpoints, w = (%.2f, %.2f, %.2f, %.2f), b = %.2f\n", tr.Rows, tr.Len(), w[0], w[1], w[2], w[3], w[4])
	// Checkpoint 0 is w0 (no loss for a stream), then one every 5000 updates.
	fmt.Printf("epoch %d, mean batch loss per checkpoint: %.3f\n", tr.Epoch(tr.Len()-1), tr.Losses()[1:])
	// Output:
	// 1000000 rows, 5 checkpoints, w = (1.00, -2.00, 0.50, 3.00), b = 0.25
	// epoch 1, mean batch loss per checkpoint: [0.082 0.010 0.010 0.010]
}

// The same model minimised by gonum's BFGS.
func ExampleProblem_OptimizeProblem() {
	tab, _ := datasets.SlideND()
	x, y, n, d, _ := tab.FlatXY("y")
	data, _ := gdkit.NewData(x, y, n, d)
	m, _ := gdkit.NewModel(gdkit.SquaredLoss{}, data)
	res, err := optimize.Minimize(m.Problem().OptimizeProblem(), []float64{0, 0}, nil, &optimize.BFGS{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("BFGS: w1 = %.6f, b = %.6f\n", res.X[0], res.X[1])
	// Output:
	// BFGS: w1 = 0.207650, b = 2.084342
}
