package gdkit

import (
	"strings"
	"testing"
)

func TestGradCheckSpanish(t *testing.T) {
	E := func(w []float64) float64 { return w[0]*w[0] + 2*w[1]*w[1] }
	good := func(g, w []float64) { g[0], g[1] = 2*w[0], 4*w[1] }
	bad := func(g, w []float64) { g[0], g[1] = 2*w[0], 2*w[1] } // δE/δw2 forgets the 2
	cases := []struct {
		name  string
		grad  func(g, w []float64)
		want  []string
		avoid []string
	}{
		{"right", good, []string{"parcial", "δE/δw1", "δE/δw2", "OK: las 2 derivadas parciales coinciden"}, []string{"✗", "MAL"}},
		{"wrong w2", bad, []string{"MAL: no coincide δE/δw2 (", "✗"}, []string{"OK:", "δE/δw1 ("}},
	}
	for _, c := range cases {
		rep, err := CheckGrad(E, c.grad, []float64{1, -2}, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		s := rep.Spanish()
		for _, w := range c.want {
			if !strings.Contains(s, w) {
				t.Errorf("%s: Spanish() lacks %q:\n%s", c.name, w, s)
			}
		}
		for _, w := range c.avoid {
			if strings.Contains(s, w) {
				t.Errorf("%s: Spanish() has %q:\n%s", c.name, w, s)
			}
		}
		if n := strings.Count(s, "\n"); n != 4 {
			t.Errorf("%s: %d lines, want header + 2 rows + verdict:\n%s", c.name, n, s)
		}
	}
}
