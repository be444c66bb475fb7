package text

// The shape of a line tells a rule much of what it is: a heading is short,
// capitalised and ends no sentence; a line that ends on "and" or a comma
// goes on; a sentence ends with a stop. These tests know English, not any
// kind of document.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// LastWord returns the run of letters at the end of s (empty when s ends
// with anything else).
func LastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return s
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i+n:]
}

// FirstWord returns the run of letters at the start of s.
func FirstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return s
	}
	return s[:i]
}

// FirstToken is the run of non-space characters at the start of s.
func FirstToken(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// StartsLower reports whether t starts with a lower-case letter.
func StartsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

// StartsUpper reports whether t starts anew: with a capital or a digit.
func StartsUpper(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// SentenceEnd reports whether t ends a sentence (closing quotes and
// brackets after the point allowed; a colon ends an introduction).
func SentenceEnd(t string) bool {
	t = strings.TrimRight(t, "”’\"')] ")
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?' || r == ':'
}

// ContinuesSentence reports whether a line ending on word w must go on:
// no heading or label ends on a conjunction, article or preposition.
func ContinuesSentence(w string) bool {
	switch strings.ToLower(w) {
	case "and", "or", "but", "nor", "of", "the", "a", "an", "to", "in", "into", "for", "with", "by", "on", "at", "from", "as",
		"that", "which", "who", "whose", "where", "when", "is", "are", "was", "were", "be", "been", "has", "have", "had",
		"their", "its", "his", "her", "our", "this", "these", "those", "not", "than", "about", "across", "between", "within",
		"whether", "if", "because", "while", "although", "through", "including", "such", "so", "very", "more", "most", "being",
		"under", "over", "after", "before", "during", "since", "until", "without", "towards", "against", "among", "via", "per",
		"upon", "despite", "throughout", "beyond", "aged":
		return true
	}
	return false
}

// CarriesOn reports whether a line ending as t must go on to the next:
// it ends on a comma, a hyphen or a word no sentence ends on.
func CarriesOn(t string) bool {
	return strings.HasSuffix(t, ",") || strings.HasSuffix(t, "-") || ContinuesSentence(LastWord(t))
}

// HeadingLike reports whether t looks like a heading: short, capitalised,
// not ending a sentence or a clause.
func HeadingLike(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) {
		return false
	}
	if len(strings.Fields(t)) > 10 {
		return false
	}
	if strings.ContainsAny(t[len(t)-1:], ".,;:") || strings.Contains(t, ". ") {
		return false // a heading ends no sentence, at its end or inside
	}
	if ContinuesSentence(LastWord(t)) {
		return false // a wrapped sentence
	}
	return true
}
