package browsertest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/launcher/flags"
	"github.com/go-rod/rod/lib/proto"
)

// ChromiumEnv names an environment variable that, when set, is the Chromium
// (or Chrome) binary to drive instead of DefaultChromium.
const ChromiumEnv = "GDKIT_CHROMIUM"

// DefaultChromium is where Debian's chromium package installs the browser.
const DefaultChromium = "/usr/bin/chromium"

// ErrNoChromium is returned by LookChromium when the browser is missing.
// Nothing downloads a browser of its own: install Debian's.
var ErrNoChromium = errors.New("browser test: Chromium is missing at " + DefaultChromium +
	": install it with  apt-get install -y chromium  (sudo apt-get ... when not root), " +
	"or set " + ChromiumEnv + " to a Chromium binary")

// LookChromium returns the Chromium binary the browser test drives:
// $GDKIT_CHROMIUM if set, else DefaultChromium. A missing DefaultChromium
// is ErrNoChromium; a missing $GDKIT_CHROMIUM wraps it and names that path.
func LookChromium() (string, error) {
	p := os.Getenv(ChromiumEnv)
	if p == "" {
		p = DefaultChromium
	}
	if st, err := os.Stat(p); err != nil || st.IsDir() {
		if p != DefaultChromium {
			return "", badChromiumEnv(p)
		}
		return "", ErrNoChromium
	}
	if out, err := exec.Command(p, "--version").CombinedOutput(); err != nil {
		return "", fmt.Errorf("browser test: %s --version: %v: %s", p, err, strings.TrimSpace(string(out)))
	}
	return p, nil
}

// badChromiumEnv is a $GDKIT_CHROMIUM that names no program; it is
// ErrNoChromium for errors.Is.
type badChromiumEnv string

func (p badChromiumEnv) Error() string {
	return "browser test: " + ChromiumEnv + "=" + string(p) + " is not a program: point it at a Chromium binary, " +
		"or unset it to use Debian's " + DefaultChromium + " (apt-get install -y chromium)"
}

func (badChromiumEnv) Is(target error) bool { return target == ErrNoChromium }

// Browser is a headless Chromium driven over the DevTools protocol.
type Browser struct {
	*rod.Browser
	launcher *launcher.Launcher
	Version  string
}

// Launch starts headless Chromium (LookChromium) with a fresh profile in a
// temporary folder: no first-run pages, no background networking,
// component updates or sync, and host names resolving to nothing but
// 127.0.0.1, so a page cannot reach outside this machine even by mistake
// (Page's network log still records any attempt). As root it runs without
// the sandbox, which needs an unprivileged user.
func Launch(ctx context.Context) (*Browser, error) {
	bin, err := LookChromium()
	if err != nil {
		return nil, err
	}
	profile, err := os.MkdirTemp("", "gdkit-chromium-")
	if err != nil {
		return nil, err
	}
	port, err := FreePort()
	if err != nil {
		return nil, err
	}
	l := launcher.New().Context(ctx).Bin(bin).Headless(true).
		NoSandbox(os.Geteuid() == 0).
		UserDataDir(profile).
		Set(flags.RemoteDebuggingPort, strconv.Itoa(port)).
		Set("disable-gpu").
		Set("disable-background-networking").
		Set("disable-component-update").
		Set("disable-sync").
		Set("no-first-run").
		Set("window-size", fmt.Sprintf("%d,%d", viewW, viewH)).
		Set("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1")
	u, err := l.Launch()
	if err != nil {
		os.RemoveAll(profile)
		return nil, fmt.Errorf("browser test: starting %s: %w", bin, err)
	}
	b := rod.New().ControlURL(u).Context(ctx)
	if err := b.Connect(); err != nil {
		l.Kill()
		l.Cleanup()
		return nil, fmt.Errorf("browser test: connecting to %s: %w", bin, err)
	}
	v, err := b.Version()
	if err != nil {
		b.Close()
		l.Kill()
		l.Cleanup()
		return nil, err
	}
	return &Browser{Browser: b, launcher: l, Version: v.Product}, nil
}

// Close ends the browser and removes its profile.
func (b *Browser) Close() {
	b.Browser.Close()
	b.launcher.Kill()
	b.launcher.Cleanup()
}

// The viewport of every page, in CSS pixels.
const viewW, viewH = 1280, 1000

// netLog records the URLs a page requests (HTTP and WebSocket) that leave
// the allowed origin.
type netLog struct {
	host string // e.g. "127.0.0.1:18801"

	mu      sync.Mutex
	count   int
	outside []string
}

// watch enables the network domain of p and records its requests until ctx
// ends.
func (n *netLog) watch(p *rod.Page) error {
	if err := (proto.NetworkEnable{}).Call(p); err != nil {
		return err
	}
	go p.EachEvent(func(e *proto.NetworkRequestWillBeSent) {
		n.record(e.Request.URL)
	}, func(e *proto.NetworkWebSocketCreated) {
		n.record(e.URL)
	})()
	return nil
}

func (n *netLog) record(raw string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.count++
	if !local(raw, n.host) {
		if len(raw) > 120 {
			raw = raw[:120] + "…"
		}
		n.outside = append(n.outside, raw)
	}
}

// local reports whether a requested URL stays on the Jupyter server at host
// (or needs no network: data:, blob:, about:).
func local(raw, host string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob", "about":
		return true
	case "http", "https", "ws", "wss":
		return u.Host == host
	}
	return false
}

func (n *netLog) result() (count int, outside []string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.count, append([]string(nil), n.outside...)
}
