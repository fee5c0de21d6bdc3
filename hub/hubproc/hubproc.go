// Package hubproc observes a running hub from the same machine: processes'
// CPU time, and the students' cgroups (v1) that gdkit_hub.ClassSpawner
// creates under the hub's own cgroup (parent "gdkit-hub").
package hubproc

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

func readTrim(path string) string {
	b, _ := os.ReadFile(path)
	return strings.TrimSpace(string(b))
}

// CgroupOf is the cgroup (v1) path of process pid in a controller's hierarchy ("/" if unknown).
func CgroupOf(pid int, controller string) string {
	for _, line := range strings.Split(readTrim(fmt.Sprintf("/proc/%d/cgroup", pid)), "\n") {
		f := strings.SplitN(line, ":", 3)
		if len(f) == 3 && slices.Contains(strings.Split(f[1], ","), controller) {
			return f[2]
		}
	}
	return "/"
}

// Student is one student's cgroups, found from the hub's process id.
type Student struct{ mem, cpu, cpuacct string }

// StudentCgroup returns the cgroups of student name under the hub with process id hubPID.
func StudentCgroup(hubPID int, name string) Student {
	p := func(c string) string {
		return filepath.Join("/sys/fs/cgroup", c, CgroupOf(hubPID, c), "gdkit-hub", name)
	}
	return Student{mem: p("memory"), cpu: p("cpu"), cpuacct: p("cpuacct")}
}

func (s Student) int(path string) int64 {
	v, _ := strconv.ParseInt(readTrim(path), 10, 64)
	return v
}

// PeakMemory is the most memory (bytes) the student used since the server started.
func (s Student) PeakMemory() int64 { return s.int(filepath.Join(s.mem, "memory.max_usage_in_bytes")) }

// MemoryLimit is the student's memory limit in bytes.
func (s Student) MemoryLimit() int64 { return s.int(filepath.Join(s.mem, "memory.limit_in_bytes")) }

// MemoryFailures counts the times the student's memory hit the limit.
func (s Student) MemoryFailures() int64 { return s.int(filepath.Join(s.mem, "memory.failcnt")) }

// OOMKills counts the processes the kernel killed for the student's memory limit.
func (s Student) OOMKills() int64 {
	for _, line := range strings.Split(readTrim(filepath.Join(s.mem, "memory.oom_control")), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "oom_kill" {
			v, _ := strconv.ParseInt(f[1], 10, 64)
			return v
		}
	}
	return 0
}

// CPU is the CPU time the student's processes used since the server started.
func (s Student) CPU() time.Duration {
	return time.Duration(s.int(filepath.Join(s.cpuacct, "cpuacct.usage")))
}

// CPUQuota is the student's CPU limit in cores (0: none).
func (s Student) CPUQuota() float64 {
	q, p := s.int(filepath.Join(s.cpu, "cpu.cfs_quota_us")), s.int(filepath.Join(s.cpu, "cpu.cfs_period_us"))
	if q <= 0 || p <= 0 {
		return 0
	}
	return float64(q) / float64(p)
}

// Throttled returns how many CPU periods the student was held at the quota,
// and for how long in all (cpu.stat).
func (s Student) Throttled() (periods int64, total time.Duration) {
	for _, line := range strings.Split(readTrim(filepath.Join(s.cpu, "cpu.stat")), "\n") {
		f := strings.Fields(line)
		if len(f) != 2 {
			continue
		}
		v, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "nr_throttled":
			periods = v
		case "throttled_time":
			total = time.Duration(v)
		}
	}
	return periods, total
}

// Procs lists the processes in the student's memory cgroup.
func (s Student) Procs() []int {
	var pids []int
	for _, f := range strings.Fields(readTrim(filepath.Join(s.mem, "cgroup.procs"))) {
		if pid, err := strconv.Atoi(f); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}

// ProcCPU is the user+system CPU time of a process (0 if it is gone).
func ProcCPU(pid int) time.Duration {
	if pid == 0 {
		return 0
	}
	f := statFields(pid)
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * time.Second / clockTicks
}

// statFields are the fields of /proc/PID/stat after the command name.
func statFields(pid int) []string {
	s := readTrim(fmt.Sprintf("/proc/%d/stat", pid))
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return nil
	}
	return strings.Fields(s[i+1:])
}

// Find returns the processes whose parent is ppid (any parent if ppid is 0),
// owned by uid (any if uid < 0), whose command line contains name.
func Find(ppid, uid int, name string) []int {
	ents, _ := os.ReadDir("/proc")
	var out []int
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		f := statFields(pid)
		if len(f) < 2 || (ppid != 0 && f[1] != strconv.Itoa(ppid)) {
			continue
		}
		if uid >= 0 {
			fi, err := os.Stat(fmt.Sprintf("/proc/%d", pid))
			if err != nil || int(statUID(fi)) != uid {
				continue
			}
		}
		if strings.Contains(strings.ReplaceAll(readTrim(fmt.Sprintf("/proc/%d/cmdline", pid)), "\x00", " "), name) {
			out = append(out, pid)
		}
	}
	return out
}

// MachineCPU returns busy and total jiffies of all CPUs (/proc/stat).
func MachineCPU() (busy, total float64) {
	f := strings.Fields(strings.SplitN(readTrim("/proc/stat"), "\n", 2)[0])
	for i, v := range f[1:] {
		x, _ := strconv.ParseFloat(v, 64)
		total += x
		if i != 3 && i != 4 { // idle, iowait
			busy += x
		}
	}
	return busy, total
}

// LoadAvg is the 1, 5 and 15 minute load average of the machine.
func LoadAvg() string {
	f := strings.Fields(readTrim("/proc/loadavg"))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}
