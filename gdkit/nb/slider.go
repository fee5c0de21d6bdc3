package nb

import (
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"os/signal"
	"sync"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/comms"
	"github.com/janpfeifer/gonb/gonbui/dom"
	"github.com/janpfeifer/gonb/gonbui/protocol"
	"github.com/janpfeifer/gonb/gonbui/widgets"

	"gdkit.dev/gdkit/gdplot"
)

// headlessEnv is the environment variable that marks a run without a
// browser front-end (cmd/nbcheck sets it to 1 for the kernel). Widgets
// wait for the browser to answer, so they are skipped when it is set.
const headlessEnv = "GDKIT_HEADLESS"

// headless reports whether interactive widgets must be skipped: the
// program does not run under GoNB, or headlessEnv is set to a non-empty
// value other than "0".
func headless() bool {
	if !gonbui.IsNotebook {
		return true
	}
	v := os.Getenv(headlessEnv)
	return v != "" && v != "0"
}

// Slider describes an interactive exploration: a slider over the values
// Values (shown as "Label = value" with Format), starting at Values[Start],
// and Draw, which builds the figure for one value.
type Slider struct {
	Label  string                                  // e.g. "α"
	Values []float64                               // the positions of the slider, in order (e.g. log-spaced α)
	Start  int                                     // index of the initial value
	Format string                                  // fmt verb for the value; "" means "%g"
	Draw   func(v float64) (*gdplot.Figure, error) // the figure for one value

	// Idle ends the exploration after this long without a change; 0 means
	// 10 minutes. The "Listo" button ends it at once.
	Idle time.Duration
	// Wait bounds how long to wait for the browser to create the widgets;
	// 0 means 10 s. Without an answer the exploration is skipped as in a
	// headless run.
	Wait time.Duration
}

// errSlider is returned for a Slider without values, with Start out of
// range or without Draw. It is a bad parameter: once package gdkit has its
// shared ErrBadParam, errSlider wraps it.
var errSlider = errors.New("nb: slider needs Values, a Start index in range and Draw")

// headlessNote is printed (to noteWriter, stdout by default) instead of
// the slider when there is no browser.
const headlessNote = "Ejecución sin navegador: el deslizador interactivo se omite. " +
	"Abrí el notebook en Jupyter (make run) para mover %s; abajo, la figura para %s = %s."

// noteWriter is where Explore writes headlessNote; nil means os.Stdout.
var noteWriter io.Writer

// Explore shows s.Draw(Values[Start]) with a slider under it; moving the
// slider redraws the figure in place (one display, updated), until the
// "Listo" button is pressed or s.Idle passes without a change; then the
// widgets are removed and the last figure stays in the notebook. They are
// removed too when s.Draw fails (Explore returns its error) and when the
// kernel is interrupted (the program then ends by the interrupt, as GoNB
// expects).
//
// Without a browser it prints a note in Spanish ("Ejecución sin navegador:
// el deslizador interactivo se omite. ...") and shows the initial figure
// once, without waiting: notebooks executed by `make test` never block on
// it. There is no browser when the program runs outside GoNB, or when the
// environment variable GDKIT_HEADLESS is set to a value other than "" and
// "0" (cmd/nbcheck sets it for the kernel). If the browser does not create
// the widgets within s.Wait (asked twice: GoNB's connection to the page may
// drop on a busy machine and is then rebuilt), it prints a note saying so
// and returns with the initial figure shown.
//
// A Slider without Values, with Start out of range or without Draw is an
// error.
func Explore(s Slider) error {
	if len(s.Values) == 0 || s.Start < 0 || s.Start >= len(s.Values) || s.Draw == nil {
		return errSlider
	}
	if s.Format == "" {
		s.Format = "%g"
	}
	if headless() {
		return exploreHeadless(s)
	}
	return exploreLive(s)
}

func exploreHeadless(s Slider) error {
	v := s.Values[s.Start]
	fmt.Fprintf(noteOut(), headlessNote+"\n", s.Label, s.Label, fmt.Sprintf(s.Format, v))
	fig, err := s.Draw(v)
	if err != nil {
		return err
	}
	return Show(fig)
}

// retries is how many times exploreLive asks the browser for the widgets.
// GoNB's front-end gives the kernel 500 ms to acknowledge its connection
// and drops it otherwise (seen on a loaded machine); asking again makes the
// kernel install a fresh one.
const retries = 2

// noAnswerNote is printed when the browser did not create the widgets.
const noAnswerNote = "El navegador no respondió: el deslizador se omite (volvé a ejecutar la celda para reintentar); " +
	"arriba, la figura para %s.\n"

// frontEnd is what a live exploration needs from the notebook; gonbFront
// talks to GoNB, tests use a fake.
type frontEnd interface {
	// show displays d, replacing what an earlier show displayed.
	show(d *protocol.DisplayData)
	// widgets creates the slider (at index start of [0, n)), a label with
	// text and the "Listo" button; ok is false if the browser did not
	// answer within wait (then nothing is left on the page).
	widgets(n, start int, text string, wait time.Duration) (moves, clicks <-chan int, ok bool)
	// setLabel changes the label's text.
	setLabel(text string)
	// remove takes the widgets off the page and stops listening to them.
	remove()
	// sync waits (boundedly) until GoNB has handled everything sent.
	sync()
}

