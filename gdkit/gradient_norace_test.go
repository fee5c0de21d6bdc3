//go:build !race

package gdkit

const gradRaceEnabled = false
