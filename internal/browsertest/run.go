// Package browsertest runs the course notebooks the way a student does: in
// JupyterLab 4 (or Notebook 7) served by the project's .venv, in headless
// Chromium driven over the DevTools protocol with go-rod, with real mouse
// and keyboard events.
//
// For each notebook Run clears the outputs, runs all cells from the Run menu,
// waits until the kernel is idle, and fails when
//   - a cell shows an error (an error output, "panic: " or "exit status N",
//     the rules of nbcheck.Check, applied to JupyterLab's own model of the
//     notebook and to the text the page shows), or did not run;
//   - a figure cell (nbcheck.IsFigureCell: its body calls nb.Show,
//     nb.ShowPlot, nb.ShowSVG, nb.Animate or nb.Explore, or its stored
//     outputs hold an image) shows no decoded <img> or <svg> of non-zero size;
//   - a solution cell (nbcheck.IsSolutionCell: its body calls
//     exercise.MustPass) does not show ✔, or shows ✘;
//   - in a slider cell (nbcheck.IsSliderCell: nb.Explore), moving the slider
//     by a click with arrow keys and by a mouse drag does not change the
//     figure, or pressing «Listo» does not end the exploration leaving the
//     last figure drawn;
//   - the page requested anything outside the Jupyter server on 127.0.0.1.
package browsertest

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"

	"gdkit.dev/internal/nbcheck"
)

//go:embed page.js
var pageJS string

// UI is a Jupyter front-end.
type UI string

// The front-ends the test drives.
const (
	Lab      UI = "lab"      // JupyterLab 4, /lab/tree/NAME
	Notebook UI = "notebook" // Notebook 7, /notebooks/NAME
)

// String names the front-end.
func (u UI) String() string {
	if u == Notebook {
		return "Notebook 7"
	}
	return "JupyterLab"
}

// Options tunes Run.
type Options struct {
	UI UI // Lab if ""
	// Screenshots, if not "", is the folder where Run saves a PNG of the page
	// when the run is over, scrolled to the slider cell (or else the first
	// figure cell), and one while the slider is being moved.
	Screenshots string
	// Timeout bounds the whole notebook; 0 means 15 minutes.
	Timeout time.Duration
	// Log, if not nil, receives a line per step (for -v).
	Log io.Writer
}

// Report is the outcome of one notebook.
type Report struct {
	Notebook    string
	UI          UI
	Elapsed     time.Duration
	Cells       int // code cells
	Figures     int // figure cells, each checked for a rendered figure
	Solutions   int // solution cells, each checked for ✔
	Sliders     int // slider cells driven
	Requests    int // requests the page made (all to the server, or a failure)
	Failures    []string
	Screenshots []string
}

// OK reports whether nothing failed.
func (r Report) OK() bool { return len(r.Failures) == 0 }

// run is the state of one notebook's run.
type run struct {
	ctx    context.Context
	page   *rod.Page
	srv    *Server
	cells  []nbcheck.Cell
	opt    Options
	rep    *Report
	stem   string
	slider map[int]string // slider cell → hash of the last figure drawn before «Listo»
}

func (r *run) logf(format string, args ...any) {
	if r.opt.Log != nil {
		fmt.Fprintf(r.opt.Log, "  %s %s: %s\n", time.Now().Format("15:04:05.0"), r.stem, fmt.Sprintf(format, args...))
	}
}

func (r *run) failf(format string, args ...any) {
	r.rep.Failures = append(r.rep.Failures, fmt.Sprintf(format, args...))
}

