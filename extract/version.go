package extract

import "strings"

// Versions of what the pipeline does, stored with every record of what was
// extracted. A file whose record has another version is processed again
// on the next ingest, and only as far as needed: when only the rules
// changed (classify, find), its stored page texts are analysed again
// without reading the file; when a reader changed, the file is read again.
//
// Bump ReaderVersion when a change to a reader (packages read, pdftext,
// htmltext, plaintext) changes the text or metadata it produces; bump
// RulesVersion when a change to the classifier or the finding rules
// changes what they produce.
const (
	ReaderVersion = "reader-2026.12.04"
	RulesVersion  = "rules-2026.12.22"
	Version       = ReaderVersion + "+" + RulesVersion
)

// SameReader reports whether a record made by pipeline version v read its
// file as this build would, so that its stored pages can be used again.
func SameReader(v string) bool {
	r, _, _ := strings.Cut(v, "+")
	return r == ReaderVersion
}
