package datasets

import (
	"math"
	"math/rand/v2"
)

// PlateauData returns n points of a "meseta" (notebook 07's data for a
// tiny tanh network): xᵢ evenly spaced on [-3, 3] and
//
//	yᵢ = tanh(3(xᵢ+2)) − tanh(3(xᵢ−0.5)) + noise·εᵢ,  εᵢ ~ N(0,1),
//
// about 2 between x = −2 and x = 0.5 and about 0 outside. A single tanh
// unit can fit only one of its two edges. n must be ≥ 2 and noise finite
// ≥ 0 (ErrBadParam otherwise).
func PlateauData(rng *rand.Rand, n int, noise float64) (x, y []float64, err error) {
	if rng == nil {
		return nil, nil, badParam("nil *rand.Rand")
	}
	if n < 2 || !finite(noise) || noise < 0 {
		return nil, nil, badParam("PlateauData needs n ≥ 2 (got %d) and a finite noise ≥ 0 (got %v)", n, noise)
	}
	x, y = make([]float64, n), make([]float64, n)
	for i := range x {
		x[i] = -3 + 6*float64(i)/float64(n-1)
		y[i] = math.Tanh(3*(x[i]+2)) - math.Tanh(3*(x[i]-0.5)) + noise*rng.NormFloat64()
	}
	return x, y, nil
}