// Run opens the notebook name (a path relative to srv.Root) in b, runs it
// all and checks what the page shows (see the package comment). Failures
// are in the report; Run itself does not stop at the first one.
func Run(ctx context.Context, b *Browser, srv *Server, name string, opt Options) (rep Report) {
	start := time.Now()
	if opt.UI == "" {
		opt.UI = Lab
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 15 * time.Minute
	}
	rep = Report{Notebook: name, UI: opt.UI}
	defer func() { rep.Elapsed = time.Since(start) }()
	raw, err := os.ReadFile(filepath.Join(srv.Root, name))
	if err != nil {
		rep.Failures = append(rep.Failures, err.Error())
		return rep
	}
	nb, err := nbcheck.Parse(raw)
	if err != nil {
		rep.Failures = append(rep.Failures, err.Error())
		return rep
	}
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	r := &run{ctx: ctx, srv: srv, cells: nb.Cells, opt: opt, rep: &rep, slider: map[int]string{},
		stem: strings.TrimSuffix(filepath.Base(name), ".ipynb")}
	if opt.UI == Notebook {
		r.stem += "-notebook7"
	}
	for _, c := range nb.Cells {
		if c.Type == "code" {
			rep.Cells++
		}
	}
	page, err := b.Context(ctx).Page(proto.TargetCreateTarget{URL: "about:blank"})
	if err != nil {
		r.failf("opening a page: %v", err)
		return rep
	}
	r.page = page
	defer func() {
		r.logf("closing the page")
		// Without running beforeunload: JupyterLab would ask whether to
		// leave a notebook with unsaved outputs, and wait for an answer.
		proto.TargetCloseTarget{TargetID: page.TargetID}.Call(b)
		r.logf("shutting the kernel down")
		// A new context: the run's may be over (timeout), the kernel must go.
		sctx, scancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer scancel()
		if err := srv.ShutdownKernels(sctx); err != nil {
			r.failf("shutting the kernel down: %v", err)
		}
	}()
	net := &netLog{host: srv.Host}
	if err := r.open(net); err != nil {
		r.failf("%v", err)
	} else if err := r.runAll(); err != nil {
		r.failf("%v", err)
	} else {
		r.check()
	}
	if opt.Screenshots != "" {
		r.logf("screenshot")
		r.screenshot(r.stem, r.focusCell())
	}
	rep.Requests, _ = net.result()
	if _, outside := net.result(); len(outside) > 0 {
		r.failf("the page requested %d URLs outside %s: %s", len(outside), srv.Host, strings.Join(outside, ", "))
	}
	return rep
}

// open loads the notebook's page and waits until its kernel is connected.
func (r *run) open(net *netLog) error {
	if err := net.watch(r.page); err != nil {
		return err
	}
	if _, err := r.page.EvalOnNewDocument(pageJS); err != nil {
		return err
	}
	if err := r.page.SetViewport(&proto.EmulationSetDeviceMetricsOverride{Width: viewW, Height: viewH, DeviceScaleFactor: 1}); err != nil {
		return err
	}
	// reset: a fresh workspace, not the tabs of the notebook before.
	path, query := "/lab/tree/", "?reset&token="
	if r.opt.UI == Notebook {
		path, query = "/notebooks/", "?token="
	}
	r.logf("open %s%s", path, r.rep.Notebook)
	if err := r.page.Navigate(r.srv.URL + path + r.rep.Notebook + query + r.srv.Token); err != nil {
		return err
	}
	_, err := r.waitFor("the notebook to open with its kernel connected", 1*time.Minute, func(s state) (bool, error) {
		if s.Dialog != "" {
			return false, fmt.Errorf("%s shows a dialog: %s", r.opt.UI, oneLine(s.Dialog))
		}
		// GoNB's status stays "unknown" until its first execution:
		// a connected kernel of a ready session is what counts here.
		return s.Notebook && s.Ready && s.Conn == "connected" && s.Kernel != "busy" &&
			len(s.Cells) == len(r.cells), nil
	})
	return err
}

// state is what page.js's state() returns.
type state struct {
	App      bool   `json:"app"`
	Notebook bool   `json:"notebook"`
	Kernel   string `json:"kernel"`
	Conn     string `json:"connection"`
	Ready    bool   `json:"ready"`
	Dialog   string `json:"dialog"`
	Cells    []struct {
		Code    bool   `json:"code"`
		Prompt  string `json:"prompt"`
		Outputs int    `json:"outputs"`
		Slider  bool   `json:"slider"`
	} `json:"cells"`
}

// String summarizes the state for a message.
func (s state) String() string {
	var prompts []string
	for _, c := range s.Cells {
		if c.Code {
			prompts = append(prompts, c.Prompt)
		}
	}
	return fmt.Sprintf("page app %v, notebook %v, session ready %v, kernel %q (%s), %d cells, prompts %s",
		s.App, s.Notebook, s.Ready, s.Kernel, s.Conn, len(s.Cells), strings.Join(prompts, " "))
}

