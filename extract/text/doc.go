// Package text is the line machinery every finding rule shares: it turns
// pages of extracted text into clean lines and cuts them into the units
// rules read, knowing the shape of text but nothing of what it says.
//
// Clean (clean.go) removes page furniture (running headers and footers,
// repeated lines, bare page numbers, the inspectorate's address block)
// and marks each Line that ends short of the column's measured width, so
// that rules tell a heading or a paragraph's end by the line's shape, not
// by blank lines another PDF producer drops. JoinText and Unwrap (join.go)
// join what a column wrapped, repairing line-end hyphens by the words of
// the document (WordSet); Unwrap is told by its caller which lines are
// headings or table cells, so that no document's vocabulary lives here.
// words.go tests a line's shape (HeadingLike, CarriesOn, SentenceEnd),
// list.go its markers (bullet glyphs of every producer, numbered and
// lettered items, table rows), and sentence.go cuts sentences (one
// splitter for reports, letters and prose alike).
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
