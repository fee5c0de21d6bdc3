package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// nbJSON builds a notebook of code cells; meta[i] is cell i's nbgrader
// metadata (nil for none).
func nbJSON(t *testing.T, srcs []string, meta []map[string]any) []byte {
	t.Helper()
	var cells []map[string]any
	for i, s := range srcs {
		md := map[string]any{}
		if i < len(meta) && meta[i] != nil {
			md["nbgrader"] = meta[i]
		}
		cells = append(cells, map[string]any{"cell_type": "code", "source": s, "metadata": md})
	}
	b, err := json.Marshal(map[string]any{"cells": cells})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	answer = "func f() float64 {\n\t// BEGIN SOLUTION\n\treturn 1\n\t// END SOLUTION\n}\n"
	check  = "%%\nexercise.Grade(check1)\n"
	solM   = map[string]any{"solution": true, "grade": false, "locked": false, "grade_id": "ej1-respuesta"}
	gradeM = map[string]any{"solution": false, "grade": true, "locked": true, "points": 1, "grade_id": "ej1-verificacion"}
)

func TestLint(t *testing.T) {
	long := strings.Repeat("x := 1\n", 26)
	for _, c := range []struct {
		name string
		srcs []string
		meta []map[string]any
		want string // "" for no problem
	}{
		{"a marked exercise", []string{answer, check}, []map[string]any{solM, gradeM}, ""},
		{"26 lines", []string{long}, nil, "26 lines"},
		{"25 lines and a trailing newline", []string{strings.Repeat("x := 1\n", 25)}, nil, ""},
		{"91 columns", []string{strings.Repeat("a", 91)}, nil, "91 columns"},
		{"a tab is 4 columns", []string{"\t" + strings.Repeat("a", 87)}, nil, "91 columns"},
		{"panic(err)", []string{"if err != nil {\n\tpanic(err)\n}"}, nil, "panic(err)"},
		{"unmarked answer", []string{answer, check}, []map[string]any{nil, gradeM}, "not marked as an nbgrader solution"},
		{"unmarked check", []string{answer, check}, []map[string]any{solM, nil}, "not marked as a locked"},
		{"check without points", []string{answer, check},
			[]map[string]any{solM, {"grade": true, "locked": true, "grade_id": "x"}}, "with points"},
		{"answer without check", []string{answer}, []map[string]any{solM}, "no check cell"},
		{"check without answer", []string{check}, []map[string]any{gradeM}, "no answer cell"},
		{"stale metadata", []string{"x := 1"}, []map[string]any{gradeM}, "neither an answer nor a check"},
	} {
		t.Run(c.name, func(t *testing.T) {
			probs, err := lint(nbJSON(t, c.srcs, c.meta))
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(probs, "\n")
			if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
				t.Errorf("problems %q, want %q", got, c.want)
			}
		})
	}
	md := []byte(`{"cells": [{"cell_type": "markdown", "source": "entre // BEGIN SOLUTION y", "metadata": {}}]}`)
	if probs, _ := lint(md); len(probs) != 1 || !strings.Contains(probs[0], "outside a code cell") {
		t.Errorf("a delimiter in markdown: %q", probs)
	}
	if _, err := lint([]byte("{")); err == nil {
		t.Error("bad JSON: want an error")
	}
}
