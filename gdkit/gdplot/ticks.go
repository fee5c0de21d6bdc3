package gdplot

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
)

// RoundTicks is the theme's tick marker, like matplotlib's MaxNLocator:
// the labelled ticks are the multiples k·s of a round step
// s = m·10ⁿ, m ∈ {1, 2, 2.5, 5}, that fall in [min, max], so 0 is labelled
// whenever it is inside the range. Of the steps giving 4 to 7 labels it
// takes the one whose count is nearest 5 (m = 2.5 counts as one label
// further, so 1, 2 or 5 win ties), and if no step does, the count nearest that band. Unlabelled
// minor ticks divide each step in 4 (m = 2) or 5 parts.
//
// Labels have the same number of decimals, as many as the step needs
// (0, 2.5, 5 → "0.0", "2.5", "5.0"), and a true minus sign "−"; values
// from 10⁶ or below 10⁻⁴ use e-notation. With Integer, only whole steps
// (1, 2, 5, 10, 20, 25, 50, ...) are used, for iterations and epochs.
type RoundTicks struct {
	// Integer allows only whole steps (iterations, epochs).
	Integer bool
}

// Ticks implements plot.Ticker.
func (rt RoundTicks) Ticks(min, max float64) []plot.Tick {
	step, m, ok := roundStep(min, max, rt.Integer)
	if !ok {
		return endTicks(min, max)
	}
	dec := stepDecimals(step, m)
	var ts []plot.Tick
	divs := 5.0
	if m == 2 {
		divs = 4
	}
	minor := step / divs
	if rt.Integer && minor != math.Trunc(minor) {
		minor = 1
		if step == 1 {
			minor = 0
		}
	}
	k0, k1 := math.Ceil(min/step-1e-9), math.Floor(max/step+1e-9)
	for k := k0; k <= k1; k++ {
		v := cleanFloat(k * step)
		ts = append(ts, plot.Tick{Value: v, Label: tickLabel(v, dec)})
	}
	if minor > 0 {
		j0, j1 := math.Ceil(min/minor-1e-9), math.Floor(max/minor+1e-9)
		per := math.Round(step / minor)
		for j := j0; j <= j1 && j1-j0 < 400; j++ {
			if math.Mod(j, per) == 0 {
				continue
			}
			ts = append(ts, plot.Tick{Value: cleanFloat(j * minor)})
		}
	}
	return ts
}

// tickMantissas are the round steps m of m·10ⁿ.
var tickMantissas = []float64{1, 2, 2.5, 5}

// roundStep returns the step s = m·10ⁿ chosen by RoundTicks for [lo, hi],
// its mantissa m, and false when the range is empty, not finite, or too
// narrow for its magnitude (below 10⁻¹² relative).
func roundStep(lo, hi float64, integer bool) (step, mant float64, ok bool) {
	return roundStepN(lo, hi, integer, 7)
}

// roundStepN is roundStep for at most nmax labels (2 ≤ nmax ≤ 7): the
// counts from min(4, nmax) to nmax are preferred, nearest min(5, nmax).
func roundStepN(lo, hi float64, integer bool, nmax int) (step, mant float64, ok bool) {
	nmax = min(max(nmax, 2), 7)
	nlo, target := float64(min(4, nmax)), float64(min(5, nmax))
	span := hi - lo
	if !(span > 0) || math.IsInf(span, 0) || math.IsNaN(span) || span < 1e-12*math.Max(math.Abs(lo), math.Abs(hi)) {
		return 0, 0, false
	}
	best, bestScore := 0.0, math.Inf(1)
	e0 := math.Floor(math.Log10(span)) - 2
	for e := e0; e <= e0+3; e++ {
		for _, m := range tickMantissas {
			s := m * math.Pow(10, e)
			if integer && (s < 1 || s != math.Trunc(s)) {
				continue
			}
			n := math.Floor(hi/s+1e-9) - math.Ceil(lo/s-1e-9) + 1
			score := math.Abs(n - target)
			switch {
			case n < nlo:
				score = 10 + nlo - n
			case n > float64(nmax):
				score = 20 + n - float64(nmax)
			}
			if m == 2.5 {
				score++
			}
			if score < bestScore {
				best, mant, bestScore = s, m, score
			}
		}
	}
	return best, mant, best > 0
}

