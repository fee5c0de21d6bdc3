package nb

import (
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/dom"
	"github.com/janpfeifer/gonb/gonbui/widgets"

	"gdkit.dev/gdkit/gdplot"
)

// HeadlessEnv is the environment variable that marks a run without a
// browser front-end (cmd/nbcheck sets it to 1 for the kernel). Widgets
// wait for the browser to answer, so they are skipped when it is set.
const HeadlessEnv = "GDKIT_HEADLESS"

// Headless reports whether interactive widgets must be skipped: the
// program does not run under GoNB, or HeadlessEnv is set to a non-empty
// value other than "0".
func Headless() bool {
	if !gonbui.IsNotebook {
		return true
	}
	v := os.Getenv(HeadlessEnv)
	return v != "" && v != "0"
}

// Slider describes an interactive exploration: a slider over the values
// Values (shown as "Label = value" with Format), starting at Values[Start],
// and Draw, which builds the figure for one value.
type Slider struct {
	Label  string    // e.g. "α"
	Values []float64 // the positions of the slider, in order (e.g. log-spaced α)
	Start  int       // index of the initial value
	Format string    // fmt verb for the value; "" means "%g"
	Draw   func(v float64) (*gdplot.Figure, error)

	// Idle ends the exploration after this long without a change; 0 means
	// 10 minutes. The "Listo" button ends it at once.
	Idle time.Duration
	// Wait bounds how long to wait for the browser to create the widgets;
	// 0 means 10 s. Without an answer the exploration is skipped as in a
	// headless run.
	Wait time.Duration
}

// ErrSlider is returned for a Slider without values, with Start out of
// range or without Draw.
var ErrSlider = errors.New("nb: slider needs Values, a Start index in range and Draw")

// HeadlessNote is printed (to Note's writer, stdout by default) instead of
// the slider when there is no browser.
const HeadlessNote = "Ejecución sin navegador: el deslizador interactivo se omite. " +
	"Abrí el notebook en Jupyter (make run) para mover %s; abajo, la figura para %s = %s."

// NoteOut is where Explore writes HeadlessNote; nil means os.Stdout.
var NoteOut io.Writer

// Explore shows s.Draw(Values[Start]) with a slider under it; moving the
// slider redraws the figure in place (one display, updated), until the
// "Listo" button is pressed or s.Idle passes without a change; then the
// last figure stays in the notebook.
//
// Without a browser (Headless, or no answer from the front-end within
// s.Wait) it prints HeadlessNote and shows the initial figure once, without
// waiting: notebooks executed by `make test` never block on it.
func Explore(s Slider) error {
	if len(s.Values) == 0 || s.Start < 0 || s.Start >= len(s.Values) || s.Draw == nil {
		return ErrSlider
	}
	if s.Format == "" {
		s.Format = "%g"
	}
	if Headless() {
		return exploreHeadless(s)
	}
	return exploreLive(s)
}

func exploreHeadless(s Slider) error {
	v := s.Values[s.Start]
	fmt.Fprintf(noteOut(), HeadlessNote+"\n", s.Label, s.Label, fmt.Sprintf(s.Format, v))
	fig, err := s.Draw(v)
	if err != nil {
		return err
	}
	return Show(fig)
}

func exploreLive(s Slider) error {
	idle, wait := s.Idle, s.Wait
	if idle <= 0 {
		idle = 10 * time.Minute
	}
	if wait <= 0 {
		wait = 10 * time.Second
	}
	cur := s.Start
	fig, err := s.Draw(s.Values[cur])
	if err != nil {
		return err
	}
	d, err := DisplayData(fig)
	if err != nil {
		return err
	}
	displayID := gonbui.UniqueId()
	d.DisplayID = displayID
	gonbui.SendData(d)

	// The widgets' Done waits for the browser's first message: run it
	// aside and give up after wait.
	divID := dom.CreateTransientDiv()
	labelID := "gdkit_slider_label_" + gonbui.UniqueId()
	type built struct {
		slider *widgets.SliderBuilder
		button *widgets.ButtonBuilder
	}
	ready := make(chan built, 1)
	go func() {
		sl := widgets.Slider(0, len(s.Values)-1, cur).AppendTo(divID).Done()
		dom.Append(divID, fmt.Sprintf(`&nbsp;<span id=%q style="font-family: monospace">%s</span>&nbsp;`,
			labelID, html.EscapeString(valueText(s, cur))))
		bt := widgets.Button("Listo").AppendTo(divID).Done()
		ready <- built{sl, bt}
	}()
	var w built
	select {
	case w = <-ready:
	case <-time.After(wait):
		// No browser answered: the initial figure is already shown.
		dom.Remove(divID)
		fmt.Fprintf(noteOut(), "El navegador no respondió: el deslizador se omite; arriba, la figura para %s.\n", valueText(s, cur))
		return gonbui.Error()
	}
	moves := w.slider.Listen().LatestOnly()
	clicks := w.button.Listen()
	defer moves.Close()
	defer clicks.Close()
	for {
		select {
		case <-clicks.C:
			dom.Remove(divID)
			return gonbui.Error()
		case <-time.After(idle):
			dom.Remove(divID)
			return gonbui.Error()
		case i := <-moves.C:
			if i < 0 || i >= len(s.Values) || i == cur {
				continue
			}
			cur = i
			dom.SetInnerText(labelID, valueText(s, cur))
			fig, err := s.Draw(s.Values[cur])
			if err != nil {
				return err
			}
			d, err := DisplayData(fig)
			if err != nil {
				return err
			}
			d.DisplayID = displayID
			gonbui.SendData(d)
		}
	}
}

func noteOut() io.Writer {
	if NoteOut == nil {
		return os.Stdout
	}
	return NoteOut
}

func valueText(s Slider, i int) string {
	return s.Label + " = " + fmt.Sprintf(s.Format, s.Values[i])
}
