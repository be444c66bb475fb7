// Package framework holds what Ofsted's inspection frameworks say, as data
// tables, each fact once, with their tests:
//
//   - domains.go: every judgement domain with every label it is given: the
//     row labels of the grade tables of every framework (ILACS 2018 and
//     2023, SIF), the headings of the sections that set it out, and the
//     everyday names news and committee prose use;
//   - grades.go: how a table cell and prose word each grade;
//   - headings.go: the lists of what must improve (with the kind of
//     finding and the rule name of their items) and the section headings
//     that end a list, hold no findings, announce strengths or weaknesses
//     or leave the judgement sections;
//   - themes.go: the practice themes findings are tagged with, and the
//     generator of docs/themes.md.
//
// The tables are plain data returned by functions (no package variable
// can be changed by a caller); the rules in extract/find compile the
// patterns they need from them once, on first use. A new framework's
// relabelled row or a new list heading is an entry here and a test.
//
// It imports only the model (extract), so that any package may read the
// vocabulary without pulling in the rules (extract/read's tests check it).
//
// BUG(move): frameworks are not yet keyed by date: a label of any
// framework is accepted in a document of any date. The type of a report
// (classify) still decides ILACS against SIF.
package framework
