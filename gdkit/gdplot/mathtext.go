package gdplot

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// MathText is a text.Handler for labels with TeX math between dollars, e.g.
// "Paso $\alpha = 0.1$" or "$\partial E/\partial w_1$".
//
// gonum/plot's text.Latex (go-latex v0.2.0) panics on subscripts,
// superscripts, "/" in math and on non-ASCII punctuation such as "¿" or
// "—", all common in the course's Spanish labels. MathText instead
// typesets a practical subset itself: letters in italic, Greek letters and
// symbols (\alpha, \partial, \nabla, \cdot, \leftarrow, ...) as Unicode,
// subscripts and superscripts (x_1, w_{12}, x^2) smaller and shifted,
// \frac{a}{b} as a/b, \mathrm{..}/\text{..} upright, \mathbf{..} bold
// italic (a vector). Text outside dollars
// is plain Unicode, with the hyphen before a number ("w = -2") set as a
// minus sign. It never panics: unknown commands print their name.
type MathText struct {
	// Fonts is the font cache; nil means font.DefaultCache.
	Fonts *font.Cache
}

var _ text.Handler = MathText{}

func (h MathText) cache() *font.Cache {
	if h.Fonts == nil {
		return font.DefaultCache
	}
	return h.Fonts
}

// Cache returns the font cache.
func (h MathText) Cache() *font.Cache { return h.cache() }

// Extents returns the extents of fnt.
func (h MathText) Extents(fnt font.Font) font.Extents {
	f := h.cache().Lookup(fnt, fnt.Size)
	return f.Extents()
}

// Lines splits txt into lines.
func (h MathText) Lines(txt string) []string {
	txt = strings.TrimRight(txt, "\n")
	return strings.Split(txt, "\n")
}

// run is one piece of typeset text.
type run struct {
	s      string
	italic bool
	bold   bool    // \mathbf, \boldsymbol: vectors, bold italic
	scale  float64 // font scale relative to the base size
	shift  float64 // baseline shift in units of the base size
	// back > 0 marks the first run of a script stacked over the previous
	// script (w_1^2): it starts back runs earlier; glen is its run count.
	back, glen int
}

// positions returns the x offset of each run and the total advance.
func positions(runs []run, w func(i int) vg.Length) ([]vg.Length, vg.Length) {
	xs := make([]vg.Length, len(runs))
	var x vg.Length
	for i := 0; i < len(runs); {
		r := runs[i]
		if r.back > 0 && r.glen > 0 {
			start := x
			for k := 1; k <= r.back && i-k >= 0; k++ {
				start -= w(i - k)
			}
			xx := start
			for k := 0; k < r.glen && i+k < len(runs); k++ {
				xs[i+k] = xx
				xx += w(i + k)
			}
			x = max(x, xx)
			i += max(r.glen, 1)
			continue
		}
		xs[i] = x
		x += w(i)
		i++
	}
	return xs, x
}

// layout typesets one line into runs.
func layoutMath(line string) []run {
	var out []run
	parts := strings.Split(line, "$")
	for i, p := range parts {
		if p == "" {
			continue
		}
		if i%2 == 0 || i == len(parts)-1 && len(parts)%2 == 0 {
			// Outside math (an unmatched final "$" is kept literally).
			if i%2 == 1 {
				p = "$" + p
			}
			out = append(out, run{s: textMinus(p), scale: 1})
			continue
		}
		out = append(out, parseMath(p, 1, 0)...)
	}
	return out
}

// textMinus writes a hyphen that is the sign of a number as a minus sign:
// "w0 = -2" becomes "w0 = −2", as in math, while "mini-lotes" and
// "x-1" keep theirs.
func textMinus(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	rs := []rune(s)
	for i, r := range rs {
		if r != '-' || i+1 >= len(rs) || !unicode.IsDigit(rs[i+1]) && rs[i+1] != '.' {
			continue
		}
		if i == 0 || strings.ContainsRune(" ([=,:", rs[i-1]) {
			rs[i] = '−'
		}
	}
	return string(rs)
}

var mathSymbols = map[string]string{
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
	"pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ",
	"psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ",
	"Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
	"partial": "∂", "nabla": nablaMark, "cdot": "·", "times": "×", "leftarrow": "←",
	"gets": "←", "rightarrow": "→", "to": "→", "approx": "≈", "le": "≤", "leq": "≤",
	"ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "infty": "∞", "sum": "Σ", "pm": "±",
	"in": "є", "ldots": "…", "cdots": "···", "dots": "…", "langle": "‹", "rangle": "›", "prime": "′", "star": "*", "ast": "*",
	"min": "min", "max": "max", "log": "log", "exp": "exp", "sin": "sin", "cos": "cos",
	"|": "‖", "{": "{", "}": "}", "%": "%", "$": "$", "_": "_", "&": "&", "#": "#",
	",": "\u2009", ";": " ", ":": " ", "quad": "  ", "qquad": "    ", " ": " ", "!": "",
}

// nablaMark stands for ∇, which Liberation Serif lacks: Draw renders it as
// an upside-down Δ.
const nablaMark = "\x00nabla"

