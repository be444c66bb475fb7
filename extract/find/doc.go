// Package find reads the findings of a document: its judgements, what must
// improve, the focus of a visit, its strengths and weaknesses, each with
// the page and the rule that found it.
//
// The rules are organised by the kind of evidence they read, each finding
// it wherever it is: grade tables (table.go), judgements stated in prose
// by news, committee papers and SIF reports (prose.go, with the
// constructions that rate in reported.go and the domains a rating grades
// in scope.go), lists of what
// must improve (lists.go), what a visit looked at and a SEND outcome
// (focus.go), recommendations quoted by the news (news.go), a committee's
// progress statements (progress.go), strengths, weaknesses and mentions
// of a theme, in reports and as the news reports them (strength.go, with
// its tables of phrases in cues.go), and practice themes, with the names
// a document defines for them (themes.go). Which rules run for which type of document is decided in
// one place, find.go, from the type's facts (extract.Type.Graded, ...)
// and one switch. Rules share only what sits in its own file: the
// vocabulary of headings and cells (vocabulary.go), prose cut into
// sentences (cut.go), body sentences with their section, domain and list
// context (sentences.go) and the findings already made (findings.go);
// below them, extract/text's line machinery.
//
// The rules are tables of readable patterns, each with a stable name that
// appears in the output as the finding's rule, so that a change in output
// can be traced to a rule. Extraction never guesses: an unknown value is
// empty.
package find
