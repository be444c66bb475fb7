// Package framework holds what Ofsted's inspection frameworks say, as data
// tables, each fact once, with their tests:
//
//   - domains.go: every judgement domain with the key words that name it
//     in a grade table's row (whatever the words between them), the
//     headings of the sections that set it out, and the everyday names
//     news and committee prose use;
//   - frameworks.go: the judgement frameworks by the date their
//     inspections began (SIF, ILACS 2018, ILACS 2023, the reformed
//     framework of April 2026), each with the judgements it makes, the
//     labels its reports print and where they state each (a table row or
//     a sentence), those it grades within another (care leavers within
//     children in care, 2018-2022), and the header cells of a grade table;
//   - grades.go: how a table cell and prose word each grade;
//   - headings.go: the lists of what must improve (with the kind of
//     finding and the rule name of their items) and the section headings
//     that end a list, hold no findings, announce strengths or weaknesses
//     or leave the judgement sections;
//   - themes.go: the practice themes findings are tagged with, and the
//     generator of docs/themes.md.
//
// The tables are plain data returned by functions (no package variable
// can be changed by a caller); the rules in extract/find and classify's
// signals compile the patterns they need from them once, on first use. A
// new framework is an entry in Frameworks and a test (a relabelled row
// whose key words are known needs nothing else; a new domain is a model
// constant and a row of Domains).
//
// It imports only the model (extract), so that any package may read the
// vocabulary without pulling in the rules (extract/read's tests check it).
package framework
