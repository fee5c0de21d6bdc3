package nb

import (
	"fmt"
	"html"
	"strings"
	"sync"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
)

// Progress is a group of progress bars, one line per task, shown in one
// notebook output that is updated in place while a long cell runs:
//
//	por lotes        █████ época 5/5  0.12 s
//	mini-lotes (64)  ██··· época 2/5  0.31 s
//	estocástico (1)  ····· esperando
//
// The saved notebook keeps the last state. Outside GoNB nothing is shown
// (String gives the text). A Progress is safe for concurrent use.
type Progress struct {
	mu    sync.Mutex
	total int
	names []string
	done  []int
	notes []string
	id    string
}

// NewProgress returns bars of total steps for the named tasks, all
// "esperando", and shows them. total < 1 counts as 1.
func NewProgress(total int, names ...string) *Progress {
	p := &Progress{total: max(total, 1), names: names,
		done: make([]int, len(names)), notes: make([]string, len(names))}
	for i := range p.notes {
		p.notes[i] = "esperando"
	}
	if gonbui.IsNotebook {
		p.id = gonbui.UniqueId()
		p.show()
	}
	return p
}

// Set moves bar i to done steps (clamped to [0, total]) with a note after
// the bar, and updates the output. An i out of range is ignored.
func (p *Progress) Set(i, done int, note string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if i < 0 || i >= len(p.names) {
		return
	}
	p.done[i], p.notes[i] = min(max(done, 0), p.total), note
	if p.id != "" {
		p.show()
	}
}

// Epochs returns a callback for gdkit.SGDSettings.Callback that moves bar
// i to the epoch just finished, with the note "época e/total  1.23 s"
// (time since Epochs was called), and lets the run go on.
func (p *Progress) Epochs(i int) func(epoch int, w []float64, loss float64) bool {
	start := time.Now()
	return func(epoch int, _ []float64, _ float64) bool {
		p.Set(i, epoch, fmt.Sprintf("época %d/%d  %.2f s", epoch, p.total, time.Since(start).Seconds()))
		return true
	}
}

// String renders the bars as text, one line per task.
func (p *Progress) String() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.text()
}

func (p *Progress) text() string {
	w := 0
	for _, n := range p.names {
		w = max(w, len([]rune(n)))
	}
	var b strings.Builder
	for i, n := range p.names {
		pad := strings.Repeat(" ", w-len([]rune(n)))
		bar := strings.Repeat("█", p.done[i]) + strings.Repeat("·", p.total-p.done[i])
		fmt.Fprintf(&b, "%s%s  %s %s\n", n, pad, bar, p.notes[i])
	}
	return b.String()
}

// show sends the current state under the display id (p.mu held).
func (p *Progress) show() {
	gonbui.UpdateHTML(p.id, "<pre>"+html.EscapeString(p.text())+"</pre>")
}
