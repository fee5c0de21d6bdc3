package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// clockTicks is USER_HZ, the unit of /proc/PID/stat times (100 on Linux).
const clockTicks = 100

// monitor reads the hub's, the proxy's and the machine's CPU, and the
// students' cgroups that gdkit_hub.ClassSpawner creates.
type monitor struct {
	hubPID, proxyPID int
	memCgroup        string // the students' parent in the memory hierarchy
	cpuCgroup        string // ... and in the cpuacct hierarchy
	t0               time.Time
	hub0, proxy0     float64
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
	if hubPID == 0 {
		return m
	}
	m.proxyPID = childNamed(hubPID, "configurable-http-proxy")
	m.memCgroup = filepath.Join("/sys/fs/cgroup/memory", cgroupOf(hubPID, "memory"), "gdkit-hub")
	m.cpuCgroup = filepath.Join("/sys/fs/cgroup/cpuacct", cgroupOf(hubPID, "cpuacct"), "gdkit-hub")
	return m
}

func (m *monitor) begin() {
	m.t0 = time.Now()
	m.hub0, m.proxy0 = procCPU(m.hubPID), procCPU(m.proxyPID)
	m.busy0, m.total0 = machineCPU()
	m.load0 = loadavg()
}

func (m *monitor) end() usage {
	wall := time.Since(m.t0).Seconds()
	busy, total := machineCPU()
	u := usage{
		Wall:       time.Since(m.t0),
		HubCPU:     (procCPU(m.hubPID) - m.hub0) / wall,
		ProxyCPU:   (procCPU(m.proxyPID) - m.proxy0) / wall,
		LoadBefore: m.load0, After: loadavg(),
	}
	if total > m.total0 {
		u.MachineBusy = (busy - m.busy0) / (total - m.total0)
	}
	return u
}

// student returns the peak memory (bytes) and CPU time of a student's cgroup.
func (m *monitor) student(name string) (int64, time.Duration) {
	if m.memCgroup == "" {
		return 0, 0
	}
	peak, _ := strconv.ParseInt(readTrim(filepath.Join(m.memCgroup, name, "memory.max_usage_in_bytes")), 10, 64)
	ns, _ := strconv.ParseInt(readTrim(filepath.Join(m.cpuCgroup, name, "cpuacct.usage")), 10, 64)
	return peak, time.Duration(ns)
}

func readTrim(path string) string {
	b, _ := os.ReadFile(path)
	return strings.TrimSpace(string(b))
}

func cgroupOf(pid int, controller string) string {
	for _, line := range strings.Split(readTrim(fmt.Sprintf("/proc/%d/cgroup", pid)), "\n") {
		f := strings.SplitN(line, ":", 3)
		if len(f) == 3 && slices.Contains(strings.Split(f[1], ","), controller) {
			return f[2]
		}
	}
	return "/"
}

// procCPU is the user+system CPU seconds of a process (0 if it is gone).
func procCPU(pid int) float64 {
	if pid == 0 {
		return 0
	}
	s := readTrim(fmt.Sprintf("/proc/%d/stat", pid))
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return (ut + st) / clockTicks
}

func childNamed(ppid int, name string) int {
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		s := readTrim(fmt.Sprintf("/proc/%d/stat", pid))
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) > 1 && f[1] == strconv.Itoa(ppid) && strings.Contains(readTrim(fmt.Sprintf("/proc/%d/cmdline", pid)), name) {
			return pid
		}
	}
	return 0
}

// machineCPU returns busy and total jiffies of all CPUs (/proc/stat).
func machineCPU() (busy, total float64) {
	line := strings.SplitN(readTrim("/proc/stat"), "\n", 2)[0]
	f := strings.Fields(line)
	for i, v := range f[1:] {
		x, _ := strconv.ParseFloat(v, 64)
		total += x
		if i != 3 && i != 4 { // idle, iowait
			busy += x
		}
	}
	return busy, total
}

func loadavg() string {
	f := strings.Fields(readTrim("/proc/loadavg"))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}
