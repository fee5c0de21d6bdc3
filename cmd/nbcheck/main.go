// Command nbcheck executes notebooks headless through the GoNB kernel and
// fails when any cell errors, panics or exits with a non-zero status.
//
//	go run ./cmd/nbcheck [-j 2] [-timeout 15m] [-inplace] notebooks/*.ipynb
//	go run ./cmd/nbcheck -imports notebooks/*.ipynb
//
// It runs the jupyter of the project's .venv (nbconvert with nbclient; see
// nbcheck.Jupyter), which `make setup` installs.
//
// The tracked notebooks are only read: executed copies go to a temporary
// folder, unless -inplace is given, in which case a notebook that passes is
// replaced by its executed copy (fresh stored outputs), and one that fails is
// left untouched. It prints one line per notebook with its time, the failing
// cells with the first lines of their output, and a closing
// "notebooks: N passed, N failed" line.
//
// With -imports it executes nothing and prints the distinct import paths of
// the notebooks' code cells, one a line (scripts/warm-cache.sh builds them).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"gdkit.dev/internal/nbcheck"
)

func main() {
	jobs := flag.Int("j", 2, "notebooks executed at once")
	timeout := flag.Duration("timeout", 15*time.Minute, "time limit per notebook")
	inplace := flag.Bool("inplace", false, "replace each passing notebook by its executed copy")
	imports := flag.Bool("imports", false, "only print the import paths of the notebooks' cells")
	flag.Parse()
	paths := flag.Args()
	if len(paths) == 0 {
		fmt.Fprintln(os.Stderr, "usage: nbcheck [-j N] [-timeout D] [-inplace] NOTEBOOK.ipynb...\n"+
			"       nbcheck -imports NOTEBOOK.ipynb...")
		os.Exit(2)
	}
	if *imports {
		if err := printImports(paths); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if err := nbcheck.LookJupyter(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	tmp, err := os.MkdirTemp("", "nbcheck-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer os.RemoveAll(tmp)

	results := make([]nbcheck.Result, len(paths))
	sem := make(chan struct{}, max(*jobs, 1))
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i, p := range paths {
		wg.Add(1)
		sem <- struct{}{} // start notebooks in the order given
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out := filepath.Join(tmp, fmt.Sprintf("%03d-%s", i, filepath.Base(p)))
			r := nbcheck.Execute(context.Background(), p, out, *timeout)
			if r.OK() && *inplace {
				if err := replace(p, out); err != nil {
					r.Err = err
				}
			}
			results[i] = r
			mu.Lock()
			report(r)
			mu.Unlock()
		}()
	}
	wg.Wait()

	passed, failed := 0, 0
	var total time.Duration
	for _, r := range results {
		total += r.Elapsed
		if r.OK() {
			passed++
		} else {
			failed++
		}
	}
	fmt.Printf("%d notebooks executed in %.1fs of kernel time\n", len(results), total.Seconds())
	fmt.Printf("notebooks: %d passed, %d failed\n", passed, failed)
	if failed > 0 {
		os.Exit(1)
	}
}

func report(r nbcheck.Result) {
	switch {
	case r.Err != nil:
		fmt.Printf("FAIL %-40s %6.1fs  %v\n", r.Path, r.Elapsed.Seconds(), indent(r.Err.Error()))
	case len(r.Failures) > 0:
		fmt.Printf("FAIL %-40s %6.1fs  %d of %d code cells failed\n", r.Path, r.Elapsed.Seconds(), len(r.Failures), r.Cells)
		for _, f := range r.Failures {
			fmt.Printf("     %s: %s\n", r.Path, f)
		}
	default:
		fmt.Printf("ok   %-40s %6.1fs  %d code cells\n", r.Path, r.Elapsed.Seconds(), r.Cells)
	}
}

func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n     ") }

// replace overwrites dst with src, keeping dst's file mode.
func replace(dst, src string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	st, err := os.Stat(dst)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, st.Mode().Perm())
}

// printImports prints the distinct import paths of the notebooks' cells.
func printImports(paths []string) error {
	seen := map[string]bool{}
	var all []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		nb, err := nbcheck.Parse(b)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		for _, imp := range nbcheck.Imports(nb) {
			if !seen[imp] {
				seen[imp] = true
				all = append(all, imp)
			}
		}
	}
	slices.Sort(all)
	for _, imp := range all {
		fmt.Println(imp)
	}
	return nil
}
