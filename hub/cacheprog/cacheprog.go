// Package cacheprog is a GOCACHEPROG build cache for a class: each student
// writes to a private directory and reads, beneath it, a warm cache that the
// teacher built once and that no student can write.
//
// Both layers use the go command's own on-disk layout (GOCACHE): an action
// entry dir/xx/<action>-a holds "v1 <action> <output> <size> <time>" and the
// output itself is dir/xx/<output>-d. A plain `go build` with GOCACHE set to
// the seed directory therefore makes a seed, and a student's private layer is
// an ordinary Go cache directory too.
//
// A get looks in the private layer, then in the seed; a put writes only to
// the private layer. Seed outputs are served by path (Response.DiskPath), so
// a student's disk holds only what the student compiled.
package cacheprog

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// hashSize is the size of an action or output ID (SHA-256), as in cmd/go.
const hashSize = sha256.Size

// entrySize is the length of an action entry line: "v1 " + 64 hex + " " + 64 hex + " " + %20d + " " + %20d + "\n".
const entrySize = 2 + 1 + 2*hashSize + 1 + 2*hashSize + 1 + 20 + 1 + 20 + 1

// Request is one message from the go command (cmd/go/internal/cacheprog.Request).
type Request struct {
	ID       int64
	Command  string
	ActionID []byte `json:",omitempty"`
	OutputID []byte `json:",omitempty"`
	BodySize int64  `json:",omitempty"`
}

// Response is one message to the go command (cmd/go/internal/cacheprog.Response).
type Response struct {
	ID            int64
	Err           string     `json:",omitempty"`
	KnownCommands []string   `json:",omitempty"`
	Miss          bool       `json:",omitempty"`
	OutputID      []byte     `json:",omitempty"`
	Size          int64      `json:",omitempty"`
	Time          *time.Time `json:",omitempty"`
	DiskPath      string     `json:",omitempty"`
}

// Stats counts what a Cache served.
type Stats struct {
	PrivateHits, SeedHits, Misses, Puts int
	PutBytes                            int64
}

// Cache is a private, writable Go cache directory over an optional read-only seed.
type Cache struct {
	Dir  string // private layer, created if missing
	Seed string // read-only warm cache; "" for none

	mu    sync.Mutex
	stats Stats
}

// Stats returns the counts so far.
func (c *Cache) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

func (c *Cache) count(f func(*Stats)) {
	c.mu.Lock()
	f(&c.stats)
	c.mu.Unlock()
}

func fileName(dir string, id []byte, kind string) string {
	return filepath.Join(dir, fmt.Sprintf("%02x", id[0]), fmt.Sprintf("%x-%s", id, kind))
}

// entry is a parsed action entry.
type entry struct {
	output []byte
	size   int64
	time   time.Time
}

// readEntry reads the action entry for id in dir; ok is false when it is
// missing or malformed (a malformed entry is a miss, as in cmd/go).
func readEntry(dir string, id []byte) (e entry, ok bool) {
	b, err := os.ReadFile(fileName(dir, id, "a"))
	if err != nil || len(b) != entrySize || !bytes.HasPrefix(b, []byte("v1 ")) || b[entrySize-1] != '\n' {
		return e, false
	}
	f := bytes.Fields(b[3 : entrySize-1])
	if len(f) != 4 {
		return e, false
	}
	action, err1 := hex.DecodeString(string(f[0]))
	out, err2 := hex.DecodeString(string(f[1]))
	size, err3 := strconv.ParseInt(string(f[2]), 10, 64)
	nano, err4 := strconv.ParseInt(string(f[3]), 10, 64)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil || !bytes.Equal(action, id) || len(out) != hashSize || size < 0 {
		return e, false
	}
	return entry{output: out, size: size, time: time.Unix(0, nano)}, true
}

