//go:build !unix

package index

import "os"

// Without flock the lock file only records the writer's PID; the bbolt
// file locks still keep a second writer out.
func tryLock(f *os.File, exclusive bool) (bool, error) { return true, nil }

func unlock(f *os.File) {}

func processAlive(pid int) bool { return false }

func processAliveKnown() bool { return false }
