package find

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"
)

// hangGuard bounds one fuzz input's run: far above the real time (a few
// milliseconds) so that a busy machine cannot fail it, yet it names the
// input that hangs or runs away rather than leaving the fuzzer stalled.
const hangGuard = 30 * time.Second

var update = flag.Bool("update", false, "rewrite the golden files under testdata/find")

// readFixture reads a testdata/find fixture: a "type: T" line, then the
// text, pages separated by form feeds.
func readFixture(t testing.TB, path string) (*extract.Document, *extract.Source) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read fixture %s: %v", path, err)
	}
	head, body, _ := strings.Cut(string(b), "\n")
	typ := strings.TrimSpace(strings.TrimPrefix(head, "type:"))
	return &extract.Document{Type: extract.Type(typ)}, &extract.Source{Path: path, Format: "text", Pages: strings.Split(body, "\f")}
}

func TestFindGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "find", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in testdata/find: %v", err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			doc, src := readFixture(t, path)
			var buf bytes.Buffer
			for _, f := range Find(doc, src) {
				b, err := json.Marshal(f)
				if err != nil {
					t.Fatal(err)
				}
				buf.Write(b)
				buf.WriteByte('\n')
			}
			golden := strings.TrimSuffix(path, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to create): %v", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("findings differ from %s (run with -update after checking):\ngot:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}

func TestFindPageRange(t *testing.T) {
	src := &extract.Source{Pages: []string{
		"Committee report\nThe committee noted the report.",
		"What needs to improve?\n◼ The quality of plans.\n◼ The timeliness of visits.",
		"Appendix\n◼ Not part of the document.",
	}}
	got := Find(&extract.Document{Type: extract.TypeFocused, PageStart: 2, PageEnd: 2}, src)
	if len(got) != 2 {
		t.Fatalf("Find on page 2 = %d findings, want 2: %+v", len(got), got)
	}
	for _, f := range got {
		if f.Page != 2 || f.Kind != extract.KindRecommendation {
			t.Errorf("finding %+v: want a recommendation on page 2", f)
		}
	}
	if got := Find(&extract.Document{Type: extract.TypeFocused, PageStart: 9, PageEnd: 12}, src); got != nil {
		t.Errorf("Find past the last page = %+v, want nil", got)
	}
	if got := Find(&extract.Document{Type: extract.TypeILACS}, nil); got != nil {
		t.Errorf("Find(nil source) = %+v, want nil", got)
	}
}

func FuzzFind(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "find", "*.txt"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err == nil {
			f.Add(string(b))
		}
	}
	f.Add("What needs to improve?\n◼ \n\f1.\n\nRecommendations\n1. Ensure\n2.")
	f.Add("Judgement Grade Overall effectiveness Good good good inadequate")
	f.Add("What needs to improve\n\nPlans are weak.\n\nOfsted will take the findings\n\nHeadline findings\n1. The quality\n2. x")
	f.Add("Areas for priority action\nLeaders should act.\n\nThe Borough\nCouncil\n\nLeaders should also ensure x.\n")
	// a letter's introduction, its findings, a mention, a document's own
	// acronym and the back matter
	f.Add("Dear Jo\n\nMonitoring visit to X\n\nInspectors met staff.\n\nMain findings\n\nThe children’s advice and duty service (CADS) is co-located with police. Social workers see children alone. This includes visits.\n\nNext steps\n\nThere are 12 teams.\n\nThe Office for Standards in Education, Children’s Services and Skills (Ofsted) regulates and inspects.\nYou may reuse this.")
	f.Add("Judgement\n\nThe impact of leaders on practice\n\nThe experiences and progress of young carers\n\nGrade\n\nGood\n\nRequires\nImprovement\n\nText.")
	f.Add("The experiences and progress of children in care and care\nGood leavers\nOverall effecti\u00ad\nveness Requires improvement to be good practice\n2019\nInadequate\nGood")
	f.Fuzz(func(t *testing.T, s string) {
		for _, typ := range []extract.Type{extract.TypeILACS, extract.TypeSIF, extract.TypeJTAI, extract.TypeFocused, extract.TypeSEND, extract.TypeOther} {
			start := time.Now()
			doc := &extract.Document{Type: typ, VisitStart: "2024-01-08"}
			got := Find(doc, &extract.Source{Pages: strings.Split(s, "\f")})
			if d := time.Since(start); d > hangGuard {
				t.Fatalf("Find took %v on %d bytes: %.80q", d, len(s), s)
			}
			for _, w := range doc.Warnings {
				if !utf8.ValidString(w) || w == "" {
					t.Fatalf("bad warning %q", w)
				}
			}
			for _, x := range got {
				if !utf8.ValidString(x.Text) || x.Rule == "" || x.Kind == "" {
					t.Fatalf("bad finding %+v", x)
				}
				if x.Page < 1 || x.Page > strings.Count(s, "\f")+1 {
					t.Fatalf("finding page %d out of range: %+v", x.Page, x)
				}
			}
		}
	})
}
