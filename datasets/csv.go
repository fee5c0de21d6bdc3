package datasets

import (
	"bufio"
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
	// Format is the separator and decimal mark ReadCSV read the table
	// with; WriteCSV(w, t, &t.Format) writes it back the same way.
	Format CSVSettings
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
	return ReadCSV(bytes.NewReader(b), nil)
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

// ErrCSV is wrapped by every error of ReadCSV, CSVStream and WriteCSV; those
// with a gdkit meaning also wrap gdkit.ErrEmpty (no header, no rows),
// gdkit.ErrDimension (a row with another number of fields),
// gdkit.ErrNotFinite (a NaN or Inf cell) or gdkit.ErrBadParam (bad
// CSVSettings).
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

// ReadCSV reads numeric data with a header line of column names, as a
// spreadsheet saves it in any locale. A UTF-8 byte-order mark is skipped,
// spaces around names and numbers (" 6") are accepted, blank lines are
// skipped, line ends may be LF or CRLF. s sets the separator and the decimal
// mark; nil detects both:
//
//   - The separator is the one of ',', ';' and tab that the header line has
//     outside quotes; ',' if it has none (one column). A header with more
//     than one of them is an error: force the separator with s.Comma.
//   - In a ','-separated file the decimal mark is '.', and a number with a
//     ',' ("1,5", which can only be there quoted) is an error; so is a row
//     with more fields than the header, the trace of an unquoted decimal
//     comma. Both messages say how to read such a file.
//   - In a ';'- or tab-separated file the first number with a mark fixes
//     the decimal mark, '.' or ',', for the whole file: a later number with
//     the other mark is an error ("mixed decimal marks") that names both
//     lines. A number that could carry a thousands separator (1–3 digits,
//     the mark, 3 digits: "1.500", "12,345") cannot fix it and is an error
//     while the mark is unknown, except ',' in a ';' file, which is always
//     decimal (the locales that separate with ';' group thousands with
//     '.'): "1,500" there is 1.5.
//   - A number with both marks ("1.234,5") or with a mark twice
//     ("1.234.567") is an error: thousands separators are never read.
//
// s.Decimal fixes the mark instead (then "1.500" is 1.5 or an error, by the
// mark); s.Comma = ',' with s.Decimal = ',' reads quoted decimal commas.
// Errors (wrapping ErrCSV) give the line and the 1-based column: empty
// input, no data rows, empty or duplicate column names, ragged rows, empty,
// non-numeric or non-finite cells, and the cases above. t.Format records the
// separator and mark that were used.
func ReadCSV(r io.Reader, s *CSVSettings) (*Table, error) {
	c, err := openCSV(r, s)
	if err != nil {
		return nil, err
	}
	var data []float64
	rows := 0
	for {
		n := len(data)
		data = append(data, make([]float64, len(c.names))...)
		if _, err := c.next(data[n:]); err == io.EOF {
			data = data[:n]
			break
		} else if err != nil {
			return nil, err
		}
		rows++
	}
	if rows == 0 {
		return nil, csvErrOf(gdkit.ErrEmpty, 1, 0, "header but no data rows")
	}
	return &Table{Names: c.names, Data: mat.NewDense(rows, len(c.names), data), Format: c.f.settings()}, nil
}

func wrapCSV(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return csvErr(pe.Line, pe.Column, "%v", pe.Err)
	}
	return fmt.Errorf("%w: %v", ErrCSV, err)
}

// csvReader is the part ReadCSV and CSVStream share: the header, the
// format, and one row at a time.
type csvReader struct {
	cr    *csv.Reader
	names []string
	f     csvFormat
}

func openCSV(r io.Reader, s *CSVSettings) (*csvReader, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	br := bufio.NewReader(r)
	hdrBytes, bom, found, err := scanHeader(br)
	if err != nil {
		return nil, err
	}
	f, err := newFormat(s, found)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(io.MultiReader(bytes.NewReader(hdrBytes), br))
	cr.Comma = f.comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	// encoding/csv would take a tab after a tab for leading space, and lose
	// the empty field between them; cells and names are trimmed anyway.
	cr.TrimLeadingSpace = f.comma != '\t'
	hdr, err := cr.Read()
	if err == io.EOF {
		if bom {
			return nil, csvErr(1, 1, "empty column name")
		}
		return nil, csvErrOf(gdkit.ErrEmpty, 1, 0, "empty file (no header)")
	}
	if err != nil {
		return nil, wrapCSV(err)
	}
	names := make([]string, len(hdr))
	seen := map[string]bool{}
	for j, h := range hdr {
		if j == 0 {
			h = strings.TrimLeft(h, "\ufeff")
		}
		h = strings.TrimSpace(h)
		if h == "" {
			return nil, csvErr(1, j+1, "empty column name")
		}
		if seen[h] {
			return nil, csvErr(1, j+1, "duplicate column name %q", h)
		}
		seen[h] = true
		names[j] = h
	}
	return &csvReader{cr: cr, names: names, f: f}, nil
}

