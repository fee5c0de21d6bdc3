package gdkit

import (
	"fmt"
	"math"
)

// Data is a labelled data set: N rows of D features stored row-major in X
// (row i is X[i*D:(i+1)*D]) and N targets/labels in Y.
type Data struct {
	X    []float64
	Y    []float64
	N, D int
}

// NewData checks and wraps row-major features x (n×d) and targets y (n).
// The slices are used, not copied (datasets.Table.FlatXY gives them from a
// table). Errors: n or d ≤ 0 (ErrEmpty), mismatched lengths
// (ErrDimension), any NaN/Inf (ErrNotFinite).
func NewData(x, y []float64, n, d int) (*Data, error) {
	data := &Data{X: x, Y: y, N: n, D: d}
	if err := data.check(); err != nil {
		return nil, err
	}
	if i := firstNonFinite(y); i >= 0 {
		return nil, notFinite(fmt.Sprintf("y[%d]", i), y[i])
	}
	return data, nil
}

// check validates the sizes and the features (the targets are checked by
// NewData, or by the loss's CheckLabel in NewModel).
func (d *Data) check() error {
	if d.N <= 0 || d.D <= 0 {
		return errorf(ErrEmpty, "n = %d rows, d = %d features", d.N, d.D)
	}
	if len(d.X) != d.N*d.D || len(d.Y) != d.N {
		return errorf(ErrDimension, "len(x) = %d, len(y) = %d for n = %d rows of d = %d features", len(d.X), len(d.Y), d.N, d.D)
	}
	if i := firstNonFinite(d.X); i >= 0 {
		return notFinite(fmt.Sprintf("x[%d][%d]", i/d.D, i%d.D), d.X[i])
	}
	return nil
}

// Row returns row i of X (aliases the data).
func (d *Data) Row(i int) []float64 { return d.X[i*d.D : (i+1)*d.D : (i+1)*d.D] }

// Loss is a per-example loss ℓ(w; x, y) of a model with parameters w. The
// model's error over a data set is the mean E(w) = (1/N) Σᵢ ℓ(w; xᵢ, yᵢ).
type Loss interface {
	// Params returns the number of parameters for d features.
	Params(d int) int
	// RowLoss returns ℓ(w; x, y).
	RowLoss(w, x []float64, y float64) float64
	// AddRowGrad adds ∇_w ℓ(w; x, y) to g and returns ℓ(w; x, y).
	AddRowGrad(g, w, x []float64, y float64) float64
	// Predict returns the model output for features x.
	Predict(w, x []float64) float64
	// CheckLabel returns an error if y is not a valid target.
	CheckLabel(y float64) error
	// Name is a short name ("linreg", "logreg", "svm", "tanhnet").
	Name() string
}

// SquaredLoss is linear regression with bias: with w = (w₁…w_d, b),
//
//	ℓ = (x·w₁…d + b − y)²,   ∇ℓ = 2r·(x, 1),  r = x·w₁…d + b − y,
//
// so E is the mean squared error. Params(d) = d + 1 (bias last).
type SquaredLoss struct{}

// Params returns d + 1: the weights w₁…w_d and the bias b (last).
func (SquaredLoss) Params(d int) int { return d + 1 }

// Predict returns ŷ = x·w₁…d + b.
func (SquaredLoss) Predict(w, x []float64) float64 { return dot(w, x) + w[len(x)] }

// RowLoss returns (x·w₁…d + b − y)².
func (l SquaredLoss) RowLoss(w, x []float64, y float64) float64 {
	r := l.Predict(w, x) - y
	return r * r
}

// AddRowGrad adds 2r·(x, 1), r = x·w₁…d + b − y, to g and returns r².
func (l SquaredLoss) AddRowGrad(g, w, x []float64, y float64) float64 {
	r := l.Predict(w, x) - y
	t := 2 * r
	for j, xj := range x {
		g[j] += t * xj
	}
	g[len(x)] += t
	return r * r
}

// CheckLabel accepts any finite target.
func (SquaredLoss) CheckLabel(y float64) error { return finiteTarget(y) }

