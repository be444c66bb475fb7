package find

// Strengths and weaknesses are body sentences that evaluate practice. A
// sentence is classified by its main clause, with rules kept as tables of
// cue phrases:
//
//   - neutral patterns first: sentences about the inspection itself ("This
//     letter summarises ...", "Inspectors looked at ..."), statistics ("The
//     number of ...") and the grading scale are never findings;
//   - a concessive or contrastive clause is set aside and the main clause
//     decides: "Although X, Y" / "Despite X, Y" / "While X, Y" keep Y;
//     "X, but Y" keeps Y when Y evaluates; "X, although Y" keeps X;
//     "However, Y" keeps Y, and a neutral Y after "However" is a weakness;
//   - in the main clause, phrases that look evaluative but are not are
//     blanked ("how well", "areas for improvement"); double negatives read
//     as strengths ("do not come into care unnecessarily", "no harm");
//     a negative cue inside a conditional clause ("when there is delay",
//     "if circumstances do not improve") is ignored;
//   - any remaining weakness cue ("not always", "too slow", "inconsistent",
//     "variable", "delays", "lack", "no impact yet") makes a weakness;
//     otherwise a strength cue ("effective", "timely", "well", "improved")
//     makes a strength; otherwise the sentence is neutral, unless it sits
//     in a list whose heading or lead-in says what its items are
//     ("Strengths", "Inspectors highlighted:"), which then decides.

import (
	"regexp"
	"strings"
	"sync"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/text"
)

// cue is one row of a classification table: a named pattern with its
// prefilter (see text.Pattern).
type cue struct {
	Name string
	text.Pattern
}

// cueTable is a table of cues with its word table, which finds the cues
// that match a text in one pass (see text.WordTable).
type cueTable struct {
	cues  []cue
	words *text.WordTable
}

// cues compiles rows of (name, pattern); patterns are matched on word
// boundaries against lower-case text.
func cues(rows ...[2]string) cueTable {
	out := make([]cue, len(rows))
	pats := make([]string, len(rows))
	for i, r := range rows {
		p := text.MustPattern(`(?:^|[^\pL\pN])(?:` + r[1] + `)(?:$|[^\pL\pN])`)
		out[i] = cue{Name: r[0], Pattern: p}
		pats[i] = r[1]
	}
	return cueTable{cues: out, words: text.NewWordTable("", pats)}
}

// swRules holds the compiled tables. They are never changed after
// newSWRules returns, so one copy (swTable) serves every goroutine.
type swRules struct {
	neutral, notEval, doubleNeg, weak, strong cueTable
	conditional                               *regexp.Regexp
	leadConcessive, trailConcessive, but      *regexp.Regexp
	however                                   *regexp.Regexp
	// prefilters of trailConcessive and but (see text.Pattern)
	trailNeed, butNeed text.Pattern
}

