package hubclient

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// GETs share a keep-alive connection; every other request takes a new one, so
// none is ever sent on a connection the proxy is closing as idle.
func TestOnlyGetsReuseConnections(t *testing.T) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	}))
	srv.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	s := NewStudent(srv.URL, "ana", "")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, c := range []struct {
		method string
		want   int32 // connections opened by 3 requests
	}{{http.MethodGet, 1}, {http.MethodPost, 3}, {http.MethodPut, 3}, {http.MethodDelete, 3}} {
		before := conns.Load()
		for range 3 {
			if _, err := s.do(ctx, c.method, srv.URL+"/x", []byte("{}"), "", http.StatusOK); err != nil {
				t.Fatal(err)
			}
		}
		if got := conns.Load() - before; got != c.want {
			t.Errorf("%s: 3 requests opened %d connections, want %d", c.method, got, c.want)
		}
	}
}
