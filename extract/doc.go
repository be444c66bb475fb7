// Package extract holds the domain model and turns files into documents'
// findings.
//
// The model (model.go) is the project's shared vocabulary: document
// types, finding kinds, judgement domains and grades appear unchanged in
// JSON, CSV, command-line flags and the index, so every other package
// imports them from here.
//
// Reading is not here: package extract/read decides a file's format by
// its content, never its extension (real folders hold web error pages
// saved as ".pdf"), and builds a Source from what the leaf readers return:
// extract/pdftext (the only importer of the PDF library), extract/htmltext
// (the only importer of goquery: article body, headline, date and outlet
// from meta tags, legacy charsets converted) and extract/plaintext. Every
// reader returns pages of text; nothing downstream knows which reader ran.
// Keeping the readers out of this package keeps the PDF library and the
// HTML parser out of everything that imports the model.
//
// Finding (find.go) runs rules over the cleaned lines of a document's
// pages (package extract/text removes running headers, footers and page
// numbers before sentences are cut, and rejoins hyphenated line ends):
// judgement.go reads grade tables, recommend.go the lists of what must
// improve, letter.go, news.go and committee.go what each of those
// documents adds, sentence.go and strength.go classify body sentences as
// strengths or weaknesses by their main clause, and theme.go tags
// findings with practice themes. The rules are tables of readable
// patterns, each with a stable name that appears in the output as the
// finding's rule, so that a change in output can be traced to a rule.
// They are fast because a pattern's regexp runs only where the literal
// words it needs occur (extract/text's Pattern and WordTable).
//
// Extraction never guesses: an unknown value is empty.
package extract
