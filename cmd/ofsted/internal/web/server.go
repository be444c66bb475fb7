package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ofsted/ofsted/index"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Store is the index as the pages read it: a view that may be away for a
// while (a writer has the index), in which case both methods say why. It
// may be several indexes read as one (index.LiveGroup); Read hands them
// over as a Group either way.
type Store interface {
	Read(fn func(ix *index.Group) error) error
	Catalogue(ctx context.Context) ([]index.Entry, error)
}

// Options configure a Server.
type Options struct {
	Store Store
	// Public accepts requests for any host name. Without it only loopback
	// names are served (see the package documentation).
	Public bool
	// Log receives unexpected errors (nil: discarded).
	Log io.Writer
}

// Server serves the pages and the API.
type Server struct {
	store  Store
	public bool
	log    *log.Logger
	pages  map[string]*template.Template
	mux    *http.ServeMux
}

// contentPolicy allows nothing but this server's own scripts, styles and
// images: no inline script, no other origin, no framing.
const contentPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// New returns a Server for o.
func New(o Options) (*Server, error) {
	if o.Store == nil {
		return nil, errors.New("web: no store")
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	s := &Server{store: o.Store, public: o.Public, log: log.New(o.Log, "ofsted serve: ", log.LstdFlags)}
	var err error
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	m := http.NewServeMux()
	m.Handle("/{$}", s.page(s.searchPage))
	m.Handle("/doc/{id}", s.page(s.documentPage))
	m.Handle("/authority/{code}", s.page(s.authorityPage))
	m.Handle("/summary", s.page(s.summaryPage))
	m.Handle("/source/{id}", s.page(s.source))
	m.Handle("/static/", http.StripPrefix("/static/", staticHandler(static)))
	m.Handle("/api/search", s.api(s.apiSearch))
	m.Handle("/api/documents", s.api(s.apiDocuments))
	m.Handle("/api/documents/{id}", s.api(s.apiDocument))
	m.Handle("/api/authorities", s.api(s.apiAuthorities))
	m.Handle("/api/authorities/{code}", s.api(s.apiAuthority))
	m.Handle("/api/summary", s.api(s.apiSummary))
	m.Handle("/api/export", s.api(s.apiExport))
	m.Handle("/api/", s.api(func(w http.ResponseWriter, r *http.Request) error {
		return notFound("no such API: %s", r.URL.Path)
	}))
	m.Handle("/", s.page(func(w http.ResponseWriter, r *http.Request) error {
		return notFound("no such page: %s", r.URL.Path)
	}))
	s.mux = m
	return s, nil
}

// staticHandler serves the embedded assets, which change only with the
// binary.
func staticHandler(static fs.FS) http.Handler {
	files := http.FileServerFS(static)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

// ServeHTTP applies what holds for every response (security headers, the
// host and method checks, timing) and routes the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tw := &timingWriter{ResponseWriter: w, start: time.Now()}
	h := tw.Header()
	h.Set("Content-Security-Policy", contentPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	isAPI := strings.HasPrefix(r.URL.Path, "/api/")
	switch {
	case !s.public && !loopbackHost(r.Host):
		s.fail(tw, r, isAPI, &httpError{status: http.StatusMisdirectedRequest,
			msg: fmt.Sprintf("host %q is not this machine: the server answers only to localhost names (start it with --public to serve other names)", r.Host)})
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		h.Set("Allow", "GET, HEAD")
		s.fail(tw, r, isAPI, &httpError{status: http.StatusMethodNotAllowed, msg: "only GET and HEAD are served"})
	default:
		s.mux.ServeHTTP(tw, r)
	}
}

// loopbackHost reports whether a Host header names this machine by a
// loopback name or address.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// timingWriter adds a Server-Timing header with the time from the start of
// the request to its first byte.
type timingWriter struct {
	http.ResponseWriter
	start   time.Time
	written bool
}

func (t *timingWriter) WriteHeader(status int) {
	if !t.written {
		t.written = true
		ms := float64(time.Since(t.start).Microseconds()) / 1000
		t.Header().Set("Server-Timing", "app;dur="+strconv.FormatFloat(ms, 'f', 2, 64))
	}
	t.ResponseWriter.WriteHeader(status)
}

func (t *timingWriter) Write(b []byte) (int, error) {
	if !t.written {
		t.WriteHeader(http.StatusOK)
	}
	return t.ResponseWriter.Write(b)
}

func (t *timingWriter) Unwrap() http.ResponseWriter { return t.ResponseWriter }

// httpError is an error with the status it answers with.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func notFound(format string, a ...any) error {
	return &httpError{status: http.StatusNotFound, msg: fmt.Sprintf(format, a...)}
}

func badRequest(format string, a ...any) error {
	return &httpError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, a...)}
}

// status maps an error to its HTTP status and the message shown: errors of
// the query are the user's (400), unknown documents are 404, an index that
// is away for now is 503, anything else is ours (500, logged, not shown).
func (s *Server) status(r *http.Request, err error) (int, string) {
	var he *httpError
	var le *index.LockedError
	switch {
	case errors.As(err, &he):
		return he.status, he.msg
	case errors.Is(err, index.ErrQuery):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, index.ErrNotFound):
		return http.StatusNotFound, err.Error()
	case errors.As(err, &le):
		if le.PID > 0 {
			return http.StatusServiceUnavailable, fmt.Sprintf("The index is being updated by process %d (ofsted ingest); this page comes back when it has finished.", le.PID)
		}
		return http.StatusServiceUnavailable, "The index is being updated; this page comes back when it has finished."
	case errors.Is(err, index.ErrNoIndex):
		return http.StatusServiceUnavailable, "There is no index yet: run 'ofsted ingest FOLDER' with the same --index; this page comes back when it has finished."
	case errors.Is(err, index.ErrNotIndexed):
		return http.StatusServiceUnavailable, "The search index has not been built yet: run 'ofsted ingest' or 'ofsted reindex' with the same --index."
	case errors.Is(err, context.Canceled):
		return 499, "request cancelled"
	}
	s.log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	return http.StatusInternalServerError, "Something went wrong on the server; its log says what."
}

// fail answers with err, as JSON under /api/ and as a page elsewhere.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, api bool, err error) {
	status, msg := s.status(r, err)
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "2")
	}
	if api {
		writeJSON(w, status, map[string]any{"error": msg, "status": status})
		return
	}
	s.render(w, r, "error", status, errorData{Status: status, Message: msg, Retry: status == http.StatusServiceUnavailable})
}

// page adapts a page handler: its error becomes an error page.
func (s *Server) page(fn func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			s.fail(w, r, false, err)
		}
	})
}

// api adapts an API handler: its error becomes a JSON error.
func (s *Server) api(fn func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			s.fail(w, r, true, err)
		}
	})
}

// writeJSON writes v as indented JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"error":"encode response"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// render executes a page template into a buffer first, so that a template
// error becomes an error page, not half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, status int, data any) {
	t := s.pages[name]
	var b bytes.Buffer
	if t == nil {
		s.log.Printf("%s: no template %s", r.URL.Path, name)
		http.Error(w, "no template", http.StatusInternalServerError)
		return
	}
	if err := t.ExecuteTemplate(&b, "layout", data); err != nil {
		s.log.Printf("%s: render %s: %v", r.URL.Path, name, err)
		http.Error(w, "render failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// errorData is the error page's data.
type errorData struct {
	Status  int
	Message string
	Retry   bool // the index is away for now: the page reloads itself
}

func (errorData) Title() string { return "Not available" }
