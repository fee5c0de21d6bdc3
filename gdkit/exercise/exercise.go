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

// errOut is where Grade and MustPass say that a cell failed (tests capture
// it); nil means os.Stderr. exit ends the program (tests replace it).
var (
	errOut io.Writer
	exit   = os.Exit
)

// Unanswered is the panic message of the student edition's code stub: make
// student replaces every solution with
//
//	// TODO: escribí tu respuesta acá, en lugar del panic.
//	panic("ejercicio sin responder")
//
// (nbgrader_config.py), so the answer compiles and, until the student
// writes it, Grade reports it as not answered yet.
const Unanswered = "ejercicio sin responder"

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

// Derivative checks a derivative written by the student, df, of an error
// function E(w) of one parameter w, against the numeric derivative of E
// (central differences, gdkit.Derivative) at each of ws, to
// |df(w) - E'(w)| ≤ 1e-5·max(1, |E'(w)|), and prints the verdict, naming
// the first point where they disagree ("en w = -2 tu derivada da ...").
// A df that panics (the student edition's stub, or a bug) is a wrong
// answer, not a stopped cell.
func Derivative(title string, E, df func(float64) float64, ws []float64, hint string) (v Verdict) {
	if len(ws) == 0 {
		return report(Verdict{Title: title, Detail: "no hay puntos donde comparar", Hint: hint})
	}
	defer recoverAnswer(&v, title, hint)
	for _, w := range ws {
		num, err := gdkit.Derivative(E, w, &gdkit.DerivativeSettings{Var: "w"})
		if err != nil {
			return report(Verdict{Title: title, Detail: fmt.Sprintf("E no es derivable en w = %g (%v)", w, err), Hint: hint})
		}
		got := df(w)
		if math.IsNaN(got) || math.IsInf(got, 0) || math.Abs(got-num) > derivativeTol*math.Max(1, math.Abs(num)) {
			return report(Verdict{Title: title, Hint: hint,
				Detail: fmt.Sprintf("en w = %g tu derivada da %.6g, pero la numérica da %.6g", w, got, num)})
		}
	}
	return report(Verdict{OK: true, Title: title,
		Detail: fmt.Sprintf("coincide con la derivada numérica en %d puntos", len(ws))})
}

// Gradient checks a gradient written by the student against the numeric
// gradient of E (gdkit.CheckGrad, default tolerance) at each of ws and prints
// the verdict, naming the first wrong partial derivative δE/δw_i. A grad
// that panics is a wrong answer, as in Derivative.
func Gradient(title string, E func([]float64) float64, grad func(dst, w []float64), ws [][]float64, hint string) (v Verdict) {
	if len(ws) == 0 {
		return report(Verdict{Title: title, Detail: "no hay puntos donde comparar", Hint: hint})
	}
	defer recoverAnswer(&v, title, hint)
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

// MustPass ends the program with exit status 1, after a line on stderr, if
// any verdict is wrong; it prints nothing when all are right (each check
// has printed its own verdict). In a notebook cell GoNB shows the line and
// "exit status 1": make test (cmd/nbcheck) reads that as the cell's
// failure, and so does the autograder (nbgrader_config.py), which is how a
// check cell fails for a wrong answer and passes for a right one.
func MustPass(vs ...Verdict) {
	var wrong []string
	for _, v := range vs {
		if !v.OK {
			wrong = append(wrong, v.Title)
		}
	}
	if len(wrong) == 0 {
		return
	}
	w := errOut
	if w == nil {
		w = os.Stderr
	}
	fmt.Fprintf(w, "✘ no pasa: %s\n", strings.Join(wrong, "; "))
	exit(1)
}

// Grade runs the checks of one exercise, each printing its verdict, and
// then calls MustPass: the cell ends with exit status 1 if any is wrong. A
// check that panics counts as wrong, with the reason, instead of stopping
// the cell with a stack trace: the student edition's stub
// (panic(Unanswered)) reads "todavía no respondiste", any other panic
// (in the student's code, or the check's own gdkit.Must) is quoted. It
// returns whether every check passed (when it returns at all).
func Grade(checks ...func() Verdict) bool {
	vs := make([]Verdict, len(checks))
	for i, c := range checks {
		vs[i] = run(c)
	}
	MustPass(vs...)
	return true
}

// run calls a check, turning a panic into a wrong verdict.
func run(check func() Verdict) (v Verdict) {
	if check == nil {
		return report(Verdict{Title: "verificación", Detail: "no hay nada que verificar (check nil)"})
	}
	defer recoverAnswer(&v, "", "")
	return check()
}

// recoverAnswer, deferred, turns a panic into a wrong verdict *v, printed.
// Without a title (a check run by Grade) the verdict's title says what
// happened.
func recoverAnswer(v *Verdict, title, hint string) {
	r := recover()
	if r == nil {
		return
	}
	msg := fmt.Sprint(r)
	if err, ok := r.(error); ok {
		msg = err.Error()
	}
	unanswered := strings.Contains(msg, Unanswered)
	detail := "se detuvo con un error: " + msg
	if unanswered {
		detail = "todavía no respondiste: " + todo
	}
	switch {
	case title != "":
	case unanswered:
		title, detail = "Sin responder", todo
	default:
		title, detail = "Tu respuesta se detuvo con un error", msg
	}
	*v = report(Verdict{Title: title, Detail: detail, Hint: hint})
}

// todo tells the student what to do with an unanswered exercise.
const todo = "completá la celda de tu respuesta (donde dice TODO), ejecutala y volvé a ejecutar esta"