// eval calls window.__gdkit.fn(args...) in the page and decodes its JSON
// result into v (or into a string when v is a *string and the result is one).
func (r *run) eval(v any, fn string, args ...any) error {
	params := make([]string, len(args))
	for i := range args {
		params[i] = fmt.Sprintf("a%d", i)
	}
	js := fmt.Sprintf("(%s) => window.__gdkit.%s(%s)", strings.Join(params, ", "), fn, strings.Join(params, ", "))
	res, err := r.page.Context(r.ctx).Eval(js, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", fn, err)
	}
	s := res.Value.Str()
	if p, ok := v.(*string); ok {
		*p = s
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}

func (r *run) state() (state, error) {
	var s state
	if err := r.eval(&s, "state"); err != nil {
		return s, err
	}
	return s, nil
}

// waitFor polls the page's state until done reports true (or an error), for
// at most limit.
func (r *run) waitFor(what string, limit time.Duration, done func(state) (bool, error)) (state, error) {
	deadline := time.Now().Add(limit)
	var s state
	var err error
	for {
		// The helpers exist once the page has loaded: until then, keep polling.
		s, err = r.state()
		if err == nil {
			ok, derr := done(s)
			if derr != nil {
				return s, derr
			}
			if ok {
				return s, nil
			}
		}
		if time.Now().After(deadline) || r.ctx.Err() != nil {
			if err != nil {
				return s, fmt.Errorf("waiting for %s: %v", what, err)
			}
			return s, fmt.Errorf("timed out after %v waiting for %s (%s)", limit.Round(time.Second), what, s)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// menu clicks a top-level menu of the menu bar, then one of its items.
func (r *run) menu(top, item string) error {
	r.logf("menu %s → %s", top, item)
	p := r.page.Context(r.ctx).Timeout(30 * time.Second)
	bar, err := p.ElementR(".lm-MenuBar-itemLabel", "^"+regexp.QuoteMeta(top)+"$")
	if err != nil {
		return fmt.Errorf("menu %q: %w", top, err)
	}
	if err := bar.Click(proto.InputMouseButtonLeft, 1); err != nil {
		return fmt.Errorf("menu %q: %w", top, err)
	}
	it, err := p.ElementR(".lm-Menu-itemLabel", "^"+regexp.QuoteMeta(item)+"$")
	if err != nil {
		return fmt.Errorf("menu %s → %q: %w", top, item, err)
	}
	if err := it.Click(proto.InputMouseButtonLeft, 1); err != nil {
		return fmt.Errorf("menu %s → %q: %w", top, item, err)
	}
	return nil
}

var promptNumRe = regexp.MustCompile(`^\[\d+\]:?$`)

// runAll clears every output (so that only this run's figures count), runs
// all cells from the Run menu, drives every slider that shows up, and
// waits until the kernel is idle with no cell queued or running.
func (r *run) runAll() error {
	if err := r.menu("Edit", "Clear Outputs of All Cells"); err != nil {
		return err
	}
	if _, err := r.waitFor("the outputs to clear", 30*time.Second, func(s state) (bool, error) {
		for _, c := range s.Cells {
			if c.Outputs > 0 {
				return false, nil
			}
		}
		return true, nil
	}); err != nil {
		return err
	}
	if err := r.menu("Run", "Run All Cells"); err != nil {
		return err
	}
	started, idleSince, lastRunning := false, time.Time{}, -2
	limit := time.Until(deadline(r.ctx))
	_, err := r.waitFor("all cells to run", limit, func(s state) (bool, error) {
		if s.Dialog != "" {
			return false, fmt.Errorf("%s shows a dialog: %s", r.opt.UI, oneLine(s.Dialog))
		}
		running := -1
		for i, c := range s.Cells {
			if c.Code && strings.Contains(c.Prompt, "*") {
				running = i
				break
			}
		}
		if running >= 0 || s.Kernel == "busy" {
			started = true
		}
		if running != lastRunning {
			if running >= 0 {
				r.logf("running cell %d, kernel %s", running+1, s.Kernel)
			} else {
				r.logf("no cell running, kernel %s", s.Kernel)
			}
			lastRunning = running
		}
		if running >= 0 && nbcheck.IsSliderCell(r.cells[running]) && s.Cells[running].Slider {
			if _, done := r.slider[running]; !done {
				r.driveSlider(running)
			}
		}
		if !started || running >= 0 || s.Kernel == "busy" {
			idleSince = time.Time{}
			return false, nil
		}
		if idleSince.IsZero() {
			idleSince = time.Now()
		}
		return time.Since(idleSince) > time.Second, nil
	})
	return err
}

func deadline(ctx context.Context) time.Time {
	if d, ok := ctx.Deadline(); ok {
		return d
	}
	return time.Now().Add(time.Hour)
}

// outputs is what page.js's outputs() returns.
type outputs struct {
	Text string `json:"text"`
	Figs []struct {
		Tag     string  `json:"tag"`
		W       float64 `json:"w"`
		H       float64 `json:"h"`
		Loaded  bool    `json:"loaded"`
		Natural int     `json:"natural"`
	} `json:"figs"`
}

// check reads the finished page: JupyterLab's model of the notebook
// through nbcheck.Check, then each cell's prompt and what it shows.
func (r *run) check() {
	r.logf("all cells ran; checking")
	var model string
	if err := r.eval(&model, "model"); err != nil {
		r.failf("reading the notebook model: %v", err)
		return
	}
	nb, err := nbcheck.Parse([]byte(model))
	if err != nil {
		r.failf("%v", err)
		return
	}
	failing := map[int]bool{} // cells the model already shows failing
	for _, f := range nbcheck.Check(nb) {
		r.failf("%s", f)
		failing[f.Cell-1] = true
	}
	// Images decode asynchronously: give them a moment.
	r.waitFor("images to decode", 10*time.Second, func(state) (bool, error) { return r.imagesLoaded(), nil })
	s, err := r.state()
	if err != nil {
		r.failf("%v", err)
		return
	}
	r.logf("images decoded")
	for i, c := range r.cells {
		if c.Type != "code" {
			continue
		}
		first := firstLine(string(c.Source))
		if !promptNumRe.MatchString(s.Cells[i].Prompt) {
			r.failf("cell %d (%q) did not run: prompt %q", i+1, first, s.Cells[i].Prompt)
			continue
		}
		var o outputs
		if err := r.eval(&o, "outputs", i); err != nil {
			r.failf("cell %d: %v", i+1, err)
			continue
		}
		if reason := nbcheck.TextReason(o.Text); reason != "" && !failing[i] {
			r.failf("cell %d (%q) shows an error (%s): %s", i+1, first, reason, oneLine(o.Text))
		}
		if nbcheck.IsFigureCell(c) {
			r.rep.Figures++
			if why := figureProblem(o); why != "" {
				r.failf("cell %d (%q): figure not rendered: %s", i+1, first, why)
			}
		}
		if nbcheck.IsSolutionCell(c) {
			r.rep.Solutions++
			if !strings.Contains(o.Text, "✔") || strings.Contains(o.Text, "✘") {
				r.failf("cell %d (%q): the solution does not show ✔: %s", i+1, first, oneLine(o.Text))
			}
		}
		if nbcheck.IsSliderCell(c) {
			r.checkSliderEnd(i, first)
		}
	}
}

func (r *run) imagesLoaded() bool {
	for i, c := range r.cells {
		if c.Type != "code" {
			continue
		}
		var o outputs
		if r.eval(&o, "outputs", i) != nil {
			return false
		}
		for _, f := range o.Figs {
			if f.Tag == "img" && !f.Loaded {
				return false
			}
		}
	}
	return true
}

// figureProblem says why o shows no figure, or "" if it shows one.
func figureProblem(o outputs) string {
	if len(o.Figs) == 0 {
		return "the cell shows no <img> or <svg>"
	}
	var why []string
	for _, f := range o.Figs {
		switch {
		case f.Tag == "img" && (!f.Loaded || f.Natural == 0):
			why = append(why, "an <img> that does not decode")
		case f.W < 1 || f.H < 1:
			why = append(why, fmt.Sprintf("a <%s> of %.0f×%.0f px", f.Tag, f.W, f.H))
		default:
			return ""
		}
	}
	return strings.Join(why, ", ")
}

// focusCell is the cell a screenshot shows: the first slider cell, else the
// first figure cell, else the first cell.
func (r *run) focusCell() int {
	fig := -1
	for i, c := range r.cells {
		if nbcheck.IsSliderCell(c) {
			return i
		}
		if fig < 0 && nbcheck.IsFigureCell(c) {
			fig = i
		}
	}
	return max(fig, 0)
}

// screenshot scrolls cell i into view and saves the viewport as stem.png.
func (r *run) screenshot(stem string, i int) {
	if err := os.MkdirAll(r.opt.Screenshots, 0o755); err != nil {
		r.failf("screenshot: %v", err)
		return
	}
	// A fresh context: a screenshot is most useful when the run timed out.
	p := r.page.Context(context.Background()).Timeout(30 * time.Second)
	if _, err := p.Eval(`(i) => { const c = window.__gdkit.cell(i); if (c) c.scrollIntoView({block: "start"}); }`, i); err != nil {
		r.failf("screenshot: %v", err)
		return
	}
	time.Sleep(500 * time.Millisecond)
	png, err := p.Screenshot(false, &proto.PageCaptureScreenshot{Format: proto.PageCaptureScreenshotFormatPng})
	if err != nil {
		r.failf("screenshot: %v", err)
		return
	}
	path := filepath.Join(r.opt.Screenshots, stem+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		r.failf("screenshot: %v", err)
		return
	}
	r.rep.Screenshots = append(r.rep.Screenshots, path)
}

func firstLine(src string) string {
	for _, l := range strings.Split(src, "\n") {
		if l = strings.TrimSpace(l); l != "" && l != "%%" {
			return l
		}
	}
	return ""
}

// oneLine shortens s to one line of at most 200 characters.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200]) + "…"
	}
	return s
}
