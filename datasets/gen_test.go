package datasets

import (
	"errors"
	"io"
	"math"
	"testing"

	"gdkit.dev/gdkit"
)

// TestLinearData: with noise 0, every row satisfies y = x·w + bias exactly
// (up to rounding); the same seed gives the same data; the stream gives the
// same rows and replays them after Reset.
func TestLinearData(t *testing.T) {
	w := []float64{1, -2, 0.5}
	x, y, err := LinearData(gdkit.NewRand(1), 100, w, 0.25, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		want := 0.25 + w[0]*x[3*i] + w[1]*x[3*i+1] + w[2]*x[3*i+2]
		if math.Abs(y[i]-want) > 1e-12 {
			t.Fatalf("row %d: y = %v, want %v", i, y[i], want)
		}
	}
	x2, y2, _ := LinearData(gdkit.NewRand(7), 50, w, 0.25, 0.3)
	s, err := NewLinearStream(7, 50, w, 0.25, 0.3)
	if err != nil {
		t.Fatal(err)
	}
	row := make([]float64, 3)
	for pass := 0; pass < 2; pass++ {
		for i := 0; i < 50; i++ {
			yi, err := s.Next(row)
			if err != nil || yi != y2[i] || row[0] != x2[3*i] || row[2] != x2[3*i+2] {
				t.Fatalf("pass %d row %d differs", pass, i)
			}
		}
		if _, err := s.Next(row); err != io.EOF {
			t.Fatalf("after 50 rows: %v", err)
		}
		s.Reset()
	}
	if s.D() != 3 {
		t.Errorf("D = %d", s.D())
	}
	// Sample moments of a large sample: mean of x ≈ 0, var ≈ 1, residual sd ≈ noise.
	xb, yb, _ := LinearData(gdkit.NewRand(2), 100000, []float64{2}, 1, 0.5)
	var mx, vx, vr float64
	for i, v := range xb {
		mx += v
		vx += v * v
		r := yb[i] - 2*v - 1
		vr += r * r
	}
	mx /= 1e5
	vx /= 1e5
	vr /= 1e5
	// Standard errors: 1/√n ≈ 0.0032 for the mean, √(2/n) ≈ 0.0045 for the variance.
	if math.Abs(mx) > 0.02 || math.Abs(vx-1) > 0.03 || math.Abs(vr-0.25) > 0.01 {
		t.Errorf("moments: mean %v var %v residual var %v", mx, vx, vr)
	}
}

func TestTwoClassData(t *testing.T) {
	const n, d = 20000, 2
	x, y, err := TwoClassData(gdkit.NewRand(3), n, d, 4, 1)
	if err != nil {
		t.Fatal(err)
	}
	// Class means are ±(4/2)/√2 per coordinate = ±√2.
	var m [2][d]float64
	var cnt [2]float64
	for i := 0; i < n; i++ {
		c := int(y[i])
		if y[i] != 0 && y[i] != 1 {
			t.Fatalf("label %v", y[i])
		}
		cnt[c]++
		for j := 0; j < d; j++ {
			m[c][j] += x[i*d+j]
		}
	}
	for c, sign := range []float64{-1, 1} {
		for j := 0; j < d; j++ {
			if got := m[c][j] / cnt[c]; math.Abs(got-sign*math.Sqrt2) > 0.05 {
				t.Errorf("class %d mean[%d] = %v, want %v", c, j, got, sign*math.Sqrt2)
			}
		}
	}
	if math.Abs(cnt[1]/n-0.5) > 0.02 {
		t.Errorf("class balance %v", cnt[1]/n)
	}
	s, _ := NewTwoClassStream(3, n, d, 4, 1)
	row := make([]float64, d)
	for i := 0; i < 100; i++ {
		yi, err := s.Next(row)
		if err != nil || yi != y[i] || row[1] != x[i*d+1] {
			t.Fatalf("stream row %d differs", i)
		}
	}
}

func TestGeneratorErrors(t *testing.T) {
	nan := math.NaN()
	errs := []error{}
	add := func(_, _ []float64, err error) { errs = append(errs, err) }
	add(LinearData(nil, 10, []float64{1}, 0, 0))
	add(LinearData(gdkit.NewRand(1), 0, []float64{1}, 0, 0))
	add(LinearData(gdkit.NewRand(1), 10, nil, 0, 0))
	add(LinearData(gdkit.NewRand(1), 10, []float64{nan}, 0, 0))
	add(LinearData(gdkit.NewRand(1), 10, []float64{1}, 0, -1))
	add(TwoClassData(gdkit.NewRand(1), 0, 2, 1, 1))
	add(TwoClassData(gdkit.NewRand(1), 10, 2, nan, 1))
	add(TwoClassData(nil, 10, 2, 1, 1))
	_, err := NewLinearStream(1, -1, []float64{1}, 0, 0)
	errs = append(errs, err)
	_, err = NewTwoClassStream(1, 10, 0, 1, 1)
	errs = append(errs, err)
	for i, err := range errs {
		if !errors.Is(err, gdkit.ErrBadParam) {
			t.Errorf("case %d: err = %v", i, err)
		}
	}
	s, _ := NewLinearStream(1, 10, []float64{1, 2}, 0, 0)
	if _, err := s.Next(make([]float64, 3)); !errors.Is(err, gdkit.ErrDimension) {
		t.Errorf("wrong row length: %v", err)
	}
}
