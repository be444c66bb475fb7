package find

// The vocabulary of Ofsted's documents that more than one rule needs: the
// framework's tables (extract/framework) compiled into the patterns the
// rules match, once, on first use; and the cells of a grade table and the
// sentence that introduces a visit's areas. Rules tell these lines apart
// through what is here, never through each other's helpers.

import (
	"regexp"
	"strings"
	"sync"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/framework"
	"github.com/ofsted/ofsted/extract/text"
)

// vocab is the framework's tables compiled. It is never changed after
// newVocab returns, so one copy (vocabulary) serves every goroutine.
type vocab struct {
	// rowKeys are the key words of the grade-table row labels of each
	// domain; combos is the domain of a label that names several
	// (keyed by domainSet), from the frameworks' rows; printed are the
	// frameworks' row labels as words, to tell which framework a table
	// is; maxLabelWords is the most words a row label has.
	rowKeys       []domainPattern
	combos        map[string]extract.Domain
	printed       []printedLabel
	maxLabelWords int
	// gradeCell is a table cell that is a grade and nothing else (group
	// i+1 for cellGrades[i]; "" is "Not judged"); tableHeading a header
	// cell of a grade table.
	gradeCell    *regexp.Regexp
	cellGrades   []extract.Grade
	tableHeading *regexp.Regexp
	// A row's grade cell on the line of its label (the grade is group 2;
	// the rules check it is capitalised, as a cell is): closing the line
	// ("Overall effectiveness Good"), inside it between the label's words
	// ("... of Good children in care"), or starting the line with the
	// label's end after it ("Good leavers", group 1).
	trailingGrade, innerGrade, leadingGrade *regexp.Regexp
	// domainHeadings are the section headings of the domains (matched at
	// the start of a block).
	domainHeadings []domainPattern
	// proseDomains are the names prose gives the domains.
	proseDomains []domainPattern
	// proseGrade is a grade as prose writes it, quoted or not (a regexp
	// fragment with one group: the grade's words).
	proseGrade string
	// recHeading is a heading of a list of what must improve (group 1:
	// its words); recIntro a sentence introducing such a list.
	recHeading, recIntro *regexp.Regexp
	// Section headings: that end a list, of sections with no findings, of
	// a letter's headline findings, that announce strengths or
	// weaknesses, that leave the judgement sections.
	section, skip, headline, strength, weakness, outsideDomain *regexp.Regexp
	// context matches the headings of sections about the area, the
	// inspection or what happens next.
	context *regexp.Regexp
}

// domainPattern is a pattern that names a domain.
type domainPattern struct {
	re     *regexp.Regexp
	domain extract.Domain
}

// printedLabel is a framework's row label as its words.
type printedLabel struct {
	domain extract.Domain
	typ    extract.Type
	words  []string
}

var vocabulary = sync.OnceValue(newVocab)

func newVocab() *vocab {
	v := &vocab{}
	var cells, prose, recHeadings, recIntros []string
	for _, d := range framework.Domains() {
		v.rowKeys = append(v.rowKeys, domainPattern{regexp.MustCompile(`(?i)\b(?:` + strings.Join(d.Keys, "|") + `)\b`), d.Domain})
		for _, h := range d.Headings {
			v.domainHeadings = append(v.domainHeadings, domainPattern{regexp.MustCompile(`(?i)^` + h), d.Domain})
		}
		if len(d.Prose) > 0 {
			v.proseDomains = append(v.proseDomains, domainPattern{regexp.MustCompile(`(?i)\b(?:` + strings.Join(d.Prose, "|") + `)\b`), d.Domain})
		}
	}
	for _, g := range framework.GradeWordings() {
		cells = append(cells, `(`+g.Cell+`)`)
		v.cellGrades = append(v.cellGrades, g.Grade)
		if g.Prose != "" {
			prose = append(prose, g.Prose)
		}
	}
	v.gradeCell = regexp.MustCompile(`(?i)^(?:` + strings.Join(cells, "|") + `)$`)
	var wordings []string
	for _, g := range framework.GradeWordings() {
		wordings = append(wordings, g.Cell)
	}
	grade := `((?i:` + strings.Join(wordings, "|") + `))`
	v.trailingGrade = regexp.MustCompile(`^(\S.*?\S) ` + grade + `$`)
	v.innerGrade = regexp.MustCompile(`^(\S.*?\S) ` + grade + ` (\p{Ll}.*)$`)
	v.leadingGrade = regexp.MustCompile(`^` + grade + ` (\p{Ll}.*)$`)
	v.tableHeading = regexp.MustCompile(`(?i)^(?:` + strings.Join(framework.TableHeadings(), "|") + `)$`)
	v.combos = map[string]extract.Domain{}
	for _, f := range framework.Frameworks() {
		for _, r := range f.Rows {
			if r.Label == "" {
				continue
			}
			words := strings.Fields(strings.ToLower(r.Label))
			v.printed = append(v.printed, printedLabel{r.Domain, f.Type, words})
			v.maxLabelWords = max(v.maxLabelWords, len(words))
			if ds := v.keyDomains(r.Label); len(ds) > 1 {
				v.combos[domainSet(ds)] = r.Domain
			}
		}
	}
	v.proseGrade = `['‘’"“”]?(` + strings.Join(prose, "|") + `)['‘’"“”]?`
	for _, l := range framework.ListHeadings() {
		recHeadings = append(recHeadings, l.Headings...)
		recIntros = append(recIntros, l.Intros...)
	}
	v.recHeading = regexp.MustCompile(`(?i)^(?:\d{1,2}\.?\s+)?(` + strings.Join(recHeadings, "|") + `)\s*[?:]?\s*\d?$`)
	v.recIntro = regexp.MustCompile(`(?i)\b(` + strings.Join(recIntros, "|") + `)\b[^.]{0,120}:$`)
	line := func(hs []string) *regexp.Regexp { return regexp.MustCompile(`(?i)^(` + strings.Join(hs, "|") + `)$`) }
	start := func(hs []string) *regexp.Regexp { return regexp.MustCompile(`(?i)^(` + strings.Join(hs, "|") + `)`) }
	v.section = line(framework.SectionHeadings())
	v.skip = line(framework.SkipSections())
	v.headline = line(framework.HeadlineSections())
	v.strength = start(framework.StrengthHeadings())
	v.weakness = start(framework.WeaknessHeadings())
	v.context = line(framework.ContextSections())
	v.outsideDomain = regexp.MustCompile(`(?i)^(` + strings.Join(framework.OutsideDomainHeadings(), "|") + `)\b`)
	return v
}

