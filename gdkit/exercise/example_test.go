package exercise_test

import (
	"gdkit.dev/gdkit/exercise"
)

func ExampleDerivative() {
	E := func(w float64) float64 { return (w-3)*(w-3) + 1 }
	// A student's answer that forgot the factor 2 of the chain rule.
	dE := func(w float64) float64 { return w - 3 }
	exercise.Derivative("Ejercicio 1", E, dE, []float64{0, 1, 5}, "derivá (w-3)² con la regla de la cadena")
	// Output:
	// ✘ Ejercicio 1: en w = 0 tu derivada da -3, pero la numérica da -6
	//   Pista: derivá (w-3)² con la regla de la cadena
}

// A check cell of a notebook: Grade runs the check, which calls the
// student's answer. In the student edition the answer is still the stub,
// which panics with Unanswered: the verdict says so, and the cell ends
// with exit status 1 (here the example answers, so it passes).
func ExampleGrade() {
	w1 := func() float64 { return 4.6 } // the student's answer
	check := func() exercise.Verdict {
		return exercise.Close("Ejercicio 2: w1", w1(), 5-0.1*4, 1e-9, "aplicá w1 = w0 − α·δE/δw")
	}
	exercise.Grade(check)
	// Output:
	// ✔ Ejercicio 2: w1: obtuviste 4.6
}