// Name returns "linreg".
func (SquaredLoss) Name() string { return "linreg" }

// LogisticLoss is logistic regression with labels y ∈ {0, 1}: with
// z = x·w₁…d + b and σ(z) = 1/(1+e^{−z}),
//
//	ℓ = −y log σ(z) − (1−y) log(1−σ(z)) = log(1+e^z) − y z,
//	∇ℓ = (σ(z) − y)·(x, 1).
//
// log(1+e^z) is evaluated as max(z,0) + log1p(e^{−|z|}), which never
// overflows. Params(d) = d + 1 (bias last). Predict returns σ(z).
type LogisticLoss struct{}

// Params returns d + 1: the weights w₁…w_d and the bias b (last).
func (LogisticLoss) Params(d int) int { return d + 1 }

func softplus(z float64) float64 { return math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))) }

// dscSigmoid returns σ(z) = 1/(1+e^{−z}), evaluated without overflow.
func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// Predict returns P(y=1 | x) = σ(x·w₁…d + b).
func (LogisticLoss) Predict(w, x []float64) float64 { return sigmoid(dot(w, x) + w[len(x)]) }

// RowLoss returns log(1+e^z) − y z, z = x·w₁…d + b, without overflow.
func (LogisticLoss) RowLoss(w, x []float64, y float64) float64 {
	z := dot(w, x) + w[len(x)]
	return softplus(z) - y*z
}

// AddRowGrad adds (σ(z) − y)·(x, 1) to g and returns the row loss.
func (LogisticLoss) AddRowGrad(g, w, x []float64, y float64) float64 {
	z := dot(w, x) + w[len(x)]
	t := sigmoid(z) - y
	for j, xj := range x {
		g[j] += t * xj
	}
	g[len(x)] += t
	return softplus(z) - y*z
}

// CheckLabel accepts only y = 0 and y = 1.
func (LogisticLoss) CheckLabel(y float64) error {
	if y != 0 && y != 1 {
		return errorf(ErrBadParam, "logistic regression needs labels in {0, 1}, got %v", y)
	}
	return nil
}

// Name returns "logreg".
func (LogisticLoss) Name() string { return "logreg" }

// HingeLoss is the linear SVM: labels s ∈ {−1, +1} (a label 0 is read as −1,
// so {0, 1} data works too; a data set must not mix 0 and −1). With
// z = x·w₁…d + b and margin m = s z,
//
//	ℓ = max(0, 1 − m) + (λ/2)‖w₁…d‖²   (the bias is not regularised).
//
// The hinge is not differentiable at m = 1. AddRowGrad returns the
// subgradient −s·(x, 1) for m < 1 and 0 for m ≥ 1: at the kink m = 1 it takes
// the element 0 of the subdifferential [−s(x,1), 0], i.e. a point exactly on
// the margin counts as correctly classified. λ w₁…d is added in every case.
// Params(d) = d + 1 (bias last). Predict returns z (its sign is the class).
type HingeLoss struct {
	Lambda float64 // L2 regularisation λ ≥ 0
}

// Params returns d + 1: the weights w₁…w_d and the bias b (last).
func (HingeLoss) Params(d int) int { return d + 1 }

// Predict returns the score z = x·w₁…d + b; sign(z) is the class.
func (HingeLoss) Predict(w, x []float64) float64 { return dot(w, x) + w[len(x)] }

func svmSign(y float64) float64 {
	if y == 0 {
		return -1
	}
	return y
}

// RowLoss returns max(0, 1 − s z) + (λ/2)‖w₁…d‖², s = ±1 (0 read as −1).
func (h HingeLoss) RowLoss(w, x []float64, y float64) float64 {
	m := svmSign(y) * (dot(w, x) + w[len(x)])
	var reg float64
	if h.Lambda != 0 {
		reg = 0.5 * h.Lambda * dot(w[:len(x)], w[:len(x)])
	}
	return math.Max(0, 1-m) + reg
}

