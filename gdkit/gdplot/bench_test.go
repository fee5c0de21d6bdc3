package gdplot

import "testing"

// BenchmarkContourPNG150 renders the slide's contour map of w1² + w2² on the
// 25×25 grid ([-10, 10) step 0.8) with level labels, as a 150-DPI PNG.
func BenchmarkContourPNG150(b *testing.B) {
	g := bowlGrid()
	for b.Loop() {
		p, err := Contour(g, nil, true)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Single(p).WithDPI(150).Bytes(PNG); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAlphaPanelsPNG200 renders the three α panels at 200 DPI.
func BenchmarkAlphaPanelsPNG200(b *testing.B) {
	for b.Loop() {
		f, err := AlphaPanels(sq, -3, 3, []Run1D{
			{"$\\alpha$ = 0.02", descent1(dsq, 2.5, 0.02, 10), nil},
			{"$\\alpha$ = 0.2", descent1(dsq, 2.5, 0.2, 10), nil},
			{"$\\alpha$ = 1.1", descent1(dsq, 2.5, 1.1, 10), nil},
		})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := f.Bytes(PNG); err != nil {
			b.Fatal(err)
		}
	}
}
