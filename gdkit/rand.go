package gdkit

import "math/rand/v2"

// NewRand returns a *rand.Rand seeded deterministically with seed (PCG):
// the same seed gives the same w0 (RandomW0), the same shuffles (SGD) and
// the same data (package datasets).
func NewRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)) }

// RandomW0 returns n values drawn uniformly from [lo, hi) with rng: the
// slides' "valor inicial w = w0 aleatorio". The same seed gives the same
// w0: RandomW0(NewRand(seed), ...).
func RandomW0(rng *rand.Rand, n int, lo, hi float64) ([]float64, error) {
	switch {
	case rng == nil:
		return nil, errorf(ErrBadParam, "RandomW0 needs a non-nil *rand.Rand")
	case n <= 0:
		return nil, errorf(ErrBadParam, "RandomW0: n = %d must be > 0", n)
	case !isFinite(lo) || !isFinite(hi):
		return nil, errorf(ErrNotFinite, "RandomW0: [%v, %v)", lo, hi)
	case !(lo < hi):
		return nil, errorf(ErrBadParam, "RandomW0: need lo < hi, got [%v, %v)", lo, hi)
	}
	w := make([]float64, n)
	for i := range w {
		w[i] = lo + (hi-lo)*rng.Float64()
	}
	return w, nil
}
