// Package index keeps what was extracted from each source file and makes
// it searchable. It is the only importer of bleve (and of bbolt).
//
// # Record and cache
//
// An index directory holds two stores with different jobs:
//
//	DIR/records/records.db  the durable record: per source file, its size,
//	                        modification time, SHA-256, parser version,
//	                        error, format, page texts and the documents and
//	                        findings extracted (one bbolt database)
//	DIR/bleve/              a bleve (scorch) index built from the record:
//	                        a rebuildable cache, never the only copy of
//	                        anything
//	DIR/lock                the writer lock, holding the writer's PID
//
// The record's layout is documented for other programs in
// docs/record-format.md.
//
// Put commits the record in a synced bbolt transaction before it returns:
// a record reported stored survives kill -9 or power loss. Commit does the
// same for a Batch of changes in one transaction (a synced commit costs
// milliseconds, whatever it holds: ingest batches). The bleve index
// follows in batches (Commit flushes every few MB of text or few hundred
// records; Flush and Close flush the rest), using bleve's default safe
// batches, which return once the batch is persisted.
//
// Every Put takes a new sequence number. Each bleve batch also stores the
// highest sequence number it completes, atomically with its documents, so
// the index on disk always knows how far it got. Open (the writer) then
// brings the cache up to date: it re-indexes every record put after that
// number (replacing whatever bleve held for the path, so nothing is
// indexed twice), removes the units of paths the record no longer has
// (deletes that never reached bleve), and rebuilds the whole cache when it
// is missing, unreadable, or built by another mapping version. Deleting
// DIR/bleve is therefore always safe. Reindex rebuilds on demand.
//
// # Locking
//
// One process writes at a time. The writer holds an exclusive flock on
// DIR/lock and writes its PID there; a second writer gets a *LockedError
// ("index DIR is being written by process 1234"), which matches ErrLocked.
// Readers (OpenReadOnly: search, export, show) take a shared flock and fail
// at once with the same error while a writer runs: bleve's scorch and
// bbolt hold their files with exclusive locks in read-write mode, so a
// reader could not open them anyway, and every bbolt open has a timeout as
// a second guard, so nothing ever hangs. A writer that finds only readers
// waits a few seconds for them, and meanwhile writes its PID to
// DIR/lock.wait. A reader does not bring the cache up to date; Unindexed
// reports how many records it lags behind.
//
// A long-lived reader (the web server) uses Live: a read-only view that
// watches DIR/lock.wait, closes as soon as a writer waits, and opens again
// once the writer has finished (live.go), so that a server never blocks
// an ingest and shows the new documents within a poll interval of its end.
//
// # Overviews
//
// The catalogue (catalogue.go) is every document without its text, kept in
// its own bucket of the record at write time; the authority summary
// (summary.go) and an authority's timeline (timeline.go) are computed from
// it, never from bleve's units.
//
// # What is indexed
//
// Each finding and each page of each document is one bleve document (a
// unit), carrying its document's metadata (document ID, path, type,
// authority name and ONS code, date and year), so that search hits name a
// page and filters and facets work on both. A page belongs to the
// innermost document holding it: the pages of a report embedded in a
// committee pack are the report's, not the pack's as well. A page is
// indexed without the sentences that are its findings (blanked byte for
// byte, so offsets still point into the page): a sentence is one hit, the
// finding, not two, and the index holds each sentence once.
//
// Unit text is analysed once, into "text" (unicode words, possessive
// "'s" dropped, lower case, Porter stems, stop words kept), with term
// vectors; pairs of adjacent stems without a stop word, and triples of
// stem, stop word, stem, made from the same tokens, go into "pairs"
// (without positions); the text shown is stored apart, in "shown".
// Units are built as bleve documents directly (mapping.go), not mapped
// from maps by reflection. Plain words match their stems ("discussion" finds "discussions"); quoted phrases are
// phrases of stems, so "strategy discussion" finds "strategy discussions"
// while "children in need" still does not match "children of need".
// Earlier versions analysed the text twice (English analyser for words,
// a lower-casing one with positions for phrases) and indexed every
// sentence twice (page and finding): analysing and indexing is most of
// what an ingest costs beyond reading, and each change cut it by about a
// third.
//
// Speed choices, measured with BenchmarkSearch and cmd/ofsted-bench: a
// date is indexed as year, month and day terms and a date range is a
// non-scoring filter of whole years, cut months and cut days (a few dozen
// terms; a numeric field costs 16 terms per unit, a range of days
// thousands of terms); a phrase of two words, or of word, stop word,
// word, is one term of the "pairs" field, not a phrase query comparing
// positions in every unit that has all its words; facets are
// counted by intersecting the hits' document numbers with each facet
// value's postings bitmap (facet.go), not by visiting each hit's doc
// values, which cost more than the search itself for a common word; hits
// of equal score are ordered by a hash of their unit ID, read only for
// hits that reach the page asked for (collect.go); match locations are
// fetched by a second search restricted to the page of hits, not decoded
// for every match.
//
// # Several indexes
//
// A Group reads several index directories as one (built on different
// disks or machines, for example with ingest --shard): bleve's own index
// alias runs each search in every index and merges hits, totals and
// facet counts, and every index scores with the statistics of all of them
// (stats.go), so that ranking, paging and counts are those of one index
// holding every unit. Exports plan over the documents of every index and
// link copies across them at read time; Document finds a document by key
// in whichever index holds it. TestGroupEqualsOneIndex (and, end to end,
// cmd/ofsted's TestShardsEqualOneIndex) hold this.
//
// # Query language
//
//	discussion            stemmed word
//	"children in need"    phrase: stemmed words in order, stop words kept
//	plan*                 prefix of a stem (or of the word's stem)
//	a b  a AND b  +a      all of them (AND is the default)
//	a OR b                either
//	NOT a  -a             not
//	( ... )               grouping
//
// NOT binds tighter than AND, AND tighter than OR; operators are upper
// case. Parsing never fails: dangling operators and unmatched parentheses
// are dropped. Filters (Query fields) are term queries on lower-cased
// keyword fields and a numeric range on the date; Authority takes a name,
// alias or ONS code, resolved through classify.LookupAuthority.
//
// Hits carry fragments with the byte ranges of their matches; the caller
// renders them (Fragment.Mark). Facets count hits (findings and pages),
// not documents.
//
// Exports (Findings) read rows from the record in a stable order; with
// query text, bleve selects the findings whose own text matches.
package index

// BUG(index): Readers cannot open the index while a writer has it open
// (scorch and bbolt lock their files exclusively); they fail at once with
// ErrLocked rather than wait.

// BUG(index): Two copies of one file (same SHA-256) have the same document
// IDs; both are indexed, and Document returns the first path.
