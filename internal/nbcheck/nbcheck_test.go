package nbcheck

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		name   string
		json   string
		reason string // "" = passes
		cell   int
		line   string // a line the failure must quote
	}{
		{"clean", `{"cells":[{"cell_type":"markdown","source":"# t"},{"cell_type":"code","source":["%%\n","fmt.Println(1)"],"outputs":[{"output_type":"stream","name":"stdout","text":["1\n"]}]}]}`, "", 0, ""},
		{"error output", `{"cells":[{"cell_type":"code","source":"x","outputs":[{"output_type":"error","ename":"ERROR","evalue":"failed to run go build","traceback":["boom"]}]}]}`, "error output: failed to run go build", 1, "boom"},
		{"panic in stderr", `{"cells":[{"cell_type":"markdown","source":"m"},{"cell_type":"code","source":"%%\npanic(1)","outputs":[{"output_type":"stream","name":"stderr","text":"panic: 1\n\ngoroutine 1\nexit status 2\n"}]}]}`, "panic", 2, "panic: 1"},
		{"exit status", `{"cells":[{"cell_type":"code","source":"os.Exit(3)","outputs":[{"output_type":"stream","name":"stderr","text":"exit status 3"}]}]}`, "exit status 3", 1, "exit status 3"},
		{"exit status zero is fine", `{"cells":[{"cell_type":"code","source":"x","outputs":[{"output_type":"stream","name":"stdout","text":"exit status 0\n"}]}]}`, "", 0, ""},
		{"panic in html", `{"cells":[{"cell_type":"code","source":"x","outputs":[{"output_type":"display_data","data":{"text/html":["<pre>panic: &lt;nil&gt;</pre>"]}}]}]}`, "panic", 1, "panic: <nil>"},
		{"figure missing", `{"cells":[{"cell_type":"code","source":"%%\nnb.Show(fig)","outputs":[{"output_type":"stream","name":"stdout","text":"hola"}]}]}`, "figure missing: the cell shows a figure but has no image output", 1, "hola"},
		{"figure present", `{"cells":[{"cell_type":"code","source":"%%\nnb.Show(fig)","outputs":[{"output_type":"display_data","data":{"image/png":"iVBOR"}}]}]}`, "", 0, ""},
		{"figure call only declared", `{"cells":[{"cell_type":"code","source":"func show() { nb.Show(fig) }","outputs":[]}]}`, "", 0, ""},
		{"panic split across stream messages", `{"cells":[{"cell_type":"code","source":"x","outputs":[{"output_type":"stream","name":"stderr","text":"panic:"},{"output_type":"stream","name":"stderr","text":" fixture boom\n"},{"output_type":"stream","name":"stdout","text":"exit status 0"}]}]}`, "panic", 1, "panic: fixture boom"},
		{"ansi stripped", `{"cells":[{"cell_type":"code","source":"x","outputs":[{"output_type":"stream","name":"stderr","text":"panic: a\n\u001b[7m[[ Cell ]]\u001b[0m\n"}]}]}`, "panic", 1, "[[ Cell ]]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			nb, err := Parse([]byte(c.json))
			if err != nil {
				t.Fatal(err)
			}
			fails := Check(nb)
			if c.reason == "" {
				if len(fails) != 0 {
					t.Fatalf("want no failure, got %v", fails)
				}
				return
			}
			if len(fails) != 1 {
				t.Fatalf("want 1 failure, got %d: %v", len(fails), fails)
			}
			f := fails[0]
			if f.Reason != c.reason || f.Cell != c.cell {
				t.Errorf("got cell %d reason %q, want cell %d reason %q", f.Cell, f.Reason, c.cell, c.reason)
			}
			if !strings.Contains(strings.Join(f.Lines, "\n"), c.line) {
				t.Errorf("failure lines %q do not quote %q", f.Lines, c.line)
			}
		})
	}
}

func TestParseRejectsGarbage(t *testing.T) {
	if _, err := Parse([]byte("not json")); err == nil {
		t.Fatal("Parse accepted garbage")
	}
}

// TestFixtures executes the fixture notebooks through the real GoNB kernel.
// It needs jupyter and the installed "gonb" kernel; it is skipped without
// them unless GDKIT_REQUIRE_KERNEL=1 (set by make test), in which case their
// absence fails the test.
func TestFixtures(t *testing.T) {
	if err := LookJupyter(); err != nil {
		if os.Getenv("GDKIT_REQUIRE_KERNEL") == "1" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	if testing.Short() {
		t.Skip("executes notebooks")
	}
	cases := []struct {
		file   string
		cell   int    // failing cell, 0 = passes
		reason string // prefix of the reason
		line   string // a line the failure must quote
	}{
		{"ok.ipynb", 0, "", ""},
		{"panic.ipynb", 4, "panic", "panic: fixture boom"},
		{"compile_error.ipynb", 3, "error output", `cannot use "no es un int"`},
		{"exit2.ipynb", 3, "exit status 2", "exit status 2"},
		{"shell_fail.ipynb", 3, "exit status 1", "exit status 1"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			in := filepath.Join("testdata", c.file)
			before, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			r := Execute(context.Background(), in, filepath.Join(dir, c.file), 5*time.Minute)
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			after, _ := os.ReadFile(in)
			if string(after) != string(before) {
				t.Errorf("Execute rewrote the tracked notebook %s", in)
			}
			if c.cell == 0 {
				if !r.OK() {
					t.Fatalf("want pass, got %v", r.Failures)
				}
				return
			}
			if len(r.Failures) != 1 {
				t.Fatalf("want exactly 1 failing cell, got %v", r.Failures)
			}
			f := r.Failures[0]
			if f.Cell != c.cell || !strings.HasPrefix(f.Reason, c.reason) {
				t.Errorf("got cell %d %q, want cell %d %q", f.Cell, f.Reason, c.cell, c.reason)
			}
			if !strings.Contains(f.String(), c.line) {
				t.Errorf("message does not quote %q:\n%s", c.line, f)
			}
		})
	}
}

// TestStoredNotebooks reads the committed notebooks: their stored outputs
// (what GitHub and the HTML copies show) must be those of a complete run
// with no failing cell.
func TestStoredNotebooks(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "notebooks", "*.ipynb"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no notebooks found: %v", err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		nb, err := Parse(b)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		for i, c := range nb.Cells {
			if c.Type == "code" && c.ExecutionCount == nil {
				t.Errorf("%s: cell %d was never executed (run make notebooks)", p, i+1)
			}
		}
		for _, f := range Check(nb) {
			t.Errorf("%s: stored output fails: %s", p, f)
		}
	}
}
