package find

// Strengths and weaknesses are body sentences that evaluate practice. An
// Ofsted report or letter is built so that its findings sections describe
// practice, and an inspector who describes what practitioners, leaders or
// services do for children without a word of qualification is reporting
// it as done ("Social workers consider placing children with their wider
// family first"): in that evaluative body, a sentence that describes
// practice is a strength unless something says otherwise. Elsewhere (a
// committee paper's own text, the news) only evaluative words decide.
//
// Where the body is (findStrengths): an Ofsted document's sentences,
// except a letter's introduction (before its first section heading: how
// the visit was done, its scope, the pandemic), the sections about the
// area, the inspection or what happens next (framework.ContextSections),
// the headline summary (headline findings of their own), and anything
// after the letter's close or the report's back matter. A section whose
// heading announces strengths or weaknesses ("What does the area
// partnership need to do better?") sets what its undecided sentences are.
//
// How a sentence is read (classify), by its main clause:
//
//   - sentences about the inspection or the document ("This letter
//     summarises ...", "Inspectors looked at ...", "part of this visit was
//     carried out remotely"), addressed to the reader, statistics, dated
//     events and advice ("Leaders should ...") are never findings;
//   - a concessive or contrastive clause is set aside and the main clause
//     decides: "Although X, Y" / "Despite X, Y" / "While X, Y" keep Y;
//     "X, but Y" keeps Y when Y evaluates; "X, although Y" keeps X;
//     "However, Y" keeps Y, and a neutral Y after "However" is a weakness;
//   - in the main clause, phrases that look evaluative but are not are
//     blanked ("how well", "areas for improvement"); double negatives read
//     as strengths ("do not come into care unnecessarily", "no harm"); a
//     cue inside a conditional or purpose clause ("when there is delay",
//     "to ensure that plans are effective") is ignored;
//   - any remaining weakness signal makes a weakness: negated verbs, "too"
//     before an adjective, "not yet", comparatives of shortfall ("longer
//     than they need"), absence ("had no up-to-date assessment"), changes
//     of worker, "out of date", "overly", "drift", what should have
//     happened; otherwise a strength cue ("effective", "timely", "well",
//     "improved") makes a strength;
//   - a sentence left undecided that only elaborates the one before
//     ("This includes ...", "For example, ...") says what that one said;
//     one that reads as a figure, a provision that exists, who chairs or
//     houses what, how often a meeting is held or an event in a service's
//     history is neutral; in the evaluative body anything else describes
//     practice: a strength, or what its section announces;
//   - in a list whose heading or lead-in says what its items are
//     ("Strengths", "Inspectors highlighted:"), that decides.
//
// A body sentence that is neither but names a practice theme is a
// mention (KindMention), so that a search by theme finds it.

import (
	"regexp"
	"strings"
	"sync"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/text"
)

// swRules holds the compiled tables (cues.go). They are never changed
// after newSWRules returns, so one copy (swTable) serves every goroutine.
type swRules struct {
	neutral, plain, shortfall, notEval, doubleNeg, weak, strong cueTable
	conditional                                                 *regexp.Regexp
	leadConcessive, trailConcessive, but, leadFrame             *regexp.Regexp
	however, elaboration, advice, backMatter, relativeWhen      *regexp.Regexp
	figure, clauseWord, gradeStatement                          *regexp.Regexp
	// conditionalWords finds the words of conditional in one pass (on
	// lower-case text).
	conditionalWords *text.WordTable
	// prefilters of trailConcessive and but (see text.Pattern)
	trailNeed, butNeed text.Pattern
}

// swTable returns the compiled classification tables (read-only), built
// on first use: compiling them takes a tenth of a second, which commands
// that never classify a sentence (search, export) should not pay.
var swTable = sync.OnceValue(newSWRules)

// polarity is the verdict of a clause with the name of the deciding cue.
type polarity struct {
	kind extract.Kind // KindStrength, KindWeakness or "" (neutral)
	cue  string
}

