//go:build race

package gdkit_test

// gradRaceEnabled: sync.Pool drops items at random under -race.
const gradRaceEnabled = true
