package datasets

import (
	"bytes"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"gdkit.dev/gdkit"
	"gonum.org/v1/gonum/mat"
)

//go:embed *.csv
var files embed.FS

// Table is numeric tabular data with named columns: Data is rows×len(Names).
type Table struct {
	Names []string
	Data  *mat.Dense
}

// Rows returns the number of data rows.
func (t *Table) Rows() int { r, _ := t.Data.Dims(); return r }

// index returns the position of column name, or an error listing the names.
func (t *Table) index(name string) (int, error) {
	for j, n := range t.Names {
		if n == name {
			return j, nil
		}
	}
	return -1, fmt.Errorf("datasets: no column %q (columns: %s)", name, strings.Join(t.Names, ", "))
}

// Column returns a copy of the column called name.
func (t *Table) Column(name string) ([]float64, error) {
	j, err := t.index(name)
	if err != nil {
		return nil, err
	}
	return mat.Col(nil, j, t.Data), nil
}

// XY splits the table into the features X (every column but ycol, in
// order, as a new rows×(cols−1) matrix) and the target column y.
func (t *Table) XY(ycol string) (*mat.Dense, []float64, error) {
	j, err := t.index(ycol)
	if err != nil {
		return nil, nil, err
	}
	r, c := t.Data.Dims()
	if c < 2 {
		return nil, nil, fmt.Errorf("datasets: XY(%q): the table has no feature columns", ycol)
	}
	x := mat.NewDense(r, c-1, nil)
	y := make([]float64, r)
	for i := 0; i < r; i++ {
		row := t.Data.RawRowView(i)
		k := 0
		for jj, v := range row {
			if jj == j {
				y[i] = v
				continue
			}
			x.Set(i, k, v)
			k++
		}
	}
	return x, y, nil
}

// FlatXY is XY with the features as a row-major slice, ready for
// gdkit.NewData(x, y, n, d).
func (t *Table) FlatXY(ycol string) (x, y []float64, n, d int, err error) {
	xm, y, err := t.XY(ycol)
	if err != nil {
		return nil, nil, 0, 0, err
	}
	n, d = xm.Dims()
	return xm.RawMatrix().Data, y, n, d, nil
}

// SlideND returns the table of the slide "Descenso de gradiente en ND"
// (slide_nd.csv): columns x and y with
//
//	x = 2, 5, 7, 9, 10, 11, 13.4, 14, 15
//	y = 1, 3.2, 4.5, 6, 4, 4.5, 5.5, 3, 5
func SlideND() (*Table, error) { return Open("slide_nd.csv") }

// Open loads one of the embedded CSV files by name (e.g. "slide_nd.csv").
func Open(name string) (*Table, error) {
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("datasets: no embedded file %q", name)
	}
	return ReadCSV(bytes.NewReader(b))
}

// Names lists the embedded CSV files.
func Names() []string {
	ents, _ := files.ReadDir(".")
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// ErrCSV is wrapped by every error of ReadCSV and CSVStream; those with a
// gdkit meaning also wrap gdkit.ErrEmpty (no header, no rows),
// gdkit.ErrDimension (a row with another number of fields) or
// gdkit.ErrNotFinite (a NaN or Inf cell).
var ErrCSV = errors.New("datasets: bad CSV")

func csvErr(line, col int, format string, args ...any) error {
	return csvErrOf(nil, line, col, format, args...)
}

// csvErrOf is csvErr for an error that also wraps cause: a gdkit sentinel
// of the same meaning (gdkit.ErrEmpty, ErrDimension, ErrNotFinite) or an
// error that wraps one. The message is the same as csvErr's.
func csvErrOf(cause error, line, col int, format string, args ...any) error {
	where := fmt.Sprintf("line %d", line)
	if col > 0 {
		where += fmt.Sprintf(", column %d", col)
	}
	return &kindError{msg: fmt.Sprintf("%v: %s: "+format, append([]any{ErrCSV, where}, args...)...), kind: cause}
}

// kindError is an error with the message msg that wraps ErrCSV and kind.
type kindError struct {
	msg  string
	kind error
}

func (e *kindError) Error() string { return e.msg }

func (e *kindError) Unwrap() []error {
	if e.kind == nil {
		return []error{ErrCSV}
	}
	return []error{ErrCSV, e.kind}
}

// ReadCSV reads comma-separated numeric data with a header line of column
// names. A UTF-8 byte-order mark is skipped, spaces around names and numbers
// (" 6") are accepted, blank lines are skipped. Errors (wrapping ErrCSV)
// give the line and the 1-based column: empty input, no data rows, empty or
// duplicate column names, ragged rows, empty, non-numeric or non-finite
// cells.
func ReadCSV(r io.Reader) (*Table, error) {
	cr, names, err := openCSV(r)
	if err != nil {
		return nil, err
	}
	var data []float64
	rows := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, wrapCSV(err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(names) {
			return nil, csvErrOf(gdkit.ErrDimension, line, 0, "%d fields, the header has %d", len(rec), len(names))
		}
		for j, s := range rec {
			v, err := parseCell(s)
			if err != nil {
				return nil, csvErrOf(err, line, j+1, "column %q: %v", names[j], err)
			}
			data = append(data, v)
		}
		rows++
	}
	if rows == 0 {
		return nil, csvErrOf(gdkit.ErrEmpty, 1, 0, "header but no data rows")
	}
	return &Table{Names: names, Data: mat.NewDense(rows, len(names), data)}, nil
}

func wrapCSV(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return csvErr(pe.Line, pe.Column, "%v", pe.Err)
	}
	return fmt.Errorf("%w: %v", ErrCSV, err)
}

