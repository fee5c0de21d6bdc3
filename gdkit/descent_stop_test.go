package gdkit_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"gdkit.dev/gdkit"
)

// stopAfter is α_t = α for t ≤ k and 0 after: a schedule that reaches 0.
type stopAfter struct{ k int }

func (s stopAfter) Alpha(base float64, t int) float64 {
	if t > s.k {
		return 0
	}
	return base
}

// TestScheduleZero: α_t = 0 is allowed; those updates leave w and E where
// they are, are recorded with α_t = 0, and do not count as convergence for
// ETol and WTol (the run ends at MaxIter, not Converged), with the plain
// step and with a rule.
func TestScheduleZero(t *testing.T) {
	for name, rule := range map[string]gdkit.Rule{"plain": nil, "rule": &heavyBall{beta: 0.9}} {
		var c counted
		s := &gdkit.DescentSettings{Alpha: 0.01, MaxIter: 10, ETol: 1e-12, WTol: 1e-12,
			Schedule: stopAfter{k: 3}, Rule: rule}
		tr, err := gdkit.Descend(c.problem(), []float64{1, 1}, s)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if tr.Reason != gdkit.MaxIter || tr.Iterations() != 10 {
			t.Fatalf("%s: %v, %v after %d updates (%q)", name, err, tr.Reason, tr.Iterations(), tr.Criterion)
		}
		w3 := tr.W(3)
		if w3[0] == 1 || tr.StepSize(3) != 0.01 || tr.StepSize(4) != 0 {
			t.Errorf("%s: w_3 = %v, α_3 = %g, α_4 = %g", name, w3, tr.StepSize(3), tr.StepSize(4))
		}
		for i := 4; i <= 10; i++ {
			if w := tr.W(i); w[0] != w3[0] || w[1] != w3[1] || tr.E(i) != tr.E(3) {
				t.Errorf("%s: w_%d = %v moved from w_3 = %v with α = 0", name, i, w, w3)
			}
		}
	}
	// GradTol still stops a run whose α_t reached 0 at a minimum.
	var c counted
	tr, err := gdkit.Descend(c.problem(), []float64{0, 0}, &gdkit.DescentSettings{Alpha: 0.01, GradTol: 1e-9, Schedule: stopAfter{k: 0}})
	if err != nil || tr.Reason != gdkit.Converged || tr.Iterations() != 0 {
		t.Errorf("at the minimum: %v, %v after %d", err, tr.Reason, tr.Iterations())
	}
	// The trial step of a line search must be > 0.
	c = counted{}
	tr, err = gdkit.Descend(c.problem(), []float64{1, 1}, &gdkit.DescentSettings{Alpha: 1, MaxIter: 10,
		Schedule: stopAfter{k: 3}, LineSearch: &backtracking{}})
	if !errors.Is(err, gdkit.ErrBadParam) || tr != nil || c.e+c.g != 0 || !strings.Contains(err.Error(), "α_4 = 0") {
		t.Errorf("line search with α_4 = 0: %v, %d evaluations", err, c.e+c.g)
	}
}

// TestScheduleSteps: the step sizes of a schedule without a run, checked
// as Descend checks them.
func TestScheduleSteps(t *testing.T) {
	got, err := gdkit.ScheduleSteps(inverseT{}, 0.48, 4)
	if err != nil || len(got) != 4 || got[0] != 0.48 || got[1] != 0.24 || got[2] != 0.16 || got[3] != 0.12 {
		t.Errorf("α/t: %v, %v", got, err)
	}
	if got, err := gdkit.ScheduleSteps(nil, 0.5, 3); err != nil || len(got) != 3 || got[2] != 0.5 {
		t.Errorf("nil schedule: %v, %v", got, err)
	}
	if got, err := gdkit.ScheduleSteps(stopAfter{k: 1}, 0.5, 3); err != nil || got[0] != 0.5 || got[1] != 0 {
		t.Errorf("reaching 0: %v, %v", got, err)
	}
	for name, c := range map[string]struct {
		s    gdkit.Schedule
		base float64
		n    int
		msg  string
	}{
		"n = 0":       {inverseT{}, 1, 0, "n = 0"},
		"base 0":      {inverseT{}, 0, 5, "α = 0"},
		"base Inf":    {inverseT{}, math.Inf(1), 5, "α = +Inf"},
		"NaN at t=3":  {inverseT{badAt: 3}, 1, 5, "α_3 = NaN"},
		"negative α":  {scheduleFunc(func(a float64, t int) float64 { return a - float64(t) }), 2, 5, "α_3 = -1"},
		"Validate":    {validated{}, 1, 5, "schedule: no good"},
		"Validate ok": {validated{ok: true}, 1, 5, ""},
	} {
		_, err := gdkit.ScheduleSteps(c.s, c.base, c.n)
		if c.msg == "" {
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			continue
		}
		if !errors.Is(err, gdkit.ErrBadParam) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: %v, want ErrBadParam mentioning %q", name, err, c.msg)
		}
	}
}

