package hubclient

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestV1RoundTrip(t *testing.T) {
	cases := [][][]byte{
		{[]byte(`{"msg_id":"1"}`), []byte(`{}`), []byte(`{}`), []byte(`{"code":"x"}`)},
		{[]byte(`{}`), []byte(`{}`), []byte(`{}`), []byte(`{}`), []byte("buffer")},
		{},
	}
	for _, parts := range cases {
		ch, got, err := decodeV1(encodeV1("iopub", parts))
		if err != nil || ch != "iopub" || len(got) != len(parts) {
			t.Fatalf("round trip of %d parts: %q %d %v", len(parts), ch, len(got), err)
		}
		for i := range parts {
			if !bytes.Equal(got[i], parts[i]) {
				t.Errorf("part %d: %q, want %q", i, got[i], parts[i])
			}
		}
	}
}

func TestV1Malformed(t *testing.T) {
	good := encodeV1("shell", [][]byte{[]byte("{}"), []byte("{}"), []byte("{}"), []byte("{}")})
	bad := map[string][]byte{
		"empty":            nil,
		"short":            good[:7],
		"truncated":        good[:len(good)-3],
		"too many offsets": append([]byte{0xff, 0xff, 0, 0, 0, 0, 0, 0}, good[8:]...),
		"offsets backward": func() []byte {
			b := bytes.Clone(good)
			copy(b[16:24], []byte{0, 0, 0, 0, 0, 0, 0, 0})
			return b
		}(),
	}
	for name, b := range bad {
		if _, _, err := decodeV1(b); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// fakeKernel answers one execute_request in the v1 protocol the way a Jupyter
// server relays a kernel: busy, a stream, a display, the reply, idle; plus a
// message for another request, which Execute must ignore.
func fakeKernel(t *testing.T) *httptest.Server { return fakePingingKernel(t, nil) }

// fakePingingKernel is fakeKernel that, when pong is not nil, also pings the
// client before answering and sends the pong's data to pong.
func fakePingingKernel(t *testing.T, pong chan<- string) *httptest.Server {
	up := websocket.Upgrader{Subprotocols: []string{wsProtocolV1}}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "token tok" {
			http.Error(w, "no", http.StatusForbidden)
			return
		}
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		if pong != nil {
			c.SetPongHandler(func(data string) error { pong <- data; return nil })
			c.WriteControl(websocket.PingMessage, []byte("¿estás?"), time.Now().Add(5*time.Second))
		}
		_, b, err := c.ReadMessage()
		if err != nil {
			return
		}
		ch, parts, err := decodeV1(b)
		if err != nil || ch != "shell" {
			t.Errorf("request: %q %v", ch, err)
			return
		}
		var h header
		json.Unmarshal(parts[0], &h)
		parent, _ := json.Marshal(h)
		send := func(ch, typ string, parentHdr []byte, content string) {
			hdr, _ := json.Marshal(header{MsgID: newID(), MsgType: typ})
			c.WriteMessage(websocket.BinaryMessage, encodeV1(ch, [][]byte{hdr, parentHdr, []byte("{}"), []byte(content)}))
		}
		send("iopub", "stream", []byte(`{"msg_id":"other"}`), `{"name":"stdout","text":"not mine"}`)
		send("iopub", "status", parent, `{"execution_state":"busy"}`)
		send("iopub", "stream", parent, `{"name":"stdout","text":"hola\n"}`)
		send("iopub", "display_data", parent, `{"data":{"image/png":"iVBOR"},"metadata":{}}`)
		send("iopub", "stream", parent, `{"name":"stderr","text":"panic: boom\n"}`)
		send("shell", "execute_reply", parent, `{"status":"ok"}`)
		send("iopub", "status", parent, `{"execution_state":"idle"}`)
		c.ReadMessage() // until the client closes
	}))
}

// dialFake connects ana (token "tok") to the fake kernel srv, bounded by ctx;
// the kernel is closed at the end of the test.
func dialFake(t *testing.T, ctx context.Context, srv *httptest.Server) *Kernel {
	t.Helper()
	s := NewStudent(srv.URL, "ana", "")
	s.Token = "tok"
	// UserURL is Hub/user/ana; the fake serves every path.
	k, err := dialKernel(ctx, s, "k1")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { k.Close() })
	return k
}

func TestExecute(t *testing.T) {
	srv := fakeKernel(t)
	t.Cleanup(srv.Close) // after the kernel's Close (cleanups run last first)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	k := dialFake(t, ctx, srv)
	if k.Protocol != wsProtocolV1 {
		t.Errorf("protocol %q, want %q", k.Protocol, wsProtocolV1)
	}
	src := "%%\nfmt.Println(\"hola\")\nnb.Show(fig)"
	r, err := k.Execute(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != "ok" || len(r.Outputs) != 3 || !strings.Contains(string(r.Outputs[0].Text), "hola") {
		t.Fatalf("result %+v", r)
	}
	if r.FirstOutput <= 0 || r.Latency < r.FirstOutput {
		t.Errorf("timings: first output %v, latency %v", r.FirstOutput, r.Latency)
	}
	fs := r.Failures(src)
	if len(fs) != 1 || fs[0].Reason != "panic" {
		t.Errorf("failures %v, want the panic", fs)
	}
}

func TestExecuteBoundedByContext(t *testing.T) {
	up := websocket.Upgrader{Subprotocols: []string{wsProtocolV1}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		for { // a kernel that never answers
			if _, _, err := c.ReadMessage(); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	s := NewStudent(srv.URL, "ana", "")
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	k, err := dialKernel(context.Background(), s, "k1")
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	start := time.Now()
	if _, err := k.Execute(ctx, "x"); err == nil {
		t.Fatal("Execute returned without an answer")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Execute ignored its context for %v", d)
	}
}

// The client answers the server's pings (with its own handler, pongWait) and the
// connection keeps working after one.
func TestPingAnswered(t *testing.T) {
	pong := make(chan string, 1)
	srv := fakePingingKernel(t, pong)
	t.Cleanup(srv.Close) // after the kernel's Close (cleanups run last first)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	k := dialFake(t, ctx, srv)
	r, err := k.Execute(ctx, "%%\nfmt.Println(\"hola\")")
	if err != nil || r.Status != "ok" {
		t.Fatalf("execute after a ping: %+v %v", r, err)
	}
	select {
	case got := <-pong:
		if got != "¿estás?" {
			t.Errorf("pong %q, want the ping's data", got)
		}
	case <-ctx.Done():
		t.Fatal("no pong for the server's ping")
	}
}
