package gdplot

import (
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// wrapTitle breaks p's title into lines no wider than w, at spaces outside
// $…$ math, when it does not fit on one line (gonum/plot would clip it at
// both ends), and returns a func that restores the original title. A title
// that already has line breaks, or a single word too wide, is left as is.
func wrapTitle(p *plot.Plot, w vg.Length) (restore func()) {
	orig := p.Title.Text
	restore = func() { p.Title.Text = orig }
	sty := p.Title.TextStyle
	if orig == "" || strings.Contains(orig, "\n") || sty.Font.Size == 0 || titleWidth(sty, orig) <= w {
		return restore
	}
	words := splitOutsideMath(orig)
	var lines []string
	line := words[0]
	for _, word := range words[1:] {
		if try := line + " " + word; titleWidth(sty, try) <= w {
			line = try
			continue
		}
		lines = append(lines, line)
		line = word
	}
	p.Title.Text = strings.Join(append(lines, line), "\n")
	return restore
}

// titleHeight is the height of p's title (all its lines), 0 without one.
func titleHeight(p *plot.Plot) vg.Length {
	if p.Title.Text == "" {
		return 0
	}
	return p.Title.TextStyle.Rectangle(p.Title.Text).Size().Y
}

func titleWidth(sty text.Style, s string) vg.Length {
	if sty.Handler == nil {
		sty.Handler = plot.DefaultTextHandler
	}
	return sty.Width(s)
}

// splitOutsideMath splits s at single spaces that are not between $ signs.
func splitOutsideMath(s string) []string {
	var words []string
	inMath := false
	start := 0
	for i, r := range s {
		switch {
		case r == '$':
			inMath = !inMath
		case r == ' ' && !inMath:
			if i > start {
				words = append(words, s[start:i])
			}
			start = i + 1
		}
	}
	if start < len(s) {
		words = append(words, s[start:])
	}
	if len(words) == 0 {
		words = []string{s}
	}
	return words
}
