package find

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

// benchDocs returns what Find is measured on: the fixtures of
// testdata/find with their types, and the corpus texts when the corpus is
// present (news articles by name, the rest committee papers).
func benchDocs(b *testing.B) ([]*extract.Document, []*extract.Source) {
	b.Helper()
	var docs []*extract.Document
	var srcs []*extract.Source
	fixtures, _ := filepath.Glob("../../testdata/find/*.txt")
	for _, f := range fixtures {
		d, s := readFixture(b, f)
		docs, srcs = append(docs, d), append(srcs, s)
	}
	if dir, err := filepath.Abs("../../../shared/corpus/text"); err == nil {
		texts, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range texts {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatalf("read %s: %v", f, err)
			}
			typ := extract.TypeCommittee
			if strings.Contains(filepath.Base(f), "news") {
				typ = extract.TypeNews
			}
			docs = append(docs, &extract.Document{Type: typ})
			srcs = append(srcs, &extract.Source{Path: f, Format: "text", Pages: strings.Split(string(data), "\f")})
		}
	}
	if len(docs) == 0 {
		b.Skip("no fixture texts found under ../../testdata/find")
	}
	return docs, srcs
}

// BenchmarkFind runs Find over every benchmark document.
func BenchmarkFind(b *testing.B) {
	docs, srcs := benchDocs(b)
	bytes := 0
	for _, s := range srcs {
		for _, p := range s.Pages {
			bytes += len(p)
		}
	}
	b.SetBytes(int64(bytes))
	for b.Loop() {
		for i, s := range srcs {
			d := *docs[i]
			Find(&d, s)
		}
	}
}
