// Command hubload is the load test of gdkit's JupyterHub: K students log in
// at the same moment through the hub's login form and REST API, start their
// servers, open a notebook of their own copy (the student edition), fill in
// its exercises with the teacher's answers (-answers), and run every code
// cell through the kernel websocket, as JupyterLab does, one cell after the
// other.
//
// It reports the cell latency (p50, p95, max), the time from login to the
// first output, the peak memory and CPU time of each student (from the
// student's cgroup), the hub's and the proxy's CPU, and every failure. Every
// loop is bounded in time (-timeout, -cell-timeout) and in count (K
// students × the notebook's cells); it only talks to the hub URL given, which
// must be on 127.0.0.1.
//
// Usage (hub/load.sh runs it against a hub it starts):
//
//	hubload -hub http://127.0.0.1:19000 -users passwords.txt -k 5 -hub-pid 1234 -answers notebooks
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"gdkit.dev/hub/hubclient"
	"gdkit.dev/internal/nbcheck"
)

// student is what one simulated student measured.
type student struct {
	Name           string
	Err            string          `json:",omitempty"`
	Login          time.Duration   // login + token
	Ready          time.Duration   // login start → server ready
	FirstOutput    time.Duration   // login start → first output of the first cell
	Cells          []time.Duration // execute_request → kernel idle
	Responses      []time.Duration // the same, but to the first frame for a paced (animation) cell
	CellFailures   []string        `json:",omitempty"`
	PeakMemory     int64           // bytes, the cgroup's max usage
	CPU            time.Duration   // CPU time of the student's cgroup, server start included
	CPUAtReady     time.Duration   // ... when the server was ready (its start-up)
	NotebookSource string
	Answers        int // exercise answer cells filled in with the teacher's answers
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("hubload: ")
	hub := flag.String("hub", "http://127.0.0.1:19000", "hub URL (loopback only)")
	users := flag.String("users", "", "file of 'name password' lines (hub/users.sh writes one)")
	k := flag.Int("k", 1, "number of students, at most the users in -users")
	notebook := flag.String("notebook", "02_descenso_1d.ipynb", "notebook to run, relative to the student's folder")
	answersDir := flag.String("answers", "", "folder of the teacher's notebooks: each student's exercises are filled in\n"+
		"with the teacher's answers before running (\"\": run the copy as it is)")
	timeout := flag.Duration("timeout", 20*time.Minute, "bound on the whole test")
	cellTimeout := flag.Duration("cell-timeout", 5*time.Minute, "bound on one cell")
	think := flag.Duration("think", 0, "pause between cells (a student reading)")
	hubPID := flag.Int("hub-pid", 0, "the hub's process id, for its CPU and the students' cgroups")
	jsonOut := flag.String("json", "", "write the raw measurements here")
	flag.Parse()

	u, err := url.Parse(*hub)
	if err != nil || (u.Hostname() != "127.0.0.1" && u.Hostname() != "localhost" && u.Hostname() != "::1") {
		log.Fatalf("-hub %q: only a hub on the loopback interface may be loaded", *hub)
	}
	creds, err := readUsers(*users)
	if err != nil {
		log.Fatal(err)
	}
	if *k < 1 || *k > len(creds) {
		log.Fatalf("-k %d: %s has %d users", *k, *users, len(creds))
	}
	creds = creds[:*k]
	var teacher map[string]nbcheck.Text
	if *answersDir != "" {
		raw, err := os.ReadFile(filepath.Join(*answersDir, *notebook))
		if err != nil {
			log.Fatal(err)
		}
		if teacher, err = answers(raw); err != nil {
			log.Fatalf("-answers %s: %v", *answersDir, err)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	mon := newMonitor(*hubPID)
	results := make([]student, *k)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, c := range creds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			results[i] = runStudent(ctx, *hub, c[0], c[1], *notebook, teacher, *cellTimeout, *think, mon)
		}()
	}
	t0 := time.Now()
	mon.begin()
	close(start)
	wg.Wait()
	usage := mon.end()
	wall := time.Since(t0)

	rep := summarize(results, usage, wall)
	fmt.Print(rep.String())
	if *jsonOut != "" {
		b, _ := json.MarshalIndent(struct {
			Summary  report
			Students []student
		}{rep, results}, "", "  ")
		if err := os.WriteFile(*jsonOut, b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if rep.Failed > 0 {
		os.Exit(1)
	}
}

func readUsers(path string) ([][2]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 2 && !strings.HasPrefix(fs[0], "#") {
			out = append(out, [2]string{fs[0], fs[1]})
		}
	}
	return out, sc.Err()
}

// paced matches a cell that plays an animation: it sleeps between frames
// by design (10 frames × 500 ms in 02), so the student waits for its first
// frame, not for its end.
var paced = regexp.MustCompile(`\bnb\.Animate\(`)

// runStudent is one student's session: log in, start the server, fill in
// the exercises of their copy of the notebook with the teacher's answers
// (when teacher is not nil), run it cell by cell, stop the server.
func runStudent(ctx context.Context, hub, name, password, notebook string, teacher map[string]nbcheck.Text,
	cellTimeout, think time.Duration, mon *monitor) (st student) {
	st.Name = name
	fail := func(step string, err error) student {
		st.Err = fmt.Sprintf("%s: %v", step, err)
		return st
	}
	t0 := time.Now()
	s := hubclient.NewStudent(hub, name, password)
	if err := s.Login(ctx); err != nil {
		return fail("login", err)
	}
	if err := s.RequestToken(ctx, time.Hour); err != nil {
		return fail("token", err)
	}
	st.Login = time.Since(t0)
	if err := s.StartServer(ctx); err != nil {
		return fail("start server", err)
	}
	spawnCtx, cancel := context.WithTimeout(ctx, 6*time.Minute)
	err := s.WaitReady(spawnCtx)
	cancel()
	if err != nil {
		return fail("server ready", err)
	}
	st.Ready = time.Since(t0)
	_, st.CPUAtReady = mon.student(name)
	defer func() {
		st.PeakMemory, st.CPU = mon.student(name)
		stopCtx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if err := s.StopServer(stopCtx); err != nil && st.Err == "" {
			st.Err = "stop server: " + err.Error()
		}
	}()
	raw, err := s.ReadFile(ctx, notebook)
	if err != nil {
		return fail("read notebook", err)
	}
	nb, err := nbcheck.Parse(raw)
	if err != nil {
		return fail("parse notebook", err)
	}
	if teacher != nil {
		if st.Answers, err = fillAnswers(nb, raw, teacher); err != nil {
			return fail("fill in the exercises", err)
		}
	}
	k, err := s.StartKernel(ctx, notebook, "gonb")
	if err != nil {
		return fail("start kernel", err)
	}
	defer s.DeleteSession(context.Background(), k)
	for i, c := range nb.Cells {
		if c.Type != "code" {
			continue
		}
		cctx, cancel := context.WithTimeout(ctx, cellTimeout)
		sent := time.Now()
		r, err := k.Execute(cctx, string(c.Source))
		cancel()
		if err != nil {
			return fail(fmt.Sprintf("cell %d", i+1), err)
		}
		if st.FirstOutput == 0 && r.FirstOutput > 0 {
			st.FirstOutput = sent.Add(r.FirstOutput).Sub(t0)
		}
		st.Cells = append(st.Cells, r.Latency)
		resp := r.Latency
		if paced.MatchString(string(c.Source)) && r.FirstOutput > 0 {
			resp = r.FirstOutput
		}
		st.Responses = append(st.Responses, resp)
		for _, f := range r.Failures(string(c.Source)) {
			st.CellFailures = append(st.CellFailures, fmt.Sprintf("cell %d: %s", i+1, f.Reason))
		}
		if r.Status != "ok" {
			st.CellFailures = append(st.CellFailures, fmt.Sprintf("cell %d: status %s", i+1, r.Status))
		}
		if think > 0 {
			select {
			case <-ctx.Done():
				return fail("think", ctx.Err())
			case <-time.After(think):
			}
		}
	}
	return st
}
