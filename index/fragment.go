package index

// Fragments are cut from a hit's shown text around the byte ranges bleve
// reports for the matched terms of the indexed text (the same string, or
// for a page the same string with its findings blanked, byte for byte, so
// the offsets agree). We cut them ourselves rather than use bleve's
// highlighter because the indexed field is not the stored one, and so
// that callers get match ranges, not markup, and render them as they like
// (Fragment.Mark).

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	fragmentWidth   = 240 // bytes of text around matches
	fragmentLead    = 60  // bytes kept before the first match of a window
	fragmentWhole   = 600 // findings up to this long are shown whole
	fragmentsPerHit = 2
)

// fragments returns up to two excerpts of text covering the densest
// clusters of spans; whole asks for the entire text when short.
func fragments(text string, spans [][2]int, whole bool) []Fragment {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	spans = normalise(spans, text)
	if whole && len(text) <= fragmentWhole {
		return []Fragment{cut(text, 0, len(text), spans)}
	}
	if len(spans) == 0 {
		return []Fragment{cut(text, 0, snapForward(text, fragmentWidth), nil)}
	}
	used := make([]bool, len(spans))
	var windows [][2]int
	for len(windows) < fragmentsPerHit {
		best, bestN := -1, 0
		for i := range spans {
			if used[i] {
				continue
			}
			n := 0
			for j := i; j < len(spans) && spans[j][1] <= spans[i][0]+fragmentWidth; j++ {
				if !used[j] {
					n++
				}
			}
			if n > bestN {
				best, bestN = i, n
			}
		}
		if best < 0 {
			break
		}
		a := snapBack(text, spans[best][0]-fragmentLead)
		b := snapForward(text, a+fragmentWidth+fragmentLead)
		if b < spans[best][1] {
			b = snapForward(text, spans[best][1])
		}
		for j := range spans {
			if spans[j][0] >= a && spans[j][1] <= b {
				used[j] = true
			}
		}
		// Do not overlap an earlier window.
		overlap := false
		for _, w := range windows {
			if a < w[1] && w[0] < b {
				overlap = true
			}
		}
		if !overlap {
			windows = append(windows, [2]int{a, b})
		}
	}
	sort.Slice(windows, func(i, j int) bool { return windows[i][0] < windows[j][0] })
	out := make([]Fragment, 0, len(windows))
	for _, w := range windows {
		out = append(out, cut(text, w[0], w[1], spans))
	}
	return out
}

// normalise sorts spans, drops invalid ones and merges overlapping or
// space-separated ones.
func normalise(spans [][2]int, text string) [][2]int {
	var ok [][2]int
	for _, s := range spans {
		if s[0] >= 0 && s[0] < s[1] && s[1] <= len(text) && utf8.RuneStart(text[s[0]]) {
			ok = append(ok, s)
		}
	}
	sort.Slice(ok, func(i, j int) bool { return ok[i][0] < ok[j][0] || ok[i][0] == ok[j][0] && ok[i][1] > ok[j][1] })
	var out [][2]int
	for _, s := range ok {
		// Overlapping, or only a space apart (the words of a phrase):
		// one match.
		if n := len(out); n > 0 && (s[0] <= out[n-1][1] || strings.TrimSpace(text[out[n-1][1]:s[0]]) == "" && s[0]-out[n-1][1] <= 3) {
			out[n-1][1] = max(out[n-1][1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}

// snapBack moves i back to the start of a word (and a rune).
func snapBack(text string, i int) int {
	if i <= 0 {
		return 0
	}
	if i >= len(text) {
		return len(text)
	}
	for j := i; j > 0 && j > i-30; j-- {
		if text[j-1] == ' ' || text[j-1] == '\n' || text[j-1] == '\t' {
			return j
		}
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// snapForward moves i forward to the end of a word (and a rune).
func snapForward(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	if i < 0 {
		return 0
	}
	for j := i; j < len(text) && j < i+30; j++ {
		if text[j] == ' ' || text[j] == '\n' || text[j] == '\t' {
			return j
		}
	}
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	return i
}

// cut makes the fragment text[a:b], with runs of white space collapsed to
// one space, an ellipsis where text was cut, and the spans inside it
// mapped onto the new text.
func cut(text string, a, b int, spans [][2]int) Fragment {
	var sb strings.Builder
	var matches [][2]int
	if a > 0 {
		sb.WriteString("… ")
	}
	si := 0
	for si < len(spans) && spans[si][0] < a {
		si++
	}
	open := -1
	space := false
	for i := a; i < b; {
		// Span boundaries sit on rune starts.
		if si < len(spans) && open < 0 && i >= spans[si][0] {
			if space {
				sb.WriteByte(' ')
				space = false
			}
			open = sb.Len()
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			space = sb.Len() > 0 && !strings.HasSuffix(sb.String(), " ")
		} else {
			if space {
				sb.WriteByte(' ')
				space = false
			}
			sb.WriteString(text[i : i+n])
		}
		i += n
		if open >= 0 && i >= spans[si][1] {
			if sb.Len() > open { // a match of white space only vanishes
				matches = append(matches, [2]int{open, sb.Len()})
			}
			open = -1
			si++
		}
	}
	if open >= 0 && sb.Len() > open {
		matches = append(matches, [2]int{open, sb.Len()})
	}
	if b < len(text) {
		sb.WriteString(" …")
	}
	return Fragment{Text: sb.String(), Matches: matches}
}
