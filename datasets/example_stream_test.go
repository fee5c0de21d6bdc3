package datasets_test

import (
	"fmt"

	"gdkit.dev/datasets"
	"gdkit.dev/gdkit"
)

// Logistic regression by mini-batch descent over a two-class stream that
// is never stored: the rows are drawn as they are read, and Reset replays
// them for the second epoch. The same rows in memory are TwoClassData.
func ExampleNewTwoClassStream() {
	const seed, n, d = 7, 100_000, 2
	src, err := datasets.NewTwoClassStream(seed, n, d, 3, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	tr, err := gdkit.Stream(gdkit.LogisticLoss{}, d, src, make([]float64, d+1),
		&gdkit.SGDSettings{Alpha: 0.5, BatchSize: 100, Epochs: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	x, y, err := datasets.TwoClassData(gdkit.NewRand(seed), n, d, 3, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	data, _ := gdkit.NewData(x, y, n, d)
	m, _ := gdkit.NewModel(gdkit.LogisticLoss{}, data)
	acc, err := m.Accuracy(tr.Final())
	// The clouds overlap: no classifier beats Φ(sep/(2·spread)) = Φ(1.5) ≈ 0.933.
	fmt.Printf("%d rows read in %d epochs; accuracy on the same rows %.2f, %v\n", tr.Rows, tr.Epoch(tr.Len()-1), acc, err)
	// Output:
	// 200000 rows read in 2 epochs; accuracy on the same rows 0.93, <nil>
}
