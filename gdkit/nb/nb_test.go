package nb

import (
	"bytes"
	"testing"
	"time"

	"gdkit.dev/gdkit/gdplot"
)

func frames(t *testing.T, k int) []*gdplot.Figure {
	t.Helper()
	E := func(w float64) float64 { return w * w }
	ws := []float64{2}
	for i := 0; i < k; i++ {
		ws = append(ws, ws[i]-0.3*2*ws[i])
	}
	fr, err := gdplot.DescentFrames(E, -3, 3, ws, nil, k)
	if err != nil {
		t.Fatal(err)
	}
	return fr
}

func TestDisplayData(t *testing.T) {
	fig := frames(t, 1)[0]
	d, err := displayData(fig)
	if err != nil {
		t.Fatal(err)
	}
	b, ok := d.Data["image/png"].([]byte)
	if !ok || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Fatalf("image/png payload is not a PNG")
	}
	md := d.Metadata["image/png"].(map[string]int)
	// Default figure 6.4×4.8 in at 96 CSS px/in.
	if md["width"] != 614 || md["height"] != 461 {
		t.Errorf("display size = %v, want 614×461 (⌈6.4·192⌉/2, ⌈4.8·192⌉/2 px)", md)
	}
	if err := Show(fig); err != nil {
		t.Errorf("Show outside a kernel: %v", err)
	}
}

func TestErrors(t *testing.T) {
	if err := Show(nil); err == nil {
		t.Error("Show(nil): want error")
	}
	if err := Animate(nil, 0); err == nil {
		t.Error("Animate(no frames): want error")
	}
	if err := Show(&gdplot.Figure{}); err == nil {
		t.Error("Show(empty figure): want error")
	}
}

func TestAnimate(t *testing.T) {
	fr := frames(t, 4)
	done := make(chan error, 1)
	go func() { done <- Animate(fr, time.Second) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("Animate did not return outside a kernel")
	}
}

// BenchmarkShow measures the in-process part of showing a figure in a cell:
// rendering the default 6.4×4.8 in figure at 2×96 DPI and encoding the PNG.
func BenchmarkShow(b *testing.B) {
	E := func(w float64) float64 { return w * w }
	for b.Loop() {
		p, err := gdplot.Descent1D(E, -3, 3, []float64{2.5, 1.5, 0.9, 0.54}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := displayData(gdplot.Single(p)); err != nil {
			b.Fatal(err)
		}
	}
}