var (
	// A grade cell of a table as a line of its own (capitalised as
	// tables write it).
	reGradeCell = text.Lazy(`^((?:Requires|requires) improvement(?: to)?(?: be good)?|Inadequate|Good|Outstanding|Not judged)$`)
	// A sentence that introduces a list of the areas a visit looked at.
	reScopeIntro = text.Lazy(`(?i)^(?:(?:the|this) (?:focused |monitoring )?visit|inspectors|we|they|the inspectors?)\b.*\b(?:looked at|reviewed|evaluated|considered|focused on|focusing on|focus on|examined|scrutinised|specifically|following areas)\b[^.]*:$`)
)

// sectionHeading reports whether t is a heading that ends a list: another
// list's heading or a section's.
func sectionHeading(t string) bool {
	v := vocabulary()
	return v.recHeading.MatchString(t) || v.section.MatchString(t)
}

// tableCell reports whether t is a grade cell of a judgement table
// ("Requires improvement", "to be good"): a cell is never part of a
// paragraph, whatever the lines around it.
func tableCell(t string) bool {
	return reGradeCell.MatchString(t) || t == "to be good" || t == "be good" || text.StartsUpper(t) && reGradeCellAnyCase.MatchString(t)
}

// reGradeCellAnyCase is a grade cell as some tables capitalise it
// ("Requires Improvement").
var reGradeCellAnyCase = text.Lazy(`(?i)^(requires improvement(?: to)?(?: be good)?|inadequate|good|outstanding|not judged)$`)

// A letter's salutation and sign-off stand on lines of their own, whatever
// follows them.
var reLetterLine = text.Lazy(`(?i)^(?:dear [^;:]{1,50}|yours (?:sincerely|faithfully)),?$`)

// knownHeading reports whether t (a line with the lines that carry it on)
// is a heading the vocabulary knows: a section's, a list's, a domain's, a
// letter's salutation or sign-off. Many headings start like a sentence
// ("Children who need help and protection ..."): t is none when it reads
// as one (it ends with a full stop, holds one, runs past twenty words or
// carries its sentence on).
func knownHeading(t string) bool {
	if reLetterLine.MatchString(t) {
		return len(strings.Fields(t)) <= 8
	}
	h := text.StripSectionNumber(t)
	if strings.HasSuffix(h, ".") || strings.Contains(h, ". ") || text.CarriesOn(h) {
		return false
	}
	n := len(strings.Fields(h))
	if n > 20 {
		return false
	}
	v := vocabulary()
	if sectionHeading(t) || v.skip.MatchString(h) || v.headline.MatchString(h) {
		return true
	}
	for _, d := range v.domainHeadings {
		if d.re.MatchString(h) {
			return true
		}
	}
	if m := v.outsideDomain.FindStringIndex(h); m != nil && len(strings.Fields(h[m[1]:])) <= 2 {
		return true // "Overall effectiveness", "Overall effectiveness Good", "Summary of findings"
	}
	return n <= 8 && (v.strength.MatchString(h) || v.weakness.MatchString(h))
}

// breaks are the lines of Ofsted's documents that stand on their own:
// their known headings and the grade cells of a judgement table.
func breaks() text.Breaks {
	return text.Breaks{Heading: knownHeading, Cell: tableCell}
}

// blocksOf returns the logical lines of ls: its headings, paragraphs,
// items and cells, whatever the width of its column.
func blocksOf(ls []text.Line, ws text.WordSet) []text.Block {
	return text.Blocks(ls, ws, breaks())
}
