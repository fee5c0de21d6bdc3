package optim

import (
	"math"

	"gdkit.dev/gdkit"
)

// The schedules give the step size α_t of update t = 1, 2, … from the base
// α of the loop: they are gdkit.Schedule values (DescentSettings.Schedule),
// any rule accepts any schedule, and the loop records the α_t it used
// (Trace.StepSizes; gdkit.ScheduleSteps gives them without a run). Each
// has a Validate method, which gdkit.Descend calls before the first update
// with the check that every α_t is finite and ≥ 0. The formulas count from
// t = 1; PyTorch's lr_scheduler counts epochs e = t − 1 from 0.

// Constant is α_t = α, the slides' fixed step.
type Constant struct{}

// Alpha returns base.
func (Constant) Alpha(base float64, t int) float64 { return base }

// Validate accepts any base (gdkit checks that it is finite and > 0).
func (Constant) Validate(base float64) error { return nil }

// StepDecay multiplies α by γ every k updates, as torch's
// StepLR(step_size=k, gamma=γ):
//
//	α_t = α γ^⌊(t−1)/k⌋.
type StepDecay struct {
	Every int     // k ≥ 1 updates per stage
	Gamma float64 // γ in (0, 1]; PyTorch's default 0.1
}

// Alpha returns α_t.
func (s StepDecay) Alpha(base float64, t int) float64 {
	if s.Every < 1 {
		return math.NaN()
	}
	return base * math.Pow(s.Gamma, float64((t-1)/s.Every))
}

// Validate checks k ≥ 1 and 0 < γ ≤ 1.
func (s StepDecay) Validate(base float64) error {
	if s.Every < 1 {
		return badParam("StepDecay.Every = %d must be ≥ 1", s.Every)
	}
	return checkGamma("StepDecay", s.Gamma)
}

// Exponential multiplies α by γ every update, as torch's
// ExponentialLR(gamma=γ):
//
//	α_t = α γ^(t−1).
type Exponential struct {
	Gamma float64 // γ in (0, 1]
}

// Alpha returns α_t.
func (s Exponential) Alpha(base float64, t int) float64 {
	return base * math.Pow(s.Gamma, float64(t-1))
}

// Validate checks 0 < γ ≤ 1.
func (s Exponential) Validate(base float64) error { return checkGamma("Exponential", s.Gamma) }

func checkGamma(name string, g float64) error {
	if !(g > 0 && g <= 1) {
		return badParam("%s.Gamma γ = %v must be in (0, 1]", name, g)
	}
	return nil
}

// InverseTime is the 1/t decay (d2l's polynomial decay, Keras's
// InverseTimeDecay with staircase off):
//
//	α_t = α / (1 + k (t−1))^p.
//
// p = 1 (the zero value means 1) gives α/(1 + k(t−1)), the classic
// Robbins–Monro rate; p = 0.5 decays as 1/√t, like AdaGrad's effective step.
type InverseTime struct {
	K     float64 // k ≥ 0, the decay rate
	Power float64 // p ≥ 0; 0 means 1
}

// Alpha returns α_t.
func (s InverseTime) Alpha(base float64, t int) float64 {
	p := s.Power
	if p == 0 {
		p = 1
	}
	return base / math.Pow(1+s.K*float64(t-1), p)
}

// Validate checks k ≥ 0 and p ≥ 0, both finite.
func (s InverseTime) Validate(base float64) error {
	if err := checkNonNeg("InverseTime.K", s.K); err != nil {
		return err
	}
	return checkNonNeg("InverseTime.Power", s.Power)
}

// Cosine anneals α to a floor m along half a cosine over T updates, as
// torch's CosineAnnealingLR(T_max=T, eta_min=m), then stays at m (as d2l's
// CosineScheduler; PyTorch's closed form would rise again after T):
//
//	α_t = m + (α − m)(1 + cos(π (t−1)/T))/2   for t − 1 ≤ T,
//	α_t = m                                   after.
//
// With PyTorch's default m = 0, α_t > 0 for t ≤ T and α_{T+1} = 0: a run
// of MaxIter ≤ T updates never stops moving, and updates after T leave w
// where it is (see gdkit.Schedule).
type Cosine struct {
	T   int     // T ≥ 1 updates to reach the floor
	Min float64 // m in [0, α], the floor; PyTorch's default 0
}

// Alpha returns α_t.
func (s Cosine) Alpha(base float64, t int) float64 {
	if s.T < 1 {
		return math.NaN()
	}
	e := t - 1
	if e >= s.T {
		return s.Min
	}
	return s.Min + (base-s.Min)*(1+math.Cos(math.Pi*float64(e)/float64(s.T)))/2
}

// Validate checks T ≥ 1 and 0 ≤ m ≤ base.
func (s Cosine) Validate(base float64) error {
	if s.T < 1 {
		return badParam("Cosine.T = %d must be ≥ 1", s.T)
	}
	if !(s.Min >= 0 && s.Min <= base) {
		return badParam("Cosine.Min = %v must be in [0, α = %v]", s.Min, base)
	}
	return nil
}

// WarmUp raises α linearly during the first W updates and then hands over
// to another schedule (Then; nil means Constant), like torch's LinearLR
// followed by SequentialLR:
//
//	α_t = α (s + (1 − s) t/W)      for t ≤ W,
//	α_t = Then.Alpha(α, t − W)     after,
//
// so the warm-up starts at α(s + (1−s)/W) > 0 and reaches α at t = W, and
// the second schedule starts its own count at 1.
type WarmUp struct {
	Steps int            // W ≥ 1 warm-up updates
	Start float64        // s in [0, 1], the starting fraction of α
	Then  gdkit.Schedule // the schedule after the warm-up; nil means Constant
}

// Alpha returns α_t.
func (s WarmUp) Alpha(base float64, t int) float64 {
	if s.Steps < 1 {
		return math.NaN()
	}
	if t <= s.Steps {
		return base * (s.Start + (1-s.Start)*float64(t)/float64(s.Steps))
	}
	if s.Then == nil {
		return base
	}
	return s.Then.Alpha(base, t-s.Steps)
}

// Validate checks W ≥ 1, 0 ≤ s ≤ 1, and the schedule that follows.
func (s WarmUp) Validate(base float64) error {
	if s.Steps < 1 {
		return badParam("WarmUp.Steps = %d must be ≥ 1", s.Steps)
	}
	if !(s.Start >= 0 && s.Start <= 1) {
		return badParam("WarmUp.Start = %v must be in [0, 1]", s.Start)
	}
	if v, ok := s.Then.(interface{ Validate(float64) error }); ok {
		return v.Validate(base)
	}
	return nil
}

// ScheduleFunc adapts a function to a schedule: α_t = f(base, t).
type ScheduleFunc func(base float64, t int) float64

// Alpha returns f(base, t).
func (f ScheduleFunc) Alpha(base float64, t int) float64 { return f(base, t) }
