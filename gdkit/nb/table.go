package nb

import (
	"fmt"
	"html"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"

	"gdkit.dev/gdkit"
)

// Table is a table of numbers and words to show in a notebook cell: a
// header and rows, each cell formatted once when its row is added. Show
// sends it as HTML (with an aligned plain-text copy for viewers without
// HTML); outside GoNB it prints the plain text, so a program or an Example
// shows the same table.
//
//	t := nb.NewTable("i", "w", "E(w)")
//	for i := 0; i <= 3; i++ {
//		t.Row(i, tr.W(i)[0], tr.E(i))
//	}
//	t.Show()
type Table struct {
	Header []string
	Rows   [][]string
	// Float is the fmt verb of float64 cells; "" means "%.4f".
	Float string
	// Caption, if not empty, is shown above the table.
	Caption string
}

// NewTable returns an empty table with the given column names.
func NewTable(header ...string) *Table { return &Table{Header: header} }

// Row appends a row and returns the table. A string cell is kept as it is;
// a float64 is formatted with t.Float; a time.Duration in seconds with two
// decimals ("0.41 s"); anything else as fmt's %v. A row shorter than the
// header is padded with empty cells.
func (t *Table) Row(cells ...any) *Table {
	row := make([]string, max(len(cells), len(t.Header)))
	for i, c := range cells {
		row[i] = t.format(c)
	}
	t.Rows = append(t.Rows, row)
	return t
}

func (t *Table) format(c any) string {
	switch v := c.(type) {
	case string:
		return v
	case float64:
		f := t.Float
		if f == "" {
			f = "%.4f"
		}
		return fmt.Sprintf(f, v)
	case time.Duration:
		return fmt.Sprintf("%.2f s", v.Seconds())
	}
	return fmt.Sprint(c)
}

// numeric reports whether a cell reads as a number ("1.5", "-3e-04",
// "0.41 s"): numbers are right aligned, words left aligned.
func numeric(c string) bool {
	c = strings.TrimSuffix(strings.TrimSpace(c), " s")
	_, err := strconv.ParseFloat(c, 64)
	return err == nil
}

// rightAligned reports, for each column, whether it holds numbers: every
// non-empty cell below the header is numeric (and the column is not the
// first, which names the rows).
func (t *Table) rightAligned(cols int) []bool {
	right := make([]bool, cols)
	for j := 1; j < cols; j++ {
		right[j] = true
		for _, r := range t.Rows {
			if j < len(r) && r[j] != "" && !numeric(r[j]) {
				right[j] = false
				break
			}
		}
	}
	return right
}

// Text renders the table as aligned plain text, two spaces between
// columns: columns of numbers right aligned, the others left aligned.
func (t *Table) Text() string {
	all := append([][]string{t.Header}, t.Rows...)
	var width []int
	for _, r := range all {
		for j, c := range r {
			if j == len(width) {
				width = append(width, 0)
			}
			width[j] = max(width[j], utf8.RuneCountInString(c))
		}
	}
	right := t.rightAligned(len(width))
	var b strings.Builder
	if t.Caption != "" {
		b.WriteString(t.Caption + "\n")
	}
	for _, r := range all {
		var line strings.Builder
		for j, c := range r {
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			if j > 0 {
				line.WriteString("  ")
			}
			if right[j] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	return b.String()
}

// HTML renders the table as an HTML <table>, columns of numbers right
// aligned.
func (t *Table) HTML() string {
	var b strings.Builder
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	right := t.rightAligned(cols)
	row := func(tag string, cells []string) {
		b.WriteString("<tr>")
		for j, c := range cells {
			align := "left"
			if right[j] {
				align = "right"
			}
			fmt.Fprintf(&b, `<%s style="text-align:%s">%s</%s>`, tag, align, html.EscapeString(c), tag)
		}
		b.WriteString("</tr>")
	}
	b.WriteString("<table>")
	if t.Caption != "" {
		fmt.Fprintf(&b, `<caption style="text-align:left">%s</caption>`, html.EscapeString(t.Caption))
	}
	b.WriteString("<thead>")
	row("th", t.Header)
	b.WriteString("</thead><tbody>")
	for _, r := range t.Rows {
		row("td", r)
	}
	b.WriteString("</tbody></table>")
	return b.String()
}

// tableOut is where Show prints outside GoNB; nil means os.Stdout.
var tableOut io.Writer

// Show displays the table in the notebook (HTML, and the plain text for
// viewers without HTML), or prints its plain text outside GoNB.
func (t *Table) Show() error {
	if !gonbui.IsNotebook {
		w := tableOut
		if w == nil {
			w = os.Stdout
		}
		_, err := io.WriteString(w, t.Text())
		return err
	}
	gonbui.SendData(&protocol.DisplayData{Data: map[protocol.MIMEType]any{
		protocol.MIMETextHTML:  t.HTML(),
		protocol.MIMETextPlain: t.Text(),
	}})
	flush()
	return gonbui.Error()
}

// TraceTable returns the iteration table of a descent run, the way the
// slides write iterations 1 and 2: one row per iteration i of rows, with
// w_i (a column per parameter, named by names, or w1…wP when names is
// empty), E(w_i) and every partial derivative δE/δ(name) at w_i, with
// four significant digits. A row outside the trace, or a number of names
// other than the trace's Dim, is an error (wrapping gdkit.ErrBadParam or
// gdkit.ErrDimension).
func TraceTable(tr *gdkit.Trace, rows []int, names ...string) (*Table, error) {
	if tr == nil {
		return nil, fmt.Errorf("nb: TraceTable of a nil trace: %w", gdkit.ErrEmpty)
	}
	if len(names) == 0 {
		for j := 0; j < tr.Dim; j++ {
			names = append(names, fmt.Sprintf("w%d", j+1))
		}
	}
	if len(names) != tr.Dim {
		return nil, fmt.Errorf("nb: TraceTable: %d names for %d parameters: %w", len(names), tr.Dim, gdkit.ErrDimension)
	}
	header := append([]string{"iteración"}, names...)
	header = append(header, "E")
	for _, n := range names {
		header = append(header, "δE/δ"+n)
	}
	t := NewTable(header...)
	t.Float = "%.4g" // w, E and gradients differ in scale; near convergence the gradient is tiny
	for _, i := range rows {
		if i < 0 || i >= tr.Len() {
			return nil, fmt.Errorf("nb: TraceTable: iteration %d is not in the trace (0…%d): %w", i, tr.Len()-1, gdkit.ErrBadParam)
		}
		cells := []any{i}
		for _, v := range tr.W(i) {
			cells = append(cells, v)
		}
		cells = append(cells, tr.E(i))
		for _, v := range tr.Grad(i) {
			cells = append(cells, v)
		}
		t.Row(cells...)
	}
	return t, nil
}
