package gdkit_test

import (
	"errors"
	"io"
	"math"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gdkit.dev/datasets"
	"gdkit.dev/gdkit"
)

func linModel(t testing.TB, seed uint64, n int, w []float64, bias, noise float64) *gdkit.Model {
	t.Helper()
	x, y, err := datasets.LinearData(gdkit.NewRand(seed), n, w, bias, noise)
	if err != nil {
		t.Fatal(err)
	}
	m, err := gdkit.NewModel(gdkit.SquaredLoss{}, mustData(t, x, y, n, len(w)))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSGDFullBatchIsDescend: full-batch SGD is the slides' loop, so epoch k
// equals iteration k of Descend (for the fused linear-regression path and the
// generic per-row path of the other models).
func TestSGDFullBatchIsDescend(t *testing.T) {
	lin := linModel(t, 1, 200, []float64{1, -1, 2, 0.5}, 0.3, 0.1)
	xc, yc, _ := datasets.TwoClassData(gdkit.NewRand(2), 200, 2, 3, 1)
	logr, _ := gdkit.NewModel(gdkit.LogisticLoss{}, mustData(t, xc, yc, 200, 2))
	for _, m := range []*gdkit.Model{lin, logr} {
		w0 := make([]float64, m.Dim())
		tr, err := gdkit.Descend(m.Problem(), w0, &gdkit.DescentSettings{Alpha: 0.1, MaxIter: 5})
		if err != nil {
			t.Fatal(err)
		}
		st, err := gdkit.SGD(m, w0, &gdkit.SGDSettings{Alpha: 0.1, Epochs: 5, FullE: true})
		if err != nil {
			t.Fatal(err)
		}
		if st.Len() != 6 || st.Updates != 5 || st.Reason != gdkit.MaxIter || len(st.FullE()) != 6 {
			t.Fatalf("%s: Len %d, Updates %d, %v, FullE %d", m.Loss.Name(), st.Len(), st.Updates, st.Reason, len(st.FullE()))
		}
		for k := 0; k <= 5; k++ {
			for j := range w0 {
				if math.Abs(st.W(k)[j]-tr.W(k)[j]) > 1e-12 {
					t.Errorf("%s epoch %d: %v vs Descend %v", m.Loss.Name(), k, st.W(k), tr.W(k))
				}
			}
			if math.Abs(st.FullE()[k]-tr.E(k)) > 1e-12 {
				t.Errorf("%s: FullE[%d] = %v, E = %v", m.Loss.Name(), k, st.FullE()[k], tr.E(k))
			}
			// The epoch loss of epoch k is E at the w before its only update.
			if k > 0 && math.Abs(st.Loss(k)-tr.E(k-1)) > 1e-12 {
				t.Errorf("%s: Loss(%d) = %v, want E(w_%d) = %v", m.Loss.Name(), k, st.Loss(k), k-1, tr.E(k-1))
			}
		}
	}
}

func TestSGDDeterministicPerSeed(t *testing.T) {
	m := linModel(t, 3, 300, []float64{2, -1}, 1, 0.1)
	run := func(seed uint64, batch int) *gdkit.EpochTrace {
		tr, err := gdkit.SGD(m, []float64{0, 0, 0}, &gdkit.SGDSettings{Alpha: 0.05, BatchSize: batch, Epochs: 3, Rand: gdkit.NewRand(seed)})
		if err != nil {
			t.Fatal(err)
		}
		return tr
	}
	for _, batch := range []int{1, 16} {
		a, b, c := run(9, batch), run(9, batch), run(10, batch)
		for i := 0; i < a.Len(); i++ {
			for j := 0; j < 3; j++ {
				if a.W(i)[j] != b.W(i)[j] {
					t.Fatalf("batch %d: same seed differs at checkpoint %d", batch, i)
				}
			}
		}
		if a.Final()[0] == c.Final()[0] {
			t.Errorf("batch %d: seeds 9 and 10 gave the same run", batch)
		}
		wantUpdates := 3 * ((300 + batch - 1) / batch)
		if a.Updates != wantUpdates || a.Rows != 900 {
			t.Errorf("batch %d: %d updates, %d rows; want %d, 900", batch, a.Updates, a.Rows, wantUpdates)
		}
	}
}

// TestSGDConverges: mini-batch and stochastic descent find the generating
// weights of low-noise linear data; stochastic logistic regression separates
// two well-separated clouds.
func TestSGDConverges(t *testing.T) {
	w := []float64{1.5, -2, 0.5}
	m := linModel(t, 4, 2000, w, 0.7, 0.01)
	for _, batch := range []int{1, 32} {
		tr, err := gdkit.SGD(m, make([]float64, 4), &gdkit.SGDSettings{Alpha: 0.01, BatchSize: batch, Epochs: 30, Rand: gdkit.NewRand(1)})
		if err != nil {
			t.Fatal(err)
		}
		got := tr.Final()
		for j, v := range append(append([]float64{}, w...), 0.7) {
			if math.Abs(got[j]-v) > 0.02 {
				t.Errorf("batch %d: w = %v, want ≈ %v, 0.7", batch, got, w)
				break
			}
		}
		ls := tr.Losses()
		if !(ls[len(ls)-1] < ls[1]/10) {
			t.Errorf("batch %d: loss did not drop: %v", batch, ls)
		}
	}
	x, y, _ := datasets.TwoClassData(gdkit.NewRand(5), 1000, 2, 6, 1)
	lm, _ := gdkit.NewModel(gdkit.LogisticLoss{}, mustData(t, x, y, 1000, 2))
	tr, err := gdkit.SGD(lm, make([]float64, 3), &gdkit.SGDSettings{Alpha: 0.1, BatchSize: 1, Epochs: 5, Rand: gdkit.NewRand(2)})
	if err != nil {
		t.Fatal(err)
	}
	correct := 0
	for i := 0; i < 1000; i++ {
		if (lm.Predict(tr.Final(), x[2*i:2*i+2]) > 0.5) == (y[i] == 1) {
			correct++
		}
	}
	// Centres 6 apart with σ = 1: the Bayes error is Φ(−3) ≈ 0.13 %.
	if correct < 980 {
		t.Errorf("logistic SGD: %d/1000 correct", correct)
	}
}

// TestStreamEqualsSGD: streaming LinearStream(seed) in batches equals SGD
// over LinearData(NewRand(seed)) without shuffling, epoch after epoch.
func TestStreamEqualsSGD(t *testing.T) {
	w := []float64{1, 2, -1, 0.5}
	const n, seed = 1000, 21
	m := linModel(t, seed, n, w, 0.5, 0.3)
	opt := &gdkit.SGDSettings{Alpha: 0.02, BatchSize: 16, Epochs: 2, LogEvery: 10}
	a, err := gdkit.SGD(m, make([]float64, 5), opt)
	if err != nil {
		t.Fatal(err)
	}
	src, _ := datasets.NewLinearStream(seed, n, w, 0.5, 0.3)
	b, err := gdkit.Stream(gdkit.SquaredLoss{}, 4, src, make([]float64, 5), opt)
	if err != nil {
		t.Fatal(err)
	}
	if a.Len() != b.Len() || a.Updates != b.Updates {
		t.Fatalf("checkpoints %d vs %d, updates %d vs %d", a.Len(), b.Len(), a.Updates, b.Updates)
	}
	for i := 0; i < a.Len(); i++ {
		for j := 0; j < 5; j++ {
			if math.Abs(a.W(i)[j]-b.W(i)[j]) > 1e-12 {
				t.Fatalf("checkpoint %d: %v vs %v", i, a.W(i), b.W(i))
			}
		}
		if i > 0 && math.Abs(a.Loss(i)-b.Loss(i)) > 1e-12 {
			t.Fatalf("loss %d: %v vs %v", i, a.Loss(i), b.Loss(i))
		}
	}
	// 63 batches per epoch (62·16 + 8): checkpoints every 10 updates plus at
	// the end of each epoch: 1 + 2·(6 + 1).
	if a.Len() != 15 || a.Epoch(14) != 2 || !math.IsNaN(b.Loss(0)) {
		t.Errorf("Len %d, last epoch %d, stream Loss(0) %v", a.Len(), a.Epoch(14), b.Loss(0))
	}
}

type sliceSource struct {
	x, y []float64
	d, i int
}

func (s *sliceSource) Next(x []float64) (float64, error) {
	if s.i >= len(s.y) {
		return 0, io.EOF
	}
	copy(x, s.x[s.i*s.d:])
	s.i++
	return s.y[s.i-1], nil
}

func TestStreamErrors(t *testing.T) {
	nan := math.NaN()
	src := func(x, y []float64) *sliceSource { return &sliceSource{x: x, y: y, d: 1} }
	cases := []struct {
		name, msg string
		loss      gdkit.Loss
		s         gdkit.RowSource
		opt       *gdkit.SGDSettings
	}{
		{"NaN row", "row 2", gdkit.SquaredLoss{}, src([]float64{1, 2, nan}, []float64{1, 2, 3}), &gdkit.SGDSettings{Alpha: 0.1}},
		{"bad label", "row 1", gdkit.LogisticLoss{}, src([]float64{1, 2}, []float64{1, 3}), &gdkit.SGDSettings{Alpha: 0.1}},
		{"empty", "no rows", gdkit.SquaredLoss{}, src(nil, nil), &gdkit.SGDSettings{Alpha: 0.1}},
		{"no reset", "Reset", gdkit.SquaredLoss{}, src([]float64{1}, []float64{1}), &gdkit.SGDSettings{Alpha: 0.1, Epochs: 2}},
		{"alpha", "α", gdkit.SquaredLoss{}, src([]float64{1}, []float64{1}), &gdkit.SGDSettings{}},
		{"FullE", "FullE", gdkit.SquaredLoss{}, src([]float64{1}, []float64{1}), &gdkit.SGDSettings{Alpha: 0.1, FullE: true}},
	}
	for _, c := range cases {
		_, err := gdkit.Stream(c.loss, 1, c.s, []float64{0, 0}, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: err = %v, want mention of %q", c.name, err, c.msg)
		}
	}
	if _, err := gdkit.Stream(gdkit.SquaredLoss{}, 1, src([]float64{1}, []float64{1}), []float64{0}, &gdkit.SGDSettings{Alpha: 0.1}); !errors.Is(err, gdkit.ErrDimension) {
		t.Errorf("wrong w0 length: %v", err)
	}
	m := linModel(t, 1, 10, []float64{1}, 0, 0)
	for _, opt := range []*gdkit.SGDSettings{nil, {}, {Alpha: 0.1, BatchSize: -1}, {Alpha: math.NaN()}} {
		if _, err := gdkit.SGD(m, []float64{0, 0}, opt); !errors.Is(err, gdkit.ErrBadParam) {
			t.Errorf("SGD %+v: %v", opt, err)
		}
	}
	for name, w0 := range map[string][]float64{"len 3": {0, 0, 0}, "NaN": {0, math.NaN()}} {
		if tr, err := gdkit.SGD(m, w0, &gdkit.SGDSettings{Alpha: 0.1}); tr != nil || err == nil {
			t.Errorf("SGD w0 %s: %v", name, err)
		}
	}
}

// TestSGDDiverges: with α far too large, SGD stops with a DivergenceError and
// keeps the checkpoints so far.
func TestSGDDiverges(t *testing.T) {
	m := linModel(t, 1, 100, []float64{3, -3}, 0, 0)
	tr, err := gdkit.SGD(m, []float64{0, 0, 0}, &gdkit.SGDSettings{Alpha: 50, BatchSize: 10, Epochs: 1000})
	var de *gdkit.DivergenceError
	if !errors.As(err, &de) || tr == nil || tr.Reason != gdkit.NonFinite || tr.Len() < 2 {
		t.Fatalf("err %v, trace %+v", err, tr)
	}
	if !strings.Contains(err.Error(), "smaller α") {
		t.Errorf("message %q", err)
	}
}

// TestStreamMemoryBounded streams 10⁷ generated rows (4 features) through
// mini-batch SGD and checks, with runtime.MemStats, that the heap in use
// never exceeds 100 MB (the rows alone would take 400 MB) and that the run
// allocates almost nothing.
func TestStreamMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("10⁷ rows")
	}
	peak, total, tr := streamPeak(t, 10_000_000)
	t.Logf("streamed %d rows: peak heap in use %.1f MB, allocated %.2f MB", tr.Rows, float64(peak)/1e6, float64(total)/1e6)
	if peak > 100e6 {
		t.Errorf("peak heap %d bytes > 100 MB", peak)
	}
	if total > 10e6 {
		t.Errorf("allocated %d bytes while streaming", total)
	}
	if tr.Rows != 10_000_000 {
		t.Errorf("rows %d", tr.Rows)
	}
	w := tr.Final()
	for j, v := range []float64{1, -2, 0.5, 3, 0.25} {
		if math.Abs(w[j]-v) > 0.01 {
			t.Errorf("w = %v", w)
			break
		}
	}
}

