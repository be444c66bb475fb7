package pdftext

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpusDir finds shared/corpus/pdf above the package, or returns "".
func corpusDir() string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for ; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "shared", "corpus", "pdf")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
	}
	return ""
}

func corpusFiles(t testing.TB, root string) []string {
	var files []string
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.EqualFold(filepath.Ext(p), ".pdf") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	if len(files) == 0 {
		t.Skip("no PDF in the corpus at " + root)
	}
	return files
}

// TestCorpus reads the real documents: every PDF must give text without
// U+FFFD, or (for the saved web pages) ErrCorrupt. With -short it reads a
// sample of them.
func TestCorpus(t *testing.T) {
	root := corpusDir()
	if root == "" {
		t.Skip("corpus absent: no shared/corpus/pdf above the package")
	}
	files := corpusFiles(t, root)
	step := 1
	if testing.Short() {
		step = 15
	}
	for i := 0; i < len(files); i += step {
		p := files[i]
		rel, _ := filepath.Rel(root, p)
		pages, err := readFile(t, p, Options{})
		if strings.HasPrefix(rel, "not-a-pdf"+string(filepath.Separator)) {
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("%s: err = %v, want ErrCorrupt", rel, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		text := strings.Join(pages, "\f")
		if len(strings.Fields(text)) < 100 {
			t.Errorf("%s: only %d words", rel, len(strings.Fields(text)))
		}
		checkText(t, text)
	}
}
