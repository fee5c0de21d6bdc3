package nb

import (
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
	if err := SaveGIF(path, frames(t, 6), 700*time.Millisecond, 60); err != nil {
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
