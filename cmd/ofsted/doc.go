// Command ofsted turns a folder of English children's-services inspection
// documents into searchable, exportable findings.
//
// The commands are thin: each is a cobra constructor that parses and
// validates its flags into an options struct and calls one plain function
// (runIngest, runSearch, ...). run maps errors to exit statuses in one
// place: 0 ok, 1 error, 2 usage, 3 some inputs failed, 130 interrupted.
//
// The pipeline wiring lives here too: the walker (walk.go) lists files,
// following links but visiting each folder once; worker processes
// (worker.go, the hidden "ofsted worker" command) read, classify and find,
// one file at a time, killable on a time limit and capped in memory; one
// goroutine (forEachResult's caller) owns the index writer and the output,
// and receives results in input order so that output is deterministic.
//
// `ofsted serve` wires the web page (internal/web) to an index.Live view;
// the CSV cells that Excel must not take for formulas are made safe in
// internal/safecsv, and Excel workbooks are written by internal/xlsx, the
// only importer of excelize. Shell completion is cobra's, with values from
// the index (completion.go).
package main
