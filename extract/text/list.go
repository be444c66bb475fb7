package text

// Lists are drawn with whatever glyph the producer's font had (Wingdings
// private-use codes included) or marked with numbers and letters. These
// helpers tell an item's marker from its text; which lists matter is the
// rules' business.

import (
	"strings"
	"unicode/utf8"
)

// mainBullets start an item; subBullets continue the current one unless the
// list started with them.
const (
	mainBullets = "\u25FC\u25AA\u2022\u25CF\u25A0\uF06E\uF0A7\uF0B7\uF076\uF0D8\uF0FC\u27A2-–*"
	subBullets  = "\u2212\uF02D\u25E6o"
)

var (
	// A numbered paragraph or item: "3. Text", "12.Text".
	reNumbered = Lazy(`^(\d{1,3})\.\s*(\S.*)$`)
	// An item of a lettered list: "a. Text", "b) Text", "(c) Text".
	reLetterItem = Lazy(`^\(?([a-z])[.)]\s+(\S.*)$`)
	// A letter in brackets before an item: "a) ", "(b) ".
	reListLetter = Lazy(`^\(?[a-z]\)\s+`)
	// A lettered or numbered list marker: "a)", "(b)", "c.", "1)".
	reListMarker = Lazy(`^(?:\(?[a-z]\)|[a-z]\.|\(?\d{1,2}\))(\s+)\S`)
	// A paragraph number: "19. ", "(3) ", "2.1) ".
	reParaNum = Lazy(`^\(?\d{1,3}(\.\d{1,2})?[.)]\s+`)
	// A report's section number before a quoted sentence: "2.1 ", "3.1.2. ".
	reSectionNum = Lazy(`^\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+`)
)

// Bullet returns the bullet glyph that starts t (empty if none) and the
// text after it. A sub-bullet glyph (an "o", a minus) is a bullet too: the
// list it is in says whether it starts an item.
func Bullet(t string) (glyph, rest string) {
	r, n := utf8.DecodeRuneInString(t)
	if !strings.ContainsRune(mainBullets, r) && !strings.ContainsRune(subBullets, r) {
		return "", t
	}
	rest = t[n:]
	if r == 'o' || r == '-' || r == '–' || r == '*' {
		// "o", "-" and "*" are bullets only when followed by a space.
		if !strings.HasPrefix(rest, " ") {
			return "", t
		}
	}
	return string(r), strings.TrimSpace(rest)
}

// NumberedItem returns the number (its digits as written: "3", "03")
// and text of a numbered line ("3. Text").
func NumberedItem(t string) (num, rest string, ok bool) {
	m := reNumbered.FindStringSubmatch(t)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// LetteredItem returns the letter and text of an item of a lettered list
// ("a. Text", "b) Text", "(c) Text").
func LetteredItem(t string) (letter, rest string, ok bool) {
	m := reLetterItem.FindStringSubmatch(t)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// ListLetter returns the bracketed letter that starts t ("a) ", "(b) "),
// with the spaces after it, or "".
func ListLetter(t string) string { return reListLetter.FindString(t) }

// ListMarker reports whether t starts with a lettered or numbered list
// marker: "a)", "(b)", "c.", "1)".
func ListMarker(t string) bool { return reListMarker.MatchString(t) }

// StripItemMarker drops a bullet or list marker at the start of t.
func StripItemMarker(t string) string {
	if g, rest := Bullet(t); g != "" {
		return rest
	}
	if m := reListMarker.FindStringSubmatchIndex(t); m != nil {
		// The text starts after the spaces: the character the pattern
		// also matched may be several bytes long.
		return strings.TrimSpace(t[m[3]:])
	}
	return t
}

// ParaNumber returns the paragraph number that starts t ("19. ", "(3) ",
// "2.1) "), with the spaces after it, or "".
func ParaNumber(t string) string { return reParaNum.FindString(t) }

// StripSectionNumber drops a report's section number ("2.1 ", "3.1.2. ")
// from the start of a sentence quoted elsewhere.
func StripSectionNumber(t string) string { return reSectionNum.ReplaceAllString(t, "") }

// SplitRow splits a table row that a converter wrote with " | " between
// cells into its first cell and the rest (later bars become spaces). ok
// is false for a line that is not a row.
func SplitRow(t string) (left, right string, ok bool) {
	i := strings.Index(t, "|")
	if i < 0 {
		return "", "", false
	}
	return strings.TrimSpace(t[:i]), strings.TrimSpace(strings.ReplaceAll(t[i+1:], "|", " ")), true
}
