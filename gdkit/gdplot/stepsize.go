package gdplot

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"gdkit.dev/gdkit"
)

// StepSize plots the step sizes α_t of the series against the update
// t = 1, 2, … (Series.Y[i] is α_{i+1}, as gdkit.ScheduleSteps and
// Trace.StepSizes give them), one line per series with a legend, on a
// linear axis from 0 (a schedule may reach α_t = 0). Non-finite values end
// a series. Errors: no series, or none with a finite value.
func StepSize(series ...Series) (*plot.Plot, error) {
	p := New("Tamaño de paso por iteración", "iteración $t$", "$\\alpha_t$")
	if err := addStepSizes(p, series, true); err != nil {
		return nil, err
	}
	return p, nil
}

// StepSizePanels draws one small panel per series, cols panels per row,
// each titled with the series' label, with shared axes so the schedules
// compare at a glance: the figure "step size against iteration for each
// schedule". The figure is 3.6 in wide per column and 2.6 in high per row.
// Errors: cols < 1, no series, a series without a finite value.
func StepSizePanels(cols int, series ...Series) (*Figure, error) {
	if cols < 1 {
		return nil, fmt.Errorf("gdplot: StepSizePanels: cols = %d must be ≥ 1: %w", cols, errBadParam)
	}
	if len(series) == 0 {
		return nil, fmt.Errorf("gdplot: StepSizePanels has no series: %w", gdkit.ErrEmpty)
	}
	cols = min(cols, len(series))
	rows := (len(series) + cols - 1) / cols
	f, err := PanelGrid(rows, cols)
	if err != nil {
		return nil, err
	}
	f.Width, f.Height = vg.Length(cols)*3.6*vg.Inch, vg.Length(rows)*2.6*vg.Inch
	f.ShareX, f.ShareY = true, true
	for k, s := range series {
		p := New(s.Label, "iteración $t$", "$\\alpha_t$")
		if err := addStepSizes(p, []Series{{Y: s.Y}}, false); err != nil {
			return nil, fmt.Errorf("gdplot: StepSizePanels, %q: %w", s.Label, err)
		}
		if err := f.Set(k/cols, k%cols, p); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// addStepSizes adds the lines of α_t against t = 1, 2, … to p, from y = 0.
func addStepSizes(p *plot.Plot, series []Series, legend bool) error {
	if len(series) == 0 {
		return fmt.Errorf("gdplot: no step sizes: %w", gdkit.ErrEmpty)
	}
	var all plotter.XYs
	var labels []string
	for i, s := range series {
		var xys plotter.XYs
		for k, y := range s.Y {
			if math.IsNaN(y) || math.IsInf(y, 0) {
				break
			}
			xys = append(xys, plotter.XY{X: float64(k + 1), Y: y})
		}
		if len(xys) == 0 {
			continue
		}
		l, err := plotter.NewLine(xys)
		if err != nil {
			return err
		}
		l.LineStyle = DefaultTheme.Line(i)
		p.Add(l)
		if legend && s.Label != "" {
			p.Legend.Add(s.Label, l)
			labels = append(labels, s.Label)
		}
		all = append(all, xys...)
	}
	if len(all) == 0 {
		return fmt.Errorf("gdplot: no finite step size: %w", gdkit.ErrEmpty)
	}
	p.Y.Min = math.Min(0, p.Y.Min)
	p.Y.Max *= 1.08
	if legend {
		roomForLegend(p, all, labels)
	}
	return nil
}