// streamPeak runs the 10⁷-row stream while sampling HeapInuse every 2 ms.
func streamPeak(t testing.TB, n int) (peak, total uint64, tr *gdkit.EpochTrace) {
	src, err := datasets.NewLinearStream(99, n, []float64{1, -2, 0.5, 3}, 0.25, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var max atomic.Uint64
	max.Store(before.HeapInuse)
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > max.Load() {
					max.Store(ms.HeapInuse)
				}
			}
		}
	}()
	tr, err = gdkit.Stream(gdkit.SquaredLoss{}, 4, src, make([]float64, 5), &gdkit.SGDSettings{Alpha: 0.01, BatchSize: 64, LogEvery: 10000})
	close(done)
	<-sampled
	if err != nil {
		t.Fatal(err)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if after.HeapInuse > max.Load() {
		max.Store(after.HeapInuse)
	}
	return max.Load(), after.TotalAlloc - before.TotalAlloc, tr
}

// TestStreamSVM: stochastic hinge-loss descent over a stream of {0,1}-labelled
// rows (0 read as −1) separates two clouds 6σ apart; the same run in memory
// over TwoClassData with the same seed gives the same weights.
func TestStreamSVM(t *testing.T) {
	const n, d = 20000, 2
	src, err := datasets.NewTwoClassStream(13, n, d, 6, 1)
	if err != nil {
		t.Fatal(err)
	}
	opt := &gdkit.SGDSettings{Alpha: 0.01, BatchSize: 1, Epochs: 2}
	tr, err := gdkit.Stream(gdkit.HingeLoss{Lambda: 1e-3}, d, src, make([]float64, 3), opt)
	if err != nil {
		t.Fatal(err)
	}
	x, y, _ := datasets.TwoClassData(gdkit.NewRand(13), n, d, 6, 1)
	m, err := gdkit.NewModel(gdkit.HingeLoss{Lambda: 1e-3}, mustData(t, x, y, n, d))
	if err != nil {
		t.Fatal(err)
	}
	mem, err := gdkit.SGD(m, make([]float64, 3), opt)
	if err != nil {
		t.Fatal(err)
	}
	for j := 0; j < 3; j++ {
		if math.Abs(tr.Final()[j]-mem.Final()[j]) > 1e-12 {
			t.Fatalf("stream %v, in memory %v", tr.Final(), mem.Final())
		}
	}
	correct := 0
	for i := 0; i < n; i++ {
		if (m.Predict(tr.Final(), x[i*d:(i+1)*d]) > 0) == (y[i] == 1) {
			correct++
		}
	}
	if correct < n*99/100 {
		t.Errorf("SVM: %d/%d correct", correct, n)
	}
}

