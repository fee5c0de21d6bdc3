// Command figures regenerates every figure of the course notebooks, for
// slides, into a folder: PNG + SVG + PDF each (and GIF animations), named
// after the notebook and the slide they illustrate:
//
//	go run ./cmd/figures -out figures            # all of them
//	go run ./cmd/figures -out figures -only 06-  # those whose name matches
//	go run ./cmd/figures -lint                   # check them (gdplot.Lint), write nothing
//	go run ./cmd/figures -lint -fixtures         # the lint on figures made to fail it
//	go run ./cmd/figures -gallery gallery -python .venv/bin/python  # beside matplotlib (make gallery)
//
// It needs no Jupyter. Each notebook's figures are registered in its own
// file (nb01.go, nb02.go, ...) with the same gdkit calls and parameters as
// the notebook's cells.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"gdkit.dev/gdkit/gdplot"
)

type entry struct {
	name  string
	build func() (*gdplot.Figure, error)
}

type animation struct {
	name  string
	delay time.Duration
	build func() ([]*gdplot.Figure, error)
}

var (
	figures    []entry
	animations []animation
)

// register adds a figure saved as name.png, name.svg and name.pdf.
func register(name string, build func() (*gdplot.Figure, error)) {
	figures = append(figures, entry{name, build})
}

// registerGIF adds an animation saved as name.gif, delay per frame.
func registerGIF(name string, delay time.Duration, build func() ([]*gdplot.Figure, error)) {
	animations = append(animations, animation{name, delay, build})
}

func main() {
	out := flag.String("out", "figures", "output folder")
	only := flag.String("only", "", "regular expression: make only the figures whose name matches")
	formats := flag.String("formats", "png,svg,pdf", "comma-separated formats for still figures")
	dpi := flag.Int("dpi", 0, "resolution of PNG figures (0: each figure's own, 200 by default)")
	gifDPI := flag.Int("gifdpi", 100, "resolution of GIF frames")
	lint := flag.Bool("lint", false, "check every figure with gdplot.Lint instead of writing it; exit 1 if any has problems")
	fixtures := flag.Bool("fixtures", false, "with -lint: check the fixtures made to fail each rule instead")
	gallery := flag.String("gallery", "", "write the slides' figures beside matplotlib's, with timings, to this folder's index.html")
	python := flag.String("python", "", "with -gallery: the Python with matplotlib (empty: gdkit alone)")
	flag.Parse()
	re, err := regexp.Compile(*only)
	if err != nil {
		log.Fatalf("figures: -only: %v", err)
	}
	if *gallery != "" {
		gdpi := *dpi
		if gdpi == 0 {
			gdpi = 100
		}
		if err := makeGallery(*gallery, *python, filepath.Join("scripts", "gallery"), gdpi); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("figures: gallery written to %s\n", filepath.Join(*gallery, "index.html"))
		return
	}
	if *lint {
		figs, anims := figures, animations
		if *fixtures {
			figs, anims = nil, nil
			for _, fx := range lintFixtures {
				figs = append(figs, entry{fx.name, fx.build})
			}
		}
		sort.SliceStable(figs, func(i, j int) bool { return figs[i].name < figs[j].name })
		if lintAll(os.Stdout, re, figs, anims) > 0 {
			os.Exit(1)
		}
		return
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	sort.SliceStable(figures, func(i, j int) bool { return figures[i].name < figures[j].name })
	start := time.Now()
	nfig, ngif, failed := 0, 0, 0
	exts := strings.Split(*formats, ",")
	for _, f := range figures {
		if !re.MatchString(f.name) {
			continue
		}
		fig, err := f.build()
		if err == nil {
			if *dpi > 0 {
				fig.WithDPI(*dpi)
			}
			err = fig.SaveAll(filepath.Join(*out, f.name), exts...)
		}
		if err != nil {
			log.Printf("figures: %s: %v", f.name, err)
			failed++
			continue
		}
		nfig++
	}
	for _, a := range animations {
		if !re.MatchString(a.name) {
			continue
		}
		frames, err := a.build()
		if err == nil {
			err = gdplot.SaveGIF(filepath.Join(*out, a.name+".gif"), frames, a.delay, *gifDPI)
		}
		if err != nil {
			log.Printf("figures: %s: %v", a.name, err)
			failed++
			continue
		}
		ngif++
	}
	fmt.Printf("figures: %d figures (%s) and %d GIFs written to %s in %.1fs\n",
		nfig, *formats, ngif, *out, time.Since(start).Seconds())
	if failed > 0 {
		log.Fatalf("figures: %d failed", failed)
	}
}
