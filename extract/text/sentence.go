package text

// A sentence ends at a full stop, question or exclamation mark (closing
// quotes and brackets may follow it) followed by a space and what can
// start a sentence: a capital, a digit, an opening quote. A full stop
// after an abbreviation or an initial ends none. Decimal numbers and
// "s.47" have no space after the point, so they are never cut.
//
// The rules cut two kinds of text, and the two cut differently on
// purpose: reports and letters, whose sentences are classified as
// strengths or weaknesses (ReportSplit: a long abbreviation list, an
// initial is any single capital, a bracket may close or open a
// sentence), and news and committee prose read for judgements
// (ProseSplit: a short list, but any single letter but "a" before a stop
// is an abbreviation, as in "e.g." written as "e. g."). Merging them
// changes what is extracted, so the difference is kept here as the
// options of one splitter.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitOptions are what differ between the ways text is cut into
// sentences.
type SplitOptions struct {
	// Closers are the runes that may stand between the end punctuation
	// and the space after it.
	Closers string
	// Openers are the runes besides capitals and digits that may start
	// the next sentence.
	Openers string
	// Abbreviation reports whether the text before a full stop ends with
	// an abbreviation or an initial, so that the stop ends no sentence.
	Abbreviation func(before string) bool
}

// ReportSplit cuts the body text of reports and letters.
func ReportSplit() SplitOptions {
	return SplitOptions{Closers: "”’\"')]", Openers: "“‘\"'(", Abbreviation: reportAbbreviation}
}

// ProseSplit cuts news and committee prose.
func ProseSplit() SplitOptions {
	return SplitOptions{Closers: `"'”’)`, Openers: `"“‘'`, Abbreviation: proseAbbreviation}
}

// Sentences cuts s into sentences as o says, returning each (trimmed) with
// the byte offset of its start in s.
func Sentences(s string, o SplitOptions) (texts []string, offs []int) {
	start := 0
	emit := func(end int) {
		t := strings.TrimSpace(s[start:end])
		if t != "" {
			lead := len(s[start:end]) - len(strings.TrimLeft(s[start:end], " "))
			texts = append(texts, t)
			offs = append(offs, start+lead)
		}
		start = end
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !strings.ContainsRune(o.Closers, r) {
				break
			}
			j += n
		}
		if j >= len(s) || s[j] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[j+1:])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(o.Openers, r)) {
			continue
		}
		if c == '.' && o.Abbreviation(s[:i]) {
			continue
		}
		emit(j)
	}
	emit(len(s))
	return texts, offs
}

// reportAbbreviation reports whether before ends with an abbreviation that
// never ends a sentence ("e.g", "Mr", "para") or an initial ("J").
func reportAbbreviation(before string) bool {
	w := strings.ToLower(lastToken(before))
	if isAbbreviation(w) || isAbbreviation(strings.TrimSuffix(w, ".")) {
		return true
	}
	tok := lastToken(before)
	return utf8.RuneCountInString(tok) == 1 && unicode.IsUpper([]rune(tok)[0]) // an initial: "J. Smith"
}

// isAbbreviation reports whether w (lower case) is an abbreviation that
// never ends a sentence when followed by a point.
func isAbbreviation(w string) bool {
	switch w {
	case "e.g", "i.e", "eg", "ie", "mr", "mrs", "ms", "dr",
		"no", "nos", "st", "s", "vs", "v", "approx", "cllr",
		"prof", "rev", "para", "paras", "p", "pp", "fig", "ref",
		"cf", "etc.,", "sr", "jr", "co", "inc", "ltd", "al":
		return true
	}
	return false
}

// lastToken returns the run of non-space characters at the end of s,
// without an opening bracket.
func lastToken(s string) string {
	i := strings.LastIndexByte(s, ' ')
	return strings.TrimLeft(s[i+1:], "(“‘\"'")
}

// proseAbbreviation reports whether the word before a stop in prose is an
// abbreviation or a single letter other than "a".
func proseAbbreviation(before string) bool {
	w := strings.ToLower(LastWord(before))
	switch w {
	case "mr", "mrs", "ms", "dr", "st", "cllr", "no", "eg", "ie", "etc", "vs", "e", "i", "g":
		return true
	}
	return len(w) == 1 && w != "a"
}
