package index

// The same inspection often reaches the index twice: a report ingested on
// its own, and the same report embedded in a committee pack (or a second
// download of it under another name with different bytes). LinkSameAs
// finds such copies once all records are in and marks every copy but one
// with Document.SameAs = the DocumentID of the one kept, so that counts and
// exports need not double them.
//
// Two documents are copies when they are Ofsted reports or letters of the
// same type and authority and either have the same visit dates, or (when a
// copy has no visit dates) the same publication date, or carry the same
// list of what must improve (at least two items, compared as lower-case
// words): near-duplicate text where dates were not found. The copy kept is
// a file of its own (ordinal 1) rather than one embedded in a pack, then
// a PDF (the form Ofsted publishes) rather than a text or HTML copy, then
// the first by path. The links are recomputed from scratch on every call,
// so that they follow files that changed or went away; only records whose
// links change are written again.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/ofsted/ofsted/extract"
)

// docRef is one document of a record.
type docRef struct {
	path string
	ord  int // 1-based
	pdf  bool
	id   string
	keys []string // copyKeys of the document
}

// copyKeys returns the keys under which d is compared with other documents.
func copyKeys(d *extract.Document) []string {
	if !d.Type.Ofsted() || d.Authority.Code == "" {
		return nil
	}
	base := string(d.Type) + "|" + d.Authority.Code + "|"
	var keys []string
	switch {
	case d.VisitStart != "":
		keys = append(keys, base+"v"+d.VisitStart+"/"+d.VisitEnd)
	case d.Published != "":
		keys = append(keys, base+"p"+d.Published)
	}
	var items []string
	for _, f := range d.Findings {
		if f.Kind == extract.KindRecommendation || f.Kind == extract.KindPriorityAction {
			items = append(items, wordsKey(f.Text))
		}
	}
	if len(items) >= 2 {
		sort.Strings(items)
		h := sha256.Sum256([]byte(strings.Join(items, "\n")))
		keys = append(keys, base+"r"+hex.EncodeToString(h[:8]))
	}
	return keys
}

// wordsKey is text as lower-case words, so that punctuation, quotes and
// line breaks that differ between copies do not matter.
func wordsKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// sameAsLinks returns, for every document (by "path\x00ord"), the ID of the
// copy it duplicates, or "" for documents that are no copy.
func sameAsLinks(refs []docRef) map[string]string {
	parent := make([]int, len(refs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	first := map[string]int{}
	for i := range refs {
		for _, k := range refs[i].keys {
			if j, ok := first[k]; ok {
				parent[find(i)] = find(j)
			} else {
				first[k] = i
			}
		}
	}
	groups := map[int][]int{}
	for i := range refs {
		r := find(i)
		groups[r] = append(groups[r], i)
	}
	out := make(map[string]string, len(refs))
	for _, g := range groups {
		keep := g[0]
		for _, i := range g[1:] {
			a, b := refs[i], refs[keep]
			if (a.ord == 1) != (b.ord == 1) {
				if a.ord == 1 {
					keep = i
				}
				continue
			}
			if a.pdf != b.pdf {
				if a.pdf {
					keep = i
				}
				continue
			}
			if a.path < b.path || a.path == b.path && a.ord < b.ord {
				keep = i
			}
		}
		for _, i := range g {
			link := ""
			if i != keep && refs[i].id != refs[keep].id {
				link = refs[keep].id
			}
			out[linkKey(refs[i].path, refs[i].ord)] = link
		}
	}
	return out
}

// LinkSameAs marks the documents that are copies of another (see the top
// of this file) and clears marks that no longer hold. It returns the
// number of documents marked. The changed records are written like Puts
// and reach the search index at the next Flush. It reads every document
// in brief (the docs bucket), and in full only the records whose marks
// change.
func (ix *Index) LinkSameAs(ctx context.Context) (int, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := ix.writable("link copies"); err != nil {
		return 0, err
	}
	var refs []docRef
	var marks []string // the SameAs of each of refs
	err := ix.st.eachDoc(func(e docEntry) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		refs = append(refs, docRef{path: e.Path, ord: e.Ord, pdf: e.PDF, id: e.ID, keys: e.Keys})
		marks = append(marks, e.SameAs)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("link copies in %s: %w", ix.dir, err)
	}
	links := sameAsLinks(refs)
	marked := 0
	var changed []string // paths, in order, once each
	for i, r := range refs {
		want := links[linkKey(r.path, r.ord)]
		if want != "" {
			marked++
		}
		if marks[i] != want && (len(changed) == 0 || changed[len(changed)-1] != r.path) {
			changed = append(changed, r.path)
		}
	}
	for _, path := range changed {
		full, ok, err := ix.st.get(path, true)
		if err != nil {
			return marked, fmt.Errorf("link copies: %w", err)
		}
		if !ok {
			continue
		}
		for i := range full.Documents {
			full.Documents[i].SameAs = links[linkKey(path, i+1)]
		}
		seq, _, err := ix.st.put(&full)
		if err != nil {
			return marked, fmt.Errorf("link copies: put record %s: %w", path, err)
		}
		ix.pending[path] = pendingOp{seq: seq}
	}
	return marked, nil
}

func linkKey(path string, ord int) string { return fmt.Sprintf("%s\x00%d", path, ord) }
