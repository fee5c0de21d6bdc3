package datasets_test

import (
	"fmt"
	"strings"

	"gdkit.dev/datasets"
)

// A CSV as Excel or LibreOffice in a Spanish locale saves it (';' between
// fields, ',' as the decimal mark, CRLF) reads to the same numbers as the
// ','-separated form; a decimal comma in a ','-separated file is an error
// that names the line and says how to read the file.
func ExampleReadCSV() {
	planilla := "x;y\r\n2;1\r\n13,4;5,5\r\n"
	tab, err := datasets.ReadCSV(strings.NewReader(planilla), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q separated, %q decimals\n", tab.Format.Comma, tab.Format.Decimal)
	for i := 0; i < tab.Rows(); i++ {
		fmt.Println(tab.Data.RawRowView(i))
	}

	_, err = datasets.ReadCSV(strings.NewReader("x,y\n2,1\n13,4,5,5\n"), nil)
	fmt.Println(err)

	// One column of decimal commas: the header shows no separator, so say it.
	tab, err = datasets.ReadCSV(strings.NewReader("y\n1,5\n"), &datasets.CSVSettings{Comma: ';'})
	fmt.Println(tab.Data.RawRowView(0), err)
	// Output:
	// ';' separated, ',' decimals
	// [2 1]
	// [13.4 5.5]
	// datasets: bad CSV: line 3: 4 fields, the header has 2 (separator ',' detected from the header; a decimal comma splits a number in two: if ',' is the decimal mark, save the file with ';' as the separator, or quote the numbers and read it with &datasets.CSVSettings{Decimal: ','})
	// [1.5] <nil>
}
