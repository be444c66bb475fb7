package main

// Layout perturbations for the metamorphic test (metamorphic_test.go): each
// rewrites a document's text as another PDF producer, page width or template
// would have laid it out, without changing a word of what it says. The first
// five reimplement ../shared/perturb (glyphs, narrow, wide, tight, pages) with
// the same semantics, so the project's own suite measures what that
// instrument measures; the others add layouts real folders hold that it does
// not make: running headers and footers in another place, a judgement table
// read column by column, ligatures, and soft hyphens.
//
// Text is handled as pdftotext writes it: lines separated by '\n', pages by
// '\f'. Lengths count characters (runes), as the Python instrument does.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// perturbation is one named layout change.
type perturbation struct {
	name  string
	apply func(string) string
}

// perturbations returns every layout change the metamorphic test applies, in
// report order.
func perturbations() []perturbation {
	return []perturbation{
		{"glyphs", perturbGlyphs},
		{"narrow", perturbNarrow},
		{"wide", perturbWide},
		{"tight", perturbTight},
		{"pages", perturbPages},
		{"furniture", perturbFurniture},
		{"columns", perturbColumns},
		{"ligatures", perturbLigatures},
		{"softhyphens", perturbSoftHyphens},
	}
}

// perturbBulletRe is the instrument's bullet: leading space, a glyph, space,
// then text. (Go's regexp has no look-ahead; perturbBullet checks the text.)
var perturbBulletRe = regexp.MustCompile(`^([\s\x{a0}]*)([•▪●◦\x{f0b7}\x{f0a7}\x{f02d}\x{2022}\x{25aa}\x{25cf}\x{2013}\-\*o])([\s\x{a0}]+)`)

// perturbBullet returns the bullet match of line (nil when the line is not a
// bullet item): the submatch indexes of perturbBulletRe.
func perturbBullet(line string) []int {
	m := perturbBulletRe.FindStringSubmatchIndex(line)
	if m == nil || m[1] >= len(line) {
		return nil
	}
	return m
}

