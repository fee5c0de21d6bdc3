package gdkit

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
)

// SGDSettings configures batch, mini-batch and stochastic descent. Each
// update uses the mean gradient of one batch B of rows:
//
//	w ← w − α (1/|B|) Σ_{i∈B} ∇ℓ(w; xᵢ, yᵢ).
type SGDSettings struct {
	// Alpha is the learning rate α > 0.
	Alpha float64
	// BatchSize is the number of rows per update: 1 is stochastic descent,
	// 0 or ≥ N is full-batch descent (the slides' loop), anything between
	// is mini-batch. The last batch of an epoch may be smaller.
	BatchSize int
	// Epochs is the number of passes over the data; 0 means 1.
	Epochs int
	// Rand, if not nil, shuffles the row order at the start of every epoch
	// (Fisher–Yates), so a seeded source gives a deterministic run. nil
	// keeps the data order. Streams are never shuffled.
	Rand *rand.Rand
	// FullE also records the full-data E(w) at the end of every epoch (one
	// extra pass; in-memory SGD only).
	FullE bool
	// LogEvery, if > 0, also records a checkpoint every LogEvery updates, so
	// that a single pass over millions of rows still gives a loss curve.
	LogEvery int
	// Callback, if not nil, is called at every checkpoint with the epoch
	// (1-based), w and the mean batch loss since the previous checkpoint.
	// Returning false stops the run (reason Stopped).
	Callback func(epoch int, w []float64, loss float64) bool
}

// EpochTrace records checkpoints of an SGD run: entry 0 is w0, then one entry
// at the end of every epoch plus one every LogEvery updates. For entry i it
// keeps w, the number of updates done so far, the epoch, and the mean loss
// (1/rows) Σ ℓ(w; xᵢ, yᵢ) over the rows used since the previous checkpoint,
// each row's loss taken at the w before the update it contributed to. For
// entry 0 the loss is the full E(w0) for in-memory data and NaN for streams.
type EpochTrace struct {
	Dim       int
	Alpha     float64
	BatchSize int
	Reason    Reason
	Updates   int // total number of updates done
	Rows      int // total number of rows visited
	ws        []float64
	loss      []float64
	epochs    []int
	fullE     []float64
}

func (t *EpochTrace) record(w []float64, loss float64, epoch int) {
	t.ws = append(t.ws, w...)
	t.loss = append(t.loss, loss)
	t.epochs = append(t.epochs, epoch)
}

// Len returns the number of checkpoints (including entry 0).
func (t *EpochTrace) Len() int { return len(t.loss) }

// W returns w at checkpoint i (aliases the trace).
func (t *EpochTrace) W(i int) []float64 { return t.ws[i*t.Dim : (i+1)*t.Dim : (i+1)*t.Dim] }

// Loss returns the mean batch loss of checkpoint i.
func (t *EpochTrace) Loss(i int) float64 { return t.loss[i] }

// Epoch returns the epoch (1-based; 0 for entry 0) of checkpoint i.
func (t *EpochTrace) Epoch(i int) int { return t.epochs[i] }

// Final returns the last w (aliases the trace).
func (t *EpochTrace) Final() []float64 { return t.W(t.Len() - 1) }

// Losses returns the mean batch losses of all checkpoints (aliases).
func (t *EpochTrace) Losses() []float64 { return t.loss[:len(t.loss):len(t.loss)] }

// FullE returns E(w) over all the data at w0 and at the end of every epoch
// (len Epochs+1), if SGDSettings.FullE was set; nil otherwise.
func (t *EpochTrace) FullE() []float64 { return t.fullE }

// Column returns parameter j over the checkpoints, as a new slice.
func (t *EpochTrace) Column(j int) []float64 { return column(t.ws, t.Dim, j) }

// resolve returns a copy of the settings (nil is the zero value), or an
// ErrBadParam error.
func (s *SGDSettings) resolve() (*SGDSettings, error) {
	var o SGDSettings
	if s != nil {
		o = *s
	}
	if !isFinite(o.Alpha) || o.Alpha <= 0 {
		return nil, errorf(ErrBadParam, "α = %v must be finite and > 0 (SGDSettings.Alpha, the step size, has no default)", o.Alpha)
	}
	if o.BatchSize < 0 || o.Epochs < 0 || o.LogEvery < 0 {
		return nil, errorf(ErrBadParam, "BatchSize = %d, Epochs = %d, LogEvery = %d must be ≥ 0", o.BatchSize, o.Epochs, o.LogEvery)
	}
	return &o, nil
}

