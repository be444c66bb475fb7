package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ofsted/ofsted/extract"
)

func TestPutRecordDelete(t *testing.T) {
	dir := t.TempDir()
	ix := openT(t, dir)
	rec := letter("a/leeds.pdf", "Leeds", "E08000035", "2021-05-04",
		[]string{"Page one text.", "Page two text."},
		extract.Finding{Kind: extract.KindStrength, Text: "Leaders know their services well.", Page: 1, Rule: "strength.test", Themes: []string{"leadership"}})
	rec.Error = ""
	putT(t, ix, rec)

	got, ok, err := ix.Record(rec.Path)
	if err != nil || !ok {
		t.Fatalf("Record: ok=%v err=%v", ok, err)
	}
	if got.Stored.IsZero() {
		t.Errorf("Stored not set")
	}
	rec.Stored = got.Stored
	if !reflect.DeepEqual(got, rec) {
		t.Errorf("Record round trip:\n got %+v\nwant %+v", got, rec)
	}
	meta, ok, err := ix.Meta(rec.Path)
	if err != nil || !ok || meta.Pages != nil || meta.SHA256 != rec.SHA256 || len(meta.Documents) != 1 {
		t.Errorf("Meta = %+v, %v, %v; want the record without pages", meta, ok, err)
	}
	if _, ok, _ := ix.Record("missing.pdf"); ok {
		t.Errorf("Record(missing) found")
	}
	paths, err := ix.Paths()
	if err != nil || !slices.Equal(paths, []string{"a/leeds.pdf"}) {
		t.Errorf("Paths = %v, %v", paths, err)
	}
	if err := ix.Delete(rec.Path); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := ix.Record(rec.Path); ok {
		t.Errorf("Record found after Delete")
	}
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	if res := searchT(t, ix, Query{}); res.Total != 0 {
		t.Errorf("after Delete: %d units indexed, want 0: %v", res.Total, hitKeys(res))
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestRecordSurvivesReopen(t *testing.T) {
	dir := t.TempDir()
	ix := openT(t, dir)
	rec := letter("x.pdf", "Kent", "E10000016", "2019-02-01", []string{"Text about placements."})
	putT(t, ix, rec)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	got, ok, err := ro.Record("x.pdf")
	if err != nil || !ok || got.SHA256 != rec.SHA256 || !slices.Equal(got.Pages, rec.Pages) {
		t.Fatalf("Record after reopen: %+v ok=%v err=%v", got, ok, err)
	}
	if err := ro.Put(rec); err == nil {
		t.Errorf("Put on a read-only index succeeded")
	}
	if res := searchT(t, ro, Query{Text: "placement"}); res.Total != 1 {
		t.Errorf("read-only search: total %d, want 1", res.Total)
	}
}

// TestRecordKeepsSource checks that a record gives back the Source it was
// made from (text and metadata), through the store, so that analysing it
// again sees what reading saw; and that an old record without metadata
// still decodes.
func TestRecordKeepsSource(t *testing.T) {
	dir := t.TempDir()
	ix := openT(t, dir)
	defer ix.Close()
	src := &extract.Source{Path: "news.html", Format: "html", Title: "Council rated good", Date: "2024-03-14",
		Site: "Example Post", Created: "2024-03-13", Pages: []string{"Council rated good\n\nText.\n"}}
	rec := letter("news.html", "Kent", "E10000016", "2024-03-14", nil)
	rec.SetSource(src)
	putT(t, ix, rec)
	got, ok, err := ix.Record("news.html")
	if err != nil || !ok {
		t.Fatalf("Record: ok=%v err=%v", ok, err)
	}
	if back := got.Source(); !reflect.DeepEqual(back, src) {
		t.Errorf("Source() = %+v, want %+v", back, src)
	}
	rec.SetSource(nil)
	if rec.Format != "" || rec.Pages != nil || rec.Created != "" || rec.Title != "" {
		t.Errorf("SetSource(nil) left %+v", rec)
	}
	var old Record
	if err := json.Unmarshal([]byte(`{"path":"a.pdf","format":"pdf","documents":[]}`), &old); err != nil || old.Created != "" || old.Source().Format != "pdf" {
		t.Errorf("old record: %+v, %v", old, err)
	}
}

func TestReputReplacesDocuments(t *testing.T) {
	dir := t.TempDir()
	ix := openT(t, dir)
	defer ix.Close()
	v1 := letter("r.pdf", "Derby", "E06000015", "2020-01-01",
		[]string{"old wording about caseloads", "second page about caseloads"},
		extract.Finding{Kind: extract.KindWeakness, Text: "Caseloads are too high.", Page: 1})
	putT(t, ix, v1)
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	if res := searchT(t, ix, Query{Text: "caseloads"}); res.Total != 3 {
		t.Fatalf("v1: total %d, want 3 (2 pages + 1 finding): %v", res.Total, hitKeys(res))
	}
	v2 := letter("r.pdf", "Derby", "E06000015", "2020-01-01", []string{"new wording about caseloads"})
	putT(t, ix, v2)
	// Put twice before a flush: still one copy.
	putT(t, ix, v2)
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	res := searchT(t, ix, Query{Text: "caseloads"})
	if want := []string{"r.pdf#1"}; !slices.Equal(hitKeys(res), want) {
		t.Errorf("v2 hits = %v, want %v", hitKeys(res), want)
	}
	if res := searchT(t, ix, Query{}); res.Total != 1 {
		t.Errorf("v2: %d units in all, want 1", res.Total)
	}
}

// TestCatchUp simulates a crash after Put and before the bleve index
// absorbed it, and the loss of the bleve directory.
func TestCatchUp(t *testing.T) {
	recs := []Record{
		letter("1.pdf", "Leeds", "E08000035", "2019-01-01", []string{"alpha placements"}),
		letter("2.pdf", "Kent", "E10000016", "2019-01-01", []string{"alpha fostering"}),
		letter("3.pdf", "Camden", "E09000007", "2019-01-01", []string{"alpha adoption"}),
	}
	tests := []struct {
		name  string
		crash func(t *testing.T, dir string, ix *Index)
	}{
		{"NoFlush", func(t *testing.T, dir string, ix *Index) {
			ix.abandon()
		}},
		{"BleveDeleted", func(t *testing.T, dir string, ix *Index) {
			if err := ix.Close(); err != nil {
				t.Fatal(err)
			}
			if err := os.RemoveAll(filepath.Join(dir, "bleve")); err != nil {
				t.Fatal(err)
			}
		}},
		{"BleveGarbage", func(t *testing.T, dir string, ix *Index) {
			if err := ix.Close(); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "bleve", "index_meta.json"), []byte("{garbage"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			ix := openT(t, dir)
			putT(t, ix, recs[0], recs[1])
			if err := ix.Flush(); err != nil {
				t.Fatal(err)
			}
			// After the flush: one new record, one replaced, one deleted.
			putT(t, ix, recs[2])
			changed := letter("2.pdf", "Kent", "E10000016", "2019-01-01", []string{"alpha changed"})
			putT(t, ix, changed)
			if err := ix.Delete("1.pdf"); err != nil {
				t.Fatal(err)
			}
			tt.crash(t, dir, ix)

			ix = openT(t, dir)
			defer ix.Close()
			res := searchT(t, ix, Query{Text: "alpha"})
			got := hitKeys(res)
			slices.Sort(got)
			if want := []string{"2.pdf#1", "3.pdf#1"}; !slices.Equal(got, want) {
				t.Errorf("after reopen: hits %v, want %v", got, want)
			}
			if res := searchT(t, ix, Query{Text: "fostering"}); res.Total != 0 {
				t.Errorf("old version of 2.pdf still indexed")
			}
			// The cached facets of everything agree with counted ones.
			cached := searchT(t, ix, Query{}).Facets
			counted := searchT(t, ix, Query{Unit: "page,finding"}).Facets
			if !reflect.DeepEqual(cached, counted) || len(cached["authority"]) != 2 {
				t.Errorf("facets of everything: cached %v, counted %v", cached, counted)
			}
		})
	}
}

// abandon drops the index as a killed process would: no flush, files
// closed (the OS would close them), locks released.
func (ix *Index) abandon() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.pending = map[string]pendingOp{}
	ix.closeAll()
	ix.closed = true
}

func TestReindex(t *testing.T) {
	dir := t.TempDir()
	ix := openT(t, dir)
	defer ix.Close()
	putT(t, ix,
		letter("1.pdf", "Leeds", "E08000035", "2019-01-01", []string{"one", "two"}),
		letter("2.pdf", "Kent", "E10000016", "2019-01-01", []string{"three"}))
	var calls [][2]int
	err := ix.Reindex(context.Background(), func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{2, 2} {
		t.Errorf("progress calls %v, want last (2, 2)", calls)
	}
	if res := searchT(t, ix, Query{}); res.Total != 3 {
		t.Errorf("after Reindex: %d units, want 3", res.Total)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ix.Reindex(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Reindex with cancelled context: %v", err)
	}
	// A cut-short rebuild is finished by the next Open.
	ix.Close()
	ix = openT(t, dir)
	if res := searchT(t, ix, Query{}); res.Total != 3 {
		t.Errorf("after interrupted Reindex and reopen: %d units, want 3", res.Total)
	}
}

func TestMappingVersionRebuild(t *testing.T) {
	dir := t.TempDir()
	ix := openT(t, dir)
	putT(t, ix, letter("1.pdf", "Leeds", "E08000035", "2019-01-01", []string{"one"}))
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := ix.bl.SetInternal(keyMapping, []byte("older")); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ro, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.Search(context.Background(), Query{}); !errors.Is(err, ErrNotIndexed) {
		t.Errorf("read-only search of an outdated index: %v, want ErrNotIndexed", err)
	}
	ro.Close()
	ix = openT(t, dir)
	defer ix.Close()
	if res := searchT(t, ix, Query{}); res.Total != 1 {
		t.Errorf("after rebuild: %d units, want 1", res.Total)
	}
}

func TestLocking(t *testing.T) {
	dir := t.TempDir()
	ix := openT(t, dir)
	putT(t, ix, letter("1.pdf", "Leeds", "E08000035", "2019-01-01", []string{"one"}))

	start := time.Now()
	_, err := Open(dir)
	var le *LockedError
	if !errors.Is(err, ErrLocked) || !errors.As(err, &le) || le.PID != os.Getpid() {
		t.Errorf("second Open: %v, want ErrLocked with PID %d", err, os.Getpid())
	}
	if err != nil && !strings.Contains(err.Error(), "being written by process") {
		t.Errorf("message %q", err)
	}
	_, err = OpenReadOnly(dir)
	if !errors.Is(err, ErrLocked) {
		t.Errorf("OpenReadOnly during a write: %v, want ErrLocked", err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("lock conflicts took %v, want failure, not a wait for the lock", d)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	// Readers share; a writer waits briefly for them and then gives up.
	r1, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	r2.Close()
	go func() {
		time.Sleep(200 * time.Millisecond)
		r1.Close()
	}()
	ix, err = Open(dir)
	if err != nil {
		t.Fatalf("Open after readers left: %v", err)
	}
	ix.Close()
}

func TestOpenReadOnlyMissing(t *testing.T) {
	_, err := OpenReadOnly(filepath.Join(t.TempDir(), "nothing"))
	if !errors.Is(err, ErrNoIndex) {
		t.Errorf("OpenReadOnly(missing) = %v, want ErrNoIndex", err)
	}
}

func TestDocument(t *testing.T) {
	dir := t.TempDir()
	ix := openT(t, dir)
	defer ix.Close()
	rec := letter("pack.pdf", "Leeds", "E08000035", "2022-03-01",
		[]string{"agenda", "report page one", "report page two", "minutes"})
	rec.Documents[0].Type = extract.TypeCommittee
	rec.Documents = append(rec.Documents, extract.Document{
		Type: extract.TypeILACS, PageStart: 2, PageEnd: 3, Published: "2022-01-10",
		Authority: extract.Authority{Name: "Leeds", Code: "E08000035"},
		Findings:  []extract.Finding{{Kind: extract.KindJudgement, Domain: extract.DomainOverall, Grade: extract.GradeGood, Text: "Overall effectiveness: good", Page: 2}},
	})
	putT(t, ix, rec)
	id := DocumentID(rec.SHA256, 2)
	v, err := ix.Document(id)
	if err != nil {
		t.Fatal(err)
	}
	if v.Path != "pack.pdf" || v.Ordinal != 2 || v.First != 2 || !slices.Equal(v.Pages, rec.Pages[1:3]) || len(v.Rows) != 1 || v.Rows[0].Grade != "good" {
		t.Errorf("Document(%s) = %+v", id, v)
	}
	if _, err := ix.Document(DocumentID(rec.SHA256, 3)); !errors.Is(err, ErrNotFound) {
		t.Errorf("Document(ordinal 3) = %v, want ErrNotFound", err)
	}
	if _, err := ix.Document("nonsense"); err == nil {
		t.Errorf("Document(nonsense) succeeded")
	}
	// Pages belong to the innermost document: pages 2-3 to the report.
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	res := searchT(t, ix, Query{Text: "report", Unit: "page"})
	for _, h := range res.Hits {
		if h.DocumentID != id || h.Type != string(extract.TypeILACS) {
			t.Errorf("page %d indexed as %s (%s), want %s", h.Page, h.DocumentID, h.Type, id)
		}
	}
	if res.Total != 2 {
		t.Errorf("report pages: %d hits, want 2", res.Total)
	}
}

func TestDocumentID(t *testing.T) {
	id := DocumentID("0123456789abcdef0123", 3)
	if id != "0123456789ab-3" {
		t.Errorf("DocumentID = %q", id)
	}
	sha, n, ok := parseDocumentID(id)
	if !ok || sha != "0123456789ab" || n != 3 {
		t.Errorf("parseDocumentID(%q) = %q %d %v", id, sha, n, ok)
	}
	for _, bad := range []string{"", "abc", "abc-0", "abc-x", "-3", "abc-03"} {
		if _, _, ok := parseDocumentID(bad); ok {
			t.Errorf("parseDocumentID(%q) ok", bad)
		}
	}
}

// TestConcurrentUse searches, exports and reads records while the writer
// puts and flushes (run with -race).
func TestConcurrentUse(t *testing.T) {
	ix := openT(t, t.TempDir())
	defer ix.Close()
	done := make(chan struct{})
	errc := make(chan error, 3)
	for g := 0; g < 3; g++ {
		go func() {
			for {
				select {
				case <-done:
					errc <- nil
					return
				default:
				}
				if _, err := ix.Search(context.Background(), Query{Text: "alpha"}); err != nil {
					errc <- err
					return
				}
				if err := ix.Findings(context.Background(), Query{}, func(Row) error { return nil }); err != nil {
					errc <- err
					return
				}
				if _, _, err := ix.Record("3.pdf"); err != nil {
					errc <- err
					return
				}
			}
		}()
	}
	for i := 0; i < 30; i++ {
		putT(t, ix, letter(fmt.Sprintf("%d.pdf", i%7), "Leeds", "E08000035", "2020-01-01", []string{fmt.Sprintf("alpha %d", i)},
			extract.Finding{Kind: extract.KindStrength, Text: "alpha finding"}))
		if i%5 == 0 {
			if err := ix.Flush(); err != nil {
				t.Fatal(err)
			}
		}
	}
	close(done)
	for g := 0; g < 3; g++ {
		if err := <-errc; err != nil {
			t.Error(err)
		}
	}
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	if res := searchT(t, ix, Query{Text: "alpha"}); res.Total != 14 {
		t.Errorf("after concurrent puts: %d hits, want 14 (7 pages + 7 findings)", res.Total)
	}
}

// TestTouch checks that a new modification time is recorded without the
// record being indexed again.
func TestTouch(t *testing.T) {
	dir := t.TempDir()
	ix := openT(t, dir)
	rec := letter("/a/one.pdf", "Bury", "E08000002", "2021-03-12", []string{"Strategy discussions are timely."})
	putT(t, ix, rec)
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	mod := rec.ModTime.Add(time.Hour)
	if err := ix.Touch(rec.Path, mod); err != nil {
		t.Fatal(err)
	}
	got, ok, err := ix.Meta(rec.Path)
	if err != nil || !ok || !got.ModTime.Equal(mod) || got.SHA256 != rec.SHA256 || len(got.Documents) != len(rec.Documents) {
		t.Errorf("after Touch: %v %v mod %v want %v; record %+v", ok, err, got.ModTime, mod, got)
	}
	if n, err := ix.Unindexed(); err != nil || n != 0 {
		t.Errorf("Touch left %d records to index (%v), want 0", n, err)
	}
	if err := ix.Touch("/a/none.pdf", mod); err != nil {
		t.Errorf("Touch of a path with no record: %v", err)
	}
	if _, ok, _ := ix.Meta("/a/none.pdf"); ok {
		t.Errorf("Touch made a record")
	}
}
