package gdplot

import (
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func TestWrapTitle(t *testing.T) {
	long := "$\\alpha$ = 1.05: se alcanzó el máximo de iteraciones tras 20 iteraciones"
	for _, c := range []struct {
		name, title string
		width       vg.Length
		wrapped     bool
	}{
		{"fits", "Curvas de nivel", 6 * vg.Inch, false},
		{"too wide", long, 3 * vg.Inch, true},
		{"already two lines", "a\nb", vg.Points(5), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := New(c.title, "x", "y")
			restore := wrapTitle(p, c.width)
			got := p.Title.Text
			if c.wrapped {
				lines := strings.Split(got, "\n")
				if len(lines) < 2 {
					t.Fatalf("title not wrapped: %q", got)
				}
				for _, l := range lines {
					if w := titleWidth(p.Title.TextStyle, l); w > c.width {
						t.Errorf("line %q is %.0f pt wide, over %.0f", l, w, c.width)
					}
				}
				if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(c.title), " ") {
					t.Errorf("wrapping changed the words: %q", got)
				}
				if !strings.HasPrefix(lines[0], "$\\alpha$") {
					t.Errorf("math split: %q", lines[0])
				}
			} else if got != c.title {
				t.Errorf("title changed to %q", got)
			}
			restore()
			if p.Title.Text != c.title {
				t.Errorf("restore gave %q", p.Title.Text)
			}
		})
	}
}

func TestSplitOutsideMath(t *testing.T) {
	got := splitOutsideMath("$E = w_1^2 + w_2^2$ con $\\alpha$ = 0.1")
	want := []string{"$E = w_1^2 + w_2^2$", "con", "$\\alpha$", "=", "0.1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestRowTitlesShareBaseline draws a row of an EqualAspect contour map
// (flattened in its tile) beside an error curve on a log axis, and checks
// that the two titles sit on one baseline (they did not: the map's canvas
// was flattened about its centre, which lowered its title).
func TestRowTitlesShareBaseline(t *testing.T) {
	left, err := Contour(logGrid(), nil, false)
	if err != nil {
		t.Fatal(err)
	}
	left.Title.Text = "Mapa"
	EqualAspect(left)
	right, err := LossCurve(true, Series{Label: "descenso", Y: []float64{10, 1, 0.1, 1e-3, 1e-5}})
	if err != nil {
		t.Fatal(err)
	}
	right.Title.Text = "Error"
	fig := Panels(left, right).WithSize(8*vg.Inch, 3*vg.Inch)
	rc := newRecCanvas()
	tops := map[string]vg.Length{}
	rc.onText = func(b vg.Rectangle, s string) {
		if s == "Mapa" || s == "Error" {
			tops[s] = b.Min.Y
		}
	}
	w, h, _ := fig.size()
	if err := fig.Draw(draw.NewCanvas(rc, w, h)); err != nil {
		t.Fatal(err)
	}
	if len(tops) != 2 {
		t.Fatalf("titles drawn: %v", tops)
	}
	if d := tops["Mapa"] - tops["Error"]; d > 0.5 || d < -0.5 {
		t.Errorf("title baselines differ by %.1f pt (Mapa %.1f, Error %.1f)", d.Points(), tops["Mapa"].Points(), tops["Error"].Points())
	}
}
