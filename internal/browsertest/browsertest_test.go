package browsertest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLocal(t *testing.T) {
	const host = "127.0.0.1:18801"
	cases := []struct {
		url string
		ok  bool
	}{
		{"http://127.0.0.1:18801/lab/tree/a.ipynb?token=x", true},
		{"ws://127.0.0.1:18801/api/kernels/k/channels", true},
		{"data:image/png;base64,iVBOR", true},
		{"blob:http://127.0.0.1:18801/uuid", true},
		{"about:blank", true},
		{"http://127.0.0.1:8888/", false}, // another server
		{"https://cdn.jsdelivr.net/npm/mathjax", false},
		{"http://localhost:18801/", false},
		{"chrome-extension://x/y", false},
		{"::not a url", false},
	}
	for _, c := range cases {
		if got := local(c.url, host); got != c.ok {
			t.Errorf("local(%q) = %v, want %v", c.url, got, c.ok)
		}
	}
}

func TestFreePort(t *testing.T) {
	t.Setenv(PortsEnv, "")
	if p, err := FreePort(); err != nil || p <= 0 {
		t.Fatalf("FreePort() = %d, %v", p, err)
	}
	for _, bad := range []string{"x", "5-1", "1-99999", "0-10"} {
		t.Setenv(PortsEnv, bad)
		if _, err := FreePort(); err == nil {
			t.Errorf("%s=%q accepted", PortsEnv, bad)
		}
	}
}

func TestFigureProblem(t *testing.T) {
	type fig = struct {
		Tag     string  `json:"tag"`
		W       float64 `json:"w"`
		H       float64 `json:"h"`
		Loaded  bool    `json:"loaded"`
		Natural int     `json:"natural"`
	}
	cases := []struct {
		figs []fig
		want string // "" = a figure is shown; else a substring of the reason
	}{
		{nil, "no <img> or <svg>"},
		{[]fig{{"img", 640, 480, true, 1280}}, ""},
		{[]fig{{"img", 16, 16, true, 0}}, "does not decode"},
		{[]fig{{"img", 0, 0, false, 0}}, "does not decode"},
		{[]fig{{"svg", 0, 0, true, 1}}, "0×0"},
		{[]fig{{"svg", 0, 0, true, 1}, {"svg", 300, 200, true, 1}}, ""},
	}
	for _, c := range cases {
		got := figureProblem(outputs{Figs: c.figs})
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("figureProblem(%v) = %q, want %q", c.figs, got, c.want)
		}
	}
}

// TestFixtures runs the fixture notebooks in JupyterLab in headless
// Chromium: one passes, and each of the others must fail for its reason: a
// cell that panics, one that does not compile, a figure cell without a
// figure, an image that does not decode, a slider whose figure does not
// follow it, and a page that asks for a URL outside 127.0.0.1.
// It needs Chromium and the project's .venv; without them it is skipped,
// unless GDKIT_REQUIRE_BROWSER=1 (make test sets it): then it fails, with
// the command that installs what is missing.
func TestFixtures(t *testing.T) {
	if testing.Short() {
		t.Skip("runs notebooks in a browser")
	}
	need := func(err error) {
		if err == nil {
			return
		}
		if os.Getenv("GDKIT_REQUIRE_BROWSER") == "1" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	_, err := LookChromium()
	need(err)
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	fixtures, err := filepath.Glob(filepath.Join("testdata", "*.ipynb"))
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	work, err := Workspace(root, append(fixtures, filepath.Join(root, "notebooks", "setup.sh"))...)
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(work)
	ctx := context.Background()
	srv, err := StartServer(ctx, work)
	need(err)
	defer srv.Stop()
	b, err := Launch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	cases := []struct {
		file string
		want []string // a failure must contain each; none = the notebook passes
	}{
		{"ok.ipynb", nil},
		{"panic.ipynb", []string{"panic: fixture boom"}},
		{"compile_error.ipynb", []string{`cannot use "no es un int"`}},
		{"missing_figure.ipynb", []string{"figure missing", "figure not rendered: the cell shows no <img> or <svg>"}},
		{"broken_figure.ipynb", []string{"figure not rendered: an <img> that does not decode"}},
		{"slider_static.ipynb", []string{"the slider did not redraw"}},
		{"outside_request.ipynb", []string{"outside 127.0.0.1", "http://example.com/logo.png"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			rep := Run(ctx, b, srv, c.file, Options{Timeout: 5 * time.Minute})
			all := strings.Join(rep.Failures, "\n")
			if len(c.want) == 0 {
				if !rep.OK() {
					t.Fatalf("want a pass, got:\n%s\nserver log:\n%s", all, srv.LogTail(20))
				}
				if rep.Figures != 2 || rep.Sliders != 1 || rep.Solutions != 1 || rep.Requests == 0 {
					t.Errorf("checked %d figures, %d sliders, %d solutions, %d requests; want 2, 1, 1, >0",
						rep.Figures, rep.Sliders, rep.Solutions, rep.Requests)
				}
				return
			}
			if rep.OK() {
				t.Fatalf("the browser test passed a notebook that must fail (%s)", strings.Join(c.want, "; "))
			}
			for _, w := range c.want {
				if !strings.Contains(all, w) {
					t.Errorf("no failure says %q; got:\n%s", w, all)
				}
			}
			t.Logf("%s fails as it must:\n%s", c.file, all)
		})
	}
}

// TestLookChromiumMissing: a missing browser is an error with the command
// that installs it, naming the path that was looked for.
func TestLookChromiumMissing(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "chromium")
	t.Setenv(ChromiumEnv, missing)
	_, err := LookChromium()
	if !errors.Is(err, ErrNoChromium) {
		t.Fatalf("LookChromium() with %s=%s: err = %v, want ErrNoChromium", ChromiumEnv, missing, err)
	}
	for _, want := range []string{missing, "apt-get install -y chromium"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not say %q: %v", want, err)
		}
	}
	t.Setenv(ChromiumEnv, t.TempDir()) // a folder is not a program either
	if _, err := LookChromium(); !errors.Is(err, ErrNoChromium) {
		t.Errorf("LookChromium() with a folder: err = %v, want ErrNoChromium", err)
	}
}
