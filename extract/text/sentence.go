package text

// A sentence ends at a full stop, question or exclamation mark (closing
// quotes and brackets may follow it) followed by a space and what can
// start a sentence: a capital, a digit, an opening quote or bracket. A
// full stop after an abbreviation ("e.g.", "Mr.", "No.", "para.") or an
// initial ("J. Smith") ends none. Decimal numbers and "s.47" have no space
// after the point, so they are never cut.
//
// Reports, letters, news and committee prose are all cut by this one
// splitter. News prose had a splitter of its own, with fewer
// abbreviations but any single letter before a stop taken for one; cut
// by this one instead, every file of the corpus and of testdata gave
// byte-identical findings, scores and perturbation results, so the copy
// went.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences cuts s into sentences, returning each (trimmed) with the byte
// offset of its start in s.
func Sentences(s string) (texts []string, offs []int) {
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
			if !strings.ContainsRune("”’\"')]", r) {
				break
			}
			j += n
		}
		if j >= len(s) || s[j] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[j+1:])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“‘\"'(", r)) {
			continue
		}
		if c == '.' && abbreviationBefore(s[:i]) {
			continue
		}
		emit(j)
	}
	emit(len(s))
	return texts, offs
}

// abbreviationBefore reports whether before ends with an abbreviation that
// never ends a sentence ("e.g", "Mr", "para") or an initial ("J").
func abbreviationBefore(before string) bool {
	tok := lastToken(before)
	w := strings.ToLower(tok)
	if isAbbreviation(w) || isAbbreviation(strings.TrimSuffix(w, ".")) {
		return true
	}
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
