package datasets

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"gdkit.dev/gdkit"
)

// CSVSettings sets the field separator and the decimal mark of ReadCSV,
// NewCSVStream and WriteCSV. A nil *CSVSettings, or a zero field, means the
// default: detect it when reading (the rules are in the ReadCSV
// documentation).
type CSVSettings struct {
	// Comma is the field separator: ',', ';' or '\t'. 0 detects it from
	// the header line.
	Comma rune
	// Decimal is the decimal mark: '.' or ','. 0 means '.' in a
	// ','-separated file, and the mark the numbers show in a ';'- or
	// tab-separated one.
	Decimal rune
}

// separators are the field separators ReadCSV detects, in the order its
// messages list them.
var separators = []rune{',', ';', '\t'}

func (s *CSVSettings) check() error {
	if s == nil {
		return nil
	}
	if s.Comma != 0 && !strings.ContainsRune(",;\t", s.Comma) {
		return fmt.Errorf("%w: %w: CSVSettings.Comma = %q: want ',', ';' or '\\t' (0 detects it)", ErrCSV, gdkit.ErrBadParam, s.Comma)
	}
	if s.Decimal != 0 && s.Decimal != '.' && s.Decimal != ',' {
		return fmt.Errorf("%w: %w: CSVSettings.Decimal = %q: want '.' or ',' (0 detects it)", ErrCSV, gdkit.ErrBadParam, s.Decimal)
	}
	return nil
}

// maxHeader bounds the bytes read while looking for the end of the header.
const maxHeader = 1 << 20

// scanHeader reads br up to the end of the first non-blank record (a quoted
// name may span lines) and returns those bytes, without a leading UTF-8
// byte-order mark, whether there was one, and which separators appear
// outside quotes. A quote opens a quoted field only at the start of a field,
// as in encoding/csv; the rest of the input stays in br.
func scanHeader(br *bufio.Reader) (hdr []byte, bom bool, found []rune, err error) {
	if b, _ := br.Peek(3); string(b) == "\ufeff" {
		br.Discard(3)
		bom = true
	}
	seen := map[rune]bool{}
	inQuote, fieldStart, content := false, true, false
	for {
		c, err := br.ReadByte()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, bom, nil, fmt.Errorf("%w: %v", ErrCSV, err)
		}
		hdr = append(hdr, c)
		if len(hdr) > maxHeader {
			return nil, bom, nil, csvErr(1, 0, "no end of the header line in the first %d bytes", maxHeader)
		}
		if inQuote {
			if c == '"' {
				if b, _ := br.Peek(1); len(b) == 1 && b[0] == '"' {
					br.Discard(1)
					hdr = append(hdr, '"')
					continue
				}
				inQuote = false
			}
			continue
		}
		switch c {
		case '\n':
			if content {
				return hdr, bom, sepsIn(seen), nil
			}
		case '\r':
		case ',', ';', '\t':
			seen[rune(c)] = true
			fieldStart, content = true, true
		case ' ':
			content = true
		case '"':
			inQuote = fieldStart
			fieldStart, content = false, true
		default:
			fieldStart, content = false, true
		}
	}
	return hdr, bom, sepsIn(seen), nil
}

func sepsIn(seen map[rune]bool) []rune {
	var out []rune
	for _, r := range separators {
		if seen[r] {
			out = append(out, r)
		}
	}
	return out
}

// csvFormat is the separator and decimal mark a reader uses, with where
// each came from, for the messages.
type csvFormat struct {
	comma     rune
	commaFrom string // "detected from the header", ...
	dec       rune   // 0 until the numbers show it (';' and tab files)
	decForced bool   // set in CSVSettings
	decLine   int    // line of the number that showed dec (0: the separator implies it)
	decCell   string // that number
}

// newFormat resolves the settings and the separators found in the header.
func newFormat(s *CSVSettings, found []rune) (csvFormat, error) {
	var f csvFormat
	if s == nil {
		s = &CSVSettings{}
	}
	switch {
	case s.Comma != 0:
		f.comma, f.commaFrom = s.Comma, "set in CSVSettings"
	case len(found) == 0:
		f.comma, f.commaFrom = ',', "assumed: the header has no separator"
	case len(found) == 1:
		f.comma, f.commaFrom = found[0], "detected from the header"
	default:
		q := make([]string, len(found))
		for i, r := range found {
			q[i] = fmt.Sprintf("%q", r)
		}
		return f, csvErr(1, 0, "the header has %s outside quotes, so the separator is ambiguous "+
			"(none assumed): force one with &datasets.CSVSettings{Comma: %s}, or quote the names that contain the others",
			strings.Join(q, " and "), strings.Join(q, "} or {Comma: "))
	}
	switch {
	case s.Decimal != 0:
		f.dec, f.decForced = s.Decimal, true
	case f.comma == ',':
		f.dec = '.'
	}
	return f, nil
}

// settings returns the format as CSVSettings; a mark the numbers have not
// shown yet is the default WriteCSV uses for that separator.
func (f *csvFormat) settings() CSVSettings {
	d := f.dec
	if d == 0 {
		d = defaultDecimal(f.comma)
	}
	return CSVSettings{Comma: f.comma, Decimal: d}
}

// defaultDecimal is the decimal mark WriteCSV uses for a separator: ',' for
// ';' (the spreadsheets that write ';' write decimal commas), else '.'.
func defaultDecimal(comma rune) rune {
	if comma == ';' {
		return ','
	}
	return '.'
}

