package main

// The SIF report, shortened. Invented: the judgements and findings are
// not those of any real inspection of Dorset. In 2016 the authority was
// Dorset County Council (ONS E10000009); since 2019 it is Dorset Council
// (E06000059).

func sifBlocks() []Block {
	b := []Block{
		BoldLines{"Dorset County Council"},
		Space(10),
		BigLines{Size: 15, Mark: "1", Lines: []string{"Inspection of services for children in need of help and", "protection, children looked after and care leavers", "and", "Review of the effectiveness of the Local Safeguarding Children", "Board"}},
		Lines{"Inspection dates: 9 May 2016 – 2 June 2016", "Report published: 18 July 2016"},
		Space(24),
		BoldLines{"Children’s services in Dorset require improvement to be good"},
		Space(6),
		Columns{X: [2]float64{0, 300}, Rows: [][2]string{
			{"1. Children who need help and protection", "Requires improvement"},
			{"", ""},
			{"2. Children looked after and achieving", "Requires improvement"},
			{"    permanence", ""},
			{"", ""},
			{"        2.1 Adoption performance", "Good"},
			{"", ""},
			{"        2.2 Experiences and progress of care leavers", "Requires improvement"},
			{"", ""},
			{"3. Leadership, management and governance", "Requires improvement"},
		}},
		Space(60),
		Para("1 This report combines the inspection of the local authority’s services for children and the review of the Local Safeguarding Children Board, which were carried out at the same time."),
		PageBreak{},
		Heading("Executive summary"),
		Para("Children and young people in Dorset who need help and protection are safe, but the quality of the help that they receive is too variable across the county. Early help services are well developed in some areas and have only recently been established in others. Thresholds are understood by most partners, and the multi-agency safeguarding hub (MASH) responds quickly to concerns. However, the quality of assessments and plans is inconsistent, and management oversight does not always prevent drift."),
		Para("Children looked after live in stable placements that meet their needs, and most make good progress at school. Adoption performance is good: children who need adoptive families are placed quickly and with carers who are well prepared. Care leavers are positive about their personal advisers, but too few pathway plans are up to date, and not enough care leavers are in education, employment or training."),
		Para("Senior leaders have an accurate understanding of the service and have a clear plan for improvement. Elected members are committed to children’s services. Despite this, the pace of change has been slow, and performance information is not used well enough to hold managers to account for the quality of practice."),
		PageBreak{},
		Heading("The local authority"),
		Heading("Recommendations"),
	}
	for i, r := range []string{
		"Ensure that all assessments of children in need are completed within timescales that meet their needs and include a clear analysis of risk.",
		"Improve the quality of child protection plans so that they are specific, measurable and understood by parents.",
		"Ensure that strategy discussions involve all relevant agencies and that decisions and actions are clearly recorded.",
		"Ensure that all care leavers have an up-to-date pathway plan that reflects their needs and aspirations.",
		"Increase the number of care leavers in education, employment or training.",
		"Strengthen the use of performance information and audits so that managers at all levels are held to account for the quality of practice.",
	} {
		b = append(b, Numbered{N: 1 + i, Text: r})
	}
	b = append(b,
		Heading("The experiences and progress of children who need help and protection"),
		BoldLines{"Requires improvement"},
		Space(6),
		Numbered{N: 7, Text: "Children who need help are identified quickly, and partners make appropriate referrals. Decisions in the MASH are timely and proportionate to the level of risk."},
		Numbered{N: 8, Text: "Strategy discussions are held promptly when children are at risk of significant harm, but health and education partners are not always involved. Section 47 enquiries are thorough, and children are seen alone."},
		Numbered{N: 9, Text: "Although most assessments are completed on time, too many lack analysis, and some do not consider the impact of parents’ difficulties on the child."},
		Numbered{N: 10, Text: "Child protection plans are not specific enough. Parents do not always understand what they need to change, and core groups do not measure progress."},
		Heading("The experiences and progress of children looked after and achieving permanence"),
		BoldLines{"Requires improvement"},
		Space(6),
		Numbered{N: 11, Text: "Children come into care when they need to, and most live in stable placements close to home. Social workers know children well and see them regularly."},
		Numbered{N: 12, Text: "Adoption is considered for all children who cannot return home, and children are matched with adopters without delay. Adopters receive good support after placement."},
		Numbered{N: 13, Text: "Care leavers stay in touch with their personal advisers, and staying put is promoted well. However, pathway plans are often out of date, and too few care leavers are in education, employment or training."},
		Heading("Leadership, management and governance"),
		BoldLines{"Requires improvement"},
		Space(6),
		Numbered{N: 14, Text: "Leaders know the strengths and weaknesses of the service. The corporate parenting panel is well attended and provides appropriate challenge."},
		Numbered{N: 15, Text: "Performance reports are detailed but are not used well enough to improve practice, and audit findings are not followed up consistently."},
		PageBreak{},
		Heading("The Local Safeguarding Children Board (LSCB)"),
		BoldLines{"The Local Safeguarding Children Board requires improvement"},
		Space(6),
		Heading("Executive summary"),
		Para("Dorset Local Safeguarding Children Board (DSCB) meets its statutory responsibilities. The board is well chaired, and partners are committed to its work. However, the board does not yet evaluate the effectiveness of early help, and its oversight of multi-agency practice is limited by the lack of a shared dataset."),
		Heading("Recommendations"),
		Numbered{N: 16, Text: "The board should develop a multi-agency dataset that enables it to scrutinise the effectiveness of safeguarding practice across all partner agencies."},
		Numbered{N: 17, Text: "The board should evaluate the impact of early help services on outcomes for children and families."},
		Numbered{N: 18, Text: "The board should ensure that learning from serious case reviews is disseminated to frontline staff and that its impact is tested through multi-agency audits."},
		Heading("Inspection findings – the Local Safeguarding Children Board"),
		Numbered{N: 19, Text: "The board has clear governance arrangements and good links with other strategic partnerships. Its business plan reflects local priorities."},
		Numbered{N: 20, Text: "The board’s multi-agency training is well regarded by practitioners, but the board does not yet know whether it improves practice."},
		Space(10),
		Heading("Information about this inspection"),
		Para("Inspectors looked at the experiences of children and young people who need help and protection, children looked after and care leavers, and at the work of the Local Safeguarding Children Board. They read case records, observed practice and spoke to children, families, staff and partners."),
		Heading("Inspection team"),
		Lines{"Lead inspector: Harriet Coldwell", "Deputy lead inspector: Samir Okonjo-Bell", "Team inspectors: Louisa Penhallow, Gareth Ambrose"},
	)
	return b
}