// clause classifies one clause by its cues (no contrast handling).
func (r *swRules) clause(s string) polarity {
	s = strings.ToLower(s)
	// The folded copy of the original text gates the regexps (a cue whose
	// prefilter rejects it is skipped even once replacements below have
	// changed s). While s is unchanged the gate is implied by a match, so
	// the fold is made only when s has changed.
	orig, f := s, ""
	gate := func(c cue) bool {
		if s == orig {
			return true
		}
		if f == "" {
			f = text.Fold(orig)
		}
		return c.May(f)
	}
	// Most clauses hold no conditional word: then a cue's word-table bit
	// decides, and no cue's matches need be found one by one.
	cond := r.conditionalWords.Match(s) != 0
	// decides reports whether a cue that matches s counts: one of its
	// matches lies outside a conditional or purpose clause.
	decides := func(c cue) bool {
		if !cond {
			return true
		}
		for _, loc := range c.Re.FindAllStringIndex(s, -1) {
			if !r.inConditional(s, loc[0]) {
				return true
			}
		}
		return false
	}
	// A shortfall named with words the next step blanks ("remains an
	// area for improvement").
	m := r.shortfall.words.Match(s)
	for i, c := range r.shortfall.cues {
		if m&(1<<i) != 0 && decides(c) {
			return polarity{extract.KindWeakness, c.Name}
		}
	}
	m = r.notEval.words.Match(s)
	for i, c := range r.notEval.cues {
		if m&(1<<i) != 0 && gate(c) {
			s = c.Re.ReplaceAllString(s, " ~ ")
			m = r.notEval.words.Match(s)
		}
	}
	dbl := false
	m = r.doubleNeg.words.Match(s)
	for i, c := range r.doubleNeg.cues {
		if m&(1<<i) != 0 && gate(c) {
			s = c.Re.ReplaceAllString(s, " ~ ")
			dbl = true
			m = r.doubleNeg.words.Match(s)
		}
	}
	m = r.weak.words.Match(s)
	for i, c := range r.weak.cues {
		if m&(1<<i) != 0 && gate(c) && decides(c) {
			return polarity{extract.KindWeakness, c.Name}
		}
	}
	if dbl {
		return polarity{extract.KindStrength, "double-negative"}
	}
	m = r.strong.words.Match(s)
	for i, c := range r.strong.cues {
		if m&(1<<i) != 0 && gate(c) && decides(c) {
			return polarity{extract.KindStrength, c.Name}
		}
	}
	return polarity{}
}

// inConditional reports whether offset i of s sits in a conditional or
// purpose clause ("when there is delay", "if ... do not improve", "to
// reduce delay") that started after the last comma or clause break.
func (r *swRules) inConditional(s string, i int) bool {
	start := strings.LastIndexAny(s[:i], ",;:")
	if k := strings.LastIndex(s[:i], " and "); k > start {
		start = k
	}
	seg := s[start+1 : i+1]
	if !r.conditional.MatchString(seg) {
		return false
	}
	for _, m := range r.conditional.FindAllStringSubmatchIndex(seg, -1) {
		w := seg[m[2]:m[3]]
		if (w == "when" || w == "where") && r.relativeWhen.MatchString(seg[:m[2]]) {
			continue // "on occasions when ...": a relative clause
		}
		return true
	}
	return false
}

// place is where a sentence sits, as judge needs it.
type place struct {
	// body: the sentence is in the evaluative body of an Ofsted report or
	// letter, where a sentence describing practice is a finding.
	body bool
	// tone is what the section's heading announces its sentences are
	// (KindStrength or KindWeakness), "" when it announces nothing.
	tone extract.Kind
	// prev is the kind of the sentence before in the same section.
	prev extract.Kind
}

// classify returns the kind of a sentence read on its own, outside an
// evaluative body (empty when neutral), and the name of the rule that
// decided.
func (r *swRules) classify(s sentence) (extract.Kind, string) {
	return r.judge(s, place{})
}

