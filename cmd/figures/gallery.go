package main

import (
	"bytes"
	"fmt"
	"html"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// gallerySlots are the slides' figures shown beside matplotlib's: the
// gdkit figure (a name registered here) and the matplotlib script in
// scripts/gallery that draws the same thing.
var gallerySlots = []struct{ title, fig, script string }{
	{"Contorno y flechas del gradiente (plt.contour + np.gradient + plt.quiver)", "06-flechas-gradiente", "mpl_contour_quiver.py"},
	{"Superficie 3D con contourf en el piso (plot_surface + contourf, offset=0)", "06-superficie-3d", "mpl_surface.py"},
	{"Secuencia del descenso en 1D", "02-descenso-1d-secuencia", "mpl_sequence.py"},
	{"Efecto de α: tres paneles", "03-efecto-alpha-paneles", "mpl_alpha.py"},
	{"Curva de error en ND", "05-descenso-nd-error", "mpl_nd_error.py"},
	{"Función no convexa: varios inicios", "07-no-convexa-himmelblau", "mpl_multistart.py"},
}

// galleryTiming is what one side took for one figure: the whole process
// (start, imports or font loading, data, drawing, PNG) and the drawing
// alone as measured inside it.
type galleryTiming struct {
	process, render time.Duration
	err             error
}

// makeGallery writes dir/index.html with every slot's gdkit figure beside
// matplotlib's (when python is not empty), both PNG at dpi, and the times
// of each in the same run. scripts is the folder of the matplotlib scripts.
func makeGallery(dir, python, scripts string, dpi int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	galleryDir = dir
	self, err := os.Executable()
	if err != nil {
		return err
	}
	byName := map[string]entry{}
	for _, f := range figures {
		byName[f.name] = f
	}
	var rows bytes.Buffer
	var goProc, goRender, pyProc, pyRender time.Duration
	pyOK := python != ""
	for _, s := range gallerySlots {
		e, ok := byName[s.fig]
		if !ok {
			return fmt.Errorf("gallery: no figure %q", s.fig)
		}
		gdPNG := "gdkit-" + s.fig + ".png"
		var gd galleryTiming
		start := time.Now()
		fig, err := e.build()
		if err == nil {
			err = fig.WithDPI(dpi).Save(filepath.Join(dir, gdPNG))
		}
		gd.render, gd.err = time.Since(start), err
		if err != nil {
			return fmt.Errorf("gallery: %s: %v", s.fig, err)
		}
		// The same figure in a fresh process, as a script would run.
		tmp, err := os.MkdirTemp("", "gallery")
		if err != nil {
			return err
		}
		start = time.Now()
		out, err := exec.Command(self, "-only", "^"+regexp.QuoteMeta(s.fig)+"$", "-formats", "png",
			"-dpi", strconv.Itoa(dpi), "-out", tmp).CombinedOutput()
		gd.process = time.Since(start)
		os.RemoveAll(tmp)
		if err != nil {
			return fmt.Errorf("gallery: %s in a new process: %v\n%s", s.fig, err, out)
		}
		goProc += gd.process
		goRender += gd.render
		var mpl galleryTiming
		mplPNG := "matplotlib-" + s.fig + ".png"
		if python != "" {
			mpl = runMatplotlib(python, filepath.Join(scripts, s.script), filepath.Join(dir, mplPNG), dpi)
			if mpl.err != nil {
				pyOK = false
			}
			pyProc += mpl.process
			pyRender += mpl.render
		}
		rows.WriteString(galleryRow(s.title, s.fig, s.script, gdPNG, mplPNG, gd, mpl, python != ""))
	}
	var summary string
	switch {
	case python == "":
		summary = "<p class=note>Sin matplotlib: ni <code>.venv</code> ni <code>/usr/bin/python3</code> lo tienen " +
			"(<code>make gallery</code> lo instala en <code>.venv</code> cuando existe). Solo se muestran las figuras de gdkit.</p>"
	case !pyOK:
		summary = "<p class=note>Algún script de matplotlib falló: ver la fila.</p>"
	default:
		summary = fmt.Sprintf("<p>Las seis figuras, en la misma corrida, PNG a %d DPI: proceso nuevo por figura "+
			"(arranque, carga de fuentes o <code>import</code>, datos, dibujo y PNG) gdkit %.2f s, matplotlib %.2f s: "+
			"<b>%.1f× más rápido</b>; solo el dibujo dentro del proceso, gdkit %.2f s, matplotlib %.2f s: <b>%.1f×</b>.</p>",
			dpi, goProc.Seconds(), pyProc.Seconds(), pyProc.Seconds()/goProc.Seconds(),
			goRender.Seconds(), pyRender.Seconds(), pyRender.Seconds()/goRender.Seconds())
	}
	page := fmt.Sprintf(galleryHTML, time.Now().Format("2006-01-02 15:04"), html.EscapeString(python), summary, rows.String())
	return os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644)
}