// TestSGDAllocFree: the allocations of an SGD run do not depend on the number
// of epochs (buffers and the trace are sized up front). Every run must
// succeed and do all its updates: a run that stopped early (an error, a
// divergence) would allocate the same for 1 and 20 epochs and prove nothing.
func TestSGDAllocFree(t *testing.T) {
	const n = 500
	m := linModel(t, 1, n, []float64{1, 2, 3, 4}, 0.5, 0.1)
	w0 := make([]float64, 5)
	for _, batch := range []int{0, 1, 50} {
		perEpoch := 1
		if batch > 0 {
			perEpoch = (n + batch - 1) / batch
		}
		allocs := func(epochs int) float64 {
			return testing.AllocsPerRun(3, func() {
				tr, err := gdkit.SGD(m, w0, &gdkit.SGDSettings{Alpha: 0.01, BatchSize: batch, Epochs: epochs, Rand: gdkit.NewRand(1), LogEvery: 7})
				if err != nil {
					t.Fatalf("batch %d, %d epochs: %v", batch, epochs, err)
				}
				if tr.Reason != gdkit.MaxIter || tr.Updates != epochs*perEpoch {
					t.Fatalf("batch %d, %d epochs: %v after %d of %d updates", batch, epochs, tr.Reason, tr.Updates, epochs*perEpoch)
				}
			})
		}
		if a1, a20 := allocs(1), allocs(20); a1 != a20 {
			t.Errorf("batch %d: %v allocations for 1 epoch, %v for 20", batch, a1, a20)
		}
	}
}

