package nb

import (
	"os"
	"testing"
	"time"
)

func TestSaveGIFFile(t *testing.T) {
	out := os.Getenv("GDKIT_GIF_OUT")
	if out == "" {
		t.Skip("set GDKIT_GIF_OUT to write a sample GIF")
	}
	if err := SaveGIF(out, frames(t, 6), 700*time.Millisecond, 100); err != nil {
		t.Fatal(err)
	}
}
