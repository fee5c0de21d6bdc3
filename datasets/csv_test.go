package datasets

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"gdkit.dev/gdkit"
)

func TestSlideND(t *testing.T) {
	tab, err := SlideND()
	if err != nil {
		t.Fatal(err)
	}
	wantX := []float64{2, 5, 7, 9, 10, 11, 13.4, 14, 15}
	wantY := []float64{1, 3.2, 4.5, 6, 4, 4.5, 5.5, 3, 5}
	if len(tab.Names) != 2 || tab.Names[0] != "x" || tab.Names[1] != "y" || tab.Rows() != 9 {
		t.Fatalf("names %v, rows %d", tab.Names, tab.Rows())
	}
	x, _ := tab.Column("x")
	y, _ := tab.Column("y")
	for i := range wantX {
		if x[i] != wantX[i] || y[i] != wantY[i] {
			t.Errorf("row %d: (%v, %v), want (%v, %v)", i, x[i], y[i], wantX[i], wantY[i])
		}
	}
	xm, yy, err := tab.XY("y")
	if err != nil {
		t.Fatal(err)
	}
	if r, c := xm.Dims(); r != 9 || c != 1 || xm.At(6, 0) != 13.4 || yy[6] != 5.5 {
		t.Errorf("XY: %d×%d", r, c)
	}
	if _, err := tab.Column("z"); err == nil || !strings.Contains(err.Error(), "x, y") {
		t.Errorf("missing column: %v", err)
	}
	if _, _, err := tab.XY("z"); err == nil {
		t.Error("XY of a missing column")
	}
	if names := Names(); len(names) == 0 || names[0] != "slide_nd.csv" {
		t.Errorf("Names() = %v", names)
	}
	if _, err := Open("nope.csv"); err == nil {
		t.Error("Open of a missing file")
	}
}

func TestReadCSV(t *testing.T) {
	in := "\ufeff a , b ,c\n1, 2 ,3\n\n 4,5e1,-6 \r\n"
	tab, err := ReadCSV(strings.NewReader(in), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{1, 2, 3}, {4, 50, -6}}
	if strings.Join(tab.Names, "|") != "a|b|c" || tab.Rows() != 2 {
		t.Fatalf("names %q rows %d", tab.Names, tab.Rows())
	}
	for i, row := range want {
		for j, v := range row {
			if tab.Data.At(i, j) != v {
				t.Errorf("(%d,%d) = %v, want %v", i, j, tab.Data.At(i, j), v)
			}
		}
	}
	x, y, n, d, err := tab.FlatXY("b")
	if err != nil || n != 2 || d != 2 || x[2] != 4 || x[3] != -6 || y[1] != 50 {
		t.Errorf("FlatXY: %v %v %d %d %v", x, y, n, d, err)
	}
}

func TestReadCSVErrors(t *testing.T) {
	cases := []struct {
		name, in, msg string
		kind          error // the gdkit sentinel of the same meaning, if any
	}{
		{"empty", "", "line 1: empty file", gdkit.ErrEmpty},
		{"only BOM", "\ufeff", "line 1, column 1: empty column name", nil},
		{"header only", "x,y\n", "no data rows", gdkit.ErrEmpty},
		{"ragged", "x,y\n1,2\n3\n", "line 3: 1 fields, the header has 2", gdkit.ErrDimension},
		{"non-numeric", "x,y\n1,2\n3,abc\n", `line 3, column 2: column "y": "abc" is not a number`, nil},
		{"empty cell", "x,y\n1,\n", `line 2, column 2: column "y": empty cell`, nil},
		{"NaN cell", "x,y\nNaN,1\n", `line 2, column 1: column "x": "NaN" is not a finite number`, gdkit.ErrNotFinite},
		{"duplicate", "x,x\n1,2\n", "line 1, column 2: duplicate column name", nil},
		{"bare quote", "x,y\n1,2\"\n", "line 2, column", nil},
	}
	for _, c := range cases {
		_, err := ReadCSV(strings.NewReader(c.in), nil)
		if !errors.Is(err, ErrCSV) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.msg)
		}
		if c.kind != nil && !errors.Is(err, c.kind) {
			t.Errorf("%s: err = %v does not wrap %v", c.name, err, c.kind)
		}
		for _, other := range []error{gdkit.ErrEmpty, gdkit.ErrDimension, gdkit.ErrNotFinite} {
			if other != c.kind && errors.Is(err, other) {
				t.Errorf("%s: err = %v wraps %v", c.name, err, other)
			}
		}
	}
}

