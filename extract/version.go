package extract

// Version identifies the readers and rules. It is stored with every record
// of what was extracted, and a file whose record has another version is
// read again on the next ingest. Change it whenever a change to a reader or
// a rule changes what is extracted.
const Version = "2026.11.23"
