package main

import (
	"fmt"
	"io"
	"regexp"

	"gdkit.dev/gdkit/gdplot"
)

// lintAll draws every figure (and every frame of every animation) whose
// name matches re with gdplot.Lint, prints the problems of each figure to
// w, ends with "figures: N checked, M with problems" and returns M (a
// figure that fails to build or draw counts as one with problems).
func lintAll(w io.Writer, re *regexp.Regexp, figs []entry, anims []animation) int {
	checked, bad := 0, 0
	report := func(name string, fig *gdplot.Figure, err error) {
		checked++
		var probs []gdplot.LintProblem
		if err == nil {
			probs, err = gdplot.Lint(fig)
		}
		if err != nil {
			bad++
			fmt.Fprintf(w, "%s: cannot be drawn: %v\n", name, err)
			return
		}
		if len(probs) == 0 {
			return
		}
		bad++
		fmt.Fprintf(w, "%s: %d problems\n", name, len(probs))
		for _, p := range probs {
			fmt.Fprintf(w, "  %s\n", p)
		}
	}
	for _, f := range figs {
		if !re.MatchString(f.name) {
			continue
		}
		fig, err := f.build()
		report(f.name, fig, err)
	}
	for _, a := range anims {
		if !re.MatchString(a.name) {
			continue
		}
		frames, err := a.build()
		if err != nil {
			report(a.name, nil, err)
			continue
		}
		for i, fr := range frames {
			report(fmt.Sprintf("%s[%d]", a.name, i), fr, nil)
		}
	}
	fmt.Fprintf(w, "figures: %d checked, %d with problems\n", checked, bad)
	return bad
}
