package main

// The ILACS report. Everything below is invented for the sample: the
// inspector, the findings and the judgements are not those of any real
// inspection of Nottingham City.

const (
	ilacsHeader = "Inspection of Nottingham City local authority children’s services"
	ilacsDates  = "10 July to 21 July 2023"
)

// ilacsStraddle is the improvement item that must wrap across a page
// break, so that the running footer and page number fall inside it.
const ilacsStraddle = "The consistency and impact of management oversight and supervision, so that plans for children in need and children subject to child protection plans are reviewed and progressed without delay."

var ilacsImprove = []string{
	"The quality and timeliness of strategy discussions, including the attendance of police and health partners and the recording of the reasons for decisions.",
	"The timeliness of section 47 enquiries and of initial child protection conferences when children are at risk of significant harm.",
	ilacsStraddle,
	"The range and suitability of accommodation for care leavers aged 18 to 21, and the quality and currency of their pathway plans.",
	"The response to allegations against professionals, so that referrals to the local authority designated officer (LADO) are tracked to a timely conclusion.",
	"The use of audit findings and performance information to improve the quality of frontline practice.",
}

func ilacsBlocks() []Block {
	b := []Block{
		Title{"Inspection of Nottingham City local authority", "children’s services"},
		Lines{"Inspection dates: " + ilacsDates},
		Space(6),
		Lines{"Lead inspector: Maren Oldcastle, His Majesty’s Inspector"},
		Space(14),
		Grid{Widths: [2]float64{318, 135}, Head: true, Rows: [][2]string{
			{"Judgement", "Grade"},
			{"The impact of leaders on social work practice with children and families", "Requires improvement to be good"},
			{"The experiences and progress of children who need help and protection", "Requires improvement to be good"},
			{"The experiences and progress of children in care", "Good"},
			{"The experiences and progress of care leavers", "Requires improvement to be good"},
			{"Overall effectiveness", "Requires improvement to be good"},
		}},
		Para("Services for children in Nottingham City have improved since the last full inspection, when overall effectiveness was judged to be inadequate. A stable senior leadership team, strong corporate support and sustained investment in the workforce have reduced the reliance on agency social workers and brought caseloads down to a manageable level in most teams. Leaders know where practice is strongest and where it is still too variable, and they have plans in place to address the weaker areas."),
		Para("Children who need help and protection now receive a more timely response from the multi-agency safeguarding hub (MASH), and partner agencies understand thresholds better than before. However, the quality of strategy discussions is inconsistent. Police and health colleagues do not always take part, and the reasons for decisions are not always recorded. Some section 47 enquiries take too long to complete, so a small number of children wait too long for protective action to be agreed."),
		Para("Children at risk of harm outside the home, including those at risk of exploitation, are identified quickly and receive a well-coordinated multi-agency response. Disabled children are well supported by a specialist team that knows them and their families well."),
		Para("Leaders have reshaped the assessment service since the last inspection. Fewer children now wait for an assessment, and most assessments are completed within timescales that meet children’s needs. For some children in need, however, plans are not reviewed often enough, and when progress is slow this is not always noticed by managers."),
		Para("Most children in care live in stable homes that meet their needs, and they are making good progress. Social workers know their children well, visit them often and help them to keep in touch with people who are important to them. Care leavers value their personal advisers, but too many pathway plans are out of date and the range of accommodation for young adults is too narrow."),
		Para("Care leavers are supported by personal advisers who are tenacious in keeping in touch with them. Young people who want to stay with their foster carers after their 18th birthday are helped to do so. Those who live independently have access to a range of practical support, but not all of them live in accommodation that is safe and suitable for their needs."),
		Para("The workforce is more stable than at the last inspection. Newly qualified social workers receive a strong programme of support, and experienced staff value the training and development on offer. Managers are visible and accessible, and staff say that morale has improved."),
		Para("Political and corporate leaders have kept children’s services a priority during a period of significant financial pressure on the council. Partnership arrangements have matured, and strategic leaders in the police and health services are committed to the improvement plan, although this commitment is not yet reflected in frontline practice in every area."),
		Para("Although quality assurance arrangements have been strengthened, learning from audits is not yet consistently improving practice. Supervision is regular but does not always challenge drift in children’s plans, and some managers do not record the reasons for their decisions clearly enough for others to follow."),
		Heading("What needs to improve in this local authority?"),
	}
	for _, it := range ilacsImprove {
		b = append(b, Item(it))
	}
	b = append(b, Space(10))
	b = append(b, numberedSection("The experiences and progress of children who need help and protection: requires improvement to be good", 1, []string{
		"Children and families who need early help receive support from a well-established network of family hubs. Early help assessments are mostly thorough, and family support workers build trusting relationships with parents. Step-up and step-down arrangements between early help and statutory services work well, so that children receive the right level of support as their needs change.",
		"Contacts and referrals to the MASH are now screened promptly. Partners understand the thresholds for intervention better than at the last inspection, and the number of inappropriate referrals has fallen. Managers in the MASH make clear and timely decisions, and parental consent is sought, or overridden when necessary, appropriately.",
		"When children are at immediate risk of harm, strategy discussions are convened quickly in most cases. However, the quality of strategy discussions is too variable. Police and health professionals do not always attend, and in some strategy discussions the information that partners hold is not shared or recorded. As a result, some decisions to start section 47 enquiries are not informed by a full picture of the risks to children. In a small number of cases, no strategy discussion was held when one was needed.",
		"Although most child protection enquiries are thorough and children are seen and spoken to alone, too many s47 enquiries take longer than they should to complete. For a small number of children, this delays the initial child protection conference and the start of a protection plan.",
		"Assessments are mostly timely and consider the impact of parental mental ill health, domestic abuse and substance misuse. The strongest assessments include a careful analysis of family history. Weaker assessments are too descriptive and do not explain what needs to change for the child.",
		"Children in need and children subject to child protection plans are visited regularly by social workers who know them well. Direct work with children is creative and helps social workers to understand their wishes and feelings. Despite this, some plans are too broad and lack clear timescales, which makes it difficult for parents to understand what is expected of them.",
		"When risks to children do not reduce, the pre-proceedings stage of the public law outline (PLO) is used appropriately. Letters before proceedings are clear and written in plain language. However, for a small number of children experiencing long-term neglect, drift in pre-proceedings means that decisions are made too late.",
		"Children at risk of extra-familial harm, including criminal exploitation and county lines, benefit from a dedicated adolescent team. Risk assessments are detailed, and multi-agency meetings consider the risks to groups of children as well as to individuals. Return home interviews are offered to children who go missing, and the information gathered is used well to inform safety plans.",
		"Disabled children receive a good service from a specialist team. Social workers communicate skilfully with children who use alternative methods of communication, and short breaks are well matched to families’ needs.",
		"The designated officer provides timely advice to partner agencies. However, the tracking of allegations against professionals is not robust enough, and some referrals to the LADO remain open for too long without a clear outcome.",
		"The emergency duty team provides an effective out-of-hours response. Homeless 16- and 17-year-olds are offered accommodation promptly and are told about their right to become looked after.",
	})...)
	b = append(b, numberedSection("The experiences and progress of children in care: good", 12, []string{
		"Children come into care when it is the right decision for them. Decisions are informed by thorough assessments, and children who can safely live with relatives are supported to do so through kinship care arrangements.",
		"Most children in care live in stable homes, and placement stability has improved over the last two years. Children are matched carefully with carers who understand their needs. Brothers and sisters live together when this is in their best interests.",
		"Social workers visit children regularly and see them alone. Children’s views are recorded in their own words, and independent reviewing officers (IROs) write review records to children in a warm and accessible style.",
		"Permanence is considered at the second review for all children. Adoption is pursued without delay when it is the plan, and early permanence placements are increasingly used. The supervising social workers of foster carers provide effective support and challenge, and foster carers speak highly of the training they receive.",
		"Children’s health needs are well understood. Health assessments are mostly timely, and access to emotional well-being support has improved. The virtual school has a strong focus on attendance, and most children in care make good progress from their starting points. Although personal education plans are completed for nearly all children, the targets in some plans are not specific enough.",
		"A new approach to life-story work has started for children who have recently come into care, but it has not yet reached many of the children who have been in care for longer periods.",
	})...)
	b = append(b, numberedSection("The experiences and progress of care leavers: requires improvement to be good", 18, []string{
		"Care leavers are positive about their personal advisers, who stay in touch regularly and are persistent in offering support. Most care leavers live in suitable accommodation, and staying put arrangements are actively promoted for young people who wish to remain with their foster carers.",
		"However, too many pathway plans are out of date. Some pathway plans do not reflect young people’s current circumstances or set out clear actions to help them to achieve their goals. Young people are not always involved in writing their plans.",
		"The range of accommodation for care leavers aged 18 to 21 is too narrow. A small number of young people with complex needs have lived in unsuitable bed and breakfast accommodation for short periods, and the reasons for these decisions are not always recorded.",
		"The proportion of care leavers in education, employment or training is similar to that in comparable areas. Apprenticeships within the council are ring-fenced for care leavers, and the local offer has been updated with the help of young people. Care leavers know their entitlements and have copies of their health histories.",
		"Despite recent efforts, care leavers who are in custody or who live outside the city do not receive the same level of contact from their personal advisers as other young people.",
	})...)
	b = append(b, numberedSection("The impact of leaders on social work practice with children and families: requires improvement to be good", 23, []string{
		"The director of children’s services and the senior leadership team have a clear understanding of the strengths and weaknesses of frontline practice. Their self-evaluation is accurate, and they have acted on most of the areas for improvement identified at the last inspection.",
		"Political and corporate leaders are committed to improving services for children. Additional investment has been made in the workforce, and caseloads are now manageable in most teams. Social workers say that they enjoy working in Nottingham City and that their managers are visible and approachable.",
		"Strategic leaders work well with partners through the safeguarding partnership. Although a multi-agency action plan to improve strategy discussions has been agreed, it is at an early stage and has not yet led to consistent attendance by police and health colleagues.",
		"Supervision takes place regularly, but the quality of management oversight is inconsistent. In some cases, supervision records do not show reflective discussion or challenge, and actions agreed in supervision are not followed up.",
		"Performance information is comprehensive and is used well by managers to track timeliness. Quality assurance has improved, and audits now include the views of families. However, audit findings are not consistently used to improve practice, and learning from audits is not always shared across teams.",
		"The corporate parenting board provides effective challenge. Members of the children in care council meet regularly with senior leaders and have influenced changes to the local offer for care leavers.",
	})...)
	b = append(b, PageBreak{},
		Para("Ofsted inspects services for children and young people, and education and skills for learners of all ages. (This closing page imitates the layout of the standard Ofsted back page; its wording is written for the sample.)"),
		Para("If you would like a copy of this document in a different format, such as large print or Braille, please contact Ofsted."),
		Lines{"Piccadilly Gate", "Store Street", "Manchester", "M1 2WD", "T: 0300 123 1231", "E: enquiries@ofsted.gov.uk", "W: www.gov.uk/ofsted"},
	)
	return b
}

// numberedSection is a bold heading followed by paragraphs numbered from
// first.
func numberedSection(heading string, first int, paras []string) []Block {
	b := []Block{Heading(heading)}
	for i, p := range paras {
		b = append(b, Numbered{N: first + i, Text: p})
	}
	return append(b, Space(6))
}
