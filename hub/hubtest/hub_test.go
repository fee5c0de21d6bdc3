// Package hubtest holds the isolation and fault tests of gdkit's JupyterHub.
// They need root, two class accounts and the shared toolchain, so they run
// only from hub/test.sh (make hub-test), which sets GDKIT_HUB_TEST=1; a plain
// `go test ./...` skips them.
//
// TestMain starts a real hub (hub/jupyterhub_config.py, PAM, ClassSpawner)
// on free loopback ports with a fresh state directory; the tests talk to it
// as students do (hubclient) and look at the machine as the teacher would.
package hubtest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gdkit.dev/hub/hubclient"
)

// env is what hub/test.sh passes.
var env struct {
	root      string // the checkout
	venv      string // HUB_VENV: the hub's venv
	passwords string // "name password" lines: two students
	port      string // HUB_PORT of the test hub
	state     string // HUB_STATE
	token     string // HUB_SERVICE_TOKEN
	log       string
}

var hub *hubProcess

type hubProcess struct {
	cmd *exec.Cmd
	url string
}

func (h *hubProcess) pid() int { return h.cmd.Process.Pid }

// startHub starts JupyterHub and waits (at most 2 minutes) until its API answers.
func startHub() (*hubProcess, error) {
	log, err := os.OpenFile(env.log, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(filepath.Join(env.venv, "bin/jupyterhub"), "-f", filepath.Join(env.root, "hub/jupyterhub_config.py"))
	cmd.Env = append(os.Environ(), "HUB_PORT="+env.port, "HUB_STATE="+env.state, "HUB_SERVICE_TOKEN="+env.token)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	h := &hubProcess{cmd: cmd, url: "http://127.0.0.1:" + env.port}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	admin := hubclient.NewStudent(h.url, "", "")
	admin.Token = env.token
	for ctx.Err() == nil {
		if _, err := admin.Users(ctx); err == nil {
			return h, nil
		}
		time.Sleep(300 * time.Millisecond)
	}
	h.stop()
	return nil, fmt.Errorf("the hub did not answer within 2 minutes (log %s)", env.log)
}

// stop sends SIGTERM (the hub stops the students' servers) and waits up to a
// minute before killing the hub's process group.
func (h *hubProcess) stop() {
	h.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { h.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		syscall.Kill(-h.cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
}

func TestMain(m *testing.M) {
	if os.Getenv("GDKIT_HUB_TEST") != "1" {
		fmt.Println("hubtest: skipped (run by hub/test.sh, make hub-test: needs root and class accounts)")
		os.Exit(0)
	}
	env.root = os.Getenv("GDKIT_ROOT")
	env.venv = os.Getenv("HUB_VENV")
	env.passwords = os.Getenv("HUB_TEST_PASSWORDS")
	env.port = os.Getenv("HUB_PORT")
	env.state = os.Getenv("HUB_STATE")
	env.token = os.Getenv("HUB_SERVICE_TOKEN")
	env.log = os.Getenv("HUB_TEST_LOG")
	var err error
	if hub, err = startHub(); err != nil {
		fmt.Fprintln(os.Stderr, "hubtest:", err)
		os.Exit(1)
	}
	code := m.Run()
	hub.stop()
	os.Exit(code)
}

// students returns the two test students with their passwords.
func students(t *testing.T) (a, b *hubclient.Student) {
	t.Helper()
	f, err := os.Open(env.passwords)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ss []*hubclient.Student
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fs := strings.Fields(sc.Text()); len(fs) == 2 {
			ss = append(ss, hubclient.NewStudent(hub.url, fs[0], fs[1]))
		}
	}
	if len(ss) < 2 {
		t.Fatalf("%s: want two students", env.passwords)
	}
	return ss[0], ss[1]
}

// ready logs s in, gets a token and waits for the server (bounded).
func ready(t *testing.T, s *hubclient.Student) {
	t.Helper()
	s.Hub = hub.url
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := s.Login(ctx); err != nil {
		t.Fatalf("%s login: %v", s.Name, err)
	}
	if err := s.RequestToken(ctx, time.Hour); err != nil {
		t.Fatalf("%s token: %v", s.Name, err)
	}
	if err := s.StartServer(ctx); err != nil {
		t.Fatalf("%s start: %v", s.Name, err)
	}
	if err := s.WaitReady(ctx); err != nil {
		t.Fatalf("%s server not ready: %v", s.Name, err)
	}
}

// kernel opens a Go kernel for s on a scratch notebook and runs the set-up cell.
func kernel(t *testing.T, s *hubclient.Student) *hubclient.Kernel {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	k, err := s.StartKernel(ctx, "prueba.ipynb", "gonb")
	if err != nil {
		t.Fatalf("%s kernel: %v", s.Name, err)
	}
	t.Cleanup(func() { s.DeleteSession(context.Background(), k) })
	run(t, k, "!*bash \"$GONB_DIR/setup.sh\"\n%noautoget", 3*time.Minute)
	return k
}

// run executes code and returns its text output; it fails the test if the
// cell does not end within limit.
func run(t *testing.T, k *hubclient.Kernel, code string, limit time.Duration) (string, hubclient.Result) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	r, err := k.Execute(ctx, code)
	if err != nil {
		t.Fatalf("cell %q: %v", firstLine(code), err)
	}
	return text(r), r
}

func text(r hubclient.Result) string {
	var b strings.Builder
	for _, o := range r.Outputs {
		b.WriteString(string(o.Text))
		b.WriteString(o.Evalue)
		for _, v := range o.Data {
			b.Write(v)
		}
		b.WriteString(strings.Join(o.Traceback, "\n"))
	}
	return b.String()
}

func firstLine(s string) string { return strings.SplitN(s, "\n", 2)[0] }

func home(t *testing.T, name string) string {
	u, err := user.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	return u.HomeDir
}
