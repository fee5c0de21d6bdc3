package gdkit

import (
	"fmt"
	"strings"
	"text/tabwriter"
)

// Spanish renders the check like String, in the course's Spanish and
// notation: one line per partial derivative δE/δw_i with the hand-written
// ("a mano"), numeric and (if given) exact values, the absolute difference,
// its limit Tol·max(1, |numérica|) + round-off, the relative difference and
// ✓ or "✗ <--"; then the verdict naming the wrong partials.
func (c *GradCheck) Spanish() string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	h := []string{"parcial", "a mano", "numérica"}
	if c.HasExact {
		h = append(h, "exacta")
	}
	h = append(h, "dif. abs.", "límite", "dif. rel.", "")
	fmt.Fprintln(tw, strings.Join(h, "\t"))
	for _, r := range c.Rows {
		row := []string{fmt.Sprintf("δE/δw%d", r.Index+1), fmt.Sprintf("%.10g", r.Analytic), fmt.Sprintf("%.10g", r.Numeric)}
		if c.HasExact {
			row = append(row, fmt.Sprintf("%.10g", r.Exact))
		}
		ok := "✓"
		if !r.OK {
			ok = "✗"
		}
		row = append(row, fmt.Sprintf("%.2e", r.AbsErr), fmt.Sprintf("%.2e", r.Limit), fmt.Sprintf("%.2e", r.RelErr), "  "+ok)
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
	tol := fmt.Sprintf("tolerancia %.0e·max(1, |numérica|) + redondeo", c.Tol)
	if c.OK {
		fmt.Fprintf(&b, "OK: las %d derivadas parciales coinciden (%s)\n", len(c.Rows), tol)
		return b.String()
	}
	var bad []string
	for _, i := range c.Failed() {
		bad = append(bad, fmt.Sprintf("δE/δw%d", i+1))
	}
	fmt.Fprintf(&b, "MAL: no coincide %s (%s)\n", strings.Join(bad, ", "), tol)
	return b.String()
}