// sgdState is the shared update machinery of SGD and Stream.
type sgdState struct {
	opt      *SGDSettings
	w, g     []float64
	tr       *EpochTrace
	sumLoss  float64 // since last checkpoint
	rowsLoss int
	sinceLog int
	e0       float64
}

// step applies w ← w − α g/rows, accumulates the batch loss and records a
// LogEvery checkpoint if due. It returns a non-nil error on divergence and
// stop = true if the callback asked to stop.
func (s *sgdState) step(rows int, batchLoss float64, epoch int) (stop bool, err error) {
	a := s.opt.Alpha / float64(rows)
	for j, gj := range s.g {
		s.w[j] -= a * gj
	}
	s.tr.Updates++
	s.tr.Rows += rows
	s.sumLoss += batchLoss
	s.rowsLoss += rows
	if i := firstNonFinite(s.w); i >= 0 {
		s.tr.Reason = NonFinite
		s.checkpoint(epoch)
		return true, &DivergenceError{Iter: s.tr.Updates, Reason: NonFinite, What: fmt.Sprintf("w[%d]", i), Value: s.w[i], E0: s.e0, Alpha: s.opt.Alpha}
	}
	if !isFinite(batchLoss) {
		s.tr.Reason = NonFinite
		s.checkpoint(epoch)
		return true, &DivergenceError{Iter: s.tr.Updates, Reason: NonFinite, What: "batch loss", Value: batchLoss, E0: s.e0, Alpha: s.opt.Alpha}
	}
	s.sinceLog++
	if s.opt.LogEvery > 0 && s.sinceLog >= s.opt.LogEvery {
		return s.checkpoint(epoch), nil
	}
	return false, nil
}

// checkpoint records the current state; it returns true if the callback
// asked to stop.
func (s *sgdState) checkpoint(epoch int) bool {
	loss := math.NaN()
	if s.rowsLoss > 0 {
		loss = s.sumLoss / float64(s.rowsLoss)
	}
	s.tr.record(s.w, loss, epoch)
	s.sumLoss, s.rowsLoss, s.sinceLog = 0, 0, 0
	if s.opt.Callback != nil && !s.opt.Callback(epoch, s.w, loss) {
		s.tr.Reason = Stopped
		return true
	}
	return false
}

// newSGDState starts a run from w0, already checked by checkW0.
func newSGDState(w0 []float64, opt *SGDSettings, batch int, e0 float64, checkpoints int) *sgdState {
	dim := len(w0)
	s := &sgdState{opt: opt, w: append([]float64(nil), w0...), g: make([]float64, dim), e0: e0}
	s.tr = &EpochTrace{Dim: dim, Alpha: opt.Alpha, BatchSize: batch}
	c := min(max(checkpoints, 1), 1<<16)
	s.tr.ws = make([]float64, 0, c*dim)
	s.tr.loss = make([]float64, 0, c)
	s.tr.epochs = make([]int, 0, c)
	s.tr.record(s.w, e0, 0)
	return s
}

// SGD runs batch, mini-batch or stochastic gradient descent of model m from
// w0 for opt.Epochs passes (see SGDSettings). Full-batch descent without
// shuffling uses the model's fused full gradient. On Inf/NaN it returns the
// trace so far and a *DivergenceError whose Iter is the update number.
func SGD(m *Model, w0 []float64, s *SGDSettings) (*EpochTrace, error) {
	if m == nil || m.Data == nil || m.Loss == nil {
		return nil, errorf(ErrBadParam, "nil model, loss or data")
	}
	opt, err := s.resolve()
	if err != nil {
		return nil, err
	}
	if err := checkW0(w0, m.Dim()); err != nil {
		return nil, err
	}
	n, d := m.Data.N, m.Data.D
	batch := opt.BatchSize
	if batch == 0 || batch > n {
		batch = n
	}
	epochs := max(opt.Epochs, 1)
	perEpoch := (n + batch - 1) / batch
	ckpt := 1 + epochs
	if opt.LogEvery > 0 {
		ckpt += epochs * perEpoch / opt.LogEvery
	}
	st := newSGDState(w0, opt, batch, m.E(w0), ckpt)
	tr := st.tr
	if opt.FullE {
		tr.fullE = append(make([]float64, 0, epochs+1), st.e0)
	}
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	X, Y := m.Data.X, m.Data.Y
	_, isSq := m.Loss.(SquaredLoss)
	fast := batch == n && isSq
	for ep := 1; ep <= epochs; ep++ {
		if opt.Rand != nil && batch < n {
			for i := n - 1; i > 0; i-- {
				j := opt.Rand.IntN(i + 1)
				perm[i], perm[j] = perm[j], perm[i]
			}
		}
		for lo := 0; lo < n; lo += batch {
			hi := min(lo+batch, n)
			var bl float64
			if fast {
				bl = linRegGrad(st.g, st.w, X, Y, n, d) * float64(n)
				for j := range st.g {
					st.g[j] *= float64(n)
				}
			} else {
				clear(st.g)
				for _, i := range perm[lo:hi] {
					bl += m.Loss.AddRowGrad(st.g, st.w, X[i*d:(i+1)*d], Y[i])
				}
			}
			stop, err := st.step(hi-lo, bl, ep)
			if err != nil {
				return tr, err
			}
			if stop {
				return tr, nil
			}
		}
		if st.sinceLog > 0 || st.rowsLoss > 0 {
			if st.checkpoint(ep) {
				return tr, nil
			}
		}
		if opt.FullE {
			tr.fullE = append(tr.fullE, m.E(st.w))
		}
	}
	tr.Reason = MaxIter
	return tr, nil
}

