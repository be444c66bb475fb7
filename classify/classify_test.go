package classify

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixtureSource reads testdata/NAME.FORMAT.txt as the reader for FORMAT
// would give it: PDF pages split on form feeds, text and HTML one page.
func fixtureSource(t *testing.T, path string) *extract.Source {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.TrimSuffix(filepath.Base(path), ".txt")
	format := strings.TrimPrefix(filepath.Ext(name), ".")
	src := &extract.Source{Path: path, Format: format, Pages: []string{string(b)}}
	if format == "pdf" {
		src.Pages = strings.Split(string(b), "\f")
	}
	return src
}

// TestGolden classifies every fixture and compares with its golden JSON.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(testName(name), func(t *testing.T) {
			got, err := json.MarshalIndent(Classify(fixtureSource(t, f)), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", golden, got)
			}
		})
	}
}

// testName turns "focused-visit.pdf" into "FocusedVisitPdf".
func testName(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '.' || r == '_' }) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// TestClassifyFixtures states the facts each fixture is there to show.
func TestClassifyFixtures(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		typ     extract.Type
		code    string
		pub     string
		start   string
		end     string
		lead    string
		number  int
		extra   func(t *testing.T, docs []extract.Document)
		ndocs   int
		pageEnd int
	}{
		{name: "ILACSTitleNamesCityNotCounty", file: "ilacs-2023.pdf.txt", typ: extract.TypeILACS, code: "E06000018",
			start: "2023-01-30", end: "2023-02-10", lead: "Jane Example", ndocs: 1, pageEnd: 1},
		{name: "FocusedVisitLetterSkipsOfstedAddress", file: "focused-visit.pdf.txt", typ: extract.TypeFocused, code: "E10000024",
			pub: "2022-03-14", start: "2022-02-28", end: "2022-03-01", lead: "Sam Example", ndocs: 1, pageEnd: 2,
			extra: func(t *testing.T, docs []extract.Document) {
				if got := strings.Join(docs[0].Inspectors, ";"); got != "Sam Example;Alex Sample" {
					t.Errorf("inspectors %q", got)
				}
			}},
		{name: "MonitoringVisitNumber", file: "monitoring-visit.pdf.txt", typ: extract.TypeMonitoring, code: "E09000029",
			pub: "2023-09-06", start: "2023-07-25", end: "2023-07-26", lead: "Robin Example", number: 2, ndocs: 1, pageEnd: 1},
		{name: "SIFPublishedLabel", file: "sif-2015.pdf.txt", typ: extract.TypeSIF, code: "E06000023",
			pub: "2015-10-19", start: "2015-07-06", end: "2015-07-30", lead: "Lee Example", ndocs: 1, pageEnd: 1},
		{name: "JTAIFirstNamedPartnership", file: "jtai.pdf.txt", typ: extract.TypeJTAI, code: "E06000055",
			pub: "2023-03-31", start: "2023-02-06", end: "2023-02-10", ndocs: 1, pageEnd: 1},
		{name: "SENDIgnoresPreviousInspection", file: "send.pdf.txt", typ: extract.TypeSEND, code: "E06000010",
			start: "2023-11-20", end: "2023-11-24", lead: "Ann Example", ndocs: 1, pageEnd: 1},
		{name: "LSCBReviewIsOther", file: "lscb-review.pdf.txt", typ: extract.TypeOther, code: "E10000030",
			pub: "2015-08-03", start: "2015-06-15", end: "2015-06-17", ndocs: 1, pageEnd: 1},
		{name: "NewsIgnoresPageHeaderDate", file: "news.text.txt", typ: extract.TypeNews, code: "E06000018", ndocs: 1, pageEnd: 1,
			extra: func(t *testing.T, docs []extract.Document) {
				if docs[0].Outlet != "The Example Wire" {
					t.Errorf("outlet %q", docs[0].Outlet)
				}
				if !strings.HasPrefix(docs[0].Title, "Nottingham City Council children") {
					t.Errorf("title %q", docs[0].Title)
				}
			}},
		{name: "CommitteePaperCountsMentions", file: "committee-paper.text.txt", typ: extract.TypeCommittee, code: "E10000024", ndocs: 1, pageEnd: 1,
			extra: func(t *testing.T, docs []extract.Document) {
				if docs[0].Committee != "Children and Young People’s Committee" {
					t.Errorf("committee %q", docs[0].Committee)
				}
			}},
		{name: "PackSplitsOnPages", file: "pack.pdf.txt", typ: extract.TypeCommittee, code: "E06000015", pub: "2024-01-25", ndocs: 3, pageEnd: 9,
			extra: func(t *testing.T, docs []extract.Document) {
				r := docs[1]
				if r.Type != extract.TypeILACS || r.PageStart != 4 || r.PageEnd != 5 || r.VisitStart != "2022-07-11" || r.LeadInspector != "Andy Example" || r.Published != "" {
					t.Errorf("embedded report %+v", r)
				}
				l := docs[2]
				if l.Type != extract.TypeMonitoring || l.PageStart != 7 || l.PageEnd != 7 || l.Published != "2023-04-04" ||
					l.VisitStart != "2023-02-28" || l.VisitEnd != "2023-03-01" || l.VisitNumber != 1 || l.LeadInspector != "Jules Example" || l.Authority.Code != "E06000015" {
					t.Errorf("embedded letter %+v", l)
				}
				if docs[0].Committee != "Children and Young People Scrutiny Committee" {
					t.Errorf("committee %q", docs[0].Committee)
				}
			}},
		{name: "TitleWrapsAfterCountyCouncil", file: "ilacs-county-wrapped.pdf.txt", typ: extract.TypeILACS, code: "E10000016",
			start: "2023-03-06", end: "2023-03-17", lead: "Robin Example", ndocs: 1, pageEnd: 1},
		{name: "TitleWrapsInsideMetropolitanBorough", file: "ilacs-metropolitan-wrapped.pdf.txt", typ: extract.TypeILACS, code: "E08000010",
			start: "2023-09-11", end: "2023-09-22", lead: "Sam Example", ndocs: 1, pageEnd: 2},
		{name: "TrustRunServices", file: "ilacs-trust.pdf.txt", typ: extract.TypeILACS, code: "E08000017",
			start: "2023-12-04", end: "2023-12-15", lead: "Alex Example", ndocs: 1, pageEnd: 1},
		{name: "SIFWithLSCBFootnoteDigits", file: "sif-lscb-footnotes.pdf.txt", typ: extract.TypeSIF, code: "E08000002",
			pub: "2015-05-12", start: "2015-03-02", end: "2015-03-26", ndocs: 1, pageEnd: 1,
			extra: func(t *testing.T, docs []extract.Document) {
				if !strings.HasSuffix(docs[0].Title, "care leavers") {
					t.Errorf("title %q, want the SIF title without its footnote mark", docs[0].Title)
				}
			}},
		{name: "NewsSavedAsText", file: "news-byline.text.txt", typ: extract.TypeNews, code: "E08000038", pub: "2023-05-04", ndocs: 1, pageEnd: 1},
		{name: "CommitteeMinutesAsText", file: "committee-minutes.text.txt", typ: extract.TypeCommittee, code: "E08000007", pub: "2023-11-07", ndocs: 1, pageEnd: 1,
			extra: func(t *testing.T, docs []extract.Document) {
				if docs[0].Committee != "Children and Young People Scrutiny Committee" {
					t.Errorf("committee %q", docs[0].Committee)
				}
			}},
		{name: "BriefingNote", file: "briefing-note.text.txt", typ: extract.TypeCommittee, code: "E06000027", pub: "2024-03-14", ndocs: 1, pageEnd: 1},
		{name: "CouncilPageReproducesLetter", file: "council-page-letter.text.txt", typ: extract.TypeNews, code: "E06000015", pub: "2023-04-12", ndocs: 2, pageEnd: 1,
			extra: func(t *testing.T, docs []extract.Document) {
				l := docs[1]
				if l.Type != extract.TypeMonitoring || l.Authority.Code != "E06000015" || l.Published != "2023-04-04" || l.VisitStart != "2023-02-28" ||
					l.VisitEnd != "2023-03-01" || l.VisitNumber != 1 || l.LeadInspector != "Jules Example" {
					t.Errorf("reproduced letter %+v", l)
				}
				if docs[0].Title != "Ofsted monitoring visit letter, March 2023" {
					t.Errorf("page title %q", docs[0].Title)
				}
			}},
		{name: "PartnerBodyIsNotTheCouncil", file: "partner-body.text.txt", typ: extract.TypeCommittee, code: "E09000001", pub: "2023-10-16", ndocs: 1, pageEnd: 1},
		{name: "MergedAuthorityBeforeMerger", file: "bournemouth-2017.pdf.txt", typ: extract.TypeSIF, code: "E06000028",
			pub: "2017-08-24", start: "2017-06-12", end: "2017-07-06", ndocs: 1, pageEnd: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := Classify(fixtureSource(t, filepath.Join("testdata", tt.file)))
			if len(docs) != tt.ndocs {
				t.Fatalf("%d documents, want %d: %+v", len(docs), tt.ndocs, docs)
			}
			d := docs[0]
			if d.Type != tt.typ || d.Authority.Code != tt.code || d.Published != tt.pub || d.VisitStart != tt.start ||
				d.VisitEnd != tt.end || d.LeadInspector != tt.lead || d.VisitNumber != tt.number {
				t.Errorf("got %s %s pub=%q visit=%q..%q lead=%q n=%d\nwant %s %s pub=%q visit=%q..%q lead=%q n=%d",
					d.Type, d.Authority.Code, d.Published, d.VisitStart, d.VisitEnd, d.LeadInspector, d.VisitNumber,
					tt.typ, tt.code, tt.pub, tt.start, tt.end, tt.lead, tt.number)
			}
			if d.PageStart != 1 || d.PageEnd != tt.pageEnd {
				t.Errorf("pages %d-%d, want 1-%d", d.PageStart, d.PageEnd, tt.pageEnd)
			}
			if tt.extra != nil {
				tt.extra(t, docs)
			}
		})
	}
}

