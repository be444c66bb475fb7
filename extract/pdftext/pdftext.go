package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/ledongthuc/pdf"
)

// Sentinel errors callers branch on.
var (
	ErrEncrypted   = errors.New("encrypted PDF")
	ErrNoText      = errors.New("no text layer (scanned?)")
	ErrUndecodable = errors.New("text cannot be decoded")
	ErrCorrupt     = errors.New("corrupt PDF")
	ErrTooLarge    = errors.New("file too large")
)

// Options limits the work done on one file.
type Options struct {
	MaxBytes int64 // file size limit; 0: no limit
	MaxPages int   // pages read from the start; 0: all
}

// maxUndecodable is the share of a file's glyphs that may be undecodable
// (and dropped) before Read gives up with ErrUndecodable.
const maxUndecodable = 0.02

// minUndecodable is the number of undecodable glyphs always tolerated.
const minUndecodable = 20

// maxPages bounds the page count believed from a file.
const maxPages = 100000

// File is what Read finds in a PDF.
type File struct {
	// Pages holds the text of each page, in reading order, with lines
	// separated by '\n' and paragraphs by a blank line. A page that has
	// text ends with '\n', like pdftotext's, so pages joined with '\f'
	// never run one line into the next.
	Pages []string
	// Created is the file's creation date as YYYY-MM-DD (the /Info
	// dictionary's /CreationDate, else the XMP metadata's CreateDate), or
	// "" when the file has none that is a whole, real date.
	Created string
}

// Read returns the text of the PDF in r and its creation date.
//
// Errors wrap ErrTooLarge, ErrCorrupt (not a PDF, or the file structure is
// broken), ErrEncrypted (a password is needed), ErrNoText (no page has
// text), ErrUndecodable (too many glyphs have no known Unicode meaning), or
// are the context's error. Broken metadata is not an error: Created is
// then empty.
func Read(ctx context.Context, r io.ReaderAt, size int64, opt Options) (*File, error) {
	if opt.MaxBytes > 0 && size > opt.MaxBytes {
		return nil, fmt.Errorf("read pdf: %d bytes over the limit of %d: %w", size, opt.MaxBytes, ErrTooLarge)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d := &doc{ctx: ctx, fonts: map[fontKey]*font{}}
	var f *File
	var readErr error
	if err := d.guard(func() { f, readErr = d.read(r, size, opt) }); err != nil {
		return nil, err
	}
	if readErr != nil {
		return nil, readErr
	}
	return f, nil
}

// doc is the state of reading one file: caches and counts.
type doc struct {
	ctx         context.Context
	fonts       map[fontKey]*font
	glyphs, bad int // glyphs shown, and those that could not be decoded
}

type fontKey struct {
	obj  uint64
	name string
}

// abort carries a context error out of the interpreter through panic.
type abort struct{ err error }

// guard runs f, turning a panic into an error. It is the single recover
// boundary between this package and the PDF library: the library reports
// malformed input by panicking, anywhere.
func (d *doc) guard(f func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if a, ok := p.(abort); ok {
				err = a.err
				return
			}
			err = fmt.Errorf("read pdf: %w: %v", ErrCorrupt, p)
		}
	}()
	f()
	return nil
}

func (d *doc) checkContext() {
	if err := d.ctx.Err(); err != nil {
		panic(abort{err})
	}
}

func (d *doc) read(r io.ReaderAt, size int64, opt Options) (*File, error) {
	rd, err := pdf.NewReader(r, size)
	if err != nil {
		if hasEncrypt(r, size) {
			return nil, fmt.Errorf("read pdf: %w: %v", ErrEncrypted, err)
		}
		return nil, fmt.Errorf("read pdf: %w: %v", ErrCorrupt, err)
	}
	limit := maxPages
	if opt.MaxPages > 0 {
		limit = opt.MaxPages
	}
	tree := d.pageTree(rd.Trailer().Key("Root").Key("Pages"), limit)
	n := len(tree)
	pages := make([]string, 0, n)
	var damaged []error
	for i, pv := range tree {
		d.checkContext()
		text, err := d.page(pdf.Page{V: pv})
		if err != nil {
			if errors.Is(err, d.ctx.Err()) && d.ctx.Err() != nil {
				return nil, err
			}
			damaged = append(damaged, fmt.Errorf("page %d: %w", i+1, err))
		}
		pages = append(pages, text)
	}
	if d.bad > minUndecodable && float64(d.bad) > maxUndecodable*float64(d.glyphs) {
		return nil, fmt.Errorf("read pdf: %d of %d glyphs (%.1f%%) have no known text: %w",
			d.bad, d.glyphs, 100*float64(d.bad)/float64(d.glyphs), ErrUndecodable)
	}
	empty := true
	for _, p := range pages {
		if strings.TrimSpace(p) != "" {
			empty = false
			break
		}
	}
	if empty {
		if len(damaged) > 0 {
			return nil, fmt.Errorf("read pdf: %w: %v", ErrCorrupt, errors.Join(damaged...))
		}
		return nil, fmt.Errorf("read pdf: %d pages: %w", n, ErrNoText)
	}
	return &File{Pages: pages, Created: d.created(rd)}, nil
}