// AddRowGrad adds the subgradient (−s(x,1) if s z < 1, else 0) plus
// (λw₁…d, 0) to g and returns the row loss; at s z = 1 it takes 0.
func (h HingeLoss) AddRowGrad(g, w, x []float64, y float64) float64 {
	s := svmSign(y)
	m := s * (dot(w, x) + w[len(x)])
	if m < 1 {
		for j, xj := range x {
			g[j] -= s * xj
		}
		g[len(x)] -= s
	}
	var reg float64
	if h.Lambda != 0 {
		for j := range x {
			g[j] += h.Lambda * w[j]
			reg += w[j] * w[j]
		}
		reg *= 0.5 * h.Lambda
	}
	return math.Max(0, 1-m) + reg
}

// CheckLabel accepts y ∈ {−1, 0, +1} (0 is read as −1).
func (HingeLoss) CheckLabel(y float64) error {
	if y != -1 && y != 1 && y != 0 {
		return errorf(ErrBadParam, "SVM needs labels in {−1, +1} (or {0, 1}), got %v", y)
	}
	return nil
}

// Name returns "svm".
func (HingeLoss) Name() string { return "svm" }

// TanhNetLoss is a tiny neural network with one hidden tanh unit and squared
// error, a non-convex E for the "funciones no convexas" slide. With
// w = (a₁…a_d, b, v), h = tanh(x·a + b) and ŷ = v h,
//
//	ℓ = (ŷ − y)²,  r = ŷ − y,
//	∂ℓ/∂aⱼ = 2r v (1−h²) xⱼ,  ∂ℓ/∂b = 2r v (1−h²),  ∂ℓ/∂v = 2r h.
//
// E is symmetric under (a, b, v) → (−a, −b, −v) and flat at v = 0, so
// different starting points reach different minima. Params(d) = d + 2.
type TanhNetLoss struct{}

// Params returns d + 2: a₁…a_d, then b, then v.
func (TanhNetLoss) Params(d int) int { return d + 2 }

// Predict returns ŷ = v·tanh(x·a + b).
func (TanhNetLoss) Predict(w, x []float64) float64 {
	d := len(x)
	return w[d+1] * math.Tanh(dot(w, x)+w[d])
}

// RowLoss returns (v·tanh(x·a + b) − y)².
func (l TanhNetLoss) RowLoss(w, x []float64, y float64) float64 {
	r := l.Predict(w, x) - y
	return r * r
}

// AddRowGrad adds (2r v(1−h²) x, 2r v(1−h²), 2r h) to g, h = tanh(x·a + b),
// r = v h − y, and returns r².
func (TanhNetLoss) AddRowGrad(g, w, x []float64, y float64) float64 {
	d := len(x)
	v := w[d+1]
	h := math.Tanh(dot(w, x) + w[d])
	r := v*h - y
	t := 2 * r * v * (1 - h*h)
	for j, xj := range x {
		g[j] += t * xj
	}
	g[d] += t
	g[d+1] += 2 * r * h
	return r * r
}

// CheckLabel accepts any finite target.
func (TanhNetLoss) CheckLabel(y float64) error { return finiteTarget(y) }

// finiteTarget accepts any finite regression target y.
func finiteTarget(y float64) error {
	if !isFinite(y) {
		return notFinite("target", y)
	}
	return nil
}

// Name returns "tanhnet".
func (TanhNetLoss) Name() string { return "tanhnet" }

// Model is a loss over a data set: E(w) = (1/N) Σᵢ ℓ(w; xᵢ, yᵢ) with gradient
// ∇E(w) = (1/N) Σᵢ ∇ℓ(w; xᵢ, yᵢ).
type Model struct {
	Loss Loss
	Data *Data
}