// next parses the next row into dst (len(c.names)) and returns its line,
// or io.EOF at the end of the input.
func (c *csvReader) next(dst []float64) (int, error) {
	rec, err := c.cr.Read()
	if err == io.EOF {
		return 0, io.EOF
	}
	if err != nil {
		return 0, wrapCSV(err)
	}
	line, _ := c.cr.FieldPos(0)
	if len(rec) != len(c.names) {
		return line, csvErrOf(gdkit.ErrDimension, line, 0, "%d fields, the header has %d%s", len(rec), len(c.names), c.f.fieldsHint(rec, len(c.names)))
	}
	for j, s := range rec {
		v, err := c.f.number(s, line)
		if err != nil {
			return line, csvErrOf(err, line, j+1, "column %q: %v", c.names[j], err)
		}
		dst[j] = v
	}
	return line, nil
}

// CSVStream reads a CSV file (same rules as ReadCSV) one row at a time, for
// data sets larger than memory: it implements gdkit.RowSource, giving the
// target column as y and the other columns, in order, as x.
type CSVStream struct {
	c     *csvReader
	Names []string // all column names
	ycol  int
	row   []float64
}

// NewCSVStream reads the header of r and prepares to stream rows with ycol
// as the target. s sets the separator and decimal mark as in ReadCSV (nil
// detects them).
func NewCSVStream(r io.Reader, ycol string, s *CSVSettings) (*CSVStream, error) {
	c, err := openCSV(r, s)
	if err != nil {
		return nil, err
	}
	t := &Table{Names: c.names}
	j, err := t.index(ycol)
	if err != nil {
		return nil, err
	}
	if len(c.names) < 2 {
		return nil, csvErr(1, 0, "no feature columns besides %q", ycol)
	}
	return &CSVStream{c: c, Names: c.names, ycol: j, row: make([]float64, len(c.names))}, nil
}

// D returns the number of feature columns.
func (s *CSVStream) D() int { return len(s.Names) - 1 }

// Format returns the separator and decimal mark of the stream; in a ';' or
// tab file the mark is the default of WriteCSV until a number shows it.
func (s *CSVStream) Format() CSVSettings { return s.c.f.settings() }

// Next writes the features of the next row into x (len D()) and returns the
// target, or io.EOF at the end of the input.
func (s *CSVStream) Next(x []float64) (float64, error) {
	if len(x) != len(s.Names)-1 {
		return 0, fmt.Errorf("datasets: %w: len(x) = %d, want %d", gdkit.ErrDimension, len(x), len(s.Names)-1)
	}
	if _, err := s.c.next(s.row); err != nil {
		return 0, err
	}
	k := 0
	for j, v := range s.row {
		if j != s.ycol {
			x[k] = v
			k++
		}
	}
	return s.row[s.ycol], nil
}

// writeRecord writes one line of fields separated by comma, quoting the
// fields that contain a character of special (and a quote, a line end or a
// leading space, as encoding/csv does).
func writeRecord(w *bufio.Writer, rec []string, comma rune, special string) {
	for j, f := range rec {
		if j > 0 {
			w.WriteRune(comma)
		}
		if f != "" && (strings.ContainsAny(f, special+"\"\r\n") || f[0] == ' ') {
			f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
		w.WriteString(f)
	}
	w.WriteByte('\n')
}

// WriteCSV writes t with a header line, in the separator and decimal mark
// of s: nil writes ',' and '.'; a zero Decimal writes ',' with Comma ';'
// (what a spreadsheet in a Spanish locale reads) and '.' otherwise. Each
// number is the shortest text that ReadCSV(r, s) reads back to the same
// float64. Names that contain ',', ';', tab or a quote are quoted, and so
// are decimal commas in a ','-separated file. Non-finite values, or Data
// not rows×len(Names), are an error wrapping ErrCSV.
func WriteCSV(w io.Writer, t *Table, s *CSVSettings) error {
	if err := s.check(); err != nil {
		return err
	}
	f := CSVSettings{Comma: ',', Decimal: '.'}
	if s != nil {
		if s.Comma != 0 {
			f.Comma = s.Comma
		}
		f.Decimal = s.Decimal
		if f.Decimal == 0 {
			f.Decimal = defaultDecimal(f.Comma)
		}
	}
	if t == nil || t.Data == nil || len(t.Names) == 0 {
		return fmt.Errorf("%w: WriteCSV of an empty table", ErrCSV)
	}
	r, c := t.Data.Dims()
	if c != len(t.Names) {
		return fmt.Errorf("%w: WriteCSV: %d columns of data for %d names", ErrCSV, c, len(t.Names))
	}
	bw := bufio.NewWriter(w)
	// Names with any separator are quoted, so that reading with detection
	// never splits one; numbers only when the decimal mark is the separator.
	writeRecord(bw, t.Names, f.Comma, ",;\t")
	rec := make([]string, c)
	for i := 0; i < r; i++ {
		for j := range rec {
			v := t.Data.At(i, j)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("%w: WriteCSV: row %d, column %q is %v", ErrCSV, i+1, t.Names[j], v)
			}
			rec[j] = strconv.FormatFloat(v, 'g', -1, 64)
			if f.Decimal == ',' {
				rec[j] = strings.Replace(rec[j], ".", ",", 1)
			}
		}
		writeRecord(bw, rec, f.Comma, string(f.Comma))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("%w: %v", ErrCSV, err)
	}
	return nil
}