// pageTree lists the page objects under the page tree node root, in order,
// up to limit pages. It walks the tree once (the library's Reader.Page walks
// it from the root for every page) and ignores nodes met twice.
func (d *doc) pageTree(root pdf.Value, limit int) []pdf.Value {
	var pages []pdf.Value
	seen := map[uint64]bool{}
	var walk func(node pdf.Value, depth int)
	walk = func(node pdf.Value, depth int) {
		kids := node.Key("Kids")
		for i, n := 0, kids.Len(); i < n && len(pages) < limit; i++ {
			kid := kids.Index(i)
			if kid.Kind() != pdf.Dict {
				continue
			}
			if kid.Key("Type").Name() == "Pages" || kid.Key("Type").IsNull() && !kid.Key("Kids").IsNull() {
				id := objectID(kid)
				if depth >= 64 || seen[id] {
					continue
				}
				seen[id] = true
				walk(kid, depth+1)
				continue
			}
			pages = append(pages, kid)
		}
	}
	walk(root, 0)
	return pages
}

// page extracts the text of one page. A content stream that breaks part
// way keeps the text read before the break, and reports the break.
func (d *doc) page(p pdf.Page) (string, error) {
	if p.V.IsNull() {
		return "", nil
	}
	ps := &pageState{d: d, forms: map[uint64]bool{}}
	ps.box = pageBox(p)
	g := gstate{ctm: identity, th: 1}
	err := d.guard(func() {
		ps.run(p.V.Key("Contents"), inherited(p.V, "Resources"), g)
	})
	text := layoutPage(ps.glyphs)
	if text != "" {
		text += "\n" // as pdftotext: pages joined with '\f' keep their last line apart
	}
	return text, err
}

// inherited looks key up on the page and its ancestors.
func inherited(v pdf.Value, key string) pdf.Value {
	for i := 0; i < 32 && !v.IsNull(); i++ {
		if x := v.Key(key); !x.IsNull() {
			return x
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

func pageBox(p pdf.Page) [4]float64 {
	box := inherited(p.V, "CropBox")
	if box.Len() != 4 {
		box = inherited(p.V, "MediaBox")
	}
	if box.Len() != 4 {
		return [4]float64{0, 0, 612, 792}
	}
	var b [4]float64
	for i := range b {
		b[i] = box.Index(i).Float64()
	}
	if b[0] > b[2] {
		b[0], b[2] = b[2], b[0]
	}
	if b[1] > b[3] {
		b[1], b[3] = b[3], b[1]
	}
	if b[2]-b[0] < 1 || b[3]-b[1] < 1 {
		return [4]float64{-1e6, -1e6, 1e6, 1e6}
	}
	return b
}

// font returns the decoder of the font resource name.
func (d *doc) font(resources pdf.Value, name string) *font {
	v := resources.Key("Font").Key(name)
	if v.Kind() != pdf.Dict {
		return nil
	}
	k := fontKey{objectID(v), name}
	if f, ok := d.fonts[k]; ok {
		return f
	}
	f := d.loadFont(v)
	d.fonts[k] = f
	return f
}

// objectID identifies the indirect object v was read from (its own number
// for an indirect object, its container's for a direct one). The library
// does not export it and re-parses objects on every access, so decoders are
// cached by it.
func objectID(v pdf.Value) uint64 {
	rv := reflect.ValueOf(v)
	p := rv.FieldByName("ptr")
	if !p.IsValid() || p.Kind() != reflect.Struct || p.NumField() < 2 {
		return 0
	}
	return p.Field(0).Uint()<<16 | p.Field(1).Uint()
}

// hasEncrypt reports whether the file has an /Encrypt entry in a trailer or
// cross-reference stream dictionary (which are never compressed).
func hasEncrypt(r io.ReaderAt, size int64) bool {
	const chunk = 1 << 16
	key := []byte("/Encrypt")
	buf := make([]byte, chunk+len(key))
	for off := int64(0); off < size; off += chunk {
		n, _ := r.ReadAt(buf, off)
		if n <= 0 {
			break
		}
		if bytes.Contains(buf[:n], key) {
			return true
		}
	}
	return false
}
