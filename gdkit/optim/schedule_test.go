package optim

import (
	"errors"
	"math"
	"strings"
	"testing"

	"gdkit.dev/gdkit"
)

// TestScheduleValues checks each schedule against values worked out by
// hand from its formula, with base α = 1 unless stated.
func TestScheduleValues(t *testing.T) {
	for _, c := range []struct {
		name string
		s    gdkit.Schedule
		base float64
		want []float64 // α_1, α_2, …
	}{
		{"Constant", Constant{}, 0.3, []float64{0.3, 0.3, 0.3}},
		{"StepDecay k=3 γ=0.5", StepDecay{Every: 3, Gamma: 0.5}, 1, []float64{1, 1, 1, 0.5, 0.5, 0.5, 0.25}},
		{"Exponential γ=0.9", Exponential{Gamma: 0.9}, 2, []float64{2, 1.8, 1.62, 1.458}},
		{"InverseTime k=0.5", InverseTime{K: 0.5}, 1, []float64{1, 1 / 1.5, 0.5, 0.4}},
		{"InverseTime k=1 p=0.5", InverseTime{K: 1, Power: 0.5}, 1, []float64{1, 1 / math.Sqrt2, 1 / math.Sqrt(3), 0.5}},
		// e = t−1 = 0, 1, 2, 3, 4 of T = 4: m + 0.9(1 + cos(πe/4))/2, then the floor.
		{"Cosine T=4 m=0.1", Cosine{T: 4, Min: 0.1}, 1,
			[]float64{1, 0.1 + 0.9*(1+math.Sqrt2/2)/2, 0.55, 0.1 + 0.9*(1-math.Sqrt2/2)/2, 0.1, 0.1, 0.1}},
		{"WarmUp W=4 s=0 then Exponential 0.5", WarmUp{Steps: 4, Then: Exponential{Gamma: 0.5}}, 1,
			[]float64{0.25, 0.5, 0.75, 1, 1, 0.5, 0.25}},
		{"WarmUp W=2 s=0.5 then constant", WarmUp{Steps: 2, Start: 0.5}, 2, []float64{1.5, 2, 2, 2}},
		{"WarmUp then Cosine", WarmUp{Steps: 1, Start: 1, Then: Cosine{T: 2}}, 1, []float64{1, 1, 0.5, 0, 0}},
		{"ScheduleFunc", ScheduleFunc(func(a float64, t int) float64 { return a / float64(t) }), 1, []float64{1, 0.5, 1.0 / 3}},
	} {
		steps, err := gdkit.ScheduleSteps(c.s, c.base, 100)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		for i, w := range c.want {
			if got := steps[i]; math.Abs(got-w) > 1e-15 || got != c.s.Alpha(c.base, i+1) {
				t.Errorf("%s: α_%d = %.17g, want %.17g", c.name, i+1, got, w)
			}
		}
	}
}

// TestScheduleErrors: bad parameters and schedules that produce NaN, Inf
// or negative steps fail gdkit's check (gdkit.ScheduleSteps, and Descend
// before the first update).
func TestScheduleErrors(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		name string
		s    gdkit.Schedule
		base float64
		msg  string // part of the message
	}{
		{"base 0", Constant{}, 0, "α = 0"},
		{"base < 0", Constant{}, -0.1, "α = -0.1"},
		{"base NaN", Constant{}, nan, "NaN"},
		{"base Inf", Constant{}, math.Inf(1), "Inf"},
		{"StepDecay k = 0", StepDecay{Gamma: 0.5}, 1, "Every"},
		{"StepDecay γ = 0", StepDecay{Every: 2}, 1, "Gamma"},
		{"StepDecay γ > 1", StepDecay{Every: 2, Gamma: 1.5}, 1, "Gamma"},
		{"Exponential γ NaN", Exponential{Gamma: nan}, 1, "Gamma"},
		{"InverseTime k < 0", InverseTime{K: -1}, 1, "InverseTime.K"},
		{"InverseTime p Inf", InverseTime{K: 1, Power: math.Inf(1)}, 1, "InverseTime.Power"},
		{"Cosine T = 0", Cosine{}, 1, "Cosine.T"},
		{"Cosine m > α", Cosine{T: 10, Min: 2}, 1, "Cosine.Min"},
		{"Cosine m < 0", Cosine{T: 10, Min: -1}, 1, "Cosine.Min"},
		{"WarmUp W = 0", WarmUp{}, 1, "WarmUp.Steps"},
		{"WarmUp s > 1", WarmUp{Steps: 3, Start: 2}, 1, "WarmUp.Start"},
		{"WarmUp then bad", WarmUp{Steps: 3, Then: StepDecay{}}, 1, "StepDecay.Every"},
		{"func NaN at t = 7", ScheduleFunc(func(a float64, t int) float64 {
			if t == 7 {
				return nan
			}
			return a
		}), 1, "α_7 = NaN"},
		{"func negative", ScheduleFunc(func(a float64, t int) float64 { return a - 0.1*float64(t) }), 1, "α_11 = -0.1"},
		{"func Inf", ScheduleFunc(func(a float64, t int) float64 { return a / float64(t-1) }), 1, "α_1 = +Inf"},
	} {
		_, err := gdkit.ScheduleSteps(c.s, c.base, 100)
		if !errors.Is(err, gdkit.ErrBadParam) {
			t.Errorf("%s: err = %v", c.name, err)
			continue
		}
		if !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: %q does not mention %q", c.name, err, c.msg)
		}
		tr, err := gdkit.Descend(quadratic(1, 2), []float64{1, 1}, &gdkit.DescentSettings{Alpha: c.base, MaxIter: 100, Schedule: c.s})
		if !errors.Is(err, gdkit.ErrBadParam) || tr != nil {
			t.Errorf("%s: Descend ran (%v)", c.name, err)
		}
	}
}

// TestScheduleRecorded: the driver loop uses α_t from the schedule, the
// value the trace will record.
func TestScheduleRecorded(t *testing.T) {
	s := StepDecay{Every: 2, Gamma: 0.5}
	res, err := run{sched: s, alpha: 0.2, maxIter: 5}.descend(quadratic(1, 2), []float64{1, 1})
	if err != nil {
		t.Fatal(err)
	}
	closeTo(t, "α_t", res.alphas, []float64{0.2, 0.2, 0.1, 0.1, 0.05}, 0)
}
