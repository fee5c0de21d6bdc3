package gdkit

import (
	"errors"
	"math"
	"testing"
)

// gradient1D is np.gradient(f, h, edge_order=edge) through SampleGradient.
func gradient1D(dst, f []float64, h float64, edge int) ([]float64, error) {
	return SampleGradient(dst, f, nil, &GradientSettings{EdgeOrder: edge, Spacing: []float64{h}})
}

// gradient1DCoords is np.gradient(f, x, edge_order=edge) through SampleGradient.
func gradient1DCoords(dst, f, x []float64, edge int) ([]float64, error) {
	return SampleGradient(dst, f, x, &GradientSettings{EdgeOrder: edge})
}

// TestGradient1DDocstring checks the examples of np.gradient's docstring
// (numpy 2.x), and its edge_order=2 example, to 1e-15.
func TestGradient1DDocstring(t *testing.T) {
	f := []float64{1, 2, 4, 7, 11, 16}
	sq := []float64{0, 1, 4, 9, 16}
	for _, c := range []struct {
		name string
		f    []float64
		h    float64
		x    []float64
		edge int
		want []float64
	}{
		{"np.gradient(f)", f, 1, nil, 1, []float64{1, 1.5, 2.5, 3.5, 4.5, 5}},
		{"np.gradient(f, 2)", f, 2, nil, 1, []float64{0.5, 0.75, 1.25, 1.75, 2.25, 2.5}},
		{"np.gradient(f, np.arange(6))", f, 0, []float64{0, 1, 2, 3, 4, 5}, 1, []float64{1, 1.5, 2.5, 3.5, 4.5, 5}},
		{"np.gradient(f, x)", f, 0, []float64{0, 1, 1.5, 3.5, 4, 6}, 1, []float64{1, 3, 3.5, 6.7, 6.9, 2.5}},
		{"np.gradient(x**2, edge_order=1)", sq, 1, nil, 1, []float64{1, 2, 4, 6, 7}},
		{"np.gradient(x**2, edge_order=2)", sq, 1, nil, 2, []float64{0, 2, 4, 6, 8}},
		// Not in the docstring: numpy 2.4.6's output for the same inputs.
		{"np.gradient(f, x, edge_order=2)", f, 0, []float64{0, 1, 1.5, 3.5, 4, 6}, 2, []float64{-1, 3, 3.5, 6.7, 6.9, -1.9}},
		{"np.gradient(f, 2., edge_order=2)", f, 2, nil, 2, []float64{0.25, 0.75, 1.25, 1.75, 2.25, 2.75}},
	} {
		var got []float64
		var err error
		if c.x == nil {
			got, err = gradient1D(nil, c.f, c.h, c.edge)
		} else {
			got, err = gradient1DCoords(nil, c.f, c.x, c.edge)
		}
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		gridCloseAll(t, c.name, got, c.want, 1e-14)
	}
}

// TestGradient2DDocstring checks the two-dimensional examples of
// np.gradient's docstring: unit spacing on both axes (np.gradient(E), and
// its axis=0 half), and a scalar step dx = 2 down the rows with the
// coordinates y = [1, 1.5, 3.5] along the columns, np.gradient(E, dx, y),
// which is GridGradient on Ys = (0, 2), Xs = y. With only two rows,
// edge_order=2 is an error, as in numpy ("Shape of array too small").
func TestGradient2DDocstring(t *testing.T) {
	E := []float64{1, 2, 6, 3, 4, 5} // np.array([[1, 2, 6], [3, 4, 5]])
	a0, a1, err := NumpyGradient(Grid{Xs: []float64{0, 1, 2}, Ys: []float64{0, 1}, Values: E}, nil)
	if err != nil {
		t.Fatal(err)
	}
	gridCloseAll(t, "np.gradient(E)[0]", a0.Values, []float64{2, 2, -1, 2, 2, -1}, 1e-15)
	gridCloseAll(t, "np.gradient(E)[1]", a1.Values, []float64{1, 2.5, 4, 1, 1, 1}, 1e-15)
	g := Grid{Xs: []float64{1, 1.5, 3.5}, Ys: []float64{0, 2}, Values: E}
	d1, d2, err := GridGradient(g, nil)
	if err != nil {
		t.Fatal(err)
	}
	gridCloseAll(t, "np.gradient(E, 2., y)[0]", d2.Values, []float64{1, 1, -0.5, 1, 1, -0.5}, 1e-15)
	gridCloseAll(t, "np.gradient(E, 2., y)[1]", d1.Values, []float64{2, 2, 2, 2, 1.7, 0.5}, 1e-15)
	if _, _, err := GridGradient(g, &GradientSettings{EdgeOrder: 2}); !errors.Is(err, ErrEmpty) {
		t.Errorf("edge_order=2 with 2 rows: %v, want an ErrEmpty error", err)
	}
	if _, _, err := NumpyGradient(g, &GradientSettings{EdgeOrder: 2}); !errors.Is(err, ErrEmpty) {
		t.Errorf("NumpyGradient, edge_order=2 with 2 rows: %v, want an ErrEmpty error", err)
	}
}

