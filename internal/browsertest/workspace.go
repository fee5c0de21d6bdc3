package browsertest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ModuleRoot returns the folder of the go.mod at or above the current
// directory.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("browser test: no go.mod above the current directory")
		}
		dir = parent
	}
}

// Workspace copies files into a new folder under root/out/browser, so that
// the browser runs copies (the tracked notebooks are never written, even by
// a save) from inside the module: notebooks/setup.sh, which a notebook's
// first cell runs from its own folder, finds the module's go.mod above it.
// Remove the folder when done.
func Workspace(root string, files ...string) (string, error) {
	base := filepath.Join(root, "out", "browser")
	if err := os.MkdirAll(base, 0o755); err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp(base, "work-")
	if err != nil {
		return "", err
	}
	for _, f := range files {
		if err := copyFile(filepath.Join(dir, filepath.Base(f)), f); err != nil {
			os.RemoveAll(dir)
			return "", fmt.Errorf("browser test: %w", err)
		}
	}
	return dir, nil
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, st.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
