// Package nb is the thin notebook layer of gdkit for the GoNB Jupyter kernel:
// inline display of figures, in-place animation frames, and an interactive
// slider (Explore) that is skipped in headless runs.
package nb
