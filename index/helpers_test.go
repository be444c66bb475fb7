package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/ofsted/ofsted/extract"
)

func hashOf(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// letter makes a one-document record: a focused-visit letter with the
// given pages and findings.
func letter(path, authority, code, published string, pages []string, findings ...extract.Finding) Record {
	return Record{
		Path:    path,
		Size:    int64(len(strings.Join(pages, "\f"))),
		ModTime: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC),
		SHA256:  hashOf(path + strings.Join(pages, "\f")),
		Parser:  "test-1",
		Format:  "pdf",
		Pages:   pages,
		Documents: []extract.Document{{
			Type:      extract.TypeFocused,
			Title:     "Focused visit to " + authority,
			Authority: extract.Authority{Name: authority, Code: code},
			Published: published,
			PageStart: 1,
			PageEnd:   len(pages),
			Findings:  findings,
		}},
	}
}

func openT(t testing.TB, dir string) *Index {
	t.Helper()
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return ix
}

func putT(t testing.TB, ix *Index, recs ...Record) {
	t.Helper()
	for _, r := range recs {
		if err := ix.Put(r); err != nil {
			t.Fatalf("Put %s: %v", r.Path, err)
		}
	}
}

func searchT(t testing.TB, ix *Index, q Query) *Results {
	t.Helper()
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search %+v: %v", q, err)
	}
	return res
}

// hitKeys lists "path#page" (pages) or "path#f:text" (findings) of the hits.
func hitKeys(res *Results) []string {
	var out []string
	for _, h := range res.Hits {
		if h.Unit == unitFinding {
			out = append(out, fmt.Sprintf("%s#f:%s", h.Path, h.Kind))
		} else {
			out = append(out, fmt.Sprintf("%s#%d", h.Path, h.Page))
		}
	}
	return out
}

var (
	genWords = strings.Fields(`leaders managers social workers children families plans assessments
		care leavers placements visits supervision caseloads partners health police schools education
		thresholds referrals strategy meetings protection conferences reviews permanence adoption fostering
		quality practice oversight audits performance workforce recruitment retention agency staff
		improvement progress services support advocacy participation voice independent reviewing officers`)
	genAuthorities = []extract.Authority{
		{Name: "Leeds", Code: "E08000035"}, {Name: "Kent", Code: "E10000016"},
		{Name: "Camden", Code: "E09000007"}, {Name: "Derby", Code: "E06000015"},
		{Name: "Cornwall", Code: "E06000052"}, {Name: "Norfolk", Code: "E10000020"},
	}
)

// genVocabulary is a ranked vocabulary: function words, then the
// domain words, then made-up words, about 5,000 in all.
func genVocabulary() []string {
	v := strings.Fields("the of and to in are is for with that this have has be by on at not from their")
	v = append(v, genWords...)
	for i := 0; len(v) < 5000; i++ {
		v = append(v, fmt.Sprintf("w%xq", i*7919))
	}
	return v
}

// genRecord makes a pseudo-random record with pages of generated text and
// findings, for benchmarks and volume tests. Words follow a Zipf
// distribution, as in real prose, so that posting lists have realistic
// lengths.
func genRecord(r *rand.Rand, i int) Record {
	vocab := genVocabulary()
	zipf := rand.NewZipf(r, 1.07, 2, uint64(len(vocab)-1))
	sentence := func(n int) string {
		w := make([]string, n)
		for k := range w {
			w[k] = vocab[zipf.Uint64()]
		}
		return strings.Join(w, " ") + "."
	}
	pages := make([]string, 3+r.Intn(6))
	for p := range pages {
		var b strings.Builder
		for s := 0; s < 25; s++ {
			b.WriteString(sentence(8 + r.Intn(12)))
			if s%5 == 4 {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
		pages[p] = b.String()
	}
	var fs []extract.Finding
	for f := 0; f < 6; f++ {
		fs = append(fs, extract.Finding{
			Kind: extract.Kinds()[r.Intn(len(extract.Kinds()))], Text: sentence(15),
			Page: 1 + r.Intn(len(pages)), Rule: "gen.rule", Themes: []string{"neglect"},
		})
	}
	a := genAuthorities[r.Intn(len(genAuthorities))]
	date := fmt.Sprintf("%d-%02d-%02d", 2015+r.Intn(10), 1+r.Intn(12), 1+r.Intn(28))
	rec := letter(fmt.Sprintf("gen/%05d.pdf", i), a.Name, a.Code, date, pages, fs...)
	rec.Documents[0].Type = extract.Types()[r.Intn(len(extract.Types()))]
	return rec
}