// judge returns the kind of a sentence where sc says it sits (empty when
// neutral) and the name of the rule that decided.
func (r *swRules) judge(s sentence, sc place) (extract.Kind, string) {
	t := unligature(strings.TrimSpace(s.text))
	lt := strings.ToLower(t)
	if name := r.neutral.first(lt); name != "" {
		return "", "neutral." + name
	}
	if endsWithGrade(lt) && r.gradeStatement.MatchString(lt) {
		return "", "neutral.grade-statement"
	}
	if strings.HasSuffix(t, "?") {
		return "", "neutral.question"
	}
	if s.list != "" {
		if s.list == extract.KindStrength {
			return extract.KindStrength, "strength.list-context"
		}
		return extract.KindWeakness, "weakness.list-context"
	}
	if m := r.advice.FindStringSubmatch(t); m != nil && !r.conditional.MatchString(m[1]) && !r.clauseWord.MatchString(m[1]) {
		switch strings.ToLower(m[2]) {
		case "have", "not":
		default:
			return "", "neutral.advice"
		}
	}
	// "However, Y": Y decides; a neutral Y after "However" is a weakness.
	if m := r.however.FindString(t); m != "" {
		rest := t[len(m):]
		if k, rule := r.main(rest); k != "" {
			return k, rule
		}
		if strings.HasPrefix(strings.ToLower(m), "despite") {
			return "", "neutral"
		}
		return extract.KindWeakness, "weakness.contrast-main-clause"
	}
	if k, rule := r.main(t); k != "" {
		return k, rule
	}
	if sc.prev != "" && r.elaboration.MatchString(t) {
		return sc.prev, string(sc.prev) + ".elaboration"
	}
	if name := r.plain.first(lt); name != "" {
		return "", "neutral." + name
	}
	if r.figure.MatchString(lt) || numbers(lt) >= 2 || strings.Contains(lt, "population of") || strings.Contains(lt, " million") {
		return "", "neutral.figure"
	}
	if sc.body && (strings.HasSuffix(t, ".") || strings.HasSuffix(t, ".”") || strings.HasSuffix(t, "!")) {
		if sc.tone != "" {
			return sc.tone, string(sc.tone) + ".section"
		}
		return extract.KindStrength, "strength.practice"
	}
	return "", "neutral"
}

// main classifies t by its main clause.
func (r *swRules) main(t string) (extract.Kind, string) {
	// The fold of t gates the "but" and trailing-concessive regexps; it
	// stays a valid gate for the parts of t cut below (a literal absent
	// from the whole is absent from its parts).
	ft := text.Fold(t)
	// "Although X, Y": Y decides; a neutral Y takes the opposite of X.
	if m := r.leadConcessive.FindString(t); m != "" {
		sub, rest := r.clause(m), t[len(m):]
		if k, rule := r.main(rest); k != "" {
			return k, strings.Replace(rule, ".cue", ".contrast-main-clause", 1)
		}
		switch sub.kind {
		case extract.KindStrength:
			return extract.KindWeakness, "weakness.contrast-main-clause"
		case extract.KindWeakness:
			return extract.KindStrength, "strength.contrast-main-clause"
		}
		return "", "neutral"
	}
	// "In a few cases when X, Y": Y decides when it evaluates.
	if m := r.leadFrame.FindString(t); m != "" && len(m) < len(t) {
		if k, rule := r.main(t[len(m):]); k != "" {
			return k, rule
		}
	}
	// "X, but Y": Y decides when it evaluates.
	if loc := r.butNeed.Find(ft, t); loc != nil {
		head, tail := t[:loc[0]], t[loc[1]:]
		if p := r.clause(stripTrailing(r, tail, ft)); p.kind != "" {
			return p.kind, string(p.kind) + ".contrast-main-clause"
		}
		t = head
	}
	// "X, although Y": X decides.
	if loc := r.trailNeed.Find(ft, t); loc != nil && loc[0] > 0 {
		if p := r.clause(t[:loc[0]]); p.kind != "" {
			return p.kind, string(p.kind) + ".contrast-main-clause"
		}
	}
	if p := r.clause(t); p.kind != "" {
		return p.kind, string(p.kind) + ".cue"
	}
	return "", "neutral"
}

