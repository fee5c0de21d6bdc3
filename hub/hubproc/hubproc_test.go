package hubproc

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeHost makes a simulated /proc/42/cgroup and cgroup tree in a temp dir, with
// the given files (path → content) under the cgroup root, and points the package at it.
func fakeHost(t *testing.T, v2 bool, procCgroup string, files map[string]string) {
	dir := t.TempDir()
	root, proc := filepath.Join(dir, "cgroup"), filepath.Join(dir, "proc")
	files["../proc/42/cgroup"] = procCgroup
	for name, text := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	oldRoot, oldProc, oldUnified := cgroupRoot, procRoot, unified
	t.Cleanup(func() { cgroupRoot, procRoot, unified = oldRoot, oldProc, oldUnified })
	cgroupRoot, procRoot, unified = root, proc, func() bool { return v2 }
}

type want struct {
	peak, limit, fails, ooms int64
	cpu                      time.Duration
	quota                    float64
	throttled                int64
	throttledTime            time.Duration
	procs                    int
}

func check(t *testing.T, s Student, w want) {
	t.Helper()
	n, tt := s.Throttled()
	got := want{s.PeakMemory(), s.MemoryLimit(), s.MemoryFailures(), s.OOMKills(), s.CPU(), s.CPUQuota(), n, tt, len(s.Procs())}
	if got != w {
		t.Errorf("got  %+v\nwant %+v", got, w)
	}
}

func TestStudentV2(t *testing.T) {
	// The hub in the leaf "hub" of its unit, the students beside it.
	d := "system.slice/gdkit-hub.service/gdkit-hub/ana/"
	fakeHost(t, true, "0::/system.slice/gdkit-hub.service/hub\n", map[string]string{
		d + "memory.peak":   "241172480\n",
		d + "memory.max":    "1073741824\n",
		d + "memory.events": "low 0\nhigh 0\nmax 17\noom 1\noom_kill 1\n",
		d + "cpu.stat":      "usage_usec 3500000\nuser_usec 3000000\nsystem_usec 500000\nnr_periods 40\nnr_throttled 30\nthrottled_usec 1250000\n",
		d + "cpu.max":       "50000 100000\n",
		d + "cgroup.procs":  "100\n101\n",
	})
	s := StudentCgroup(42, "ana")
	check(t, s, want{241172480, 1 << 30, 17, 1, 3500 * time.Millisecond, 0.5, 30, 1250 * time.Millisecond, 2})

	// No limits, and a kernel before 5.19 (no memory.peak): the peak is unknown.
	for _, f := range []string{"memory.peak", "memory.max", "cpu.max"} {
		os.Remove(filepath.Join(cgroupRoot, d, f))
	}
	os.WriteFile(filepath.Join(cgroupRoot, d, "memory.max"), []byte("max\n"), 0o644)
	os.WriteFile(filepath.Join(cgroupRoot, d, "cpu.max"), []byte("max 100000\n"), 0o644)
	check(t, s, want{-1, math.MaxInt64, 17, 1, 3500 * time.Millisecond, 0, 30, 1250 * time.Millisecond, 2})
}

func TestStudentV1(t *testing.T) {
	fakeHost(t, false, "4:memory:/m\n2:cpuacct:/\n1:cpu:/\n0::/\n", map[string]string{
		"memory/m/gdkit-hub/ana/memory.max_usage_in_bytes": "241172480\n",
		"memory/m/gdkit-hub/ana/memory.limit_in_bytes":     "1073741824\n",
		"memory/m/gdkit-hub/ana/memory.failcnt":            "17\n",
		"memory/m/gdkit-hub/ana/memory.oom_control":        "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n",
		"memory/m/gdkit-hub/ana/cgroup.procs":              "100\n101\n",
		"cpuacct/gdkit-hub/ana/cpuacct.usage":              "3500000000\n",
		"cpu/gdkit-hub/ana/cpu.cfs_quota_us":               "50000\n",
		"cpu/gdkit-hub/ana/cpu.cfs_period_us":              "100000\n",
		"cpu/gdkit-hub/ana/cpu.stat":                       "nr_periods 40\nnr_throttled 30\nthrottled_time 1250000000\n",
	})
	check(t, StudentCgroup(42, "ana"), want{241172480, 1 << 30, 17, 1, 3500 * time.Millisecond, 0.5, 30, 1250 * time.Millisecond, 2})
}

func TestUnifiedHere(t *testing.T) {
	// Whatever this host is, the detection must agree with /proc/self/mounts.
	mounts, err := os.ReadFile("/proc/self/mounts")
	if err != nil {
		t.Skip(err)
	}
	want := false
	for _, line := range strings.Split(string(mounts), "\n") {
		if f := strings.Fields(line); len(f) >= 3 && f[1] == "/sys/fs/cgroup" {
			want = f[2] == "cgroup2"
		}
	}
	if got := unified(); got != want {
		t.Errorf("unified() = %v, /proc/self/mounts says %v", got, want)
	}
}
