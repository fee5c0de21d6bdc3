package optim_test

import (
	"fmt"
	"math"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/optim"
)

// ellipseProblem is d2l's 0.1w₁² + 2w₂² (λ = 0.2 and 4) as a gdkit.Problem.
var ellipseProblem = gdkit.Problem{
	E:    func(w []float64) float64 { return 0.1*w[0]*w[0] + 2*w[1]*w[1] },
	Grad: ellipse,
}

// Nesterov's look-ahead pays off on the ellipse (fewer updates than the
// heavy ball at the same α and μ) until α passes its lower stability limit,
// αλ_max < 2(1+μ)/(1+2μ) ≈ 1.36 at μ = 0.9: with λ_max = 4, α = 0.3 is
// below it and α = 0.4 above (the heavy ball's limit is 2(1+μ)/λ_max = 0.95).
func ExampleNesterov() {
	for _, alpha := range []float64{0.3, 0.4} {
		for _, r := range []struct {
			name string
			rule gdkit.Rule
		}{{"heavy ball", optim.NewMomentum(0.9)}, {"Nesterov", optim.NewNesterov(0.9)}} {
			s := &gdkit.DescentSettings{Alpha: alpha, Rule: r.rule, GradTol: 1e-8, MaxIter: 10000}
			tr, err := gdkit.Descend(ellipseProblem, []float64{-5, -2}, s)
			if err != nil {
				fmt.Printf("α = %g, %s: %v after %d updates\n", alpha, r.name, tr.Reason, tr.Iterations())
				continue
			}
			fmt.Printf("α = %g, %s: %v in %d updates\n", alpha, r.name, tr.Reason, tr.Iterations())
		}
	}
	// Output:
	// α = 0.3, heavy ball: converged in 359 updates
	// α = 0.3, Nesterov: converged in 188 updates
	// α = 0.4, heavy ball: converged in 361 updates
	// α = 0.4, Nesterov: diverged after 17 updates
}

// RMSProp's first update divides g by √((1−ρ)g²) = √(1−ρ)|g|: a step of
// α/√(1−ρ) = 10α in every coordinate with PyTorch's ρ = 0.99, whatever the
// gradient's scale. Centered, it divides by √((1−ρ)ρ)|g|, a little more.
func ExampleRMSProp() {
	g := []float64{0.001, -50}
	for _, r := range []*optim.RMSProp{optim.NewRMSProp(), {Rho: 0.99, Eps: 1e-8, Centered: true}} {
		if err := r.Init(2); err != nil {
			fmt.Println(err)
			return
		}
		w := []float64{0, 0}
		if err := r.Step(w, g, 0.01, 1); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("centered %v: w₁ = (%.5f, %.5f)\n", r.Centered, w[0], w[1])
	}
	fmt.Printf("α/√(1−ρ) = %.5f, α/√((1−ρ)ρ) = %.5f\n", 0.01/math.Sqrt(0.01), 0.01/math.Sqrt(0.01*0.99))
	// Output:
	// centered false: w₁ = (-0.09999, 0.10000)
	// centered true: w₁ = (-0.10049, 0.10050)
	// α/√(1−ρ) = 0.10000, α/√((1−ρ)ρ) = 0.10050
}

// Adadelta has no step size of its own (PyTorch's lr multiplies it, 1 by
// default): its first update is √ε/√((1−ρ)g² + ε)·g, about √(ε/(1−ρ)) =
// 0.00316 per coordinate for |g| ≫ √ε, and the accumulated updates u make
// the later steps grow.
func ExampleAdadelta() {
	a := optim.NewAdadelta() // ρ = 0.9, ε = 1e-6
	if err := a.Init(2); err != nil {
		fmt.Println(err)
		return
	}
	w, g := []float64{0, 0}, []float64{1, -100}
	for t := 1; t <= 3; t++ {
		before := []float64{w[0], w[1]}
		if err := a.Step(w, g, 1, t); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("t = %d: step (%.5f, %.5f)\n", t, before[0]-w[0], before[1]-w[1])
	}
	fmt.Printf("√(ε/(1−ρ)) = %.5f\n", math.Sqrt(1e-6/0.1))
	// Output:
	// t = 1: step (0.00316, -0.00316)
	// t = 2: step (0.00324, -0.00324)
	// t = 3: step (0.00330, -0.00330)
	// √(ε/(1−ρ)) = 0.00316
}

// Gonum drives gonum's line searchers; MoreThuente (the default) looks for
// the strong Wolfe conditions and so also evaluates ∇E at its trial points,
// which the trace counts.
func ExampleGonum() {
	s := &gdkit.DescentSettings{Alpha: 1, GradTol: 1e-8, MaxIter: 1000, LineSearch: &optim.Gonum{}}
	tr, err := gdkit.Descend(ellipseProblem, []float64{-5, -2}, s)
	if err != nil {
		fmt.Println(err)
		return
	}
	e, g := tr.TotalEvals()
	fmt.Printf("%v in %d updates: %d evaluations of E, %d of ∇E\n", tr.Reason, tr.Iterations(), e, g)
	// Output:
	// converged in 130 updates: 326 evaluations of E, 326 of ∇E
}

// The step sizes α_1, …, α_n of a schedule, without a run.
func ExampleConstant() {
	steps, err := gdkit.ScheduleSteps(optim.Constant{}, 0.1, 4)
	fmt.Println(steps, err)
	// Output:
	// [0.1 0.1 0.1 0.1] <nil>
}

// StepLR: α is halved every 2 updates.
func ExampleStepDecay() {
	steps, err := gdkit.ScheduleSteps(optim.StepDecay{Every: 2, Gamma: 0.5}, 1, 7)
	fmt.Println(steps, err)
	// Output:
	// [1 1 0.5 0.5 0.25 0.25 0.125] <nil>
}

// ExponentialLR: α_t = α γ^(t−1).
func ExampleExponential() {
	steps, err := gdkit.ScheduleSteps(optim.Exponential{Gamma: 0.5}, 1, 5)
	fmt.Println(steps, err)
	// Output:
	// [1 0.5 0.25 0.125 0.0625] <nil>
}

// α/(1 + k(t−1)), and with power 1/2 the 1/√t decay of AdaGrad's step.
func ExampleInverseTime() {
	for _, c := range []struct {
		name string
		s    optim.InverseTime
	}{{"1/t", optim.InverseTime{K: 1}}, {"1/√t", optim.InverseTime{K: 1, Power: 0.5}}} {
		steps, err := gdkit.ScheduleSteps(c.s, 1, 4)
		fmt.Printf("%-5s %.4f %v\n", c.name, steps, err)
	}
	// Output:
	// 1/t   [1.0000 0.5000 0.3333 0.2500] <nil>
	// 1/√t  [1.0000 0.7071 0.5774 0.5000] <nil>
}

// CosineAnnealingLR over T = 4 updates to the floor m = 0, where it stays.
func ExampleCosine() {
	steps, err := gdkit.ScheduleSteps(optim.Cosine{T: 4}, 1, 6)
	fmt.Printf("%.4f %v\n", steps, err)
	// Output:
	// [1.0000 0.8536 0.5000 0.1464 0.0000 0.0000] <nil>
}
