//go:build !race

package gdkit_test

const gradRaceEnabled = false
