package gdplot

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// LintProblem is a rule of slide figures that a figure breaks (see Lint).
// (Not gdkit.Problem, the function that Descend minimises.)
type LintProblem struct {
	// Check names the rule: "overlap", "off-canvas", "ticks" or
	// "non-finite".
	Check string
	// Detail says where, in words.
	Detail string
}

func (p LintProblem) String() string { return p.Check + ": " + p.Detail }

// Lint draws f on a recording canvas, as Encode would, and checks the rules
// every figure of the course keeps:
//
//   - overlap: no two pieces of text overlap (each label is measured as one
//     box: its runs' advance widths by the font's ascent and descent);
//   - off-canvas: no text reaches outside the figure;
//   - ticks: on every axis, the labelled tick values are consecutive
//     multiples of one step of 1, 2, 2.5 or 5 × 10ⁿ (RoundTicks), the 3D
//     box of a Surface included; on a log axis, the labels are m × 10ᵏ
//     (m = 1…9) and the powers of ten among them follow that rule;
//   - non-finite: the SVG output holds no NaN or infinite number.
//
// It returns the problems found (none for a clean figure), or an error
// when the figure cannot be drawn at all.
func Lint(f *Figure) ([]LintProblem, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	w, h, _ := f.size()
	rc := newRecCanvas()
	var texts []lintText
	depth := 0
	var ticks []lintTicks
	rc.onComment = func(s string) {
		switch {
		case s == textBegin:
			if depth == 0 {
				texts = append(texts, lintText{})
			}
			depth++
		case s == textEnd:
			depth = max(depth-1, 0)
		case strings.HasPrefix(s, ticksComment):
			if t, ok := parseTicks(s); ok {
				ticks = append(ticks, t)
			}
		}
	}
	rc.onText = func(b vg.Rectangle, s string) {
		if depth > 0 && len(texts) > 0 {
			t := &texts[len(texts)-1]
			if t.runs == 0 {
				t.box = b
			} else {
				t.box = unionBox(t.box, b)
			}
			t.text += s
			t.runs++
			return
		}
		texts = append(texts, lintText{box: b, text: s, runs: 1})
	}
	if err := f.Draw(draw.NewCanvas(rc, w, h)); err != nil {
		return nil, err
	}
	var probs []LintProblem
	texts = dropEmpty(texts)
	page := vg.Rectangle{Max: vg.Point{X: w, Y: h}}
	for i, a := range texts {
		if !inside(a.box, page) {
			probs = append(probs, LintProblem{"off-canvas", fmt.Sprintf("%q reaches outside the %.0f×%.0f pt figure (box %s)", a.text, w.Points(), h.Points(), boxString(a.box))})
		}
		for _, b := range texts[i+1:] {
			if textsOverlap(a.box, b.box) {
				probs = append(probs, LintProblem{"overlap", fmt.Sprintf("%q (%s) overlaps %q (%s)", a.text, boxString(a.box), b.text, boxString(b.box))})
			}
		}
	}
	for _, t := range ticks {
		check := roundMultiples
		if strings.HasSuffix(t.axis, logAxis) {
			check = logMultiples
		}
		if err := check(t.values); err != nil {
			probs = append(probs, LintProblem{"ticks", fmt.Sprintf("%s: %v", t.axis, err)})
		}
	}
	svg, err := f.encode(SVG, false)
	if err != nil {
		return nil, err
	}
	if err := checkSVGNumbers(svg); err != nil {
		probs = append(probs, LintProblem{"non-finite", strings.TrimPrefix(err.Error(), "gdplot: internal error: ")})
	}
	return probs, nil
}

// lintText is one label: the union of its runs' boxes.
type lintText struct {
	box  vg.Rectangle
	text string
	runs int
}

// dropEmpty removes labels without visible text.
func dropEmpty(ts []lintText) []lintText {
	out := ts[:0]
	for _, t := range ts {
		if t.runs > 0 && strings.TrimSpace(t.text) != "" {
			out = append(out, t)
		}
	}
	return out
}

