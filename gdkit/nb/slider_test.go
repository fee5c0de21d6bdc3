package nb

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/janpfeifer/gonb/gonbui/protocol"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/gdplot"
)

// TestExploreHeadlessDoesNotBlock checks that outside a browser Explore
// draws the initial value once, prints the Spanish note and returns at
// once, whatever GDKIT_HEADLESS says.
func TestExploreHeadlessDoesNotBlock(t *testing.T) {
	for _, env := range []string{"", "1", "0"} {
		t.Run("GDKIT_HEADLESS="+env, func(t *testing.T) {
			t.Setenv(headlessEnv, env)
			if !headless() {
				t.Fatal("headless() = false outside the GoNB kernel")
			}
			var out bytes.Buffer
			noteWriter = &out
			defer func() { noteWriter = nil }()
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
		if err := Explore(s); !errors.Is(err, errSlider) {
			t.Errorf("%s: err = %v, want errSlider", name, err)
		}
	}
}

func TestExploreDrawError(t *testing.T) {
	noteWriter = &bytes.Buffer{}
	defer func() { noteWriter = nil }()
	bad := errors.New("bad α")
	s := Slider{Values: []float64{1}, Draw: func(float64) (*gdplot.Figure, error) { return nil, bad }}
	if err := Explore(s); !errors.Is(err, bad) {
		t.Errorf("err = %v, want the Draw error", err)
	}
}

// fakeFront is a frontEnd without a browser: the test plays the user by
// sending on moves, clicks and intr; answers says, per call of widgets,
// whether the browser creates them.
type fakeFront struct {
	mu      sync.Mutex
	answers []bool
	asked   int
	specs   []sliderSpec
	moves   chan move
	clicks  chan int
	shown   int
	labels  []string
	removed int
	synced  int
}

func newFakeFront(answers ...bool) *fakeFront {
	return &fakeFront{answers: answers, moves: make(chan move), clicks: make(chan int)}
}

func (f *fakeFront) show(d *protocol.DisplayData) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := d.Data[protocol.MIMEImagePNG]; !ok {
		panic("show without a PNG")
	}
	f.shown++
}

func (f *fakeFront) widgets(specs []sliderSpec, wait time.Duration) (<-chan move, <-chan int, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.specs = specs
	ok := f.asked < len(f.answers) && f.answers[f.asked]
	f.asked++
	if !ok {
		return nil, nil, false
	}
	return f.moves, f.clicks, true
}

func (f *fakeFront) setLabel(i int, text string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.labels = append(f.labels, fmt.Sprintf("%d: %s", i, text))
}

func (f *fakeFront) remove() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.removed++
}

func (f *fakeFront) sync() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.synced++
}

// liveSlider is a Slider over 0.1, 0.2, 0.3, 0.4 starting at 0.2 whose Draw
// records the values drawn and fails for failAt (if in Values).
func liveSlider(t *testing.T, drawn *[]float64, failAt float64) Slider {
	var mu sync.Mutex
	return Slider{
		Label: "α", Values: []float64{0.1, 0.2, 0.3, 0.4}, Start: 1, Format: "%.1f",
		Draw: func(v float64) (*gdplot.Figure, error) {
			mu.Lock()
			*drawn = append(*drawn, v)
			mu.Unlock()
			if v == failAt {
				return nil, errBadDraw
			}
			return frames(t, 1)[0], nil
		},
	}
}

var errBadDraw = errors.New("bad draw")

// runExplore runs explore in a goroutine and returns its result channel.
func runExplore(s Slider, f frontEnd, intr <-chan os.Signal) <-chan error {
	return runExploreSliders(s.sliders(), f, intr)
}

func runExploreSliders(s Sliders, f frontEnd, intr <-chan os.Signal) <-chan error {
	s, err := s.check()
	if err != nil {
		panic(err)
	}
	done := make(chan error, 1)
	go func() { done <- explore(s, f, intr) }()
	return done
}

func waitErr(t *testing.T, done <-chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("explore did not return")
		return nil
	}
}