// upright commands whose argument is typeset upright.
var uprightCmds = map[string]bool{"mathrm": true, "text": true, "textrm": true, "operatorname": true}

// boldCmds are the commands whose argument is typeset bold: letters bold
// italic, as vectors are printed (ISO 80000-2), so that the slides' $\mathbf{w}$
// is a slanted bold w like every other symbol, never an upright one.
var boldCmds = map[string]bool{"mathbf": true, "boldsymbol": true, "bm": true}

// parseMath typesets math source s at the given scale and baseline shift.
func parseMath(s string, scale, shift float64) []run {
	var out []run
	var lastKind rune // kind of the script just emitted ('_' or '^'), 0 if none
	var lastN, lastEnd int
	emit := func(str string, italic bool) {
		if str == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].italic == italic && !out[n-1].bold && out[n-1].scale == scale && out[n-1].shift == shift {
			out[n-1].s += str
			return
		}
		out = append(out, run{s: str, italic: italic, scale: scale, shift: shift})
	}
	rs := []rune(s)
	// group reads a {...} group or a single token starting at i.
	group := func(i int) (string, int) {
		for i < len(rs) && rs[i] == ' ' {
			i++
		}
		if i >= len(rs) {
			return "", i
		}
		if rs[i] == '{' {
			depth := 0
			for j := i; j < len(rs); j++ {
				switch rs[j] {
				case '{':
					depth++
				case '}':
					depth--
					if depth == 0 {
						return string(rs[i+1 : j]), j + 1
					}
				}
			}
			return string(rs[i+1:]), len(rs)
		}
		if rs[i] == '\\' {
			j := i + 1
			for j < len(rs) && unicode.IsLetter(rs[j]) {
				j++
			}
			if j == i+1 && j < len(rs) {
				j++
			}
			return string(rs[i:j]), j
		}
		return string(rs[i]), i + 1
	}
	for i := 0; i < len(rs); {
		// invariant: i advances on every iteration
		r := rs[i]
		switch {
		case r == '\\':
			j := i + 1
			for j < len(rs) && unicode.IsLetter(rs[j]) {
				j++
			}
			if j == i+1 && j < len(rs) {
				j++ // one-character command such as \, or \{
			}
			name := string(rs[i+1 : j])
			i = j
			switch {
			case name == "frac" || name == "dfrac" || name == "tfrac":
				var num, den string
				num, i = group(i)
				den, i = group(i)
				wrap := func(x string) string {
					if len([]rune(strings.TrimSpace(x))) > 1 && strings.ContainsAny(x, "+-") {
						return "(" + x + ")"
					}
					return x
				}
				for _, rr := range parseMath(wrap(num), scale, shift) {
					out = append(out, rr)
				}
				emit("/", false)
				out = append(out, parseMath(wrap(den), scale, shift)...)
			case uprightCmds[name]:
				var arg string
				arg, i = group(i)
				emit(arg, false)
			case boldCmds[name]:
				var arg string
				arg, i = group(i)
				sub := parseMath(arg, scale, shift)
				for k := range sub {
					sub[k].bold = true
				}
				out = append(out, sub...)
			case name == "sqrt":
				var arg string
				arg, i = group(i)
				emit("√", false)
				out = append(out, parseMath("("+arg+")", scale, shift)...)
			case name == "left" || name == "right" || name == "big" || name == "Big":
				// size modifiers: ignore
			default:
				if name == "nabla" {
					out = append(out, run{s: nablaMark, scale: scale, shift: shift})
				} else if sym, ok := mathSymbols[name]; ok {
					isGreekLower := len([]rune(sym)) == 1 && unicode.IsLower([]rune(sym)[0]) && unicode.Is(unicode.Greek, []rune(sym)[0])
					emit(sym, isGreekLower)
				} else {
					emit(name, false)
				}
			}
		case r == '_' || r == '^':
			var arg string
			arg, i = group(i + 1)
			sc := scale * 0.7
			sh := shift - 0.22*scale
			if r == '^' {
				sh = shift + 0.4*scale
			}
			sub := parseMath(arg, sc, sh)
			if len(sub) == 0 {
				break
			}
			if lastKind != 0 && lastKind != r && lastEnd == len(out) {
				sub[0].back, sub[0].glen = lastN, len(sub)
				lastKind = 0
			} else {
				lastKind, lastN, lastEnd = r, len(sub), len(out)+len(sub)
			}
			out = append(out, sub...)
		case r == '{' || r == '}':
			i++
		case r == ' ':
			i++
		case r == '-':
			// Binary minus (a − b) is spaced; unary minus (10^{-8}, (-1), = -4)
			// is not.
			if unaryMinus(out) {
				emit("−", false)
			} else {
				emit(" − ", false)
			}
			i++
		case r == '+' || r == '=' || r == '<' || r == '>':
			emit(" "+string(r)+" ", false)
			i++
		case r == ',':
			emit(", ", false)
			i++
		case r == '\'':
			emit("′", false) // f'(x): a prime, not an apostrophe hidden under the f
			i++
		case unicode.IsLetter(r):
			emit(string(r), true)
			i++
		default:
			emit(string(r), false)
			i++
		}
	}
	// Trim a leading binary-operator space (e.g. "$-1$").
	if len(out) > 0 {
		out[0].s = strings.TrimLeft(out[0].s, " ")
	}
	return out
}

