package index

import (
	"context"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

func TestSameAsLinks(t *testing.T) {
	doc := func(typ extract.Type, code, start, published string, recs ...string) *extract.Document {
		d := &extract.Document{Type: typ, Authority: extract.Authority{Code: code}, VisitStart: start, Published: published}
		for _, r := range recs {
			d.Findings = append(d.Findings, extract.Finding{Kind: extract.KindRecommendation, Text: r})
		}
		return d
	}
	tests := []struct {
		name string
		refs []docRef
		want map[string]string // "path\x00ord" -> link, only non-empty links listed
	}{
		{"EmbeddedCopyLinksToTheReport", []docRef{
			{path: "a-pack.txt", ord: 2, id: "p-2", keys: copyKeys(doc(extract.TypeILACS, "E1", "2022-07-11", ""))},
			{path: "z-report.pdf", ord: 1, pdf: true, id: "r-1", keys: copyKeys(doc(extract.TypeILACS, "E1", "2022-07-11", ""))},
		}, map[string]string{"a-pack.txt\x002": "r-1"}},
		{"PDFKeptOverText", []docRef{
			{path: "a.txt", ord: 1, id: "t-1", keys: copyKeys(doc(extract.TypeFocused, "E1", "2019-01-04", ""))},
			{path: "b.pdf", ord: 1, pdf: true, id: "b-1", keys: copyKeys(doc(extract.TypeFocused, "E1", "2019-01-04", ""))},
		}, map[string]string{"a.txt\x001": "b-1"}},
		{"SameRecommendationsWithoutDates", []docRef{
			{path: "a.pdf", ord: 1, pdf: true, id: "a-1", keys: copyKeys(doc(extract.TypeFocused, "E1", "2019-01-04", "", "Plans.", "Supervision, oversight."))},
			{path: "b.html", ord: 1, id: "b-1", keys: copyKeys(doc(extract.TypeFocused, "E1", "", "", "supervision oversight", "plans"))},
		}, map[string]string{"b.html\x001": "a-1"}},
		{"DifferentVisitsAreNotCopies", []docRef{
			{path: "a.pdf", ord: 1, id: "a-1", keys: copyKeys(doc(extract.TypeMonitoring, "E1", "2023-02-28", ""))},
			{path: "b.pdf", ord: 1, id: "b-1", keys: copyKeys(doc(extract.TypeMonitoring, "E1", "2023-07-25", ""))},
			{path: "c.pdf", ord: 1, id: "c-1", keys: copyKeys(doc(extract.TypeFocused, "E1", "2023-02-28", ""))},
			{path: "d.pdf", ord: 1, id: "d-1", keys: copyKeys(doc(extract.TypeMonitoring, "E2", "2023-02-28", ""))},
		}, map[string]string{}},
		{"CommitteePapersAndNewsAreNeverCopies", []docRef{
			{path: "a.txt", ord: 1, id: "a-1", keys: copyKeys(doc(extract.TypeNews, "E1", "", "2024-01-01"))},
			{path: "b.txt", ord: 1, id: "b-1", keys: copyKeys(doc(extract.TypeNews, "E1", "", "2024-01-01"))},
		}, map[string]string{}},
		{"IdenticalFilesShareIDs", []docRef{
			{path: "a.pdf", ord: 1, id: "x-1", keys: copyKeys(doc(extract.TypeILACS, "E1", "2022-07-11", ""))},
			{path: "b.pdf", ord: 1, id: "x-1", keys: copyKeys(doc(extract.TypeILACS, "E1", "2022-07-11", ""))},
		}, map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			for k, v := range sameAsLinks(tt.refs) {
				if v != "" {
					got[k] = v
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("links = %q, want %q", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("link of %q = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

func TestLinkSameAsAndDedupedExport(t *testing.T) {
	ctx := context.Background()
	ix := openT(t, t.TempDir())
	defer ix.Close()
	rec := func(path, format string, docs ...extract.Document) Record {
		r := letter(path, "Kent", "E10000016", "", []string{"page of " + path})
		r.Format, r.Documents = format, docs
		return r
	}
	finding := extract.Finding{Kind: extract.KindRecommendation, Text: "Plans.", Page: 1, Rule: "t"}
	report := extract.Document{Type: extract.TypeFocused, Authority: extract.Authority{Name: "Kent", Code: "E10000016"},
		VisitStart: "2021-10-05", VisitEnd: "2021-10-06", Findings: []extract.Finding{finding}}
	paper := extract.Document{Type: extract.TypeCommittee, Authority: report.Authority, Findings: []extract.Finding{finding}}
	putT(t, ix, rec("report.pdf", "pdf", report), rec("pack.txt", "text", paper, report))

	n, err := ix.LinkSameAs(ctx)
	if err != nil || n != 1 {
		t.Fatalf("LinkSameAs = %d, %v; want 1 linked", n, err)
	}
	r, _, _ := ix.Record("pack.txt")
	pdf, _, _ := ix.Record("report.pdf")
	if want := DocumentID(pdf.SHA256, 1); r.Documents[1].SameAs != want || r.Documents[0].SameAs != "" || pdf.Documents[0].SameAs != "" {
		t.Fatalf("same_as = %q, %q, %q; want \"\", %q, \"\"", r.Documents[0].SameAs, r.Documents[1].SameAs, pdf.Documents[0].SameAs, want)
	}
	if len(r.Pages) != 1 {
		t.Errorf("linking lost the pages: %q", r.Pages)
	}
	count := func(q Query) int {
		n := 0
		if err := ix.Findings(ctx, q, func(Row) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if got := count(Query{Dedupe: true}); got != 2 {
		t.Errorf("deduped export: %d rows, want 2 (the paper's and the report's)", got)
	}
	if got := count(Query{}); got != 3 {
		t.Errorf("export: %d rows, want 3", got)
	}
	// Both copies pass the filter: the copy is still left out.
	if got := count(Query{Dedupe: true, Type: string(extract.TypeFocused)}); got != 1 {
		t.Errorf("deduped focused visits: %d rows, want 1", got)
	}

	// The original goes away: the link is cleared at the next pass.
	if err := ix.Delete("report.pdf"); err != nil {
		t.Fatal(err)
	}
	if n, err := ix.LinkSameAs(ctx); err != nil || n != 0 {
		t.Fatalf("LinkSameAs after delete = %d, %v; want 0", n, err)
	}
	if r, _, _ := ix.Record("pack.txt"); r.Documents[1].SameAs != "" {
		t.Errorf("stale same_as %q", r.Documents[1].SameAs)
	}
}
