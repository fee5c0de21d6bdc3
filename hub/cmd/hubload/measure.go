package main

import (
	"time"

	"gdkit.dev/hub/hubproc"
)

// monitor reads the hub's, the proxy's and the machine's CPU, and the
// students' cgroups.
type monitor struct {
	hubPID, proxyPID int
	t0               time.Time
	hub0, proxy0     time.Duration
	busy0, total0    float64
	load0            string
}

type usage struct {
	Wall              time.Duration
	HubCPU, ProxyCPU  float64 // cores, averaged over the run
	MachineBusy       float64 // fraction of all cores busy
	LoadBefore, After string  // /proc/loadavg
}

func newMonitor(hubPID int) *monitor {
	m := &monitor{hubPID: hubPID}
	if hubPID != 0 {
		if ps := hubproc.Find(hubPID, -1, "configurable-http-proxy"); len(ps) > 0 {
			m.proxyPID = ps[0]
		}
	}
	return m
}

func (m *monitor) begin() {
	m.t0 = time.Now()
	m.hub0, m.proxy0 = hubproc.ProcCPU(m.hubPID), hubproc.ProcCPU(m.proxyPID)
	m.busy0, m.total0 = hubproc.MachineCPU()
	m.load0 = hubproc.LoadAvg()
}

func (m *monitor) end() usage {
	wall := time.Since(m.t0)
	busy, total := hubproc.MachineCPU()
	u := usage{
		Wall:       wall,
		HubCPU:     float64(hubproc.ProcCPU(m.hubPID)-m.hub0) / float64(wall),
		ProxyCPU:   float64(hubproc.ProcCPU(m.proxyPID)-m.proxy0) / float64(wall),
		LoadBefore: m.load0, After: hubproc.LoadAvg(),
	}
	if total > m.total0 {
		u.MachineBusy = (busy - m.busy0) / (total - m.total0)
	}
	return u
}

// student returns the peak memory (bytes) and CPU time of a student's cgroup.
func (m *monitor) student(name string) (int64, time.Duration) {
	if m.hubPID == 0 {
		return 0, 0
	}
	s := hubproc.StudentCgroup(m.hubPID, name)
	return s.PeakMemory(), s.CPU()
}
