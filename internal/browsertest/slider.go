package browsertest

import (
	"fmt"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/input"
	"github.com/go-rod/rod/lib/proto"
)

// sliderState is what page.js's slider() returns.
type sliderState struct {
	Present bool    `json:"present"`
	Value   float64 `json:"value"`
	Min     float64 `json:"min"`
	Max     float64 `json:"max"`
	Label   string  `json:"label"`
	Button  bool    `json:"button"`
}

// How long the figure may take to follow a move of the slider, and how
// long it must stay unchanged to count as drawn.
const (
	redrawLimit = 30 * time.Second
	settle      = 1500 * time.Millisecond
)

// driveSlider moves the slider of cell i (an nb.Explore, running) with real
// input events: a click on the track away from the thumb and two presses of
// →, then a mouse drag of the thumb towards the far end. After each move the
// figure must change. Then it presses «Listo». checkSliderEnd checks the
// end, once the cell has finished.
func (r *run) driveSlider(i int) {
	r.slider[i] = ""
	r.rep.Sliders++
	first := firstLine(string(r.cells[i].Source))
	listo := false
	defer func() {
		if !listo {
			r.end(i)
		}
	}()
	var sl sliderState
	var img string
	deadline := time.Now().Add(time.Minute)
	for {
		if err := r.eval(&sl, "slider", i); err == nil && sl.Present && sl.Button {
			if r.eval(&img, "image", i) == nil && img != "" {
				break
			}
		}
		if time.Now().After(deadline) {
			r.failf("cell %d (%q): no slider with «Listo» and a figure within a minute", i+1, first)
			return
		}
		time.Sleep(250 * time.Millisecond)
	}
	el, err := r.element("sliderInput", i)
	if err != nil {
		r.failf("cell %d: %v", i+1, err)
		return
	}
	// trackX maps a slider value to the x of its spot on the track.
	trackX := func(v float64) (x, y float64, err error) {
		if err := r.eval(&sl, "slider", i); err != nil {
			return 0, 0, err
		}
		// Mouse events land at viewport points: bring the slider in first
		// (below a tall figure it may be out of sight).
		if err := el.ScrollIntoView(); err != nil {
			return 0, 0, err
		}
		shape, err := el.Shape()
		if err != nil {
			return 0, 0, err
		}
		box := shape.Box()
		const pad = 8 // about half the thumb's width
		return box.X + pad + (v-sl.Min)/(sl.Max-sl.Min)*(box.Width-2*pad), box.Y + box.Height/2, nil
	}
	// far is the value a quarter of the range in from the end farther from v:
	// a move there always changes a slider of three or more positions.
	far := func(v float64) float64 {
		if v < (sl.Min+sl.Max)/2 {
			return sl.Max - 0.25*(sl.Max-sl.Min)
		}
		return sl.Min + 0.25*(sl.Max-sl.Min)
	}
	label := sl.Label

	// Move 1: a click on the track away from the thumb (the thumb jumps
	// there), then → →.
	moved := func() error {
		x, y, err := trackX(far(sl.Value))
		if err != nil {
			return err
		}
		if err := r.page.Mouse.MoveTo(proto.Point{X: x, Y: y}); err != nil {
			return err
		}
		if err := r.page.Mouse.Click(proto.InputMouseButtonLeft, 1); err != nil {
			return err
		}
		return r.page.Keyboard.Type(input.ArrowRight, input.ArrowRight)
	}
	img1, ok := r.move(i, first, "a click on the slider and → →", img, moved)
	if !ok || !r.labelMoved(i, first, &label) {
		return
	}
	if r.opt.Screenshots != "" {
		r.screenshot(r.stem+"-slider", i)
	}

	// Move 2: drag the thumb with the mouse towards the end farther away.
	drag := func() error {
		x0, y, err := trackX(sl.Value)
		if err != nil {
			return err
		}
		x1, _, err := trackX(far(sl.Value))
		if err != nil {
			return err
		}
		m := r.page.Mouse
		if err := m.MoveTo(proto.Point{X: x0, Y: y}); err != nil {
			return err
		}
		if err := m.Down(proto.InputMouseButtonLeft, 1); err != nil {
			return err
		}
		if err := m.MoveLinear(proto.Point{X: x1, Y: y}, 10); err != nil {
			return err
		}
		return m.Up(proto.InputMouseButtonLeft, 1)
	}
	img2, ok := r.move(i, first, "a mouse drag of the slider", img1, drag)
	if !ok || !r.labelMoved(i, first, &label) {
		return
	}

	// «Listo» ends the exploration: the widgets go, the last figure stays.
	r.logf("slider of cell %d: «Listo»", i+1)
	listo = true
	if err := r.clickListo(i); err != nil {
		r.failf("cell %d (%q): clicking «Listo»: %v", i+1, first, err)
		r.end(i)
		return
	}
	r.slider[i] = img2
}

