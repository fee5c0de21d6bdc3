package gdplot

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// TestNaNInTitleSaves: the course talks about NaN, so "NaN" in a title, a
// legend or an axis label is text, not a bad coordinate; the figure saves
// in every format.
func TestNaNInTitleSaves(t *testing.T) {
	p, err := LossCurve(true, Series{"diverge: NaN", []float64{1, 10, 100, math.Inf(1), math.NaN()}})
	if err != nil {
		t.Fatal(err)
	}
	p.Title.Text = "diverge: NaN"
	p.Y.Label.Text = "$E$ (NaN, +Inf)"
	fig := Single(p)
	fig.Title = "α = 1.1: NaN"
	base := filepath.Join(t.TempDir(), "nan")
	if err := fig.SaveAll(base); err != nil {
		t.Fatal(err)
	}
	svg, err := os.ReadFile(base + ".svg")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(svg, []byte("diverge: NaN")) {
		t.Error("the SVG lacks the title text")
	}
	for _, ext := range []string{".png", ".pdf"} {
		if st, err := os.Stat(base + ext); err != nil || st.Size() < 1000 {
			t.Errorf("%s: missing or tiny: %v", ext, err)
		}
	}
}

func TestCheckSVGNumbers(t *testing.T) {
	for _, tc := range []struct {
		name, svg string
		bad       bool
	}{
		{"finite path", `<svg><path d="M1,2L3.5,-4e-07"/></svg>`, false},
		{"NaN in a path", `<svg><path d="M1,NaN L2,3"/></svg>`, true},
		{"NaN right after a path command", `<svg><path d="M39.768,27.789LNaN,307.24"/></svg>`, true},
		{"Inf right after a path command", `<svg><path d="M1,2l-Inf,3"/></svg>`, true},
		{"+Inf in a transform", `<svg><g transform="translate(+Inf, 0)"></g></svg>`, true},
		{"-Inf in a coordinate", `<svg><text x="-Inf" y="1">a</text></svg>`, true},
		{"NaN in a style", `<svg><path style="stroke-width:NaN" d="M0,0"/></svg>`, true},
		{"NaN as text", `<svg><text x="1" y="2">diverge: NaN, +Inf</text></svg>`, false},
		{"a word holding Inf", `<svg><text x="1" y="2" style="font-family:Info">Infinito</text></svg>`, false},
		{"data URI", `<svg><image x="0" y="0" xlink:href="data:image/png;base64,ab+NaN/Inf=" /></svg>`, false},
		{"font data in a style element", "<svg><defs><style>src: url(data:font/ttf;base64,q+NaN/) </style></defs></svg>", false},
	} {
		err := checkSVGNumbers([]byte(tc.svg))
		if (err != nil) != tc.bad {
			t.Errorf("%s: error %v, want error: %v", tc.name, err, tc.bad)
		}
	}
}