// thousandsLike reports whether t could be an integer written with mark as
// a thousands separator: an optional sign, 1–3 digits not starting with 0,
// the mark, exactly 3 digits ("1.500", "-12,345").
func thousandsLike(t string, mark byte) bool {
	if t != "" && (t[0] == '+' || t[0] == '-') {
		t = t[1:]
	}
	i := strings.IndexByte(t, mark)
	if i < 1 || i > 3 || t[0] == '0' || len(t)-i-1 != 3 {
		return false
	}
	for k := 0; k < len(t); k++ {
		if k != i && (t[k] < '0' || t[k] > '9') {
			return false
		}
	}
	return true
}

// other returns the decimal mark that is not m.
func other(m rune) rune {
	if m == '.' {
		return ','
	}
	return '.'
}

// number parses one cell (s as read, for the messages) on the given line.
func (f *csvFormat) number(s string, line int) (float64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, fmt.Errorf("empty cell")
	}
	dots, commas := strings.Count(t, "."), strings.Count(t, ",")
	var mark rune
	switch {
	case dots > 0 && commas > 0:
		return 0, fmt.Errorf("%q has both '.' and ',': thousands separators are not read; "+
			"save the column without them (as plain numbers)", s)
	case dots > 1 || commas > 1:
		return 0, fmt.Errorf("%q is not a number (a thousands separator? they are not read; "+
			"save the column without them)", s)
	case dots == 1:
		mark = '.'
	case commas == 1:
		mark = ','
	}
	if mark != 0 {
		if err := f.checkMark(s, t, mark); err != nil {
			return 0, err
		}
	}
	if mark == ',' {
		t = strings.Replace(t, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil {
		if h := f.sepHint(t); h != "" {
			return 0, fmt.Errorf("%q is not a number (%s)", s, h)
		}
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, &kindError{msg: fmt.Sprintf("%q is not a finite number", s), kind: gdkit.ErrNotFinite}
	}
	if mark != 0 && f.dec == 0 {
		f.dec, f.decLine, f.decCell = mark, line, strings.TrimSpace(s)
	}
	return v, nil
}

// checkMark accepts mark as the decimal mark of cell s (t trimmed) or
// explains why not. In a ';' or tab file the first number that shows a mark
// unambiguously fixes it for the rest of the file (number records it).
func (f *csvFormat) checkMark(s, t string, mark rune) error {
	switch {
	case f.dec == mark:
		return nil
	case f.decForced:
		return fmt.Errorf("%q is not a number: the decimal mark is %q (set in CSVSettings)", s, f.dec)
	case f.dec != 0 && f.decLine == 0:
		return fmt.Errorf("%q is not a number: the separator is ',' (%s), so the decimal mark is '.'; "+
			"if ',' is the decimal mark, save the file with ';' as the separator, "+
			"or read it with &datasets.CSVSettings{Decimal: ','}", s, f.commaFrom)
	case f.dec != 0:
		return fmt.Errorf("%q has %q as the decimal mark, but line %d has %q (%q): mixed decimal marks; "+
			"use one mark in the whole file", s, mark, f.decLine, f.dec, f.decCell)
	}
	// Undecided: a ';' or tab file. ',' in a ';' file is always decimal (the
	// locales that separate with ';' group thousands with '.').
	if thousandsLike(t, byte(mark)) && !(f.comma == ';' && mark == ',') {
		dec, _ := strconv.ParseFloat(strings.Replace(t, string(mark), ".", 1), 64)
		th, _ := strconv.ParseFloat(strings.Replace(t, string(mark), "", 1), 64)
		return fmt.Errorf("%q is ambiguous in a %s-separated file: %v with %q as the decimal mark, or %v with "+
			"%q separating thousands? No earlier number shows the decimal mark; read with "+
			"&datasets.CSVSettings{Decimal: %q} (or %q), or save the column without thousands separators",
			s, sepName(f.comma), dec, mark, th, mark, mark, other(mark))
	}
	return nil
}

// sepName names a separator in prose: "','", "';'" or "tab".
func sepName(r rune) string {
	if r == '\t' {
		return "tab"
	}
	return fmt.Sprintf("%q", r)
}

// fieldsHint explains a row with the wrong number of fields when the
// separator may be the cause, or returns "".
func (f *csvFormat) fieldsHint(rec []string, want int) string {
	if len(rec) > want && f.comma == ',' {
		fix := "save the file with ';' as the separator, or quote the numbers and read it with " +
			"&datasets.CSVSettings{Decimal: ','}"
		if f.commaFrom != "detected from the header" {
			fix = "read it with &datasets.CSVSettings{Comma: ';'}, or save it with ';' as the separator"
		}
		return fmt.Sprintf(" (separator ',' %s; a decimal comma splits a number in two: if ',' is the "+
			"decimal mark, %s)", f.commaFrom, fix)
	}
	for _, c := range rec {
		if h := f.sepHint(c); h != "" {
			return " (" + h + ")"
		}
	}
	return ""
}

// sepHint explains a field that contains ';' or tab when they are not the
// separator, or returns "" (a ',' in a field may be a decimal comma).
func (f *csvFormat) sepHint(field string) string {
	for _, r := range []rune{';', '\t'} {
		if r == f.comma || !strings.ContainsRune(field, r) {
			continue
		}
		if f.commaFrom == "detected from the header" {
			return fmt.Sprintf("separator %s detected from the header, but the row has %s: "+
				"the header and the rows must use the same separator", sepName(f.comma), sepName(r))
		}
		return fmt.Sprintf("separator %s %s, but the row has %s: to read it with %s, "+
			"use &datasets.CSVSettings{Comma: %q}", sepName(f.comma), f.commaFrom, sepName(r), sepName(r), r)
	}
	return ""
}
