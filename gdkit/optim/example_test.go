package optim_test

import (
	"errors"
	"fmt"
	"math"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gdkit.dev/gdkit/optim"
	"gonum.org/v1/gonum/mat"
)

// ellipse is d2l's ill-conditioned E(w) = 0.1w₁² + 2w₂², ∇E = (0.2w₁, 4w₂).
func ellipse(g, w []float64) { g[0], g[1] = 0.2*w[0], 4*w[1] }

// A rule is driven by a loop such as this one (gdkit's descent loop does
// it, with the trace and the stop rules): Init once, then Step with the
// gradient at w for t = 1, 2, …
func ExampleMomentum() {
	for _, r := range []struct {
		name string
		rule interface {
			Init(int) error
			Step(w, g []float64, alpha float64, t int) error
		}
	}{{"momentum", optim.NewMomentum(0.9)}, {"Nesterov", optim.NewNesterov(0.9)}} {
		if err := r.rule.Init(2); err != nil {
			fmt.Println(err)
			return
		}
		w, g := []float64{-5, -2}, make([]float64, 2)
		t := 0
		for ellipse(g, w); math.Hypot(g[0], g[1]) > 1e-8; ellipse(g, w) {
			t++
			if err := r.rule.Step(w, g, 0.1, t); err != nil {
				fmt.Println(err)
				return
			}
		}
		fmt.Printf("%s: %d updates to ‖∇E‖ ≤ 1e-8\n", r.name, t)
	}
	// Output:
	// momentum: 364 updates to ‖∇E‖ ≤ 1e-8
	// Nesterov: 252 updates to ‖∇E‖ ≤ 1e-8
}

// Adam's bias correction makes its first update α in every coordinate,
// whatever the gradient's scale.
func ExampleAdam() {
	adam := optim.NewAdam() // β₁ = 0.9, β₂ = 0.999, ε = 1e-8
	if err := adam.Init(3); err != nil {
		fmt.Println(err)
		return
	}
	w := []float64{0, 0, 0}
	g := []float64{0.001, -20, 3000}
	if err := adam.Step(w, g, 0.1, 1); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("w₁ = (%.4f, %.4f, %.4f)\n", w[0], w[1], w[2])
	// Output:
	// w₁ = (-0.1000, 0.1000, -0.1000)
}

// On a constant gradient AdaGrad's step shrinks as α/√t.
func ExampleAdaGrad() {
	a := optim.NewAdaGrad()
	if err := a.Init(1); err != nil {
		fmt.Println(err)
		return
	}
	w, g := []float64{0}, []float64{5}
	for t := 1; t <= 16; t++ {
		before := w[0]
		_ = a.Step(w, g, 0.1, t)
		if t == 1 || t == 4 || t == 16 {
			fmt.Printf("t = %2d: step %.4f\n", t, before-w[0])
		}
	}
	// Output:
	// t =  1: step 0.1000
	// t =  4: step 0.0500
	// t = 16: step 0.0250
}

// AdamW's decay does not go through Adam's normalisation: with a zero
// gradient it shrinks w by (1 − αλ) per update.
func ExampleAdamW() {
	a := optim.NewAdamW() // λ = 0.01
	_ = a.Init(1)
	w, g := []float64{1}, []float64{0}
	for t := 1; t <= 100; t++ {
		_ = a.Step(w, g, 0.1, t)
	}
	fmt.Printf("w₁₀₀ = %.6f = 0.999¹⁰⁰ = %.6f\n", w[0], math.Pow(0.999, 100))
	// Output:
	// w₁₀₀ = 0.904792 = 0.999¹⁰⁰ = 0.904792
}

