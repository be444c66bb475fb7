package find

// Judgements come from the grade table at the head of ILACS and SIF
// reports, and from the copies of it that committee papers and news pages
// print. A table is read as cells, not as strings to look for: each line
// is a grade cell (a grade wording and nothing else, "Requires
// improvement" / "to be good" wrapped over two lines), a header cell
// ("Judgement", "Grade") or a label cell (a label's wrapped lines
// together). PDF text renders the table row by row (label, grade, label,
// grade) or column by column (every label, then every grade): a run of k
// grade cells goes to the k label cells before it. A label cell is a row
// of the domain its key words name (framework.Domains), whatever the
// words between them, so a relabelled row of a new framework is read
// without a change here. The table ends at the first cell of prose after
// a row, so grades in the prose that follows are never taken; a table
// introduced as an earlier inspection's is not read.
//
// What looks like a row but is not understood (a grade beside a label
// that names no known domain, a row whose grade is no known wording, more
// grades than labels) is reported as a warning of the document, never a
// finding.

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/text"
)

// tableLines returns the lines of the region of ls where a grade table
// is: the first three pages of a report (a cover or a contents page may
// come first; the table ends at the prose after it, whatever heading
// follows); the whole text of any other document (a copied table may sit
// anywhere in it). Words broken at a soft hyphen are mended, table rows
// are flattened to one line per cell and cells that interrupt a label
// are moved after it.
func tableLines(ls []text.Line, typ extract.Type) []text.Line {
	first := ls[0].Page
	var region []text.Line
	for _, l := range ls {
		if typ.Graded() && l.Page > first+2 {
			break
		}
		region = append(region, l)
	}
	return untangleCells(unpipe(mendSoftHyphens(region)))
}

// cellKind is what a cell of a table region is.
type cellKind uint8

const (
	labelCell cellKind = iota
	gradeCell
	headCell
)

// cell is one cell of a table region: a label's lines, a grade or a
// header.
type cell struct {
	kind  cellKind
	text  string
	page  int
	grade extract.Grade // of a grade cell; "" for "Not judged"
	gap   bool          // a blank line or a page break before it
}

// tableCells cuts the lines of a table region into cells. A line without
// a letter (a column's year, a footnote's number) is a header. A label's
// lines are one cell when the next goes on in lower case, or else, with
// no blank line between them, when the line before ends on a word no
// label ends on ("The experiences and progress of") or the next is a
// stray word or two that name nothing after a label that names a domain
// ("... Local Safeguarding Children" / "Board").
func tableCells(ls []text.Line) []cell {
	v := vocabulary()
	var out []cell
	gap := false
	for i := 0; i < len(ls); i++ {
		t := ls[i].Text
		if t == "" {
			gap = true
			continue
		}
		if g, n, ok := gradeCellAt(ls, i); ok {
			out = append(out, cell{kind: gradeCell, text: g.text, page: ls[i].Page, grade: g.grade, gap: gap})
			i += n - 1
			gap = false
			continue
		}
		if v.tableHeading.MatchString(strings.TrimRight(t, ":")) || !strings.ContainsFunc(t, unicode.IsLetter) {
			out = append(out, cell{kind: headCell, text: t, page: ls[i].Page, gap: gap})
			gap = false
			continue
		}
		if n := len(out); n > 0 && out[n-1].kind == labelCell && continuesLabel(out[n-1].text, t, gap) {
			out[n-1].text += " " + t
			continue
		}
		out = append(out, cell{kind: labelCell, text: t, page: ls[i].Page, gap: gap})
		gap = false
	}
	return out
}

// continuesLabel reports whether line t goes on with the label cell
// prev, after a blank line or a page break when gap is set (no label
// starts in lower case, so one that does goes on across a page break).
func continuesLabel(prev, t string, gap bool) bool {
	if text.StartsLower(t) {
		return true
	}
	if gap {
		return false
	}
	if text.CarriesOn(prev) {
		return true
	}
	return len(strings.Fields(t)) <= 2 && text.StartsUpper(t) && !strings.ContainsAny(t, ".:") &&
		len(keyDomains(t)) == 0 && rowDomain(prev) != ""
}

