package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"gdkit.dev/internal/nbcheck"
)

// studentCopy turns a teacher's notebook into what the student edition
// holds: every answer cell replaced by nbgrader's stub.
func studentCopy(t *testing.T, teacher []byte) []byte {
	t.Helper()
	var nb map[string]any
	if err := json.Unmarshal(teacher, &nb); err != nil {
		t.Fatal(err)
	}
	for _, c := range nb["cells"].([]any) {
		cell := c.(map[string]any)
		md, _ := cell["metadata"].(map[string]any)
		if g, _ := md["nbgrader"].(map[string]any); g != nil && g["solution"] == true {
			cell["source"] = "func stub() {\n\t// TODO: escribí tu respuesta acá, en lugar del panic.\n\tpanic(\"ejercicio sin responder\")\n}"
		}
	}
	b, err := json.Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFillAnswers(t *testing.T) {
	teacherRaw, err := os.ReadFile("../../../notebooks/02_descenso_1d.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	teacher, err := answers(teacherRaw)
	if err != nil {
		t.Fatal(err)
	}
	want, err := nbcheck.Parse(teacherRaw)
	if err != nil {
		t.Fatal(err)
	}
	raw := studentCopy(t, teacherRaw)
	nb, err := nbcheck.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	stubs := 0
	for _, c := range nb.Cells {
		if strings.Contains(string(c.Source), "ejercicio sin responder") {
			stubs++
		}
	}
	n, err := fillAnswers(nb, raw, teacher)
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 || n != len(teacher) || n != stubs {
		t.Errorf("filled %d cells; the teacher has %d answers, the student's copy %d stubs", n, len(teacher), stubs)
	}
	for i := range want.Cells {
		if nb.Cells[i].Source != want.Cells[i].Source {
			t.Errorf("cell %d after filling:\n%s\nwant the teacher's:\n%s", i+1, nb.Cells[i].Source, want.Cells[i].Source)
		}
	}

	// The teacher's edition is filled with its own answers: nothing changes.
	self, err := nbcheck.Parse(teacherRaw)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := fillAnswers(self, teacherRaw, teacher); err != nil || n != len(teacher) {
		t.Errorf("teacher's edition: filled %d, %v", n, err)
	}

	// An answer cell that the teacher's notebook lacks is an error.
	delete(teacher, "ej2-respuesta")
	nb, _ = nbcheck.Parse(raw)
	if _, err := fillAnswers(nb, raw, teacher); err == nil || !strings.Contains(err.Error(), "ej2-respuesta") {
		t.Errorf("a missing answer: err = %v, want one naming ej2-respuesta", err)
	}
	if _, err := answers([]byte(`{"cells": [{"cell_type": "code", "source": "x", "metadata": {}}]}`)); err == nil {
		t.Error("answers of a notebook without answer cells: no error")
	}
}
