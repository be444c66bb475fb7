package index

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"github.com/ofsted/ofsted/extract"
)

// corpusDir finds shared/corpus by walking up from the package directory.
func corpusDir(t *testing.T) string {
	dir, _ := filepath.Abs(".")
	for {
		c := filepath.Join(dir, "shared", "corpus")
		if _, err := os.Stat(c); err == nil {
			return c
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared/corpus not found: corpus tests skipped")
		}
		dir = parent
	}
}

// TestCorpusPhrases indexes the corpus's text files (pages of 40 lines)
// and checks, on real prose, that every sampled run of words found in a
// page is found by a phrase search, and every sampled word by a plain
// search.
func TestCorpusPhrases(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir(t), "text", "*.txt"))
	if len(files) == 0 {
		t.Skip("no corpus text files")
	}
	ix := openT(t, t.TempDir())
	defer ix.Close()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		var pages []string
		for i := 0; i < len(lines); i += 40 {
			pages = append(pages, strings.Join(lines[i:min(i+40, len(lines))], "\n"))
		}
		rec := letter(filepath.Base(f), "Nottingham", "E06000018", "2024-01-01", pages)
		rec.Documents[0].Type = extract.TypeOther
		putT(t, ix, rec)
	}
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	tok := unicode.NewUnicodeTokenizer()
	words := func(s string) []string {
		var out []string
		for _, t := range tok.Tokenize([]byte(s)) {
			out = append(out, string(t.Term))
		}
		return out
	}
	r := rand.New(rand.NewSource(1))
	paths, _ := ix.Paths()
	checked := 0
	for _, p := range paths {
		rec, _, _ := ix.Record(p)
		for pi, page := range rec.Pages {
			toks := words(page)
			if len(toks) < 4 {
				continue
			}
			for k := 0; k < 3; k++ {
				n := 1 + r.Intn(4)
				i := r.Intn(len(toks) - n + 1)
				words := strings.Join(toks[i:i+n], " ")
				for _, q := range []string{`"` + words + `"`, toks[i]} {
					res := searchT(t, ix, Query{Text: q, Unit: "page", Limit: 10000})
					want := p + "#" + strconv.Itoa(pi+1)
					if !slices.Contains(hitKeys(res), want) {
						t.Errorf("search %s: %s not among %d hits", q, want, res.Total)
					}
					checked++
				}
			}
		}
	}
	t.Logf("%d searches checked", checked)
}
