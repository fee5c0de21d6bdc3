package gdplot

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Theme holds the sizes, widths and colours applied to every figure of the
// package. Font sizes are in points, so they keep their physical size at any
// export DPI: a 6×4 in figure at the slide theme's sizes stays readable when
// projected.
type Theme struct {
	// Font is the typeface of all text (Liberation Serif in the slide
	// theme, whose italic gives math a LaTeX-like look).
	Font font.Font

	// TitleSize, LabelSize, TickSize and LegendSize are font sizes.
	TitleSize, LabelSize, TickSize, LegendSize font.Length

	// LineWidth is the width of data curves; AxisWidth of axes and ticks;
	// GuideWidth of auxiliary lines (tangents, secants, grid of panels).
	LineWidth, AxisWidth, GuideWidth vg.Length

	// MarkerRadius is the radius of point markers (descent steps, data).
	MarkerRadius vg.Length

	// Palette is the cycle of series colours. The slide palette is chosen
	// with decreasing luminance so that neighbouring series differ in
	// grey level too; Dashes adds a distinct dash pattern per series so
	// curves stay distinguishable on a greyscale print.
	Palette []color.Color

	// Dashes is the cycle of dash patterns paired with Palette.
	Dashes [][]vg.Length

	// PathPalette gives the descent paths of MultiStart distinct colours,
	// one per start (ten in the slide theme); further starts reuse them
	// with another marker shape.
	PathPalette []color.Color

	// Math enables MathText for titles, axis labels and legends, so that
	// "$\alpha$" or "$\partial E/\partial w_1$" is typeset as math (see
	// MathText for why not text.Latex). Tick labels use plain text.
	Math bool
}

// slidePalette is built on the Okabe–Ito colours (colour-blind safe), ordered
// so that consecutive series differ in grey level (0.299R+0.587G+0.114B).
var slidePalette = []color.Color{
	color.RGBA{R: 0x00, G: 0x5a, B: 0xb5, A: 0xff}, // strong blue (grey ≈ 0.30)
	color.RGBA{R: 0xd5, G: 0x5e, B: 0x00, A: 0xff}, // vermillion (grey ≈ 0.49)
	color.RGBA{R: 0x00, G: 0x00, B: 0x00, A: 0xff}, // black (grey 0)
	color.RGBA{R: 0xe6, G: 0x9f, B: 0x00, A: 0xff}, // orange (grey ≈ 0.64)
	color.RGBA{R: 0x00, G: 0x9e, B: 0x73, A: 0xff}, // bluish green (grey ≈ 0.45)
	color.RGBA{R: 0xcc, G: 0x79, B: 0xa7, A: 0xff}, // reddish purple (grey ≈ 0.59)
}

// pathPalette holds ten colours that stay apart on a contour map and on
// white: the Okabe–Ito colours without yellow and black, then brown, grey,
// olive and dark purple (as matplotlib's tab10).
var pathPalette = []color.Color{
	color.RGBA{R: 0x00, G: 0x5a, B: 0xb5, A: 0xff}, // strong blue
	color.RGBA{R: 0xd5, G: 0x5e, B: 0x00, A: 0xff}, // vermillion
	color.RGBA{R: 0x00, G: 0x9e, B: 0x73, A: 0xff}, // bluish green
	color.RGBA{R: 0xe6, G: 0x9f, B: 0x00, A: 0xff}, // orange
	color.RGBA{R: 0xcc, G: 0x79, B: 0xa7, A: 0xff}, // reddish purple
	color.RGBA{R: 0x56, G: 0xb4, B: 0xe9, A: 0xff}, // sky blue
	color.RGBA{R: 0x8c, G: 0x56, B: 0x4b, A: 0xff}, // brown
	color.RGBA{R: 0x60, G: 0x60, B: 0x60, A: 0xff}, // grey
	color.RGBA{R: 0x9a, G: 0x9b, B: 0x1c, A: 0xff}, // olive
	color.RGBA{R: 0x6a, G: 0x3d, B: 0x9a, A: 0xff}, // dark purple
}