func newSWRules() *swRules {
	r := &swRules{
		// Sentences that describe the inspection, a statistic or a fact
		// with no verdict.
		neutral: cues(
			[2]string{"letter", `^(this|the) (letter|report) (summarises|sets out|outlines|describes|is)`},
			// Sentences that announce what follows: "Progress against each
			// area is summarised below", "... are set out in the table".
			// Committee procedure: what a paper asks its committee to do.
			[2]string{"committee-procedure", `(the|this) (committee|board|panel|cabinet|sub-committee) (is asked to|is recommended to|notes?|agrees?|is kept informed|considers?|endorses?|approves?)`},
			[2]string{"signpost", `(summari[sz]ed|set out|described|listed|detailed|shown|outlined) (below|above|in (the )?(table|appendix|section))|as follows`},
			[2]string{"visit", `^(this|the) (focused |monitoring )?(visit|inspection) (was|took place|looked|focused|considered|evaluated|covered|included|is the)`},
			[2]string{"inspectors-looked", `^(during (this|the) (visit|inspection), )?(inspectors|we|the inspectors|the lead inspector) (looked|considered|reviewed|evaluated|met|spoke|visited|scrutinised|examined|sampled|tracked|also|carried out|were)`},
			[2]string{"ofsted-process", `ofsted (undertook|carried out|made the following|will|has|inspected|conducted)|under the inspection|four[- ]point scale|scope of the inspection|regulatory inspection|annual engagement meeting`},
			[2]string{"statistic", `^(the )?(number|numbers|proportion|percentage|rate) of [^,]{0,80} (has|have|is|are|was|were) (remained|increased|decreased|risen|fallen|reduced|been)`},
			[2]string{"dated-event", `^(in|on|during|since|by) (the )?((early|late|mid-?)? ?((january|february|march|april|may|june|july|august|september|october|november|december) )?(\d{4})|\d{1,2} \w+ \d{4}|(january|february|march|april|may|june|july|august|september|october|november|december)), [^,]{0,60}\b(commissioned|appointed|joined|launched|published|undertook|held|agreed|approved|began|started|moved|restructured|became|was|were)\b`},
			[2]string{"visit-number", `this (was|is) the (first|second|third|fourth|fifth|sixth|seventh|eighth|\w+) monitoring visit`},
		),
		// Phrases that contain a cue word but give no verdict.
		notEval: cues(
			[2]string{"how-well", `how (well|effectively|timely)`},
			[2]string{"improvement-noun", `areas? (for|of|requiring) (improvement|development)|improvement (plan|plans|board|journey|activity|areas?|priorities|work)|requires? improvement to be good|what needs to improve`},
			[2]string{"judged", `(judged|graded|rated) (to be |as )?(good|outstanding|inadequate|requires? improvement|requiring improvement|to require improvement)( to be good)?`},
			// The names of the judgement areas: "the experiences and progress
			// of children in care" is a label, not progress.
			[2]string{"domain-label", `experiences and progress of`},
			[2]string{"not-only", `not only`},
			[2]string{"what-is-required", `what (action|actions|work|changes?|support|help) (is|are|was|were) (required|needed|expected)`},
			[2]string{"no-longer-neg", `no longer (at risk|need|require)`},
		),
		// Negations of something bad: a strength.
		doubleNeg: cues(
			[2]string{"not-unnecessarily", `(not|no|never)( \S+){0,6} (unnecessar(y|ily)|inappropriate(ly)?|unnecessary delay|drift)`},
			[2]string{"no-harm", `no (harm|drift|delay|delays|children were left|waiting list|backlog|unallocated)`},
			[2]string{"without-delay", `without (delay|drift|unnecessary)`},
			[2]string{"no-cases", `(saw|found|were) no (cases|children|evidence of (drift|delay))`},
			[2]string{"resolved", `(resolved|reduced|cleared|addressed|tackled|removed|eliminated|reducing|fewer|minimised|minimized|avoid(s|ed)?|prevent(s|ed)?)( \S+){0,3} (backlogs?|delays?|drift|caseloads?|workloads?|risks?|harm|gaps?)`},
			[2]string{"no-longer", `(are|is) no longer (delayed|drifting)`},
		),
		weak: cues(
			[2]string{"not-always", `not (always|consistently|routinely|yet|sufficiently|fully|well|all|enough|effectively|robust(ly)?|timely|clear(ly)?|regularly|adequately|properly|appropriately|systematically|thorough(ly)?|given|being|been|made|met|in place|embedded|reviewed|recorded|considered|undertaken|completed|followed|taken|clear|evident|used|held|seen|recognised|identified|assessed|offered|understood)`},
			[2]string{"too", `too (slow|slowly|long|many|few|much|little|high|low|early|late|variable|reliant|narrow|optimistic|often|great)`},
			[2]string{"inconsistent", `inconsisten(t|tly|cy|cies)`},
			[2]string{"variable", `variab(le|ility)|var(y|ies|ied) (in|too|widely|considerably)|mixed (quality|picture)`},
			[2]string{"delay", `delay(s|ed|ing)?|drift|backlogs?|waiting (times?|lists?)`},
			[2]string{"lack", `lack(s|ed|ing)?`},
			[2]string{"weak", `weak(ness|nesses|er|ly)?|poor(ly|er)?|inadequate(ly)?|insufficient(ly)?|ineffective(ly)?|deficits?|deficienc(y|ies)|shortfalls?|shortcomings?|gaps? in|limited|unclear|underdeveloped|under-developed|fragile|patchy|superficial|cursory|overly optimistic|over-optimistic|overly|deteriorat(ed|ing|ion)|declin(ed|ing)|fail(s|ed|ing|ure|ures)?|concerns? (about|remain)|concerning|unnecessar(y|ily)|inappropriate(ly)?|unsafe|unmet|unallocated|worsened|slow(ly|er)?|stretched|struggl(e|es|ed|ing)|longstanding`},
			[2]string{"negated-verb", `(do|does|did|has|have|had|is|are|was|were|could|can|would|will) not|(doesn|don|didn|hasn|haven|isn|aren|wasn|weren)['’]t|cannot|unable to|yet to|few (children|young people|families)|not all|no (evidence|impact|clear|consistent|effective|plan|plans|written)|little (evidence|impact|progress|difference|improvement|understanding|consideration|attention)|rarely|seldom|only (a few|some|partially|recently)`},
			[2]string{"too-early", `too early to|has not yet|have not yet|not yet (had|seen|made|led|embedded|resulted|evident)|is yet to|are yet to|early stages?|in its infancy|not had (an|any|sufficient) impact`},
			[2]string{"required", `(improvements?|work|action|actions|training|oversight|progress|development) (is|are) (still |urgently |further )?(required|needed|necessary)|further (work|improvement|progress|development) (is |are )?(required|needed)|need(s)? to (improve|be improved|strengthen|be strengthened)|require(s|d)? (further )?(improvement|strengthening|development)`},
			[2]string{"hampered", `hamper(s|ed)|hinder(s|ed)|imped(e|es|ed)|undermin(e|es|ed|ing)|compromis(e|es|ed)|more (needs|is needed|work is needed|work is required) to|more needs to be done|remains? a challenge|(is|are|was|were) (a )?concern`},
			[2]string{"difficulty", `difficult(y|ies)?|(makes?|made|making) it hard(er)?|hard(er)? (for \S+ )?to (know|understand|see|track|find|access|engage|recruit|retain)|restrict(s|ed|ing)?|barriers?|obstacles?|problems? (with|in)|(is|are) (working|seeking|exploring|looking|planning) (to|how|at)|working to (try|resolve|address|tackle)`},
			[2]string{"high-demand", `(caseloads?|workloads?|turnover|vacanc(y|ies)|demand|reliance on agency( \S+)?|sickness)( \S+){0,6} (is|are|remain|remains|has been|have been) (too |very |still |particularly |exceptionally )?high`},
			[2]string{"risk-not", `risks? (is|are|was|were|has|have) not|(left|remain(ed)?|are|were) at risk`},
		),
		strong: cues(
			[2]string{"effective", `effective(ly|ness)?|efficient(ly)?|impact(ful)? on|positive(ly)?|success(ful|fully)?|strength(s|en|ened|ening)?|strong(ly|er)?|robust(ly)?|rigorous(ly)?|good|better|best|excellent|exceptional(ly)?|outstanding|impressive(ly)?|high(-| )(quality|standard|functioning|level)|high standard|well`},
			[2]string{"timely", `timely|prompt(ly)?|swift(ly)?|quick(ly)?|decisive(ly)?|without delay|at the right time|in a timely (way|manner)|proportionate(ly)?`},
			[2]string{"appropriate", `appropriate(ly)?|suitable|right|clear(ly)?|thorough(ly)?|detailed|comprehensive(ly)?|meaningful|considered|careful(ly)?|sensitive(ly)?|thoughtful(ly)?|creative(ly)?|imaginative|child-centred|purposeful|diligent(ly)?|assiduous|exhaustive|concerted|great lengths|tenacious|persistent|holistic|innovative|invest(s|ed|ing|ment)?|accessible|(wide|broad|good) range|(receive|receives|received|offered|offers|provide|provides|provided|access to) a (wide |broad |good |full )?range of|consistent(ly)?|sufficient|reflect(ion|ive|ively)|professional curiosity|curious|(whenever|wherever) possible|meet(s|ing)? (their|children['’]s|the|young people['’]s|individual) needs`},
			[2]string{"improve", `improv(e|es|ed|ing|ement|ements)|progress(ed|ing)?|transformed|maintain(s|ed)?|sustain(s|ed)?|reduc(ed|ing)|increas(ed|ing) (numbers of|use of|focus)|more (timely|effective|realistic|consistent|robust|children|families|young people)|now (have|has|receive|benefit)|(has|have) been (revised|refreshed|re-launched|relaunched|implemented|introduced|established|strengthened|developed|embedded|enhanced|expanded|updated)|(this|which|that|it) help(s|ed)|help(s|ed)? (to )?(reduce|improve|prevent|keep|ensure|build|children|young people|families|parents)|(take-up|uptake|attendance|participation)( \S+){0,6} (is|are|has been|remains) (high|good|strong|increasing)`},
			[2]string{"benefit", `benefit(s|ed|ing|ted|ting)?|thrive|thriving|flourish|settled|stable|stability|safe(ly|r)?|secure|supported|support(s|ive)?|helped|encouraged|promot(e|es|ed|ing)|prioritis(e|es|ed)|listened|heard|valued|respected|engaged|enabl(e|es|ed|ing)|ensur(e|es|ed|ing)|know (them|children|their)|advocate|celebrate|committed|commitment|ambitious|aspirational|knowledgeable|skilled|experienced|compassion(ate)?|warm|passionate|proactive(ly)?|collaborative|equal partners|influential|manageable|confident(ly)?|in line with|understand(s)?|understood|attuned|recognis(e|es|ed)|addressed|focus(ed|es)? on|particular focus`},
		),
		conditional: regexp.MustCompile(`(?i)(?:^|[^\pL])(if|when|whenever|where|unless|should|in case|to ensure|to avoid|to prevent|to reduce|to address|to tackle|in order to)(?:$|[^\pL])`),
		// "Although X, Y": the concessive clause up to the first comma.
		leadConcessive: regexp.MustCompile(`(?i)^(although|though|while|whilst|despite|notwithstanding|even though|even if|in spite of)\b[^,]{3,}?,\s*`),
		// "X, although Y": the trailing concessive clause.
		trailConcessive: regexp.MustCompile(`(?i),?\s+(although|though|while|whilst|despite|even though)\b.*$`),
		// "X, but Y" / "X; however, Y" / "X, yet Y".
		but:     regexp.MustCompile(`(?i)(,? but |; however,? |, however,? |, yet |; but )`),
		however: regexp.MustCompile(`(?i)^(however|nevertheless|nonetheless|but|despite this|even so|that said),?\s+`),
	}
	r.trailNeed = text.NewPattern(r.trailConcessive)
	r.butNeed = text.NewPattern(r.but)
	return r
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
	m := r.notEval.words.Match(s)
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
		if m&(1<<i) == 0 || !gate(c) {
			continue
		}
		for _, m := range c.Re.FindAllStringIndex(s, -1) {
			if r.inConditional(s, m[0]) {
				continue
			}
			return polarity{extract.KindWeakness, c.Name}
		}
	}
	if dbl {
		return polarity{extract.KindStrength, "double-negative"}
	}
	m = r.strong.words.Match(s)
	for i, c := range r.strong.cues {
		if m&(1<<i) != 0 && gate(c) {
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
	return r.conditional.MatchString(s[start+1 : i+1])
}

// classify returns the kind of a sentence (empty when neutral) and the
// name of the rule that decided.
func (r *swRules) classify(s sentence) (extract.Kind, string) {
	t := strings.TrimSpace(s.text)
	lt := strings.ToLower(t)
	if m := r.neutral.words.Match(lt); m != 0 {
		for i, c := range r.neutral.cues {
			if m&(1<<i) != 0 {
				return "", "neutral." + c.Name
			}
		}
	}
	if s.list != "" {
		if s.list == extract.KindStrength {
			return extract.KindStrength, "strength.list-context"
		}
		return extract.KindWeakness, "weakness.list-context"
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
	return r.main(t)
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
// that are (part of) a recommendation already in recs.
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
	r := swTable()
	seen := map[string]int{}
	var out []extract.Finding
	for _, s := range sentences(ls, ws) {
		key := sentenceKey(s.text)
		if key == "" {
			continue
		}
		if i, dup := seen[key]; dup {
			if out[i].Domain == "" && s.domain != "" {
				out[i].Domain = s.domain // the body repeats the summary: keep the section's domain
			}
			continue
		}
		if isRecText(key, recKeys) {
			continue
		}
		k, rule := r.classify(s)
		if vocabulary().headline.MatchString(s.section) {
			k, rule = extract.KindHeadline, "headline.section"
		}
		if k == "" {
			continue
		}
		seen[key] = len(out)
		out = append(out, extract.Finding{Kind: k, Domain: s.domain, Text: s.text, Page: s.page, Rule: rule})
	}
	return out
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
var reFindingReported = regexp.MustCompile(`(?i)\b(?:inspectors?|ofsted|the (?:report|watchdog|inspectorate|regulator|letter|inspection))\b[^.;]{0,40}?\b(?:found|finds|said|says|noted|notes|highlighted|praised|praises|criticised|criticized|criticises|concluded|reported|observed|identified|warned|added)\b`)

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
