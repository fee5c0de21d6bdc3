package hubclient

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/websocket"

	"gdkit.dev/internal/nbcheck"
)

// wsProtocolV1 is the binary kernel websocket protocol of Jupyter Server 2
// that JupyterLab 4 asks for; without it the server falls back to JSON text
// frames, which Kernel also speaks.
const wsProtocolV1 = "v1.kernel.websocket.jupyter.org"

// Kernel is a connection to one kernel's channels websocket.
type Kernel struct {
	ID        string
	Protocol  string // wsProtocolV1, or "" for the JSON text frames
	conn      *websocket.Conn
	session   string
	sessionID string
	username  string
}

func newID() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// pongWait bounds the write of a pong to the server's ping.
const pongWait = 30 * time.Second

func dialKernel(ctx context.Context, s *Student, kernelID string) (*Kernel, error) {
	session := newID()
	u := strings.Replace(s.UserURL(), "http", "ws", 1) + "/api/kernels/" + kernelID + "/channels?session_id=" + session
	d := websocket.Dialer{
		Subprotocols:     []string{wsProtocolV1},
		HandshakeTimeout: time.Minute,
		ReadBufferSize:   1 << 16,
	}
	h := http.Header{"Authorization": {"token " + s.Token}}
	conn, res, err := d.DialContext(ctx, u, h)
	if err != nil {
		if res != nil {
			return nil, fmt.Errorf("hubclient: kernel websocket: %w (HTTP %d)", err, res.StatusCode)
		}
		return nil, fmt.Errorf("hubclient: kernel websocket: %w", err)
	}
	conn.SetReadLimit(256 << 20)
	// gorilla's default ping handler gives its pong 1 s from when it runs; on a
	// machine with a load of 20 the goroutine can lose the CPU longer than that
	// before the write, the write then times out, and gorilla keeps that error
	// for every later write on the connection: the next cell failed with
	// "write tcp …: i/o timeout" (make hub-load K=20). Pongs get pongWait.
	conn.SetPingHandler(func(data string) error {
		err := conn.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(pongWait))
		if errors.Is(err, websocket.ErrCloseSent) {
			return nil
		}
		return err
	})
	return &Kernel{ID: kernelID, Protocol: conn.Subprotocol(), conn: conn, session: session, username: s.Name}, nil
}

// Close closes the websocket (the kernel keeps running).
func (k *Kernel) Close() error { return k.conn.Close() }

// message is a Jupyter message as it travels on the websocket.
type message struct {
	Header       header          `json:"header"`
	ParentHeader header          `json:"parent_header"`
	Metadata     json.RawMessage `json:"metadata"`
	Content      json.RawMessage `json:"content"`
	Channel      string          `json:"channel,omitempty"`
}

type header struct {
	MsgID    string `json:"msg_id,omitempty"`
	MsgType  string `json:"msg_type,omitempty"`
	Session  string `json:"session,omitempty"`
	Username string `json:"username,omitempty"`
	Date     string `json:"date,omitempty"`
	Version  string `json:"version,omitempty"`
}

// send writes msg on channel in the negotiated protocol.
func (k *Kernel) send(channel string, msg message) error {
	if k.Protocol != wsProtocolV1 {
		msg.Channel = channel
		b, err := json.Marshal(msg)
		if err != nil {
			return err
		}
		return k.conn.WriteMessage(websocket.TextMessage, b)
	}
	var parts [][]byte
	for _, v := range []any{msg.Header, msg.ParentHeader, msg.Metadata, msg.Content} {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		parts = append(parts, b)
	}
	return k.conn.WriteMessage(websocket.BinaryMessage, encodeV1(channel, parts))
}

