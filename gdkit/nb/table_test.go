package nb

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"gdkit.dev/gdkit"
)

func TestTable(t *testing.T) {
	tb := NewTable("modo", "pasos", "tiempo", "E")
	tb.Row("por lotes", 5, 1500*time.Millisecond, 15.98076)
	tb.Row("estocástico (1)", 5000000, 20*time.Millisecond, 0.2806)
	tb.Row("corta")
	want := "" +
		"modo               pasos  tiempo        E\n" +
		"por lotes              5  1.50 s  15.9808\n" +
		"estocástico (1)  5000000  0.02 s   0.2806\n" +
		"corta\n"
	if got := tb.Text(); got != want {
		t.Errorf("Text:\n%s\nwant:\n%s", got, want)
	}
	h := tb.HTML()
	for _, s := range []string{"<table>", `<th style="text-align:left">modo</th>`, `<td style="text-align:right">15.9808</td>`} {
		if !strings.Contains(h, s) {
			t.Errorf("HTML lacks %q: %s", s, h)
		}
	}
	tb.Caption, tb.Float = "a < b", "%.1e"
	tb.Row("x", 0, 0, 1234.5)
	if h := tb.HTML(); !strings.Contains(h, "a &lt; b") || !strings.Contains(h, "1.2e+03") {
		t.Errorf("caption not escaped or Float ignored: %s", h)
	}
	var b bytes.Buffer
	tableOut = &b
	defer func() { tableOut = nil }()
	if err := tb.Show(); err != nil || !strings.HasPrefix(b.String(), "a < b\nmodo") {
		t.Errorf("Show outside GoNB: %v, printed %q", err, b.String())
	}
}

func TestProgress(t *testing.T) {
	p := NewProgress(4, "uno", "tres")
	p.Set(0, 2, "época 2/4")
	p.Set(1, 9, "listo") // clamped to 4
	p.Set(5, 1, "ignorado")
	want := "uno   ██·· época 2/4\ntres  ████ listo\n"
	if got := p.String(); got != want {
		t.Errorf("String:\n%q\nwant\n%q", got, want)
	}
	cb := p.Epochs(1)
	if !cb(3, nil, 0) || !strings.Contains(p.String(), "███· época 3/4") {
		t.Errorf("Epochs callback: %q", p.String())
	}
	if q := NewProgress(0, "x"); q.String() != "x  · esperando\n" {
		t.Errorf("total 0: %q", q.String())
	}
}

func TestTraceTable(t *testing.T) {
	p := gdkit.Problem{E: func(w []float64) float64 { return w[0]*w[0] + 2*w[1]*w[1] },
		Grad: func(g, w []float64) { g[0], g[1] = 2*w[0], 4*w[1] }, Dim: 2}
	tr, err := gdkit.Descend(p, []float64{1, 1}, &gdkit.DescentSettings{Alpha: 0.1, MaxIter: 3})
	if err != nil {
		t.Fatal(err)
	}
	tb, err := TraceTable(tr, []int{0, 3})
	if err != nil {
		t.Fatal(err)
	}
	// w1 shrinks by 1 − 0.1·2 = 0.8 per step, w2 by 1 − 0.1·4 = 0.6.
	want := "iteración     w1     w2       E  δE/δw1  δE/δw2\n" +
		"0              1      1       3       2       4\n" +
		"3          0.512  0.216  0.3555   1.024   0.864\n"
	if got := tb.Text(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, err := TraceTable(tr, []int{4}); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("row 4 of 0…3: %v", err)
	}
	if _, err := TraceTable(tr, nil, "a"); !errors.Is(err, gdkit.ErrDimension) {
		t.Errorf("1 name for 2 parameters: %v", err)
	}
	if _, err := TraceTable(nil, nil); !errors.Is(err, gdkit.ErrEmpty) {
		t.Errorf("nil trace: %v", err)
	}
}

// A column of words is left aligned, a column of numbers right aligned.
func TestTableAlignment(t *testing.T) {
	tb := NewTable("α", "motivo", "iteraciones")
	tb.Float = "%g"
	tb.Row(0.3, "convergió", 18).Row(1.05, "divergió", 74)
	want := "α     motivo     iteraciones\n" +
		"0.3   convergió           18\n" +
		"1.05  divergió            74\n"
	if got := tb.Text(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if h := tb.HTML(); !strings.Contains(h, `<td style="text-align:left">divergió</td>`) {
		t.Errorf("words not left aligned in HTML: %s", h)
	}
}
