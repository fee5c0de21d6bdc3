package hubclient

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// contentsURL is the contents API URL of path in the student's server.
func (s *Student) contentsURL(path string) string {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return s.UserURL() + "/api/contents/" + strings.Join(parts, "/")
}

// ReadFile returns the content of a file of the student's server: a notebook
// as its JSON, any other file as text.
func (s *Student) ReadFile(ctx context.Context, path string) ([]byte, error) {
	b, err := s.do(ctx, "GET", s.contentsURL(path)+"?content=1", nil, "token", http.StatusOK)
	if err != nil {
		return nil, err
	}
	var m struct {
		Type    string
		Content json.RawMessage
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if m.Type == "notebook" {
		return m.Content, nil
	}
	var text string
	if err := json.Unmarshal(m.Content, &text); err != nil {
		return nil, fmt.Errorf("hubclient: %s is a %s, not a text file", path, m.Type)
	}
	return []byte(text), nil
}

// WriteFile saves a text file (or, for a .ipynb name, a notebook given as
// its JSON) through the contents API, as JupyterLab's save does.
func (s *Student) WriteFile(ctx context.Context, path string, content []byte) error {
	var model map[string]any
	if strings.HasSuffix(path, ".ipynb") {
		model = map[string]any{"type": "notebook", "format": "json", "content": json.RawMessage(content)}
	} else {
		model = map[string]any{"type": "file", "format": "text", "content": string(content)}
	}
	body, err := json.Marshal(model)
	if err != nil {
		return err
	}
	_, err = s.do(ctx, "PUT", s.contentsURL(path), body, "token", http.StatusOK, http.StatusCreated)
	return err
}

// StartKernel opens a session for the notebook at path with the named kernel,
// as JupyterLab does when a notebook is opened, and connects to its websocket.
func (s *Student) StartKernel(ctx context.Context, path, kernelName string) (*Kernel, error) {
	body, _ := json.Marshal(map[string]any{
		"path": path, "name": path, "type": "notebook", "kernel": map[string]string{"name": kernelName},
	})
	b, err := s.do(ctx, "POST", s.UserURL()+"/api/sessions", body, "token", http.StatusCreated, http.StatusOK)
	if err != nil {
		return nil, err
	}
	var sess struct {
		ID     string
		Kernel struct{ ID string }
	}
	if err := json.Unmarshal(b, &sess); err != nil || sess.Kernel.ID == "" {
		return nil, fmt.Errorf("hubclient: no kernel in session reply %q", b)
	}
	k, err := dialKernel(ctx, s, sess.Kernel.ID)
	if err != nil {
		return nil, err
	}
	k.sessionID = sess.ID
	return k, nil
}

// DeleteSession shuts down the kernel's session (and the kernel).
func (s *Student) DeleteSession(ctx context.Context, k *Kernel) error {
	k.Close()
	_, err := s.do(ctx, "DELETE", s.UserURL()+"/api/sessions/"+k.sessionID, nil, "token", http.StatusNoContent, http.StatusNotFound)
	return err
}
