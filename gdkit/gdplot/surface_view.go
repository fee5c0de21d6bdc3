package gdplot

import (
	"math"

	"gonum.org/v1/plot/vg"
)

// surfView is the projection of a Surface onto the canvas.
type surfView struct {
	x0, x1, y0, y1, z0, z1 float64 // data box
	c0, c1                 float64 // heights spanned by the colour map
	a                      [3]float64
	r, u, e                [3]float64
	k                      float64 // canvas units per box unit
	ox, oy                 vg.Length
}

// box maps data coordinates into the centred box.
func (v *surfView) box(x, y, z float64) [3]float64 {
	return [3]float64{
		((x-v.x0)/(v.x1-v.x0) - 0.5) * v.a[0],
		((y-v.y0)/(v.y1-v.y0) - 0.5) * v.a[1],
		((z-v.z0)/(v.z1-v.z0) - 0.5) * v.a[2],
	}
}

func surfDot(a, b [3]float64) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }

// pt projects data coordinates to the canvas.
func (v *surfView) pt(x, y, z float64) vg.Point {
	p := v.box(x, y, z)
	return vg.Point{X: v.ox + vg.Length(v.k*surfDot(p, v.r)), Y: v.oy + vg.Length(v.k*surfDot(p, v.u))}
}

// dir projects a data-space direction (in box units) to a unit canvas direction.
func (v *surfView) dir(d [3]float64) (float64, float64) {
	x, y := surfDot(d, v.r), surfDot(d, v.u)
	h := math.Hypot(x, y)
	if h == 0 {
		return 0, -1
	}
	return x / h, y / h
}

// depth returns the distance towards the viewer of a data point.
func (v *surfView) depth(x, y, z float64) float64 { return surfDot(v.box(x, y, z), v.e) }

// view builds the projection for the current angles, with unit scale.
func (s *Surface) view(zlo, zhi float64) *surfView {
	a := s.BoxAspect
	if !(a[0] > 0 && a[1] > 0 && a[2] > 0) {
		a = [3]float64{1, 1, 0.75}
	}
	az, el := s.Azimuth*math.Pi/180, s.Elevation*math.Pi/180
	if math.IsNaN(az) || math.IsInf(az, 0) {
		az = -math.Pi / 3
	}
	if math.IsNaN(el) || math.IsInf(el, 0) {
		el = math.Pi / 6
	}
	sa, ca := math.Sincos(az)
	se, ce := math.Sincos(el)
	return &surfView{
		x0: s.x[0], x1: s.x[len(s.x)-1],
		y0: s.y[0], y1: s.y[len(s.y)-1],
		z0: zlo, z1: zhi,
		a: a,
		r: [3]float64{-sa, ca, 0},
		u: [3]float64{-se * ca, -se * sa, ce},
		e: [3]float64{ce * ca, ce * sa, se},
		k: 1,
	}
}

// corner returns the data coordinates of a box corner (bits: x, y, z high).
func (v *surfView) corner(i int) [3]float64 {
	c := [3]float64{v.x0, v.y0, v.z0}
	if i&1 != 0 {
		c[0] = v.x1
	}
	if i&2 != 0 {
		c[1] = v.y1
	}
	if i&4 != 0 {
		c[2] = v.z1
	}
	return c
}

// boxExtent returns the projected extent of the box at unit scale.
func (s *Surface) boxExtent(v *surfView) (umin, umax, vmin, vmax float64) {
	umin, vmin = math.Inf(1), math.Inf(1)
	umax, vmax = math.Inf(-1), math.Inf(-1)
	for i := range 8 {
		c := v.corner(i)
		p := v.box(c[0], c[1], c[2])
		u, w := surfDot(p, v.r), surfDot(p, v.u)
		umin, umax = math.Min(umin, u), math.Max(umax, u)
		vmin, vmax = math.Min(vmin, w), math.Max(vmax, w)
	}
	return
}
