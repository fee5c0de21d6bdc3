package main

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// report is the summary of one load test.
type report struct {
	K, Failed, Cells               int
	P50, P95, Max                  time.Duration // cell response: to idle, to the first frame for an animation
	RawP95, RawMax                 time.Duration // every cell to idle, animations included
	ReadyP50, ReadyMax             time.Duration // login → server ready
	FirstOutputP50, FirstOutputMax time.Duration // login → first output
	PeakMemoryMax, PeakMemoryMean  int64
	PeakMemoryUnknown              bool          // cgroup v2 before Linux 5.19: no memory.peak
	CPUPerStudent                  time.Duration // mean CPU time of a student's cgroup
	CPUStart                       time.Duration // mean CPU time of a server's start-up
	CPUPerCell                     time.Duration // mean CPU time of a cell (kernel, go build, the program)
	ClassCores                     float64       // the students' CPU time over the wall time: the cores the class got
	Usage                          usage
	Failures                       []string
}

// quantile is the nearest-rank q-quantile of sorted xs (0 for none).
func quantile(xs []time.Duration, q float64) time.Duration {
	if len(xs) == 0 {
		return 0
	}
	i := int(math.Ceil(q*float64(len(xs)))) - 1
	return xs[min(max(i, 0), len(xs)-1)]
}

func summarize(sts []student, u usage, wall time.Duration) report {
	r := report{K: len(sts), Usage: u}
	var cells, raw, ready, first []time.Duration
	var memSum int64
	var cpuSum, startSum, cellCPU time.Duration
	var n, nMem, nCells int
	for _, s := range sts {
		bad := s.Err != "" || len(s.CellFailures) > 0
		if bad {
			r.Failed++
		}
		if s.Err != "" {
			r.Failures = append(r.Failures, s.Name+": "+s.Err)
		}
		for _, f := range s.CellFailures {
			r.Failures = append(r.Failures, s.Name+": "+f)
		}
		cells = append(cells, s.Responses...)
		raw = append(raw, s.Cells...)
		if s.Ready > 0 {
			ready = append(ready, s.Ready)
		}
		if s.FirstOutput > 0 {
			first = append(first, s.FirstOutput)
		}
		// PeakMemory is 0 when no cgroup was found, -1 when the kernel keeps no peak.
		if s.PeakMemory < 0 {
			r.PeakMemoryUnknown = true
		}
		if s.PeakMemory > 0 {
			r.PeakMemoryMax = max(r.PeakMemoryMax, s.PeakMemory)
			memSum += s.PeakMemory
			nMem++
		}
		if s.PeakMemory != 0 {
			cpuSum += s.CPU
			startSum += s.CPUAtReady
			if len(s.Cells) > 0 {
				cellCPU += s.CPU - s.CPUAtReady
				nCells += len(s.Cells)
			}
			n++
		}
	}
	for _, xs := range [][]time.Duration{cells, raw, ready, first} {
		slices.Sort(xs)
	}
	r.Cells = len(cells)
	r.P50, r.P95, r.Max = quantile(cells, 0.5), quantile(cells, 0.95), quantile(cells, 1)
	r.RawP95, r.RawMax = quantile(raw, 0.95), quantile(raw, 1)
	r.ReadyP50, r.ReadyMax = quantile(ready, 0.5), quantile(ready, 1)
	r.FirstOutputP50, r.FirstOutputMax = quantile(first, 0.5), quantile(first, 1)
	if nMem > 0 {
		r.PeakMemoryMean = memSum / int64(nMem)
	}
	if n > 0 {
		r.CPUPerStudent = cpuSum / time.Duration(n)
		r.CPUStart = startSum / time.Duration(n)
	}
	if nCells > 0 {
		r.CPUPerCell = cellCPU / time.Duration(nCells)
	}
	if wall > 0 {
		r.ClassCores = float64(cpuSum) / float64(wall)
	}
	return r
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2fs", d.Seconds()) }

func (r report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "K=%d students, %d cells run, %d students with failures, wall %s\n", r.K, r.Cells, r.Failed, secs(r.Usage.Wall))
	fmt.Fprintf(&b, "cell latency: p50 %s  p95 %s  max %s (an animation to its first frame; to its end: p95 %s  max %s)\n",
		secs(r.P50), secs(r.P95), secs(r.Max), secs(r.RawP95), secs(r.RawMax))
	fmt.Fprintf(&b, "login → server ready: p50 %s  max %s\n", secs(r.ReadyP50), secs(r.ReadyMax))
	fmt.Fprintf(&b, "login → first output: p50 %s  max %s\n", secs(r.FirstOutputP50), secs(r.FirstOutputMax))
	if r.PeakMemoryUnknown {
		fmt.Fprintf(&b, "peak memory per student: unknown (cgroup v2 without memory.peak: Linux before 5.19)\n")
	} else {
		fmt.Fprintf(&b, "peak memory per student: max %.0f MiB  mean %.0f MiB\n", float64(r.PeakMemoryMax)/(1<<20), float64(r.PeakMemoryMean)/(1<<20))
	}
	fmt.Fprintf(&b, "CPU per student %s: server start %s, then %s per cell; the class got %.2f cores\n",
		secs(r.CPUPerStudent), secs(r.CPUStart), secs(r.CPUPerCell), r.ClassCores)
	fmt.Fprintf(&b, "hub CPU %.1f%% of a core, proxy %.1f%%; machine %.0f%% busy; load average %s → %s\n",
		100*r.Usage.HubCPU, 100*r.Usage.ProxyCPU, 100*r.Usage.MachineBusy, r.Usage.LoadBefore, r.Usage.After)
	for _, f := range r.Failures {
		fmt.Fprintf(&b, "FAIL %s\n", f)
	}
	fmt.Fprintf(&b, "TABLE | %d | %s | %s | %s | %s | %.0f MiB | %.1f%% | %d |\n", r.K, secs(r.P50), secs(r.P95), secs(r.Max),
		secs(r.FirstOutputP50), float64(r.PeakMemoryMax)/(1<<20), 100*r.Usage.HubCPU, r.Failed)
	return b.String()
}
