package find

// Rules that restate what another rule found (news and committee prose
// repeat a report's table and lists) check the findings already made, so
// that nothing is reported twice.

import (
	"strings"

	"github.com/ofsted/ofsted/extract"
)

// hasJudgement reports whether fs holds a judgement.
func hasJudgement(fs []extract.Finding) bool {
	for _, f := range fs {
		if f.Kind == extract.KindJudgement {
			return true
		}
	}
	return false
}

// hasDomain reports whether fs holds a judgement of domain d.
func hasDomain(fs []extract.Finding, d extract.Domain) bool {
	for _, f := range fs {
		if f.Kind == extract.KindJudgement && f.Domain == d {
			return true
		}
	}
	return false
}

// sameTextIn reports whether t is, or holds, or is part of the text of a
// finding of fs.
func sameTextIn(fs []extract.Finding, t string) bool {
	for _, f := range fs {
		if strings.Contains(f.Text, t) || strings.Contains(t, f.Text) {
			return true
		}
	}
	return false
}
