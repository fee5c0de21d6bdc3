// Package nbcheck executes Jupyter notebooks headless through a real kernel
// and reads every stored output for failures.
//
// GoNB does not fail a cell when the compiled program panics, calls
// os.Exit with a non-zero code or when a "!" shell command fails: it only
// prints. Check therefore reads the outputs themselves: an error output, or a
// stream or display output containing "panic: " or "exit status N" with N ≠ 0,
// fails the notebook.
package nbcheck

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Notebook is the part of an nbformat v4 notebook that Check reads.
type Notebook struct {
	Cells []Cell `json:"cells"`
}

// Cell is one notebook cell.
type Cell struct {
	Type           string   `json:"cell_type"`
	Source         Text     `json:"source"`
	ExecutionCount *int     `json:"execution_count"`
	Outputs        []Output `json:"outputs"`
}

// Output is one output of a code cell.
type Output struct {
	Type      string                     `json:"output_type"`
	Name      string                     `json:"name"`
	Text      Text                       `json:"text"`
	Data      map[string]json.RawMessage `json:"data"`
	Ename     string                     `json:"ename"`
	Evalue    string                     `json:"evalue"`
	Traceback []string                   `json:"traceback"`
}

// Text is an nbformat multiline string: either one string or a list of
// lines that are concatenated.
type Text string

// UnmarshalJSON accepts both forms of a multiline string.
func (t *Text) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*t = Text(s)
		return nil
	}
	var lines []string
	if err := json.Unmarshal(b, &lines); err != nil {
		return err
	}
	*t = Text(strings.Join(lines, ""))
	return nil
}

// Failure is one failing cell.
type Failure struct {
	Cell   int    // 1-based position of the cell in the notebook (all cell types)
	Code   int    // 1-based position among code cells
	Source string // first line of the cell's source
	Reason string // what failed: "error output", "panic", "exit status 2", ...
	Lines  []string
}

// String renders the failure: the cell, its first code line, the reason
// and the first lines of its output.
func (f Failure) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cell %d (code cell %d, %q): %s", f.Cell, f.Code, f.Source, f.Reason)
	for _, l := range f.Lines {
		fmt.Fprintf(&b, "\n    | %s", l)
	}
	return b.String()
}

// Parse decodes a notebook.
func Parse(b []byte) (*Notebook, error) {
	var nb Notebook
	if err := json.Unmarshal(b, &nb); err != nil {
		return nil, fmt.Errorf("nbcheck: not a notebook: %w", err)
	}
	return &nb, nil
}

