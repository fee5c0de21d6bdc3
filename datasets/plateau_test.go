package datasets_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"gdkit.dev/datasets"
	"gdkit.dev/gdkit"
)

func TestPlateauData(t *testing.T) {
	x, y, err := datasets.PlateauData(gdkit.NewRand(7), 40, 0)
	if err != nil {
		t.Fatal(err)
	}
	if x[0] != -3 || x[39] != 3 {
		t.Errorf("x from %v to %v, want -3 to 3", x[0], x[39])
	}
	for i := range x {
		want := math.Tanh(3*(x[i]+2)) - math.Tanh(3*(x[i]-0.5))
		if y[i] != want {
			t.Fatalf("noise 0: y[%d] = %v, want %v", i, y[i], want)
		}
	}
	a, _, _ := datasets.PlateauData(gdkit.NewRand(7), 40, 0.1)
	_, b, _ := datasets.PlateauData(gdkit.NewRand(7), 40, 0.1)
	_, c, _ := datasets.PlateauData(gdkit.NewRand(7), 40, 0.1)
	if a[5] != x[5] || b[5] != c[5] || b[5] == y[5] {
		t.Error("same seed, same data; noise changes y")
	}
	for _, bad := range []struct {
		n     int
		noise float64
	}{{1, 0.1}, {40, -1}, {40, math.NaN()}} {
		if _, _, err := datasets.PlateauData(gdkit.NewRand(1), bad.n, bad.noise); !errors.Is(err, gdkit.ErrBadParam) {
			t.Errorf("n = %d, noise = %v: err = %v", bad.n, bad.noise, err)
		}
	}
	if _, _, err := datasets.PlateauData(nil, 40, 0); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("nil rng: %v", err)
	}
}

// The meseta: about 2 in the middle, about 0 at both ends.
func ExamplePlateauData() {
	x, y, _ := datasets.PlateauData(gdkit.NewRand(7), 7, 0)
	for i := range x {
		fmt.Printf("x = %4.1f  y = %.3f\n", x[i], y[i])
	}
	// Output:
	// x = -3.0  y = 0.005
	// x = -2.0  y = 1.000
	// x = -1.0  y = 1.995
	// x =  0.0  y = 1.905
	// x =  1.0  y = 0.095
	// x =  2.0  y = 0.000
	// x =  3.0  y = 0.000
}
