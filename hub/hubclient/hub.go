// Package hubclient is a student as seen by JupyterHub and the student's
// Jupyter server: it logs in with the hub's login form, asks the hub's REST
// API for a token, starts and stops the single-user server, reads and writes
// notebooks through the contents API, and runs code on a kernel over the
// kernel websocket with the protocol JupyterLab 4 speaks
// (v1.kernel.websocket.jupyter.org). The load test and the isolation tests of
// gdkit's hub are written on it.
//
// Every call takes a context: callers bound their loops in time with it.
package hubclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"time"
)

// ErrLoginRefused is returned by Login when the hub does not accept the
// user name and password.
var ErrLoginRefused = errors.New("hubclient: login refused")

// Student is one user of a hub.
type Student struct {
	Hub      string // base URL of the hub, e.g. http://127.0.0.1:19000
	Name     string
	Password string
	Token    string // API token; set by RequestToken, or by the caller

	http *http.Client // GET: keep-alive (Go resends a GET on a connection the proxy just closed)
	once *http.Client // other methods: a new connection each (see transport)
}

// NewStudent returns a student of the hub at base with its own cookie jar.
func NewStudent(base, name, password string) *Student {
	jar, _ := cookiejar.New(nil)
	client := func(keepAlive bool) *http.Client {
		return &http.Client{
			Jar: jar,
			// The hub answers a login with a redirect to the spawn page; the
			// caller decides what to do next, so redirects are not followed.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
			Timeout:       2 * time.Minute,
			Transport:     transport(keepAlive),
		}
	}
	return &Student{
		Hub: strings.TrimRight(base, "/"), Name: name, Password: password,
		http: client(true), once: client(false),
	}
}

// HTTPError is a response with an unexpected status.
type HTTPError struct {
	Method, URL string
	Status      int
	Body        string
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("%s %s: %d %s", e.Method, e.URL, e.Status, e.Body)
}

