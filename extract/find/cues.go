package find

// The data of the strength and weakness rule (strength.go): tables of
// English phrases, each row a named, word-bounded pattern matched against
// lower-case text. They are grammar and the evaluative vocabulary of
// inspection prose, not Ofsted's framework (which is extract/framework's):
// what marks a clause as a shortfall ("not always", "too slow", "longer
// than they need"), as a strength ("effective", "timely"), as the
// negation of something bad ("no delay"), or as a sentence that evaluates
// nothing (a figure, who chairs a meeting, when a service began, what the
// inspectors did). A row's name appears in the finding's rule.

import (
	"regexp"

	"github.com/ofsted/ofsted/extract/framework"
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

// first returns the name of the first cue of the table that matches s
// (lower case), or "".
func (t cueTable) first(s string) string {
	if m := t.words.Match(s); m != 0 {
		for i, c := range t.cues {
			if m&(1<<i) != 0 {
				return c.Name
			}
		}
	}
	return ""
}

// conditionalWords open a conditional or purpose clause ("when there is
// delay", "to reduce delay"): a cue inside one does not decide.
const conditionalWords = `if|when|whenever|where|unless|should|in case|to ensure|to avoid|to prevent|to reduce|to address|to tackle|in order to`

// Months, as the patterns below write a date.
const months = `january|february|march|april|may|june|july|august|september|october|november|december`

// notMentioned names the neutral rules of sentences that are never
// findings of any kind, not even mentions of a theme: those about the
// inspection or the document itself, not about practice, and advice
// ("Leaders should ..."), which is what must improve, not a mention.
var notMentioned = map[string]bool{
	"letter": true, "committee-procedure": true, "signpost": true, "visit": true, "inspectors-looked": true,
	"ofsted-process": true, "visit-number": true, "reader": true, "scope": true, "conduct": true,
	"question": true, "introduction": true, "advice": true, "grade-statement": true,
}

func newSWRules() *swRules {
	r := &swRules{
		// Sentences about the inspection, the document or its reader, a
		// statistic or a dated event: never a finding, whatever words
		// they use.
		neutral: cues(
			[2]string{"letter", `^(\d+ )?(this|the) (letter|report) (summarises|sets out|outlines|describes|is|includes|contains|covers|relates|combines|reports)|(copying|copy of) this letter|this letter will be published`},
			// Sentences that announce what follows: "Progress against each
			// area is summarised below", "... are set out in the table".
			// Committee procedure: what a paper asks its committee to do.
			[2]string{"committee-procedure", `(the|this) (committee|board|panel|cabinet|sub-committee) (is asked to|is recommended to|notes?|agrees?|is kept informed|considers?|endorses?|approves?)`},
			[2]string{"signpost", `(summari[sz]ed|set out|described|listed|detailed|shown|outlined) (below|above|in (the )?(table|appendix|section))|as follows|(statutory guidance|national framework|this guidance) (sets out|describes)`},
			[2]string{"visit", `^(this|the) (focused |monitoring |joint |targeted |area )*(visit|inspection) (was|took place|looked|focused|considered|evaluated|covered|included|is the|reviewed|examined)`},
			// What the inspectors did (not what they found: "inspectors
			// saw", "found", "noted" report findings).
			[2]string{"inspectors-looked", `^(during (this|the) (visit|inspection), )?(inspectors|we|the inspectors|the (deputy )?lead inspector|(the )?(deputy )?lead inspector and [^,]{1,80}?) (looked|considered|reviewed|evaluated|met|spoke|visited|scrutinised|examined|sampled|tracked|also|carried out|were|held|spent|read|talked|attended|interviewed|analysed|gathered|tested|agreed|discussed|observed (practice|meetings)|took account)|^(we|inspectors) (have |will |also )?(notified|informed|determined|expect|request|will)`},
			// How the visit was carried out: "part of this visit was
			// carried out remotely".
			[2]string{"conduct", `(visit|inspection) (was|were|would be|will be) (carried out|conducted|undertaken|completed)|(visit|inspection) (took place|was held) (remotely|virtually|on site|online)`},
			[2]string{"ofsted-process", `ofsted (undertook|carried out|made the following|will|has|inspected|conducted)|under the inspection|four[- ]point scale|scope of the inspection|regulatory inspection|annual engagement meeting|chief inspector[^.]{0,80} (is leading|leads|requires)|hmci requires|ofsted\)? (regulates|inspects)|^it (inspects|regulates|assesses)`},
			// The letter's limits: "The findings in this letter relate only
			// to the cases seen".
			[2]string{"scope", `(findings|evaluations?|judgements?) in this (letter|report) (relate|relates|refer|refers|are based)|relates? only to (the )?(cases|children|records|work) (seen|sampled|reviewed)`},
			// Addressed to the reader (the back matter, a letter's
			// requests), or a web or e-mail address.
			[2]string{"reader", `^(you|if you|to view|to receive|to find out|please|interested in)|you (may|can|should|will)|https?:|www\.[\pL\pN.-]+|ofsted\.gov`},
			[2]string{"statistic", `^(the )?(number|numbers|proportion|percentage|rate) of [^,]{0,80} (has|have|is|are|was|were) (remained|increased|decreased|risen|fallen|reduced|been)`},
			[2]string{"dated-event", `^(in|on|during|since|by) (the )?((early|late|mid-?)? ?((` + months + `) )?(\d{4})|\d{1,2} \w+ \d{4}|(` + months + `)), [^,]{0,60}\b(commissioned|appointed|joined|launched|published|undertook|held|agreed|approved|began|started|moved|restructured|became|was|were)\b`},
			[2]string{"visit-number", `this (was|is) the (first|second|third|fourth|fifth|sixth|seventh|eighth|\w+) (monitoring visit|focused visit|inspection|visit|joint inspection)`},
		),
		// Sentences that evaluate nothing, recognised by their grammar:
		// neutral when no cue evaluates them, otherwise a body sentence
		// describing practice would be taken for a strength.
		plain: cues(
			// A measure named as such, with no verdict: "The proportion of
			// care leavers in education is similar to ...".
			[2]string{"measure", `^(the )?(number|numbers|proportion|percentage|rate|rates|average|level|levels) of|(rate|rates|number|numbers|proportion|level|levels) (\S+ ){0,6}(is|are|was|were|remains?) (one of the )?(highest|lowest|higher|lower|above|below|similar|in line)`},
			// That something exists: "There is a dedicated team ...",
			// "Often, there are complex international elements",
			// "Independent visitors are available", "The local authority
			// has 14 teams / uses a single assessment framework".
			[2]string{"provision", `^([^,]{1,40}, )?there (is|are|was|were|has been|have been|remains|exists?)|(is|are|was|were|remains?) (now |also |readily |currently )?(available|in place|in post|in existence|operational|(kept|made) available)|^(the |this |each |its )?((local|safeguarding|local area|children['’]s) )?(local authority|council|trust|partnership|service|board|team|hub|panel|directorate|department|unit) (also |now |currently )?(has|have|operates|runs|uses|employs|hosts|commissions|funds|consists of|comprises|is made up of|is divided into|covers|serves) (a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|its own|several|separate|dedicated)`},
			// Who chairs, runs or houses what, where it sits, where work
			// goes next ("Referrals go to the duty team").
			[2]string{"arrangement", `(is|are|was|were) (\pL+ly )?(chaired|co-chaired|led|run|staffed|hosted|located|based|co-located|housed|situated|line[- ]managed|managed|funded|accountable|made up|comprised|composed|divided) (by|with|in|at|within|from|to|on|of|into|separately|jointly)|(sits?|is|are) (within|part of)|(chairs|co-chairs) (the|a|all|each)|in one (place|building|location|team)|under one roof|on behalf of (the|a) (council|local authority|partnership|trust)|(delivered|provided|run) by (a|an|the) (\S+ ){0,3}(trust|company|organisation|charity|provider)|(go|goes|went|pass|passes|are passed|is passed|are sent|is sent|are routed|is routed|are transferred|is transferred) (directly |straight |automatically )?(to|into|through) (the|a|an)`},
			// How often a meeting is held: "meet every Monday", "take place
			// every six months".
			[2]string{"schedule", `(meets?|take place|takes place|took place|is held|are held|were held|was held|happens?|occurs?|convenes?|sits?) (\S+ ){0,3}((every|each) (other )?((\d+|two|three|four|five|six|eight|ten|twelve|few) )?(days?|weeks?|months?|years?|mornings?|evenings?|afternoons?|fortnights?|quarters?|terms?|monday|tuesday|wednesday|thursday|friday|weekday|working day)|weekly|fortnightly|monthly|quarterly|annually|yearly|daily|bi-monthly|biannually|six-monthly|(\pL+ times|once|twice) (a|per|each) (year|month|week|quarter))|(chair|chairs|co-chair|co-chairs|hold|holds|run|runs) (a|an) (daily|weekly|fortnightly|monthly|quarterly) (meeting|panel|forum|huddle|briefing)`},
			// An event in an organisation's history: "has recently joined",
			// "has been in post since", "was restructured in April 2016".
			[2]string{"event", `(went|go|goes) live|came into (effect|force|operation)|(has|have) (recently |now |also )?(joined|taken up (post|office)|been in post|been appointed|been established|been set up|been created|been restructured|been reorganised|been renamed|merged|become)|(was|were) (last |previously |first )?(established|created|set up|restructured|reorganised|appointed|launched|formed|founded|opened|closed|renamed|merged|elected|inspected) (in|on|during|last|since|from)|(in post|started|began|commenced|joined) (in|on|since|from) (` + months + `|\d{4})|(` + months + `) (19|20)\d\d`},
		),
		// A count, a share or a rate ("14 social work teams", "12% of
		// children", "an average of 24 children"); times ("within 10
		// days") are how quickly practice happens, not a figure. (A
		// regexp of its own: a word table cannot index a leading digit.)
		figure: regexp.MustCompile(`(?:^|[^\pL\pN])(?:\d[\d.]* ?(%|per ?cent)|per (1,000|10,000|100,000)|(average|total) of (\d+|around|about|approximately)|\d[\d,]* (\S+ ){0,2}(children|young people|care leavers|families|cases|referrals|contacts|plans|placements|homes|carers|staff|social workers|workers|practitioners|teams|posts|vacancies|schools|pupils|adopters|adoptions|complaints|episodes|incidents|notifications|agencies|authorities|areas|localities|hubs|panels|members))(?:$|[^\pL\pN])`),
		// A judgement stated as such ("Children's services in X require
		// improvement to be good.", "The graded judgement for adoption
		// performance is that it is inadequate"): the grade is the
		// judgement finding's, not a strength or weakness. (A regexp of
		// its own, tried only on sentences that end with a grade: its
		// subject and tail are long, and a word table would try it on
		// every sentence.)
		gradeStatement: regexp.MustCompile(`(?i)^the (graded )?judgement (for|about|on) [^.]{1,80} is that|^((at|in|during|following|after) [^,]{0,60}, )?[^,]{0,60}(services|the local authority|the council|the authority|effectiveness|the board|the lscb|the partnership|performance|the service|arrangements)( for [^,]{1,60})?( in [^,]{1,40})? (is|are|was|were|remains?|has been|have been|continues? to be) (now |still )?(judged |graded |rated |found )?(to be |as )?(good|outstanding|inadequate|adequate|requires? improvement( to be good)?)( overall)?( \d+)?\.?$|^[^,]{0,80}requires? improvement to be good( \d+)?\.?$`),
		// Shortfalls named with the words notEval blanks: "remains an
		// area for improvement" (read before the blanking).
		shortfall: cues(
			[2]string{"area-for-improvement", `(is|are|remains?|was|were|as|been) (an? |one of the |the )?(key |main |further |significant |particular )?areas? (for|of|requiring) (improvement|development)`},
		),
		// Phrases that contain a cue word but give no verdict.
		notEval: cues(
			[2]string{"how-well", `how (well|effectively|timely)`},
			[2]string{"improvement-noun", `areas? (for|of|requiring) (improvement|development)|improvement (plan|plans|board|journey|activity|areas?|priorities|work)|requires? improvement to be good|what needs to improve`},
			[2]string{"judged", `(judged|graded|rated) (to be |as )?(good|outstanding|inadequate|requires? improvement|requiring improvement|to require improvement)( to be good)?`},
			// The names of the judgement areas: "the experiences and progress
			// of children in care" is a label, not progress.
			[2]string{"domain-label", `experiences and progress of`},
			[2]string{"not-only", `not only|not just|not least|whether or not|or not`},
			// What a self-evaluation knows: "the strengths and weaknesses
			// of the service".
			[2]string{"strengths-and-weaknesses", `strengths and (weaknesses|areas (for|of) (improvement|development))|strengths and where`},
			// A relative clause that describes the people practice is for,
			// not the practice: "children who cannot return home", "who are
			// not in education" (but "carers who have not been assessed"
			// is practice not done).
			[2]string{"areas-that-require", `areas? (that|which) (require|requires|need|needs) (improvement|development|attention|strengthening)`},
			[2]string{"who-cannot", `(children|child|young people|young person|families|family|parents|parent|carers|those|care leavers|adults|people|mothers|fathers|babies|siblings|brothers and sisters) (who|whose \S+) ((cannot|can not|do not|does not|did not|could not|will not|would not|no longer)|(are|is|were|was) (not (in|at|able|yet|living|attending|engaged|known|eligible|ready|old enough|safe|allowed)|at risk|missing|homeless))`},
			[2]string{"what-is-required", `what (action|actions|work|changes?|support|help) (is|are|was|were) (required|needed|expected)`},
			[2]string{"no-longer-neg", `no longer (at risk|need|require)`},
		),
		// Negations of something bad: a strength.
		doubleNeg: cues(
			[2]string{"not-unnecessarily", `(not|no|never)( \S+){0,6} (unnecessar(y|ily)|inappropriate(ly)?|unnecessary delay)|(not|never) (\S+ ){0,2}(experience|experiencing|experienced|suffer|suffering|face|facing|subject to|left to|allowed to) (\S+ ){0,2}(drift|delay)|(do|does|did|is|are) not drift`},
			[2]string{"no-harm", `no (further |significant |outstanding )?(harm|drift|delay|delays|children were left|waiting list|backlog|unallocated|concerns?|complaints|gaps)|no (wrong|bad|poor|negative|unsafe|unmet|unresolved)|no (\S+ ){0,2}(disruptions?|exclusions?|breakdowns?|incidents?|escalations?|re-referrals?)`},
			[2]string{"no-one-waiting", `no (\S+ )?(children|young people|care leavers|families) (are |were |is |was |have been )?(currently )?(waiting|left|missing|unallocated|placed|living|drifting|delayed|accommodated)|no longer (a |any )?(backlogs?|waiting lists?|delays?|drift|unallocated)|(not|n['’]t) (have to )?wait`},
			// Little of something bad: "the pandemic has had little impact on
			// the service", "very few live in unsuitable accommodation".
			[2]string{"little-harm", `(pandemic|covid(-19)?|lockdowns?|disruption|restrictions|turnover|changes)( \S+){0,4} (has|have|had) (had )?(little|no|minimal|limited) (impact|effect)|(very )?few (\S+ ){0,4}(unsuitable|inappropriate|unregistered|unregulated|unsafe|bed and breakfast|custody)`},
			[2]string{"without-delay", `without (\S+ ){0,3}(delay|delays|drift|disruption)|without unnecessary|no (\S+ ){0,4}(been |are |is |were |was )?without`},
			[2]string{"no-cases", `(saw|found|were) no (cases|children|evidence of (drift|delay))`},
			[2]string{"resolved", `(resolved|reduced|cleared|addressed|tackled|removed|eliminated|reducing|fewer|minimised|minimized|avoid(s|ed)?|prevent(s|ed)?)( \S+){0,3} (backlogs?|delays?|drift|caseloads?|workloads?|risks?|harm|gaps?|changes of social workers?|moves)|(not|no|never|fewer|few)( \S+){0,3} (multiple|frequent|numerous|several|repeated) (moves|changes)`},
			[2]string{"no-longer", `(are|is) no longer (delayed|drifting)`},
			// Something bad named first, then gone: "delays in court
			// proceedings have reduced", "drift and delay have been
			// eliminated"; inspectors finding none: "did not identify any
			// children who were unsafe"; "are not left in situations of
			// harm".
			[2]string{"bad-reduced", `(delays?|drift|backlogs?|waiting (times|lists)|caseloads?|workloads?|turnover|vacanc(y|ies)|reliance on agency)( \S+){0,6} (has|have|had) (been )?(significantly |considerably |substantially |greatly |steadily )?(reduced|fallen|decreased|declined|dropped|eliminated|removed|cleared|resolved)`},
			[2]string{"none-found", `(did not|didn['’]t|could not|couldn['’]t) (identify|find|see) (any )?(children|cases|evidence)( (who|that|which) (were|was|are|is|had been) (\S+ ){0,2}(unsafe|at risk|in danger|harmed|drifting|delayed))?`},
			[2]string{"not-left", `not (\S+ ){0,2}left (\S+ ){0,4}(harm|risk|danger|drift|neglect)( for too long| too long)?`},
			// Fewer of something bad: "the number of inappropriate referrals
			// has fallen".
			[2]string{"fewer-bad", `(inappropriate|unnecessary|repeat|repeated|unplanned|late|delayed)( \S+){0,3} (has|have|had) (fallen|reduced|decreased|declined|dropped)|fewer (inappropriate|unnecessary|repeat|unplanned|late|delayed)`},
		),
		weak: cues(
			[2]string{"not-always", `not (always|consistently|routinely|yet|sufficiently|fully|well|all|enough|effectively|robust(ly)?|timely|clear(ly)?|regularly|adequately|properly|appropriately|systematically|thorough(ly)?|given|being|been|made|met|in place|embedded|reviewed|recorded|considered|undertaken|completed|followed|taken|clear|evident|used|held|seen|recognised|identified|assessed|offered|understood|as)`},
			// "too" before an adjective or adverb is a shortfall ("too
			// slow", "too frequently", "too reliant").
			[2]string{"too", `too (slow|long|many|few|much|little|high|low|early|late|variable|reliant|narrow|optimistic|often|great|soon|broad|general|generic|vague|complex|lengthy|large|small|big|heavy|thin|brief|short|superficial|limited|focused|reactive|cautious|tolerant|accepting|willing|dependent|far|distant|rigid|descriptive|wide|tight|stretched|quick|\pL+ly)`},
			[2]string{"inconsistent", `inconsisten(t|tly|cy|cies)`},
			[2]string{"variable", `variab(le|ility)|var(y|ies|ied) (in|too|widely|considerably)|mixed (quality|picture)|(is|are|remains?|was|were) mixed|(quality|depth|standard|consistency|timeliness|effectiveness|detail|use|application|experiences?|responses?)( \S+){0,6} var(y|ies|ied)`},
			[2]string{"delay", `delay(s|ed|ing)?|drift|backlogs?|waiting (times?|lists?)`},
			[2]string{"lack", `lack(s|ed|ing)?`},
			[2]string{"weak", `weak(ness|nesses|er|ly)?|poor(ly|er)?|inadequate(ly)?|insufficient(ly)?|ineffective(ly)?|deficits?|deficienc(y|ies)|shortfalls?|shortcomings?|shortages?|scarcity|gaps? in|limited|limit(s|ing)? (the|their|its|his|her|children|young|opportunit(y|ies)|access)|unclear|underdeveloped|under-developed|fragile|patchy|superficial(ly)?|cursory|cursorily|overly optimistic|over-optimistic|overly|over-?(relian(ce|t)|optimis(m|tic)|stretched|burdened|cautious|dependen(ce|t))|deteriorat(ed|ing|ion)|declin(ed|ing)|fail(s|ed|ing|ure|ures)?|concerns? (about|remain)|concerning|unnecessar(y|ily)|inappropriate(ly)?|unsafe|unmet|unallocated|worsened|slow(ly|er)?|stretched|struggl(e|es|ed|ing)|longstanding|belated(ly)?|premature(ly)?|infrequent(ly)?|irregular(ly)?|sporadic(ally)?|intermittent(ly)?|absent (from|in)|absence of|(completed|held|made|done|undertaken|issued|convened|started|sent|received|recorded|submitted|allocated|arranged|happen|happens|happened|took place|take place|takes place) (often |sometimes |frequently |routinely |very |too )?late|missed (opportunit(y|ies)|chances?)|slowed|excessive(ly)?|fragility|disadvantaged (by|in|because)|exceed(s|ed|ing)? (\S+ ){0,2}(guidelines|timescales|statutory)`},
			// Adjectives of a shortfall made with un-: "unrealistic",
			// "unassessed risk".
			[2]string{"un-", `un(realistic|approved|assessed|addressed|recognised|recognized|identified|resolved|challenged|suitable|stable|timely|supported|manageable|aware|focused|checked|planned|sure|helpful|successful|reliable|structured|coordinated|co-ordinated|explored|reviewed|recorded|monitored|known|specific|informed|sustainable|sustained)`},
			// What a plan or record is, compared with what it should be:
			// "lists of services rather than a statement of change"; and
			// work shaped by process rather than the child.
			[2]string{"rather-than", `(lists?|descriptions?|descriptive|narratives?|summar(y|ies)|chronolog(y|ies)|copies|checklists?|generic|reactive) [^.;]{0,80}rather than|(task|process|compliance|adult)[- ](focused|driven)|rather than (on )?(what (needs|must|should|will) (to )?(change|happen)|the (impact|difference|outcomes?) (for|on|of)|how (this|it|they) (affects?|helps?|changes?))`},
			// A comparative of shortfall: "for longer than they need",
			// "higher than leaders would want", "less timely".
			[2]string{"shortfall-comparative", `(longer|later|slower|higher|lower|more|less|fewer|worse|larger|bigger|greater) than (\S+ ){0,2}(needs?|needed|necessary|required|expected|acceptable|planned|intended|wants?|wanted|would (want|like|expect)|should|appropriate|desirable|optimal|recommended|ideal|the target|targets?|timescales?)|less (\pL+(ed|ful|ive|ent|ant|ous|ble|al|ic|ure)|timely|well|clear|secure|stable|strong|mature|likely to)|not as (good|strong|effective|well|timely|consistent|robust|thorough)`},
			// What should have happened did not: "should have come into care
			// earlier", "would be better if", "could have been".
			[2]string{"counterfactual", `should have \pL+|could have been|would (be|have been) (better|more|improved|stronger|clearer|strengthened|enhanced)|would benefit from`},
			// Changes of worker or home: "have had five social workers in a
			// year", "several changes of social worker".
			[2]string{"instability", `(had|have had|has had|experienced|experience|experiencing|been through) (several|many|multiple|numerous|frequent|repeated|a number of|two|three|four|five|six|seven|eight|nine|ten) (different )?(social workers|placements|placement moves|moves|changes)|(frequent|repeated|several|many|multiple|numerous) changes? (of|in) (social workers?|placements?|workers?|personal advisers?|pas|iros?)|changes? of social workers?|(subject to|experienced?) (\S+ )?repeat(ed)? (referrals|assessments|plans|episodes)`},
			// Staying too long: "remain in pre-proceedings for over a year".
			[2]string{"staying", `(remain|remains|remained|stay|stays|stayed|spend|spends|spent) (\S+ ){0,5}for (over|more than|up to|longer than) (a|one|two|three|four|five|six|several|many) (years?|months?)`},
			// Waiting and coming back: "wait several weeks", "are referred
			// again within six months"; records that are not there.
			[2]string{"waiting", `(wait|waits|waited|waiting) (for )?(several|many|a number of|up to|over|more than|two|three|four|five|six|\d+) (days|weeks|months|years)|(referred|re-referred) (again|back)|re-referred|(is|are|was|were) missing (for|from) (some|a few|many|most|several|a number of|the records)`},
			// Living far from school and friends: "placed an hour or more
			// from their schools".
			[2]string{"distance", `(an hour|hours|miles|a long way)( or more)? (away )?from (their|home|school|schools|family|friends|the area)`},
			[2]string{"negated-verb", `(do|does|did|has|have|had|is|are|was|were|could|can|would|will) not|(doesn|don|didn|hasn|haven|isn|aren|wasn|weren)['’]t|cannot|unable to|yet to|few (children|young people|families)|not all|no (evidence|impact|clear|consistent|effective|plan|plans|written)|little (evidence|impact|progress|difference|improvement|understanding|consideration|attention|opportunit(y|ies)|time|chance|choice|say)|rarely|seldom|(has|had|have) never|(is|are|was|were) never (seen|visited|offered|asked|given|told|consulted|completed|reviewed|updated|recorded)|only (a few|some|partially|recently|a (small )?(number|minority|handful)|one|two|three|four|five|six|\d+|half|a third|a quarter)`},
			// Having none of something: "had no up-to-date assessment",
			// "there is no active plan"; out-of-date records.
			[2]string{"absence", `(has|had|have|having|with|there (is|are|was|were)|there has been|there have been) no|no (\S+ ){1,3}(was|were|has been|have been|had been|is|are) (\pL+ed|held|done|made|seen|taken|given|undertaken|written|drawn up|put in place|in place|available)|out[- ]of[- ]date|outdated|not (up[- ]to[- ]date|current)|without (an? )?(allocated|up[- ]to[- ]date|current|named)|without (an? |any )?(social worker|plan|assessment|allocated worker|review|visit|oversight|supervision)|without (\S+ ){0,2}(attendance|input|participation|analysis|scrutiny)`},
			// Acting without what practice needs first: "close cases
			// without checking whether risks have reduced", "made without
			// consulting partners" (not "without having to repeat").
			[2]string{"without-doing", `without (first |properly |fully |always )?(checking|consulting|considering|seeing|speaking to|talking to|involving|assessing|recording|understanding|analysing|exploring|reviewing|informing|gathering|taking into account|taking account of|establishing|ensuring|visiting|meeting|contacting|sharing|identifying|addressing|following up|evaluating|challenging|hearing)`},
			[2]string{"too-early", `too early to|has not yet|have not yet|not yet (had|seen|made|led|embedded|resulted|evident)|is yet to|are yet to|(is|are|was|were|remains?|still) (at|in) (an |the |its |their )?(very )?early stages?|in (its|their) (very )?early stages?|in its infancy|not had (an|any|sufficient) impact`},
			[2]string{"required", `the need (to|for) (further |more )?(develop|improve|strengthen|increase|ensure|address|review|embed|consolidate|better|more|greater|improvement|development)|(improvements?|work|action|actions|training|oversight|progress|development) (is|are) (still |urgently |further )?(required|needed|necessary)|further (work|improvement|progress|development) (is |are )?(required|needed)|need(s)? to (improve|be improved|strengthen|be strengthened)|require(s|d)? (further )?(improvement|strengthening|development|embedding|work|attention|consolidation)|(more|further|much|still) (work )?to (do|be done)|work (still )?remains|remains? (more )?work to`},
			[2]string{"hampered", `hamper(s|ed)|hinder(s|ed)|imped(e|es|ed)|undermin(e|es|ed|ing)|compromis(e|es|ed)|more (needs|is needed|work is needed|work is required) to|more needs to be done|remains? a challenge|(continues? to be|remains?|there (is|are|continues to be|continue to be)) (some |significant |ongoing |considerable )?challenges|experienc(e|es|ed|ing) changes (of|in) (worker|social worker|placement)|(is|are|was|were) (a )?concern|(areas?|sources?) of (challenge|concern|weakness)|(adversely|negatively|detrimentally|significantly) (affect|affects|affected|affecting|impact|impacts|impacted)|(been|adversely|negatively|significantly|seriously|badly) affected|affected the (quality|pace|ability|progress|timeliness|capacity|consistency)|impacted (on|upon) (the )?(pace|progress|quality|timeliness|ability|capacity|consistency)`},
			[2]string{"difficulty", `difficult(y|ies) (in|with|for|to)|difficult(,|\.|;|$| (to|for|and|in|at|because|as|when|with))|(makes?|made|making) it hard(er)?|hard(er)? (for \S+ )?to (know|understand|see|track|find|access|engage|recruit|retain)|restrict(s|ed|ing)?|barriers?|obstacles?|problems? (with|in)|(is|are) (working|seeking|exploring|looking|planning)( with [^,.]{1,60})? (to|how|at)|working to (try|resolve|address|tackle)|(plan|plans|planning|intend|intends|aim|aims) to (address|tackle|resolve|remedy|rectify) (this|these|it|them)`},
			[2]string{"leaving", `at an? (high|rapid|fast|significant|concerning|alarming) rate`},
			[2]string{"high-demand", `(caseloads?|workloads?|turnover|vacanc(y|ies)|demand|reliance on agency( \S+)?|sickness)( \S+){0,6} (is|are|remain|remains|has been|have been) (too |very |still |particularly |exceptionally )?high|(caseloads?|workloads?|turnover|vacanc(y|ies)|demand|sickness)( \S+){0,4} (have|has) (increased|risen|grown)`},
			[2]string{"risk-not", `risks? (is|are|was|were|has|have) not|(left|remain(ed)?|are|were) at risk`},
		),
		strong: cues(
			[2]string{"effective", `effective(ly|ness)?|efficient(ly)?|impact(ful)? on|positive(ly)?|success(ful|fully)?|strength(s|en|ened|ening)?|strong(ly|er)?|robust(ly)?|rigorous(ly)?|good|better|best|excellent|exceptional(ly)?|outstanding|impressive(ly)?|high(-| )(quality|standard|functioning|level)|high standard|well`},
			[2]string{"timely", `timely|prompt(ly)?|swift(ly)?|quick(ly)?|decisive(ly)?|without delay|at the right time|in a timely (way|manner)|proportionate(ly)?`},
			[2]string{"appropriate", `appropriate(ly)?|suitable|right|clear(ly)?|thorough(ly)?|detailed|comprehensive(ly)?|meaningful|considered|careful(ly)?|sensitive(ly)?|thoughtful(ly)?|creative(ly)?|imaginative|child-centred|purposeful|diligent(ly)?|assiduous|exhaustive|concerted|great lengths|tenacious|persistent|holistic|innovative|invest(s|ed|ing|ment)?|accessible|(wide|broad|good) range|(receive|receives|received|offered|offers|provide|provides|provided|access to) a (wide |broad |good |full )?range of|consistent(ly)?|sufficient|reflect(ion|ive|ively)|professional curiosity|curious|(whenever|wherever) possible|meet(s|ing)? (their|children['’]s|the|young people['’]s|individual) needs|balanced|collaboratively`},
			[2]string{"improve", `improv(e|es|ed|ing|ement|ements)|progress(ed|ing)?|transformed|maintain(s|ed)?|sustain(s|ed)?|reduc(ed|ing)|increas(ed|ing) (numbers of|use of|focus)|more (timely|effective|realistic|consistent|robust|children|families|young people)|now (have|has|receive|benefit)|(has|have) been (revised|refreshed|re-launched|relaunched|implemented|introduced|established|strengthened|developed|embedded|enhanced|expanded|updated)|(this|which|that|it) help(s|ed)|help(s|ed)? (to )?(reduce|improve|prevent|keep|ensure|build|children|young people|families|parents)|(take-up|uptake|attendance|participation)( \S+){0,6} (is|are|has been|remains) (high|good|strong|increasing)`},
			[2]string{"benefit", `benefit(s|ed|ing|ted|ting)?|thrive|thriving|flourish|settled|stable|stability|safe(ly|r)?|secure|supported|support(s|ive)?|helped|encouraged|promot(e|es|ed|ing)|prioritis(e|es|ed)|listened|heard|valued|respected|engaged|enabl(e|es|ed|ing)|ensur(e|es|ed|ing)|know (them|children|their)|advocate|celebrate|committed|commitment|ambitious|aspirational|knowledgeable|skilled|experienced|compassion(ate)?|warm|passionate|proactive(ly)?|collaborative|equal partners|influential|manageable|confident(ly)?|in line with|understand(s)?|understood|attuned|recognis(e|es|ed)|addressed|focus(ed|es)? on|particular focus`},
		),
		// "when"/"where" after these nouns opens a relative clause ("there
		// are occasions when ..."), not a condition.
		relativeWhen:     regexp.MustCompile(`(?i)\b(occasions|times|instances|cases|situations|examples|points?|periods|areas|places|stage)\s+$`),
		conditional:      regexp.MustCompile(`(?i)(?:^|[^\pL])(` + conditionalWords + `)(?:$|[^\pL])`),
		conditionalWords: text.NewWordTable("", []string{conditionalWords}),
		// "Although X, Y": the concessive clause up to the first comma.
		leadConcessive: regexp.MustCompile(`(?i)^(although|though|while|whilst|despite|notwithstanding|even though|even if|in spite of)\b[^,]{3,}?,\s*`),
		// "In a few cases when X, Y" / "For some children, Y": a phrase that
		// frames the main clause, up to the first comma.
		leadFrame: regexp.MustCompile(`(?i)^(in|for|on|at|during|within|across|among|following|after|before|with)\s[^,]{3,}?,\s*`),
		// "X, although Y": the trailing concessive clause.
		trailConcessive: regexp.MustCompile(`(?i),?\s+(although|though|while|whilst|despite|even though)\b.*$`),
		// "X, but Y" / "X; however, Y" / "X, yet Y".
		but:     regexp.MustCompile(`(?i)(,? but |; however,? |, however,? |, yet |; but )`),
		however: regexp.MustCompile(`(?i)^(however|nevertheless|nonetheless|but|despite this|even so|that said),?\s+`),
		// A sentence that only elaborates the one before ("This includes
		// ...", "For example, ...") or states its consequence ("This
		// means that ..."): undecided, it says what that one said.
		elaboration: regexp.MustCompile(`(?i)^(((in|for|at|within) [^,]{1,40}, )?(this|these|it|they|which) (also )?(include|includes|included|has included|have included|involves?|involved|covers?|covered)\b|(this|that) (means|meant)\b|(examples|instances) (of this )?(include|included)\b|for (example|instance),?\s|in particular,\s|this is (particularly|especially) (the case|evident|apparent|so|true|noticeable|clear))`),
		// A recommendation's form: the main clause's verb is "should" or
		// "must" after a short subject ("Leaders should strengthen ...",
		// "The partnership must ..."); group 1 is the subject (no clause
		// may open in it: "children who should be ...", "as they should
		// be"), group 2 the word after the verb ("should have" is a
		// shortfall).
		advice:     regexp.MustCompile(`(?i)^((?:[\pL’'-]+ ){1,6}?)(?:should|must)\s+(\pL+)`),
		clauseWord: regexp.MustCompile(`(?i)(^|\s)(who|that|which|whether|as|if|when|where|than|there|not|so|what|how)\s`),
	}
	r.backMatter = regexp.MustCompile(`(?i)` + framework.BackMatter())
	r.trailNeed = text.NewPattern(r.trailConcessive)
	r.butNeed = text.NewPattern(r.but)
	return r
}