// labelMoved checks that the label next to the slider of cell i changed
// from *label with the last move, and records the new one.
func (r *run) labelMoved(i int, first string, label *string) bool {
	var sl sliderState
	if err := r.eval(&sl, "slider", i); err != nil {
		r.failf("cell %d (%q): reading the slider: %v", i+1, first, err)
		return false
	}
	if sl.Label == *label {
		r.failf("cell %d (%q): the slider moved but its label still says %q", i+1, first, *label)
		return false
	}
	*label = sl.Label
	return true
}

func (r *run) clickListo(i int) error {
	btn, err := r.element("listoButton", i)
	if err != nil {
		return err
	}
	return btn.Click(proto.InputMouseButtonLeft, 1)
}

// end stops an exploration that failed a check, so the rest of the
// notebook runs: «Listo» if it can be pressed, else the kernel's interrupt.
func (r *run) end(i int) {
	if r.clickListo(i) == nil {
		return
	}
	if err := r.menu("Kernel", "Interrupt Kernel"); err != nil {
		r.failf("cell %d: interrupting the kernel: %v", i+1, err)
	}
}

// move performs an input action on the slider of cell i and waits until the
// figure differs from before and then holds still; it returns the figure's
// hash, or records a failure.
func (r *run) move(i int, first, what, before string, action func() error) (string, bool) {
	r.logf("slider of cell %d: %s", i+1, what)
	if err := action(); err != nil {
		r.failf("cell %d (%q): %s: %v", i+1, first, what, err)
		return "", false
	}
	deadline := time.Now().Add(redrawLimit)
	last, since := before, time.Now()
	for time.Now().Before(deadline) {
		time.Sleep(250 * time.Millisecond)
		var img string
		if err := r.eval(&img, "image", i); err != nil || img == "" {
			continue
		}
		if img != last {
			last, since = img, time.Now()
			continue
		}
		if last != before && time.Since(since) >= settle {
			return last, true
		}
	}
	if last == before {
		r.failf("cell %d (%q): the slider did not redraw: after %s the figure is unchanged for %v",
			i+1, first, what, redrawLimit)
		return "", false
	}
	return last, true
}

// element returns the element that page.js's fn(i) returns.
func (r *run) element(fn string, i int) (*rod.Element, error) {
	el, err := r.page.Context(r.ctx).Timeout(10 * time.Second).ElementByJS(
		rod.Eval(fmt.Sprintf("(i) => window.__gdkit.%s(i)", fn), i))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", fn, err)
	}
	return el, nil
}

// checkSliderEnd checks, once all cells have run, that the slider of cell i
// was driven, that «Listo» removed it, and that the last figure drawn
// still shows.
func (r *run) checkSliderEnd(i int, first string) {
	want, driven := r.slider[i]
	switch {
	case !driven:
		r.failf("cell %d (%q): the slider never showed up while the cell ran", i+1, first)
		return
	case want == "":
		return // driveSlider reported why
	}
	var sl sliderState
	if err := r.eval(&sl, "slider", i); err != nil || sl.Present {
		r.failf("cell %d (%q): the slider is still there after «Listo»", i+1, first)
	}
	var img string
	if err := r.eval(&img, "image", i); err != nil || img != want {
		r.failf("cell %d (%q): after «Listo» the cell does not show the last figure drawn (%s, want %s)", i+1, first, img, want)
	}
}