// TestExploreLive plays a session: moves (one repeated, one out of range),
// then "Listo". Each new position is drawn once and labelled; the widgets
// are removed once at the end.
func TestExploreLive(t *testing.T) {
	var drawn []float64
	f := newFakeFront(true)
	done := runExplore(liveSlider(t, &drawn, -1), f, nil)
	for _, i := range []int{3, 3, 9, -1, 0} {
		f.moves <- move{0, i}
	}
	f.clicks <- 1
	if err := waitErr(t, done); err != nil {
		t.Fatal(err)
	}
	wantDrawn := []float64{0.2, 0.4, 0.1}
	wantLabels := []string{"0: α = 0.4", "0: α = 0.1"}
	if !slices.Equal(drawn, wantDrawn) || f.shown != len(wantDrawn) {
		t.Errorf("drawn %v (shown %d times), want %v, each shown once", drawn, f.shown, wantDrawn)
	}
	if !slices.Equal(f.labels, wantLabels) {
		t.Errorf("labels %q, want %q", f.labels, wantLabels)
	}
	if f.removed != 1 || f.synced == 0 {
		t.Errorf("removed %d times, synced %d times; want 1 and ≥ 1", f.removed, f.synced)
	}
}

// TestExploreLiveEnds: every way out of a live exploration takes the
// widgets off the page.
func TestExploreLiveEnds(t *testing.T) {
	for _, tc := range []struct {
		name    string
		act     func(f *fakeFront, intr chan os.Signal)
		idle    time.Duration
		want    error
		wantDrw []float64
	}{
		{"Listo", func(f *fakeFront, _ chan os.Signal) { f.clicks <- 1 }, 0, nil, []float64{0.2}},
		{"idle", func(*fakeFront, chan os.Signal) {}, 10 * time.Millisecond, nil, []float64{0.2}},
		{"Draw fails", func(f *fakeFront, _ chan os.Signal) { f.moves <- move{0, 2} }, 0, errBadDraw, []float64{0.2, 0.3}},
		{"interrupt", func(_ *fakeFront, intr chan os.Signal) { intr <- os.Interrupt }, 0, errInterrupted, []float64{0.2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var drawn []float64
			s := liveSlider(t, &drawn, 0.3)
			s.Idle = tc.idle
			f := newFakeFront(true)
			intr := make(chan os.Signal, 1)
			done := runExplore(s, f, intr)
			tc.act(f, intr)
			if err := waitErr(t, done); !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
			if f.removed != 1 {
				t.Errorf("widgets removed %d times, want 1", f.removed)
			}
			if !slices.Equal(drawn, tc.wantDrw) {
				t.Errorf("drawn %v, want %v", drawn, tc.wantDrw)
			}
		})
	}
}

// TestExploreLiveRetry: when the browser does not create the widgets the
// first time they are asked for again; after retries failures Explore
// prints noAnswerNote and returns with only the initial figure.
func TestExploreLiveRetry(t *testing.T) {
	t.Run("second try", func(t *testing.T) {
		var drawn []float64
		f := newFakeFront(false, true)
		done := runExplore(liveSlider(t, &drawn, -1), f, nil)
		f.moves <- move{0, 0}
		f.clicks <- 1
		if err := waitErr(t, done); err != nil {
			t.Fatal(err)
		}
		if f.asked != 2 || !slices.Equal(drawn, []float64{0.2, 0.1}) {
			t.Errorf("asked %d times, drawn %v; want 2 and [0.2 0.1]", f.asked, drawn)
		}
	})
	t.Run("no answer", func(t *testing.T) {
		var out bytes.Buffer
		noteWriter = &out
		defer func() { noteWriter = nil }()
		var drawn []float64
		f := newFakeFront()
		if err := waitErr(t, runExplore(liveSlider(t, &drawn, -1), f, nil)); err != nil {
			t.Fatal(err)
		}
		if f.asked != retries || f.shown != 1 || !slices.Equal(drawn, []float64{0.2}) {
			t.Errorf("asked %d times, shown %d, drawn %v; want %d, 1, [0.2]", f.asked, f.shown, drawn, retries)
		}
		if !strings.Contains(out.String(), "no respondió") || !strings.Contains(out.String(), "α = 0.2") {
			t.Errorf("note %q, want noAnswerNote for α = 0.2", out.String())
		}
	})
}

