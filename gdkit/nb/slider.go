package nb

import (
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/comms"
	"github.com/janpfeifer/gonb/gonbui/dom"
	"github.com/janpfeifer/gonb/gonbui/protocol"
	"github.com/janpfeifer/gonb/gonbui/widgets"

	"gdkit.dev/gdkit"
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

// Param is one slider of an exploration over several parameters
// (ExploreSliders): its values, in order, shown as "Label = value" with
// Format ("" means "%g"), starting at Values[Start].
type Param struct {
	Label  string
	Values []float64
	Start  int
	Format string
}

// Sliders describes an exploration over several parameters, one slider
// each (such as α and β of momentum): Draw builds the figure for one value
// of every parameter, v[i] for Params[i]. Idle and Wait are as in Slider.
type Sliders struct {
	Params []Param
	Draw   func(v []float64) (*gdplot.Figure, error)
	Idle   time.Duration
	Wait   time.Duration
}

// errSlider is returned for a slider without values, with Start out of
// range, or without Draw.
var errSlider = fmt.Errorf("nb: a slider needs Values, a Start index in range and Draw: %w", gdkit.ErrBadParam)

// headlessNote is printed (to noteWriter, stdout by default) instead of
// the sliders when there is no browser: the labels ("α", "α y β") and the
// values of the figure shown ("α = 0.3", "α = 0.3, β = 0.9").
const headlessNote = "Ejecución sin navegador: el deslizador interactivo se omite. " +
	"Abrí el notebook en Jupyter (make run) para mover %s; abajo, la figura para %s."

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
// error wrapping gdkit.ErrBadParam.
func Explore(s Slider) error {
	if s.Draw == nil {
		return errSlider
	}
	return ExploreSliders(s.sliders())
}

// sliders returns s as an exploration over one parameter.
func (s Slider) sliders() Sliders {
	return Sliders{
		Params: []Param{{Label: s.Label, Values: s.Values, Start: s.Start, Format: s.Format}},
		Draw:   func(v []float64) (*gdplot.Figure, error) { return s.Draw(v[0]) },
		Idle:   s.Idle,
		Wait:   s.Wait,
	}
}

// ExploreSliders is Explore with one slider per parameter, each labelled
// with its value, and the "Listo" button after them: moving any slider
// redraws s.Draw(v) in place, with v[i] the value of Params[i]. Without a
// browser it prints the same note as Explore, naming every parameter, and
// shows the figure for the starting values once:
//
//	nb.ExploreSliders(nb.Sliders{
//		Params: []nb.Param{{Label: "α", Values: alphas, Start: 2}, {Label: "β", Values: betas, Start: 3}},
//		Draw:   func(v []float64) (*gdplot.Figure, error) { return momentumFigure(v[0], v[1]) },
//	})
//
// No Params, a Param without Values or with Start out of range, or no Draw
// is an error wrapping gdkit.ErrBadParam.
func ExploreSliders(s Sliders) error {
	s, err := s.check()
	if err != nil {
		return err
	}
	if headless() {
		return exploreHeadless(s)
	}
	return exploreLive(s)
}

// check validates s and returns a copy with the default Format set.
func (s Sliders) check() (Sliders, error) {
	if len(s.Params) == 0 || s.Draw == nil {
		return s, errSlider
	}
	s.Params = append([]Param(nil), s.Params...)
	for i, p := range s.Params {
		if len(p.Values) == 0 || p.Start < 0 || p.Start >= len(p.Values) {
			return s, errSlider
		}
		if p.Format == "" {
			s.Params[i].Format = "%g"
		}
	}
	return s, nil
}

func exploreHeadless(s Sliders) error {
	cur := make([]int, len(s.Params))
	labels := make([]string, len(s.Params))
	for i, p := range s.Params {
		cur[i], labels[i] = p.Start, p.Label
	}
	fmt.Fprintf(noteOut(), headlessNote+"\n", spanishList(labels), strings.Join(valueTexts(s, cur), ", "))
	fig, err := s.Draw(values(s, cur))
	if err != nil {
		return err
	}
	return Show(fig)
}

// spanishList joins "α", "β", "γ" as "α, β y γ".
func spanishList(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " y " + xs[len(xs)-1]
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
	// widgets creates one slider per spec (at index start of [0, n)), each
	// followed by a label with its text, and the "Listo" button; ok is
	// false if the browser did not answer within wait (then nothing is
	// left on the page).
	widgets(specs []sliderSpec, wait time.Duration) (moves <-chan move, clicks <-chan int, ok bool)
	// setLabel changes the text of slider i's label.
	setLabel(i int, text string)
	// remove takes the widgets off the page and stops listening to them.
	remove()
	// sync waits (boundedly) until GoNB has handled everything sent.
	sync()
}

// sliderSpec is one slider to create: n positions, starting at start,
// labelled text.
type sliderSpec struct {
	n, start int
	text     string
}

// move is slider param moved to position index.
type move struct{ param, index int }

// errInterrupted ends a live exploration stopped by the kernel's
// interrupt (os.Interrupt).
var errInterrupted = errors.New("nb: exploration interrupted")

func exploreLive(s Sliders) error {
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
func explore(s Sliders, f frontEnd, intr <-chan os.Signal) error {
	idle, wait := s.Idle, s.Wait
	if idle <= 0 {
		idle = 10 * time.Minute
	}
	if wait <= 0 {
		wait = 10 * time.Second
	}
	cur := make([]int, len(s.Params))
	specs := make([]sliderSpec, len(s.Params))
	for i, p := range s.Params {
		cur[i] = p.Start
	}
	for i, t := range valueTexts(s, cur) {
		specs[i] = sliderSpec{n: len(s.Params[i].Values), start: cur[i], text: t}
	}
	draw := func() error {
		fig, err := s.Draw(values(s, cur))
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
	if err := draw(); err != nil {
		return err
	}
	type answer struct {
		moves  <-chan move
		clicks <-chan int
		ok     bool
	}
	var w answer
	for try := 0; try < retries; try++ {
		built := make(chan answer, 1)
		go func() {
			var a answer
			a.moves, a.clicks, a.ok = f.widgets(specs, wait)
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
			fmt.Fprintf(noteOut(), noAnswerNote, strings.Join(valueTexts(s, cur), ", "))
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
		case m := <-w.moves:
			if !timer.Stop() {
				<-timer.C
			}
			timer.Reset(idle)
			if m.param < 0 || m.param >= len(cur) || m.index < 0 || m.index >= len(s.Params[m.param].Values) || m.index == cur[m.param] {
				continue
			}
			cur[m.param] = m.index
			f.setLabel(m.param, valueTexts(s, cur)[m.param])
			if err := draw(); err != nil {
				return err
			}
		}
	}
}

// gonbFront is the frontEnd of a GoNB kernel with a browser: GoNB's
// sliders, their labels and the button in a transient div under the
// figure.
type gonbFront struct {
	displayID string

	mu       sync.Mutex // guards the fields below (remove may run while widgets waits)
	divID    string
	labelIDs []string
	sliders  []*comms.AddressChan[int]
	clicks   *comms.AddressChan[int]
	done     chan struct{} // closed by remove: ends the forwarding goroutines
}

func (g *gonbFront) show(d *protocol.DisplayData) {
	d.DisplayID = g.displayID
	gonbui.SendData(d)
}

func (g *gonbFront) widgets(specs []sliderSpec, wait time.Duration) (moves <-chan move, clicks <-chan int, ok bool) {
	divID := dom.CreateTransientDiv()
	labelIDs := make([]string, len(specs))
	for i := range labelIDs {
		labelIDs[i] = "gdkit_slider_label_" + gonbui.UniqueId()
	}
	g.mu.Lock()
	g.divID, g.labelIDs = divID, labelIDs
	g.mu.Unlock()
	// The widgets' Done waits for the browser's first message: run it
	// aside and give up after wait.
	type built struct {
		sliders []*widgets.SliderBuilder
		button  *widgets.ButtonBuilder
	}
	ready := make(chan built, 1)
	go func() {
		var b built
		for i, sp := range specs {
			if i > 0 {
				dom.Append(divID, "<br>")
			}
			b.sliders = append(b.sliders, widgets.Slider(0, sp.n-1, sp.start).AppendTo(divID).Done())
			dom.Append(divID, fmt.Sprintf(`&nbsp;<span id=%q style="font-family: monospace">%s</span>&nbsp;`,
				labelIDs[i], html.EscapeString(sp.text)))
		}
		b.button = widgets.Button("Listo").AppendTo(divID).Done()
		ready <- b
	}()
	select {
	case b := <-ready:
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.divID != divID {
			return nil, nil, false // removed meanwhile
		}
		out := make(chan move)
		g.done = make(chan struct{})
		g.sliders = g.sliders[:0]
		for i, sl := range b.sliders {
			c := sl.Listen().LatestOnly()
			g.sliders = append(g.sliders, c)
			go forward(i, c.C, out, g.done)
		}
		g.clicks = b.button.Listen()
		return out, g.clicks.C, true
	case <-time.After(wait):
		g.remove()
		return nil, nil, false
	}
}

// forward sends every position read from in as a move of slider param on
// out, until in is closed or done is.
func forward(param int, in <-chan int, out chan<- move, done <-chan struct{}) {
	for i := range in {
		select {
		case out <- move{param, i}:
		case <-done:
			return
		}
	}
}

func (g *gonbFront) setLabel(i int, text string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if i >= 0 && i < len(g.labelIDs) {
		dom.SetInnerText(g.labelIDs[i], text)
	}
}

func (g *gonbFront) remove() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.divID != "" {
		dom.Remove(g.divID)
	}
	if g.done != nil {
		close(g.done)
		for _, c := range g.sliders {
			c.Close()
		}
		g.clicks.Close()
	}
	g.divID, g.labelIDs, g.sliders, g.clicks, g.done = "", nil, nil, nil, nil
}

func (g *gonbFront) sync() { flush() }

func noteOut() io.Writer {
	if noteWriter == nil {
		return os.Stdout
	}
	return noteWriter
}

// valueTexts returns "Label = value" of every parameter at the positions cur.
func valueTexts(s Sliders, cur []int) []string {
	t := make([]string, len(cur))
	for i, p := range s.Params {
		t[i] = p.Label + " = " + fmt.Sprintf(p.Format, p.Values[cur[i]])
	}
	return t
}

// values returns the values of the parameters at the positions cur.
func values(s Sliders, cur []int) []float64 {
	v := make([]float64, len(cur))
	for i, p := range s.Params {
		v[i] = p.Values[cur[i]]
	}
	return v
}
