package gdplot_test

import (
	"fmt"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gdkit.dev/gdkit/gdplot"
	"gdkit.dev/gdkit/optim"
)

// The optimizer race on d2l's ill-conditioned ellipse 0.1w₁² + 2w₂²: plain
// descent and momentum from the same start, as paths on one contour map
// and as loss curves, and as the frames of an animation (nb.Animate or
// gdplot.SaveGIF).
func ExampleRace() {
	e := funcs.NarrowEllipse()
	p := gdkit.Problem{E: e.F, Grad: e.Grad, Dim: 2}
	xs, _ := gdkit.Linspace(-5.5, 1, 131)
	ys, _ := gdkit.Linspace(-3, 1.5, 91)
	g, _ := gdkit.Meshgrid(xs, ys).Eval(e.E)
	race := gdplot.Race{Grid: g, Levels: []float64{0.5, 1, 2, 4, 8}, Min: []float64{0, 0}, LogY: true}
	for _, c := range []struct {
		label string
		rule  gdkit.Rule
	}{{"descenso", nil}, {"momentum, $\\beta$ = 0.5", optim.NewMomentum(0.5)}} {
		tr, err := gdkit.Descend(p, []float64{-5, -2}, &gdkit.DescentSettings{Alpha: 0.4, MaxIter: 30, Rule: c.rule})
		if err != nil {
			fmt.Println(err)
			return
		}
		run, _ := gdplot.RunOf(c.label, tr, 0)
		race.Runs = append(race.Runs, run)
		fmt.Printf("%s: E(w_30) = %.2g\n", c.label, tr.FinalE())
	}
	fig, err := race.Figure()
	if err != nil {
		fmt.Println(err)
		return
	}
	frames, err := race.Frames(10)
	fmt.Println(len(fig.Plots[0]), "panels;", len(frames), "frames,", err)
	// Output:
	// descenso: E(w_30) = 0.017
	// momentum, $\beta$ = 0.5: E(w_30) = 2.4e-06
	// 2 panels; 11 frames, <nil>
}

// The step size of every schedule of package optim against the iteration,
// one panel each, from gdkit.ScheduleSteps.
func ExampleStepSizePanels() {
	var series []gdplot.Series
	for _, s := range []struct {
		label string
		s     gdkit.Schedule
	}{
		{"constante", optim.Constant{}},
		{"escalones", optim.StepDecay{Every: 25, Gamma: 0.5}},
		{"coseno", optim.Cosine{T: 100}},
		{"calentamiento + coseno", optim.WarmUp{Steps: 10, Then: optim.Cosine{T: 90}}},
	} {
		alphas, err := gdkit.ScheduleSteps(s.s, 0.1, 100)
		if err != nil {
			fmt.Println(err)
			return
		}
		series = append(series, gdplot.Series{Label: s.label, Y: alphas})
	}
	fig, err := gdplot.StepSizePanels(2, series...)
	fmt.Printf("%d×%d panels, %v; α_100 of the cosine = %.4f\n", len(fig.Plots), len(fig.Plots[0]), err, series[2].Y[99])
	// Output:
	// 2×2 panels, <nil>; α_100 of the cosine = 0.0000
}