func openCSV(r io.Reader) (*csv.Reader, []string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = true
	hdr, err := cr.Read()
	if err == io.EOF {
		return nil, nil, csvErrOf(gdkit.ErrEmpty, 1, 0, "empty file (no header)")
	}
	if err != nil {
		return nil, nil, wrapCSV(err)
	}
	names := make([]string, len(hdr))
	seen := map[string]bool{}
	for j, h := range hdr {
		if j == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		h = strings.TrimSpace(h)
		if h == "" {
			return nil, nil, csvErr(1, j+1, "empty column name")
		}
		if seen[h] {
			return nil, nil, csvErr(1, j+1, "duplicate column name %q", h)
		}
		seen[h] = true
		names[j] = h
	}
	return cr, names, nil
}

func parseCell(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, errors.New("empty cell")
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, &kindError{msg: fmt.Sprintf("%q is not a finite number", s), kind: gdkit.ErrNotFinite}
	}
	return v, nil
}

// CSVStream reads a CSV file (same rules as ReadCSV) one row at a time, for
// data sets larger than memory: it implements gdkit.RowSource, giving the
// target column as y and the other columns, in order, as x.
type CSVStream struct {
	cr    *csv.Reader
	Names []string // all column names
	ycol  int
}

// NewCSVStream reads the header of r and prepares to stream rows with ycol
// as the target.
func NewCSVStream(r io.Reader, ycol string) (*CSVStream, error) {
	cr, names, err := openCSV(r)
	if err != nil {
		return nil, err
	}
	t := &Table{Names: names}
	j, err := t.index(ycol)
	if err != nil {
		return nil, err
	}
	if len(names) < 2 {
		return nil, csvErr(1, 0, "no feature columns besides %q", ycol)
	}
	return &CSVStream{cr: cr, Names: names, ycol: j}, nil
}

// D returns the number of feature columns.
func (s *CSVStream) D() int { return len(s.Names) - 1 }

// Next writes the features of the next row into x (len D()) and returns the
// target, or io.EOF at the end of the input.
func (s *CSVStream) Next(x []float64) (float64, error) {
	rec, err := s.cr.Read()
	if err == io.EOF {
		return 0, io.EOF
	}
	if err != nil {
		return 0, wrapCSV(err)
	}
	line, _ := s.cr.FieldPos(0)
	if len(rec) != len(s.Names) {
		return 0, csvErrOf(gdkit.ErrDimension, line, 0, "%d fields, the header has %d", len(rec), len(s.Names))
	}
	if len(x) != len(s.Names)-1 {
		return 0, fmt.Errorf("datasets: %w: len(x) = %d, want %d", gdkit.ErrDimension, len(x), len(s.Names)-1)
	}
	var y float64
	k := 0
	for j, c := range rec {
		v, err := parseCell(c)
		if err != nil {
			return 0, csvErrOf(err, line, j+1, "column %q: %v", s.Names[j], err)
		}
		if j == s.ycol {
			y = v
		} else {
			x[k] = v
			k++
		}
	}
	return y, nil
}
