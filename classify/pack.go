package classify

// A committee pack (agenda, minutes, reports and appendices bound into one
// file) often appends the Ofsted report and letters it discusses. They are
// found by their openings: a report's title line followed closely by its
// "Inspection dates" or "Lead inspector" label; a letter's date line
// followed by "Dear ..." and a visit or inspection heading. Each runs to
// the next opening, a "This page is intentionally left blank" separator, a
// report's "© Crown copyright" line or a letter's signature, whichever
// comes first.

import "regexp"

var (
	reportStartRe = regexp.MustCompile(`(?i)^(?:inspection of .{2,90} local authority children` + apos + `?s services|area send inspection of .{2,90}|inspection of services for children in need of help and protection.*)$`)
	reportLabelRe = regexp.MustCompile(`(?i)^(?:inspection dates?|lead inspector|dates? of inspection)\b`)
	letterHeadRe  = regexp.MustCompile(`(?i)^(?:monitoring visit|focused visit|joint targeted area inspection|joint local area send inspection|area send)\b`)
	blankPageRe   = regexp.MustCompile(`(?i)^this page is intentionally (?:left )?blank\.?$`)
	copyrightRe   = regexp.MustCompile(`(?i)^© crown copyright\b`)
)

// splitPack returns the segments of a pack's lines that open like an
// embedded Ofsted report or letter.
func splitPack(ls []line) [][]line {
	var starts []int
	for i := range ls {
		if s, ok := embeddedStart(ls, i); ok && (len(starts) == 0 || s > starts[len(starts)-1]) {
			starts = append(starts, s)
		}
	}
	var segs [][]line
	for k, s := range starts {
		limit := len(ls)
		if k+1 < len(starts) {
			limit = starts[k+1]
		}
		end := limit
		for j := s + 1; j < limit; j++ {
			t := ls[j].text
			if blankPageRe.MatchString(t) {
				end = j
				break
			}
			if copyrightRe.MatchString(t) {
				end = j + 1
				break
			}
			if signoffRe.MatchString(t) {
				// The signature: a name and the inspector's title.
				end = min(limit, j+3)
				for x := j + 1; x < min(limit, j+4); x++ {
					if hmiRe.MatchString(ls[x].text) {
						end = x + 1
						break
					}
				}
				break
			}
		}
		if end > s {
			segs = append(segs, ls[s:end])
		}
	}
	return segs
}

// embeddedStart reports whether line i opens an embedded document, and the
// index of its first line.
func embeddedStart(ls []line, i int) (int, bool) {
	t := ls[i].text
	if reportStartRe.MatchString(t) {
		for j := i + 1; j < min(len(ls), i+6); j++ {
			if reportLabelRe.MatchString(ls[j].text) {
				return i, true
			}
		}
	}
	if dateLineRe.MatchString(t) {
		for j := i + 1; j < min(len(ls), i+16); j++ {
			if !dearRe.MatchString(ls[j].text) {
				continue
			}
			for k := j + 1; k < min(len(ls), j+4); k++ {
				if letterHeadRe.MatchString(ls[k].text) {
					return i, true
				}
			}
			break
		}
	}
	return 0, false
}
