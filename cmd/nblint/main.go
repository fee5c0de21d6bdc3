// Command nblint checks the shape of the course notebooks' code cells
// without running them (make test runs it first):
//
//   - a code cell has at most 25 lines of at most 90 columns (a tab counts
//     as 4): the library carries the weight, a cell is a lesson;
//
//   - no "panic(err)" boilerplate: cells stop on errors with gdkit.Must;
//
//   - every exercise is marked for nbgrader (scripts/nbgrader-mark.py): a
//     cell with a "// BEGIN SOLUTION" region is a solution cell, a cell
//     whose main body calls exercise.Grade or exercise.MustPass is a locked
//     grade cell with points, and every answer has its check.
//
//     go run ./cmd/nblint notebooks/*.ipynb
//
// It prints one line per problem and "nblint: N passed, N failed"; it exits
// 1 when any notebook fails.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
)

const (
	maxLines   = 25
	maxColumns = 90
	tabWidth   = 4
)

type cell struct {
	Type     string          `json:"cell_type"`
	Source   json.RawMessage `json:"source"`
	Metadata struct {
		NBGrader *struct {
			Solution bool     `json:"solution"`
			Grade    bool     `json:"grade"`
			Locked   bool     `json:"locked"`
			Points   *float64 `json:"points"`
			GradeID  string   `json:"grade_id"`
		} `json:"nbgrader"`
	} `json:"metadata"`
}

// source joins an nbformat multiline string (a string or a list of lines).
func source(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var lines []string
	if err := json.Unmarshal(raw, &lines); err != nil {
		return "", err
	}
	return strings.Join(lines, ""), nil
}

var panicErrRe = regexp.MustCompile(`panic\(\s*err\s*\)`)

// columns is the display width of a line, a tab counting tabWidth columns.
func columns(line string) int {
	n := 0
	for _, r := range line {
		if r == '\t' {
			n += tabWidth
		} else {
			n++
		}
	}
	return n
}

// isCheck reports whether the cell's main body (after %%) calls a grading
// function of package exercise.
func isCheck(src string) bool {
	_, body, ok := strings.Cut(src, "%%")
	return ok && (strings.Contains(body, "exercise.Grade(") || strings.Contains(body, "exercise.MustPass("))
}

// lint returns the problems of one notebook.
func lint(b []byte) ([]string, error) {
	var nb struct {
		Cells []cell `json:"cells"`
	}
	if err := json.Unmarshal(b, &nb); err != nil {
		return nil, fmt.Errorf("not a notebook: %w", err)
	}
	var probs []string
	code, open := 0, 0 // open: answer cells still waiting for their check
	for i, c := range nb.Cells {
		if c.Type != "code" {
			if src, err := source(c.Source); err == nil && strings.Contains(src, "// BEGIN SOLUTION") {
				probs = append(probs, fmt.Sprintf("cell %d: \"// BEGIN SOLUTION\" outside a code cell (nbgrader would take it for a solution)", i+1))
			}
			continue
		}
		code++
		src, err := source(c.Source)
		if err != nil {
			return nil, fmt.Errorf("cell %d: %w", i+1, err)
		}
		where := fmt.Sprintf("cell %d (code cell %d)", i+1, code)
		lines := strings.Split(strings.TrimRight(src, "\n"), "\n")
		if len(lines) > maxLines {
			probs = append(probs, fmt.Sprintf("%s: %d lines (at most %d)", where, len(lines), maxLines))
		}
		for k, l := range lines {
			if w := columns(l); w > maxColumns {
				probs = append(probs, fmt.Sprintf("%s, line %d: %d columns (at most %d)", where, k+1, w, maxColumns))
			}
		}
		if panicErrRe.MatchString(src) {
			probs = append(probs, where+": panic(err) boilerplate; use gdkit.Must")
		}
		g := c.Metadata.NBGrader
		switch {
		case strings.Contains(src, "// BEGIN SOLUTION"):
			if g == nil || !g.Solution || g.Grade {
				probs = append(probs, where+": a solution region in a cell not marked as an nbgrader solution (make mark)")
			}
			if !strings.Contains(src, "// END SOLUTION") {
				probs = append(probs, where+": // BEGIN SOLUTION without // END SOLUTION")
			}
			open++
		case isCheck(src):
			if g == nil || !g.Grade || g.Solution || !g.Locked || g.Points == nil || *g.Points <= 0 {
				probs = append(probs, where+": a check cell not marked as a locked nbgrader grade cell with points (make mark)")
			}
			if open == 0 {
				probs = append(probs, where+": a check cell with no answer cell before it")
			}
			open = 0
		case g != nil && (g.Solution || g.Grade):
			probs = append(probs, where+": nbgrader metadata on a cell that is neither an answer nor a check (make mark)")
		}
	}
	if open > 0 {
		probs = append(probs, "the last answer cell has no check cell after it")
	}
	return probs, nil
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: nblint NOTEBOOK.ipynb...")
		os.Exit(2)
	}
	passed, failed := 0, 0
	for _, p := range os.Args[1:] {
		b, err := os.ReadFile(p)
		var probs []string
		if err == nil {
			probs, err = lint(b)
		}
		if err != nil {
			probs = []string{err.Error()}
		}
		if len(probs) == 0 {
			passed++
			continue
		}
		failed++
		for _, pr := range probs {
			fmt.Printf("%s: %s\n", p, pr)
		}
	}
	fmt.Printf("nblint: %d passed, %d failed\n", passed, failed)
	if failed > 0 {
		os.Exit(1)
	}
}
