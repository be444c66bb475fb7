package main

import (
	"fmt"
	"strconv"
	"strings"
)

// shard is the part of a collection one ingest takes: the files whose
// content hash falls in shard k of n (1-based). The zero shard takes
// every file. By content, not by path, so that copies of one file go to
// one shard, and a machine that sees the folder under another path makes
// the same split.
type shard struct{ k, n int }

// parseShard reads "K/N"; "" is the zero shard.
func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{}, nil
	}
	ks, ns, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(strings.TrimSpace(ks))
	n, err2 := strconv.Atoi(strings.TrimSpace(ns))
	if !ok || err1 != nil || err2 != nil || n < 1 || k < 1 || k > n {
		return shard{}, usagef("--shard %q: want K/N with 1 <= K <= N, such as 2/3", s)
	}
	return shard{k, n}, nil
}

// holds reports whether a file with this SHA-256 (hex) is the shard's:
// its first 16 hex digits, as a number, modulo n, are k-1.
func (s shard) holds(sha256 string) bool {
	if s.n <= 1 {
		return true
	}
	if len(sha256) < 16 {
		return false
	}
	v, err := strconv.ParseUint(sha256[:16], 16, 64)
	return err == nil && int(v%uint64(s.n)) == s.k-1
}

func (s shard) String() string {
	if s.n == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.k, s.n)
}