// lookup returns the output path of id in dir if the entry and an output of
// the recorded size exist.
func lookup(dir string, id []byte) (entry, string, bool) {
	e, ok := readEntry(dir, id)
	if !ok {
		return e, "", false
	}
	p := fileName(dir, e.output, "d")
	fi, err := os.Stat(p)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != e.size {
		return e, "", false
	}
	return e, p, true
}

// Get answers a "get": the private layer first, then the seed.
func (c *Cache) Get(id []byte) Response {
	if len(id) != hashSize {
		return Response{Err: fmt.Sprintf("action ID of %d bytes, want %d", len(id), hashSize)}
	}
	if e, p, ok := lookup(c.Dir, id); ok {
		c.count(func(s *Stats) { s.PrivateHits++ })
		return Response{OutputID: e.output, Size: e.size, Time: &e.time, DiskPath: p}
	}
	if c.Seed != "" {
		if e, p, ok := lookup(c.Seed, id); ok {
			c.count(func(s *Stats) { s.SeedHits++ })
			return Response{OutputID: e.output, Size: e.size, Time: &e.time, DiskPath: p}
		}
	}
	c.count(func(s *Stats) { s.Misses++ })
	return Response{Miss: true}
}

// Put answers a "put": it stores body (size bytes) as output out of action id
// in the private layer and returns where the output is.
func (c *Cache) Put(id, out []byte, body io.Reader, size int64) Response {
	if len(id) != hashSize || len(out) != hashSize {
		return Response{Err: "put: action and output IDs must be SHA-256 sized"}
	}
	if size < 0 {
		return Response{Err: "put: negative body size"}
	}
	p := fileName(c.Dir, out, "d")
	if err := writeAtomic(p, body, size); err != nil {
		return Response{Err: "put: " + err.Error()}
	}
	line := fmt.Sprintf("v1 %x %x %20d %20d\n", id, out, size, time.Now().UnixNano())
	if err := writeAtomic(fileName(c.Dir, id, "a"), bytes.NewReader([]byte(line)), int64(len(line))); err != nil {
		return Response{Err: "put: " + err.Error()}
	}
	c.count(func(s *Stats) { s.Puts++; s.PutBytes += size })
	return Response{DiskPath: p}
}

// writeAtomic writes exactly size bytes of r to path through a temporary file
// in the same directory, so that a reader never sees a partial file.
func writeAtomic(path string, r io.Reader, size int64) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	n, err := io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && n != size {
		err = fmt.Errorf("body has %d bytes, the request said %d", n, size)
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o666&^procUmask)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// Serve speaks the GOCACHEPROG protocol on r and w until "close" or EOF.
func (c *Cache) Serve(r io.Reader, w io.Writer) error {
	if err := os.MkdirAll(c.Dir, 0o777); err != nil {
		return err
	}
	in := bufio.NewReaderSize(r, 64<<10)
	dec := json.NewDecoder(in)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	send := func(res Response) error {
		if err := enc.Encode(res); err != nil {
			return err
		}
		return bw.Flush()
	}
	if err := send(Response{KnownCommands: []string{"get", "put", "close"}}); err != nil {
		return err
	}
	for {
		var req Request
		if err := dec.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("reading a request: %w", err)
		}
		var res Response
		switch req.Command {
		case "get":
			res = c.Get(req.ActionID)
		case "put":
			var body []byte
			if req.BodySize > 0 {
				// The body follows as a base64 JSON string on its own line.
				var b64 string
				if err := dec.Decode(&b64); err != nil {
					return fmt.Errorf("reading the body of put %d: %w", req.ID, err)
				}
				var err error
				if body, err = base64.StdEncoding.DecodeString(b64); err != nil {
					return fmt.Errorf("decoding the body of put %d: %w", req.ID, err)
				}
			}
			res = c.Put(req.ActionID, req.OutputID, bytes.NewReader(body), req.BodySize)
		case "close":
			res.ID = req.ID
			return send(res)
		default:
			res = Response{Err: fmt.Sprintf("unknown command %q", req.Command)}
		}
		res.ID = req.ID
		if err := send(res); err != nil {
			return err
		}
	}
}
