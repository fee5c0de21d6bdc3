// Package datasets holds the course data (embedded CSV files), a CSV loader
// for users' own files and seeded synthetic generators.
package datasets