// TestGradientSpacingNumpy is numpy's test_spacing (TestGradient): the
// rows of a 6×6 array along both axes, even and uneven coordinates, edge
// orders 1 and 2, through the strided axis kernel.
func TestGradientSpacingNumpy(t *testing.T) {
	base := []float64{0, 2, 3, 4, 5, 5}
	n := len(base)
	f := make([]float64, n*n) // f[r][c] = base[c] + base[r]
	for r := range n {
		for c := range n {
			f[r*n+c] = base[c] + base[r]
		}
	}
	want := map[[2]int][]float64{ // {uneven, edge}
		{0, 1}: {2, 1.5, 1, 1, 0.5, 0},
		{0, 2}: {2.5, 1.5, 1, 1, 0.5, -0.5},
		{1, 1}: {4, 3, 1.7, 0.5, 0.25, 0},
		{1, 2}: {5, 3, 1.7, 0.5, 0.25, -0.25},
	}
	coords := [][]float64{{0, 1, 2, 3, 4, 5}, {0, 0.5, 1, 3, 5, 7}}
	for uneven, x := range coords {
		for _, edge := range []int{1, 2} {
			ax, err := npAxisCoords(x, edge)
			if err != nil {
				t.Fatal(err)
			}
			if (ax.dx == nil) != (uneven == 0) {
				t.Errorf("coords %v: uniform detection %v", x, ax.dx == nil)
			}
			w := want[[2]int{uneven, edge}]
			d1 := make([]float64, n*n)
			d0 := make([]float64, n*n)
			for r := range n {
				ax.apply(d1[r*n:], f[r*n:], 1) // axis 1, along a row
			}
			for c := range n {
				ax.apply(d0[c:], f[c:], n) // axis 0, down a column
			}
			rows := make([]float64, n*n)
			ax.rows(rows, f, n) // axis 0, whole rows at a time
			if !gridEqual(rows, d0) {
				t.Errorf("coords %v, edge %d: rows %v, apply down the columns %v", x, edge, rows, d0)
			}
			for k := range n {
				gridCloseAll(t, "axis 1", d1[k*n:(k+1)*n], w, 1e-14)
				col := make([]float64, n)
				for r := range n {
					col[r] = d0[r*n+k]
				}
				gridCloseAll(t, "axis 0", col, w, 1e-14)
			}
		}
	}
}

