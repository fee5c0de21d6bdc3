package main

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"gonum.org/v1/plot"
)

// spanishOneLetter are the one-letter Spanish words a label may hold
// outside math ("E y su derivada", "de 0 a 5").
var spanishOneLetter = map[string]bool{"y": true, "o": true, "a": true, "e": true, "u": true}

// pythonCall is code quoted from the slides, such as np.gradient(E): code is
// upright.
var pythonCall = regexp.MustCompile(`\b[a-z]+\.[a-z_]+\([^)]*\)`)

// outsideMath returns the one-letter words of s outside $...$ that are not
// Spanish words: symbols such as w, x, E or ŷ, which MathText sets italic
// only between dollars. Words are runs of letters and digits ("1D" is one).
func outsideMath(s string) []string {
	var bad []string
	for i, part := range strings.Split(s, "$") {
		if i%2 == 1 {
			continue // math
		}
		part = pythonCall.ReplaceAllString(part, " ")
		for _, w := range strings.FieldsFunc(part, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if r := []rune(w); len(r) == 1 && unicode.IsLetter(r[0]) && !spanishOneLetter[w] {
				bad = append(bad, w)
			}
		}
	}
	return bad
}

func TestOutsideMath(t *testing.T) {
	for s, want := range map[string]string{
		"ŷ = $w_1 x + b$ durante el descenso": "ŷ",
		"$ŷ = w_1 x + b$ durante el descenso": "",
		"Una función y su derivada":           "",
		"E por iteración, α = 0.1":            "E α",
		"$E(w)$ (escala log)":                 "",
		"Descenso de gradiente en 1D":         "",
		"$w_1^2$: np.gradient(E)":             "",
		"1/t ($k$ = 0.1)":                     "t",
	} {
		if got := strings.Join(outsideMath(s), " "); got != want {
			t.Errorf("outsideMath(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestMathInDollars: every title and axis label of every figure writes its
// symbols between dollars, so that they are italic like the rest of the
// math (a lone "ŷ" outside them came out upright in 05's fit).
func TestMathInDollars(t *testing.T) {
	for _, f := range figures {
		fig, err := f.build()
		if err != nil {
			t.Errorf("%s: %v", f.name, err)
			continue
		}
		texts := []string{fig.Title}
		add := func(p *plot.Plot) {
			if p != nil {
				texts = append(texts, p.Title.Text, p.X.Label.Text, p.Y.Label.Text)
			}
		}
		for _, row := range fig.Plots {
			for _, p := range row {
				add(p)
			}
		}
		add(fig.Side)
		for _, s := range texts {
			if bad := outsideMath(s); len(bad) > 0 {
				t.Errorf("%s: %q has %q outside $...$ (upright)", f.name, s, bad)
			}
		}
	}
}
