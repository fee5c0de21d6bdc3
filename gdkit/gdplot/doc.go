// Package gdplot draws the figures of the gradient-descent course on
// gonum.org/v1/plot, with a slide theme and PNG, SVG, PDF and GIF export.
// It plays the part matplotlib plays in the slides' own code, and imports
// no notebook code: figure programs (cmd/figures) run outside Jupyter.
//
// # The main path
//
// Numbers come from package gdkit, figures from here: a grid made by
// gdkit.Meshgrid(xs, ys).Eval(E) is a plotter.GridXYZ, and so are the two
// partial derivatives of gdkit.GridGradient, so one grid type goes into
// every figure that takes a grid, without unpacking it into slices:
//
//	E, _ := gdkit.Meshgrid(ws, ws).Eval(func(w1, w2 float64) float64 { return w1*w1 + w2*w2 })
//	dEdW1, dEdW2, _ := gdkit.GridGradient(E, nil)
//	p, _ := gdplot.Contour(E, levels, true) // plt.contour
//	q, _ := gdplot.NewQuiver(dEdW1, dEdW2)  // plt.quiver
//	p.Add(q)
//	gdplot.Single(p).SaveAll("flechas")     // flechas.png (200 DPI), .svg, .pdf
//
// (the runnable version is the package Example). In a notebook, package nb
// shows the figure: nb.Show(gdplot.Single(p)).
//
// # Figures by slide
//
//   - Derivatives: Curves (f and f′), Tangent (slope from the caller),
//     Secants (left and right quotients as h → 0, a kink without tangent),
//     DerivativeSign (crece / decrece / punto crítico), StepError
//     (truncation against round-off).
//   - Descent in 1D: Descent1D, DescentSequence (the slides' sequence of
//     panels), DescentFrames (an animation: nb.Animate or SaveGIF),
//     AlphaPanels (α too small, right, too large), LossCurve.
//   - Contours and gradients: Contour, FilledContour with a ColorBar,
//     Quiver (arrows with heads, as plt.quiver), Surface (plot_surface over
//     a contourf floor), Trajectory and MultiStart (descent paths on a
//     contour map), and the building blocks AddContourLines,
//     AddFilledContour and AddPath for plots of your own.
//   - Models: FitEvolution (the fitted line during the descent), Classes
//     (two classes and the decision boundaries of linear classifiers).
//
// Functions named after a figure return a *plot.Plot styled by
// DefaultTheme, to adjust (titles, ranges) and add to; Figure holds one
// plot or a grid of panels with its size and resolution, and writes it
// (Figure.Save, Figure.SaveAll, Figure.Encode). New makes an empty plot
// with the theme, whose MathText typesets "$\alpha$", "$w_1^2$" or
// "$\partial E/\partial w_1$" in titles, labels and legends.
//
// # The rules of slide figures
//
// Every figure drawn through a Figure (Save, Encode, nb.Show) keeps the
// rules a lecturer expects of a slide, whoever built it:
//
//   - ticks: the theme's RoundTicks labels multiples of a 1, 2, 2.5 or
//     5 × 10ⁿ step, 4 to 7 of them, 0 among them when it is in range (as
//     matplotlib's MaxNLocator), with one number of decimals and "−";
//   - text: the labels this package writes inside a plot (step numbers,
//     verdicts, slopes, contour values, start numbers, line labels, notes)
//     are placed after everything else is drawn, where they cover no other
//     text and no marker or arrowhead; a label that has no room next to its
//     point moves out with a leader line, and descent steps that pile up are
//     left unnumbered by a stated rule (first and last, then in order until
//     one has no room) with a note saying which;
//   - legends: in the spot that covers the fewest lines, markers and labels
//     (matplotlib's loc="best"), or outside at the right when every spot
//     covers data; notes with no free spot go under the plot;
//   - arrows: a descent step long enough to carry its head gets one; quiver
//     arrows are one grid step long at most (automatic Scale), and arrows
//     shorter than their head lose it or are left out, with a note;
//   - math is italic ($\mathbf{w}$ bold italic), paths have ten distinct
//     colours, four panels go in a 2×2 grid, and the 3D floor is the
//     slide's contourf(..., offset=0).
//
// Lint checks a figure against them (no overlapping text, no text off the
// canvas, round tick steps, no NaN in SVG); `go run ./cmd/figures -lint`
// runs it on every figure of the course.
//
// # Bad input
//
// Figures never panic on bad input. Empty input is an error wrapping
// gdkit.ErrEmpty, slices of different lengths gdkit.ErrDimension, NaN or
// ±Inf where a finite number is needed gdkit.ErrNotFinite (test with
// errors.Is); other bad parameters (a ≥ b, k ≤ 0, an unknown format) are
// errors too. Data that becomes non-finite on the way, such as a diverging
// descent, is drawn up to its last finite point with a note.
//
// A grid is data, and its NaN or ±Inf values (E outside its domain, as
// log w1 for w1 ≤ 0) are masked as matplotlib masks them: Contour,
// AddContourLines, FilledContour, AddFilledContour and Surface draw no
// line, band or quad in a cell with a non-finite corner, a Quiver draws no
// arrow where a component is non-finite, levels and colour ranges come
// from the finite values only, and a small note in a corner says how many
// cells (or arrows) were masked. Only a grid with no finite value at all
// is an error (gdkit.ErrNotFinite). The same rule holds in package gdkit:
// grids mask, runs stop.
package gdplot
