package nb

import (
	"testing"
	"time"
)

// TestWaitAtMost: flush's bounded wait returns true when the wait ends in
// time and false, without hanging, when it does not.
func TestWaitAtMost(t *testing.T) {
	if !waitAtMost(time.Second, func() {}) {
		t.Error("a function that returns at once: want true")
	}
	block := make(chan struct{})
	defer close(block)
	if waitAtMost(20*time.Millisecond, func() { <-block }) {
		t.Error("a function that blocks: want false")
	}
	// Outside GoNB flush returns without waiting.
	flush()
}
