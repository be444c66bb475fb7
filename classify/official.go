package classify

// Ofsted's official statistics of local authority inspection outcomes come
// as CSV files exported from spreadsheets, in two shapes, each with a few
// lines of title and notes before the header row (the row that has a
// "Local authority name" column), and sometimes a second table with its
// own header after the first (authorities that no longer exist):
//
//   - long: one row per inspection or visit, with its inspection date,
//     usually its publication date and type, and one column per judgement
//     ("Overall effectiveness", "The impact of leaders ...", ...);
//   - wide: one row per authority, with a group of columns per
//     inspection ("First ILACS publication date", "First ILACS inspection
//     type", "First ILACS overall effectiveness", ..., "Second ILACS ...";
//     the 2009-2023 table also has SLAC, CPI and SIF groups).
//
// Both are read column by column: each column is a date, a type or a
// judgement of some domain, and a group of columns (one inspection) starts
// at a date or type column when the current group already has one or has
// judgements. Groups of frameworks before the SIF (SLAC, CPI, TLAC) are
// skipped: their judgements are not ours. Authorities are matched by the
// area code column when there is one, else by name through the gazetteer.

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/ofsted/ofsted/extract"

	"github.com/ofsted/ofsted/extract/text"
)

// Official is one inspection or visit as Ofsted's statistics record it.
type Official struct {
	Authority extract.Authority // Code empty when the name is not known
	Name      string            // the authority's name as the table gives it
	Type      string            // the table's type ("ILACS Standard Inspection", "ILACS Focused Visit", "SIF")
	Inspected string            // inspection (or visit) start date, YYYY-MM-DD, empty when the table has none
	Published string            // publication date, YYYY-MM-DD, empty when the table has none
	Grades    map[extract.Domain]extract.Grade
	Line      int // 1-based record number in the file, for messages
}

// ErrNoHeader is returned for a file with no "Local authority name" header row.
var ErrNoHeader = errors.New("no header row with a local authority name column")

type colKind int

const (
	colOther colKind = iota
	colCode
	colName
	colInspected
	colPublished
	colType
	colGrade
)

type column struct {
	kind   colKind
	domain extract.Domain
	group  int
}

type colGroup struct {
	skip                      bool // a framework before the SIF
	framework                 string
	inspected, published, typ int // column indexes, -1 when none
	grades                    map[extract.Domain]int
}

var (
	reOldFramework = text.Lazy(`(?i)\b(slac|cpi|cpri|tlac|child protection (re-)?inspections?|targeted looked after|safeguarding & looked after)\b`)
	reSIFHeader    = text.Lazy(`(?i)\bsif\b`)
	reILACSHeader  = text.Lazy(`(?i)\bilacs\b`)
)

// officialDomain returns the domain a header names, or "".
func officialDomain(h string) extract.Domain {
	switch {
	case strings.Contains(h, "lscb") || strings.Contains(h, "safeguarding children board"):
		return extract.DomainLSCB
	case strings.Contains(h, "adoption"):
		return extract.DomainAdoption
	case strings.Contains(h, "overall"):
		return extract.DomainOverall
	case strings.Contains(h, "impact of leaders") || strings.Contains(h, "leadership"):
		return extract.DomainLeaders
	case strings.Contains(h, "help and protection"):
		return extract.DomainHelp
	case strings.Contains(h, "children in care") || strings.Contains(h, "looked after"):
		return extract.DomainInCare
	case strings.Contains(h, "care leavers"):
		return extract.DomainCareLeaver
	}
	return ""
}