// NewModel makes the model of loss over data, E(w) = (1/N) Σᵢ ℓ(w; xᵢ, yᵢ):
//
//	gdkit.NewModel(gdkit.SquaredLoss{}, data)              // linear regression
//	gdkit.NewModel(gdkit.LogisticLoss{}, data)             // logistic regression, labels 0/1
//	gdkit.NewModel(gdkit.HingeLoss{Lambda: 0.01}, data)    // linear SVM, labels ±1 or 0/1
//	gdkit.NewModel(gdkit.TanhNetLoss{}, data)              // one tanh unit
//
// It checks that data is non-empty and finite (ErrEmpty, ErrDimension,
// ErrNotFinite) and that every label is valid for loss (ErrBadParam for
// labels, a nil loss or a bad λ).
func NewModel(loss Loss, data *Data) (*Model, error) {
	if loss == nil {
		return nil, errorf(ErrBadParam, "nil loss")
	}
	if data == nil {
		return nil, errorf(ErrEmpty, "nil data")
	}
	if err := data.check(); err != nil {
		return nil, err
	}
	if h, ok := loss.(HingeLoss); ok && (!isFinite(h.Lambda) || h.Lambda < 0) {
		return nil, errorf(ErrBadParam, "SVM λ = %v must be finite and ≥ 0", h.Lambda)
	}
	var zero, minus bool
	for i, y := range data.Y {
		if err := loss.CheckLabel(y); err != nil {
			return nil, fmt.Errorf("row %d: %w", i, err)
		}
		zero = zero || y == 0
		minus = minus || y == -1
	}
	if _, ok := loss.(HingeLoss); ok && zero && minus {
		return nil, errorf(ErrBadParam, "SVM labels mix 0 and −1: use {−1, +1} or {0, 1}")
	}
	return &Model{Loss: loss, Data: data}, nil
}

// Dim returns the number of parameters.
func (m *Model) Dim() int { return m.Loss.Params(m.Data.D) }

// E returns the mean loss E(w). It panics with an error wrapping
// ErrDimension if len(w) ≠ Dim() (Descend checks it beforehand).
func (m *Model) E(w []float64) float64 {
	if len(w) != m.Dim() {
		dimPanic("Model.E: len(w) = %d, the model has %d parameters", len(w), m.Dim())
	}
	d := m.Data
	if _, ok := m.Loss.(SquaredLoss); ok {
		return linRegE(w, d.X, d.Y, d.N, d.D)
	}
	var s float64
	for i := 0; i < d.N; i++ {
		s += m.Loss.RowLoss(w, d.Row(i), d.Y[i])
	}
	return s / float64(d.N)
}

// Grad writes ∇E(w) into dst. It panics with an error wrapping
// ErrDimension if len(w) or len(dst) differ from Dim().
func (m *Model) Grad(dst, w []float64) {
	if len(w) != m.Dim() || len(dst) != m.Dim() {
		dimPanic("Model.Grad: len(dst) = %d, len(w) = %d, the model has %d parameters", len(dst), len(w), m.Dim())
	}
	d := m.Data
	if _, ok := m.Loss.(SquaredLoss); ok {
		linRegGrad(dst, w, d.X, d.Y, d.N, d.D) // E comes for free
		return
	}
	clear(dst)
	for i := 0; i < d.N; i++ {
		m.Loss.AddRowGrad(dst, w, d.Row(i), d.Y[i])
	}
	inv := 1 / float64(d.N)
	for j := range dst {
		dst[j] *= inv
	}
}

// Problem returns the model as the Problem that Descend minimises
// (E = m.E, Grad = m.Grad, Dim = m.Dim()). For gonum's optimize.Minimize,
// use m.Problem().OptimizeProblem().
func (m *Model) Problem() Problem {
	return Problem{E: m.E, Grad: m.Grad, Dim: m.Dim()}
}

// Predict returns the model output for features x with parameters w.
func (m *Model) Predict(w, x []float64) float64 { return m.Loss.Predict(w, x) }

func linRegE(w, x, y []float64, n, d int) float64 {
	b := w[d]
	var s float64
	for i := 0; i < n; i++ {
		r := dot(w[:d], x[i*d:(i+1)*d]) + b - y[i]
		s += r * r
	}
	return s / float64(n)
}

