package gdkit

import "errors"

// Must returns v when err is nil and panics otherwise: the one-line way for
// a notebook cell (or a small program) to stop on an error,
//
//	d := gdkit.Must(gdkit.Derivative(f, 1, nil))
//
// instead of four lines of "if err != nil { panic(err) }". The panic value
// is an error that wraps err (errors.Is and errors.As still see it) and
// whose message is Spanish(err): the Spanish text of the error when it has
// one ("el descenso divergió en la iteración 10: ..."), the English
// message otherwise. GoNB prints that message and marks the line of the
// cell that failed. To print the message and go on, use Spanish(err).
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

func (e *mustError) Error() string { return Spanish(e.err) }

func (e *mustError) Unwrap() error { return e.err }

// Spanish returns the message of err for a Spanish notebook, without
// stopping the cell: the Spanish() text of the first error in err's chain
// that has a Spanish method (err itself, then what it wraps, in the order
// of errors.As: a *KinkError, *DomainError, *DivergenceError, *SearchError
// or optim's *IndefiniteError), else err.Error(); "" for a nil err.
//
//	if _, err := gdkit.Derivative(math.Log, 0, nil); err != nil {
//		fmt.Println(gdkit.Spanish(err))
//	}
//
// A Spanish text stands alone: the English context that wrappers add
// around it ("gdkit: update rule at iteration 3: ...") is dropped, so each
// of those types says in Spanish where it happened. Must's panic shows the
// same text.
func Spanish(err error) string {
	if err == nil {
		return ""
	}
	var es interface{ Spanish() string }
	if errors.As(err, &es) {
		return es.Spanish()
	}
	return err.Error()
}