// gradeWording is a grade cell's wording and grade.
type gradeWording struct {
	text  string
	grade extract.Grade
}

// gradeCellAt reports whether ls[i] starts a grade cell, and how many
// lines it takes: a grade wording alone on its line, capitalised as a
// cell is ("Requires improvement to be good", "Good"), or wrapped over
// the next lines ("Requires" / "improvement", "Requires improvement" /
// "to be good"), a page break between them.
func gradeCellAt(ls []text.Line, i int) (gradeWording, int, bool) {
	v := vocabulary()
	t := ls[i].Text
	if !text.StartsUpper(t) && !strings.HasPrefix(t, "requir") {
		return gradeWording{}, 0, false
	}
	n := 1
	for n < 5 && i+n < len(ls) && reGradeStart.MatchString(t) {
		// A grade cut short ("Requires") goes on across a blank line or
		// a page break; a whole one ("Requires improvement") only on the
		// next line ("to be good").
		k := i + n
		for k < len(ls) && k < i+4 && ls[k].Text == "" && !v.gradeCell.MatchString(t) {
			k++
		}
		if k >= len(ls) || ls[k].Text == "" {
			break
		}
		next := t + " " + ls[k].Text
		if !v.gradeCell.MatchString(next) && !reGradeStart.MatchString(next) {
			break
		}
		t = next
		n = k - i + 1
	}
	m := v.gradeCell.FindStringSubmatchIndex(t)
	if m == nil {
		return gradeWording{}, 0, false
	}
	for g := 1; g < len(m)/2; g++ {
		if m[2*g] >= 0 {
			return gradeWording{t, v.cellGrades[g-1]}, n, true
		}
	}
	return gradeWording{}, 0, false
}

// tableRow is a row read from a table: its domain ("" when its label
// names none), label cell and grade cell.
type tableRow struct {
	domain extract.Domain
	label  cell
	grade  cell
}

// readTable reads the first grade table in cells: its rows, in the order
// of the table, and warnings about what looked like rows but was not
// understood.
func readTable(cells []cell) (rows []tableRow, warnings []string) {
	var pending []int // label cells since the last grade
	lastProse := ""   // the last cell of prose before the table
	warnUngraded := func(idx []int) {
		for _, i := range idx {
			c := cells[i]
			if d := rowDomain(c.text); d != "" && !containsGrade(c.text) {
				warnings = append(warnings, fmt.Sprintf("grade table: row %q has no grade that is understood", clip(c.text)))
			}
		}
	}
	for i := 0; i < len(cells); {
		c := cells[i]
		switch c.kind {
		case headCell:
			i++
			continue
		case labelCell:
			if !rowLike(c.text) {
				if len(rows) > 0 {
					warnUngraded(pending)
					return rows, warnings
				}
				pending, lastProse = pending[:0], c.text
			} else {
				pending = append(pending, i)
			}
			i++
			continue
		}
		j := i
		for j < len(cells) && cells[j].kind == gradeCell {
			j++
		}
		grades := cells[i:j]
		i = j
		if len(pending) == 0 {
			continue // a grade before any label: not the table
		}
		labels := labelsFor(cells, pending, len(grades))
		if labels == nil {
			warnings = append(warnings, fmt.Sprintf("grade table: %d grades after %d labels (%q ...): not read", len(grades), len(pending), clip(cells[pending[0]].text)))
			pending = pending[:0]
			continue
		}
		if len(rows) == 0 && looksBackAt(lastProse) {
			pending = pending[:0] // an earlier inspection's judgements
			continue
		}
		if len(rows) > 0 {
			warnUngraded(slices.DeleteFunc(slices.Clone(pending), func(p int) bool { return slices.Contains(labels, p) }))
		}
		for k, l := range labels {
			rows = append(rows, tableRow{domain: rowDomain(cells[l].text), label: cells[l], grade: grades[k]})
		}
		pending = pending[:0]
	}
	if len(rows) > 0 {
		warnUngraded(pending)
	}
	return rows, warnings
}

