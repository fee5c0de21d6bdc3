// Package exercise checks the answers to the notebooks' ejercicios and
// prints a verdict in Spanish: "✔" when the answer is right, "✘" with a hint
// when it is not.
//
// Every check prints its verdict to standard output (a notebook cell shows
// it) and returns it. Reference solutions stored in the notebooks end with
// MustPass, so that `make test`, which executes every notebook, fails if a
// reference solution ever stops passing.
package exercise