// TestClassifyRules checks single rules on short texts.
func TestClassifyRules(t *testing.T) {
	tests := []struct {
		name  string
		src   extract.Source
		check func(d extract.Document) bool
	}{
		{"EmptySourceIsOther", extract.Source{Format: "pdf"}, func(d extract.Document) bool {
			return d.Type == extract.TypeOther && d.Authority.Code == "" && d.Published == ""
		}},
		{"HTMLIsNews", extract.Source{Format: "html", Title: "Council praised", Date: "2024-03-05", Site: "Example Post",
			Pages: []string{"Council praised\nOfsted visited Wigan Council last month."}}, func(d extract.Document) bool {
			return d.Type == extract.TypeNews && d.Published == "2024-03-05" && d.Outlet == "Example Post" && d.Authority.Code == "E08000010"
		}},
		{"NewsDatedByline", extract.Source{Format: "text", Pages: []string{"Ofsted rates Leeds children's services good\nBy Sam Writer, 4 May 2022\nOfsted said services were good. Inspectors found strengths.\nAdvertisement"}},
			func(d extract.Document) bool {
				return d.Type == extract.TypeNews && d.Published == "2022-05-04" && d.Authority.Code == "E08000035"
			}},
		{"NewsBylineDateBelow", extract.Source{Format: "text", Pages: []string{"Leeds children's services rated outstanding\n\nBy Jo Bloggs\n14 March 2024\n\nLeeds City Council's children's services have been rated outstanding by Ofsted.\n\nThe council was rated good in 2019."}},
			func(d extract.Document) bool {
				return d.Type == extract.TypeNews && d.Published == "2024-03-14" && d.Authority.Code == "E08000035"
			}},
		{"OldILACSCouncilLineAboveTitle", extract.Source{Format: "pdf", Pages: []string{"Royal Borough of Kingston upon\nThames\nInspection of children’s social care services\nInspection dates: 21 October to 25 October 2019\nLead inspector: Kim Example"}},
			func(d extract.Document) bool {
				return d.Type == extract.TypeILACS && d.Authority.Code == "E09000021" && d.VisitStart == "2019-10-21" && d.LeadInspector == "Kim Example"
			}},
		{"ReinspectionIsSIF", extract.Source{Format: "pdf", Pages: []string{"Norfolk Council\nRe-inspection of services for children in need of help and\nprotection, children looked after and care leavers\nInspection date: 13 November 2017 to 24 November 2017\nReport published: 19 January 2018"}},
			func(d extract.Document) bool {
				return d.Type == extract.TypeSIF && d.Authority.Code == "E10000020" && d.Published == "2018-01-19" && d.VisitEnd == "2017-11-24"
			}},
		{"LookedAfterInspectionIsOther", extract.Source{Format: "pdf", Pages: []string{"Inspection of looked after children\nservices\nSandwell Metropolitan Borough Council\nInspection dates:\n24 – 28 June 2013\nReporting inspector Chris Example HMI\nAge group:\nPublished:\nAll\n2 August 2013"}},
			func(d extract.Document) bool {
				return d.Type == extract.TypeOther && d.Authority.Code == "E08000028" && d.Published == "2013-08-02" && d.VisitStart == "2013-06-24" && d.LeadInspector == "Chris Example"
			}},
		{"ImpossibleLetterDateFallsBackToFileName", extract.Source{Path: "x/focused visit - 06 november 2025.pdf", Format: "pdf",
			Pages: []string{"6 November 20205\nDirector of Children’s Services\nNorth Somerset Council\nDear Ms Example\nFocused visit to North Somerset children’s services\nThis letter summarises the findings of the focused visit on 7 and 8 October 2025."}},
			func(d extract.Document) bool {
				return d.Type == extract.TypeFocused && d.Published == "2025-11-06" && d.VisitStart == "2025-10-07" && d.Authority.Code == "E06000024"
			}},
		{"ChildrensTrustFocusedVisit", extract.Source{Format: "pdf", Pages: []string{"29 November 2024\nSandwell Metropolitan Borough Council\nDear Sally\nFocused visit to Sandwell Children’s Trust\nThis letter summarises the findings of a focused visit to Sandwell Children’s Trust on\n30 and 31 October 2024."}},
			func(d extract.Document) bool {
				return d.Type == extract.TypeFocused && d.Authority.Code == "E08000028" && d.VisitStart == "2024-10-30"
			}},
		{"VisitDaysListedAcrossMonths", extract.Source{Format: "pdf", Pages: []string{"Focused visit to Bury local authority children’s services\nThis letter summarises the findings of a focused visit to Bury children’s services on\n29 and 30 September, and 1 October 2020."}},
			func(d extract.Document) bool { return d.VisitStart == "2020-09-29" && d.VisitEnd == "2020-10-01" }},
		{"SIFWithLSCBReviewIsNotACommitteePaper", extract.Source{Format: "pdf", Pages: []string{"Bury Council\nInspection of services for children in need of help and protection, children looked after and care leavers\nand\nReview of the effectiveness of the Local Safeguarding Children Board\nExecutive summary\nReport of the inspection\nInspection date: 1 June 2015 to 24 June 2015"}},
			func(d extract.Document) bool { return d.Type == extract.TypeSIF }},
		{"CabinetPaperIsACommitteePaper", extract.Source{Format: "text", Pages: []string{"Report to Cabinet – 14 March 2024\n\nLeeds City Council\n\nOfsted inspection outcome\n\nReport of the Director of Children and Families"}},
			func(d extract.Document) bool {
				return d.Type == extract.TypeCommittee && d.Committee == "Cabinet" && d.Published == "2024-03-14" && d.Authority.Code == "E08000035"
			}},
		{"EmbeddedDocumentsOnlyInCommitteePapers", extract.Source{Format: "text", Pages: []string{"Inspection of Leeds local authority children’s services\nInspection dates: 1 to 5 May 2023\n4 April 2023\nDear Jo\nMonitoring visit to Leeds children’s services\n"}},
			func(d extract.Document) bool { return d.Type == extract.TypeILACS }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := Classify(&tt.src)
			if len(docs) == 0 || !tt.check(docs[0]) {
				t.Errorf("got %+v", docs)
			}
			if tt.name == "EmbeddedDocumentsOnlyInCommitteePapers" && len(docs) != 1 {
				t.Errorf("%d documents, want 1", len(docs))
			}
		})
	}
}