// labelsFor returns the label cells (indexes into cells) that a run of k
// grade cells grades: the cell just before a single grade (a table read
// row by row); for several, the last k label cells that name a domain,
// or the last k label cells when fewer name one (a table read column by
// column). nil when there are fewer labels than grades.
func labelsFor(cells []cell, pending []int, k int) []int {
	if len(pending) < k {
		return nil
	}
	if k > 1 {
		var named []int
		for _, p := range pending {
			if rowDomain(cells[p].text) != "" {
				named = append(named, p)
			}
		}
		if len(named) >= k {
			return named[len(named)-k:]
		}
	}
	return pending[len(pending)-k:]
}

// rowLike reports whether a label cell could be a row's label: a few
// words that end no sentence, not prose, and end with a colon only when
// they name a domain and no verb ends them.
func rowLike(t string) bool {
	t = strings.TrimSpace(text.StripSectionNumber(t))
	n := len(strings.Fields(t))
	if n == 0 || n > vocabulary().maxLabelWords+6 || strings.Contains(t, ". ") || strings.HasSuffix(t, ".") {
		return false
	}
	if head, ok := strings.CutSuffix(t, ":"); ok {
		// "Overall effectiveness:" is a label; "The judgements were:"
		// introduces a table.
		return rowDomain(head) != "" && !text.ContinuesSentence(text.LastWord(head))
	}
	return true
}

// keyDomains returns the domains whose key words label t names, in the
// order of the model's domains. A key inside a longer key of another
// domain does not count.
func keyDomains(t string) []extract.Domain { return vocabulary().keyDomains(t) }

func (v *vocab) keyDomains(t string) []extract.Domain {
	type span struct {
		d          extract.Domain
		start, end int
	}
	var spans []span
	for _, k := range v.rowKeys {
		for _, m := range k.re.FindAllStringIndex(t, -1) {
			spans = append(spans, span{k.domain, m[0], m[1]})
		}
	}
	var out []extract.Domain
	for _, a := range spans {
		inside := false
		for _, b := range spans {
			if b.d != a.d && b.start <= a.start && b.end >= a.end && b.end-b.start > a.end-a.start {
				inside = true
			}
		}
		if !inside && !slices.Contains(out, a.d) {
			out = append(out, a.d)
		}
	}
	order := extract.Domains()
	slices.SortFunc(out, func(a, b extract.Domain) int { return slices.Index(order, a) - slices.Index(order, b) })
	return out
}

// domainSet is the key of a set of domains in vocab.combos.
func domainSet(ds []extract.Domain) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = string(d)
	}
	return strings.Join(s, "+")
}

// rowDomain returns the domain a row label names: the one domain its key
// words name, or the domain of the framework row that names the same
// several ("children in care and care leavers"); "" when it names none or
// a set no framework's row does.
func rowDomain(label string) extract.Domain {
	ds := keyDomains(label)
	switch len(ds) {
	case 0:
		return ""
	case 1:
		return ds[0]
	}
	return vocabulary().combos[domainSet(ds)]
}

// printedType returns the type of report whose framework prints the row
// label closest to label for domain d (by the share of words the two have
// in common), or "" when frameworks of both types print it alike.
func printedType(label string, d extract.Domain) extract.Type {
	words := strings.Fields(strings.ToLower(text.StripSectionNumber(label)))
	best, bestType := -1.0, extract.Type("")
	for _, p := range vocabulary().printed {
		if p.domain != d {
			continue
		}
		common := 0
		for _, w := range p.words {
			if slices.Contains(words, w) {
				common++
			}
		}
		score := float64(common) / float64(len(words)+len(p.words)-common)
		switch {
		case score > best:
			best, bestType = score, p.typ
		case score == best && p.typ != bestType:
			bestType = ""
		}
	}
	return bestType
}