func TestCSVStream(t *testing.T) {
	s, err := NewCSVStream(strings.NewReader("a,y,b\n1,10,2\n3, 30 ,4\n5,x,6\n"), "y", nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.D() != 2 {
		t.Fatalf("D = %d", s.D())
	}
	x := make([]float64, 2)
	for _, want := range [][3]float64{{1, 2, 10}, {3, 4, 30}} {
		y, err := s.Next(x)
		if err != nil || x[0] != want[0] || x[1] != want[1] || y != want[2] {
			t.Errorf("row: %v %v %v, want %v", x, y, err, want)
		}
	}
	if _, err := s.Next(x); err == nil || !strings.Contains(err.Error(), "line 4, column 2") {
		t.Errorf("bad row: %v", err)
	}
	if _, err := s.Next(x); err != io.EOF {
		t.Errorf("end: %v", err)
	}
	if _, err := NewCSVStream(strings.NewReader("a,b\n"), "c", nil); err == nil {
		t.Error("missing target column accepted")
	}
}

// spreadsheetES converts a ','-separated file with '.' decimals the way a
// spreadsheet in an es-AR/es-ES locale saves it: sep between fields, ','
// as the decimal mark, CRLF line ends, optionally a UTF-8 byte-order mark.
func spreadsheetES(in string, sep string, crlf, bom bool) string {
	var b strings.Builder
	if bom {
		b.WriteString("\ufeff")
	}
	for _, l := range strings.Split(strings.TrimSuffix(in, "\n"), "\n") {
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(l, ",", sep), ".", ","))
		if crlf {
			b.WriteString("\r\n")
		} else {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// sameTable fails unless got has want's names and bit-identical numbers.
func sameTable(t *testing.T, label string, got, want *Table) {
	t.Helper()
	if strings.Join(got.Names, "|") != strings.Join(want.Names, "|") {
		t.Fatalf("%s: names %q, want %q", label, got.Names, want.Names)
	}
	r, c := want.Data.Dims()
	if gr, gc := got.Data.Dims(); gr != r || gc != c {
		t.Fatalf("%s: %d×%d, want %d×%d", label, gr, gc, r, c)
	}
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if g, w := got.Data.At(i, j), want.Data.At(i, j); math.Float64bits(g) != math.Float64bits(w) {
				t.Errorf("%s: (%d,%d) = %v, want %v", label, i, j, g, w)
			}
		}
	}
}

// TestSlideNDSpreadsheetES: the slide's table as Excel or LibreOffice in a
// Spanish locale saves it (slide_nd_es-AR.csv, embedded: BOM, ';', decimal
// commas, CRLF), and the other forms of it, read to exactly the numbers of
// the ','-separated file.
func TestSlideNDSpreadsheetES(t *testing.T) {
	want, err := SlideND()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := files.ReadFile("slide_nd.csv")
	if err != nil {
		t.Fatal(err)
	}
	file, err := files.ReadFile("slide_nd_es-AR.csv")
	if err != nil {
		t.Fatal(err)
	}
	if string(file) != spreadsheetES(string(raw), ";", true, true) {
		t.Fatalf("slide_nd_es-AR.csv is not the converted slide_nd.csv:\n%q", file)
	}
	tab, err := ReadCSV(bytes.NewReader(file), nil)
	if err != nil {
		t.Fatal(err)
	}
	sameTable(t, "slide_nd_es-AR.csv", tab, want)
	if opened, err := Open("slide_nd_es-AR.csv"); err != nil {
		t.Error(err)
	} else {
		sameTable(t, "Open(slide_nd_es-AR.csv)", opened, want)
	}
	if tab.Format != (CSVSettings{Comma: ';', Decimal: ','}) || want.Format != (CSVSettings{Comma: ',', Decimal: '.'}) {
		t.Errorf("formats %q, %q", tab.Format, want.Format)
	}
	for _, sep := range []string{";", "\t"} {
		for _, crlf := range []bool{false, true} {
			for _, bom := range []bool{false, true} {
				in := spreadsheetES(string(raw), sep, crlf, bom)
				tab, err := ReadCSV(strings.NewReader(in), nil)
				if err != nil {
					t.Fatalf("%q: %v", in, err)
				}
				sameTable(t, fmt.Sprintf("%q crlf=%v bom=%v", sep, crlf, bom), tab, want)
			}
		}
	}
	// LibreOffice's "quote all text cells" quotes the names.
	quoted := strings.Replace(string(file), "x;y", `"x";"y"`, 1)
	if tab, err = ReadCSV(strings.NewReader(quoted), nil); err != nil {
		t.Fatal(err)
	}
	sameTable(t, "quoted names", tab, want)
	// WriteCSV with ';' writes the spreadsheet's form (without BOM and CR).
	var b bytes.Buffer
	if err := WriteCSV(&b, want, &CSVSettings{Comma: ';'}); err != nil {
		t.Fatal(err)
	}
	if b.String() != spreadsheetES(string(raw), ";", false, false) {
		t.Errorf("WriteCSV ';':\n%s", b.String())
	}
}

