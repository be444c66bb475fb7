// Package text is the line machinery every finding rule shares: it turns
// pages of extracted text into clean lines and cuts them into the units
// rules read, knowing the shape of text but nothing of what it says.
//
// Clean (clean.go) removes page furniture (running headers and footers,
// repeated lines, bare page numbers, footnotes at a page's foot, the
// inspectorate's address block), undoes what typesetting leaves in a PDF's
// text (typeset.go: ligatures, soft hyphens) and tells the blank lines an
// author set from the end of a page. Blocks (blocks.go) then recovers the
// logical lines of a document, its headings, paragraphs, items and cells,
// whatever width its column had and whether or not blank lines survived:
// a block ends at a marker, a known heading or cell (which the caller
// names through Breaks, so that no document's vocabulary lives here), a
// blank line, or a line that is a heading by its shape, never at a line
// that merely looks short, and never at a page break. JoinText (join.go)
// joins wrapped lines, repairing line-end hyphens by the words of the
// document (WordSet). words.go tests a line's shape (HeadingLike,
// CarriesOn, SentenceEnd), list.go its markers (bullet glyphs of every
// producer, numbered and lettered items, table rows), and sentence.go cuts
// sentences (one splitter for reports, letters and prose alike).
//
// The rule tables are regular expressions run on every sentence of every
// document; Pattern (prefilter.go) skips a regexp when a literal it needs
// is absent, and WordTable (wordmatch.go) finds which patterns of a whole
// table match a text in one pass, always with exactly the regexps'
// answers.
//
// The package imports nothing of the project (extract/read's tests check
// it): it sits below the model and the rules.
package text