// stripTrailing cuts a trailing concessive clause off s; folded is the
// fold of s or of a text s is part of.
func stripTrailing(r *swRules, s, folded string) string {
	if loc := r.trailNeed.Find(folded, s); loc != nil && loc[0] > 0 {
		return s[:loc[0]]
	}
	return s
}

// findStrengths returns a strength or weakness finding for each evaluative
// body sentence of ls, once per distinct sentence, leaving out sentences
// that are (part of) a recommendation already in recs; and a mention for
// each body sentence that is neither (Find keeps those that name a
// theme).
func findStrengths(ls []text.Line, typ extract.Type, ws text.WordSet, recs []extract.Finding) []extract.Finding {
	if !typ.Evaluative() {
		return nil
	}
	var recKeys []string
	for _, f := range recs {
		// A recommendation, or a judgement stated in a sentence (news,
		// committee papers), is that finding, not also a strength or
		// weakness.
		if f.Kind == extract.KindRecommendation || f.Kind == extract.KindPriorityAction || f.Kind == extract.KindJudgement && !strings.HasPrefix(f.Rule, "judgement.") {
			recKeys = append(recKeys, sentenceKey(f.Text))
		}
	}
	r, v := swTable(), vocabulary()
	sents := sentences(ls, ws)
	// A letter (an Ofsted document without a grade table) opens with its
	// introduction: who inspected, how, what the visit looked at. It ends
	// at the first section heading the framework knows; a letter with
	// none has no introduction that can be told from its body.
	intro := -1
	if typ.Ofsted() && !typ.Graded() {
		for i, s := range sents {
			if knownSection(unligature(s.section)) || headingSentence(s.text) != "" {
				intro = i
				break
			}
		}
	}
	seen := map[string]int{}
	var out []extract.Finding
	var prev extract.Kind
	prevSection := ""
	// heading is a section heading that reached us as a sentence (a
	// question heading run into the paragraph after it, in a layout
	// without blank lines): it heads what follows in its block's section.
	heading := ""
	for i, s := range sents {
		if r.backMatter.MatchString(s.text) {
			break
		}
		key := sentenceKey(s.text)
		if key == "" {
			continue
		}
		if j, dup := seen[key]; dup {
			if out[j].Domain == "" && s.domain != "" {
				out[j].Domain = s.domain // the body repeats the summary: keep the section's domain
			}
			continue
		}
		if isRecText(key, recKeys) {
			continue
		}
		if s.section != prevSection {
			prev, prevSection, heading = "", s.section, ""
		}
		if h := headingSentence(s.text); h != "" {
			prev, heading = "", h
			continue
		}
		section := unligature(s.section) // a heading read as its words
		if heading != "" {
			section = heading
		}
		var k extract.Kind
		var rule string
		switch {
		case i < intro:
			rule = "neutral.introduction"
		case typ.Ofsted() && v.context.MatchString(section):
			rule = "neutral.context"
		default:
			// Under a heading of what must improve, a sentence that is not
			// one of its items explains the list (how it maps to the
			// national framework, say): only its own words decide.
			sc := place{body: typ.Ofsted() && !v.recHeading.MatchString(section), tone: tone(section), prev: prev}
			k, rule = r.judge(s, sc)
		}
		if v.headline.MatchString(section) {
			k, rule = extract.KindHeadline, "headline.section"
		}
		prev = k
		if k == "" {
			name := strings.TrimPrefix(rule, "neutral")
			if notMentioned[strings.TrimPrefix(name, ".")] {
				continue
			}
			k, rule = extract.KindMention, "mention"+name
		}
		seen[key] = len(out)
		out = append(out, extract.Finding{Kind: k, Domain: s.domain, Text: s.text, Page: s.page, Rule: rule})
	}
	return out
}

// headingSentence returns the heading t is when t, read as a sentence,
// is a section heading the framework knows ("What does the area
// partnership need to do better?"): short, not ending a statement. It
// returns "" for anything else.
func headingSentence(t string) string {
	t = strings.TrimSpace(unligature(t))
	if strings.HasSuffix(t, ".") || len(strings.Fields(t)) > 14 {
		return ""
	}
	h := strings.TrimRight(t, "?: ")
	if !knownSection(h) && !knownSection(t) {
		return ""
	}
	return t
}