// textsOverlap reports whether two text boxes share more than 1 pt in
// both directions (the ascent of one line may touch the descent of the
// line above).
func textsOverlap(a, b vg.Rectangle) bool {
	const eps = 1
	return a.Min.X < b.Max.X-eps && b.Min.X < a.Max.X-eps && a.Min.Y < b.Max.Y-eps && b.Min.Y < a.Max.Y-eps
}

func boxString(b vg.Rectangle) string {
	return fmt.Sprintf("x %.1f–%.1f, y %.1f–%.1f pt", b.Min.X.Points(), b.Max.X.Points(), b.Min.Y.Points(), b.Max.Y.Points())
}

// ticksComment starts the comment that records an axis' labelled ticks.
const ticksComment = "gdplot:ticks\t"

// lintTicks is the labelled tick values of one axis.
type lintTicks struct {
	axis   string
	values []float64
}

// commentTicks records on c, if it takes comments, the labelled tick
// values that tm gives on [lo, hi].
func commentTicks(c vg.Canvas, axis string, tm plot.Ticker, lo, hi float64) {
	if tm == nil {
		return
	}
	if _, ok := asCommenter(c); !ok {
		return
	}
	_, isLog := tm.(exponentTicks)
	var vs []float64
	for _, t := range tm.Ticks(lo, hi) {
		if t.Label != "" {
			v := t.Value
			if isLog {
				v = math.Pow(10, v)
			}
			vs = append(vs, v)
		}
	}
	if isLog {
		axis += logAxis
	}
	commentValues(c, axis, vs)
}

// logAxis ends the name of a log axis in a ticks comment (its values are
// the labelled numbers, not their logarithms).
const logAxis = " [log]"

// logMultiples reports whether the labelled values vs of a log axis are
// m × 10^k with m a whole 1…9 (exponentTicks' minor labels), the powers of
// ten among them at exponents that are consecutive multiples of a round
// step (see roundMultiples).
func logMultiples(vs []float64) error {
	var ks []float64
	for _, v := range vs {
		if !(v > 0) {
			return fmt.Errorf("labelled tick %g on a log axis", v)
		}
		k := math.Floor(math.Log10(v) + 1e-9)
		m := v / math.Pow(10, k)
		if math.Abs(m-math.Round(m)) > 1e-6*m || math.Round(m) > 9 {
			return fmt.Errorf("labelled tick %g is not m × 10^k with m a whole 1…9", v)
		}
		if math.Round(m) == 1 {
			ks = append(ks, k)
		}
	}
	if err := roundMultiples(ks); err != nil {
		return fmt.Errorf("exponents of the powers of ten: %w", err)
	}
	return nil
}

// commentValues records the tick values vs of axis on c, if it takes
// comments.
func commentValues(c vg.Canvas, axis string, vs []float64) {
	cm, ok := asCommenter(c)
	if !ok || len(vs) == 0 {
		return
	}
	var b bytes.Buffer
	b.WriteString(ticksComment)
	b.WriteString(strings.ReplaceAll(strings.ReplaceAll(axis, "\t", " "), "\n", " "))
	for _, v := range vs {
		b.WriteByte('\t')
		b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	}
	cm.Comment(b.String())
}

// parseTicks reads a comment written by commentValues.
func parseTicks(s string) (lintTicks, bool) {
	f := strings.Split(strings.TrimPrefix(s, ticksComment), "\t")
	if len(f) < 1 {
		return lintTicks{}, false
	}
	t := lintTicks{axis: f[0]}
	for _, x := range f[1:] {
		v, err := strconv.ParseFloat(x, 64)
		if err != nil || math.IsNaN(v) {
			return lintTicks{}, false
		}
		t.values = append(t.values, v)
	}
	sort.Float64s(t.values)
	return t, true
}
