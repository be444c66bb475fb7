package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"syscall"

	"github.com/ofsted/ofsted/extract/read"
)

// walkResult is what walking the inputs found.
type walkResult struct {
	files   []string // readable candidates, absolute, sorted, no duplicates
	skipped []string // files with extensions the readers do not take
	failed  []result // paths that could not be walked (permissions, broken links)
}

// walk lists the files under paths. It follows symbolic links (folders
// of reports are often assembled from links) but visits each directory
// once, so a link loop ends instead of running forever.
func walk(paths []string) walkResult {
	var w walkResult
	seenDir := make(map[[2]uint64]bool)
	seenFile := make(map[string]bool)
	var visit func(path string, depth int)
	visit = func(path string, depth int) {
		st, err := os.Stat(path) // follows links
		if err != nil {
			w.failed = append(w.failed, result{path: path, err: err})
			return
		}
		if !st.IsDir() {
			if !st.Mode().IsRegular() {
				w.skipped = append(w.skipped, path)
				return
			}
			if seenFile[path] {
				return
			}
			seenFile[path] = true
			if read.Accepts(path) {
				w.files = append(w.files, path)
			} else {
				w.skipped = append(w.skipped, path)
			}
			return
		}
		if id, ok := dirID(st); ok {
			if seenDir[id] {
				return // a link loop, or the same folder reached twice
			}
			seenDir[id] = true
		}
		if depth > 256 {
			w.failed = append(w.failed, result{path: path, err: fmt.Errorf("folder nested deeper than 256 levels")})
			return
		}
		entries, err := os.ReadDir(path)
		if err != nil {
			w.failed = append(w.failed, result{path: path, err: err})
			return
		}
		for _, e := range entries {
			if e.Name() == ".ofsted" || (e.IsDir() && isHidden(e)) {
				continue
			}
			visit(filepath.Join(path, e.Name()), depth+1)
		}
	}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			w.failed = append(w.failed, result{path: p, err: err})
			continue
		}
		visit(abs, 0)
	}
	sort.Strings(w.files)
	sort.Strings(w.skipped)
	return w
}

func isHidden(e fs.DirEntry) bool {
	n := e.Name()
	return len(n) > 1 && n[0] == '.'
}

func dirID(st os.FileInfo) ([2]uint64, bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return [2]uint64{}, false
	}
	return [2]uint64{uint64(s.Dev), uint64(s.Ino)}, true
}