// containsGrade reports whether t holds a grade wording (a statement such
// as "The effectiveness of the LSCB is requires improvement", which the
// sentence rules read).
func containsGrade(t string) bool {
	return reGradeWord.MatchString(t)
}

// looksBackAt reports whether the last two sentences of prose introduce
// an earlier inspection's judgements ("The judgements at the previous
// inspection were:", "The last inspection report was published in June
// 2015. The judgements for the local authority were:").
func looksBackAt(prose string) bool {
	if prose == "" {
		return false
	}
	s, _ := text.Sentences(prose)
	for i := max(0, len(s)-2); i < len(s); i++ {
		if reEarlierTable.MatchString(s[i]) {
			return true
		}
	}
	return false
}

// clip shortens a cell's text for a warning.
func clip(t string) string {
	if len(t) <= 90 {
		return t
	}
	i := 90
	for i > 0 && !utf8.RuneStart(t[i]) {
		i--
	}
	return t[:i] + "..."
}

// wordAfterLower reports whether the word after offset i of s starts with a
// lower-case letter.
func wordAfterLower(s string, i int) bool {
	if i >= len(s) || s[i] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i+1:])
	return unicode.IsLower(r)
}

// mendSoftHyphens rejoins a word that a soft hyphen (U+00AD) broke
// across two lines: text.Clean drops the soft hyphens inside words and
// keeps the one that ends a line, which text.Join mends for prose; table
// cells are read line by line, so they are mended here.
func mendSoftHyphens(ls []text.Line) []text.Line {
	out := make([]text.Line, 0, len(ls))
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		for strings.HasSuffix(l.Text, "\u00ad") && i+1 < len(ls) && ls[i+1].Text != "" {
			i++
			l.Text = strings.TrimSuffix(l.Text, "\u00ad") + ls[i].Text
		}
		out = append(out, l)
	}
	return out
}

// untangleCells undoes the renderings of a table row in which the grade
// cell interrupts its label: the grade at the end of the label's first
// line ("The experiences and progress of Good" / "children in care"), or
// wrapped in its cell beside the label's two lines ("... of children
// Requires improvement" / "who need help and protection to be good"), on
// a line of its own between the label's lines, or inside a line when a
// reader joined some of the row's lines ("The experiences and progress of
// Good children in care", "... children in care and care" / "Good
// leavers": the label round it names a domain). The grade is moved after
// the label's lower-case continuation lines.
func untangleCells(ls []text.Line) []text.Line {
	v := vocabulary()
	var split []text.Line
	// The grades read with their label on one line ("the experiences and
	// progress of children in care: good"): theirs is certain, and the
	// next item starting in lower case is no continuation of their label.
	placed := map[int]bool{}
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		if m := reTrailingGradeStart.FindStringSubmatch(l.Text); m != nil && i+1 < len(ls) && text.StartsLower(ls[i+1].Text) {
			// "... practice Requires" / "with children and families
			// improvement to be good": the grade wrapped in its cell
			// beside the label's two lines.
			next := ls[i+1].Text
			if t := reGradeTail.FindStringSubmatchIndex(next); t != nil && t[3] > t[2] && v.gradeCell.MatchString(m[2]+" "+next[t[2]:t[3]]) {
				split = append(split, text.Line{Text: m[1], Page: l.Page})
				if rest := strings.TrimSpace(next[:t[2]]); rest != "" {
					split = append(split, text.Line{Text: rest, Page: l.Page})
				}
				split = append(split, text.Line{Text: m[2] + " " + next[t[2]:t[3]], Page: l.Page})
				i++
				continue
			}
		}
		if label, grade, n := itemRow(ls, i); n > 0 {
			// an item with its grade at the end, wrapped over n more lines
			split = append(split, text.Line{Text: label, Page: l.Page}, text.Line{Text: grade, Page: ls[i+n].Page})
			placed[len(split)-1] = true
			i += n
			continue
		}
		if label, grade, ok := separatedRow(l.Text); ok {
			split = append(split, text.Line{Text: label, Page: l.Page}, text.Line{Text: grade, Page: l.Page})
			placed[len(split)-1] = true
			continue
		}
		if m := v.trailingGrade.FindStringSubmatch(l.Text); m != nil && !strings.HasSuffix(m[1], ".") && text.StartsUpper(m[2]) {
			split = append(split, text.Line{Text: m[1], Page: l.Page}, text.Line{Text: m[2], Page: l.Page})
			continue
		}
		if m := v.innerGrade.FindStringSubmatch(l.Text); m != nil && !text.SentenceEnd(m[1]) && text.StartsUpper(m[2]) {
			if label := m[1] + " " + m[3]; rowLike(label) && rowDomain(label) != "" {
				split = append(split, text.Line{Text: m[1], Page: l.Page}, text.Line{Text: m[2], Page: l.Page}, text.Line{Text: m[3], Page: l.Page})
				continue
			}
		}
		if m := v.leadingGrade.FindStringSubmatch(l.Text); m != nil && len(split) > 0 && text.StartsUpper(m[1]) {
			if label := split[len(split)-1].Text + " " + m[2]; rowLike(label) && rowDomain(label) != "" {
				split = append(split, text.Line{Text: m[1], Page: l.Page}, text.Line{Text: m[2], Page: l.Page})
				continue
			}
		}
		split = append(split, l)
	}
	out := make([]text.Line, 0, len(split))
	for i := 0; i < len(split); i++ {
		if placed[i] || !reGradeCell.MatchString(split[i].Text) {
			out = append(out, split[i])
			continue
		}
		// The grade with the rest of its wording on the next lines
		// ("Requires improvement" / "to be good"), then the label's
		// continuation lines.
		k, g := i+1, split[i].Text
		for k < len(split) && reGradeStart.MatchString(g) && text.StartsLower(split[k].Text) {
			next := g + " " + split[k].Text
			if !v.gradeCell.MatchString(next) && !reGradeStart.MatchString(next) {
				break
			}
			g = next
			k++
		}
		grade := split[i:k]
		for k < len(split) && (split[k].Text == "" || startsLowerLabel(split[k].Text)) {
			k++
		}
		for _, c := range split[i+len(grade) : k] {
			if c.Text != "" {
				out = append(out, c)
			}
		}
		out = append(out, grade...)
		i = k - 1
	}
	return out
}

