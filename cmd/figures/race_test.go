//go:build race

package main

// raceEnabled: the race detector slows drawing about tenfold; the lint of
// every figure runs without it in make figlint.
const raceEnabled = true
