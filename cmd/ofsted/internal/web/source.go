package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/ofsted/ofsted/index"
)

// maxSource bounds the size of a source file served (the ingest's own
// default limit is lower).
const maxSource = 512 << 20

// source serves the file a document came from. The URL names a document
// ID, never a path; the path comes from the record, and the file is served
// only if its content still has the recorded SHA-256 (see the package
// documentation). The file is read once, hashed, and served from memory,
// so what is checked is what is sent.
func (s *Server) source(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if !docID.MatchString(id) {
		return notFound("no document %q", id)
	}
	var rec index.Record
	err := s.store.Read(func(ix *index.Group) error {
		v, err := ix.Document(id)
		if err != nil {
			return err
		}
		var ok bool
		rec, ok, err = ix.Meta(v.Path)
		if err == nil && !ok {
			err = notFound("no record of %s", v.Path)
		}
		return err
	})
	if err != nil {
		return err
	}
	data, mod, err := readRecorded(rec)
	if err != nil {
		return &httpError{status: http.StatusGone, msg: fmt.Sprintf("The source file is no longer as it was ingested (%v); ingest its folder again.", err)}
	}
	h := w.Header()
	switch rec.Format {
	case "pdf":
		// The content is a PDF (ingest decided the format by content, and
		// the hash says it is unchanged) and is shown by the browser's own
		// viewer, which a page policy may keep from starting (browsers show
		// a PDF as a plugin in a page of their own): no policy on this
		// answer.
		h.Set("Content-Type", "application/pdf")
		h.Del("Content-Security-Policy")
	case "html":
		// A saved web page is shown as its text, in a sandbox: its scripts
		// must never run with this server's origin.
		h.Set("Content-Type", "text/plain; charset=utf-8")
		h.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	default:
		h.Set("Content-Type", "text/plain; charset=utf-8")
		h.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	}
	name := filepath.Base(rec.Path)
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": name}))
	h.Set("Cache-Control", "no-store")
	http.ServeContent(w, r, "", mod, bytes.NewReader(data))
	return nil
}

// errChanged says that a recorded file's content is not what was
// recorded.
var errChanged = errors.New("content changed since it was ingested")

// readRecorded reads the file of rec and checks it against the record.
func readRecorded(rec index.Record) ([]byte, time.Time, error) {
	f, err := os.Open(rec.Path)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	if !st.Mode().IsRegular() {
		return nil, time.Time{}, fmt.Errorf("%s is not a regular file", rec.Path)
	}
	if st.Size() != rec.Size || st.Size() > maxSource {
		return nil, time.Time{}, errChanged
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSource+1))
	if err != nil {
		return nil, time.Time{}, err
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != rec.SHA256 {
		return nil, time.Time{}, errChanged
	}
	return data, st.ModTime(), nil
}