// runMatplotlib runs script with python, writing png at dpi; the script
// prints render_seconds=S, its own time after the imports.
func runMatplotlib(python, script, png string, dpi int) galleryTiming {
	start := time.Now()
	out, err := exec.Command(python, script, png, strconv.Itoa(dpi)).CombinedOutput()
	t := galleryTiming{process: time.Since(start)}
	if err != nil {
		t.err = fmt.Errorf("%v: %s", err, bytes.TrimSpace(out))
		return t
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(l), "render_seconds="); ok {
			if s, err := strconv.ParseFloat(v, 64); err == nil {
				t.render = time.Duration(s * float64(time.Second))
			}
		}
	}
	return t
}

func galleryRow(title, fig, script, gdPNG, mplPNG string, gd, mpl galleryTiming, withPy bool) string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.0f ms", d.Seconds()*1000) }
	right := `<td class=none>—</td>`
	times := fmt.Sprintf("gdkit: proceso %s, dibujo %s", ms(gd.process), ms(gd.render))
	if withPy {
		if mpl.err != nil {
			right = fmt.Sprintf("<td class=none>falló <code>%s</code>: <pre>%s</pre></td>", html.EscapeString(script), html.EscapeString(mpl.err.Error()))
		} else {
			right = fmt.Sprintf(`<td><a href="%[1]s"><img src="%[1]s" %[2]s alt="matplotlib"></a></td>`, mplPNG, pngSize(mplPNG))
			times += fmt.Sprintf(" · matplotlib: proceso %s, dibujo %s · proceso %.1f×, dibujo %.1f×",
				ms(mpl.process), ms(mpl.render), mpl.process.Seconds()/gd.process.Seconds(), mpl.render.Seconds()/gd.render.Seconds())
		}
	}
	return fmt.Sprintf(`<tr id="%[2]s"><th colspan=2><a href="#%[2]s">%[1]s</a><br><small><code>%[2]s</code> · <code>scripts/gallery/%[3]s</code><br>%[4]s</small></th></tr>
<tr><td><a href="%[5]s"><img src="%[5]s" %[7]s alt="gdkit"></a></td>%[6]s</tr>
`, html.EscapeString(title), fig, script, times, gdPNG, right, pngSize(gdPNG))
}

// galleryDir is the folder being written, for pngSize.
var galleryDir string

// pngSize returns the width and height attributes of the PNG file name in
// galleryDir, so the page keeps its layout while images load.
func pngSize(name string) string {
	f, err := os.Open(filepath.Join(galleryDir, name))
	if err != nil {
		return ""
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		return ""
	}
	return fmt.Sprintf(`width="%d" height="%d"`, cfg.Width, cfg.Height)
}

const galleryHTML = `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>gdkit y matplotlib: las figuras de las diapositivas</title>
<style>
body { font-family: sans-serif; margin: 1.5em; }
table { border-collapse: collapse; width: 100%%; table-layout: fixed; }
th { text-align: left; font-weight: normal; padding: 1.2em 0 .3em; border-top: 1px solid #ccc; }
th small { color: #555; }
td { vertical-align: top; padding: 4px; width: 50%%; }
img { width: 100%%; height: auto; border: 1px solid #ddd; }
.head td { font-weight: bold; }
.none { color: #888; }
.note { color: #a00; }
/* index.html#NAME shows that figure alone */
body:has(tr:target) tr:not(:target, :target + tr, .head) { display: none; }
</style></head><body>
<h1>Las figuras de las diapositivas: gdkit y matplotlib</h1>
<p>Generado por <code>make gallery</code> el %s; matplotlib con <code>%s</code>.</p>
%s
<table>
<tr class=head><td>gdkit (gdplot)</td><td>matplotlib</td></tr>
%s</table>
</body></html>
`
