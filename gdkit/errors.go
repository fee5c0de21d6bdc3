package gdkit

import (
	"errors"
	"fmt"
	"math"
)

// The sentinel errors. Every error returned by gdkit, and by the packages
// built on it (datasets, gdplot), wraps one of them; test with errors.Is:
//
//	if errors.Is(err, gdkit.ErrBadParam) { ... }
//
// The message names the package and the offending value, e.g.
// "gdkit: bad parameter: α = -1 must be finite and > 0".
var (
	// ErrDimension reports lengths that do not match: w0 against
	// Problem.Dim, dst against w, ragged rows, len(values) against a grid.
	ErrDimension = errors.New("dimension mismatch")
	// ErrNotFinite reports a NaN or ±Inf input or function value.
	ErrNotFinite = errors.New("value is NaN or Inf")
	// ErrBadParam reports a parameter outside its range: α ≤ 0, a negative
	// tolerance, a step h = 0, n < 1 points, lo ≥ hi, a nil function, a
	// label outside {0, 1}, a schedule giving α_t < 0 or NaN, β ≥ 1 in a
	// rule of package optim, ...
	ErrBadParam = errors.New("bad parameter")
	// ErrEmpty reports an empty input: no points, no rows, no components.
	ErrEmpty = errors.New("empty input")
	// ErrDiverged reports a descent stopped because E grew without bound or
	// a value became Inf/NaN during the run; the error is a *DivergenceError.
	ErrDiverged = errors.New("descent diverged")
	// ErrKink reports a point where the left and right limits of the
	// incremental quotient disagree, so f has no derivative there (|x| or
	// ReLU at 0); the error is a *KinkError holding both one-sided values.
	ErrKink = errors.New("one-sided derivatives disagree (kink)")
	// ErrSearchFailed reports a line search that found no acceptable step
	// size along its direction: near a minimum, where E's decrease falls
	// below its round-off, or with a wrong gradient. In Descend the error
	// is a *SearchError.
	ErrSearchFailed = errors.New("line search found no acceptable step")
)

// errorf returns "gdkit: <kind>: <message>", wrapping kind.
func errorf(kind error, format string, args ...any) error {
	return fmt.Errorf("gdkit: %w: "+format, append([]any{kind}, args...)...)
}

// badParamIn is the ErrBadParam error of a part (an update rule, a line
// search, a schedule) whose own check failed with err. The category is
// said once: by err when it already wraps ErrBadParam ("gdkit: update
// rule: optim: bad parameter: β₁ = 2 must be in [0, 1)"), else here
// ("gdkit: bad parameter: update rule: β must be in [0, 1)").
func badParamIn(part string, err error) error {
	if errors.Is(err, ErrBadParam) {
		return fmt.Errorf("gdkit: %s: %w", part, err)
	}
	return errorf(ErrBadParam, "%s: %w", part, err)
}

// notFinite is the ErrNotFinite error for the value v named what.
func notFinite(what string, v float64) error { return errorf(ErrNotFinite, "%s = %v", what, v) }

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// firstNonFinite returns the index of the first NaN or ±Inf in v, or -1.
func firstNonFinite(v []float64) int {
	for i, x := range v {
		if !isFinite(x) {
			return i
		}
	}
	return -1
}

// checkVec requires a non-empty, finite vector named name.
func checkVec(name string, v []float64) error {
	if len(v) == 0 {
		return errorf(ErrEmpty, "%s has no components", name)
	}
	if i := firstNonFinite(v); i >= 0 {
		return notFinite(fmt.Sprintf("%s[%d]", name, i), v[i])
	}
	return nil
}

// checkTol requires a finite tolerance ≥ 0.
func checkTol(name string, v float64) error {
	if !isFinite(v) || v < 0 {
		return errorf(ErrBadParam, "%s = %v must be finite and ≥ 0", name, v)
	}
	return nil
}

// useDst returns dst, or a new slice of length n when dst is nil; a dst of
// another length is an ErrDimension error naming the input it must match.
func useDst(dst []float64, n int, name string) ([]float64, error) {
	if dst == nil {
		return make([]float64, n), nil
	}
	if len(dst) != n {
		return nil, errorf(ErrDimension, "len(dst) = %d, len(%s) = %d", len(dst), name, n)
	}
	return dst, nil
}

// dimPanic panics with an ErrDimension error: the documented behaviour of
// the methods whose signature has no error (Model.E, Model.Grad, Trace.Step).
func dimPanic(format string, args ...any) {
	panic(errorf(ErrDimension, format, args...))
}
