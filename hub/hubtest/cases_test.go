package hubtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"gdkit.dev/hub/hubclient"
	"gdkit.dev/hub/hubproc"
)

func TestWrongPasswordRefused(t *testing.T) {
	a, _ := students(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cases := []struct{ name, user, password string }{
		{"wrong password", a.Name, a.Password + "x"},
		{"empty password", a.Name, ""},
		{"unknown user", "nadie-" + strconv.Itoa(os.Getpid()), "x"},
		{"system account outside the class", "root", "x"},
	}
	for _, c := range cases {
		s := hubclient.NewStudent(hub.url, c.user, c.password)
		if err := s.Login(ctx); !errors.Is(err, hubclient.ErrLoginRefused) {
			t.Errorf("%s: login gave %v, want it refused", c.name, err)
		}
	}
	if err := hubclient.NewStudent(hub.url, a.Name, a.Password).Login(ctx); err != nil {
		t.Fatalf("the right password is refused: %v", err)
	}
}

func TestStudentsCannotReachEachOther(t *testing.T) {
	a, b := students(t)
	ready(t, a)
	ready(t, b)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	secret := []byte("solo de " + a.Name)
	if err := a.WriteFile(ctx, "secreto.txt", secret); err != nil {
		t.Fatal(err)
	}
	aDir := filepath.Join(home(t, a.Name), "gdkit")
	if got, err := os.ReadFile(filepath.Join(aDir, "secreto.txt")); err != nil || !bytes.Equal(got, secret) {
		t.Fatalf("the saved file is not on disk: %q %v", got, err)
	}

	// Through the hub: b's token does not open a's server.
	intruder := *b
	intruder.Name = a.Name // same token, a's URLs
	if got, err := intruder.ReadFile(ctx, "secreto.txt"); err == nil {
		t.Errorf("b read a's file through a's server: %q", got)
	}
	if err := intruder.WriteFile(ctx, "intruso.txt", []byte("x")); err == nil {
		t.Errorf("b wrote into a's server")
	}

	// Through b's own kernel: the operating system refuses.
	k := kernel(t, b)
	code := `%%
_, err := os.ReadFile(` + strconv.Quote(filepath.Join(aDir, "secreto.txt")) + `)
fmt.Println("leer:", err)
err = os.WriteFile(` + strconv.Quote(filepath.Join(aDir, "intruso.txt")) + `, []byte("x"), 0o644)
fmt.Println("escribir:", err)
_, err = os.ReadDir(` + strconv.Quote(aDir) + `)
fmt.Println("listar:", err)`
	out, _ := run(t, k, code, 3*time.Minute)
	for _, op := range []string{"leer", "escribir", "listar"} {
		if !strings.Contains(out, op+": ") || !strings.Contains(out[strings.Index(out, op+": "):], "permission denied") {
			t.Errorf("b's kernel: %s in a's folder was not refused:\n%s", op, out)
		}
	}
	if _, err := os.Stat(filepath.Join(aDir, "intruso.txt")); err == nil {
		t.Errorf("a file of b's appeared in a's folder")
	}
}

// medianCell runs a small cell n times and returns the median latency.
func medianCell(t *testing.T, k *hubclient.Kernel, n int) time.Duration {
	t.Helper()
	var ds []time.Duration
	for i := range n {
		_, r := run(t, k, "%%\nfmt.Println("+strconv.Itoa(i)+")", 2*time.Minute)
		ds = append(ds, r.Latency)
	}
	slices.Sort(ds)
	return ds[n/2]
}

// TestRunawayCells: a's infinite loop is held to a's CPU limit and b's cells
// stay within the stated bound (median ≤ 2 × b's quiet median + 1 s); a's
// 10 GiB allocation is killed at a's memory limit, and the hub, a's kernel
// and b's kernel all keep working.
func TestRunawayCells(t *testing.T) {
	a, b := students(t)
	ready(t, a)
	ready(t, b)
	ka, kb := kernel(t, a), kernel(t, b)
	cg := hubproc.StudentCgroup(hub.pid(), a.Name)
	quota := cg.CPUQuota()
	if cg.MemoryLimit() <= 0 || cg.MemoryLimit() > 1<<40 {
		t.Fatalf("a runs without a memory limit (%d)", cg.MemoryLimit())
	}
	// HUB_CPU_LIMIT=0 runs the same cells without a CPU limit, to show what the
	// limit changes: the CPU checks are then only logged.
	limited := quota > 0
	if !limited {
		t.Logf("no CPU limit configured: measuring only")
	}
	quiet := medianCell(t, kb, 5)

	// An infinite loop on four goroutines.
	loopDone := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		_, err := ka.Execute(ctx, "%%\nfor i := 0; i < 4; i++ {\n\tgo func() {\n\t\tfor {\n\t\t}\n\t}()\n}\nfmt.Println(\"girando\")\nselect {}")
		loopDone <- err
	}()
	time.Sleep(8 * time.Second) // compiled and spinning
	c0, t0 := cg.CPU(), time.Now()
	n0, th0 := cg.Throttled()
	time.Sleep(4 * time.Second)
	rate := float64(cg.CPU()-c0) / float64(time.Since(t0))
	n1, th1 := cg.Throttled()
	t.Logf("a's infinite loop on 4 goroutines uses %.2f cores (limit %.2f; held at the quota in %d of the 40 periods, %.1fs in all; machine load %s)",
		rate, quota, n1-n0, (th1 - th0).Seconds(), hubproc.LoadAvg())
	if limited && rate > quota*1.15+0.05 {
		t.Errorf("a's loop uses %.2f cores, over its limit of %.2f", rate, quota)
	}
	busy := medianCell(t, kb, 5)
	t.Logf("b's cell: median %.2fs quiet, %.2fs during a's loop", quiet.Seconds(), busy.Seconds())
	if bound := 2*quiet + time.Second; limited && busy > bound {
		t.Errorf("b slowed beyond the bound: %.2fs > %.2fs", busy.Seconds(), bound.Seconds())
	}
	hubCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	if _, err := b.ServerState(hubCtx); err != nil {
		t.Errorf("the hub does not answer during a's loop: %v", err)
	}
	cancel()
	if err := ka.Interrupt(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-loopDone:
		if err != nil {
			t.Errorf("a's interrupted loop: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("interrupting a's loop did not end the cell within 30 s")
	}

	// A 10 GiB allocation, every page touched.
	kills := cg.OOMKills()
	out, _ := run(t, ka, `%%
const gib = 1 << 30
var chunks [][]byte
for i := 0; i < 10; i++ {
	b := make([]byte, gib)
	for j := 0; j < len(b); j += 4096 {
		b[j] = 1
	}
	chunks = append(chunks, b)
	fmt.Println("GiB:", i+1)
}
fmt.Println("asignados 10 GiB")`, 3*time.Minute)
	t.Logf("a's 10 GiB cell (memory limit %d MiB) printed: %q; peak %d MiB, OOM kills %d → %d",
		cg.MemoryLimit()>>20, tail(out, 200), cg.PeakMemory()>>20, kills, cg.OOMKills())
	if strings.Contains(out, "asignados 10 GiB") {
		t.Errorf("a allocated 10 GiB past a memory limit of %d MiB", cg.MemoryLimit()>>20)
	}
	if cg.OOMKills() <= kills {
		t.Errorf("no process of a's was killed at the memory limit")
	}
	// The kernel charges memory to a cgroup in per-CPU batches (64 pages), so
	// the recorded peak may pass the limit by a little: 1 MiB is allowed.
	if cg.PeakMemory() > cg.MemoryLimit()+1<<20 {
		t.Errorf("a's peak %d above the limit %d", cg.PeakMemory(), cg.MemoryLimit())
	}
	if out, _ := run(t, ka, "%%\nfmt.Println(\"sigo vivo\")", 2*time.Minute); !strings.Contains(out, "sigo vivo") {
		t.Errorf("a's kernel does not run cells after the allocation: %q", out)
	}
	if out, _ := run(t, kb, "%%\nfmt.Println(\"b también\")", 2*time.Minute); !strings.Contains(out, "b también") {
		t.Errorf("b's kernel does not run cells after a's allocation: %q", out)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

func uid(t *testing.T, name string) int {
	u, err := user.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := strconv.Atoi(u.Uid)
	return id
}

// TestKilledServerLosesNothingSaved: a saved notebook survives a SIGKILL of
// the single-user server; the orphaned kernel is cleaned up on restart.
func TestKilledServerLosesNothingSaved(t *testing.T) {
	a, _ := students(t)
	ready(t, a)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	nb, err := a.ReadFile(ctx, "00_inicio.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	saved := bytes.Replace(nb, []byte(`"cells": [`), []byte(`"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["guardado antes del kill"]}, `), 1)
	if bytes.Equal(saved, nb) {
		t.Fatal("could not edit the notebook")
	}
	if err := a.WriteFile(ctx, "guardado.ipynb", saved); err != nil {
		t.Fatal(err)
	}
	kernel(t, a) // a kernel that the kill will orphan
	servers := hubproc.Find(0, uid(t, a.Name), "jupyterhub-singleuser")
	kernels := hubproc.Find(0, uid(t, a.Name), "gonb")
	if len(servers) != 1 || len(kernels) == 0 {
		t.Fatalf("want a's one server and a kernel, found servers %v kernels %v", servers, kernels)
	}
	if err := syscall.Kill(servers[0], syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	// The hub notices on the next start request and starts a new server.
	if err := a.StartServer(ctx); err != nil {
		t.Fatal(err)
	}
	if err := a.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	if now := hubproc.Find(0, uid(t, a.Name), "jupyterhub-singleuser"); len(now) != 1 || now[0] == servers[0] {
		t.Fatalf("servers after the kill: %v (killed %d)", now, servers[0])
	}
	for _, pid := range kernels {
		if syscall.Kill(pid, 0) == nil {
			t.Errorf("the orphaned kernel %d of the killed server still runs", pid)
		}
	}
	got, err := a.ReadFile(ctx, "guardado.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(got, []byte("guardado antes del kill")) {
		t.Errorf("the saved notebook lost its content after the kill")
	}
}

// TestHubRestartKeepsUsersAndFiles: after the hub restarts, the users are
// there, their files are there, and a notebook the student edited is not
// overwritten by the copy made on spawn.
func TestHubRestartKeepsUsersAndFiles(t *testing.T) {
	a, b := students(t)
	ready(t, a)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	nb, err := a.ReadFile(ctx, "01_derivadas.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(nb, []byte(`"cells": [`), []byte(`"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["mi nota"]}, `), 1)
	if err := a.WriteFile(ctx, "01_derivadas.ipynb", edited); err != nil {
		t.Fatal(err)
	}
	hub.stop()
	var errStart error
	if hub, errStart = startHub(); errStart != nil {
		t.Fatal(errStart)
	}
	admin := hubclient.NewStudent(hub.url, "", "")
	admin.Token = env.token
	users, err := admin.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []*hubclient.Student{a, b} {
		if !slices.Contains(users, s.Name) {
			t.Errorf("after the restart the hub lost %s (users %v)", s.Name, users)
		}
	}
	again := hubclient.NewStudent(hub.url, a.Name, a.Password)
	ready(t, again)
	got, err := again.ReadFile(ctx, "01_derivadas.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(got, []byte("mi nota")) {
		t.Errorf("the edited notebook was overwritten on the new spawn")
	}
	if _, err := again.ReadFile(ctx, "secreto.txt"); err != nil {
		t.Errorf("a's file from before the restart: %v", err)
	}
}

// A student's JupyterLab has no nbgrader teacher tools: the lab extension is
// disabled in the page's configuration and the formgrader is not served.
func TestStudentsGetNoGradingTools(t *testing.T) {
	a, _ := students(t)
	ready(t, a)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	page, err := a.Page(ctx, "/lab")
	if err != nil {
		t.Fatal(err)
	}
	const open = `<script id="jupyter-config-data" type="application/json">`
	i := bytes.Index(page, []byte(open))
	j := bytes.Index(page[max(i, 0):], []byte("</script>"))
	if i < 0 || j < 0 {
		t.Fatalf("no jupyter-config-data in the lab page (%d bytes)", len(page))
	}
	var cfg struct{ DisabledExtensions []string }
	if err := json.Unmarshal(page[i+len(open):i+j], &cfg); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(cfg.DisabledExtensions, "@jupyter/nbgrader") {
		t.Errorf("nbgrader's lab extension is enabled for students (disabled: %v)", cfg.DisabledExtensions)
	}
	_, err = a.Page(ctx, "/formgrader")
	var he *hubclient.HTTPError
	if !errors.As(err, &he) || he.Status != http.StatusNotFound {
		t.Errorf("GET /formgrader gave %v, want 404", err)
	}
}