// knownSection reports whether h is a section heading the framework
// knows (of any kind), not a letter's title, salutation or address.
func knownSection(h string) bool {
	if h == "" {
		return false
	}
	v := vocabulary()
	if sectionHeading(h) || v.skip.MatchString(h) || v.headline.MatchString(h) || v.strength.MatchString(h) ||
		v.weakness.MatchString(h) || v.outsideDomain.MatchString(h) || v.context.MatchString(h) {
		return true
	}
	for _, d := range v.domainHeadings {
		if d.re.MatchString(h) {
			return true
		}
	}
	return false
}

// tone returns what the section heading h announces its sentences are:
// KindStrength, KindWeakness, or "" (a heading of a list of what must
// improve announces its items, not the sentences around them).
func tone(h string) extract.Kind {
	v := vocabulary()
	switch {
	case h == "":
		return ""
	case v.strength.MatchString(h):
		return extract.KindStrength
	case v.weakness.MatchString(h) && !v.recHeading.MatchString(h):
		return extract.KindWeakness
	}
	return ""
}

// sentenceKey is a sentence compared with others: lower-case words only.
func sentenceKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}), " ")
}

// isRecText reports whether key (a sentence key) is, or is part of, one of
// the recommendation keys.
func isRecText(key string, recs []string) bool {
	for _, r := range recs {
		if r == "" {
			continue
		}
		if strings.Contains(r, key) || (len(r) > 40 && strings.Contains(key, r)) {
			return true
		}
	}
	return false
}

// reFindingReported is a sentence that reports what the inspectors found:
// "Inspectors found that ...", "The report praised ...", "Ofsted said
// social workers ...".
var reFindingReported = text.Lazy(`(?i)\b(?:inspectors?|ofsted|the (?:report|watchdog|inspectorate|regulator|letter|inspection))\b[^.;]{0,40}?\b(?:found|finds|said|says|noted|notes|highlighted|praised|praises|criticised|criticized|criticises|concluded|reported|observed|identified|warned|added)\b`)

// findNewsFindings returns the strengths and weaknesses an article quotes
// from the inspection: sentences that report what the inspectors found,
// read by the same rules as a report's sentences. Sentences that are
// already a judgement or a recommendation, other people's words, and a
// headline or standfirst (which ends with no stop) are left out.
func findNewsFindings(sents []prose, have []extract.Finding) []extract.Finding {
	r := swTable()
	var out []extract.Finding
	for _, s := range sents {
		t := s.text
		if !text.SentenceEnd(t) || !reFindingReported.MatchString(t) || reOtherSpeaker.MatchString(t) || sameTextIn(have, t) {
			continue
		}
		k, rule := r.classify(sentence{text: t})
		if k != extract.KindStrength && k != extract.KindWeakness {
			continue
		}
		out = append(out, extract.Finding{Kind: k, Text: t, Page: s.page, Rule: "news." + rule})
	}
	return out
}

// numbers counts the numbers in s that are not years or the end of a
// range of years ("from 47 in 2012-13 to 55" holds two): a sentence of
// several is a set of figures.
func numbers(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' || i > 0 && (isWordByte(s[i-1]) || s[i-1] == '-' || s[i-1] == '/') {
			i++
			continue
		}
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || (s[j] == ',' || s[j] == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
			j++
		}
		year := j-i == 4 && (s[i:i+2] == "19" || s[i:i+2] == "20")
		if !year && (j == len(s) || !isWordByte(s[j])) && (j+1 >= len(s) || s[j] != '-') {
			n++
		}
		i = j
	}
	return n
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// endsWithGrade reports whether s (lower case) ends with a grade, as a
// judgement stated in a sentence does ("... require improvement to be
// good.", "... were judged inadequate overall").
func endsWithGrade(s string) bool {
	s = strings.TrimRight(s, " .0123456789")
	s = strings.TrimSuffix(s, " overall")
	for _, g := range []string{"good", "outstanding", "inadequate", "adequate", "improvement"} {
		if strings.HasSuffix(s, g) {
			return true
		}
	}
	return false
}