// SlideTheme returns the theme for figures shown on a projector: 16 pt
// titles, 14 pt axis labels, 12 pt ticks and legends, 2 pt curves, and the
// colour-blind-safe, greyscale-separable palette with dash patterns.
func SlideTheme() Theme {
	return Theme{
		Font:         font.Font{Typeface: "Liberation", Variant: "Serif"},
		TitleSize:    vg.Points(16),
		LabelSize:    vg.Points(14),
		TickSize:     vg.Points(12),
		LegendSize:   vg.Points(12),
		LineWidth:    vg.Points(2),
		AxisWidth:    vg.Points(1),
		GuideWidth:   vg.Points(1.25),
		MarkerRadius: vg.Points(3.5),
		Palette:      slidePalette,
		Dashes: [][]vg.Length{
			nil,
			{vg.Points(7), vg.Points(3)},
			{vg.Points(2), vg.Points(2)},
			{vg.Points(7), vg.Points(2), vg.Points(2), vg.Points(2)},
			{vg.Points(12), vg.Points(4)},
			{vg.Points(4), vg.Points(4)},
		},
		PathPalette: pathPalette,
		Math:        true,
	}
}

// DefaultTheme is the theme used by New and by every helper of the package.
// Replace it (e.g. with a modified SlideTheme()) before building figures to
// restyle them all.
var DefaultTheme = SlideTheme()

// Color returns the i-th colour of the palette, cycling: Palette[i mod n].
// Negative i counts as 0.
func (t Theme) Color(i int) color.Color {
	if len(t.Palette) == 0 {
		return color.Black
	}
	if i < 0 {
		i = 0
	}
	return t.Palette[i%len(t.Palette)]
}

// Line returns the style of the i-th data series: Color(i), LineWidth and
// the i-th dash pattern (cycling).
func (t Theme) Line(i int) draw.LineStyle {
	ls := draw.LineStyle{Color: t.Color(i), Width: t.LineWidth}
	if len(t.Dashes) > 0 {
		if i < 0 {
			i = 0
		}
		ls.Dashes = t.Dashes[i%len(t.Dashes)]
	}
	return ls
}

// Guide returns a thin dashed line style in colour c for auxiliary lines
// (tangents, secants, reference levels).
func (t Theme) Guide(c color.Color) draw.LineStyle {
	return draw.LineStyle{Color: c, Width: t.GuideWidth, Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
}

// handler returns the text handler for titles, labels and legends.
func (t Theme) handler() text.Handler {
	if t.Math {
		return MathText{Fonts: font.DefaultCache}
	}
	return text.Plain{Fonts: font.DefaultCache}
}

// Apply styles an existing plot with the theme: fonts, sizes, text handlers
// (MathText when t.Math), axis and tick widths, paddings and legend.
// It sets the handlers on every text style of p directly, so it works
// whatever plot.DefaultTextHandler was when p was created.
func (t Theme) Apply(p *plot.Plot) {
	h := t.handler()
	plain := text.Plain{Fonts: font.DefaultCache}
	p.TextHandler = h
	p.Title.TextStyle.Font = font.From(t.Font, t.TitleSize)
	p.Title.TextStyle.Handler = h
	p.Title.Padding = vg.Points(8)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(t.Font, t.LabelSize)
		a.Label.TextStyle.Handler = h
		a.Label.Padding = vg.Points(4)
		a.Tick.Label.Font = font.From(t.Font, t.TickSize)
		a.Tick.Label.Handler = plain
		a.Tick.Marker = RoundTicks{}
		a.LineStyle.Width = t.AxisWidth
		a.Tick.LineStyle.Width = t.AxisWidth
		a.Tick.Length = vg.Points(6)
		a.Padding = vg.Points(4)
	}
	p.Legend.TextStyle.Font = font.From(t.Font, t.LegendSize)
	p.Legend.TextStyle.Handler = h
	p.Legend.Top = true
	p.Legend.ThumbnailWidth = vg.Points(28)
	p.Legend.Padding = vg.Points(4) // lines 1.2 em apart, as matplotlib's
}

// New returns a plot styled with DefaultTheme, with the given title and axis
// labels. Labels may contain LaTeX math between dollars, e.g.
// New("Descenso", "$w$", "$E(w)$"). An invalid LaTeX label makes the
// figure's rendering (Figure.Save, Encode, ...) return an error.
func New(title, xlabel, ylabel string) *plot.Plot {
	return DefaultTheme.New(title, xlabel, ylabel)
}

// New returns a plot styled with t, with the given title and axis labels.
func (t Theme) New(title, xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	t.Apply(p)
	p.Title.Text = title
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	return p
}
