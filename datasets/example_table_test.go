package datasets_test

import (
	"fmt"
	"strings"

	"gdkit.dev/datasets"
	"gdkit.dev/gdkit"
)

// The slide's table, as columns and as the (x, y) of a linear regression.
func ExampleSlideND() {
	tab, err := datasets.SlideND()
	if err != nil {
		fmt.Println(err)
		return
	}
	xs, _ := tab.Column("x")
	fmt.Println(tab.Names, tab.Rows(), "rows; x =", xs)
	x, y, n, d, _ := tab.FlatXY("y")
	data, _ := gdkit.NewData(x, y, n, d)
	fmt.Println("data:", data.N, "rows of", data.D, "feature")
	// Output:
	// [x y] 9 rows; x = [2 5 7 9 10 11 13.4 14 15]
	// data: 9 rows of 1 feature
}

// A user's CSV file split into the features X and the target y; errors give
// the line and the column.
func ExampleTable_XY() {
	tab, err := datasets.ReadCSV(strings.NewReader("horas, nota\n2, 4\n5, 6.5\n8, 9\n"), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	X, y, _ := tab.XY("nota")
	r, c := X.Dims()
	fmt.Printf("X is %d×%d, y = %v\n", r, c, y)
	_, err = datasets.ReadCSV(strings.NewReader("x,y\n1,2\n3\n"), nil)
	fmt.Println(err)
	// Output:
	// X is 3×1, y = [4 6.5 9]
	// datasets: bad CSV: line 3: 1 fields, the header has 2
}

// The embedded files, by name.
func ExampleOpen() {
	for _, name := range datasets.Names() {
		tab, err := datasets.Open(name)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(name, tab.Names)
	}
	// Output:
	// slide_nd.csv [x y]
	// slide_nd_es-AR.csv [x y]
}