// perturbGlyphs draws bullets with other glyphs (rotating through bullets a
// different producer would use, private-use symbol codes included),
// straightens curly quotes, and turns some spaces into no-break or double
// spaces.
func perturbGlyphs(text string) string {
	const bullets = "•▪●◦\uf0b7\uf0a7"
	swap := []string{"▪", "●", "-", "\uf0b7", "*", "•", "◦"}
	quotes := strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`)
	lines := strings.Split(text, "\n")
	n := 0
	for i, line := range lines {
		if m := perturbBullet(line); m != nil && strings.Contains(bullets, line[m[4]:m[5]]) {
			n++
			line = line[m[2]:m[3]] + swap[n%len(swap)] + " " + line[m[1]:]
		}
		line = quotes.Replace(line)
		spaces := strings.Split(line, " ")
		var b strings.Builder
		for j, w := range spaces {
			b.WriteString(w)
			if j == len(spaces)-1 {
				break
			}
			switch {
			case j%7 == 3:
				b.WriteString("\u00a0")
			case j%11 == 5:
				b.WriteString("  ")
			default:
				b.WriteString(" ")
			}
		}
		lines[i] = b.String()
	}
	return strings.Join(lines, "\n")
}

// perturbNarrow breaks every line longer than 64 characters at the last
// space between columns 30 and 59, as a narrower column would wrap it:
// titles, table rows and headings included.
func perturbNarrow(text string) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		r := []rune(line)
		for len(r) > 64 {
			cut := -1
			for i := 59; i >= 30; i-- {
				if r[i] == ' ' {
					cut = i
					break
				}
			}
			if cut < 0 {
				break
			}
			out = append(out, string(r[:cut]))
			r = r[cut+1:]
		}
		out = append(out, string(r))
	}
	return strings.Join(out, "\n")
}

// perturbWideEnd is a line ending mid-sentence: a lower-case word, maybe
// with a comma or hyphen after it.
var perturbWideEnd = regexp.MustCompile(`(?:^|\s)[a-z][\pL\pN_'’-]*[,-]?$`)

// perturbWide joins a line that ends mid-sentence with the next when that
// starts in lower case, as a wider column would wrap them; a word hyphenated
// at the line end is rejoined.
func perturbWide(text string) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		nxt := strings.TrimLeftFunc(line, unicode.IsSpace)
		if len(out) > 0 {
			prev := strings.TrimRightFunc(out[len(out)-1], unicode.IsSpace)
			first, _ := utf8.DecodeRuneInString(nxt)
			if perturbWideEnd.MatchString(prev) && nxt != "" && unicode.IsLower(first) &&
				perturbBullet(line) == nil && !strings.Contains(out[len(out)-1], "\f") && !strings.Contains(line, "\f") {
				if strings.HasSuffix(prev, "-") {
					out[len(out)-1] = prev + nxt
				} else {
					out[len(out)-1] = prev + " " + nxt
				}
				continue
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// perturbHeadingish is the instrument's guess at a heading or list item: a
// bullet line, or a short line starting in capitals that does not end like
// a sentence.
func perturbHeadingish(line string) bool {
	s := strings.TrimSpace(line)
	if s == "" {
		return false
	}
	if perturbBullet(line) != nil {
		return true
	}
	first, _ := utf8.DecodeRuneInString(s)
	return utf8.RuneCountInString(s) < 70 && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ",") &&
		!strings.HasSuffix(s, ";") && !strings.HasSuffix(s, ":") && unicode.IsUpper(first)
}

// perturbTight removes the blank lines before and after headings and
// between list items.
func perturbTight(text string) string {
	lines := strings.Split(text, "\n")
	var out []string
	for i, line := range lines {
		if strings.TrimSpace(line) == "" && !strings.Contains(line, "\f") {
			prev, next := "", ""
			for j := len(out) - 1; j >= 0; j-- {
				if strings.TrimSpace(out[j]) != "" {
					prev = out[j]
					break
				}
			}
			for _, l := range lines[i+1:] {
				if strings.TrimSpace(l) != "" {
					next = l
					break
				}
			}
			if perturbHeadingish(prev) || perturbHeadingish(next) {
				continue
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// perturbPages adds a page break in the middle of every page of 20 lines or
// more, as a taller margin would break it: sentences and lists run across
// the break.
func perturbPages(text string) string {
	pages := strings.Split(text, "\f")
	for i, p := range pages {
		lines := strings.Split(p, "\n")
		if len(lines) >= 20 {
			lines[len(lines)/2] += "\f"
		}
		pages[i] = strings.Join(lines, "\n")
	}
	return strings.Join(pages, "\f")
}

// perturbFurnitureNorm is a line as running furniture repeats it: page
// numbers and dates differ from page to page, the words do not.
func perturbFurnitureNorm(line string) string {
	var b strings.Builder
	digits := false
	for _, r := range strings.TrimSpace(line) {
		if unicode.IsDigit(r) {
			if !digits {
				b.WriteByte('#')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteRune(r)
	}
	return b.String()
}

// perturbEdges returns the indexes of the first and last n non-blank lines
// of a page.
func perturbEdges(lines []string, n int) (top, bottom []int) {
	for i := 0; i < len(lines) && len(top) < n; i++ {
		if strings.TrimSpace(lines[i]) != "" {
			top = append(top, i)
		}
	}
	for i := len(lines) - 1; i >= 0 && len(bottom) < n; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			bottom = append(bottom, i)
		}
	}
	return top, bottom
}

// perturbFurniture moves running headers and footers to the other end of
// the page (a footer becomes a header, a header a footer), as another
// template places them; a document without any gets a running header on
// every page after the first (its title line and the page number), as a
// printed web page or a council's template adds one. Running furniture is a
// line near the top or bottom of two pages or more that is the same but for
// its numbers.
func perturbFurniture(text string) string {
	pages := strings.Split(text, "\f")
	if len(pages) < 2 {
		return text
	}
	seen := map[string]int{}
	for _, p := range pages {
		lines := strings.Split(p, "\n")
		top, bottom := perturbEdges(lines, 4)
		onPage := map[string]bool{}
		for _, i := range append(top, bottom...) {
			onPage[perturbFurnitureNorm(lines[i])] = true
		}
		for k := range onPage {
			seen[k]++
		}
	}
	isFurniture := func(line string) bool {
		return strings.TrimSpace(line) == "" || seen[perturbFurnitureNorm(line)] >= 2
	}
	moved := false
	for pi := 1; pi < len(pages); pi++ {
		lines := strings.Split(pages[pi], "\n")
		// A footer: the furniture lines that end the page.
		end := len(lines)
		for end > 0 && isFurniture(lines[end-1]) {
			end--
		}
		if foot := perturbBlock(lines[end:]); len(foot) > 0 && end > 0 {
			pages[pi] = strings.Join(append(append(foot, ""), lines[:end]...), "\n") + "\n"
			moved = true
			continue
		}
		// A header: the furniture lines that start the page.
		start := 0
		for start < len(lines) && isFurniture(lines[start]) {
			start++
		}
		if head := perturbBlock(lines[:start]); len(head) > 0 && start < len(lines) {
			rest := strings.TrimRight(strings.Join(lines[start:], "\n"), "\n")
			pages[pi] = rest + "\n\n" + strings.Join(head, "\n") + "\n"
			moved = true
		}
	}
	if moved {
		return strings.Join(pages, "\f")
	}
	title := ""
	for _, l := range strings.Split(pages[0], "\n") {
		if s := strings.TrimSpace(l); s != "" {
			title = s
			break
		}
	}
	for pi := 1; pi < len(pages); pi++ {
		if strings.TrimSpace(pages[pi]) == "" {
			continue
		}
		pages[pi] = title + "\n" + strconv.Itoa(pi+1) + "\n\n" + pages[pi]
	}
	return strings.Join(pages, "\f")
}

// perturbBlock is the non-blank lines of a run of furniture lines.
func perturbBlock(lines []string) []string {
	var out []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// perturbGradeRe is a grade closing a line of a judgement table, with the
// text before it (a row's label, or nothing when the cell stands alone).
var perturbGradeRe = regexp.MustCompile(`^(.*?)\s*\b(Outstanding|Good|Requires improvement(?: to be good)?|Inadequate|Adequate)$`)

// perturbTableHeadRe is the header row of a judgement table.
var perturbTableHeadRe = regexp.MustCompile(`^\s*(Judgement|Areas? (?:of|for) (?:the )?judgement)\s*(Grade|Judgement grade)?\s*$`)

// tableRow is one row of a judgement table: its label lines and its grade.
type tableRow struct {
	label []string
	grade string
}

// perturbColumns renders every judgement table column by column instead of
// row by row, as pdftotext does a two-column table in its reading order:
// all the labels (each row's lines together), then all the grades. A row
// is a label whose first line ends with the grade ("The experiences and
// progress of Good" / "children in care"), or label lines followed by the
// grade alone on a line; the table is a run of three rows or more, each
// separated by blank lines at most.
func perturbColumns(text string) string {
	pages := strings.Split(text, "\f")
	for pi, p := range pages {
		pages[pi] = perturbColumnsPage(strings.Split(p, "\n"))
	}
	return strings.Join(pages, "\f")
}

func perturbColumnsPage(lines []string) string {
	var out []string
	for i := 0; i < len(lines); {
		rows, end := perturbTableAt(lines, i)
		if len(rows) < 3 {
			out = append(out, lines[i])
			i++
			continue
		}
		head, grade := "", ""
		if m := perturbTableHeadRe.FindStringSubmatch(lines[i]); m != nil {
			head, grade = m[1], m[2]
		}
		if head != "" && grade == "" {
			// The header's second cell on its own line: "Judgement" / "" / "Grade".
			for j := i + 1; j < len(lines); j++ {
				if s := strings.TrimSpace(lines[j]); s != "" {
					if s == "Grade" || s == "Judgement grade" {
						grade = s
					}
					break
				}
			}
		}
		if head != "" {
			out = append(out, head, "")
		}
		for _, r := range rows {
			out = append(out, r.label...)
			out = append(out, "")
		}
		if grade != "" {
			out = append(out, grade, "")
		}
		for k, r := range rows {
			out = append(out, r.grade)
			if k < len(rows)-1 {
				out = append(out, "")
			}
		}
		i = end
	}
	return strings.Join(out, "\n")
}

// perturbTableAt reads the judgement table starting at line i (at its header
// or first row) and returns its rows and the index after it.
func perturbTableAt(lines []string, i int) ([]tableRow, int) {
	j := i
	if m := perturbTableHeadRe.FindStringSubmatch(lines[i]); m != nil {
		j++
		if m[2] == "" { // "Grade" alone on a later line
			for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
				j++
			}
			if j < len(lines) && (strings.TrimSpace(lines[j]) == "Grade" || strings.TrimSpace(lines[j]) == "Judgement grade") {
				j++
			}
		}
	}
	var rows []tableRow
	end := i
	for {
		k := j
		for k < len(lines) && strings.TrimSpace(lines[k]) == "" {
			k++
		}
		if k >= len(lines) {
			break
		}
		r, next, ok := perturbRowAt(lines, k)
		if !ok {
			break
		}
		rows = append(rows, r)
		j, end = next, next
	}
	return rows, end
}

// perturbRowAt reads one table row at line k.
func perturbRowAt(lines []string, k int) (tableRow, int, bool) {
	first := strings.TrimSpace(lines[k])
	if m := perturbGradeRe.FindStringSubmatch(first); m != nil && m[1] != "" && len(strings.Fields(m[1])) <= 12 {
		// "Label words Grade" then the label's other lines up to a blank.
		r := tableRow{label: []string{m[1]}, grade: m[2]}
		n := perturbGradeTail(lines, k+1, &r.grade)
		for n < len(lines) && strings.TrimSpace(lines[n]) != "" && perturbGradeRe.FindStringSubmatch(strings.TrimSpace(lines[n])) == nil {
			if len(r.label) >= 3 {
				return tableRow{}, 0, false
			}
			r.label = append(r.label, strings.TrimSpace(lines[n]))
			n++
		}
		return r, n, true
	}
	// Label lines, a blank line, then the grade alone.
	var label []string
	n := k
	for n < len(lines) && strings.TrimSpace(lines[n]) != "" {
		s := strings.TrimSpace(lines[n])
		if m := perturbGradeRe.FindStringSubmatch(s); m != nil && m[1] == "" {
			break
		}
		if len(label) >= 3 || len(strings.Fields(s)) > 12 {
			return tableRow{}, 0, false
		}
		label = append(label, s)
		n++
	}
	if len(label) == 0 {
		return tableRow{}, 0, false
	}
	for n < len(lines) && strings.TrimSpace(lines[n]) == "" {
		n++
	}
	if n >= len(lines) {
		return tableRow{}, 0, false
	}
	m := perturbGradeRe.FindStringSubmatch(strings.TrimSpace(lines[n]))
	if m == nil || m[1] != "" {
		return tableRow{}, 0, false
	}
	r := tableRow{label: label, grade: m[2]}
	return r, perturbGradeTail(lines, n+1, &r.grade), true
}

// perturbGradeTail takes the rest of a grade wrapped in its cell
// ("Requires improvement" / "to be good") into grade and returns the index
// after it.
func perturbGradeTail(lines []string, n int, grade *string) int {
	if *grade == "Requires improvement" && n < len(lines) && strings.TrimSpace(lines[n]) == "to be good" {
		*grade += "\n" + strings.TrimSpace(lines[n])
		return n + 1
	}
	return n
}

// perturbLigatures draws "fi" and "fl" as the ligature glyphs U+FB01 and
// U+FB02, as a PDF whose font maps ligatures to their own code points
// gives them.
func perturbLigatures(text string) string {
	return strings.NewReplacer("fi", "\ufb01", "fl", "\ufb02").Replace(text)
}

// perturbSoftHyphens puts a soft hyphen (U+00AD) in the middle of every
// word of ten letters or more, as a typesetter's hyphenation points survive
// in some PDFs' text, and breaks every third such word of a body line at
// its soft hyphen, the second half starting the next line, as a justified
// column hyphenates it (a body line: 60 characters or more, so that table
// cells and headings keep their lines).
func perturbSoftHyphens(text string) string {
	lines := strings.Split(text, "\n")
	var out []string
	n := 0
	for _, line := range lines {
		body := utf8.RuneCountInString(strings.TrimSpace(line)) >= 60
		var b strings.Builder
		words := strings.Split(line, " ")
		for i, w := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			r := []rune(w)
			letters := 0
			for _, c := range r {
				if unicode.IsLetter(c) {
					letters++
				}
			}
			if letters < 10 || letters != len(r) {
				b.WriteString(w)
				continue
			}
			n++
			half := len(r) / 2
			b.WriteString(string(r[:half]) + "\u00ad")
			if body && n%3 == 0 && i < len(words)-1 {
				out = append(out, b.String())
				b.Reset()
			}
			b.WriteString(string(r[half:]))
		}
		out = append(out, b.String())
	}
	return strings.Join(out, "\n")
}

// TestPerturbations checks that each perturbation does what it says on a
// small input.
func TestPerturbations(t *testing.T) {
	long := "Children who need help and protection receive a timely response from the front door."
	table := "Judgement Grade\n\nThe impact of leaders on social work Good\npractice with children and families\n\nThe experiences and progress of Requires improvement to be good\nchildren who need help and protection\n\nOverall effectiveness Good\n\nChildren are safe."
	for _, tc := range []struct {
		name  string
		apply func(string) string
		in    string
		want  string
	}{
		{"GlyphsSwapsBullets", perturbGlyphs, "• One\n• Two", "● One\n- Two"},
		{"GlyphsKeepsOtherBullets", perturbGlyphs, "◼ One", "◼ One"},
		{"GlyphsStraightensQuotes", perturbGlyphs, "children’s “voice”", "children's \"voice\""},
		{"GlyphsSpaces", perturbGlyphs, "a b c d e f g h i j k l m", "a b c d\u00a0e f  g h i j k\u00a0l m"},
		{"NarrowBreaksLongLines", perturbNarrow, long, "Children who need help and protection receive a timely\nresponse from the front door."},
		{"NarrowKeepsShortLines", perturbNarrow, "What needs to improve?", "What needs to improve?"},
		{"NarrowKeepsUnbreakable", perturbNarrow, strings.Repeat("x", 70), strings.Repeat("x", 70)},
		{"WideJoinsMidSentence", perturbWide, "services for\nchildren in care.", "services for children in care."},
		{"WideRejoinsHyphen", perturbWide, "decision-\nmaking is good.", "decision-making is good."},
		{"WideKeepsSentenceEnd", perturbWide, "They are safe.\nthe next", "They are safe.\nthe next"},
		{"WideKeepsBullets", perturbWide, "services for\n- children", "services for\n- children"},
		{"WideKeepsPageBreaks", perturbWide, "services for\n\fchildren", "services for\n\fchildren"},
		{"TightDropsBlankAroundHeadings", perturbTight, "text ends here.\n\nWhat needs to improve\n\n• The plans.\n\n• The visits.", "text ends here.\nWhat needs to improve\n• The plans.\n• The visits."},
		{"TightKeepsBlankBetweenSentenceItemsOfOtherGlyphs", perturbTight, "◼ The plans.\n\n◼ The visits.", "◼ The plans.\n\n◼ The visits."},
		{"TightKeepsBlankBetweenParagraphs", perturbTight, "One sentence.\n\nAnother sentence.", "One sentence.\n\nAnother sentence."},
		{"PagesSplitsLongPages", perturbPages, strings.Repeat("line\n", 21) + "end", strings.Repeat("line\n", 11) + "line\f\n" + strings.Repeat("line\n", 9) + "end"},
		{"PagesKeepsShortPages", perturbPages, "a\nb\fc", "a\nb\fc"},
		{"FurnitureMovesFootersUp", perturbFurniture,
			"Title\nBody one.\n\nReport of Kent 1\f\nBody two.\n\nReport of Kent 2\f\nBody three.\n\nReport of Kent 3",
			"Title\nBody one.\n\nReport of Kent 1\fReport of Kent 2\n\n\nBody two.\n\fReport of Kent 3\n\n\nBody three.\n"},
		{"FurnitureMovesHeadersDown", perturbFurniture,
			"Title\nBody one.\fKent report 2\nBody two.\fKent report 3\nBody three.",
			"Title\nBody one.\fBody two.\n\nKent report 2\n\fBody three.\n\nKent report 3\n"},
		{"FurnitureAddsHeaders", perturbFurniture, "Council news\nBody one.\fBody two.", "Council news\nBody one.\fCouncil news\n2\n\nBody two."},
		{"FurnitureSinglePage", perturbFurniture, "Title\nBody.", "Title\nBody."},
		{"ColumnsRowByRowTable", perturbColumns, table,
			"Judgement\n\nThe impact of leaders on social work\npractice with children and families\n\nThe experiences and progress of\nchildren who need help and protection\n\nOverall effectiveness\n\nGrade\n\nGood\n\nRequires improvement to be good\n\nGood\n\nChildren are safe."},
		{"ColumnsCellsOnTheirOwnLines", perturbColumns,
			"Judgement\n\nGrade\n\nChildren who need help\n\nGood\n\nChildren looked after\n\nInadequate\n\nLeadership and governance\n\nGood\n\nEnd.",
			"Judgement\n\nChildren who need help\n\nChildren looked after\n\nLeadership and governance\n\nGrade\n\nGood\n\nInadequate\n\nGood\n\nEnd."},
		{"ColumnsGradeWrappedInItsCell", perturbColumns,
			"Judgement\nGrade\nLeaders and managers\nRequires improvement\nto be good\nHelp and protection\nInadequate\nOverall effectiveness\nRequires improvement\nto be good\nLeaders have made progress.",
			"Judgement\n\nLeaders and managers\n\nHelp and protection\n\nOverall effectiveness\n\nGrade\n\nRequires improvement\nto be good\n\nInadequate\n\nRequires improvement\nto be good\nLeaders have made progress."},
		{"ColumnsNeedThreeRows", perturbColumns, "Leaders Good\n\nHelp Good\n\nText.", "Leaders Good\n\nHelp Good\n\nText."},
		{"ColumnsLeaveProse", perturbColumns, "The service is Good\nand the report says so.", "The service is Good\nand the report says so."},
		{"Ligatures", perturbLigatures, "five fields of influence", "\ufb01ve \ufb01elds of in\ufb02uence"},
		{"SoftHyphensInsideWords", perturbSoftHyphens, "Safeguarding partnership", "Safegu\u00adarding partn\u00adership"},
		{"SoftHyphensShortWordsKept", perturbSoftHyphens, "The plans are good.", "The plans are good."},
		{"SoftHyphensBreakBodyLines", perturbSoftHyphens,
			"Practitioners understand thresholds, and management oversight is consistent in teams",
			"Practi\u00adtioners under\u00adstand thresholds, and manag\u00ad\nement oversight is consi\u00adstent in teams"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.apply(tc.in); got != tc.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tc.want)
			}
		})
	}
}

// TestPerturbationsKeepWords checks that no perturbation adds, drops or
// reorders a word of the body text (the furniture and column perturbations
// move whole lines, so they are compared as sorted words).
func TestPerturbationsKeepWords(t *testing.T) {
	text := "Inspection of Kent local authority children’s services\nInspection dates: 2 to 13 March 2026\n\n" +
		"Judgement Grade\n\nThe impact of leaders on social work Good\npractice with children and families\n\n" +
		"The experiences and progress of Good\nchildren who need help and protection\n\n" +
		"The experiences and progress of Good\nchildren in care\n\n" +
		"What needs to improve?\n◼ The timeliness of strategy discussions when children are at risk of significant\nharm, and the quality of pre-\nproceedings work.\n\n" +
		strings.Repeat("Children benefit from effective multi-agency working at the front door, and their\nassessments are thorough.\n", 12) +
		"\nInspection of Kent local authority children’s services\n2 to 13 March 2026\n\n1\f" +
		strings.Repeat("Care leavers are supported well by personal advisers who know them.\n", 5) +
		"\nInspection of Kent local authority children’s services\n2 to 13 March 2026\n\n2\f"
	norm := func(s string) string {
		s = strings.NewReplacer("\ufb01", "fi", "\ufb02", "fl", "\u00ad\n", "", "\u00ad", "", "-\n", "-", "’", "'").Replace(s)
		w := unseenWords(s)
		sort.Strings(w)
		return strings.Join(w, " ")
	}
	for _, p := range perturbations() {
		t.Run(p.name, func(t *testing.T) {
			got := p.apply(text)
			if got == text && p.name != "glyphs" {
				t.Errorf("%s left the text as it was", p.name)
			}
			want := norm(text)
			if p.name == "furniture" {
				return // moves lines and may add none; compared above by its table test
			}
			if g := norm(got); g != want {
				t.Errorf("%s changed the words:\ngot  %s\nwant %s", p.name, g, want)
			}
		})
	}
}

// TestPerturbationsMatchInstrument checks that the five perturbations
// reimplemented from ../shared/perturb give, on every layout fixture,
// exactly the text the instrument gives, so that the suite measures what
// the instrument measures. It runs the instrument's own functions with
// python3 and skips when either is missing.
func TestPerturbationsMatchInstrument(t *testing.T) {
	script, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "perturb"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(script); err != nil {
		t.Skipf("no instrument at %s: comparison with it skipped", script)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 on PATH: comparison with ../shared/perturb skipped")
	}
	fixtures := layoutFixtures(t)
	dir := t.TempDir()
	for i, fx := range fixtures {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.base", i)), []byte(fx.text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Load the instrument as a module (its file has no .py suffix) and
	// write each variant beside its base text.
	const prog = `import glob, importlib.machinery, importlib.util, sys
loader = importlib.machinery.SourceFileLoader('perturb', sys.argv[1])
spec = importlib.util.spec_from_loader('perturb', loader)
m = importlib.util.module_from_spec(spec)
loader.exec_module(m)
for b in glob.glob(sys.argv[2] + '/*.base'):
    text = open(b, encoding='utf-8', newline='').read()
    for name, f in m.VARIANTS.items():
        open(b[:-4] + name, 'w', encoding='utf-8', newline='').write(f(text))
`
	if out, err := exec.Command(python, "-c", prog, script, dir).CombinedOutput(); err != nil {
		t.Fatalf("run ../shared/perturb's variants: %v\n%s", err, out)
	}
	for _, p := range perturbations()[:5] {
		for i, fx := range fixtures {
			want, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%03d.%s", i, p.name)))
			if err != nil {
				t.Fatalf("the instrument has no variant %q: %v", p.name, err)
			}
			if got := p.apply(fx.text); got != string(want) {
				t.Errorf("%s of %s differs from ../shared/perturb's:\n%s", p.name, fx.name, firstDiff(string(want), got))
			}
		}
	}
}