// itemRow reads the list item that starts at ls[i] and ends with its
// grade on one of the next lines ("• the experiences and progress of
// children who need help and" / "protection – good") as separatedRow
// reads a row, and returns how many lines it goes on over; n is 0 when
// ls[i] is no such item. Only an item drawn with a bullet is joined so:
// its end is certain.
func itemRow(ls []text.Line, i int) (label, grade string, n int) {
	g, t := text.Bullet(ls[i].Text)
	if g == "" || t == "" {
		return "", "", 0
	}
	if _, _, ok := separatedRow(t); ok {
		return "", "", 0
	}
	for n := 1; n <= 2 && i+n < len(ls); n++ {
		next := ls[i+n].Text
		if next == "" || !text.StartsLower(next) {
			return "", "", 0
		}
		t += " " + next
		if label, grade, ok := separatedRow(t); ok {
			return label, grade, n
		}
	}
	return "", "", 0
}

// separatedRow reads a row written as a line of its own, its label and
// grade apart by a colon or a dash ("Overall effectiveness: Good",
// "• The impact of leaders – requires improvement to be good", a
// report's domain heading "The experiences and progress of children in
// care: good"), as text copied from a table often has it. The label must
// name a known domain, or go on in lower case from the line before, the
// label's wrapped end ("and families: Good"); the grade is returned
// capitalised, as a cell.
func separatedRow(t string) (label, grade string, ok bool) {
	if _, rest := text.Bullet(t); rest != "" {
		t = rest
	}
	m := reSeparatedRow.FindStringSubmatch(t)
	if m == nil || !rowLike(m[1]) || (rowDomain(m[1]) == "" && !text.StartsLower(m[1])) {
		return "", "", false
	}
	r, n := utf8.DecodeRuneInString(m[2])
	return m[1], string(unicode.ToUpper(r)) + m[2][n:], true
}

