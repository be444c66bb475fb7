package find

// Committee papers restate an inspection: its judgement table (often as a
// two-column table whose cells text converters join with " | "), the areas
// for improvement as a lettered list ("a. The quality of ..."), and a
// progress table ("Area for improvement | Progress") with a column of
// bulleted progress statements. The judgement and list rules read them
// once the tables are flattened: unpipe (table.go) turns each row into its left
// cell and its right cell, gluing cells that wrap onto the next line back
// to their row, so that "children who need help and | Requires" /
// "protection | improvement to be good" reads "... help and protection" /
// "Requires improvement to be good". Progress statements come out as
// their own kind, progress (rule committee.progress): each says what the
// council reports it has done about one area for improvement, which is its
// claim, not an inspector's finding of strength. Papers with no progress
// table list the statements as bullets under a heading of their own
// ("Progress since the inspection", "Progress against the areas for
// improvement"): each item is a statement (rule committee.progress-list).

import (
	"strings"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/text"
)

var (
	// The header of a progress table.
	reProgressHeader = text.Lazy(`(?i)^areas? (?:for|of) improvement\s*\|?\s*progress(?: (?:made|to date|update))?$`)
	// The heading of a section of progress statements (its number cut).
	reProgressHeading = text.Lazy(`(?i)^(?:progress|update)(?: (?:to date|made|so far|update|since (?:the )?(?:ofsted )?(?:inspection|visit|last (?:inspection|visit)|report)|against (?:the |each )?(?:areas? for improvement|recommendations?|(?:improvement|action) plan)|on (?:the )?(?:areas? for improvement|recommendations?|(?:improvement|action) plan)))?$`)
	// Bullets of progress statements, including the glyphs OCR makes of
	// them ("e ", "¢ ").
	reProgressBullet = text.Lazy(`^(?:[*•●▪◼\x{F0B7}\x{F06E}¢·-]|e(?: |$))\s*`)
)

// findProgress returns one strength per progress statement of a committee
// paper's progress table, prefixed with the area it is about.
func findProgress(ls []text.Line, ws text.WordSet) []extract.Finding {
	var out []extract.Finding
	for i := 0; i < len(ls); i++ {
		if !reProgressHeader.MatchString(ls[i].Text) {
			continue
		}
		area := ""
		before := len(out)
		var cur *extract.Finding
		flush := func() {
			if cur != nil && strings.TrimSpace(cur.Text) != "" {
				if area != "" {
					cur.Text = area + ": " + cur.Text
				}
				out = append(out, *cur)
			}
			cur = nil
		}
		j := i + 1
		for ; j < len(ls); j++ {
			t := ls[j].Text
			if t == "" || reProgressHeader.MatchString(t) {
				continue
			}
			l, r, piped := text.SplitRow(t)
			if !piped {
				break // the table ended: a paragraph follows
			}
			if l != "" && !text.StartsLower(l) {
				flush()
				area = l
			} else if l != "" {
				area = strings.TrimSpace(area + " " + l)
			}
			if r == "" {
				continue
			}
			if m := reProgressBullet.FindString(r); m != "" {
				flush()
				cur = &extract.Finding{Kind: extract.KindProgress, Text: strings.TrimSpace(r[len(m):]), Page: ls[j].Page, Rule: "committee.progress"}
				continue
			}
			if cur == nil {
				cur = &extract.Finding{Kind: extract.KindProgress, Text: r, Page: ls[j].Page, Rule: "committee.progress"}
				continue
			}
			cur.Text = text.JoinText(cur.Text, r, ws)
		}
		flush()
		if len(out)-before < 2 {
			out = out[:before] // a table the converter did not keep in rows
		}
		i = j - 1
	}
	return out
}

// findProgressList returns one progress finding per item of the first
// list under a progress heading: the section's introduction is passed
// over, and the list ends at the first paragraph after an item, or at the
// next heading. It reads blocks (text.Blocks), so an item broken over
// lines at any width is one item.
func findProgressList(ls []text.Line, ws text.WordSet) []extract.Finding {
	bs := blocksOf(ls, ws)
	var out []extract.Finding
	for i := 0; i < len(bs); i++ {
		if !progressHeading(bs[i].Text) {
			continue
		}
		items := 0
		j := i + 1
		for ; j < len(bs); j++ {
			b := bs[j]
			if b.Item() {
				items++
				if b.Text != "" {
					out = append(out, extract.Finding{Kind: extract.KindProgress, Text: b.Text, Page: b.Page, Rule: "committee.progress-list"})
				}
				continue
			}
			if items > 0 || b.Kind == text.HeadingBlock && !progressHeading(b.Text) {
				break // the list, or the section, has ended
			}
		}
		i = j - 1
	}
	return out
}

// progressHeading reports whether t heads a committee paper's account of
// progress ("Progress since the inspection", "5.2 Update:").
func progressHeading(t string) bool {
	return reProgressHeading.MatchString(strings.TrimSuffix(strings.TrimSpace(text.StripSectionNumber(t)), ":"))
}