// layout reads a header row into columns and groups.
func layout(header []string) ([]column, []colGroup) {
	cols := make([]column, len(header))
	var groups []colGroup
	cur := -1
	newGroup := func(h string) {
		groups = append(groups, colGroup{inspected: -1, published: -1, typ: -1, grades: map[extract.Domain]int{},
			skip: reOldFramework.MatchString(h)})
		cur = len(groups) - 1
		switch {
		case reSIFHeader.MatchString(h):
			groups[cur].framework = "SIF"
		case reILACSHeader.MatchString(h):
			groups[cur].framework = "ILACS"
		}
	}
	for i, raw := range header {
		h := strings.ToLower(strings.Join(strings.Fields(raw), " "))
		c := column{group: -1}
		g := func() *colGroup {
			if cur < 0 {
				return nil
			}
			return &groups[cur]
		}
		switch {
		case h == "local authority name" || h == "la name":
			c.kind = colName
		case strings.Contains(h, "area code") || h == "la code" || h == "new la code" || h == "ons code":
			c.kind = colCode
		case strings.Contains(h, "inspection date") || strings.Contains(h, "visit date"):
			c.kind = colInspected
			if x := g(); x == nil || x.inspected >= 0 || len(x.grades) > 0 {
				newGroup(h)
			}
			groups[cur].inspected = i
		case strings.Contains(h, "publication date"):
			c.kind = colPublished
			if x := g(); x == nil || x.published >= 0 || len(x.grades) > 0 {
				newGroup(h)
			}
			groups[cur].published = i
		case strings.Contains(h, "inspection type") || strings.Contains(h, "visit type"):
			c.kind = colType
			if x := g(); x == nil || x.typ >= 0 || len(x.grades) > 0 {
				newGroup(h)
			}
			groups[cur].typ = i
		default:
			if d := officialDomain(h); d != "" && cur >= 0 {
				if _, dup := groups[cur].grades[d]; !dup {
					c.kind, c.domain = colGrade, d
					groups[cur].grades[d] = i
				}
			}
		}
		if c.kind != colName && c.kind != colCode && c.kind != colOther {
			c.group = cur
		}
		cols[i] = c
	}
	return cols, groups
}

// officialGrade maps a table's grade to ours ("" for blank or unknown).
func officialGrade(s string) extract.Grade {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return ""
	case strings.HasPrefix(s, "requires improvement"), s == "ri":
		return extract.GradeRI
	case s == "inadequate":
		return extract.GradeInadequate
	case s == "good":
		return extract.GradeGood
	case s == "outstanding":
		return extract.GradeOutstanding
	}
	return ""
}

// ReadOfficial reads one of Ofsted's official outcome tables and returns
// one Official per inspection or visit it lists, in file order. name is
// used in errors.
func ReadOfficial(r io.Reader, name string) ([]Official, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = false
	var (
		out    []Official
		cols   []column
		groups []colGroup
		n      int
	)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, fmt.Errorf("read official table %s: %w", name, err)
		}
		n++
		if len(rec) > 0 {
			rec[0] = strings.TrimPrefix(rec[0], "\uFEFF")
		}
		if isHeader(rec) {
			cols, groups = layout(rec)
			continue
		}
		if cols == nil {
			continue // title and notes before the header
		}
		out = append(out, officialRows(rec, cols, groups, n)...)
	}
	if cols == nil {
		return nil, fmt.Errorf("read official table %s: %w", name, ErrNoHeader)
	}
	return out, nil
}

func isHeader(rec []string) bool {
	for _, c := range rec {
		h := strings.ToLower(strings.TrimSpace(c))
		if h == "local authority name" || h == "la name" {
			return true
		}
	}
	return false
}

// officialRows returns the inspections of one data row.
func officialRows(rec []string, cols []column, groups []colGroup, n int) []Official {
	cell := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	var name, code string
	for i, c := range cols {
		switch c.kind {
		case colName:
			name = cell(i)
		case colCode:
			code = cell(i)
		}
	}
	if name == "" && code == "" {
		return nil
	}
	var auth extract.Authority
	if code != "" {
		auth, _ = LookupAuthority(code)
		if auth.Code == "" {
			auth = extract.Authority{Name: name, Code: code}
		}
	} else if a, ok := LookupAuthority(name); ok {
		auth = a
	}
	var out []Official
	for _, g := range groups {
		if g.skip {
			continue
		}
		o := Official{Authority: auth, Name: name, Line: n, Grades: map[extract.Domain]extract.Grade{}}
		o.Inspected = numericDate(cell(g.inspected))
		o.Published = numericDate(cell(g.published))
		o.Type = cell(g.typ)
		if o.Type == "" {
			o.Type = g.framework
		}
		for d, i := range g.grades {
			if gr := officialGrade(cell(i)); gr != "" {
				o.Grades[d] = gr
			}
		}
		if o.Inspected == "" && o.Published == "" {
			continue // an inspection this authority did not have
		}
		out = append(out, o)
	}
	return out
}

// OfficialType returns the document type of an official row's type
// ("ILACS Short Inspection" -> ilacs_inspection, "LA Monitoring visit" ->
// monitoring_visit), or TypeUnknown.
func OfficialType(t string) extract.Type {
	t = strings.ToLower(t)
	switch {
	case strings.Contains(t, "focused"):
		return extract.TypeFocused
	case strings.Contains(t, "monitoring"):
		return extract.TypeMonitoring
	case strings.Contains(t, "jtai") || strings.Contains(t, "joint targeted"):
		return extract.TypeJTAI
	case strings.Contains(t, "send"):
		return extract.TypeSEND
	case strings.Contains(t, "sif") || strings.Contains(t, "single inspection"):
		return extract.TypeSIF
	case strings.Contains(t, "ilacs") || strings.Contains(t, "inspection"):
		return extract.TypeILACS
	}
	return extract.TypeUnknown
}

