package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"time"
)

// errorPageHTML is what a web server sends for a missing report; saved
// under a .pdf name it is the commonest bad input in real folders. The
// wording is invented.
const errorPageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>404 - Page not found</title>
<style>body { font-family: sans-serif; margin: 4em; color: #333; }</style>
</head>
<body>
<h1>Sorry, we cannot find that page</h1>
<p>The document you asked for may have been moved, renamed or withdrawn.</p>
<p>Check the address, or search the reports archive for the provider you want.</p>
<p><a href="/">Return to the home page</a></p>
<p class="ref">Error reference: 404-7F3A-2291</p>
</body>
</html>
`

// brokenSize is where the copy of a good PDF is cut: inside the first
// page's content, long before the cross-reference table and trailer.
const brokenSize = 3000

// writeBroken writes the first brokenSize bytes of the PDF at src.
func writeBroken(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return fmt.Errorf("read %s: %w", src, err)
	}
	if len(b) < brokenSize {
		return fmt.Errorf("cut %s: only %d bytes", src, len(b))
	}
	return os.WriteFile(dst, b[:brokenSize], 0o644)
}

// writeODT writes a minimal OpenDocument text file: a type the ingester
// does not read, so it must be counted as skipped.
func writeODT(path string) error {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	stamp := time.Date(2024, 1, 5, 10, 0, 0, 0, time.UTC)
	for _, f := range []struct{ name, body string }{
		{"mimetype", "application/vnd.oasis.opendocument.text"},
		{"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>Notes for the sample folder: not an inspection document.</text:p></office:text></office:body></office:document-content>`},
	} {
		w, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Store, Modified: stamp})
		if err != nil {
			return fmt.Errorf("zip %s: %w", path, err)
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			return fmt.Errorf("zip %s: %w", path, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("zip %s: %w", path, err)
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