// errInterrupted ends a live exploration stopped by the kernel's
// interrupt (os.Interrupt).
var errInterrupted = errors.New("nb: exploration interrupted")

func exploreLive(s Slider) error {
	intr := make(chan os.Signal, 1)
	signal.Notify(intr, os.Interrupt)
	defer signal.Stop(intr)
	err := explore(s, &gonbFront{displayID: gonbui.UniqueId()}, intr)
	if err == errInterrupted {
		// The widgets are gone: die of the interrupt as GoNB expects.
		signal.Stop(intr)
		if p, perr := os.FindProcess(os.Getpid()); perr == nil && p.Signal(os.Interrupt) == nil {
			time.Sleep(5 * time.Second)
		}
	}
	return err
}

// explore runs a live exploration on f until "Listo", s.Idle without a
// change, an error of s.Draw or an interrupt on intr. On every way out the
// widgets are removed and the last figure drawn stays.
func explore(s Slider, f frontEnd, intr <-chan os.Signal) error {
	idle, wait := s.Idle, s.Wait
	if idle <= 0 {
		idle = 10 * time.Minute
	}
	if wait <= 0 {
		wait = 10 * time.Second
	}
	cur := s.Start
	draw := func(i int) error {
		fig, err := s.Draw(s.Values[i])
		if err != nil {
			return err
		}
		d, err := displayData(fig)
		if err != nil {
			return err
		}
		f.show(d)
		return nil
	}
	if err := draw(cur); err != nil {
		return err
	}
	type answer struct {
		moves, clicks <-chan int
		ok            bool
	}
	var w answer
	for try := 0; try < retries; try++ {
		built := make(chan answer, 1)
		go func() {
			var a answer
			a.moves, a.clicks, a.ok = f.widgets(len(s.Values), cur, valueText(s, cur), wait)
			built <- a
		}()
		select {
		case w = <-built:
		case <-intr:
			f.remove()
			f.sync()
			return errInterrupted
		}
		if w.ok {
			break
		}
		if try == retries-1 {
			fmt.Fprintf(noteOut(), noAnswerNote, valueText(s, cur))
			f.sync()
			return nil
		}
	}
	defer f.sync()
	defer f.remove()
	timer := time.NewTimer(idle)
	defer timer.Stop()
	for {
		select {
		case <-w.clicks:
			return nil
		case <-timer.C:
			return nil
		case <-intr:
			return errInterrupted
		case i := <-w.moves:
			if !timer.Stop() {
				<-timer.C
			}
			timer.Reset(idle)
			if i < 0 || i >= len(s.Values) || i == cur {
				continue
			}
			cur = i
			f.setLabel(valueText(s, cur))
			if err := draw(cur); err != nil {
				return err
			}
		}
	}
}

// gonbFront is the frontEnd of a GoNB kernel with a browser: GoNB's
// slider and button in a transient div under the figure.
type gonbFront struct {
	displayID string

	mu             sync.Mutex // guards the fields below (remove may run while widgets waits)
	divID, labelID string
	moves, clicks  *comms.AddressChan[int]
}

func (g *gonbFront) show(d *protocol.DisplayData) {
	d.DisplayID = g.displayID
	gonbui.SendData(d)
}

func (g *gonbFront) widgets(n, start int, text string, wait time.Duration) (moves, clicks <-chan int, ok bool) {
	divID := dom.CreateTransientDiv()
	labelID := "gdkit_slider_label_" + gonbui.UniqueId()
	g.mu.Lock()
	g.divID, g.labelID = divID, labelID
	g.mu.Unlock()
	// The widgets' Done waits for the browser's first message: run it
	// aside and give up after wait.
	type built struct {
		slider *widgets.SliderBuilder
		button *widgets.ButtonBuilder
	}
	ready := make(chan built, 1)
	go func() {
		sl := widgets.Slider(0, n-1, start).AppendTo(divID).Done()
		dom.Append(divID, fmt.Sprintf(`&nbsp;<span id=%q style="font-family: monospace">%s</span>&nbsp;`,
			labelID, html.EscapeString(text)))
		bt := widgets.Button("Listo").AppendTo(divID).Done()
		ready <- built{sl, bt}
	}()
	select {
	case w := <-ready:
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.divID != divID {
			return nil, nil, false // removed meanwhile
		}
		g.moves = w.slider.Listen().LatestOnly()
		g.clicks = w.button.Listen()
		return g.moves.C, g.clicks.C, true
	case <-time.After(wait):
		g.remove()
		return nil, nil, false
	}
}

func (g *gonbFront) setLabel(text string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	dom.SetInnerText(g.labelID, text)
}

func (g *gonbFront) remove() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.divID != "" {
		dom.Remove(g.divID)
	}
	if g.moves != nil {
		g.moves.Close()
		g.clicks.Close()
	}
	g.divID, g.moves, g.clicks = "", nil, nil
}

func (g *gonbFront) sync() { flush() }

func noteOut() io.Writer {
	if noteWriter == nil {
		return os.Stdout
	}
	return noteWriter
}

func valueText(s Slider, i int) string {
	return s.Label + " = " + fmt.Sprintf(s.Format, s.Values[i])
}
