// Package exercise checks the answers to the notebooks' ejercicios and
// prints a verdict in Spanish: "✔" when the answer is right, "✘" with a hint
// when it is not.
//
// Every check prints its verdict to standard output (a notebook cell shows
// it) and returns it. An exercise has two cells: the student's answer (a
// function, whose body the student edition replaces by a TODO stub that
// panics with Unanswered) and a locked check cell that ends with
//
//	exercise.Grade(check1) // or exercise.MustPass(exercise.Derivative(...))
//
// Grade turns a panic in the answer into a "✘ todavía no respondiste"
// verdict, and both end the cell with exit status 1 when an answer is
// wrong: make test, which executes the teacher's notebooks (with their
// solutions), fails if a solution stops passing, and nbgrader's autograder
// (see nbgrader_config.py) gives the check cell no points.
package exercise
