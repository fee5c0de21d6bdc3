//go:build race

package gdkit

// gradRaceEnabled: sync.Pool drops items at random under -race.
const gradRaceEnabled = true
