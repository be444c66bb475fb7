package main

// The focused-visit letter. Invented: the addressee, the inspectors and
// the findings are not those of any real visit to Bury.

// ofstedLetterhead is the address block at the top of Ofsted letters.
func ofstedLetterhead() []Block {
	return []Block{
		BoldLines{"Ofsted"},
		Columns{X: [2]float64{0, 110}, Rows: [][2]string{
			{"Piccadilly Gate", "T 0300 123 1231"},
			{"Store Street", "Textphone 0161 618 8524"},
			{"Manchester", "enquiries@ofsted.gov.uk"},
			{"M1 2WD", "www.gov.uk/ofsted"},
		}},
		Space(30),
	}
}

func focusedBlocks() []Block {
	b := ofstedLetterhead()
	b = append(b,
		Lines{"12 March 2021"},
		Space(17),
		Lines{"Rosamund Kettleby", "Executive Director of Children and Young People", "Bury Council", "Town Hall", "Knowsley Street", "Bury", "BL9 0SW"},
		Space(20),
		Para("Dear Ms Kettleby"),
		Heading("Focused visit to Bury children’s services"),
		Para("This letter summarises the findings of the focused visit to Bury children’s services on 9 and 10 February 2021. Her Majesty’s Inspectors for this visit were Tobias Wrenfield and Anjali Marsh-Okoro."),
		Para("Inspectors looked at the local authority’s arrangements for children in need and children who are subject to a child protection plan, including the response to children at risk of harm outside the home."),
		Para("This visit was carried out in line with the inspection of local authority children’s services (ILACS) framework. Because of the continuing restrictions of the COVID-19 (coronavirus) pandemic, the visit was carried out remotely. Inspectors spoke to social workers, managers and leaders by video call and looked at children’s case records."),
		Heading("Headline findings"),
		Para("Leaders in Bury have kept a clear focus on the most vulnerable children during a very difficult year. Social workers have continued to visit children at home when risks are high, and they have used video calls creatively to stay in touch with others. Most children in need of help and protection receive a timely and appropriate service. However, the quality of plans is too variable, and the help that some children receive is not reviewed rigorously enough to make sure that it is making a difference."),
		Heading("What needs to improve in this area of social work practice"),
		Item("The quality of child in need and child protection plans, so that they set out clearly what needs to change, by when, and who is responsible."),
		Item("The rigour of management oversight when children’s circumstances do not improve, including the timely escalation of concerns."),
		Item("The consistency with which strategy discussions include all relevant agencies and record the reasons for decisions."),
		Space(10),
		Heading("Main findings"),
		Para("At the start of the pandemic, leaders quickly reviewed the risks to every child open to children’s social care. Children were rated according to their level of need, and this helped managers to decide how often they should be visited. The ratings are reviewed regularly and have been updated as restrictions have changed."),
		Para("The multi-agency safeguarding hub (MASH) responds promptly to contacts and referrals. Decisions about what should happen next are made by experienced managers and are appropriate to children’s needs. When children are at risk of significant harm, strategy discussions are held quickly. However, education and health partners are not always invited, and in some cases the reasons for the decision to hold, or not to hold, a section 47 enquiry are not recorded."),
		Para("Assessments are thorough and consider children’s history and the views of their parents. Children are seen regularly and seen alone, and social workers use direct work well to understand children’s experiences. Despite the difficulties of the pandemic, most social workers have kept in close contact with children, including through the use of messaging and video calls for older children."),
		Para("Child protection conferences are held within timescales, and they have been well attended by partners since moving online. Although core group meetings happen regularly, plans are often a list of services rather than a description of what needs to change for the child. This makes it difficult for families and professionals to know whether progress is being made."),
		Para("Children at risk of exploitation are identified quickly, and the complex safeguarding team provides an effective response. Return home interviews are completed for most children who go missing, and the information from them is shared with the police to help disrupt exploitation."),
		Para("Management oversight is regular, and supervision records show that managers know children’s circumstances well. However, when help is not making a difference, managers do not always challenge drift or escalate concerns quickly enough, and a small number of children remain on plans for too long without improvement."),
		Para("Social workers told inspectors that they feel well supported by their managers and leaders. Caseloads are manageable, and staff have been provided with the equipment that they need to work from home safely. Leaders have continued to invest in training, which social workers value."),
		Para("Ofsted will take the findings from this focused visit into account when planning your next inspection or visit."),
		Space(8),
		Lines{"Yours sincerely"},
		Space(20),
		Lines{"Tobias Wrenfield", "Her Majesty’s Inspector"},
	)
	return b
}
