package browsertest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"gdkit.dev/internal/nbcheck"
)

// PortsEnv names an environment variable "LO-HI" that confines the ports
// FreePort picks (the server's and the browser's) to a range.
const PortsEnv = "GDKIT_PORTS"

// FreePort returns a TCP port free on 127.0.0.1: one the system picks, or
// the first free one of $GDKIT_PORTS.
func FreePort() (int, error) {
	lo, hi := 0, 0
	if r := os.Getenv(PortsEnv); r != "" {
		a, b, ok := strings.Cut(r, "-")
		var err1, err2 error
		lo, err1 = strconv.Atoi(a)
		hi, err2 = strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || lo <= 0 || hi < lo || hi > 65535 {
			return 0, fmt.Errorf("browser test: %s=%q: want LO-HI", PortsEnv, r)
		}
	}
	for p := lo; p <= hi; p++ {
		l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(p)))
		if err != nil {
			continue
		}
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		return port, nil
	}
	return 0, fmt.Errorf("browser test: no free port in %d-%d on 127.0.0.1", lo, hi)
}

// Server is a Jupyter server (JupyterLab 4 and Notebook 7 front-ends) of the
// project's .venv, on 127.0.0.1 with a random token, serving Root.
type Server struct {
	URL   string // http://127.0.0.1:PORT, no trailing slash
	Host  string // 127.0.0.1:PORT
	Token string
	Root  string

	cmd  *exec.Cmd
	dir  string // settings, workspaces, runtime files and the log
	done chan struct{}
}

// settings are the JupyterLab / Notebook 7 user settings of the test
// server: no autosave (the test never writes a notebook), every cell kept
// in the page (no windowing, so each output can be read and measured), and
// no news or update checks.
var settings = map[string]string{
	"@jupyterlab/docmanager-extension/plugin.jupyterlab-settings":     `{"autosave": false}`,
	"@jupyterlab/notebook-extension/tracker.jupyterlab-settings":      `{"windowingMode": "none"}`,
	"@jupyterlab/apputils-extension/notification.jupyterlab-settings": `{"fetchNews": "false", "checkForUpdates": false}`,
}

// StartServer starts `jupyter lab` (nbcheck.Jupyter) on a free port
// serving root, and waits until it answers. Kernels it starts inherit the
// environment without GDKIT_HEADLESS: widgets are live.
func StartServer(ctx context.Context, root string) (*Server, error) {
	jupyter, err := nbcheck.Jupyter()
	if err != nil {
		return nil, err
	}
	root, err = filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	port, err := FreePort()
	if err != nil {
		return nil, err
	}
	tok := make([]byte, 24)
	if _, err := rand.Read(tok); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "gdkit-jupyter-")
	if err != nil {
		return nil, err
	}
	s := &Server{
		URL:   fmt.Sprintf("http://127.0.0.1:%d", port),
		Host:  fmt.Sprintf("127.0.0.1:%d", port),
		Token: hex.EncodeToString(tok),
		Root:  root,
		dir:   dir,
		done:  make(chan struct{}),
	}
	user := filepath.Join(dir, "user-settings")
	for name, body := range settings {
		p := filepath.Join(user, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			return nil, err
		}
	}
	args := []string{"lab", "--no-browser", "--ip=127.0.0.1", "--port=" + strconv.Itoa(port),
		"--ServerApp.port_retries=0", "--ServerApp.root_dir=" + root,
		"--LabApp.user_settings_dir=" + user, "--LabApp.workspaces_dir=" + filepath.Join(dir, "workspaces"),
		"--JupyterNotebookApp.user_settings_dir=" + user,
		"--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.news_url=None",
		// window.jupyterapp: the test reads the kernel's status and the cells' model.
		"--LabApp.expose_app_in_browser=True", "--JupyterNotebookApp.expose_app_in_browser=True",
	}
	if os.Geteuid() == 0 {
		args = append(args, "--allow-root")
	}
	logf, err := os.Create(filepath.Join(dir, "jupyter.log"))
	if err != nil {
		return nil, err
	}
	s.cmd = exec.Command(jupyter, args...)
	s.cmd.Dir = root
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GDKIT_HEADLESS=") && !strings.HasPrefix(kv, "JUPYTER_TOKEN=") {
			env = append(env, kv)
		}
	}
	s.cmd.Env = append(env, "JUPYTER_TOKEN="+s.Token, "JUPYTER_RUNTIME_DIR="+filepath.Join(dir, "runtime"))
	if err := s.cmd.Start(); err != nil {
		logf.Close()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("browser test: starting %s lab: %w", jupyter, err)
	}
	go func() {
		s.cmd.Wait()
		logf.Close()
		close(s.done)
	}()
	if err := s.waitReady(ctx, 2*time.Minute); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

func (s *Server) waitReady(ctx context.Context, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		if _, err := s.get(ctx, "/api/status"); err == nil {
			return nil
		}
		select {
		case <-s.done:
			return fmt.Errorf("browser test: jupyter lab exited:\n%s", s.LogTail(20))
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(300 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("browser test: jupyter lab did not answer in %v:\n%s", limit, s.LogTail(20))
		}
	}
}

// do sends an authenticated request to the server's REST API.
func (s *Server) do(ctx context.Context, method, path string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, s.URL+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "token "+s.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("%s %s: %s", method, path, resp.Status)
	}
	return b, err
}

func (s *Server) get(ctx context.Context, path string) ([]byte, error) {
	return s.do(ctx, http.MethodGet, path)
}

// ShutdownKernels ends every session (and its kernel) of the server.
func (s *Server) ShutdownKernels(ctx context.Context) error {
	b, err := s.get(ctx, "/api/sessions")
	if err != nil {
		return err
	}
	var sessions []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(b, &sessions); err != nil {
		return err
	}
	var errs []error
	for _, ss := range sessions {
		if _, err := s.do(ctx, http.MethodDelete, "/api/sessions/"+ss.ID); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Stop ends the server (it shuts its kernels down) and removes its files.
func (s *Server) Stop() {
	if s.cmd.Process != nil {
		syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-s.done:
		case <-time.After(15 * time.Second):
			syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
			<-s.done
		}
	}
	os.RemoveAll(s.dir)
}

// LogTail returns the last n lines of the server's log.
func (s *Server) LogTail(n int) string {
	b, _ := os.ReadFile(filepath.Join(s.dir, "jupyter.log"))
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
