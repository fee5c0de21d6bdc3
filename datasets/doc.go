// Package datasets holds the course data (embedded CSV files), a CSV loader
// for users' own files and seeded synthetic generators.
//
// The slide "Descenso de gradiente en ND" table is slide_nd.csv (columns x,
// y), embedded with go:embed and loaded by SlideND into a *Table (column
// names + *mat.Dense); slide_nd_es-AR.csv is the same table as a
// spreadsheet in a Spanish locale saves it (';' between fields, decimal
// commas), read by Open("slide_nd_es-AR.csv") to exactly the same numbers. ReadCSV reads users' files as spreadsheets save them
// in any locale (',', ';' or tab between fields, '.' or ',' as the decimal
// mark, detected or set in CSVSettings), with errors that give the line and
// column; CSVStream reads a file row by row for data sets larger than
// memory; WriteCSV writes a table back in any of those forms.
//
// LinearData and TwoClassData draw seeded data sets of any size as row-major
// slices (mat.NewDense(n, d, x) wraps them without copying);
// NewLinearStream and NewTwoClassStream give the same rows one at a time in
// constant memory (10⁶–10⁷ rows and more), as a gdkit.RowSource.
//
// Errors wrap gdkit's sentinels where the meaning is the same
// (gdkit.ErrBadParam for generator parameters, gdkit.ErrEmpty,
// gdkit.ErrDimension and gdkit.ErrNotFinite for CSV input), and ErrCSV for
// every CSV error. Seeded sources come from gdkit.NewRand.
package datasets
