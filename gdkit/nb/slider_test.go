package nb

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"gdkit.dev/gdkit/gdplot"
)

// TestExploreHeadlessDoesNotBlock checks that outside a browser Explore
// draws the initial value once, prints the Spanish note and returns at
// once, whatever GDKIT_HEADLESS says.
func TestExploreHeadlessDoesNotBlock(t *testing.T) {
	for _, env := range []string{"", "1", "0"} {
		t.Run("GDKIT_HEADLESS="+env, func(t *testing.T) {
			t.Setenv(HeadlessEnv, env)
			if !Headless() {
				t.Fatal("Headless() = false outside the GoNB kernel")
			}
			var out bytes.Buffer
			NoteOut = &out
			defer func() { NoteOut = nil }()
			var drawn []float64
			s := Slider{
				Label:  "α",
				Values: []float64{0.01, 0.1, 0.5},
				Start:  1,
				Format: "%.2f",
				Draw: func(v float64) (*gdplot.Figure, error) {
					drawn = append(drawn, v)
					return frames(t, 1)[0], nil
				},
			}
			done := make(chan error, 1)
			go func() { done <- Explore(s) }()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("Explore blocked in a headless run")
			}
			if len(drawn) != 1 || drawn[0] != 0.1 {
				t.Errorf("drawn = %v, want [0.1] (the Start value, once)", drawn)
			}
			if note := out.String(); !strings.Contains(note, "sin navegador") || !strings.Contains(note, "α = 0.10") {
				t.Errorf("note = %q, want the Spanish headless note naming α = 0.10", note)
			}
		})
	}
}

func TestExploreBadInput(t *testing.T) {
	draw := func(float64) (*gdplot.Figure, error) { return nil, nil }
	for name, s := range map[string]Slider{
		"no values":      {Draw: draw},
		"start too big":  {Values: []float64{1}, Start: 1, Draw: draw},
		"negative start": {Values: []float64{1}, Start: -1, Draw: draw},
		"no draw":        {Values: []float64{1}},
	} {
		if err := Explore(s); !errors.Is(err, ErrSlider) {
			t.Errorf("%s: err = %v, want ErrSlider", name, err)
		}
	}
}

func TestExploreDrawError(t *testing.T) {
	NoteOut = &bytes.Buffer{}
	defer func() { NoteOut = nil }()
	bad := errors.New("bad α")
	s := Slider{Values: []float64{1}, Draw: func(float64) (*gdplot.Figure, error) { return nil, bad }}
	if err := Explore(s); !errors.Is(err, bad) {
		t.Errorf("err = %v, want the Draw error", err)
	}
}
