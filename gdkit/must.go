package gdkit

import "errors"

// Must returns v when err is nil and panics otherwise: the one-line way for
// a notebook cell (or a small program) to stop on an error,
//
//	d := gdkit.Must(gdkit.Derivative(f, 1, nil))
//
// instead of four lines of "if err != nil { panic(err) }". The panic value
// is an error that wraps err (errors.Is and errors.As still see it) and
// whose message is the Spanish text of the error when it has one (a
// *DivergenceError or a *KinkError: "el descenso divergió en la iteración
// 10: ..."), the English message otherwise. GoNB prints that message and
// marks the line of the cell that failed.
func Must[T any](v T, err error) T {
	Must0(err)
	return v
}

// Must2 is Must for the calls that return two values and an error, such as
// GridGradient or datasets.LinearData.
func Must2[T, U any](a T, b U, err error) (T, U) {
	Must0(err)
	return a, b
}

// Must0 is Must for the calls that return only an error, such as NumHessian.
func Must0(err error) {
	if err != nil {
		panic(&mustError{err})
	}
}

// mustError is the panic value of Must: err, read in Spanish when it can be.
type mustError struct{ err error }

func (e *mustError) Error() string {
	var es interface{ Spanish() string }
	if errors.As(e.err, &es) {
		return es.Spanish()
	}
	return e.err.Error()
}

func (e *mustError) Unwrap() error { return e.err }