func TestClassifyNil(t *testing.T) {
	docs := Classify(nil)
	if len(docs) != 1 || docs[0].Type != extract.TypeOther {
		t.Errorf("Classify(nil) = %+v", docs)
	}
}

// TestClassifyParts checks that embedded documents carry only their own text.
func TestClassifyParts(t *testing.T) {
	tests := []struct {
		name string
		src  *extract.Source
	}{
		{"PDFPack", fixtureSource(t, filepath.Join("testdata", "pack.pdf.txt"))},
		{"TextPack", &extract.Source{Format: "text", Pages: []string{strings.ReplaceAll(fixtureSource(t, filepath.Join("testdata", "pack.pdf.txt")).Pages[0]+
			strings.Join(fixtureSource(t, filepath.Join("testdata", "pack.pdf.txt")).Pages[1:], "\n"), "\f", "\n")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := ClassifyParts(tt.src)
			if len(parts) != 3 {
				t.Fatalf("%d parts, want 3", len(parts))
			}
			if parts[0].Source != tt.src {
				t.Error("the whole file's part must carry the source itself")
			}
			for _, p := range parts[1:] {
				text := strings.Join(p.Source.Pages, "\f")
				if n := p.Document.PageEnd - p.Document.PageStart + 1; len(p.Source.Pages) != n {
					t.Errorf("%s: %d pages, want %d", p.Document.Type, len(p.Source.Pages), n)
				}
				if strings.Contains(text, "Public Document Pack") || strings.Contains(text, "intentionally left blank") {
					t.Errorf("%s text leaks pack text: %q", p.Document.Type, text)
				}
			}
			if !strings.HasPrefix(parts[1].Source.Pages[0], "Inspection of Derby") || !strings.Contains(strings.Join(parts[1].Source.Pages, "\n"), "© Crown copyright 2022") {
				t.Errorf("report text %q", parts[1].Source.Pages)
			}
			letter := strings.Join(parts[2].Source.Pages, "\n")
			if !strings.HasPrefix(letter, "4 April 2023") || !strings.HasSuffix(letter, "His Majesty’s Inspector") {
				t.Errorf("letter text %q", letter)
			}
		})
	}
}
