// Package classify decides what the documents in a source file are: their
// type, the local authority they concern, their dates and inspectors, and,
// for council committee packs, the Ofsted reports and letters embedded in
// them.
//
// Classify takes an extract.Source (pages of text) and returns one
// extract.Document for the file as a whole followed by one per embedded
// document, each with its page range. It fills no findings. Analyse
// (analyse.go) is the whole of what is decided about a read source: it
// classifies, then runs extract/find on each document, an embedded one on
// its own text with the file's page numbers, so that no finding is
// counted twice; the commands call it and hold no domain logic.
//
// # Design decisions
//
// Content, not file names. The type is a scored decision over many
// signals of how each kind of document is built (type.go, signals.go): the
// title block read as one string, a grade table, the headings of each
// framework, a letter's structure, "Inspection dates", a council paper's
// furniture, a news page's byline and reported speech. The signals' knowledge
// is tables (titles, headings, furniture; the grade rows come from
// extract/framework's table of frameworks), so a new framework or
// document type is rows and a test. Document.TypeReason records the
// evidence, so that a wrong type can be explained. The same document
// renamed must classify the same.
//
// A page is not the documents it reproduces. A council paper, pack or web
// page that reproduces an Ofsted report or letter below its own text is
// typed by its own text (pack.go), and the reproduced documents follow it
// as documents of their own.
//
// The one use of the file name is a publication date of last resort: ILACS
// and area SEND reports print no publication date, while Ofsted's download
// names and the common scrapers end in "- 14 january 2022.pdf". It applies
// only to the file as a whole, never to a document embedded in a pack.
//
// Structured places before counting. The authority is read from the title
// phrase ("Inspection of X local authority children's services", "Inspection
// of X County Council children's services", "Focused visit to X Children's
// Trust", "Area SEND inspection of X Local Area Partnership"), the council
// line above an older title, a committee header, a news headline; only then
// from the name mentioned most often. Pages that list statistical
// neighbours, partner agencies or Ofsted's own Manchester address therefore
// do not mislead.
//
// A gazetteer generated from reference data. gazetteer_data.go is written
// by internal/gengazetteer (go generate) from the ONS and Ofsted tables of
// the shared corpus, and committed, so builds and tests need no corpus. It
// holds the 153 current authorities with their current ONS codes, former
// codes (re-coded authorities, and counties become unitary authorities of
// the same name, resolve to their successor) and the names Ofsted, ONS and
// the DfE use. Former authorities keep their own code: those split between
// several successors (Cumbria, Northamptonshire) always, those merged into
// an authority of another name (Bournemouth and Poole into BCP) in
// documents dated before the merger (authority.go). Names match as
// word-token sequences, longest first, so "Nottinghamshire" is never
// "Nottingham"; a partner body named after several councils counts as
// none of them.
//
// Never invent. A value not found in its place stays empty: a letter date
// that is no calendar date ("6 November 20205") is no date; a date in a
// news page's header is not the article's date.
//
// Bounded work. Patterns run over the head of a document and bounded
// windows of its body, and lines are capped in length, so a pathological
// input cannot make classification slow.
//
// Regular expressions and the gazetteer index are built once and never
// modified; the package has no other state.
package classify