// TestStreamCSV: one full-batch update streamed from the slide's CSV text
// equals iteration 1 of the hand computation (α = 0.001, w0 = (0, 0)):
// w = −α·(2/9)(−Σxy, −Σy) = (0.001·2·383.7/9, 0.001·2·36.7/9).
func TestStreamCSV(t *testing.T) {
	csv := "x,y\n2,1\n5,3.2\n7,4.5\n9,6\n10,4\n11,4.5\n13.4,5.5\n14,3\n15,5\n"
	src, err := datasets.NewCSVStream(strings.NewReader(csv), "y", nil)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := gdkit.Stream(gdkit.SquaredLoss{}, src.D(), src, []float64{0, 0}, &gdkit.SGDSettings{Alpha: 0.001, BatchSize: 9})
	if err != nil {
		t.Fatal(err)
	}
	w := tr.Final()
	if tr.Updates != 1 || math.Abs(w[0]-0.001*2*sumXY/nS) > 1e-15 || math.Abs(w[1]-0.001*2*sumY/nS) > 1e-15 {
		t.Errorf("w = %v after %d updates", w, tr.Updates)
	}
	// The epoch loss is E(w0) = Σy²/N.
	if math.Abs(tr.Loss(1)-sumYY/nS) > 1e-12 {
		t.Errorf("loss %v, want %v", tr.Loss(1), sumYY/nS)
	}
}
