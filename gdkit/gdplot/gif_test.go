package gdplot

import (
	"bytes"
	"image/gif"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestSaveGIFFile writes an animation to a file and decodes it back: one
// image per frame, each with the requested delay, looping forever.
func TestSaveGIFFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "anim.gif")
	if err := SaveGIF(path, gifFrames(t, 6), 700*time.Millisecond, 60); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := gif.DecodeAll(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != 6 {
		t.Fatalf("%d frames, want 6", len(g.Image))
	}
	for i, d := range g.Delay {
		if d != 70 {
			t.Errorf("frame %d delay %d×10 ms, want 70", i, d)
		}
	}
	if g.LoopCount != 0 {
		t.Errorf("LoopCount %d, want 0 (forever)", g.LoopCount)
	}
}

// gifFrames returns the first k frames of a descent on w², as figures.
func gifFrames(t *testing.T, k int) []*Figure {
	t.Helper()
	ws := []float64{2}
	for i := 0; i < k; i++ {
		ws = append(ws, ws[i]-0.3*2*ws[i])
	}
	frames, err := DescentFrames(sq, -3, 3, ws, nil, k)
	if err != nil {
		t.Fatal(err)
	}
	return frames
}

// TestWriteGIF decodes an encoded animation: 4 frames, the delay in 1/100 s,
// the width 6.4 in × 50 DPI = 320 px; no frames is an error.
func TestWriteGIF(t *testing.T) {
	var buf bytes.Buffer
	if err := writeGIF(&buf, gifFrames(t, 4), 500*time.Millisecond, 50); err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != 4 || g.Delay[0] != 50 {
		t.Errorf("GIF has %d frames, delay %d; want 4 frames, 50 (1/100 s)", len(g.Image), g.Delay[0])
	}
	if w := g.Image[0].Bounds().Dx(); w != 320 {
		t.Errorf("GIF width = %d, want 320", w)
	}
	if err := writeGIF(&bytes.Buffer{}, nil, 0, 0); err == nil {
		t.Error("WriteGIF(no frames): want error")
	}
}
