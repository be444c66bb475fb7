package find

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ofsted/ofsted/extract/framework"
	"github.com/ofsted/ofsted/extract/text"
)

func TestThemes(t *testing.T) {
	m := newThemeMatcher(framework.Themes())
	tests := []struct {
		name, text string
		want       []string
	}{
		{"StrategyDiscussions", "Strategy discussions are held promptly.", []string{"strategy_discussions"}},
		{"Section47Abbreviated", "Some s47 enquiries are delayed.", []string{"strategy_discussions"}},
		{"MASHAbbreviation", "The MASH responds quickly to contacts.", []string{"front_door"}},
		{"CAMHSSinglePointIsNotFrontDoor", "Waiting lists at the CAMHS single point of access are long.", nil},
		{"Thresholds", "Thresholds are well understood.", []string{"thresholds"}},
		{"SupervisionOrderIsNotSupervision", "Children on supervision orders are reviewed.", nil},
		{"SupervisingSocialWorkersIsNotSupervision", "Supervising social workers visit foster carers.", nil},
		{"Supervision", "Supervision is regular and reflective.", []string{"supervision"}},
		{"ManagementOversight", "Management oversight is weak.", []string{"supervision"}},
		{"Workloads", "High workloads limit direct work.", []string{"caseloads"}},
		{"StayingPut", "Staying put arrangements are used well.", []string{"care_leavers"}},
		{"DesignatedOfficer", "The designated officer responds to allegations.", []string{"lado"}},
		{"PLO", "Letters before proceedings are clear.", []string{"plo"}},
		{"CountyLines", "Children at risk from county lines are identified.", []string{"exploitation_missing"}},
		{"ReturnHomeInterviews", "Return home interviews are offered.", []string{"return_home_interviews"}},
		{"PlacementStabilityIsNotSufficiency", "Placement stability is good.", nil},
		{"SendVerbIsNotSEND", "Schools send referrals promptly.", nil},
		{"PrivateFostering", "Children living in private fostering arrangements are seen.", []string{"private_fostering"}},
		{"Homeless", "The response to 16- and 17-year-olds who are homeless is poor.", []string{"homeless_16_17"}},
		{"Kinship", "Kinship carers are assessed promptly.", []string{"kinship"}},
		{"EarlyHelp", "Early help is effective.", []string{"early_help"}},
		{"CorporateParenting", "The corporate parenting board is active.", []string{"corporate_parenting"}},
		{"QualityAssurance", "Audits are thorough.", []string{"quality_assurance"}},
		{"MissingEducation", "Children missing education are tracked.", []string{"missing_education"}},
		{"Sufficiency", "Sufficiency of foster homes is a challenge.", []string{"sufficiency"}},
		{"DisabledChildren", "Disabled children receive timely assessments.", []string{"assessments", "disabled_children"}},
		{"NoTheme", "Leaders are ambitious.", nil},
		{"IncomingContacts", "The CADS deliver timely responses to incoming contacts.", []string{"front_door"}},
		{"MentalHealthSPAIsNotFrontDoor", "The mental health single point of access has a waiting list.", nil},
		{"ChildrensSPA", "Children referred to the C-SPA receive a timely response.", []string{"front_door"}},
		{"StrategicLeadersIsNotStrategy", "Strategic leaders have a clear plan.", nil},
		{"RHIAbbreviation", "RHIs are of good quality.", []string{"return_home_interviews"}},
		{"ReturnHomeConversations", "Return home conversations are offered.", []string{"return_home_interviews"}},
		{"AllegationsMadeAgainst", "Allegations made against adults who work with children are managed well.", []string{"lado"}},
		{"SixteenSeventeenHomeless", "Sixteen- and 17-year-olds who present as homeless are seen.", []string{"homeless_16_17"}},
		{"FamilyHomelessnessIsNotYoungPeople", "Families are helped to avoid poverty or homelessness.", nil},
		{"ChildProtectionEnquiries", "Child protection enquiries are thorough.", []string{"strategy_discussions"}},
		{"ExtraFamilialHarm", "Extra-familial harm is well understood.", []string{"exploitation_missing"}},
		// themes in other words
		{"Vacancies", "Vacancies in the children in care teams are high.", []string{"caseloads"}},
		{"StaffLeaving", "Staff leave those teams at a high rate.", []string{"caseloads"}},
		{"ChangesOfSocialWorker", "Some children have had several changes of social worker.", []string{"caseloads"}},
		{"NumberOfSocialWorkers", "Some children have had five social workers in a year.", []string{"caseloads"}},
		{"EmployedThroughAgencies", "A third of the social workers are employed through agencies.", []string{"caseloads"}},
		{"ChildrenPerWorker", "Each social worker is responsible for an average of 24 children.", []string{"caseloads"}},
		{"RecruitAndRetain", "Leaders have struggled to recruit and retain social workers.", []string{"caseloads"}},
		{"AdoptionRecruitmentIsNotWorkforce", "Adoption recruitment, training and support is highly effective.", nil},
		{"HomeVacanciesAreNotWorkforce", "There are vacancies in children’s homes outside the county.", nil},
		{"PersonalAdvisersAbbreviated", "PAs are aspirational for the young people they support.", []string{"care_leavers"}},
		{"CareExperiencedSpaced", "Care experienced young adults are helped to find work.", []string{"care_leavers"}},
		{"ReturnConversations", "Return conversations take place within 72 hours.", []string{"return_home_interviews"}},
		{"TalkWhenTheyComeBack", "Children who run away are offered a conversation with an independent worker when they come back.", []string{"exploitation_missing", "return_home_interviews"}},
		{"SeenAfterMissing", "Children who go missing are seen within three days of coming home.", []string{"exploitation_missing", "return_home_interviews"}},
		{"ReturningHomeFromCareIsNotRHI", "Children are supported well after returning home from care.", nil},
		{"AdviceAndDutyService", "The children’s advice and duty service screens every contact.", []string{"front_door"}},
		{"SupervisionOrders", "Supervision orders are used to support kinship carers.", []string{"kinship"}},
		{"PlacementStabilityIsNotCaseloads", "Placement stability figures are high.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := m.themes(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("themes(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestDocumentThemes checks that the acronyms a document defines name the
// themes of their expansion in that document, and that one defined as a
// theme's near-miss names it no longer there.
func TestDocumentThemes(t *testing.T) {
	m := newThemeMatcher(framework.Themes())
	lines := func(s ...string) []text.Line {
		var out []text.Line
		for _, l := range s {
			out = append(out, text.Line{Text: l, Page: 1})
		}
		return out
	}
	tests := []struct {
		name string
		doc  []string
		text string
		want []string
	}{
		{"LocalFrontDoorName", []string{"Contacts go to the children’s advice and duty", "service (CADS), which is staffed by social workers."}, "Decisions in CADS are timely.", []string{"front_door"}},
		{"AcronymFirst", []string{"The IFD (integrated front door) opened in 2023."}, "Contacts to the IFD are screened.", []string{"front_door"}},
		{"HyphenatedAcronym", []string{"Children referred to the children’s single point of access (C-SPA) are seen."}, "The C-SPA responds quickly.", []string{"front_door"}},
		{"NearMissAcronym", []string{"Children are referred to the emotional wellbeing single point of access (SPA)."}, "Children wait 12 weeks at the SPA.", nil},
		{"TaxonomyAbbreviationElsewhere", []string{"Nothing is defined here."}, "Children wait 12 weeks at the SPA.", []string{"front_door"}},
		{"AcronymNamingNothingKeepsTaxonomy", []string{"special educational needs and/or disabilities (SEND)"}, "Children with SEND are supported.", []string{"disabled_children"}},
		{"NotAnAcronymOfTheWords", []string{"The panel (MASH) met."}, "The MASH met.", []string{"front_door"}},
		{"PluralAcronym", []string{"Young people have personal advisers (PAs) from 16."}, "PAs know them well.", []string{"care_leavers"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := m.forDocument(lines(tt.doc...)).themes(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("themes(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestAlignInitials(t *testing.T) {
	for _, tc := range []struct {
		acronym string
		words   string
		want    bool
	}{
		{"MASH", "multi-agency safeguarding hub", true},
		{"CADS", "children’s advice and duty service", true},
		{"iCART", "integrated contact and referral team", true},
		{"CiCC", "children in care council", true},
		{"SPA", "single point of access", true},
		{"SPA", "the single point of access", false},
		{"IFD", "front door", false},
	} {
		if got := alignInitials(acronymLetters(tc.acronym), strings.Fields(tc.words)); got != tc.want {
			t.Errorf("alignInitials(%s, %q) = %v, want %v", tc.acronym, tc.words, got, tc.want)
		}
	}
}

// FuzzDocumentThemes checks that the acronym reading never panics and
// returns themes of the taxonomy only.
func FuzzDocumentThemes(f *testing.F) {
	for _, s := range []string{"the children’s advice and duty service (CADS)", "IFD (integrated front door)", "((()))", "a (AB) b (-) c (Ab-Cd)", "x \xff (\xfe\xff)"} {
		f.Add(s)
	}
	m := newThemeMatcher(framework.Themes())
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4000 {
			return
		}
		d := m.forDocument([]text.Line{{Text: s, Page: 1}})
		for _, th := range d.themes(s) {
			if !framework.KnownTheme(th) {
				t.Fatalf("unknown theme %q", th)
			}
		}
	})
}
