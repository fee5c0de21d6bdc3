package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gdkit.dev/gdkit/gdplot"
)

// TestFiguresBuild builds every registered figure and animation, saves it
// as PNG and, without the race detector, checks it with gdplot.Lint (as
// make figlint does), so that `make figures` cannot break unnoticed.
func TestFiguresBuild(t *testing.T) {
	dir := t.TempDir()
	seen := map[string]bool{}
	for _, f := range figures {
		if seen[f.name] {
			t.Errorf("figure name %q registered twice", f.name)
		}
		seen[f.name] = true
		fig, err := f.build()
		if err != nil {
			t.Errorf("%s: %v", f.name, err)
			continue
		}
		path := filepath.Join(dir, f.name+".png")
		if err := fig.Save(path); err != nil {
			t.Errorf("%s: %v", f.name, err)
			continue
		}
		if st, err := os.Stat(path); err != nil || st.Size() < 1000 {
			t.Errorf("%s: PNG missing or tiny: %v", f.name, err)
		}
		if raceEnabled {
			continue
		}
		if probs, err := gdplot.Lint(fig); err != nil || len(probs) > 0 {
			t.Errorf("%s: lint: %v %v", f.name, probs, err)
		}
	}
	for _, a := range animations {
		frames, err := a.build()
		if err != nil || len(frames) < 2 {
			t.Errorf("%s: %d frames, %v", a.name, len(frames), err)
		}
		for i, fr := range frames {
			if raceEnabled {
				break
			}
			if probs, err := gdplot.Lint(fr); err != nil || len(probs) > 0 {
				t.Errorf("%s[%d]: lint: %v %v", a.name, i, probs, err)
			}
		}
	}
}

// TestNoNotebookDeps: a program that only draws figures must not link GoNB
// (go list -deps ./cmd/figures lists no github.com/janpfeifer/gonb package).
func TestNoNotebookDeps(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		goCmd = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	out, err := exec.Command(goCmd, "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "gdkit.dev/gdkit/gdplot") {
		t.Fatalf("go list -deps does not list gdplot:\n%s", out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "github.com/janpfeifer/gonb") {
			t.Errorf("cmd/figures depends on %s", pkg)
		}
	}
}