// RowSource yields examples one at a time: Next writes the features of the
// next row into x (len d) and returns its target, or returns io.EOF when the
// source is exhausted. A source that can restart from its first row has a
// method Reset() error, needed for more than one epoch of Stream.
// datasets.LinearStream, datasets.TwoClassStream and datasets.CSVStream
// implement it (the first two with Reset).
type RowSource interface {
	Next(x []float64) (y float64, err error)
}

// Stream runs mini-batch (or stochastic, BatchSize 1) descent of loss over
// rows of d features read from src, holding only one batch in memory
// (O(BatchSize·d) floats; BatchSize 0 means 1). Epochs > 1 needs src to
// have a method Reset() error. Rows are validated as read: a non-finite feature or
// an invalid label stops the run with an error naming the row (the trace so
// far is returned). Shuffling and FullE are not available for streams.
func Stream(loss Loss, d int, src RowSource, w0 []float64, s *SGDSettings) (*EpochTrace, error) {
	if loss == nil || src == nil {
		return nil, errorf(ErrBadParam, "nil loss or source")
	}
	if d <= 0 {
		return nil, errorf(ErrBadParam, "d = %d features must be > 0", d)
	}
	opt, err := s.resolve()
	if err != nil {
		return nil, err
	}
	if err := checkW0(w0, loss.Params(d)); err != nil {
		return nil, err
	}
	if opt.FullE {
		return nil, errorf(ErrBadParam, "FullE is not available for streams")
	}
	batch := max(opt.BatchSize, 1)
	epochs := max(opt.Epochs, 1)
	rs, canReset := src.(interface{ Reset() error })
	if epochs > 1 && !canReset {
		return nil, errorf(ErrBadParam, "%d epochs need a source with a Reset() error method", epochs)
	}
	st := newSGDState(w0, opt, batch, math.NaN(), 1+epochs)
	tr := st.tr
	xs := make([]float64, batch*d)
	ys := make([]float64, batch)
	row := 0
	for ep := 1; ep <= epochs; ep++ {
		if ep > 1 {
			if err := rs.Reset(); err != nil {
				return tr, fmt.Errorf("gdkit: reset of the source for epoch %d: %w", ep, err)
			}
		}
		row = 0
		eof := false
		for !eof {
			k := 0
			for k < batch {
				x := xs[k*d : (k+1)*d]
				y, err := src.Next(x)
				if errors.Is(err, io.EOF) {
					eof = true
					break
				}
				if err != nil {
					return tr, fmt.Errorf("gdkit: reading row %d: %w", row, err)
				}
				if i := firstNonFinite(x); i >= 0 {
					return tr, notFinite(fmt.Sprintf("row %d: x[%d]", row, i), x[i])
				}
				if err := loss.CheckLabel(y); err != nil {
					return tr, fmt.Errorf("row %d: %w", row, err)
				}
				ys[k] = y
				k++
				row++
			}
			if k == 0 {
				break
			}
			clear(st.g)
			var bl float64
			for i := 0; i < k; i++ {
				bl += loss.AddRowGrad(st.g, st.w, xs[i*d:(i+1)*d], ys[i])
			}
			stop, err := st.step(k, bl, ep)
			if err != nil {
				return tr, err
			}
			if stop {
				return tr, nil
			}
		}
		if row == 0 {
			return tr, errorf(ErrEmpty, "the source gave no rows in epoch %d", ep)
		}
		if st.rowsLoss > 0 {
			if st.checkpoint(ep) {
				return tr, nil
			}
		}
	}
	tr.Reason = MaxIter
	return tr, nil
}
