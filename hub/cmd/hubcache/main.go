// Command hubcache is the GOCACHEPROG of gdkit's JupyterHub: a private,
// writable build cache per student over a read-only warm cache shared by the
// class (see package gdkit.dev/hub/cacheprog).
//
// Usage (the go command starts it; flags are separated by spaces, so paths
// must not contain any):
//
//	GOCACHEPROG="/path/hubcache -seed /srv/gocache-seed" go build ...
//
// The private layer defaults to $XDG_CACHE_HOME/gdkit-hubcache (or
// ~/.cache/gdkit-hubcache). With -stats FILE, a line of counts is appended to
// FILE when the go command closes the cache.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"gdkit.dev/hub/cacheprog"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("hubcache: ")
	seed := flag.String("seed", "", "read-only warm Go cache directory (GOCACHE layout)")
	dir := flag.String("dir", "", "private writable cache directory (default: user cache dir/gdkit-hubcache)")
	stats := flag.String("stats", "", "append hit/miss counts to this file on close")
	flag.Parse()
	if *dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			log.Fatal(err)
		}
		*dir = filepath.Join(base, "gdkit-hubcache")
	}
	if *seed != "" {
		if fi, err := os.Stat(*seed); err != nil || !fi.IsDir() {
			// Without the seed every build is cold, but still correct: say so once.
			log.Printf("seed %s is not a directory; building without it", *seed)
			*seed = ""
		}
	}
	c := &cacheprog.Cache{Dir: *dir, Seed: *seed}
	start := time.Now()
	err := c.Serve(os.Stdin, os.Stdout)
	if *stats != "" {
		s := c.Stats()
		line := fmt.Sprintf("%s private_hits=%d seed_hits=%d misses=%d puts=%d put_bytes=%d seconds=%.3f\n",
			time.Now().Format(time.RFC3339), s.PrivateHits, s.SeedHits, s.Misses, s.Puts, s.PutBytes, time.Since(start).Seconds())
		if f, ferr := os.OpenFile(*stats, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); ferr == nil {
			f.WriteString(line)
			f.Close()
		}
	}
	if err != nil {
		log.Fatal(err)
	}
}
