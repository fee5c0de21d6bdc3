package datasets

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"

	"gdkit.dev/gdkit"
)

// badParam is the error of bad generator sizes or parameters.
func badParam(format string, args ...any) error {
	return fmt.Errorf("datasets: %w: "+format, append([]any{gdkit.ErrBadParam}, args...)...)
}

func finite(v ...float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

func checkLinear(n int, w []float64, bias, noise float64) error {
	if n <= 0 || len(w) == 0 {
		return badParam("n = %d rows and len(w) = %d features must be > 0", n, len(w))
	}
	if !finite(w...) || !finite(bias, noise) || noise < 0 {
		return badParam("w, bias must be finite and noise finite ≥ 0")
	}
	return nil
}

// linearRow draws one row: xⱼ ~ N(0,1), y = x·w + bias + noise·ε, ε ~ N(0,1).
func linearRow(rng *rand.Rand, x, w []float64, bias, noise float64) float64 {
	y := bias
	for j := range x {
		x[j] = rng.NormFloat64()
		y += w[j] * x[j]
	}
	return y + noise*rng.NormFloat64()
}

// LinearData draws n rows of linear-regression data with d = len(w)
// features: xᵢⱼ ~ N(0,1) and yᵢ = xᵢ·w + bias + noise·εᵢ with εᵢ ~ N(0,1).
// x is row-major n×d (mat.NewDense(n, d, x) wraps it without copying). The
// same rng state gives the same data, and the rows equal those of
// NewLinearStream with the same seed when rng = gdkit.NewRand(seed).
func LinearData(rng *rand.Rand, n int, w []float64, bias, noise float64) (x, y []float64, err error) {
	if rng == nil {
		return nil, nil, badParam("nil *rand.Rand")
	}
	if err := checkLinear(n, w, bias, noise); err != nil {
		return nil, nil, err
	}
	d := len(w)
	x = make([]float64, n*d)
	y = make([]float64, n)
	for i := range y {
		y[i] = linearRow(rng, x[i*d:(i+1)*d], w, bias, noise)
	}
	return x, y, nil
}

func checkTwoClass(n, d int, sep, spread float64) error {
	if n <= 0 || d <= 0 {
		return badParam("n = %d rows and d = %d features must be > 0", n, d)
	}
	if !finite(sep, spread) || spread < 0 {
		return badParam("sep must be finite and spread finite ≥ 0")
	}
	return nil
}

// twoClassRow draws a label y ∈ {0,1} with probability ½ each and
// x = (2y−1)·(sep/2)·u + spread·ε with u = (1,…,1)/√d and ε ~ N(0, I).
func twoClassRow(rng *rand.Rand, x []float64, sep, spread float64) float64 {
	y := float64(rng.IntN(2))
	c := (2*y - 1) * sep / 2 / math.Sqrt(float64(len(x)))
	for j := range x {
		x[j] = c + spread*rng.NormFloat64()
	}
	return y
}

// TwoClassData draws n rows of two-class data with d features and labels in
// {0, 1}: two Gaussian clouds of standard deviation spread whose centres
// ±(sep/2)·(1,…,1)/√d are sep apart (class 1 at +). Use labels 2y−1 for ±1.
// x is row-major n×d.
func TwoClassData(rng *rand.Rand, n, d int, sep, spread float64) (x, y []float64, err error) {
	if rng == nil {
		return nil, nil, badParam("nil *rand.Rand")
	}
	if err := checkTwoClass(n, d, sep, spread); err != nil {
		return nil, nil, err
	}
	x = make([]float64, n*d)
	y = make([]float64, n)
	for i := range y {
		y[i] = twoClassRow(rng, x[i*d:(i+1)*d], sep, spread)
	}
	return x, y, nil
}

// LinearStream generates the rows of LinearData one at a time without
// storing them, for 10⁶–10⁷ rows and more in constant memory. It implements
// gdkit.RowSource, and Reset replays the same rows (for more than one epoch).
type LinearStream struct {
	seed        uint64
	n, i        int
	w           []float64
	bias, noise float64
	rng         *rand.Rand
}

// NewLinearStream returns a stream of n rows equal to those of
// LinearData(gdkit.NewRand(seed), n, w, bias, noise).
func NewLinearStream(seed uint64, n int, w []float64, bias, noise float64) (*LinearStream, error) {
	if err := checkLinear(n, w, bias, noise); err != nil {
		return nil, err
	}
	return &LinearStream{seed: seed, n: n, w: append([]float64(nil), w...), bias: bias, noise: noise, rng: gdkit.NewRand(seed)}, nil
}

// D returns the number of features.
func (s *LinearStream) D() int { return len(s.w) }

// Next writes the next row's features into x (len D()) and returns its
// target, or io.EOF after n rows.
func (s *LinearStream) Next(x []float64) (float64, error) {
	if s.i >= s.n {
		return 0, io.EOF
	}
	if len(x) != len(s.w) {
		return 0, fmt.Errorf("datasets: %w: len(x) = %d, want %d", gdkit.ErrDimension, len(x), len(s.w))
	}
	s.i++
	return linearRow(s.rng, x, s.w, s.bias, s.noise), nil
}

// Reset restarts the stream at its first row.
func (s *LinearStream) Reset() error {
	s.i = 0
	s.rng = gdkit.NewRand(s.seed)
	return nil
}

// TwoClassStream generates the rows of TwoClassData one at a time without
// storing them. It implements gdkit.RowSource, with Reset.
type TwoClassStream struct {
	seed        uint64
	n, d, i     int
	sep, spread float64
	rng         *rand.Rand
}

// NewTwoClassStream returns a stream of n rows equal to those of
// TwoClassData(gdkit.NewRand(seed), n, d, sep, spread).
func NewTwoClassStream(seed uint64, n, d int, sep, spread float64) (*TwoClassStream, error) {
	if err := checkTwoClass(n, d, sep, spread); err != nil {
		return nil, err
	}
	return &TwoClassStream{seed: seed, n: n, d: d, sep: sep, spread: spread, rng: gdkit.NewRand(seed)}, nil
}

// D returns the number of features.
func (s *TwoClassStream) D() int { return s.d }

// Next writes the next row's features into x (len D()) and returns its
// label (0 or 1), or io.EOF after n rows.
func (s *TwoClassStream) Next(x []float64) (float64, error) {
	if s.i >= s.n {
		return 0, io.EOF
	}
	if len(x) != s.d {
		return 0, fmt.Errorf("datasets: %w: len(x) = %d, want %d", gdkit.ErrDimension, len(x), s.d)
	}
	s.i++
	return twoClassRow(s.rng, x, s.sep, s.spread), nil
}

// Reset restarts the stream at its first row.
func (s *TwoClassStream) Reset() error {
	s.i = 0
	s.rng = gdkit.NewRand(s.seed)
	return nil
}
