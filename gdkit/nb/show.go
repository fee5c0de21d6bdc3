package nb

import (
	"bytes"
	"fmt"
	"image/png"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
	"gonum.org/v1/plot"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/gdplot"
)

// screenDPI is the CSS resolution (px per inch) a figure is shown at; Show
// renders at 2×screenDPI so it stays crisp on high-DPI screens.
const screenDPI = 96

// InNotebook reports whether the program runs under the GoNB kernel. Outside
// it every display call renders (so errors still surface) but sends nothing.
func InNotebook() bool { return gonbui.IsNotebook }

// errNoFigure is returned for a nil figure.
var errNoFigure = fmt.Errorf("nb: no figure: %w", gdkit.ErrEmpty)

// pngPayload renders fig at 2×screenDPI and returns the PNG with its display
// size in CSS pixels (the figure's physical size at screenDPI).
func pngPayload(fig *gdplot.Figure) (pngBytes []byte, w, h int, err error) {
	if fig == nil {
		return nil, 0, 0, errNoFigure
	}
	img, err := fig.Image(2 * screenDPI)
	if err != nil {
		return nil, 0, 0, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, 0, 0, err
	}
	b := img.Bounds()
	return buf.Bytes(), b.Dx() / 2, b.Dy() / 2, nil
}

// displayData returns the Jupyter display message Show sends: the PNG
// (rendered at 2×) as "image/png" with metadata {"image/png": {"width",
// "height"}} in CSS pixels, so Jupyter, nbconvert HTML and GitHub show it at
// 1× size, stored in the notebook.
func displayData(fig *gdplot.Figure) (*protocol.DisplayData, error) {
	b, w, h, err := pngPayload(fig)
	if err != nil {
		return nil, err
	}
	return &protocol.DisplayData{
		Data: map[protocol.MIMEType]any{
			protocol.MIMEImagePNG:  b,
			protocol.MIMETextPlain: fmt.Sprintf("<figure %d×%d px>", w, h),
		},
		Metadata: map[string]any{string(protocol.MIMEImagePNG): map[string]int{"width": w, "height": h}},
	}, nil
}

// Show displays fig inline in the notebook: a PNG rendered at 2×96 DPI
// (crisp on high-DPI screens) and shown at the figure's physical size, at
// 96 CSS pixels per inch; the notebook stores it, so Jupyter, nbconvert's
// HTML and GitHub show it too. A nil or empty figure is an error wrapping
// gdkit.ErrEmpty. Outside GoNB it only renders, returning any rendering
// error.
func Show(fig *gdplot.Figure) error {
	d, err := displayData(fig)
	if err != nil {
		return err
	}
	if gonbui.IsNotebook {
		gonbui.SendData(d)
		flush()
		return gonbui.Error()
	}
	return nil
}

// syncTimeout bounds how long flush waits for GoNB.
const syncTimeout = 10 * time.Second

// flush waits, at most syncTimeout, until GoNB has read everything sent so
// far (gonbui.Sync). Without it a cell that ends right after sending a
// large PNG can lose the figure: GoNB closes its end of the pipe when the
// program exits, possibly before it has read the message's last bytes.
func flush() {
	if gonbui.IsNotebook {
		waitAtMost(syncTimeout, gonbui.Sync)
	}
}

// waitAtMost runs f and reports whether it returned within d (if not, f is
// left running in its goroutine).
func waitAtMost(d time.Duration, f func()) bool {
	done := make(chan struct{})
	go func() {
		f()
		close(done)
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-done:
		return true
	case <-t.C:
		return false
	}
}

// ShowPlot displays a single plot: Show(gdplot.Single(p)).
func ShowPlot(p *plot.Plot) error {
	if p == nil {
		return errNoFigure
	}
	return Show(gdplot.Single(p))
}

// ShowSVG displays fig as inline SVG (vector, selectable text; gonbui wraps
// it in HTML so that nbconvert keeps it).
func ShowSVG(fig *gdplot.Figure) error {
	if fig == nil {
		return errNoFigure
	}
	b, err := fig.Bytes(gdplot.SVG)
	if err != nil {
		return err
	}
	gonbui.DisplaySvg(string(b))
	flush()
	return gonbui.Error()
}
