package nbcheck

import (
	"regexp"
	"sort"
	"strings"
)

// The rules that sort a notebook's code cells, shared by Check, the browser
// test and the cache warm-up. They read the cell's source and its stored
// outputs only, so they hold for any notebook of the course.

// figureCalls are the calls of package nb that display a figure. Explore
// shows its first figure at once (and only that one without a browser).
var figureCalls = []string{"nb.Show(", "nb.ShowPlot(", "nb.ShowSVG(", "nb.Animate(", "nb.Explore(", "nb.ExploreSliders("}

// showsFigure reports whether a GoNB cell's main body (the code after a
// "%%" line) calls one of figureCalls. Declarations above "%%" run nothing.
func showsFigure(src string) bool {
	_, body, ok := strings.Cut(src, "%%")
	if !ok {
		return false
	}
	for _, call := range figureCalls {
		if strings.Contains(body, call) {
			return true
		}
	}
	return false
}

// IsFigureCell reports whether c must draw a figure when run: its main
// body (after "%%") calls nb.Show, nb.ShowPlot, nb.ShowSVG, nb.Animate,
// nb.Explore or nb.ExploreSliders, or its stored outputs hold an image.
func IsFigureCell(c Cell) bool {
	return c.Type == "code" && (showsFigure(string(c.Source)) || hasImage(c.Outputs))
}

// IsSliderCell reports whether c's main body starts an interactive
// exploration (nb.Explore or nb.ExploreSliders): one or more sliders under
// a figure, and a "Listo" button.
func IsSliderCell(c Cell) bool {
	_, body, ok := strings.Cut(string(c.Source), "%%")
	return c.Type == "code" && ok &&
		(strings.Contains(body, "nb.Explore(") || strings.Contains(body, "nb.ExploreSliders("))
}

// IsSolutionCell reports whether c checks an exercise's answer: its main
// body calls exercise.MustPass or exercise.Grade, so the teacher's
// notebook, which holds the solutions, shows ✔ there (the student edition,
// from make student, shows ✘ until the student answers).
func IsSolutionCell(c Cell) bool {
	_, body, ok := strings.Cut(string(c.Source), "%%")
	return c.Type == "code" && ok &&
		(strings.Contains(body, "exercise.MustPass(") || strings.Contains(body, "exercise.Grade("))
}

var (
	importBlockRe = regexp.MustCompile(`(?ms)^import\s*\((.*?)^\)`)
	importLineRe  = regexp.MustCompile(`(?m)^import\s+(?:[\w.]+\s+)?"([^"]+)"`)
	quotedRe      = regexp.MustCompile(`"([^"]+)"`)
)

// Imports returns the sorted, distinct import paths of the notebook's code
// cells (import declarations, single or grouped).
func Imports(nb *Notebook) []string {
	seen := map[string]bool{}
	for _, c := range nb.Cells {
		if c.Type != "code" {
			continue
		}
		src := string(c.Source)
		for _, m := range importBlockRe.FindAllStringSubmatch(src, -1) {
			for _, line := range strings.Split(m[1], "\n") {
				line, _, _ = strings.Cut(line, "//")
				if q := quotedRe.FindStringSubmatch(line); q != nil {
					seen[q[1]] = true
				}
			}
		}
		for _, m := range importLineRe.FindAllStringSubmatch(src, -1) {
			seen[m[1]] = true
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
