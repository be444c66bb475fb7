package find

import (
	"reflect"
	"testing"

	"github.com/ofsted/ofsted/extract/framework"
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := m.themes(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("themes(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
