// Package framework holds what Ofsted's inspection frameworks say, as data
// tables with their tests: the practice themes findings are tagged with
// (themes.go). Each fact is kept once; the rules in extract/find compile
// what they need from these tables on first use.
//
// It imports only the model (extract), so that any package may read the
// vocabulary without pulling in the rules.
package framework
