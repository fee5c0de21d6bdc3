package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"gdkit.dev/gdkit/gdplot"
)

// TestLintSummary: lintAll prints the problems and the summary line of
// `go run ./cmd/figures -lint` (every figure is linted in TestFiguresBuild).
func TestLintSummary(t *testing.T) {
	var out bytes.Buffer
	if bad := lintAll(&out, regexp.MustCompile("^0[0-2]-"), figures, animations); bad != 0 {
		t.Errorf("%d figures with problems:\n%s", bad, out.String())
	}
	last := strings.TrimSpace(out.String())
	if i := strings.LastIndex(last, "\n"); i >= 0 {
		last = last[i+1:]
	}
	if !strings.HasPrefix(last, "figures: ") || !strings.HasSuffix(last, " 0 with problems") {
		t.Errorf("last line %q, want figures: N checked, 0 with problems", last)
	}
}

// TestLintFixtures: each fixture fails the lint, on its own check and only
// on it.
func TestLintFixtures(t *testing.T) {
	for _, fx := range lintFixtures {
		fig, err := fx.build()
		if err != nil {
			t.Fatalf("%s: %v", fx.name, err)
		}
		probs, err := gdplot.Lint(fig)
		if err != nil {
			t.Fatalf("%s: %v", fx.name, err)
		}
		if len(probs) == 0 {
			t.Errorf("%s passes the lint, want a %q problem", fx.name, fx.check)
		}
		for _, p := range probs {
			if p.Check != fx.check {
				t.Errorf("%s: problem %v, want only %q", fx.name, p, fx.check)
			}
		}
	}
	var out bytes.Buffer
	var figs []entry
	for _, fx := range lintFixtures {
		figs = append(figs, entry{fx.name, fx.build})
	}
	if bad := lintAll(&out, regexp.MustCompile(""), figs, nil); bad != len(lintFixtures) {
		t.Errorf("lintAll on the fixtures: %d with problems, want %d:\n%s", bad, len(lintFixtures), out.String())
	}
	if !strings.Contains(out.String(), "figures: 4 checked, 4 with problems") {
		t.Errorf("summary missing:\n%s", out.String())
	}
}
