package gdplot

import (
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// surfQuad is one projected surface cell.
type surfQuad struct {
	pts   [4]vg.Point
	depth float64
	col   color.Color
}

// drawQuads paints the surface cells far to near.
func (s *Surface) drawQuads(c draw.Canvas, v *surfView) {
	nc, nr := len(s.x), len(s.y)
	cm := s.colorMap(v)
	quads := make([]surfQuad, 0, (nc-1)*(nr-1))
	light := [3]float64{-0.4, -0.5, 0.77}
	for j := 0; j < nr-1; j++ {
		for i := 0; i < nc-1; i++ {
			idx := [4][2]int{{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}}
			var q surfQuad
			var bp [4][3]float64
			ok := true
			zsum := 0.0
			for k, ij := range idx {
				z := s.z[ij[1]*nc+ij[0]]
				if math.IsNaN(z) || math.IsInf(z, 0) {
					ok = false
					break
				}
				x, y := s.x[ij[0]], s.y[ij[1]]
				q.pts[k] = v.pt(x, y, z)
				bp[k] = v.box(x, y, z)
				q.depth += surfDot(bp[k], v.e)
				zsum += z
			}
			if !ok {
				continue
			}
			col := s.colorAt(cm, zsum/4)
			if s.Shade {
				d1 := [3]float64{bp[2][0] - bp[0][0], bp[2][1] - bp[0][1], bp[2][2] - bp[0][2]}
				d2 := [3]float64{bp[3][0] - bp[1][0], bp[3][1] - bp[1][1], bp[3][2] - bp[1][2]}
				n := [3]float64{d1[1]*d2[2] - d1[2]*d2[1], d1[2]*d2[0] - d1[0]*d2[2], d1[0]*d2[1] - d1[1]*d2[0]}
				nn := math.Sqrt(surfDot(n, n))
				f := 1.0
				if nn > 0 {
					ll := math.Sqrt(surfDot(light, light))
					f = 0.7 + 0.3*math.Abs(surfDot(n, light))/(nn*ll)
				}
				col = surfShade(col, f)
			}
			q.col = col
			quads = append(quads, q)
		}
	}
	sort.SliceStable(quads, func(a, b int) bool { return quads[a].depth < quads[b].depth })
	edges := s.EdgeStyle.Width > 0 && s.EdgeStyle.Color != nil
	for _, q := range quads {
		var pa vg.Path
		pa.Move(q.pts[0])
		pa.Line(q.pts[1])
		pa.Line(q.pts[2])
		pa.Line(q.pts[3])
		pa.Close()
		c.SetColor(q.col)
		c.Fill(pa)
		if edges {
			c.SetLineStyle(s.EdgeStyle)
			c.Stroke(pa)
		} else {
			// Hide antialiasing seams between neighbouring quads.
			c.SetLineStyle(draw.LineStyle{Color: q.col, Width: vg.Points(0.3)})
			c.Stroke(pa)
		}
	}
}

// surfShade scales the RGB channels of col by f.
func surfShade(col color.Color, f float64) color.Color {
	r, g, b, a := col.RGBA()
	sc := func(v uint32) uint8 { return uint8(math.Min(255, float64(v>>8)*f)) }
	return color.NRGBA{R: sc(r), G: sc(g), B: sc(b), A: uint8(a >> 8)}
}

// surfVert is a floor polygon vertex: position and interpolated height.
type surfVert struct{ x, y, z float64 }

// surfClip clips the polygon in to lo ≤ z (keepAbove) or z ≤ hi,
// interpolating linearly along edges; dst is reused.
func surfClip(dst, in []surfVert, level float64, keepAbove bool) []surfVert {
	dst = dst[:0]
	inside := func(p surfVert) bool {
		if keepAbove {
			return p.z >= level
		}
		return p.z <= level
	}
	for i, cur := range in {
		prev := in[(i+len(in)-1)%len(in)]
		ci, pi := inside(cur), inside(prev)
		if ci != pi {
			t := (level - prev.z) / (cur.z - prev.z)
			dst = append(dst, surfVert{prev.x + t*(cur.x-prev.x), prev.y + t*(cur.y-prev.y), level})
		}
		if ci {
			dst = append(dst, cur)
		}
	}
	return dst
}
