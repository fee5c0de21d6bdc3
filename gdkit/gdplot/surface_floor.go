package gdplot

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// FloorLevels returns the contour levels used for the floor: Levels
// (sorted, finite, distinct) when set, otherwise round levels
// l₀ < … < lₙ with l₀ ≤ min z and lₙ ≥ max z and about 8 bands.
func (s *Surface) FloorLevels() []float64 {
	lo, hi, ok := s.zRange()
	if !ok {
		return nil
	}
	if s.Levels != nil {
		return finiteSorted(s.Levels)
	}
	return surfNiceLevels(lo, hi, 8)
}

// surfNiceLevels returns levels k·step covering [lo, hi] with step a round
// number (1, 2, 2.5 or 5 × 10ⁿ) giving about n bands.
func surfNiceLevels(lo, hi float64, n int) []float64 {
	raw := (hi - lo) / float64(n)
	if !(raw > 0) || math.IsInf(raw, 0) {
		return []float64{lo, hi}
	}
	step := niceStep(raw)
	if !(step > 0) || math.IsInf(step, 0) || math.Abs(lo/step) > 1e12 {
		return []float64{lo, hi}
	}
	k0 := math.Floor(lo/step + 1e-9)
	var lv []float64
	for k := 0; k < 4*n; k++ {
		v := cleanFloat((k0 + float64(k)) * step) // 0.6, not 0.6000000000000001
		if len(lv) > 0 && v <= lv[len(lv)-1] {
			break
		}
		lv = append(lv, v)
		if v >= hi-1e-9*step {
			break
		}
	}
	return lv
}

// niceStep returns the smallest round step (1, 2, 2.5, 5 or 10 × 10ⁿ) not
// below raw (within 0.1 %).
func niceStep(raw float64) float64 {
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range tickMantissas {
		if m*mag >= raw*0.999 {
			return m * mag
		}
	}
	return 10 * mag
}

// drawFloor draws the filled contours of z on the floor of the box, the
// plane z = FloorZ or the lowest height (see boxZ); on its top when the
// box is seen from below. Each grid cell is split into two triangles, and each triangle is
// clipped to every band [lₖ, lₖ₊₁] of the levels, so the bands are the
// exact regions of the piecewise-linear interpolant.
func (s *Surface) drawFloor(c draw.Canvas, v *surfView) {
	if !s.Floor {
		return
	}
	lv := s.FloorLevels()
	if len(lv) < 2 {
		return
	}
	nc, nr := len(s.x), len(s.y)
	cm := s.colorMap(v)
	cols := make([]color.Color, len(lv)-1)
	for k := range cols {
		cols[k] = s.colorAt(cm, (lv[k]+lv[k+1])/2)
	}
	zf := v.z0
	if v.e[2] < 0 {
		zf = v.z1
	}
	var a, b []surfVert
	tri := make([]surfVert, 3)
	seam := draw.LineStyle{Width: vg.Points(0.35)}
	fill := func(poly []surfVert, col color.Color) {
		var pa vg.Path
		for i, p := range poly {
			q := v.pt(p.x, p.y, zf)
			if i == 0 {
				pa.Move(q)
			} else {
				pa.Line(q)
			}
		}
		pa.Close()
		c.SetColor(col)
		c.Fill(pa)
		seam.Color = col
		c.SetLineStyle(seam)
		c.Stroke(pa)
	}
	vert := func(i, j int) (surfVert, bool) {
		z := s.z[j*nc+i]
		return surfVert{s.x[i], s.y[j], z}, !math.IsNaN(z) && !math.IsInf(z, 0)
	}
	for j := 0; j < nr-1; j++ {
		for i := 0; i < nc-1; i++ {
			p00, ok0 := vert(i, j)
			p10, ok1 := vert(i+1, j)
			p11, ok2 := vert(i+1, j+1)
			p01, ok3 := vert(i, j+1)
			for _, t := range [2][3]struct {
				p  surfVert
				ok bool
			}{{{p00, ok0}, {p10, ok1}, {p11, ok2}}, {{p00, ok0}, {p11, ok2}, {p01, ok3}}} {
				if !t[0].ok || !t[1].ok || !t[2].ok {
					continue
				}
				tri = tri[:3]
				tri[0], tri[1], tri[2] = t[0].p, t[1].p, t[2].p
				tlo := math.Min(tri[0].z, math.Min(tri[1].z, tri[2].z))
				thi := math.Max(tri[0].z, math.Max(tri[1].z, tri[2].z))
				for k := range cols {
					lo, hi := lv[k], lv[k+1]
					if k == 0 {
						lo = math.Inf(-1)
					}
					if k == len(cols)-1 {
						hi = math.Inf(1)
					}
					if thi < lo || tlo > hi {
						continue
					}
					if tlo >= lo && thi <= hi {
						fill(tri, cols[k])
						continue
					}
					a = surfClip(a, tri, lo, true)
					if len(a) < 3 {
						continue
					}
					b = surfClip(b, a, hi, false)
					if len(b) < 3 {
						continue
					}
					fill(b, cols[k])
				}
			}
		}
	}
	if s.FloorLines.Width > 0 && s.FloorLines.Color != nil {
		s.drawFloorLines(c, v, lv, zf)
	}
}

// drawFloorLines strokes the level lines on the floor (linear
// interpolation on the same triangles as the bands).
func (s *Surface) drawFloorLines(c draw.Canvas, v *surfView, lv []float64, zf float64) {
	nc, nr := len(s.x), len(s.y)
	for j := 0; j < nr-1; j++ {
		for i := 0; i < nc-1; i++ {
			id := [2][3][2]int{{{i, j}, {i + 1, j}, {i + 1, j + 1}}, {{i, j}, {i + 1, j + 1}, {i, j + 1}}}
			for _, t := range id {
				var p [3]surfVert
				ok := true
				for k, ij := range t {
					z := s.z[ij[1]*nc+ij[0]]
					if math.IsNaN(z) || math.IsInf(z, 0) {
						ok = false
					}
					p[k] = surfVert{s.x[ij[0]], s.y[ij[1]], z}
				}
				if !ok {
					continue
				}
				for _, l := range lv {
					var seg []vg.Point
					for k := range 3 {
						a, b := p[k], p[(k+1)%3]
						if (a.z < l) != (b.z < l) {
							t := (l - a.z) / (b.z - a.z)
							seg = append(seg, v.pt(a.x+t*(b.x-a.x), a.y+t*(b.y-a.y), zf))
						}
					}
					if len(seg) == 2 {
						c.StrokeLine2(s.FloorLines, seg[0].X, seg[0].Y, seg[1].X, seg[1].Y)
					}
				}
			}
		}
	}
}
