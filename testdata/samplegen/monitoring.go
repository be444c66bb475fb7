package main

// The monitoring-visit letter. Invented: Haringey's judgement history,
// the addressee, the inspectors and the findings are made up for the
// sample and are not those of any real visit.

func monitoringBlocks() []Block {
	b := ofstedLetterhead()
	b = append(b,
		Lines{"9 November 2022"},
		Space(17),
		Lines{"Desmond Aldous-Reyes", "Director of Children’s Services", "London Borough of Haringey", "River Park House", "225 High Road", "London", "N22 8HQ"},
		Space(20),
		Para("Dear Mr Aldous-Reyes"),
		Heading("Monitoring visit to Haringey children’s services"),
		Para("This letter summarises the findings of the monitoring visit to Haringey children’s services on 11 and 12 October 2022. This visit was the third monitoring visit since the local authority was judged inadequate in January 2020. His Majesty’s Inspectors for this visit were Priya Castellane and Owen Thirkettle."),
		Heading("Areas covered by the visit"),
		Para("Inspectors reviewed the progress made in the quality and impact of the local authority’s work with children in need of help and protection, focusing on:"),
		Item("the response to children when risks escalate, including strategy discussions and section 47 enquiries"),
		Item("the quality and impact of child protection plans and core group meetings"),
		Item("the quality of management oversight and supervision, and the impact of quality assurance on practice."),
		Space(6),
		Para("This visit was carried out in line with the inspection of local authority children’s services (ILACS) framework. Inspectors were on site and looked at children’s records, spoke to social workers and managers, and met senior leaders."),
		Heading("Headline findings"),
		Para("Senior leaders have continued to make steady progress since the last monitoring visit. The response to children when risks escalate is now more consistent, and children at risk of significant harm are protected. The quality of child protection planning has improved but remains variable, and leaders recognise that more needs to be done to make sure that plans lead to timely change for all children."),
		Heading("Findings and evaluation of progress"),
		Para("When concerns about children escalate, strategy discussions are held promptly and are attended by the police and, in most cases, by health professionals. Records of strategy discussions are clearer than at the previous visit, and they set out the agreed actions and who will complete them. However, schools are not routinely invited to contribute, even when they hold important information about a child."),
		Para("Section 47 enquiries are thorough and are completed within timescales that meet children’s needs. Children are seen quickly, and their views are recorded carefully. The outcomes of enquiries are proportionate, and parents are helped to understand why the local authority is concerned."),
		Para("Child protection plans have improved in quality. Most now set out the risks to children and the changes that are needed. Although core group meetings are held regularly, some plans are not updated as children’s circumstances change, and for a small number of children this leads to drift."),
		Para("Management oversight is evident on all children’s records, and supervision takes place regularly. Despite this, supervision does not always challenge a lack of progress, and the actions agreed are sometimes not completed."),
		Para("Leaders have a strong grip on performance information, and quality assurance activity is well embedded. Audits are accurate and now lead to specific actions for social workers and their managers. The workforce is increasingly stable, and caseloads are manageable for most social workers, who told inspectors that they feel well supported."),
		Para("Ofsted will take the findings from this monitoring visit into account when planning your next inspection or visit."),
		Space(8),
		Lines{"Yours sincerely"},
		Space(20),
		Lines{"Priya Castellane", "His Majesty’s Inspector"},
	)
	return b
}
