package gdplot

import (
	"image/color"
	"math"
	"strconv"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// drawn is what a figure drew: the boxes of its text runs and of its
// small coloured (not white) fills, the markers and arrowheads.
type drawn struct {
	texts []vg.Rectangle
	strs  []string
	marks []vg.Rectangle
}

// record draws f on a recCanvas and measures it.
func record(t *testing.T, f *Figure) drawn {
	t.Helper()
	w, h, _ := f.size()
	rc := newRecCanvas()
	if err := f.Draw(draw.NewCanvas(rc, w, h)); err != nil {
		t.Fatal(err)
	}
	var d drawn
	var col color.Color = color.Black
	m := identity
	var stack []affine
	for _, o := range rc.ops {
		switch o.kind {
		case opColor:
			col = o.color
		case opPush:
			stack = append(stack, m)
		case opPop:
			m, stack = stack[len(stack)-1], stack[:len(stack)-1]
		case opRotate:
			s, c := math.Sincos(o.x)
			m = m.mul(affine{a: c, b: -s, d: s, e: c})
		case opTranslate:
			m = m.mul(affine{a: 1, c: float64(o.pt.X), e: 1, f: float64(o.pt.Y)})
		case opScale:
			m = m.mul(affine{a: o.x, e: o.y})
		case opText:
			d.texts = append(d.texts, textRunBox(o.face, o.pt, o.str, m))
			d.strs = append(d.strs, o.str)
		case opFill:
			r, g, b, _ := col.RGBA()
			if r == 0xffff && g == 0xffff && b == 0xffff {
				continue
			}
			if bx, ok := pathBox(o.path, m); ok && bx.Size().X <= 12 && bx.Size().Y <= 12 {
				d.marks = append(d.marks, bx)
			}
		}
	}
	return d
}

// TestLabelsAvoidMarkers: the numbers of descent steps, verdicts, slopes
// and start numbers never cover a marker or an arrowhead.
func TestLabelsAvoidMarkers(t *testing.T) {
	converge := descent1(dsq, 2.5, 0.2, 15)
	oscillate := descent1(dsq, 2.5, 0.95, 15)
	cases := map[string]func() (*Figure, error){
		"descent converging": func() (*Figure, error) {
			p, err := Descent1D(sq, -3, 3, converge, nil)
			return Single(p), err
		},
		"alpha panels": func() (*Figure, error) {
			return AlphaPanels(sq, -3, 3, []Run1D{{"a", converge, nil}, {"b", oscillate, nil}})
		},
		"sequence": func() (*Figure, error) { return DescentSequence(sq, -3, 3, converge, nil, 6) },
		"trend": func() (*Figure, error) {
			p, err := DerivativeSign(func(x float64) float64 { return x*x*x - 3*x },
				func(x float64) float64 { return 3*x*x - 3 }, -2.5, 2.5, []float64{-2, -1, 0, 1, 2})
			return Single(p), err
		},
		"tangent": func() (*Figure, error) {
			p, err := Tangent(math.Sin, -3, 3, 1, math.Cos(1))
			return Single(p), err
		},
	}
	for name, build := range cases {
		f, err := build()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		d := record(t, f)
		if len(d.marks) == 0 {
			t.Fatalf("%s: no marker drawn", name)
		}
		for i, tb := range d.texts {
			for _, mb := range d.marks {
				if overlaps(tb, mb) {
					t.Errorf("%s: text %q at %s covers a marker at %s", name, d.strs[i], boxString(tb), boxString(mb))
				}
			}
		}
		if probs, err := Lint(f); err != nil || len(probs) > 0 {
			t.Errorf("%s: lint %v %v", name, probs, err)
		}
	}
}

// TestStepLabelRule: on a path whose steps pile up, the first and last
// steps are numbered, then the others in order until one has no room, and
// a note names the steps left without a number.
func TestStepLabelRule(t *testing.T) {
	ws := descent1(dsq, 2.5, 0.2, 12)
	p, err := Descent1D(sq, -3, 3, ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	fig := Single(p)
	d := record(t, fig)
	w, h, _ := fig.size()
	c := draw.NewCanvas(newRecCanvas(), w, h)
	c.Min.X, c.Min.Y, c.Max.X, c.Max.Y = c.Min.X+4, c.Min.Y+4, c.Max.X-12, c.Max.Y-6 // Figure.Draw's margins
	data := p.DataCanvas(c).Rectangle
	has := map[string]bool{}
	note := ""
	for i, s := range d.strs {
		b := d.texts[i]
		if !contains(data, vg.Point{X: (b.Min.X + b.Max.X) / 2, Y: (b.Min.Y + b.Max.Y) / 2}) {
			continue // tick labels
		}
		has[s] = true
		if len(s) > 10 && s[:5] == "pasos" {
			note = s
		}
	}
	for _, s := range []string{"0", "1", "2", "12"} {
		if !has[s] {
			t.Errorf("step %s not numbered (texts %q)", s, d.strs)
		}
	}
	if note == "" {
		t.Fatalf("no note about the steps without a number (texts %q)", d.strs)
	}
	// The numbered steps are 0…k−1 and 12; the note names k…11.
	k := 1
	for has[itoa(k)] {
		k++
	}
	if want := "pasos " + itoa(k) + "–11 sin número (muy juntos)"; note != want {
		t.Errorf("note %q, want %q", note, want)
	}
	for j := k; j < 12; j++ {
		if has[itoa(j)] {
			t.Errorf("step %d numbered after the rule stopped at %d", j, k)
		}
	}
}

func itoa(k int) string { return strconv.Itoa(k) }

// TestLegendAvoidsData: the legend goes to the corner the curves leave
// free, and outside the data area when none is.
func TestLegendAvoidsData(t *testing.T) {
	// A curve in the upper half only: the legend goes low.
	up, err := Curves(0, 1, Curve{"arriba", func(x float64) float64 { return 1 + 0.1*math.Sin(9*x) }})
	if err != nil {
		t.Fatal(err)
	}
	up.Y.Min, up.Y.Max = -1, 1.2
	up.Legend.Top = true // a poor first choice: the layout must move it
	c := legendCentre(t, up, "arriba")
	if c.Y > 200 {
		t.Errorf("legend at y = %.0f pt, want in the lower half", c.Y)
	}
	// Lines everywhere: the legend goes outside, right of the data area.
	p := New("lleno", "x", "y")
	for k := 0; k < 40; k++ {
		xys := plotter.XYs{{X: 0, Y: float64(k)}, {X: 10, Y: float64(k) + 0.5}}
		l, _ := plotter.NewLine(xys)
		p.Add(l)
		if k == 0 {
			p.Legend.Add("rectas", l)
		}
	}
	fig := Single(p)
	w, h, _ := fig.size()
	data := p.DataCanvas(draw.NewCanvas(newRecCanvas(), w, h))
	c = legendCentre(t, p, "rectas")
	if c.X < data.Max.X-vg.Points(100) {
		t.Errorf("legend at x = %.0f pt, want right of the data area (which ended at %.0f pt before shrinking)", c.X, data.Max.X)
	}
	if probs, err := Lint(fig); err != nil || len(probs) > 0 {
		t.Errorf("lint: %v %v", probs, err)
	}
}

// legendCentre draws p and returns the centre of the text s.
func legendCentre(t *testing.T, p *plot.Plot, s string) vg.Point {
	t.Helper()
	d := record(t, Single(p))
	for i, str := range d.strs {
		if str == s {
			b := d.texts[i]
			return vg.Point{X: (b.Min.X + b.Max.X) / 2, Y: (b.Min.Y + b.Max.Y) / 2}
		}
	}
	t.Fatalf("legend text %q not drawn (texts %q)", s, d.strs)
	return vg.Point{}
}

// TestNearestIsOwn: a step label may not sit nearer to another step than
// to its own, and a leader line may not cross another marker.
func TestNearestIsOwn(t *testing.T) {
	at, other := vg.Point{X: 0, Y: 0}, vg.Point{X: 20, Y: 0}
	near := vg.Rectangle{Min: vg.Point{X: -12, Y: 4}, Max: vg.Point{X: -4, Y: 14}}  // up-left of at
	between := vg.Rectangle{Min: vg.Point{X: 8, Y: 2}, Max: vg.Point{X: 16, Y: 12}} // nearer to other
	if !nearestIsOwn(near, at, []vg.Point{at, other}) {
		t.Error("a label beside its own point rejected")
	}
	if nearestIsOwn(between, at, []vg.Point{at, other}) {
		t.Error("a label nearer to the next point accepted")
	}
	l := newLayout(vg.Rectangle{Max: vg.Point{X: 100, Y: 100}}, vg.Rectangle{Max: vg.Point{X: 100, Y: 100}})
	l.marks = []vg.Rectangle{{Min: vg.Point{X: 18, Y: -2}, Max: vg.Point{X: 22, Y: 2}}} // the other marker
	far := vg.Rectangle{Min: vg.Point{X: 40, Y: -5}, Max: vg.Point{X: 50, Y: 5}}
	if !l.leaderHits(at, vg.Point{X: 1}, 3, far) {
		t.Error("a leader line through another marker accepted")
	}
	if l.leaderHits(at, vg.Point{X: 0, Y: 1}, 3, vg.Rectangle{Min: vg.Point{X: -5, Y: 30}, Max: vg.Point{X: 5, Y: 40}}) {
		t.Error("a free leader line rejected")
	}
}