var (
	exitRe  = regexp.MustCompile(`exit status ([1-9][0-9]*)`)
	tagRe   = regexp.MustCompile(`(?s)<style.*?</style>|<[^>]*>`)
	blankRe = regexp.MustCompile(`\n\s*\n+`)
	ansiRe  = regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]`)
)

// maxLines is the number of output lines a Failure keeps.
const maxLines = 8

// Check returns the failing cells of an executed notebook, in order. A cell
// fails when it has an error output, when any of its outputs contains
// "panic: " or "exit status N" with N ≠ 0, or when its main body (after
// "%%") shows a figure (nb.Show, nb.ShowPlot, nb.ShowSVG, nb.Animate,
// nb.Explore) but the cell has no image output: GoNB has been seen to drop
// a display silently.
func Check(nb *Notebook) []Failure {
	var fails []Failure
	code := 0
	for i, c := range nb.Cells {
		if c.Type != "code" {
			continue
		}
		code++
		first := firstCodeLine(string(c.Source))
		var reason string
		var text []string
		for _, o := range coalesce(c.Outputs) {
			t := outputText(o)
			text = append(text, t)
			if reason != "" {
				continue
			}
			if o.Type == "error" {
				reason = "error output"
				if o.Evalue != "" {
					reason += ": " + o.Evalue
				}
			} else {
				reason = TextReason(t)
			}
		}
		if reason == "" && showsFigure(string(c.Source)) && !hasImage(c.Outputs) {
			reason = "figure missing: the cell shows a figure but has no image output"
		}
		if reason == "" {
			continue
		}
		fails = append(fails, Failure{
			Cell:   i + 1,
			Code:   code,
			Source: first,
			Reason: reason,
			Lines:  firstLines(strings.Join(text, "\n"), maxLines),
		})
	}
	return fails
}

// coalesce joins consecutive stream outputs of the same stream into one,
// as Jupyter shows them: a busy kernel may send "panic: " and the rest of
// its line in separate messages.
func coalesce(outs []Output) []Output {
	var res []Output
	for _, o := range outs {
		if n := len(res); n > 0 && o.Type == "stream" && res[n-1].Type == "stream" && res[n-1].Name == o.Name {
			res[n-1].Text += o.Text
			continue
		}
		res = append(res, o)
	}
	return res
}

// TextReason returns why an output's text shows a failed cell: "panic"
// when it contains "panic: ", "exit status N" for N ≠ 0, or "" when it
// shows neither.
func TextReason(text string) string {
	switch {
	case strings.Contains(text, "panic: "):
		return "panic"
	case exitRe.MatchString(text):
		return exitRe.FindString(text)
	}
	return ""
}

// outputText returns the human-readable text of an output: stream text,
// text/plain, text/html stripped of tags, or an error's traceback.
func outputText(o Output) string {
	switch o.Type {
	case "stream":
		return string(o.Text)
	case "error":
		return o.Ename + ": " + o.Evalue + "\n" + strings.Join(o.Traceback, "\n")
	}
	var parts []string
	for _, mime := range []string{"text/plain", "text/html", "text/markdown"} {
		raw, ok := o.Data[mime]
		if !ok {
			continue
		}
		var t Text
		if json.Unmarshal(raw, &t) != nil {
			continue
		}
		s := string(t)
		if mime == "text/html" {
			s = html.UnescapeString(tagRe.ReplaceAllString(s, ""))
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n")
}

// hasImage reports whether any output carries an image, directly or as an
// <img> in HTML.
func hasImage(outs []Output) bool {
	for _, o := range outs {
		for mime, raw := range o.Data {
			if strings.HasPrefix(mime, "image/") {
				return true
			}
			if mime == "text/html" && strings.Contains(string(raw), "<img") {
				return true
			}
		}
	}
	return false
}

// firstCodeLine returns the first line of src that is not blank and not
// GoNB's "%%" marker, to name a cell in messages.
func firstCodeLine(src string) string {
	for _, l := range strings.Split(src, "\n") {
		if l = strings.TrimSpace(l); l != "" && l != "%%" {
			return l
		}
	}
	return ""
}

func firstLines(s string, n int) []string {
	s = ansiRe.ReplaceAllString(s, "")
	s = blankRe.ReplaceAllString(strings.TrimSpace(s), "\n")
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, " \t\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		if len(out) == n {
			out = append(out, "...")
			break
		}
		out = append(out, l)
	}
	return out
}

// Result is the outcome of executing one notebook.
type Result struct {
	Path     string
	Elapsed  time.Duration
	Cells    int       // code cells
	Failures []Failure // failing cells, if the notebook ran to the end
	Err      error     // the notebook could not be executed at all (timeout, no kernel, ...)
}

// OK reports whether the notebook ran and no cell failed.
func (r Result) OK() bool { return r.Err == nil && len(r.Failures) == 0 }

// Execute runs the notebook at path headless with `jupyter nbconvert
// --execute` (nbclient) of the project's .venv (see Jupyter), writing the executed copy to out (the file at path is only
// read), and checks the copy. nbconvert starts the kernel in path's
// directory, so GoNB's $GONB_DIR is the notebook's folder.
// Timeout bounds the whole notebook and each cell.
func Execute(ctx context.Context, path, out string, timeout time.Duration) Result {
	start := time.Now()
	res := Result{Path: path}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	abs, err := filepath.Abs(out)
	if err != nil {
		res.Err = err
		return res
	}
	jupyter, err := Jupyter()
	if err != nil {
		res.Err = err
		return res
	}
	secs := fmt.Sprint(int(timeout.Seconds()))
	cmd := exec.CommandContext(ctx, jupyter, "nbconvert", "--to", "notebook", "--execute",
		"--allow-errors", "--ExecutePreprocessor.timeout="+secs,
		"--ExecutePreprocessor.record_timing=False", // no timestamps: re-runs leave no diff
		"--ExecutePreprocessor.kernel_name=gonb",
		// After execution: GoNB sends a cell's stdout in chunks that vary from
		// run to run; one output per stream keeps re-runs free of diffs.
		"--Exporter.preprocessors=nbconvert.preprocessors.CoalesceStreamsPreprocessor",
		"--output", abs, path)
	// The kernel, and the cells' programs, inherit this environment:
	// gdkit/nb skips widgets that would wait for a browser.
	cmd.Env = append(os.Environ(), "GDKIT_HEADLESS=1")
	logs, err := cmd.CombinedOutput()
	res.Elapsed = time.Since(start)
	if ctx.Err() != nil {
		res.Err = fmt.Errorf("timed out after %v", timeout)
		return res
	}
	if err != nil {
		res.Err = fmt.Errorf("nbconvert: %v\n%s", err, lastLines(string(logs), 15))
		return res
	}
	b, err := os.ReadFile(abs)
	if err != nil {
		res.Err = err
		return res
	}
	nb, err := Parse(b)
	if err != nil {
		res.Err = err
		return res
	}
	for _, c := range nb.Cells {
		if c.Type == "code" {
			res.Cells++
		}
	}
	res.Failures = Check(nb)
	return res
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
