// Package xlsx writes findings and the authority summary as an Excel
// workbook. It is the only importer of github.com/xuri/excelize/v2: a kept
// library that writes the Office Open XML parts (shared styles, panes,
// filters, dates as serial numbers with a date format), not XML written by
// hand.
//
// Every workbook has two sheets, "Findings" and "Summary", each with its
// header row frozen and filters on; dates are Excel dates (so they sort
// and filter as dates), long text wraps, and every value is written as a
// value, never a formula: a sentence starting with "=" stays a sentence,
// so the CSV export's apostrophe guard is not needed here. Sheets are
// streamed (excelize's StreamWriter), so memory grows with the shared
// strings, not with the styling of every cell.
package xlsx
