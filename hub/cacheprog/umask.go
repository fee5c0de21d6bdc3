package cacheprog

import (
	"io/fs"
	"syscall"
)

// procUmask is the process's file mode creation mask, read once at start
// (reading it means setting it, so it is done before any goroutine runs).
var procUmask = func() fs.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return fs.FileMode(m)
}()
