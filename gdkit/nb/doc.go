// Package nb shows gdkit's figures in Jupyter notebooks run by the GoNB
// kernel, and does nothing else: figures are made by package gdplot (which
// also writes PNG, SVG, PDF and GIF files) and numbers by package gdkit.
//
//	fig := gdplot.Single(p) // or a figure of panels from gdplot
//	nb.Show(fig)            // inline PNG, stored in the notebook
//
// Show draws a figure inline (ShowPlot for a single plot, ShowSVG as
// vector graphics), Animate shows frames one after the other in one
// output, Explore redraws a figure as a slider moves and ExploreSliders as
// any of several sliders moves (α and β of momentum); both are skipped,
// with a note, when no browser is attached, as under make test. Outside
// GoNB every call renders, so a bad figure still returns its error, and
// shows nothing.
package nb