// linRegGrad writes the full-batch gradient of the mean squared error of
// linear regression with bias into dst (len d+1):
//
//	r = X w₁…d + b − y,   ∇E = (2/N) (Xᵀ r, Σ r),
//
// for row-major x (n×d) and y (n), in one fused pass over the rows without
// allocating. It returns E(w) = (1/N) Σ r² computed in the same pass.
// Lengths are not checked: Model.Grad checks them.
//
// The unrolled kernels for d = 1 and d = 4 pay (BenchmarkLinRegKernels,
// 10⁶ rows, best of 6 on the loaded 2-core machine): d = 1 takes 1.96 ms
// against 5.81 ms for the general loop (3.0×), d = 4 9.24 ms against
// 15.3 ms (1.7×); d = 2, 5 and 8, which run the general loop both ways,
// differ by at most 1.2× between the two measurements (the noise). A d = 4
// kernel without E was no faster (6.2 ms against 7.2 ms, best of 8) and
// was removed.
func linRegGrad(dst, w, x, y []float64, n, d int) float64 {
	x = x[:n*d]
	y = y[:n]
	switch d {
	case 1:
		return linRegGrad1(dst, w, x, y)
	case 4:
		return linRegGrad4(dst, w, x, y)
	}
	return linRegGradGeneral(dst, w, x, y, n, d)
}

// linRegGradGeneral is linRegGrad for any d.
func linRegGradGeneral(dst, w, x, y []float64, n, d int) float64 {
	clear(dst[:d+1])
	b := w[d]
	ww := w[:d]
	g := dst[:d]
	var gb, s float64
	for i := 0; i < n; i++ {
		row := x[i*d : (i+1)*d]
		r := b - y[i]
		for j, xj := range row {
			r += ww[j] * xj
		}
		for j, xj := range row {
			g[j] += r * xj
		}
		gb += r
		s += r * r
	}
	scale := 2 / float64(n)
	for j := range g {
		g[j] *= scale
	}
	dst[d] = gb * scale
	return s / float64(n)
}

func linRegGrad1(dst, w, x, y []float64) float64 {
	w0, b := w[0], w[1]
	var g0, gb, s float64
	y = y[:len(x)]
	for i, xi := range x {
		r := w0*xi + b - y[i]
		g0 += r * xi
		gb += r
		s += r * r
	}
	n := float64(len(x))
	dst[0], dst[1] = 2*g0/n, 2*gb/n
	return s / n
}

func linRegGrad4(dst, w, x, y []float64) float64 {
	w0, w1, w2, w3, b := w[0], w[1], w[2], w[3], w[4]
	var g0, g1, g2, g3, gb, s float64
	n := len(y)
	for i, yi := range y {
		row := x[4*i : 4*i+4 : 4*i+4]
		x0, x1, x2, x3 := row[0], row[1], row[2], row[3]
		r := (x0*w0 + x1*w1) + (x2*w2 + x3*w3) + (b - yi)
		g0 += r * x0
		g1 += r * x1
		g2 += r * x2
		g3 += r * x3
		gb += r
		s += r * r
	}
	scale := 2 / float64(n)
	dst[0], dst[1], dst[2], dst[3], dst[4] = g0*scale, g1*scale, g2*scale, g3*scale, gb*scale
	return s / float64(n)
}

// Accuracy returns the fraction of rows classified correctly by a
// classification model (logistic regression: σ(z) > ½ predicts 1; SVM:
// z > 0 predicts +1, labels 0 and −1 both meaning the negative class). It
// returns an error for regression losses or a w of the wrong length.
func (m *Model) Accuracy(w []float64) (float64, error) {
	if len(w) != m.Dim() {
		return 0, errorf(ErrDimension, "len(w) = %d, the model has %d parameters", len(w), m.Dim())
	}
	var thr float64
	switch m.Loss.(type) {
	case LogisticLoss:
		thr = 0.5
	case HingeLoss:
		thr = 0
	default:
		return 0, errorf(ErrBadParam, "Accuracy needs a classification loss, not %q", m.Loss.Name())
	}
	d := m.Data
	correct := 0
	for i := 0; i < d.N; i++ {
		if (m.Loss.Predict(w, d.Row(i)) > thr) == (d.Y[i] == 1) {
			correct++
		}
	}
	return float64(correct) / float64(d.N), nil
}