// stepDecimals is the number of decimals that writes every multiple of the
// step m·10ⁿ exactly: −n, one more for m = 2.5.
func stepDecimals(step, m float64) int {
	d := -int(math.Floor(math.Log10(step) + 1e-9))
	if m == 2.5 {
		d++
	}
	return max(d, 0)
}

// tickLabel writes v with dec decimals and a true minus sign, in
// e-notation from 10⁶ or below 10⁻⁴.
func tickLabel(v float64, dec int) string {
	if v == 0 {
		return strconv.FormatFloat(0, 'f', dec, 64)
	}
	if a := math.Abs(v); a >= 1e6 || a < 1e-4 {
		return minusSign(strconv.FormatFloat(v, 'g', 6, 64))
	}
	return minusSign(strconv.FormatFloat(v, 'f', dec, 64))
}

// minusSign replaces a leading hyphen by the minus sign "−" (U+2212).
func minusSign(s string) string {
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		return "−" + rest
	}
	return s
}

// cleanFloat rounds v to 12 significant digits, dropping the noise of
// k·step (0.30000000000000004) and the sign of −0.
func cleanFloat(v float64) float64 {
	if v == 0 {
		return 0
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// endTicks labels the two ends of a range too narrow (or not finite) for
// round steps.
func endTicks(lo, hi float64) []plot.Tick {
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return nil
	}
	if lo == hi {
		return []plot.Tick{{Value: lo, Label: minusSign(strconv.FormatFloat(lo, 'g', 6, 64))}}
	}
	return []plot.Tick{
		{Value: lo, Label: minusSign(strconv.FormatFloat(lo, 'g', 8, 64))},
		{Value: hi, Label: minusSign(strconv.FormatFloat(hi, 'g', 8, 64))},
	}
}

// formatTick writes v with the fewest digits that represent it once
// rounded to 12 significant digits (which removes float noise such as
// 0.30000000000000004), in e-notation outside 10⁻⁴ ≤ |v| < 10⁶.
func formatTick(v float64) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		if v == 0 {
			return "0"
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	r := cleanFloat(v)
	if a := math.Abs(r); a >= 1e6 || a < 1e-4 {
		return minusSign(strconv.FormatFloat(r, 'g', -1, 64))
	}
	return minusSign(strconv.FormatFloat(r, 'f', -1, 64))
}

// exponentTicks marks an axis holding log10 values with the integers k,
// labelled 10^k (set the tick label handler to MathText): the labelled k
// are the multiples of a whole round step (1, 2, 5, 10, 20, 25, 50, ...)
// chosen as RoundTicks does, so an axis from 10⁰ to 10³⁰⁸ (a diverging run)
// stays readable; every other integer k is an unlabelled minor tick (every
// step/5 over more than 40 decades). An axis spanning fewer than 2
// decades gets matplotlib's minor ticks at m × 10^k, m = 2…9, and labels
// at 2 and 5 × 10^k as well, so that it has at least 3 (every m when 2
// and 5 still give fewer).
type exponentTicks struct{}

// Ticks implements plot.Ticker.
func (exponentTicks) Ticks(vmin, vmax float64) []plot.Tick {
	if !(vmax >= vmin) || math.IsInf(vmin, 0) || math.IsInf(vmax, 0) {
		return nil
	}
	if vmax-vmin < 2 {
		if ts := minorExponentTicks(vmin, vmax, []int{2, 5}); labelled(ts) >= 3 {
			return ts
		}
		return minorExponentTicks(vmin, vmax, []int{2, 3, 4, 5, 6, 7, 8, 9})
	}
	lo, hi := int(math.Ceil(vmin-1e-9)), int(math.Floor(vmax+1e-9))
	step := 1
	if s, _, ok := roundStep(vmin, vmax, true); ok {
		step = int(s)
	}
	minor := 1
	if hi-lo > 40 {
		minor = max(step/5, 1)
	}
	var ts []plot.Tick
	for k := lo; k <= hi; k++ {
		if k%minor != 0 {
			continue
		}
		t := plot.Tick{Value: float64(k)}
		if k%step == 0 {
			t.Label = superscript(k)
		}
		ts = append(ts, t)
	}
	return ts
}

// minorExponentTicks marks log10(m × 10^k) in [vmin, vmax] for m = 1…9,
// labelled when m = 1 ($10^{k}$) or m is in label ($m \times 10^{k}$).
func minorExponentTicks(vmin, vmax float64, label []int) []plot.Tick {
	var ts []plot.Tick
	for k := int(math.Floor(vmin)); k <= int(math.Ceil(vmax)); k++ {
		for m := 1; m <= 9; m++ {
			v := float64(k) + math.Log10(float64(m))
			if v < vmin-1e-9 || v > vmax+1e-9 {
				continue
			}
			t := plot.Tick{Value: v}
			switch {
			case m == 1:
				t.Label = superscript(k)
			case slices.Contains(label, m):
				t.Label = fmt.Sprintf("$%d \\times 10^{%d}$", m, k)
			}
			ts = append(ts, t)
		}
	}
	return ts
}

// labelled counts the labelled ticks of ts.
func labelled(ts []plot.Tick) int {
	n := 0
	for _, t := range ts {
		if t.Label != "" {
			n++
		}
	}
	return n
}

// superscript returns "$10^{k}$" (typeset by MathText).
func superscript(k int) string {
	return fmt.Sprintf("$10^{%d}$", k)
}

// fmtNum formats a number compactly for labels (4 significant digits, a
// minus sign "−"; −0 prints as 0).
func fmtNum(x float64) string {
	if x == 0 {
		x = 0 // drop the sign of −0
	}
	return minusSign(fmt.Sprintf("%.4g", x))
}

// fmtPow10 writes an exact power of ten as $10^{k}$, other numbers as fmtNum.
func fmtPow10(x float64) string {
	if x > 0 {
		k := math.Round(math.Log10(x))
		if math.Abs(x/math.Pow(10, k)-1) < 1e-9 {
			return fmt.Sprintf("$10^{%d}$", int(k))
		}
	}
	return fmtNum(x)
}

// roundMultiples reports whether the sorted values vs are consecutive
// multiples k·s of one round step s = m·10ⁿ, m ∈ {1, 2, 2.5, 5} (what
// RoundTicks and exponentTicks label), within a relative 10⁻⁶. Fewer than
// two values always pass. The error says which value breaks the rule.
func roundMultiples(vs []float64) error {
	if len(vs) < 2 {
		return nil
	}
	s := vs[1] - vs[0]
	if !(s > 0) || math.IsInf(s, 0) {
		return fmt.Errorf("labelled ticks %v and %v are not increasing", vs[0], vs[1])
	}
	e := math.Floor(math.Log10(s) + 1e-9)
	m := s / math.Pow(10, e)
	round := false
	for _, mm := range append(tickMantissas, 10) {
		if math.Abs(m-mm) < 1e-6*mm {
			round = true
		}
	}
	if !round {
		return fmt.Errorf("step %g between labelled ticks is not 1, 2, 2.5 or 5 × 10ⁿ", s)
	}
	for i, v := range vs {
		k := v / s
		if math.Abs(k-math.Round(k)) > 1e-6*math.Max(1, math.Abs(k)) {
			return fmt.Errorf("labelled tick %g is not a multiple of the step %g", v, s)
		}
		if i > 0 && math.Abs(v-vs[i-1]-s) > 1e-6*s {
			return fmt.Errorf("labelled ticks %g, %g are not one step %g apart", vs[i-1], v, s)
		}
	}
	return nil
}
