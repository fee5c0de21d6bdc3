package gdkit_test

import (
	"errors"
	"fmt"
	"math"

	"gdkit.dev/gdkit"
)

// A grid of values computed elsewhere (a table, a simulation), row-major
// with row r at w2 = ys[r], where E is undefined at one node: NewGrid keeps
// the NaN, MinMax skips it, GridGradient spoils only the differences that
// read it (as np.gradient), and gdplot's figures would mask the cells
// around it. A grid with no finite value is an error.
func ExampleNewGrid() {
	xs, ys := []float64{0, 1, 2}, []float64{0, 1}
	g, err := gdkit.NewGrid(xs, ys, []float64{
		0, 1, 4, // w2 = 0
		1, 2, math.NaN(), // w2 = 1: E(2, 1) is undefined
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	lo, hi := g.MinMax()
	fmt.Printf("E(1, 1) = %g; %d non-finite value; finite range [%g, %g]\n", g.At(1, 1), g.NonFinite(), lo, hi)
	dEdW1, dEdW2, err := gdkit.GridGradient(g, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("∂E/∂w1:", dEdW1.Values)
	fmt.Println("∂E/∂w2:", dEdW2.Values)

	nan := math.NaN()
	_, err = gdkit.NewGrid(xs, ys, []float64{nan, nan, nan, nan, nan, nan})
	fmt.Println("all NaN:", errors.Is(err, gdkit.ErrNotFinite))
	// Output:
	// E(1, 1) = 2; 1 non-finite value; finite range [0, 4]
	// ∂E/∂w1: [1 2 3 1 NaN NaN]
	// ∂E/∂w2: [1 1 NaN 1 1 NaN]
	// all NaN: true
}