// startsLowerLabel reports whether t carries on a label in lower case (and
// is not the "to be good" end of a grade).
func startsLowerLabel(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r) && !strings.HasPrefix(t, "to be good") && !strings.HasPrefix(t, "be good")
}

var (
	// The start of a grade closing a line (after a colon or a dash, or
	// none), its cell wrapped.
	reTrailingGradeStart = text.Lazy(`^(\S.*?\S)(?:\s*:|\s+[–—-])?\s+(Requires(?: [Ii]mprovement)?(?: [Tt]o)?(?: [Bb]e)?|REQUIRES(?: IMPROVEMENT)?(?: TO)?(?: BE)?)$`)
	// A row on a line, label and grade apart by a colon or a dash.
	reSeparatedRow = text.Lazy(`(?i)^(\S.*?\S)\s*(?::|\s[–—-])\s*['‘"“]?(requires? improvement(?: to be good)?|inadequate|good|outstanding|not judged)['’"”]?\.?$`)
	// A grade wording anywhere in a cell.
	reGradeWord = text.Lazy(`(?i)\b(?:requires? improvement|inadequate|good|outstanding)\b`)
	// The introduction of an earlier inspection's judgements.
	reEarlierTable = text.Lazy(`(?i)\b(?:previous|last|earlier|prior|former)\b.*\b(?:inspections?|judgements?|judged|grades?|graded|rated|ratings?)\b|\b(?:inspections?|judgements?|grades?|ratings?)\b.*\b(?:previous|last|earlier|prior|former)\b`)
)

// reGradeStart is a right cell that starts a grade which may wrap.
var reGradeStart = text.Lazy(`(?i)^(requires?|requires? improvement|requires? improvement to|requires? improvement to be)$`)

// reGradeTail is the wrapped end of a grade at the end of a continuation
// line: "protection improvement", "improvement to be good".
var reGradeTail = text.Lazy(`(?i)(?:^|\s)((?:improvement)?(?: ?to)?(?: ?be)?(?: ?good)?)$`)

// splitRow splits a table row drawn with pipes into its first cell and
// the rest, the pipes that open and close a Markdown row ("| Overall
// effectiveness | Good |") left out (a row that only opens with one has
// an empty first cell).
func splitRow(t string) (left, right string, ok bool) {
	if strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") {
		t = strings.Trim(t, "| ")
	}
	l, r, ok := text.SplitRow(t)
	if !ok {
		return "", "", false
	}
	return l, strings.Join(strings.Fields(r), " "), true
}

// unpipe flattens rows of " | " tables into their cells, one line per cell,
// gluing a wrapped row (a next line that starts in lower case, or has an
// empty left cell) back to it. Lines outside tables are kept as they are.
func unpipe(ls []text.Line) []text.Line {
	var out []text.Line
	for i := 0; i < len(ls); i++ {
		l, r, ok := splitRow(ls[i].Text)
		if !ok {
			out = append(out, ls[i])
			continue
		}
		page := ls[i].Page
		for i+1 < len(ls) && ls[i+1].Text != "" {
			next := ls[i+1].Text
			nl, nr, piped := splitRow(next)
			if piped && (nl == "" || text.StartsLower(nl)) {
				l, r = strings.TrimSpace(l+" "+nl), strings.TrimSpace(r+" "+nr)
				i++
				continue
			}
			if !piped && text.StartsLower(next) {
				if reGradeStart.MatchString(r) {
					if m := reGradeTail.FindStringSubmatchIndex(next); m != nil && m[3] > m[2] {
						r = r + " " + strings.TrimSpace(next[m[2]:m[3]])
						next = strings.TrimSpace(next[:m[2]])
					}
				}
				l = strings.TrimSpace(l + " " + next)
				i++
				continue
			}
			break
		}
		if l != "" {
			out = append(out, text.Line{Text: l, Page: page})
		}
		if r != "" {
			out = append(out, text.Line{Text: r, Page: page})
		}
	}
	return out
}
