// Package web is the local web page of `ofsted serve`: search with facets,
// documents, authorities, the summary table, downloads as CSV and Excel,
// and a JSON API under /api/, all over one index.
//
// Design decisions:
//
//   - Every page works without JavaScript: filters and facets are links,
//     the query box and the summary's filters are GET forms, so the URL
//     always holds the whole state (shareable; the back button works).
//     The one script (static/app.js) only submits a select when it
//     changes.
//   - Document text is untrusted. Pages are html/template throughout, and
//     matches are marked by splitting a fragment into text runs, never by
//     building markup from strings; the Content-Security-Policy allows
//     scripts, styles and images from this server only, so an injected
//     inline script would not run even if escaping failed.
//   - Templates, styles and script are embedded in the binary: no build
//     step, no CDN, nothing leaves the machine. The authority chart is SVG
//     drawn on the server.
//   - Source files are served by document ID, never by a path from the
//     URL: only files recorded in the index can be reached, and a file is
//     served only when its content still has the SHA-256 recorded for it,
//     so a recorded path that has since become a link to something else
//     (or was edited) is refused rather than followed.
//   - Unless the server was started with --public, requests must name a
//     loopback host, so that a web site cannot reach the page through DNS
//     rebinding; only GET and HEAD are served, and nothing changes state.
//   - The index is reached through a Store (index.Live in the server): a
//     read-only view that lets `ofsted ingest` in and comes back when it
//     ends. While it is away, pages answer 503 with a note naming the
//     writer, and reload themselves.
//   - Responses carry a Server-Timing header with the time spent before the
//     first byte, which the benchmark command reads to measure server time
//     apart from the client's.
package web