// TestGradientSecondOrderAccurate is numpy's test_second_order_accurate:
// with edge_order=2 the relative error on y = 2x³ + 4x² + 2x is below 3 %
// at every point, interior and edges, for even and uneven spacing. With
// edge_order=1 the edges miss the bound (23 % and 4.5 %), so the test can
// fail. The uneven x are numpy's sorted np.random.seed(0); random(10).
func TestGradientSecondOrderAccurate(t *testing.T) {
	even := make([]float64, 10)
	for i := range even {
		even[i] = float64(i) / 9 // np.linspace(0, 1, 10)
	}
	uneven := []float64{0.3834415188257777, 0.4236547993389047, 0.4375872112626925, 0.5448831829968969,
		0.5488135039273248, 0.6027633760716439, 0.6458941130666561, 0.7151893663724195,
		0.8917730007820798, 0.9636627605010293}
	// numpy 2.4.6's np.gradient(y, uneven, edge_order=2), to check more than the bound.
	numpyUneven := []float64{5.945341788925646, 6.467259264706399, 6.652582878217419, 8.141294977859161,
		8.198109684599789, 9.006702929265607, 9.67620564698889, 10.814962724964595, 13.931127625895904,
		15.245452194666086}
	maxErr := func(x, d []float64) float64 {
		var m float64
		for i, xi := range x {
			m = math.Max(m, math.Abs(d[i]/(6*xi*xi+8*xi+2)-1))
		}
		return m
	}
	for _, c := range []struct {
		name    string
		x       []float64
		scalar  bool
		edge    int
		wantBad bool
	}{
		{"even, np.gradient(y, dx, edge_order=2)", even, true, 2, false},
		{"uneven, np.gradient(y, x, edge_order=2)", uneven, false, 2, false},
		{"even, edge_order=1", even, true, 1, true},
		{"uneven, edge_order=1", uneven, false, 1, true},
	} {
		y := make([]float64, len(c.x))
		for i, xi := range c.x {
			y[i] = 2*xi*xi*xi + 4*xi*xi + 2*xi
		}
		var d []float64
		var err error
		if c.scalar {
			d, err = gradient1D(nil, y, c.x[1]-c.x[0], c.edge)
		} else {
			d, err = gradient1DCoords(nil, y, c.x, c.edge)
		}
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if e := maxErr(c.x, d); (e < 0.03) == c.wantBad {
			t.Errorf("%s: max relative error %.3g (bound 0.03, expected to fail: %v)", c.name, e, c.wantBad)
		}
		if !c.scalar && c.edge == 2 {
			gridCloseAll(t, c.name, d, numpyUneven, 1e-13)
		}
	}
}

func TestGradient1DErrors(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		name string
		err  error
		run  func() error
	}{
		{"edge 3", ErrBadParam, func() error { _, err := gradient1D(nil, []float64{1, 2, 3, 4}, 1, 3); return err }},
		{"edge -1", ErrBadParam, func() error { _, err := gradient1D(nil, []float64{1, 2, 3, 4}, 1, -1); return err }},
		{"2 points, edge 2", ErrEmpty, func() error { _, err := gradient1D(nil, []float64{1, 2}, 1, 2); return err }},
		{"1 point, edge 1", ErrEmpty, func() error { _, err := gradient1D(nil, []float64{1}, 1, 1); return err }},
		{"h = 0", ErrBadParam, func() error { _, err := gradient1D(nil, []float64{1, 2, 3}, 0, 1); return err }},
		{"h = Inf", ErrNotFinite, func() error { _, err := gradient1D(nil, []float64{1, 2, 3}, math.Inf(1), 1); return err }},
		{"every f NaN", ErrNotFinite, func() error { _, err := gradient1D(nil, []float64{nan, nan, nan}, 1, 2); return err }},
		{"Spacing with x", ErrBadParam, func() error {
			_, err := SampleGradient(nil, []float64{1, 2, 3}, []float64{0, 1, 2}, &GradientSettings{Spacing: []float64{1}})
			return err
		}},
		{"two spacings in 1D", ErrDimension, func() error {
			_, err := SampleGradient(nil, []float64{1, 2, 3}, nil, &GradientSettings{Spacing: []float64{1, 2}})
			return err
		}},
		{"dst length", ErrDimension, func() error { _, err := gradient1D(make([]float64, 2), []float64{1, 2, 3}, 1, 2); return err }},
		{"len(x)", ErrDimension, func() error { _, err := gradient1DCoords(nil, []float64{1, 2, 3}, []float64{0, 1}, 1); return err }},
		{"repeated x", ErrBadParam, func() error {
			_, err := gradient1DCoords(nil, []float64{1, 2, 3}, []float64{0, 1, 1}, 2)
			return err
		}},
		{"NaN x", ErrNotFinite, func() error {
			_, err := gradient1DCoords(nil, []float64{1, 2, 3}, []float64{0, nan, 1}, 2)
			return err
		}},
	} {
		if err := c.run(); !errors.Is(err, c.err) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.err)
		}
	}
}

// TestGradient1DDstReused checks that a given dst is filled, not replaced.
func TestGradient1DDstReused(t *testing.T) {
	dst := make([]float64, 5)
	got, err := gradient1D(dst, []float64{0, 1, 4, 9, 16}, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if &got[0] != &dst[0] {
		t.Error("gradient1D did not write into dst")
	}
	gridCloseAll(t, "dst", dst, []float64{0, 2, 4, 6, 8}, 1e-15)
}
