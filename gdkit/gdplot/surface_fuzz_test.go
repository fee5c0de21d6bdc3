package gdplot

import (
	"encoding/binary"
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// fuzzGrid decodes a small grid from data: dims from the first two bytes,
// then float64 values (any bit pattern, NaN and Inf included).
func fuzzGrid(data []byte) (x, y, a, b []float64) {
	if len(data) < 2 {
		return nil, nil, nil, nil
	}
	nx, ny := 1+int(data[0]%6), 1+int(data[1]%6)
	data = data[2:]
	next := func() float64 {
		if len(data) < 8 {
			return 0
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(data))
		data = data[8:]
		return v
	}
	x, y = make([]float64, nx), make([]float64, ny)
	for i := range x {
		x[i] = float64(i)
	}
	for i := range y {
		y[i] = float64(i) * 0.5
	}
	a, b = make([]float64, nx*ny), make([]float64, nx*ny)
	for i := range a {
		a[i], b[i] = next(), next()
	}
	return x, y, a, b
}

// finiteActions reports whether every recorded fill and stroke has finite points.
func finiteActions(rec *recorder.Canvas) bool {
	for _, a := range rec.Actions {
		var p vg.Path
		switch a := a.(type) {
		case *recorder.Fill:
			p = a.Path
		case *recorder.Stroke:
			p = a.Path
		default:
			continue
		}
		for _, c := range p {
			if !quiverFinite(c.Pos) {
				return false
			}
			for _, q := range c.Control {
				if !quiverFinite(q) {
					return false
				}
			}
		}
	}
	return true
}

func fuzzSeeds(f *testing.F) {
	f.Add([]byte{3, 3})
	seed := []byte{4, 2}
	for _, v := range []float64{1, 2, math.NaN(), 0, math.Inf(1), -3, 1e300, -1e300, 5e-324, 0, 7, 8, 9, 10, 11, 12} {
		seed = binary.LittleEndian.AppendUint64(seed, math.Float64bits(v))
	}
	f.Add(seed)
}

func FuzzSurfaceRender(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		x, y, z, _ := fuzzGrid(data)
		s, err := NewSurface(grid(x, y, z))
		if err != nil {
			return
		}
		s.FloorLines = draw.LineStyle{Color: s.AxisStyle.Color, Width: 1}
		if len(data) > 2 {
			s.Azimuth, s.Elevation = float64(data[2])*3, float64(int(data[len(data)-1])-128)
		}
		var rec recorder.Canvas
		s.NewPlot("").Draw(draw.NewCanvas(&rec, 4*vg.Inch, 3*vg.Inch))
		if !finiteActions(&rec) {
			t.Fatal("non-finite coordinates drawn")
		}
	})
}

func FuzzQuiverRender(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		x, y, u, v := fuzzGrid(data)
		q, err := NewQuiver(grid(x, y, u), grid(x, y, v))
		if err != nil {
			return
		}
		q.ColorMap = surfaceViridis()
		p := plot.New()
		p.Add(q)
		var rec recorder.Canvas
		p.Draw(draw.NewCanvas(&rec, 4*vg.Inch, 3*vg.Inch))
		if !finiteActions(&rec) {
			t.Fatal("non-finite coordinates drawn")
		}
	})
}