// encodeV1 frames a message as serialize_msg_to_ws_v1 of jupyter_server:
// the number of offsets, the offsets (little-endian uint64), the channel
// name, then the parts (header, parent header, metadata, content, buffers).
func encodeV1(channel string, parts [][]byte) []byte {
	n := 2 + len(parts)
	offsets := make([]uint64, 0, n)
	offsets = append(offsets, uint64(8*(1+n)))
	offsets = append(offsets, offsets[0]+uint64(len(channel)))
	for _, p := range parts {
		offsets = append(offsets, offsets[len(offsets)-1]+uint64(len(p)))
	}
	out := binary.LittleEndian.AppendUint64(nil, uint64(n))
	for _, o := range offsets {
		out = binary.LittleEndian.AppendUint64(out, o)
	}
	out = append(out, channel...)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// decodeV1 is the inverse of encodeV1; it rejects malformed frames.
func decodeV1(b []byte) (channel string, parts [][]byte, err error) {
	if len(b) < 8 {
		return "", nil, errors.New("hubclient: short v1 frame")
	}
	n := binary.LittleEndian.Uint64(b)
	if n < 2 || n > 1024 || uint64(len(b)) < 8*(n+1) {
		return "", nil, fmt.Errorf("hubclient: v1 frame with %d offsets", n)
	}
	offsets := make([]uint64, n)
	for i := range offsets {
		offsets[i] = binary.LittleEndian.Uint64(b[8*(i+1):])
		if offsets[i] > uint64(len(b)) || (i > 0 && offsets[i] < offsets[i-1]) {
			return "", nil, errors.New("hubclient: v1 frame offsets out of order")
		}
	}
	channel = string(b[offsets[0]:offsets[1]])
	for i := 1; i+1 < len(offsets); i++ {
		parts = append(parts, b[offsets[i]:offsets[i+1]])
	}
	return channel, parts, nil
}

// receive reads the next message, with its channel.
func (k *Kernel) receive() (message, error) {
	typ, b, err := k.conn.ReadMessage()
	if err != nil {
		return message{}, err
	}
	var m message
	if typ == websocket.TextMessage {
		err = json.Unmarshal(b, &m)
		return m, err
	}
	ch, parts, err := decodeV1(b)
	if err != nil {
		return m, err
	}
	if len(parts) < 4 {
		return m, fmt.Errorf("hubclient: v1 message with %d parts", len(parts))
	}
	m.Channel = ch
	if err := json.Unmarshal(parts[0], &m.Header); err != nil {
		return m, err
	}
	json.Unmarshal(parts[1], &m.ParentHeader) // empty {} for some iopub messages
	m.Metadata = parts[2]
	m.Content = parts[3]
	return m, nil
}

// Result is what one execution produced.
type Result struct {
	Status      string           // "ok", "error" or "aborted" (execute_reply)
	Outputs     []nbcheck.Output // in nbformat form, so nbcheck.Check can read them
	Latency     time.Duration    // execute_request sent → kernel idle again
	FirstOutput time.Duration    // execute_request sent → first output (0: none)
}

// Failures applies nbcheck's checks (error outputs, "panic:", "exit status N",
// a figure missing) to the outputs of source.
func (r Result) Failures(source string) []nbcheck.Failure {
	nb := &nbcheck.Notebook{Cells: []nbcheck.Cell{{Type: "code", Source: nbcheck.Text(source), Outputs: r.Outputs}}}
	return nbcheck.Check(nb)
}

// Execute runs code on the kernel, as a notebook front-end does, and waits
// for the kernel to be idle again or for ctx to end.
func (k *Kernel) Execute(ctx context.Context, code string) (Result, error) {
	var res Result
	id := newID()
	content, _ := json.Marshal(map[string]any{
		"code": code, "silent": false, "store_history": true,
		"user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true,
	})
	msg := message{
		Header: header{MsgID: id, MsgType: "execute_request", Session: k.session, Username: k.username,
			Date: time.Now().UTC().Format(time.RFC3339Nano), Version: "5.3"},
		Metadata: json.RawMessage("{}"), Content: content,
	}
	if dl, ok := ctx.Deadline(); ok {
		k.conn.SetReadDeadline(dl)
		defer k.conn.SetReadDeadline(time.Time{})
	}
	stop := context.AfterFunc(ctx, func() { k.conn.SetReadDeadline(time.Now()) })
	defer stop()
	start := time.Now()
	if err := k.send("shell", msg); err != nil {
		return res, err
	}
	var replied, idle bool
	for !(replied && idle) {
		m, err := k.receive()
		if err != nil {
			if ctx.Err() != nil {
				return res, fmt.Errorf("hubclient: execution not finished: %w", ctx.Err())
			}
			return res, err
		}
		if m.ParentHeader.MsgID != id {
			continue
		}
		out, isOutput, err := toOutput(m)
		if err != nil {
			return res, err
		}
		if isOutput {
			if res.FirstOutput == 0 {
				res.FirstOutput = time.Since(start)
			}
			res.Outputs = append(res.Outputs, out)
		}
		switch m.Header.MsgType {
		case "execute_reply":
			var c struct{ Status string }
			json.Unmarshal(m.Content, &c)
			res.Status, replied = c.Status, true
		case "status":
			var c struct {
				ExecutionState string `json:"execution_state"`
			}
			json.Unmarshal(m.Content, &c)
			idle = c.ExecutionState == "idle"
		}
	}
	res.Latency = time.Since(start)
	return res, nil
}

// toOutput converts an iopub message into an nbformat output.
func toOutput(m message) (nbcheck.Output, bool, error) {
	var o nbcheck.Output
	switch m.Header.MsgType {
	case "stream":
		var c struct{ Name, Text string }
		if err := json.Unmarshal(m.Content, &c); err != nil {
			return o, false, err
		}
		return nbcheck.Output{Type: "stream", Name: c.Name, Text: nbcheck.Text(c.Text)}, true, nil
	case "display_data", "update_display_data", "execute_result":
		var c struct {
			Data map[string]json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(m.Content, &c); err != nil {
			return o, false, err
		}
		typ := m.Header.MsgType
		if typ == "update_display_data" {
			typ = "display_data"
		}
		return nbcheck.Output{Type: typ, Data: c.Data}, true, nil
	case "error":
		var c struct {
			Ename, Evalue string
			Traceback     []string
		}
		if err := json.Unmarshal(m.Content, &c); err != nil {
			return o, false, err
		}
		return nbcheck.Output{Type: "error", Ename: c.Ename, Evalue: c.Evalue, Traceback: c.Traceback}, true, nil
	}
	return o, false, nil
}

// Interrupt asks the kernel to interrupt the running cell (interrupt_mode "message").
func (k *Kernel) Interrupt() error {
	return k.send("control", message{
		Header: header{MsgID: newID(), MsgType: "interrupt_request", Session: k.session, Username: k.username,
			Date: time.Now().UTC().Format(time.RFC3339Nano), Version: "5.3"},
		Metadata: json.RawMessage("{}"), Content: json.RawMessage("{}"),
	})
}