// Extracted is one document of the index, for comparison with the
// official tables.
type Extracted struct {
	ID       string // index.DocumentID
	Path     string
	Document extract.Document
}

// Problem is what kind of disagreement a Disagreement is.
type Problem string

// Problems.
const (
	ProblemMissing Problem = "missing" // an official inspection no document matches
	ProblemDate    Problem = "date"    // matched, but the dates differ
	ProblemGrade   Problem = "grade"   // matched, but a domain's grade differs (or one side has none)
)

// Disagreement is one difference between the documents and the official
// tables. Ours and Official are the values compared ("" when a side has
// none).
type Disagreement struct {
	Problem   Problem
	Authority extract.Authority
	Type      extract.Type
	Date      string         // the official row's inspection date, else its publication date
	Domain    extract.Domain // for grade disagreements
	Ours      string
	Official  string
	ID        string // the matched document, empty for missing
	Path      string
}

// CompareOptions says which official rows are in scope for "missing".
type CompareOptions struct {
	// All reports every official row that no document matches; otherwise
	// only rows of an authority and type the documents have, dated within
	// the span of those documents' dates.
	All bool
}

// CompareOfficial matches every official row with a document of the same
// authority and type (visit start = inspection date, else publication =
// publication date; within 31 days, the nearest first; or, for a table
// with publication dates only, published within 120 days after the visit
// ended) and returns their disagreements, sorted by authority, date, type
// and domain. Rows of several tables that describe one inspection are
// merged first. Documents marked SameAs another are skipped.
func CompareOfficial(off []Official, docs []Extracted, opt CompareOptions) []Disagreement {
	off = mergeOfficial(off)
	type key struct {
		code string
		typ  extract.Type
	}
	byKey := map[key][]int{}
	span := map[key][2]string{}
	for i := range docs {
		d := &docs[i].Document
		if d.SameAs != "" || d.Authority.Code == "" {
			continue
		}
		k := key{d.Authority.Code, d.Type}
		byKey[k] = append(byKey[k], i)
		for _, dt := range []string{d.VisitStart, d.Published} {
			if dt == "" {
				continue
			}
			s := span[k]
			if s[0] == "" || dt < s[0] {
				s[0] = dt
			}
			if dt > s[1] {
				s[1] = dt
			}
			span[k] = s
		}
	}
	type cand struct {
		o, d  int
		diff  int
		exact bool
	}
	var cands []cand
	for oi := range off {
		o := &off[oi]
		k := key{o.Authority.Code, OfficialType(o.Type)}
		for _, di := range byKey[k] {
			if diff, exact, ok := dateMatch(o, &docs[di].Document); ok {
				cands = append(cands, cand{oi, di, diff, exact})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].diff != cands[j].diff {
			return cands[i].diff < cands[j].diff
		}
		if cands[i].o != cands[j].o {
			return cands[i].o < cands[j].o
		}
		return cands[i].d < cands[j].d
	})
	matchedO, matchedD := map[int]int{}, map[int]bool{}
	exactO := map[int]bool{}
	for _, c := range cands {
		if _, done := matchedO[c.o]; done || matchedD[c.d] {
			continue
		}
		matchedO[c.o], matchedD[c.d], exactO[c.o] = c.d, true, c.exact
	}
	var out []Disagreement
	for oi := range off {
		o := &off[oi]
		typ := OfficialType(o.Type)
		date := o.Inspected
		if date == "" {
			date = o.Published
		}
		base := Disagreement{Authority: o.Authority, Type: typ, Date: date}
		di, ok := matchedO[oi]
		if !ok {
			k := key{o.Authority.Code, typ}
			s, have := span[k]
			if opt.All || (have && date >= s[0] && date <= s[1]) {
				m := base
				m.Problem = ProblemMissing
				m.Official = o.Type
				out = append(out, m)
			}
			continue
		}
		d := &docs[di].Document
		base.ID, base.Path = docs[di].ID, docs[di].Path
		if !exactO[oi] {
			m := base
			m.Problem = ProblemDate
			if o.Inspected != "" {
				m.Ours, m.Official = d.VisitStart, o.Inspected
			} else {
				m.Ours, m.Official = d.Published, o.Published
			}
			if m.Ours != m.Official {
				out = append(out, m)
			}
		}
		if len(o.Grades) == 0 {
			continue // a visit: no grades to compare
		}
		ours := map[extract.Domain]extract.Grade{}
		for _, f := range d.Findings {
			if f.Kind == extract.KindJudgement && f.Grade != "" {
				if _, dup := ours[f.Domain]; !dup {
					ours[f.Domain] = f.Grade
				}
			}
		}
		for _, dom := range extract.Domains() {
			a, b := ours[dom], o.Grades[dom]
			if a == b || b == "" && !officialGrades(o, dom) {
				continue
			}
			m := base
			m.Problem, m.Domain, m.Ours, m.Official = ProblemGrade, dom, string(a), string(b)
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if a.Authority.Code != b.Authority.Code {
			return a.Authority.Code < b.Authority.Code
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return domainOrder(a.Domain) < domainOrder(b.Domain)
	})
	return out
}

// officialGrades reports whether the official row's table grades domain
// d at all: a table with no care-leavers column says nothing about it.
func officialGrades(o *Official, d extract.Domain) bool {
	_, ok := o.Grades[d]
	return ok
}

func domainOrder(d extract.Domain) int {
	for i, x := range extract.Domains() {
		if x == d {
			return i
		}
	}
	return -1
}

// dateMatch reports whether document d may be the inspection of official
// row o, how many days apart their compared dates are, and whether they
// agree exactly.
func dateMatch(o *Official, d *extract.Document) (diff int, exact, ok bool) {
	if o.Inspected != "" && d.VisitStart != "" {
		diff = absDays(o.Inspected, d.VisitStart)
		return diff, diff == 0, diff <= 31
	}
	if o.Published != "" && d.Published != "" {
		diff = absDays(o.Published, d.Published)
		if diff <= 31 {
			return diff, diff == 0, true
		}
	}
	if o.Published != "" && d.VisitEnd != "" {
		gap := days(d.VisitEnd, o.Published)
		if gap >= 0 && gap <= 120 {
			return gap, true, true // published after the visit: the table has no other date
		}
	}
	return 0, false, false
}

// mergeOfficial merges rows of several tables that describe the same
// inspection (same authority and type, and the same inspection or
// publication date), filling each one's blanks from the other.
func mergeOfficial(in []Official) []Official {
	var out []Official
	idx := map[string]int{}
	for _, o := range in {
		typ := OfficialType(o.Type)
		keys := []string{}
		if o.Inspected != "" {
			keys = append(keys, o.Authority.Code+"|"+string(typ)+"|i"+o.Inspected)
		}
		if o.Published != "" {
			keys = append(keys, o.Authority.Code+"|"+string(typ)+"|p"+o.Published)
		}
		at := -1
		for _, k := range keys {
			if i, ok := idx[k]; ok {
				at = i
				break
			}
		}
		if at < 0 && len(o.Grades) > 0 && o.Published != "" {
			// Graded inspections of one authority are years apart: tables
			// that disagree by a few weeks on its publication date (or give
			// only that date) describe the same one.
			for i := range out {
				m := &out[i]
				if m.Authority.Code == o.Authority.Code && OfficialType(m.Type) == typ && len(m.Grades) > 0 &&
					m.Published != "" && absDays(m.Published, o.Published) <= 92 &&
					(m.Inspected == "" || o.Inspected == "" || m.Inspected == o.Inspected) {
					at = i
					break
				}
			}
		}
		if at < 0 {
			g := map[extract.Domain]extract.Grade{}
			for d, x := range o.Grades {
				g[d] = x
			}
			o.Grades = g
			out = append(out, o)
			at = len(out) - 1
		} else {
			m := &out[at]
			if m.Inspected == "" {
				m.Inspected = o.Inspected
			}
			if m.Published == "" {
				m.Published = o.Published
			}
			for d, x := range o.Grades {
				if _, ok := m.Grades[d]; !ok {
					m.Grades[d] = x
				}
			}
		}
		for _, k := range keys {
			idx[k] = at
		}
	}
	return out
}

func parseISO(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// days returns b - a in days (0 when either does not parse).
func days(a, b string) int {
	ta, ok1 := parseISO(a)
	tb, ok2 := parseISO(b)
	if !ok1 || !ok2 {
		return 1 << 20
	}
	return int(tb.Sub(ta).Hours() / 24)
}

func absDays(a, b string) int {
	d := days(a, b)
	if d < 0 {
		return -d
	}
	return d
}