// TestReadCSVFormats: separators and decimal marks that are read, detected
// or set, with the format the table reports.
func TestReadCSVFormats(t *testing.T) {
	cases := []struct {
		name, in string
		s        *CSVSettings
		want     []float64 // row-major
		format   CSVSettings
	}{
		{"comma", "x,y\n1.5,2\n", nil, []float64{1.5, 2}, CSVSettings{',', '.'}},
		{"semicolon decimal comma", "x;y\n2;1\n13,4;5,5\n", nil, []float64{2, 1, 13.4, 5.5}, CSVSettings{';', ','}},
		{"semicolon decimal point", "x;y\n2.5;1\n1.500;3\n", nil, []float64{2.5, 1, 1.5, 3}, CSVSettings{';', '.'}},
		{"semicolon 1,500 is decimal", "x;y\n1,500;2\n", nil, []float64{1.5, 2}, CSVSettings{';', ','}},
		{"semicolon integers", "x;y\n1;2\n", nil, []float64{1, 2}, CSVSettings{';', ','}},
		{"semicolon exponent", "x;y\n-1,5e3;+0,25\n", nil, []float64{-1500, 0.25}, CSVSettings{';', ','}},
		{"semicolon spaces", " x ; y \n 1,5 ; 2 \n", nil, []float64{1.5, 2}, CSVSettings{';', ','}},
		{"tab decimal comma", "x\ty\n2\t1\n13,4\t5,5\n", nil, []float64{2, 1, 13.4, 5.5}, CSVSettings{'\t', ','}},
		{"tab decimal point", "x\ty\n0.125\t1\n", nil, []float64{0.125, 1}, CSVSettings{'\t', '.'}},
		{"tab integers", "x\ty\n3\t 4\n", nil, []float64{3, 4}, CSVSettings{'\t', '.'}},
		{"tab then thousands-like", "x\ty\n2,5\t1,500\n", nil, []float64{2.5, 1.5}, CSVSettings{'\t', ','}},
		{"quoted separators in names", "\"peso, kg\";altura\n1,5;2\n", nil, []float64{1.5, 2}, CSVSettings{';', ','}},
		{"one column", "y\n1.5\n2\n", nil, []float64{1.5, 2}, CSVSettings{',', '.'}},
		{"forced comma over a mixed header", "a,b;c\n1,5;2\n", &CSVSettings{Comma: ';'}, []float64{1.5, 2}, CSVSettings{';', ','}},
		{"forced decimal point", "x;y\n1.500;2\n", &CSVSettings{Decimal: '.'}, []float64{1.5, 2}, CSVSettings{';', '.'}},
		{"forced decimal comma in tab", "x\ty\n1,500\t2\n", &CSVSettings{Decimal: ','}, []float64{1.5, 2}, CSVSettings{'\t', ','}},
		{"quoted decimal commas", "x,y\n\"1,5\",2\n", &CSVSettings{Decimal: ','}, []float64{1.5, 2}, CSVSettings{',', ','}},
		{"forced comma, one column", "y\r\n1,5\r\n", &CSVSettings{Comma: ';'}, []float64{1.5}, CSVSettings{';', ','}},
	}
	for _, c := range cases {
		tab, err := ReadCSV(strings.NewReader(c.in), c.s)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := tab.Data.RawMatrix().Data; !equalFloats(got, c.want) || tab.Format != c.format {
			t.Errorf("%s: %v %q, want %v %q", c.name, got, tab.Format, c.want, c.format)
		}
		if len(tab.Names) > 1 {
			rows, format, err := streamRows(c.in, tab.Names[0], c.s)
			if err != nil || !equalFloats(rows, c.want) || format != c.format {
				t.Errorf("%s: stream %v %q %v", c.name, rows, format, err)
			}
		}
	}
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// streamRows reads in with a CSVStream whose target is the first column
// and returns the rows as ReadCSV orders them, and the stream's format.
func streamRows(in, first string, s *CSVSettings) ([]float64, CSVSettings, error) {
	st, err := NewCSVStream(strings.NewReader(in), first, s)
	if err != nil {
		return nil, CSVSettings{}, err
	}
	x := make([]float64, st.D())
	var out []float64
	for {
		y, err := st.Next(x)
		if err == io.EOF {
			return out, st.Format(), nil
		}
		if err != nil {
			return out, st.Format(), err
		}
		out = append(append(out, y), x...)
	}
}

// TestReadCSVAmbiguous: input that could mean two different numbers, or a
// separator that may be the wrong one, fails with the line, the column, the
// separator or mark assumed, and how to force another. CSVStream gives the
// same error. A message ending in "$" must end the error.
func TestReadCSVAmbiguous(t *testing.T) {
	cases := []struct {
		name, in string
		s        *CSVSettings
		msg      []string
	}{
		{"1,5 in a comma file", "x,y\n2,1\n13,4,5,5\n", nil, []string{
			"line 3: 4 fields, the header has 2 (separator ',' detected from the header;",
			"decimal comma splits a number in two", "save the file with ';' as the separator",
			"&datasets.CSVSettings{Decimal: ','}"}},
		{"quoted 1,5 in a comma file", "x,y\n\"1,5\",2\n", nil, []string{
			`line 2, column 1: column "x": "1,5" is not a number: the separator is ',' (detected from the header), so the decimal mark is '.'`,
			"&datasets.CSVSettings{Decimal: ','}"}},
		{"one column with decimal commas", "y\n1,5\n", nil, []string{
			"line 2: 2 fields, the header has 1 (separator ',' assumed: the header has no separator;",
			"read it with &datasets.CSVSettings{Comma: ';'}"}},
		{"header with ; and ,", "x;y,z\n1;2\n", nil, []string{
			"line 1: the header has ',' and ';' outside quotes, so the separator is ambiguous (none assumed)",
			"&datasets.CSVSettings{Comma: ','} or {Comma: ';'}"}},
		{"header with tab and ;", "x\ty;z\n1\t2\n", nil, []string{
			`line 1: the header has ';' and '\t' outside quotes`}},
		{"rows with ; under a comma header", "x,y\n1;2\n", nil, []string{
			"line 2: 1 fields, the header has 2 (separator ',' detected from the header, but the row has ';'"}},
		{"rows with ; under a forced comma", "x;y\n1;2\n", &CSVSettings{Comma: ','}, []string{
			`line 2, column 1: column "x;y": "1;2" is not a number (separator ',' set in CSVSettings, but the row has ';'`,
			"use &datasets.CSVSettings{Comma: ';'}"}},
		{"the issue's file as one column", "x;y\n2;1\n", &CSVSettings{Comma: '\t'}, []string{
			`line 2, column 1: column "x;y": "2;1" is not a number (separator tab set in CSVSettings, but the row has ';'`}},
		{"thousands in ;", "x;y\n1.500;2\n", nil, []string{
			`line 2, column 1: column "x": "1.500" is ambiguous in a ';'-separated file: 1.5 with '.' as the decimal mark, or 1500 with '.' separating thousands?`,
			"&datasets.CSVSettings{Decimal: '.'} (or ',')"}},
		{"thousands in tab, comma", "x\ty\n1\t12,345\n", nil, []string{
			`line 2, column 2: column "y": "12,345" is ambiguous in a tab-separated file: 12.345 with ',' as the decimal mark, or 12345`}},
		{"thousands in tab, point", "x\ty\n-100.000\t1\n", nil, []string{
			`line 2, column 1: column "x": "-100.000" is ambiguous`}},
		{"thousands and decimal", "x;y\n1.234,5;2\n", nil, []string{
			`line 2, column 1: column "x": "1.234,5" has both '.' and ','`, "thousands separators are not read"}},
		{"thousands twice", "x;y\n1;1.234.567\n", nil, []string{
			`line 2, column 2: column "y": "1.234.567" is not a number (a thousands separator?`}},
		{"mixed marks", "x;y\n2,5;1\n3;4\n3.5;2\n", nil, []string{
			`line 4, column 1: column "x": "3.5" has '.' as the decimal mark, but line 2 has ',' ("2,5"): mixed decimal marks`}},
		{"mixed marks in tab", "x\ty\n1\t2.25\n 3,5 \t2\n", nil, []string{
			`line 3, column 1: column "x": " 3,5 " has ',' as the decimal mark, but line 2 has '.' ("2.25")`}},
		{"forced mark", "x;y\n2.5;1\n", &CSVSettings{Decimal: ','}, []string{
			`line 2, column 1: column "x": "2.5" is not a number: the decimal mark is ',' (set in CSVSettings)`}},
		{"forced comma, decimal commas", "x,y\n1,5,2\n", &CSVSettings{Comma: ','}, []string{
			"line 2: 3 fields, the header has 2 (separator ',' set in CSVSettings;"}},
		{"bad comma setting", "x|y\n1|2\n", &CSVSettings{Comma: '|'}, []string{"CSVSettings.Comma = '|'"}},
		{"bad decimal setting", "x,y\n1,2\n", &CSVSettings{Decimal: 'x'}, []string{"CSVSettings.Decimal = 'x'"}},
		{"extra field in ;", "x;y\n1;2,5;3\n", nil, []string{"line 2: 3 fields, the header has 2$"}},
		{"tab, empty cell", "x\ty\n1\t\n", nil, []string{`line 2, column 2: column "y": empty cell`}},
		{"tab, extra empty field", "x\ty\tz\n1\t\t2\t3\n", nil, []string{"line 2: 4 fields, the header has 3"}},
		{"tab, NaN", "x\ty\n1\tNaN\n", nil, []string{`line 2, column 2: column "y": "NaN" is not a finite number`}},
	}
	for _, c := range cases {
		_, err := ReadCSV(strings.NewReader(c.in), c.s)
		if !errors.Is(err, ErrCSV) {
			t.Errorf("%s: err = %v", c.name, err)
			continue
		}
		for _, m := range c.msg {
			if cut, ok := strings.CutSuffix(m, "$"); ok && !strings.HasSuffix(err.Error(), cut) ||
				!ok && !strings.Contains(err.Error(), m) {
				t.Errorf("%s: err = %v\nwant %q", c.name, err, m)
			}
		}
		if strings.HasPrefix(c.in, "y\n") || strings.Contains(err.Error(), `column "x;y"`) {
			continue // one column: nothing to stream
		}
		if _, _, serr := streamRows(c.in, "x", c.s); serr == nil || serr.Error() != err.Error() {
			t.Errorf("%s: stream err = %v\nReadCSV err = %v", c.name, serr, err)
		}
	}
}

func TestWriteCSV(t *testing.T) {
	tab, err := ReadCSV(strings.NewReader("a b,\"c,d\"\n0.1,-2e-300\n1e21,3\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		s    *CSVSettings
		want string
	}{
		{nil, "a b,\"c,d\"\n0.1,-2e-300\n1e+21,3\n"},
		{&CSVSettings{Comma: ';'}, "a b;\"c,d\"\n0,1;-2e-300\n1e+21;3\n"},
		{&CSVSettings{Comma: '\t', Decimal: ','}, "a b\t\"c,d\"\n0,1\t-2e-300\n1e+21\t3\n"},
		{&CSVSettings{Decimal: ','}, "a b,\"c,d\"\n\"0,1\",-2e-300\n1e+21,3\n"},
	} {
		var b bytes.Buffer
		if err := WriteCSV(&b, tab, c.s); err != nil || b.String() != c.want {
			t.Errorf("%+v: %q %v, want %q", c.s, b.String(), err, c.want)
			continue
		}
		back, err := ReadCSV(&b, c.s)
		if err != nil {
			t.Errorf("%+v: read back: %v", c.s, err)
			continue
		}
		sameTable(t, fmt.Sprintf("%+v", c.s), back, tab)
	}
	tab.Data.Set(0, 0, math.NaN())
	if err := WriteCSV(io.Discard, tab, nil); !errors.Is(err, ErrCSV) || !strings.Contains(err.Error(), `row 1, column "a b" is NaN`) {
		t.Errorf("NaN: %v", err)
	}
	if err := WriteCSV(io.Discard, &Table{}, nil); !errors.Is(err, ErrCSV) {
		t.Errorf("empty table: %v", err)
	}
	if err := WriteCSV(io.Discard, &Table{Names: []string{"a"}, Data: tab.Data}, nil); !errors.Is(err, ErrCSV) {
		t.Errorf("names ≠ columns: %v", err)
	}
	if err := WriteCSV(io.Discard, tab, &CSVSettings{Decimal: ';'}); !errors.Is(err, ErrCSV) {
		t.Errorf("bad settings: %v", err)
	}
}

// fuzzSettings maps a byte to the settings a fuzz case reads with: 0 is
// nil, then every Comma (0 , ; tab) × Decimal (0 . ,).
func fuzzSettings(mode uint8) *CSVSettings {
	if mode == 0 {
		return nil
	}
	m := int(mode-1) % 12
	return &CSVSettings{Comma: []rune{0, ',', ';', '\t'}[m%4], Decimal: []rune{0, '.', ','}[m/4]}
}

// FuzzReadCSV: ReadCSV never panics and its errors wrap ErrCSV; on success
// the table is rectangular, finite and has as many distinct non-empty names
// as columns; CSVStream reads the same rows; WriteCSV in the table's own
// format reads back (with that format) to the same float64 bits, and read
// back with detection it gives the same numbers or an error, never others.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{"x,y\n1,2\n", "\ufeffa, b\n 1 ,2\n3,4\n", "x\n1\n2,3\n", "", "x,y\n1,\"2\"\n",
		"a,b\n1e308,-1e-308\n", "x,y\nNaN,Inf\n",
		"x;y\n2;1\n13,4;5,5\n", "\ufeffx;y\r\n2;1\r\n5;3,2\r\n", "\"x\";\"y\"\r\n1,5;2\r\n",
		"x;y\n1.500;2\n", "x;y\n2,5;1\n3.5;2\n", "x;y\n1.234,5;2\n", "x;y,z\n1;2\n",
		"x\ty\n2\t1\n13,4\t5,5\n", "x\ty\n0.125\t1\n", "x\ty\n1,500\t2\n", "x\ty\tz\n1\t\t2\t3\n",
		"x,y\n2,1\n13,4,5,5\n", "x,y\n\"1,5\",2\n", "y\n1,5\n", "\"peso, kg\";altura\n1,5;2\n"} {
		for _, mode := range []uint8{0, 2, 5, 9} {
			f.Add(s, mode)
		}
	}
	f.Fuzz(func(t *testing.T, in string, mode uint8) {
		s := fuzzSettings(mode)
		tab, err := ReadCSV(strings.NewReader(in), s)
		if err != nil {
			if !errors.Is(err, ErrCSV) {
				t.Fatalf("error does not wrap ErrCSV: %v", err)
			}
			return
		}
		r, c := tab.Data.Dims()
		if r == 0 || c != len(tab.Names) {
			t.Fatalf("%d×%d for names %q", r, c, tab.Names)
		}
		seen := map[string]bool{}
		for _, n := range tab.Names {
			if n == "" || seen[n] {
				t.Fatalf("bad names %q", tab.Names)
			}
			seen[n] = true
		}
		data := tab.Data.RawMatrix().Data
		for _, v := range data {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("non-finite cell %v", v)
			}
		}
		if c > 1 {
			rows, _, err := streamRows(in, tab.Names[0], s)
			if err != nil || !equalFloats(rows, data) {
				t.Fatalf("stream: %v %v, ReadCSV %v", rows, err, data)
			}
		}
		var b bytes.Buffer
		if err := WriteCSV(&b, tab, &tab.Format); err != nil {
			t.Fatalf("WriteCSV %q: %v", tab.Format, err)
		}
		back, err := ReadCSV(bytes.NewReader(b.Bytes()), &tab.Format)
		if err != nil {
			t.Fatalf("read back %q with %q: %v", b.String(), tab.Format, err)
		}
		if !equalFloats(back.Data.RawMatrix().Data, data) {
			t.Fatalf("read back %q: %v, want %v", b.String(), back.Data.RawMatrix().Data, data)
		}
		if auto, err := ReadCSV(bytes.NewReader(b.Bytes()), nil); err == nil && !equalFloats(auto.Data.RawMatrix().Data, data) {
			t.Fatalf("read back %q detected as %q: %v, want %v", b.String(), auto.Format, auto.Data.RawMatrix().Data, data)
		}
	})
}
