package gdplot

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/cmpimg"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// goldenUpdate reports whether golden images are to be regenerated.
func goldenUpdate() bool { return *update || *cmpimg.GenerateTestData }

// surfWithin runs f and fails the test if it takes longer than d (a hung
// renderer must not hang the test suite).
func surfWithin(t *testing.T, d time.Duration, f func() error) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(d):
		t.Fatalf("rendering took longer than %v", d)
	}
}

// pngOf renders p as a w×h PNG at 96 DPI.
func pngOf(p *plot.Plot, w, h vg.Length) ([]byte, error) {
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(96))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	_, err := vgimg.PngCanvas{Canvas: c}.WriteTo(&buf)
	return buf.Bytes(), err
}

// svgOf renders p as SVG.
func svgOf(p *plot.Plot, w, h vg.Length) ([]byte, error) {
	c := vgsvg.New(w, h)
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	_, err := c.WriteTo(&buf)
	return buf.Bytes(), err
}

// checkGolden compares got with testdata/name (regenerating it with -update).
// checkGolden compares the PNG got with testdata/name within tol (cmpimg's
// YIQ tolerance), or rewrites the golden with -update; a mismatch writes got
// to the temporary folder for a look.
func checkGolden(t *testing.T, name string, got []byte, tol float64) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if goldenUpdate() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden image (run go test -update): %v", err)
	}
	ok, err := cmpimg.EqualApprox("png", got, want, tol)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		out := filepath.Join(os.TempDir(), "got_"+name)
		_ = os.WriteFile(out, got, 0o644)
		t.Errorf("%s differs from the golden image; got written to %s", name, out)
	}
}

// finiteSVG fails when an SVG holds a NaN or infinite coordinate.
func finiteSVG(b []byte) error { return checkSVGNumbers(b) }
