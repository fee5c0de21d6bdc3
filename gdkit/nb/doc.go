// Package nb is the thin notebook layer of gdkit for the GoNB Jupyter kernel:
// inline display of figures and in-place animation frames.
package nb
