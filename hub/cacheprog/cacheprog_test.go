package cacheprog

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func id(s string) []byte { h := sha256.Sum256([]byte(s)); return h[:] }

func TestGetPut(t *testing.T) {
	seed, priv := t.TempDir(), t.TempDir()
	// The seed is written by a Cache too: the layout is the same.
	s := &Cache{Dir: seed}
	if r := s.Put(id("a1"), id("o1"), strings.NewReader("seed body"), 9); r.Err != "" {
		t.Fatal(r.Err)
	}
	c := &Cache{Dir: priv, Seed: seed}
	cases := []struct {
		name       string
		action     []byte
		wantMiss   bool
		wantPrefix string // DiskPath under this directory
		wantBody   string
	}{
		{"seed hit", id("a1"), false, seed, "seed body"},
		{"miss", id("a2"), true, "", ""},
	}
	for _, tc := range cases {
		r := c.Get(tc.action)
		if r.Err != "" || r.Miss != tc.wantMiss {
			t.Fatalf("%s: got %+v", tc.name, r)
		}
		if tc.wantMiss {
			continue
		}
		if !strings.HasPrefix(r.DiskPath, tc.wantPrefix) {
			t.Errorf("%s: DiskPath %s not under %s", tc.name, r.DiskPath, tc.wantPrefix)
		}
		if b, _ := os.ReadFile(r.DiskPath); string(b) != tc.wantBody || r.Size != int64(len(tc.wantBody)) {
			t.Errorf("%s: body %q size %d, want %q", tc.name, b, r.Size, tc.wantBody)
		}
	}
	// A put goes to the private layer and shadows the seed.
	if r := c.Put(id("a1"), id("o2"), strings.NewReader("mine"), 4); r.Err != "" || !strings.HasPrefix(r.DiskPath, priv) {
		t.Fatalf("put: %+v", r)
	}
	if r := c.Get(id("a1")); !strings.HasPrefix(r.DiskPath, priv) || !bytes.Equal(r.OutputID, id("o2")) {
		t.Fatalf("private layer does not shadow the seed: %+v", r)
	}
	if got, want := c.Stats(), (Stats{PrivateHits: 1, SeedHits: 1, Misses: 1, Puts: 1, PutBytes: 4}); got != want {
		t.Errorf("stats %+v, want %+v", got, want)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	c := &Cache{Dir: dir}
	if r := c.Get([]byte{1, 2}); r.Err == "" {
		t.Error("short action ID accepted")
	}
	if r := c.Put(id("a"), id("o"), strings.NewReader("abc"), 5); r.Err == "" {
		t.Error("body shorter than BodySize accepted")
	}
	if r := c.Put(id("a"), id("o"), strings.NewReader("abc"), -1); r.Err == "" {
		t.Error("negative size accepted")
	}
	// A truncated entry, or an output of the wrong size, is a miss, never a wrong output.
	c.Put(id("t"), id("ot"), strings.NewReader("xyz"), 3)
	os.WriteFile(fileName(dir, id("t"), "a"), []byte("v1 garbage\n"), 0o644)
	if r := c.Get(id("t")); !r.Miss {
		t.Errorf("malformed entry served: %+v", r)
	}
	c.Put(id("u"), id("ou"), strings.NewReader("xyz"), 3)
	os.WriteFile(fileName(dir, id("ou"), "d"), []byte("xy"), 0o644)
	if r := c.Get(id("u")); !r.Miss {
		t.Errorf("output of the wrong size served: %+v", r)
	}
	// No temporary files are left behind by the failed put.
	matches, _ := filepath.Glob(filepath.Join(dir, "*", ".tmp-*"))
	if len(matches) != 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}

func TestServeProtocol(t *testing.T) {
	c := &Cache{Dir: t.TempDir()}
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	enc.Encode(Request{ID: 1, Command: "get", ActionID: id("x")})
	enc.Encode(Request{ID: 2, Command: "put", ActionID: id("x"), OutputID: id("ox"), BodySize: 5})
	enc.Encode(base64.StdEncoding.EncodeToString([]byte("hello")))
	enc.Encode(Request{ID: 3, Command: "get", ActionID: id("x")})
	enc.Encode(Request{ID: 4, Command: "frob"})
	enc.Encode(Request{ID: 5, Command: "close"})
	var out bytes.Buffer
	if err := c.Serve(&in, &out); err != nil {
		t.Fatal(err)
	}
	var rs []Response
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		var r Response
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	if len(rs) != 6 || len(rs[0].KnownCommands) != 3 {
		t.Fatalf("responses %+v", rs)
	}
	if !rs[1].Miss || rs[2].DiskPath == "" || rs[3].Size != 5 || rs[4].Err == "" || rs[5].ID != 5 {
		t.Errorf("responses %+v", rs)
	}
}

// TestGoBuild runs the real go command: a build warms a plain GOCACHE (the
// seed), then the same build through hubcache with an empty private layer must
// take its package outputs from the seed and store almost nothing itself.
func TestGoBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the go command")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "hubcache")
	if out, err := exec.Command("go", "build", "-o", bin, "gdkit.dev/hub/cmd/hubcache").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	mod := filepath.Join(tmp, "m")
	os.MkdirAll(mod, 0o755)
	os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module m\n\ngo 1.22\n"), 0o644)
	os.WriteFile(filepath.Join(mod, "main.go"), []byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(1) }\n"), 0o644)
	seed, priv, stats := filepath.Join(tmp, "seed"), filepath.Join(tmp, "priv"), filepath.Join(tmp, "stats")
	build := func(env ...string) {
		t.Helper()
		cmd := exec.Command("go", "build", "-o", filepath.Join(tmp, "prog"), ".")
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), append([]string{"GOFLAGS=", "GOCACHEPROG="}, env...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %v: %v\n%s", env, err, out)
		}
	}
	build("GOCACHE=" + seed)
	build("GOCACHE="+filepath.Join(tmp, "gocache"), fmt.Sprintf("GOCACHEPROG=%s -seed %s -dir %s -stats %s", bin, seed, priv, stats))
	b, err := os.ReadFile(stats)
	if err != nil {
		t.Fatal(err)
	}
	var st Stats
	var rest string
	if _, err := fmt.Sscanf(strings.SplitN(string(b), " ", 2)[1], "private_hits=%d seed_hits=%d misses=%d puts=%d put_bytes=%d %s",
		&st.PrivateHits, &st.SeedHits, &st.Misses, &st.Puts, &st.PutBytes, &rest); err != nil {
		t.Fatalf("stats line %q: %v", b, err)
	}
	t.Logf("second build: %+v", st)
	if st.SeedHits < 20 || st.Misses > st.SeedHits/10 {
		t.Errorf("the seed was not used: %+v", st)
	}
}