// Newton's full step solves a quadratic in one update; on d2l's
// non-convex x·cos(cx) it meets a negative second derivative and stops.
func ExampleNewton() {
	f := funcs.ShiftedSquare() // (w−3)² + 1
	n := optim.NewNewton(optim.HessianOf1D(f))
	_ = n.Init(1)
	w := []float64{-7}
	_ = n.Step(w, []float64{f.Deriv(w[0])}, 1, 1)
	fmt.Printf("(w−3)²+1 from −7: w₁ = %.4f\n", w[0])

	h := funcs.XCos(0.15 * math.Pi)
	n = optim.NewNewton(optim.HessianOf1D(h))
	_ = n.Init(1)
	w = []float64{10}
	for t := 1; t <= 5; t++ {
		if err := n.Step(w, []float64{h.Deriv(w[0])}, 1, t); errors.Is(err, optim.ErrIndefinite) {
			_, d2 := h.ExactDeriv(w[0])
			fmt.Printf("x·cos(0.15πx) from 10: update %d at x = %.2f, f” = %.2f < 0: ErrIndefinite\n", t, w[0], d2)
			break
		}
	}
	// Output:
	// (w−3)²+1 from −7: w₁ = 3.0000
	// x·cos(0.15πx) from 10: update 3 at x = 24.99, f” = -3.25 < 0: ErrIndefinite
}

// Backtracking halves α from α₀ until E decreases enough (Armijo). In
// gdkit's loop, the trace records the step each search chose and the
// evaluations of E it cost (Trace.Evals counts the new point's too).
func ExampleArmijo() {
	p := gdkit.Problem{
		E:    func(w []float64) float64 { return w[0] * w[0] },
		Grad: func(g, w []float64) { g[0] = 2 * w[0] },
	}
	// On E = w² from w = 1, the first trial α = 1 lands on E(−1) = 1: not
	// lower; α = 1/2 lands on the minimum.
	tr, err := gdkit.Descend(p, []float64{1}, &gdkit.DescentSettings{Alpha: 1, MaxIter: 1, LineSearch: &optim.Armijo{}})
	e, g := tr.Evals(1)
	fmt.Println(tr.StepSize(1), tr.Final(), e, g, err)
	// Output:
	// 0.5 [0] 3 1 <nil>
}

// The exact step on a quadratic, α = gᵀg/gᵀHg, costs no evaluation of E:
// steepest descent on the ellipse from (−5, −2).
func ExampleExactQuadratic() {
	H := mat.NewSymDense(2, []float64{0.2, 0, 0, 4}) // 0.1w₁² + 2w₂²
	p := gdkit.Problem{E: func(w []float64) float64 { return 0.1*w[0]*w[0] + 2*w[1]*w[1] }, Grad: ellipse}
	tr, err := gdkit.Descend(p, []float64{-5, -2}, &gdkit.DescentSettings{
		GradTol: 1e-8, MaxIter: 1000, LineSearch: &optim.ExactQuadratic{H: H}})
	e, g := tr.TotalEvals()
	fmt.Printf("α₁ = %.6f = 65/256.2; %d updates, %d evaluations of E and %d of ∇E, %v\n",
		tr.StepSize(1), tr.Iterations(), e, g, err)
	// Output:
	// α₁ = 0.253708 = 65/256.2; 25 updates, 26 evaluations of E and 26 of ∇E, <nil>
}

// A linear warm-up into a cosine decay, and a schedule that fails before
// the run.
func ExampleWarmUp() {
	s := optim.WarmUp{Steps: 3, Then: optim.Cosine{T: 4, Min: 0.01}}
	steps, err := gdkit.ScheduleSteps(s, 0.1, 8)
	fmt.Printf("%.3f %v\n", steps, err)
	bad := optim.ScheduleFunc(func(a float64, t int) float64 { return a * math.Log(float64(5-t)) })
	p := gdkit.Problem{E: func(w []float64) float64 { return w[0] * w[0] }, Grad: func(g, w []float64) { g[0] = 2 * w[0] }}
	_, err = gdkit.Descend(p, []float64{1}, &gdkit.DescentSettings{Alpha: 0.1, Schedule: bad})
	fmt.Println(err)
	// Output:
	// [0.033 0.067 0.100 0.100 0.087 0.055 0.023 0.010] <nil>
	// gdkit: bad parameter: the schedule gives α_5 = -Inf (from α = 0.1); every step size must be finite and ≥ 0
}
