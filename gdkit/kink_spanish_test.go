package gdkit

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestKinkErrorSpanish(t *testing.T) {
	_, err := Derivative(math.Abs, 0)
	var k *KinkError
	if !errors.As(err, &k) {
		t.Fatalf("Derivative(|x|, 0) error = %v, want a *KinkError", err)
	}
	got := k.Spanish()
	for _, want := range []string{"x = 0", "izquierda (-1)", "derecha (1)"} {
		if !strings.Contains(got, want) {
			t.Errorf("Spanish() = %q, missing %q", got, want)
		}
	}
}