func (s *Student) cookie(name string) string {
	u, _ := url.Parse(s.Hub + "/hub/")
	for _, c := range s.http.Jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

// Login posts the hub's login form, as a browser does: it first loads the
// form for its XSRF cookie. A refused password gives ErrLoginRefused.
func (s *Student) Login(ctx context.Context) error {
	if _, err := s.do(ctx, "GET", s.Hub+"/hub/login", nil, "", http.StatusOK); err != nil {
		return err
	}
	xsrf := s.cookie("_xsrf")
	form := url.Values{"username": {s.Name}, "password": {s.Password}, "_xsrf": {xsrf}}
	req, err := http.NewRequestWithContext(ctx, "POST", s.Hub+"/hub/login", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := s.client(req.Method).Do(req)
	if err != nil {
		return err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	switch {
	case res.StatusCode == http.StatusFound && s.cookie("jupyterhub-session-id") != "":
		return nil
	case res.StatusCode == http.StatusForbidden || res.StatusCode == http.StatusOK:
		// The hub re-renders the form (403 since JupyterHub 4) on a bad password.
		return ErrLoginRefused
	default:
		return &HTTPError{"POST", "/hub/login", res.StatusCode, ""}
	}
}

// RequestToken asks the hub's REST API, with the login cookie, for an API
// token of this student, valid for lifetime, and keeps it in s.Token.
func (s *Student) RequestToken(ctx context.Context, lifetime time.Duration) error {
	body, _ := json.Marshal(map[string]any{"note": "gdkit hubclient", "expires_in": int(lifetime.Seconds())})
	b, err := s.do(ctx, "POST", s.Hub+"/hub/api/users/"+s.Name+"/tokens", body, "cookie", http.StatusCreated, http.StatusOK)
	if err != nil {
		return err
	}
	var t struct{ Token string }
	if err := json.Unmarshal(b, &t); err != nil || t.Token == "" {
		return fmt.Errorf("hubclient: no token in %q", b)
	}
	s.Token = t.Token
	return nil
}

// StartServer asks the hub to start the student's server; a server that is
// already running or starting is not an error.
func (s *Student) StartServer(ctx context.Context) error {
	_, err := s.do(ctx, "POST", s.Hub+"/hub/api/users/"+s.Name+"/server", nil, "token",
		http.StatusCreated, http.StatusAccepted, http.StatusBadRequest)
	return err
}

// StopServer asks the hub to stop the student's server and waits (bounded by
// ctx) until the hub says it stopped.
func (s *Student) StopServer(ctx context.Context) error {
	if _, err := s.do(ctx, "DELETE", s.Hub+"/hub/api/users/"+s.Name+"/server", nil, "token",
		http.StatusNoContent, http.StatusAccepted, http.StatusBadRequest); err != nil {
		return err
	}
	return poll(ctx, func() (bool, error) {
		st, err := s.ServerState(ctx)
		return err == nil && !st.Running, err
	})
}

// ServerState is the part of the hub's user model that tells about the
// default server.
type ServerState struct {
	Running, Ready bool
	Pending        string
}

// ServerState reads the student's default server from the hub.
func (s *Student) ServerState(ctx context.Context) (ServerState, error) {
	b, err := s.do(ctx, "GET", s.Hub+"/hub/api/users/"+s.Name, nil, "token", http.StatusOK)
	if err != nil {
		return ServerState{}, err
	}
	var u struct {
		Servers map[string]struct {
			Ready   bool
			Pending *string
		}
	}
	if err := json.Unmarshal(b, &u); err != nil {
		return ServerState{}, err
	}
	srv, ok := u.Servers[""]
	st := ServerState{Running: ok, Ready: ok && srv.Ready}
	if ok && srv.Pending != nil {
		st.Pending = *srv.Pending
	}
	return st, nil
}

// WaitReady polls the hub until the student's server is ready, or ctx ends.
func (s *Student) WaitReady(ctx context.Context) error {
	return poll(ctx, func() (bool, error) {
		st, err := s.ServerState(ctx)
		if err != nil {
			return false, err
		}
		if !st.Running && st.Pending == "" {
			return false, errors.New("hubclient: the server is not starting (failed spawn?)")
		}
		return st.Ready, nil
	})
}

// poll calls f every 250 ms until it says done, fails, or ctx ends.
func poll(ctx context.Context, f func() (bool, error)) error {
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		done, err := f()
		if err != nil || done {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// UserURL is the base URL of the student's single-user server behind the proxy.
func (s *Student) UserURL() string { return s.Hub + "/user/" + s.Name }

// do sends a request with the token ("token"), the login cookie and its
// XSRF header ("cookie"), or nothing (""), and returns the body if the status
// is one of ok.
func (s *Student) do(ctx context.Context, method, u string, body []byte, auth string, ok ...int) ([]byte, error) {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, r)
	if err != nil {
		return nil, err
	}
	switch auth {
	case "token":
		req.Header.Set("Authorization", "token "+s.Token)
	case "cookie":
		req.Header.Set("X-XSRFToken", s.cookie("_xsrf"))
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := s.client(req.Method).Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 64<<20))
	if err != nil {
		return nil, err
	}
	for _, code := range ok {
		if res.StatusCode == code {
			return b, nil
		}
	}
	short := string(b)
	if len(short) > 300 {
		short = short[:300] + "…"
	}
	return nil, &HTTPError{method, strings.TrimPrefix(u, s.Hub), res.StatusCode, short}
}

// Page returns the body of a page of the student's server, path relative to
// UserURL (for example "/lab"), fetched with the token; a status other than
// 200 is an *HTTPError.
func (s *Student) Page(ctx context.Context, path string) ([]byte, error) {
	return s.do(ctx, "GET", s.UserURL()+path, nil, "token", http.StatusOK)
}

// Users lists the hub's user names (needs a token with the list:users scope,
// such as an admin service's).
func (s *Student) Users(ctx context.Context) ([]string, error) {
	b, err := s.do(ctx, "GET", s.Hub+"/hub/api/users", nil, "token", http.StatusOK)
	if err != nil {
		return nil, err
	}
	var us []struct{ Name string }
	if err := json.Unmarshal(b, &us); err != nil {
		return nil, err
	}
	names := make([]string, len(us))
	for i, u := range us {
		names[i] = u.Name
	}
	return names, nil
}

// transport is http.DefaultTransport's, with idle connections dropped after 4 s
// (keepAlive) or not kept at all. configurable-http-proxy (Node) closes an idle
// keep-alive connection after 5 s; a request sent on a connection as Node closes
// it fails with EOF or a reset. Go sends a GET again on a new connection then,
// but not a POST, PUT or DELETE: those failed now and then under make hub-load
// K=20 ("start kernel: … EOF", "… connection reset by peer"), where a goroutine
// can wait for the CPU for seconds. So they always take a new connection.
func transport(keepAlive bool) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.IdleConnTimeout = 4 * time.Second
	t.DisableKeepAlives = !keepAlive
	return t
}

// client is the client for a request with method.
func (s *Student) client(method string) *http.Client {
	if method == http.MethodGet || method == http.MethodHead {
		return s.http
	}
	return s.once
}
