package main

import (
	"strings"
	"testing"
	"time"
)

func TestQuantile(t *testing.T) {
	s := time.Second
	xs := []time.Duration{1 * s, 2 * s, 3 * s, 4 * s, 5 * s, 6 * s, 7 * s, 8 * s, 9 * s, 10 * s}
	cases := []struct {
		q    float64
		want time.Duration
	}{{0.5, 5 * s}, {0.95, 10 * s}, {0.9, 9 * s}, {1, 10 * s}, {0, 1 * s}}
	for _, c := range cases {
		if got := quantile(xs, c.q); got != c.want {
			t.Errorf("quantile(%g) = %v, want %v", c.q, got, c.want)
		}
	}
	if quantile(nil, 0.5) != 0 {
		t.Error("quantile of nothing is not 0")
	}
}

func TestSummarize(t *testing.T) {
	s := time.Second
	sts := []student{
		{Name: "a", Ready: 10 * s, FirstOutput: 11 * s, Cells: []time.Duration{s, 8 * s}, Responses: []time.Duration{s, 2 * s}, PeakMemory: 200 << 20, CPU: 10 * s},
		{Name: "b", Err: "login: refused"},
		{Name: "c", Ready: 12 * s, FirstOutput: 13 * s, Cells: []time.Duration{3 * s}, Responses: []time.Duration{3 * s}, CellFailures: []string{"cell 3: panic"}, PeakMemory: 300 << 20, CPU: 20 * s},
	}
	r := summarize(sts, usage{}, 10*time.Second)
	if r.Failed != 2 || r.Cells != 3 || r.Max != 3*s || r.RawMax != 8*s || r.PeakMemoryMax != 300<<20 || r.CPUPerStudent != 15*s || r.ClassCores != 3 {
		t.Errorf("summary %+v", r)
	}
	out := r.String()
	for _, want := range []string{"FAIL b: login: refused", "FAIL c: cell 3: panic", "TABLE | 3 |"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestSummarizeWithoutPeak(t *testing.T) {
	// cgroup v2 before Linux 5.19: no peak memory (-1), the CPU time still counts.
	s := time.Second
	sts := []student{
		{Name: "a", Cells: []time.Duration{s}, Responses: []time.Duration{s}, PeakMemory: -1, CPU: 10 * s, CPUAtReady: 4 * s},
		{Name: "b", Cells: []time.Duration{s}, Responses: []time.Duration{s}, PeakMemory: -1, CPU: 20 * s, CPUAtReady: 4 * s},
	}
	r := summarize(sts, usage{}, 10*time.Second)
	if !r.PeakMemoryUnknown || r.PeakMemoryMax != 0 || r.CPUPerStudent != 15*s || r.CPUPerCell != 11*s || r.ClassCores != 3 {
		t.Errorf("summary %+v", r)
	}
	if out := r.String(); !strings.Contains(out, "peak memory per student: unknown") {
		t.Errorf("report does not say the peak is unknown:\n%s", out)
	}
}
