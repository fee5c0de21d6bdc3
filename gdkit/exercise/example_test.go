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
	// ✘ Ejercicio 1: en x = 0 tu derivada da -3, pero la numérica da -6
	//   Pista: derivá (w-3)² con la regla de la cadena
}
