package nb

import (
	"fmt"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/gdplot"
)

// Animate shows the frames one after the other in a single output that is
// updated in place, waiting delay between frames. Every frame is sent as
// Show's bundle (2× PNG, "image/png" with width metadata) under one
// transient display id, so Jupyter turns the first message into
// display_data and the others into update_display_data; the last frame is
// what the saved notebook keeps (rendered by GitHub and nbconvert). All
// frames are rendered first, so a bad frame fails before anything is
// shown. Outside GoNB it renders and returns without waiting.
func Animate(frames []*gdplot.Figure, delay time.Duration) error {
	if len(frames) == 0 {
		return fmt.Errorf("nb: an animation needs frames: %w", gdkit.ErrEmpty)
	}
	msgs := make([]*protocol.DisplayData, len(frames))
	for i, f := range frames {
		d, err := displayData(f)
		if err != nil {
			return fmt.Errorf("nb: frame %d: %w", i, err)
		}
		msgs[i] = d
	}
	if !gonbui.IsNotebook {
		return nil
	}
	id := gonbui.UniqueId()
	for i, d := range msgs {
		d.DisplayID = id
		gonbui.SendData(d)
		if i+1 < len(msgs) && delay > 0 {
			time.Sleep(delay)
		}
	}
	flush()
	return gonbui.Error()
}
