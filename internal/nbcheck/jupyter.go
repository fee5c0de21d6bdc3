package nbcheck

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// JupyterEnv names an environment variable that, when set, is the jupyter
// command to use instead of the project's .venv/bin/jupyter.
const JupyterEnv = "GDKIT_JUPYTER"

// ErrNoJupyter is returned by Jupyter when the project's .venv has no
// jupyter command.
var ErrNoJupyter = errors.New("nbcheck: no Jupyter in the project's .venv: run make setup " +
	"(or set " + JupyterEnv + " to a jupyter command)")

// Jupyter returns the jupyter command that runs notebooks: $GDKIT_JUPYTER if
// set, else .venv/bin/jupyter in the current directory or the nearest one
// above it that has it (the pinned Jupyter that `make setup` installs). A
// system Jupyter is never picked by accident.
func Jupyter() (string, error) {
	if p := os.Getenv(JupyterEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("nbcheck: %s=%s: %w", JupyterEnv, p, err)
		}
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, ".venv", "bin", "jupyter")
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNoJupyter
		}
		dir = parent
	}
}

// LookJupyter reports whether Jupyter finds a jupyter command.
func LookJupyter() error {
	_, err := Jupyter()
	return err
}
