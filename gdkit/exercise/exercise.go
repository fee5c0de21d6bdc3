package exercise

import (
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"gdkit.dev/gdkit"
)

// out is where verdicts are printed (tests capture it); nil means os.Stdout.
var out io.Writer

// Verdict is the outcome of one check.
type Verdict struct {
	OK     bool
	Title  string // the exercise, e.g. "Ejercicio 1: derivada de (w-3)²+1"
	Detail string // what was compared, with numbers
	Hint   string // shown when the answer is wrong
}

// String renders the verdict: "✔ Title: Detail", or "✘ Title: Detail" followed
// by "Pista: Hint" on the next line.
func (v Verdict) String() string {
	var b strings.Builder
	mark := "✔"
	if !v.OK {
		mark = "✘"
	}
	fmt.Fprintf(&b, "%s %s", mark, v.Title)
	if v.Detail != "" {
		fmt.Fprintf(&b, ": %s", v.Detail)
	}
	if !v.OK && v.Hint != "" {
		fmt.Fprintf(&b, "\n  Pista: %s", v.Hint)
	}
	return b.String()
}

func report(v Verdict) Verdict {
	w := out
	if w == nil {
		w = os.Stdout
	}
	fmt.Fprintln(w, v)
	return v
}

// Close checks |got - want| ≤ tol·max(1, |want|) and prints the verdict.
// A NaN or infinite got is wrong. A wrong answer is told whether it is too
// large or too small, never the expected value, so the exercise stays one.
func Close(title string, got, want, tol float64, hint string) Verdict {
	ok := !math.IsNaN(got) && !math.IsInf(got, 0) && math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
	detail := fmt.Sprintf("obtuviste %.6g", got)
	switch {
	case ok:
	case math.IsNaN(got) || math.IsInf(got, 0):
		detail += ", que no es un número finito"
	case got > want:
		detail += ", que es mayor que el valor correcto"
	default:
		detail += ", que es menor que el valor correcto"
	}
	return report(Verdict{OK: ok, Title: title, Detail: detail, Hint: hint})
}

// Holds prints a verdict for a condition the notebook computed itself.
func Holds(title string, ok bool, detail, hint string) Verdict {
	return report(Verdict{OK: ok, Title: title, Detail: detail, Hint: hint})
}

// derivativeTol is the relative tolerance of Derivative.
const derivativeTol = 1e-5

// Derivative checks a derivative written by the student, df, against the
// numeric derivative of f (central differences, gdkit.Derivative) at each
// of xs, to |df(x) - f'(x)| ≤ 1e-5·max(1, |f'(x)|), and prints the
// verdict, naming the first point where they disagree.
func Derivative(title string, f, df func(float64) float64, xs []float64, hint string) Verdict {
	if len(xs) == 0 {
		return report(Verdict{Title: title, Detail: "no hay puntos donde comparar", Hint: hint})
	}
	for _, x := range xs {
		num, err := gdkit.Derivative(f, x, nil)
		if err != nil {
			return report(Verdict{Title: title, Detail: fmt.Sprintf("f no es derivable en x = %g (%v)", x, err), Hint: hint})
		}
		got := df(x)
		if math.IsNaN(got) || math.IsInf(got, 0) || math.Abs(got-num) > derivativeTol*math.Max(1, math.Abs(num)) {
			return report(Verdict{Title: title, Hint: hint,
				Detail: fmt.Sprintf("en x = %g tu derivada da %.6g, pero la numérica da %.6g", x, got, num)})
		}
	}
	return report(Verdict{OK: true, Title: title,
		Detail: fmt.Sprintf("coincide con la derivada numérica en %d puntos", len(xs))})
}

// Gradient checks a gradient written by the student against the numeric
// gradient of E (gdkit.CheckGrad, default tolerance) at each of ws and prints
// the verdict, naming the first wrong partial derivative δE/δw_i.
func Gradient(title string, E func([]float64) float64, grad func(dst, w []float64), ws [][]float64, hint string) Verdict {
	if len(ws) == 0 {
		return report(Verdict{Title: title, Detail: "no hay puntos donde comparar", Hint: hint})
	}
	for _, w := range ws {
		rep, err := gdkit.CheckGrad(E, grad, w, nil)
		if err != nil {
			return report(Verdict{Title: title, Detail: fmt.Sprintf("en w = %s: %v", point(w), err), Hint: hint})
		}
		if !rep.OK {
			r := rep.Rows[rep.Worst]
			return report(Verdict{Title: title, Hint: hint,
				Detail: fmt.Sprintf("en w = %s, δE/δw%d da %.6g pero la numérica da %.6g", point(w), r.Index+1, r.Analytic, r.Numeric)})
		}
	}
	return report(Verdict{OK: true, Title: title,
		Detail: fmt.Sprintf("coincide con el gradiente numérico en %d puntos", len(ws))})
}

// point writes w as the course does, (1, 2), not as Go's [1 2].
func point(w []float64) string {
	parts := make([]string, len(w))
	for i, v := range w {
		parts[i] = fmt.Sprintf("%g", v)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// MustPass panics if any verdict is wrong. Reference solutions call it so
// that executing the notebook (make test) fails when a solution breaks.
func MustPass(vs ...Verdict) {
	for _, v := range vs {
		if !v.OK {
			panic("exercise: la solución de referencia no pasa: " + v.String())
		}
	}
}
