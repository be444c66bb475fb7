package classify

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

// TestAnalysePack checks what Analyse adds to classification: an embedded
// report's findings are its own, with the file's page numbers, and the
// pack as a whole does not count them again (a committee paper would
// otherwise read the report's copied grade table as its own).
func TestAnalysePack(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  *extract.Source
	}{
		{"PDFPack", fixtureSource(t, filepath.Join("testdata", "pack.pdf.txt"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs := Analyse(tc.src)
			if len(docs) != 3 {
				t.Fatalf("%d documents, want 3", len(docs))
			}
			for _, d := range docs {
				if d.Findings == nil {
					t.Errorf("%s: Findings is nil, want a list", d.Type)
				}
			}
			if docs[0].Type != extract.TypeCommittee {
				t.Fatalf("first document is %s, want the committee pack", docs[0].Type)
			}
			for _, f := range docs[0].Findings {
				if f.Kind == extract.KindJudgement {
					t.Errorf("the pack counts the embedded report's judgement again: %+v", f)
				}
			}
			report := docs[1]
			var judged []extract.Finding
			for _, f := range report.Findings {
				if f.Kind == extract.KindJudgement {
					judged = append(judged, f)
				}
				if f.Page < report.PageStart || f.Page > report.PageEnd {
					t.Errorf("finding on page %d, outside the report's pages %d-%d: %+v", f.Page, report.PageStart, report.PageEnd, f)
				}
			}
			// The table's row on page 4, and the row written "label: grade"
			// after it on page 5, at the file's page numbers.
			if len(judged) != 2 || judged[0].Domain != extract.DomainOverall || judged[0].Grade != extract.GradeInadequate || judged[0].Page != 4 ||
				judged[1].Domain != extract.DomainInCare || judged[1].Grade != extract.GradeRI || judged[1].Page != 5 {
				t.Errorf("report judgements %+v, want overall effectiveness inadequate on page 4 and in care requires improvement on page 5 of the file", judged)
			}
		})
	}
}

func TestAnalyseNil(t *testing.T) {
	docs := Analyse(nil)
	if len(docs) != 1 || docs[0].Type != extract.TypeOther || docs[0].Findings == nil || len(docs[0].Findings) != 0 {
		t.Errorf("Analyse(nil) = %+v, want one document of type other with no findings", docs)
	}
}

func TestAlignPages(t *testing.T) {
	sub := &extract.Source{Path: "x", Pages: []string{"a", "b"}}
	if got := alignPages(sub, 1); got != sub {
		t.Error("a part that starts on page 1 needs no blank pages")
	}
	got := alignPages(sub, 3)
	if strings.Join(got.Pages, "|") != "||a|b" || got.Path != "x" {
		t.Errorf("alignPages(sub, 3).Pages = %q, want two blank pages before a, b", got.Pages)
	}
	if strings.Join(sub.Pages, "|") != "a|b" {
		t.Error("alignPages changed its argument")
	}
}

func TestWithoutEmbedded(t *testing.T) {
	src := &extract.Source{Pages: []string{"cover", "intro\nReport line one\nReport line two\noutro"}}
	part := Part{Document: extract.Document{PageStart: 2, PageEnd: 2}, Source: &extract.Source{Pages: []string{"Report line one\nReport line two"}}}
	got := withoutEmbedded(src, []Part{part})
	if want := "intro\n\n\noutro"; got.Pages[1] != want || got.Pages[0] != "cover" {
		t.Errorf("pages %q, want the part's text blanked to %q", got.Pages, want)
	}
	if src.Pages[1] == got.Pages[1] {
		t.Error("withoutEmbedded changed its argument")
	}
}
