// Package hubproc observes a running hub from the same machine: processes'
// CPU time, and the students' cgroups that gdkit_hub.ClassSpawner creates under
// the hub's own cgroup (parent "gdkit-hub"): in each v1 hierarchy, or on a
// cgroup v2 host in the unified one, beside the leaf "hub" the hub moves into.
package hubproc

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// cgroupRoot is where the cgroup file systems are mounted.
var cgroupRoot = "/sys/fs/cgroup"

// procRoot is where CgroupOf reads /proc/PID/cgroup.
var procRoot = "/proc"

// cgroup2Magic is CGROUP2_SUPER_MAGIC, statfs's type of a cgroup2 mount.
const cgroup2Magic = 0x63677270

// unified reports whether cgroupRoot is a cgroup2 mount (the host has cgroup v2 only).
var unified = func() bool {
	var st syscall.Statfs_t
	return syscall.Statfs(cgroupRoot, &st) == nil && int64(st.Type) == cgroup2Magic
}

// clockTicks is USER_HZ, the unit of /proc/PID/stat times (100 on Linux).
const clockTicks = 100

func readTrim(path string) string {
	b, _ := os.ReadFile(path)
	return strings.TrimSpace(string(b))
}

// CgroupOf is the cgroup (v1) path of process pid in a controller's hierarchy
// ("/" if unknown); controller "" is the v2 path (the "0::" line).
func CgroupOf(pid int, controller string) string {
	for _, line := range strings.Split(readTrim(fmt.Sprintf("%s/%d/cgroup", procRoot, pid)), "\n") {
		f := strings.SplitN(line, ":", 3)
		if len(f) == 3 && (controller == "" && f[0] == "0" && f[1] == "" ||
			controller != "" && slices.Contains(strings.Split(f[1], ","), controller)) {
			return f[2]
		}
	}
	return "/"
}

// Student is one student's cgroups, found from the hub's process id: one
// directory per v1 controller, or the one v2 directory (v2 set).
type Student struct {
	mem, cpu, cpuacct string
	v2                bool
}

// StudentCgroup returns the cgroups of student name under the hub with process id hubPID.
func StudentCgroup(hubPID int, name string) Student {
	if unified() {
		// The hub runs in the leaf "hub" of the cgroup it manages (gdkit_hub.delegated_cgroup).
		own := CgroupOf(hubPID, "")
		if own != "/" && filepath.Base(own) == "hub" {
			own = filepath.Dir(own)
		}
		d := filepath.Join(cgroupRoot, own, "gdkit-hub", name)
		return Student{mem: d, cpu: d, cpuacct: d, v2: true}
	}
	p := func(c string) string {
		return filepath.Join(cgroupRoot, c, CgroupOf(hubPID, c), "gdkit-hub", name)
	}
	return Student{mem: p("memory"), cpu: p("cpu"), cpuacct: p("cpuacct")}
}

func (s Student) int(path string) int64 {
	v, _ := strconv.ParseInt(readTrim(path), 10, 64)
	return v
}

// keyed is the value of key in a flat-keyed cgroup file ("key value" lines; 0 if absent).
func keyed(path, key string) int64 {
	for _, line := range strings.Split(readTrim(path), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == key {
			v, _ := strconv.ParseInt(f[1], 10, 64)
			return v
		}
	}
	return 0
}

// PeakMemory is the most memory (bytes) the student used since the server
// started: v1 memory.max_usage_in_bytes, v2 memory.peak. It is -1 on a v2 kernel
// without memory.peak (before Linux 5.19), which keeps no peak at all.
func (s Student) PeakMemory() int64 {
	if s.v2 {
		p := filepath.Join(s.mem, "memory.peak")
		if _, err := os.Stat(p); err != nil {
			return -1
		}
		return s.int(p)
	}
	return s.int(filepath.Join(s.mem, "memory.max_usage_in_bytes"))
}

// MemoryLimit is the student's memory limit in bytes (v2's "max", none, is math.MaxInt64).
func (s Student) MemoryLimit() int64 {
	if s.v2 {
		if readTrim(filepath.Join(s.mem, "memory.max")) == "max" {
			return math.MaxInt64
		}
		return s.int(filepath.Join(s.mem, "memory.max"))
	}
	return s.int(filepath.Join(s.mem, "memory.limit_in_bytes"))
}

// MemoryFailures counts the times the student's memory hit the limit (v2: the
// "max" events of memory.events).
func (s Student) MemoryFailures() int64 {
	if s.v2 {
		return keyed(filepath.Join(s.mem, "memory.events"), "max")
	}
	return s.int(filepath.Join(s.mem, "memory.failcnt"))
}

// OOMKills counts the processes the kernel killed for the student's memory limit.
func (s Student) OOMKills() int64 {
	if s.v2 {
		return keyed(filepath.Join(s.mem, "memory.events"), "oom_kill")
	}
	return keyed(filepath.Join(s.mem, "memory.oom_control"), "oom_kill")
}

// CPU is the CPU time the student's processes used since the server started.
func (s Student) CPU() time.Duration {
	if s.v2 {
		return time.Duration(keyed(filepath.Join(s.cpu, "cpu.stat"), "usage_usec")) * time.Microsecond
	}
	return time.Duration(s.int(filepath.Join(s.cpuacct, "cpuacct.usage")))
}

// CPUQuota is the student's CPU limit in cores (0: none).
func (s Student) CPUQuota() float64 {
	var q, p int64
	if s.v2 {
		// cpu.max: "<quota> <period>" in µs, or "max <period>".
		if f := strings.Fields(readTrim(filepath.Join(s.cpu, "cpu.max"))); len(f) == 2 {
			q, _ = strconv.ParseInt(f[0], 10, 64)
			p, _ = strconv.ParseInt(f[1], 10, 64)
		}
	} else {
		q, p = s.int(filepath.Join(s.cpu, "cpu.cfs_quota_us")), s.int(filepath.Join(s.cpu, "cpu.cfs_period_us"))
	}
	if q <= 0 || p <= 0 {
		return 0
	}
	return float64(q) / float64(p)
}

// Throttled returns how many CPU periods the student was held at the quota,
// and for how long in all (cpu.stat).
func (s Student) Throttled() (periods int64, total time.Duration) {
	stat := filepath.Join(s.cpu, "cpu.stat")
	if s.v2 {
		return keyed(stat, "nr_throttled"), time.Duration(keyed(stat, "throttled_usec")) * time.Microsecond
	}
	return keyed(stat, "nr_throttled"), time.Duration(keyed(stat, "throttled_time"))
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
