// Command nbbrowser runs notebooks in a real browser, as a student does:
// JupyterLab 4 from the project's .venv on a free 127.0.0.1 port, driven in
// Debian's headless Chromium with go-rod (package internal/browsertest has
// the checks). One notebook (-notebook7) is also run in the Notebook 7
// interface.
//
//	go run ./cmd/nbbrowser [-shots out/browser] [-notebook7 00_inicio.ipynb] notebooks/*.ipynb
//	go run ./cmd/nbbrowser -check
//
// The notebooks are copied, with the other files of their folders
// (setup.sh), to a folder under out/browser, so the tracked ones are never
// written. It prints one line per notebook with its time, the failures
// under it, and closes with "browser: N passed, N failed". Screenshots of
// each notebook when the run is over (and of each slider while it moves) go
// to -shots. Without Chromium it fails with the command that installs it;
// -check does only that check.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"gdkit.dev/internal/browsertest"
	"gdkit.dev/internal/nbcheck"
)

func main() {
	shots := flag.String("shots", filepath.Join("out", "browser"), "folder for screenshots (\"\" for none)")
	nb7 := flag.String("notebook7", "00_inicio.ipynb", "notebook also run in the Notebook 7 interface (\"\" for none)")
	timeout := flag.Duration("timeout", 15*time.Minute, "time limit per notebook")
	check := flag.Bool("check", false, "only check that Chromium and the .venv's Jupyter are there")
	verbose := flag.Bool("v", false, "print each step")
	flag.Parse()
	chromium, err := browsertest.LookChromium()
	if err == nil {
		_, err = nbcheck.Jupyter()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if *check {
		out, _ := exec.Command(chromium, "--version").Output()
		fmt.Printf("browser test: %s\n", strings.TrimSpace(string(out)))
		return
	}
	paths := flag.Args()
	if len(paths) == 0 {
		fmt.Fprintln(os.Stderr, "usage: nbbrowser [-shots DIR] [-notebook7 NAME] [-timeout D] NOTEBOOK.ipynb...\n"+
			"       nbbrowser -check")
		os.Exit(2)
	}
	var log io.Writer
	if *verbose {
		log = os.Stdout
	}
	failed, err := run(paths, *shots, *nb7, *timeout, log)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if failed > 0 {
		os.Exit(1)
	}
}

func run(paths []string, shots, nb7 string, timeout time.Duration, log io.Writer) (failed int, err error) {
	root, err := browsertest.ModuleRoot()
	if err != nil {
		return 0, err
	}
	files, err := withFolderFiles(paths)
	if err != nil {
		return 0, err
	}
	work, err := browsertest.Workspace(root, files...)
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(work)
	// Ctrl-C or a kill ends the run through the deferred clean-ups: the
	// server (with its kernels) and the browser are stopped.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv, err := browsertest.StartServer(ctx, work)
	if err != nil {
		return 0, err
	}
	defer srv.Stop()
	b, err := browsertest.Launch(ctx)
	if err != nil {
		return 0, err
	}
	defer b.Close()
	fmt.Printf("browser test: %s, Jupyter at %s (work copies in %s)\n", b.Version, srv.URL, rel(root, work))

	type job struct {
		name string
		ui   browsertest.UI
	}
	var jobs []job
	for _, p := range paths {
		jobs = append(jobs, job{filepath.Base(p), browsertest.Lab})
	}
	for _, p := range paths {
		if filepath.Base(p) == nb7 {
			jobs = append(jobs, job{nb7, browsertest.Notebook})
		}
	}
	passed := 0
	for _, j := range jobs {
		if ctx.Err() != nil {
			return failed + 1, ctx.Err()
		}
		rep := browsertest.Run(ctx, b, srv, j.name, browsertest.Options{UI: j.ui, Screenshots: shots, Timeout: timeout, Log: log})
		status := "ok  "
		if rep.OK() {
			passed++
		} else {
			failed++
			status = "FAIL"
		}
		fmt.Printf("%s %-40s %6.1fs  %d code cells: %d figures, %d solutions, %d sliders checked; %d requests\n",
			status, rep.Notebook+" ("+rep.UI.String()+")", rep.Elapsed.Seconds(),
			rep.Cells, rep.Figures, rep.Solutions, rep.Sliders, rep.Requests)
		for _, f := range rep.Failures {
			fmt.Printf("     %s\n", f)
		}
		if !rep.OK() {
			fmt.Printf("     the Jupyter server's last lines:\n%s\n", indent(srv.LogTail(12)))
		}
		for _, s := range rep.Screenshots {
			fmt.Printf("     screenshot %s\n", rel(root, s))
		}
	}
	fmt.Printf("browser: %d passed, %d failed\n", passed, failed)
	return failed, nil
}

// withFolderFiles returns the notebooks and the other regular files of their
// folders (setup.sh, data), which the notebooks may need next to them.
func withFolderFiles(paths []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return nil, err
		}
		add(p)
		entries, err := os.ReadDir(filepath.Dir(p))
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.Type().IsRegular() && filepath.Ext(e.Name()) != ".ipynb" {
				add(filepath.Join(filepath.Dir(p), e.Name()))
			}
		}
	}
	return out, nil
}

func rel(root, p string) string {
	if r, err := filepath.Rel(root, p); err == nil {
		return r
	}
	return p
}

func indent(s string) string { return "       | " + strings.ReplaceAll(s, "\n", "\n       | ") }
