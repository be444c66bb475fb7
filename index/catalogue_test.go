package index

import (
	"context"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/ofsted/ofsted/extract"
)

// TestCatalogueWithoutEntries checks that records written without a
// catalogue entry (by a version that did not keep one), or with a stale
// one, are still listed, from the records themselves, and that the writer
// fills the entries in when it opens.
func TestCatalogueWithoutEntries(t *testing.T) {
	dir := t.TempDir()
	ix := openT(t, dir)
	putT(t, ix,
		judged("a.pdf", extract.TypeILACS, nottingham, "2023-09-01", "", "", "overall_effectiveness=good"),
		judged("b.pdf", extract.TypeFocused, bury, "2021-03-12", "", ""))
	// Forget a's entry and make b's stale, as an older writer would have.
	err := ix.st.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketCatalogue).Delete([]byte("a.pdf")); err != nil {
			return err
		}
		return tx.Bucket(bucketCatalogue).Put([]byte("b.pdf"), []byte("\x00\x00\x00\x00\x00\x00\x00\x01000000000000{\"d\":[]}"))
	})
	if err != nil {
		t.Fatal(err)
	}
	check := func(ix *Index, when string) {
		t.Helper()
		cat, err := ix.Catalogue(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(cat) != 2 || cat[0].Path != "b.pdf" || cat[1].Grade(extract.DomainOverall) != extract.GradeGood {
			t.Errorf("%s: catalogue %+v", when, cat)
		}
	}
	check(ix, "entries missing")
	ix.Close()

	ix = openT(t, dir) // fills the catalogue
	defer ix.Close()
	err = ix.st.db.View(func(tx *bolt.Tx) error {
		for _, p := range []string{"a.pdf", "b.pdf"} {
			if _, _, ok := catalogued(tx, []byte(p)); !ok {
				t.Errorf("%s: no current catalogue entry after the writer opened", p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check(ix, "entries filled")
	if err := ix.Delete("a.pdf"); err != nil {
		t.Fatal(err)
	}
	cat, err := ix.Catalogue(context.Background())
	if err != nil || len(cat) != 1 {
		t.Errorf("after Delete: %d entries, %v; want 1", len(cat), err)
	}
}