// unaryMinus reports whether a '-' following the runs out is a sign: at the
// start of an expression or script, or after an operator, comma or opening
// bracket.
func unaryMinus(out []run) bool {
	if len(out) == 0 {
		return true
	}
	prev := strings.TrimRight(out[len(out)-1].s, " ")
	if prev == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	return strings.ContainsRune("(−+=<>≤≥≈,[{×·/", last)
}

// face returns the font face of a run.
func (h MathText) face(base font.Font, r run) font.Face {
	f := base
	f.Size = vg.Length(float64(base.Size) * r.scale)
	if r.italic {
		f.Style = xfont.StyleItalic
	}
	if r.bold {
		f.Weight = xfont.WeightBold
	}
	return h.cache().Lookup(f, f.Size)
}

func (h MathText) width(base font.Font, runs []run) vg.Length {
	_, w := positions(runs, h.widthFunc(base, runs))
	return w
}

func (h MathText) widthFunc(base font.Font, runs []run) func(i int) vg.Length {
	return func(i int) vg.Length {
		f := h.face(base, runs[i])
		w := f.Width(visible(runs[i].s))
		if italicF(runs, i) {
			// Italic correction: the hook of an italic f overhangs what
			// follows upright, e.g. the prime or "(" of f'(x).
			w += vg.Length(0.12) * f.Font.Size
		}
		return w
	}
}

// italicF reports whether run i is italic, ends in "f" and is followed by
// an upright run at the same size and baseline.
func italicF(runs []run, i int) bool {
	r := runs[i]
	if !r.italic || !strings.HasSuffix(r.s, "f") || i+1 >= len(runs) {
		return false
	}
	n := runs[i+1]
	return !n.italic && n.scale == r.scale && n.shift == r.shift
}

// visible maps the internal nabla mark to the glyph it is drawn from.
func visible(s string) string {
	if s == nablaMark {
		return "Δ"
	}
	return s
}

// Box returns the width, height above the baseline and depth below it of the
// single-line txt.
func (h MathText) Box(txt string, fnt font.Font) (width, height, depth vg.Length) {
	runs := layoutMath(txt)
	e := h.Extents(fnt)
	height, depth = e.Ascent, e.Descent
	for _, r := range runs {
		f := h.face(fnt, r)
		fe := f.Extents()
		sh := vg.Length(r.shift * float64(fnt.Size))
		height = vg.Length(math.Max(float64(height), float64(fe.Ascent+sh)))
		depth = vg.Length(math.Max(float64(depth), float64(fe.Descent-sh)))
	}
	return h.width(fnt, runs), height, depth
}

// Draw renders txt with style sty at pt, honouring alignment and rotation as
// text.Plain does.
func (h MathText) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if len(txt) == 0 {
		return
	}
	base := h.cache().Lookup(sty.Font, sty.Font.Size)
	if cm, ok := asCommenter(c); ok {
		cm.Comment(textBegin)
		defer cm.Comment(textEnd)
	}
	c.SetColor(sty.Color)
	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
		defer c.Pop()
	}
	sin64, cos64 := math.Sincos(sty.Rotation)
	cos, sin := vg.Length(cos64), vg.Length(sin64)
	pt.X, pt.Y = pt.Y*sin+pt.X*cos, pt.Y*cos-pt.X*sin

	pdf := isPDF(c)
	lines := h.Lines(txt)
	ht := sty.Height(txt)
	pt.Y += ht*vg.Length(sty.YAlign) - base.Extents().Ascent
	for i, line := range lines {
		runs := layoutMath(line)
		xs, total := positions(runs, h.widthFunc(sty.Font, runs))
		x0 := pt.X + vg.Length(sty.XAlign)*total
		y := pt.Y + vg.Length(len(lines)-i)*sty.Font.Size
		for k, r := range runs {
			x := x0 + xs[k]
			f := h.face(sty.Font, r)
			if pdf && f.Font.Style != xfont.StyleNormal {
				// vgpdf registers every font with style "" but selects
				// italics with style "I", failing with "undefined font".
				// Present the italic face under a distinct upright name.
				f.Font.Variant += "ItalicPDF"
				f.Font.Style = xfont.StyleNormal
			}
			by := y + vg.Length(r.shift*float64(sty.Font.Size))
			if r.s == nablaMark {
				// ∇ as Δ mirrored about the middle of its cap height.
				capH := vg.Length(0.66) * f.Font.Size
				c.Push()
				c.Translate(vg.Point{X: x, Y: by + capH/2})
				c.Scale(1, -1)
				c.FillString(f, vg.Point{X: 0, Y: -capH / 2}, "Δ")
				c.Pop()
				continue
			}
			c.FillString(f, vg.Point{X: x, Y: by}, r.s)
		}
	}
}
