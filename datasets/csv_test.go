package datasets

import (
	"errors"
	"io"
	"math"
	"strings"
	"testing"

	"gdkit.dev/gdkit"
)

func TestSlideND(t *testing.T) {
	tab, err := SlideND()
	if err != nil {
		t.Fatal(err)
	}
	wantX := []float64{2, 5, 7, 9, 10, 11, 13.4, 14, 15}
	wantY := []float64{1, 3.2, 4.5, 6, 4, 4.5, 5.5, 3, 5}
	if len(tab.Names) != 2 || tab.Names[0] != "x" || tab.Names[1] != "y" || tab.Rows() != 9 {
		t.Fatalf("names %v, rows %d", tab.Names, tab.Rows())
	}
	x, _ := tab.Column("x")
	y, _ := tab.Column("y")
	for i := range wantX {
		if x[i] != wantX[i] || y[i] != wantY[i] {
			t.Errorf("row %d: (%v, %v), want (%v, %v)", i, x[i], y[i], wantX[i], wantY[i])
		}
	}
	xm, yy, err := tab.XY("y")
	if err != nil {
		t.Fatal(err)
	}
	if r, c := xm.Dims(); r != 9 || c != 1 || xm.At(6, 0) != 13.4 || yy[6] != 5.5 {
		t.Errorf("XY: %d×%d", r, c)
	}
	if _, err := tab.Column("z"); err == nil || !strings.Contains(err.Error(), "x, y") {
		t.Errorf("missing column: %v", err)
	}
	if _, _, err := tab.XY("z"); err == nil {
		t.Error("XY of a missing column")
	}
	if names := Names(); len(names) == 0 || names[0] != "slide_nd.csv" {
		t.Errorf("Names() = %v", names)
	}
	if _, err := Open("nope.csv"); err == nil {
		t.Error("Open of a missing file")
	}
}

func TestReadCSV(t *testing.T) {
	in := "\ufeff a , b ,c\n1, 2 ,3\n\n 4,5e1,-6 \r\n"
	tab, err := ReadCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{1, 2, 3}, {4, 50, -6}}
	if strings.Join(tab.Names, "|") != "a|b|c" || tab.Rows() != 2 {
		t.Fatalf("names %q rows %d", tab.Names, tab.Rows())
	}
	for i, row := range want {
		for j, v := range row {
			if tab.Data.At(i, j) != v {
				t.Errorf("(%d,%d) = %v, want %v", i, j, tab.Data.At(i, j), v)
			}
		}
	}
	x, y, n, d, err := tab.FlatXY("b")
	if err != nil || n != 2 || d != 2 || x[2] != 4 || x[3] != -6 || y[1] != 50 {
		t.Errorf("FlatXY: %v %v %d %d %v", x, y, n, d, err)
	}
}

func TestReadCSVErrors(t *testing.T) {
	cases := []struct {
		name, in, msg string
		kind          error // the gdkit sentinel of the same meaning, if any
	}{
		{"empty", "", "line 1: empty file", gdkit.ErrEmpty},
		{"only BOM", "\ufeff", "line 1, column 1: empty column name", nil},
		{"header only", "x,y\n", "no data rows", gdkit.ErrEmpty},
		{"ragged", "x,y\n1,2\n3\n", "line 3: 1 fields, the header has 2", gdkit.ErrDimension},
		{"non-numeric", "x,y\n1,2\n3,abc\n", `line 3, column 2: column "y": "abc" is not a number`, nil},
		{"empty cell", "x,y\n1,\n", `line 2, column 2: column "y": empty cell`, nil},
		{"NaN cell", "x,y\nNaN,1\n", `line 2, column 1: column "x": "NaN" is not a finite number`, gdkit.ErrNotFinite},
		{"duplicate", "x,x\n1,2\n", "line 1, column 2: duplicate column name", nil},
		{"bare quote", "x,y\n1,2\"\n", "line 2, column", nil},
	}
	for _, c := range cases {
		_, err := ReadCSV(strings.NewReader(c.in))
		if !errors.Is(err, ErrCSV) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.msg)
		}
		if c.kind != nil && !errors.Is(err, c.kind) {
			t.Errorf("%s: err = %v does not wrap %v", c.name, err, c.kind)
		}
		for _, other := range []error{gdkit.ErrEmpty, gdkit.ErrDimension, gdkit.ErrNotFinite} {
			if other != c.kind && errors.Is(err, other) {
				t.Errorf("%s: err = %v wraps %v", c.name, err, other)
			}
		}
	}
}

func TestCSVStream(t *testing.T) {
	s, err := NewCSVStream(strings.NewReader("a,y,b\n1,10,2\n3, 30 ,4\n5,x,6\n"), "y")
	if err != nil {
		t.Fatal(err)
	}
	if s.D() != 2 {
		t.Fatalf("D = %d", s.D())
	}
	x := make([]float64, 2)
	for _, want := range [][3]float64{{1, 2, 10}, {3, 4, 30}} {
		y, err := s.Next(x)
		if err != nil || x[0] != want[0] || x[1] != want[1] || y != want[2] {
			t.Errorf("row: %v %v %v, want %v", x, y, err, want)
		}
	}
	if _, err := s.Next(x); err == nil || !strings.Contains(err.Error(), "line 4, column 2") {
		t.Errorf("bad row: %v", err)
	}
	if _, err := s.Next(x); err != io.EOF {
		t.Errorf("end: %v", err)
	}
	if _, err := NewCSVStream(strings.NewReader("a,b\n"), "c"); err == nil {
		t.Error("missing target column accepted")
	}
}

// FuzzReadCSV: ReadCSV never panics; on success the table is rectangular,
// finite and has as many distinct non-empty names as columns.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{"x,y\n1,2\n", "\ufeffa, b\n 1 ,2\n3,4\n", "x\n1\n2,3\n", "", "x,y\n1,\"2\"\n", "a,b\n1e308,-1e-308\n", "x,y\nNaN,Inf\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		tab, err := ReadCSV(strings.NewReader(in))
		if err != nil {
			if !errors.Is(err, ErrCSV) {
				t.Fatalf("error does not wrap ErrCSV: %v", err)
			}
			return
		}
		r, c := tab.Data.Dims()
		if r == 0 || c != len(tab.Names) {
			t.Fatalf("%d×%d for names %q", r, c, tab.Names)
		}
		seen := map[string]bool{}
		for _, n := range tab.Names {
			if n == "" || seen[n] {
				t.Fatalf("bad names %q", tab.Names)
			}
			seen[n] = true
		}
		for i := 0; i < r; i++ {
			for j := 0; j < c; j++ {
				if v := tab.Data.At(i, j); math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("non-finite cell %v", v)
				}
			}
		}
	})
}