// momentumSliders is an exploration over α (0.1, 0.2, 0.3, start 0.2) and
// β (0, 0.5, 0.9, start 0.9) whose Draw records the pairs drawn.
func momentumSliders(t *testing.T, drawn *[][2]float64) Sliders {
	var mu sync.Mutex
	return Sliders{
		Params: []Param{
			{Label: "α", Values: []float64{0.1, 0.2, 0.3}, Start: 1},
			{Label: "β", Values: []float64{0, 0.5, 0.9}, Start: 2, Format: "%.2f"},
		},
		Draw: func(v []float64) (*gdplot.Figure, error) {
			mu.Lock()
			*drawn = append(*drawn, [2]float64{v[0], v[1]})
			mu.Unlock()
			return frames(t, 1)[0], nil
		},
	}
}

// TestExploreSlidersHeadless: without a browser the note names both
// parameters and their starting values, and the figure is drawn once.
func TestExploreSlidersHeadless(t *testing.T) {
	var out bytes.Buffer
	noteWriter = &out
	defer func() { noteWriter = nil }()
	var drawn [][2]float64
	if err := ExploreSliders(momentumSliders(t, &drawn)); err != nil {
		t.Fatal(err)
	}
	want := "para mover α y β; abajo, la figura para α = 0.2, β = 0.90."
	if !strings.Contains(out.String(), want) || len(drawn) != 1 || drawn[0] != [2]float64{0.2, 0.9} {
		t.Errorf("note %q (want %q), drawn %v", out.String(), want, drawn)
	}
}

// TestExploreSlidersLive: one slider per parameter with its own label;
// each move redraws with the other parameter kept, repeated positions and
// unknown sliders are ignored.
func TestExploreSlidersLive(t *testing.T) {
	var drawn [][2]float64
	f := newFakeFront(true)
	done := runExploreSliders(momentumSliders(t, &drawn), f, nil)
	for _, m := range []move{{1, 0}, {0, 2}, {0, 2}, {2, 1}, {1, 5}, {1, 1}} {
		f.moves <- m
	}
	f.clicks <- 1
	if err := waitErr(t, done); err != nil {
		t.Fatal(err)
	}
	wantDrawn := [][2]float64{{0.2, 0.9}, {0.2, 0}, {0.3, 0}, {0.3, 0.5}}
	wantLabels := []string{"1: β = 0.00", "0: α = 0.3", "1: β = 0.50"}
	if !slices.Equal(drawn, wantDrawn) || !slices.Equal(f.labels, wantLabels) {
		t.Errorf("drawn %v, labels %q; want %v, %q", drawn, f.labels, wantDrawn, wantLabels)
	}
	if len(f.specs) != 2 || f.specs[0] != (sliderSpec{3, 1, "α = 0.2"}) || f.specs[1] != (sliderSpec{3, 2, "β = 0.90"}) || f.removed != 1 {
		t.Errorf("widgets %+v, removed %d times", f.specs, f.removed)
	}
}

func TestExploreSlidersBadInput(t *testing.T) {
	draw := func([]float64) (*gdplot.Figure, error) { return nil, nil }
	ok := Param{Label: "α", Values: []float64{1}}
	for name, s := range map[string]Sliders{
		"no params":          {Draw: draw},
		"no draw":            {Params: []Param{ok}},
		"second: no values":  {Params: []Param{ok, {Label: "β"}}, Draw: draw},
		"second: start high": {Params: []Param{ok, {Label: "β", Values: []float64{1}, Start: 1}}, Draw: draw},
	} {
		if err := ExploreSliders(s); !errors.Is(err, errSlider) || !errors.Is(err, gdkit.ErrBadParam) {
			t.Errorf("%s: err = %v, want errSlider (ErrBadParam)", name, err)
		}
	}
}
