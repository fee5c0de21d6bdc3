package main

import (
	"encoding/json"
	"fmt"

	"gdkit.dev/internal/nbcheck"
)

// gradedCell is a cell with its nbgrader metadata (make mark writes it).
type gradedCell struct {
	Source   nbcheck.Text `json:"source"`
	Metadata struct {
		Nbgrader struct {
			GradeID  string `json:"grade_id"`
			Solution bool   `json:"solution"`
		} `json:"nbgrader"`
	} `json:"metadata"`
}

func gradedCells(raw []byte) ([]gradedCell, error) {
	var nb struct {
		Cells []gradedCell `json:"cells"`
	}
	if err := json.Unmarshal(raw, &nb); err != nil {
		return nil, fmt.Errorf("not a notebook: %w", err)
	}
	return nb.Cells, nil
}

// answers returns the source of every answer cell (nbgrader solution cell)
// of the teacher's notebook raw, by grade_id.
func answers(raw []byte) (map[string]nbcheck.Text, error) {
	cells, err := gradedCells(raw)
	if err != nil {
		return nil, err
	}
	out := map[string]nbcheck.Text{}
	for _, c := range cells {
		if g := c.Metadata.Nbgrader; g.Solution && g.GradeID != "" {
			out[g.GradeID] = c.Source
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no answer cells (nbgrader solution cells)")
	}
	return out, nil
}

// fillAnswers fills in the exercises of nb, parsed from raw (a student's
// copy of the student edition): each answer cell gets the teacher's answer
// of the same grade_id, as a student who solved them would have typed. It
// returns how many cells it filled; an answer cell with no teacher's answer
// is an error. The teacher's edition itself is filled with what it has.
func fillAnswers(nb *nbcheck.Notebook, raw []byte, teacher map[string]nbcheck.Text) (int, error) {
	cells, err := gradedCells(raw)
	if err != nil {
		return 0, err
	}
	if len(cells) != len(nb.Cells) {
		return 0, fmt.Errorf("%d cells with metadata, %d without", len(cells), len(nb.Cells))
	}
	n := 0
	for i, c := range cells {
		g := c.Metadata.Nbgrader
		if !g.Solution {
			continue
		}
		src, ok := teacher[g.GradeID]
		if !ok {
			return n, fmt.Errorf("cell %d: answer cell %q has no answer in the teacher's notebook", i+1, g.GradeID)
		}
		nb.Cells[i].Source = src
		n++
	}
	return n, nil
}
