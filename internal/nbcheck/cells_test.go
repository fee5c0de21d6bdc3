package nbcheck

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestImports(t *testing.T) {
	nb, err := Parse([]byte(`{"cells":[
		{"cell_type":"markdown","source":"import \"no/es/codigo\""},
		{"cell_type":"code","source":["import (\n","\t\"fmt\"\n","\tgp \"gdkit.dev/gdkit/gdplot\" // figuras\n","\n","\t\"gonum.org/v1/plot\"\n",")\n","%%\n","fmt.Println(1)"]},
		{"cell_type":"code","source":"import \"gdkit.dev/gdkit/exercise\"\nimport m \"math\"\n%%\nx := \"import \\\"no\\\"\""},
		{"cell_type":"code","source":"import \"fmt\""}]}`))
	if err != nil {
		t.Fatal(err)
	}
	got := Imports(nb)
	want := []string{"fmt", "gdkit.dev/gdkit/exercise", "gdkit.dev/gdkit/gdplot", "gonum.org/v1/plot", "math"}
	if !slices.Equal(got, want) {
		t.Errorf("Imports = %q, want %q", got, want)
	}
}

func TestCellRules(t *testing.T) {
	cases := []struct {
		name                     string
		json                     string
		figure, slider, solution bool
	}{
		{"markdown", `{"cell_type":"markdown","source":"nb.Show(fig) exercise.MustPass(v)"}`, false, false, false},
		{"show in body", `{"cell_type":"code","source":"%%\nnb.Show(fig)"}`, true, false, false},
		{"show only declared", `{"cell_type":"code","source":"func f() { nb.Show(fig) }"}`, false, false, false},
		{"stored image", `{"cell_type":"code","source":"%%\ndraw()","outputs":[{"output_type":"display_data","data":{"image/png":"iVBOR"}}]}`, true, false, false},
		{"stored img in html", `{"cell_type":"code","source":"%%\ndraw()","outputs":[{"output_type":"display_data","data":{"text/html":"<img src=x>"}}]}`, true, false, false},
		{"explore", `{"cell_type":"code","source":"func d(a float64) {}\n%%\nerr := nb.Explore(nb.Slider{})"}`, true, true, false},
		{"explore sliders", `{"cell_type":"code","source":"%%\ngdkit.Must0(nb.ExploreSliders(nb.Sliders{}))"}`, true, true, false},
		{"solution", `{"cell_type":"code","source":"const a = 1\n%%\nexercise.MustPass(check(a))"}`, false, false, true},
		{"check with Grade", `{"cell_type":"code","source":"func check1() exercise.Verdict\n%%\nexercise.Grade(check1)"}`, false, false, true},
		{"exercise left to the student", `{"cell_type":"code","source":"%%\ncheck(a)"}`, false, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			nb, err := Parse([]byte(`{"cells":[` + c.json + `]}`))
			if err != nil {
				t.Fatal(err)
			}
			cell := nb.Cells[0]
			if got := IsFigureCell(cell); got != c.figure {
				t.Errorf("IsFigureCell = %v, want %v", got, c.figure)
			}
			if got := IsSliderCell(cell); got != c.slider {
				t.Errorf("IsSliderCell = %v, want %v", got, c.slider)
			}
			if got := IsSolutionCell(cell); got != c.solution {
				t.Errorf("IsSolutionCell = %v, want %v", got, c.solution)
			}
		})
	}
}

func TestJupyter(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(JupyterEnv, "")
	t.Chdir(dir)
	if _, err := Jupyter(); err != ErrNoJupyter {
		t.Fatalf("no .venv: got %v, want ErrNoJupyter", err)
	}
	bin := filepath.Join(dir, ".venv", "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bin, "jupyter"), []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "notebooks", "deep")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	got, err := Jupyter()
	if err != nil || got != filepath.Join(bin, "jupyter") {
		t.Fatalf("Jupyter() = %q, %v; want the .venv above", got, err)
	}
	t.Setenv(JupyterEnv, filepath.Join(dir, "missing"))
	if _, err := Jupyter(); err == nil {
		t.Fatal("a missing GDKIT_JUPYTER was accepted")
	}
}