type scheduleFunc func(base float64, t int) float64

func (f scheduleFunc) Alpha(base float64, t int) float64 { return f(base, t) }

// validated is a schedule with a Validate method.
type validated struct{ ok bool }

func (validated) Alpha(base float64, t int) float64 { return base }
func (v validated) Validate(float64) error {
	if v.ok {
		return nil
	}
	return errors.New("no good")
}

// failingSearch returns α = 0.01 until update at, where it finds no step.
type failingSearch struct {
	at, t int
	dim   int
	err   error // returned by Init
}

func (f *failingSearch) Init(dim int) error { f.dim, f.t = dim, 0; return f.err }
func (f *failingSearch) Search(p gdkit.Problem, w []float64, e float64, g, d []float64, alpha0 float64) (float64, error) {
	f.t++
	p.E(w) // one evaluation per search, for the counts
	if f.t == f.at {
		p.E(w)
		return 0, fmt.Errorf("test: %w", gdkit.ErrSearchFailed)
	}
	return 0.01, nil
}

// TestSearchFailed: a line search that finds no step ends the run with
// reason SearchFailed and a *SearchError (ErrSearchFailed), keeping the
// trace so far; its Spanish text is what Must shows.
func TestSearchFailed(t *testing.T) {
	var c counted
	ls := &failingSearch{at: 4}
	tr, err := gdkit.Descend(c.problem(), []float64{1, 1}, &gdkit.DescentSettings{MaxIter: 10, LineSearch: ls})
	var se *gdkit.SearchError
	if !errors.As(err, &se) || !errors.Is(err, gdkit.ErrSearchFailed) || tr == nil || tr.Reason != gdkit.SearchFailed {
		t.Fatalf("%v, trace %v", err, tr)
	}
	if tr.Iterations() != 3 || se.Iter != 4 || se.E != tr.E(3) || se.Evals != 2 || ls.dim != 2 {
		t.Errorf("%d updates kept, error %+v, Init(%d)", tr.Iterations(), se, ls.dim)
	}
	if g := tr.Grad(3); math.Abs(se.GradNorm-math.Hypot(g[0], g[1])) > 1e-14 {
		t.Errorf("‖∇E‖ = %g, want %g", se.GradNorm, math.Hypot(g[0], g[1]))
	}
	if e, _ := tr.TotalEvals(); e+se.Evals != c.e {
		t.Errorf("trace %d + failed search %d evaluations of E, the problem saw %d", e, se.Evals, c.e)
	}
	func() {
		defer func() {
			r := recover()
			if msg := fmt.Sprint(r); !strings.HasPrefix(msg, "la búsqueda lineal no encontró en la iteración 4") {
				t.Errorf("Must: %q", msg)
			}
		}()
		gdkit.Must(tr, err)
	}()
	if gdkit.SearchFailed.Spanish() != "la búsqueda lineal no encontró un paso que baje E" {
		t.Errorf("reason: %q", gdkit.SearchFailed.Spanish())
	}
	// The line search's Init runs before anything is evaluated.
	c = counted{}
	tr, err = gdkit.Descend(c.problem(), []float64{1, 1}, &gdkit.DescentSettings{LineSearch: &failingSearch{err: errors.New("bad c")}})
	if !errors.Is(err, gdkit.ErrBadParam) || tr != nil || c.e+c.g != 0 || err.Error() != "gdkit: bad parameter: line search: bad c" {
		t.Errorf("Init error: %v, %d evaluations", err, c.e+c.g)
	}
}
