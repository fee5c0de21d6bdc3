// Package gdplot draws the figures of the gradient-descent course on
// gonum.org/v1/plot: curves with tangents, descent paths, α comparisons,
// contours, gradient fields with arrowheads, a 3D surface, trajectories and
// loss curves, with a slide theme and PNG/SVG/PDF export.
//
// It imports no notebook code: figure programs run outside Jupyter.
package gdplot
