package classify

// The authority a document concerns is read from structured places first:
// the title phrase names it ("Inspection of Kent County Council children's
// services", "Focused visit to Sandwell Children's Trust"), older reports
// put the council's name above the title, letters are addressed to a
// council. Counting mentions is the last resort, because a page may name
// statistical neighbours, partner agencies or Ofsted's own address.
//
// Names are the gazetteer's (gazetteer.go), in any of the forms councils
// use: "Kent", "Kent County Council", "the London Borough of Tower
// Hamlets", "City of York Council", a trust that runs the council's
// services. Two rules keep the count honest:
//
//   - a partner body named after several councils (a joint safeguarding
//     partnership, an integrated care board, a police force) is none of
//     them; a name that itself joins two places ("Bath and North East
//     Somerset", "Brighton and Hove") is one name, as the gazetteer's
//     longest match already reads it;
//   - a council that has since merged into one of another name is itself
//     in documents dated before the merger (Bournemouth and Poole before
//     April 2019), its successor after; one split between several
//     (Cumbria, Northamptonshire) is always itself.

import (
	"strings"

	"github.com/ofsted/ofsted/extract"

	"github.com/ofsted/ofsted/extract/text"
)

// titleAuthority finds the authority named by the title block: in the title
// phrase, else in the lines just above the title (older reports put the
// council's name first), else anywhere in the head.
func titleAuthority(h []line, hf string, t detected) extract.Authority {
	if t.subject != "" {
		if ms := scanAuthorities(t.subject); len(ms) > 0 {
			return ms[0].auth
		}
	}
	if t.at >= 0 {
		// The title and the text right after it ("Inspection of looked after
		// children services / Norfolk County Council").
		after := hf[t.at:min(len(hf), t.at+len(t.title)+120)]
		before := hf[max(0, t.at-160):t.at]
		if ms := scanAuthorities(before); len(ms) > 0 && t.at < 200 {
			return ms[len(ms)-1].auth
		}
		if ms := scanAuthorities(after); len(ms) > 0 {
			return ms[0].auth
		}
		if ms := scanAuthorities(before); len(ms) > 0 {
			return ms[len(ms)-1].auth
		}
	}
	if a := councilAuthority(hf); a.Code != "" {
		return a
	}
	return extract.Authority{}
}

var councilRe = text.Lazy(`(?i)^(?:\s*(?:city|county|borough|metropolitan borough|metropolitan district|district))*\s*council\b`)

// councilAuthority returns the first authority named as a council ("Bury
// Council", "London Borough of Sutton", "Director of Children's Services,
// Derby City Council").
func councilAuthority(text string) extract.Authority {
	for _, m := range scanAuthorities(text) {
		rest := text[m.start:]
		if i := strings.IndexAny(rest, ",\n"); i > 0 {
			rest = rest[:i]
		}
		// Skip the name itself, then look for a council word.
		toks := tokenize(rest)
		for j := 1; j < len(toks) && j < 8; j++ {
			if councilRe.MatchString(rest[toks[j].start:]) {
				return m.auth
			}
		}
		before := strings.ToLower(text[max(0, m.start-20):m.start])
		if strings.HasSuffix(strings.TrimSpace(before), "borough of") || strings.HasSuffix(strings.TrimSpace(before), "city of") {
			return m.auth
		}
	}
	return extract.Authority{}
}

// countAuthority picks the authority named most often (capitalised) in
// text; ties go to the one named first. A partner body named after
// several councils ("Derby and Derbyshire Safeguarding Children
// Partnership") is none of them. A former authority counts with the one
// that took it over (asOf decides between them by the document's date).
func countAuthority(text string) extract.Authority {
	counts := map[string]int{}
	first := map[string]int{}
	byCode := map[string]extract.Authority{}
	for i, m := range councilMentions(text) {
		if !m.upper {
			continue
		}
		c := family(m.auth)
		if _, ok := first[c]; !ok {
			first[c] = i
			byCode[c] = m.auth
		}
		counts[c]++
	}
	best := ""
	for c, n := range counts {
		if best == "" || n > counts[best] || (n == counts[best] && first[c] < first[best]) {
			best = c
		}
	}
	return byCode[best]
}

// partnerBodyRe is what follows the names of a partner body: the body's
// own words ("Safeguarding Children Partnership", "Integrated Care
// Board", "Police", "NHS Foundation Trust").
var partnerBodyRe = text.Lazy(`(?i)^[\s,]*(?:(?:local |joint |multi-agency |strategic )?safeguarding\b|(?:children(?:['’]s)? )?(?:safeguarding )?partnership\b|(?:integrated care|clinical commissioning|health and wellbeing|local (?:safeguarding )?children|adoption)\b|icb\b|ccg\b|nhs\b|police\b|constabulary\b|fire\b|probation\b|youth (?:offending|justice)\b|healthcare\b|health\b|hospitals?\b|university\b|(?:regional )?adoption agency\b|clinical\b)`)

// partnerSepRe is what joins the names of a partner body.
var partnerSepRe = text.Lazy(`^\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*)$`)

// jointBeforeRe is a place joined to a name that follows it: "City and
// Hackney", "Kent & Medway".
var jointBeforeRe = text.Lazy(`\p{Lu}[\p{L}'’\-]+(?: \p{Lu}[\p{L}'’\-]+)*,? (?:and|&) $`)

// partnerMentions marks the mentions that name a partner body: names
// joined by commas and "and" (to each other, or to a place that is no
// authority, "City and Hackney"), followed by a body's words.
func partnerMentions(text string, ms []mention) map[int]bool {
	out := map[int]bool{}
	for i := 0; i < len(ms); {
		j := i
		for j+1 < len(ms) && ms[j+1].start >= ms[j].end && partnerSepRe.MatchString(text[ms[j].end:ms[j+1].start]) {
			j++
		}
		joint := j > i || jointBeforeRe.MatchString(text[max(0, ms[i].start-60):ms[i].start])
		if joint && partnerBodyRe.MatchString(text[ms[j].end:min(len(text), ms[j].end+60)]) {
			for k := i; k <= j; k++ {
				out[k] = true
			}
		}
		i = j + 1
	}
	return out
}

// councilMentions are the authorities named in text, less the names of
// partner bodies.
func councilMentions(text string) []mention {
	ms := scanAuthorities(text)
	partner := partnerMentions(text, ms)
	if len(partner) == 0 {
		return ms
	}
	out := make([]mention, 0, len(ms))
	for i, m := range ms {
		if !partner[i] {
			out = append(out, m)
		}
	}
	return out
}

// family is the code an authority is counted under: its successor's for
// a former authority that merged into another.
func family(a extract.Authority) string {
	if f, ok := loadGazetteer().former[a.Code]; ok && f.Successor != "" {
		return f.Successor
	}
	return a.Code
}

// asOf is the authority as it was on date (YYYY-MM-DD): a former
// authority that merged into another is itself before the merger, and its
// successor on or after it, or when the date is unknown.
func asOf(a extract.Authority, date string) extract.Authority {
	g := loadGazetteer()
	f, ok := g.former[a.Code]
	if !ok || f.Successor == "" || date != "" && date < f.Until {
		return a
	}
	return g.byCode[f.Successor]
}

// documentDate is the date a document speaks for: its visit's start, else
// its publication.
func documentDate(d *extract.Document) string {
	if d.VisitStart != "" {
		return d.VisitStart
	}
	return d.Published
}
