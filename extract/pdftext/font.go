package pdftext

// Fonts: how a shown string splits into codes, what each code's advance is,
// and what text each code stands for. Decoders are built once per font
// object per file and cache every code they have decoded.

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// glyphInfo is what a font says about one code.
type glyphInfo struct {
	text  string  // decoded text; "" when undecodable or intentionally empty
	w     float64 // advance in text space units per unit font size
	space bool    // the one-byte code 32, to which word spacing Tw applies
	bad   bool    // nothing could decode the code
}

// font decodes the strings shown with one font resource.
type font struct {
	cid    bool
	spaces []codespace // code lengths (Type0 only)
	enc    *cmap       // embedded encoding CMap (Type0), nil for Identity
	ucs2   bool        // predefined Unicode encoding CMap: codes are UTF-16
	toUni  *cmap
	prog   *fontProgram
	simple *[256]glyphInfo
	cache  map[uint32]glyphInfo

	// CID fonts.
	cidToGID []uint16 // nil: identity
	widths   map[uint32]float64
	dw       float64
	cff      bool // CIDFontType0: CID is the glyph id only for OpenType programs
}

// maxFontBytes bounds how much of one embedded font program is read.
const maxFontBytes = 16 << 20

// loadFont builds the decoder of the font dictionary v.
func (d *doc) loadFont(v pdf.Value) *font {
	f := &font{}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.toUni = d.readCMap(tu)
	}
	switch v.Key("Subtype").Name() {
	case "Type0":
		d.loadCIDFont(f, v)
	default:
		d.loadSimpleFont(f, v)
	}
	return f
}

func (d *doc) loadCIDFont(f *font, v pdf.Value) {
	f.cid = true
	f.cache = make(map[uint32]glyphInfo)
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case pdf.Stream:
		f.enc = d.readCMap(enc)
		f.spaces = f.enc.spaces
	case pdf.Name:
		n := enc.Name()
		f.ucs2 = strings.HasPrefix(n, "Uni") && (strings.Contains(n, "UCS2") || strings.Contains(n, "UTF16"))
	}
	if len(f.spaces) == 0 {
		f.spaces = []codespace{{n: 2, hi: [4]byte{0xFF, 0xFF}}}
	}
	desc := v.Key("DescendantFonts").Index(0)
	f.cff = desc.Key("Subtype").Name() == "CIDFontType0"
	f.dw = 1
	if dw := desc.Key("DW"); !dw.IsNull() {
		f.dw = dw.Float64() / 1000
	}
	f.widths = make(map[uint32]float64)
	w := desc.Key("W")
	for i := 0; i < w.Len(); {
		first := w.Index(i)
		if first.Kind() != pdf.Integer && first.Kind() != pdf.Real {
			break
		}
		c := uint32(first.Int64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for k := 0; k < next.Len() && k < 1<<16; k++ {
				f.widths[c+uint32(k)] = next.Index(k).Float64() / 1000
			}
			i += 2
			continue
		}
		last, wd := uint32(next.Int64()), w.Index(i+2).Float64()/1000
		for k := c; k <= last && k-c < 1<<16; k++ {
			f.widths[k] = wd
		}
		i += 3
	}
	if m := desc.Key("CIDToGIDMap"); m.Kind() == pdf.Stream {
		if b := d.readStream(m, 1<<18); len(b) > 0 {
			f.cidToGID = make([]uint16, len(b)/2)
			for i := range f.cidToGID {
				f.cidToGID[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			}
		}
	}
	f.prog = d.loadProgram(desc.Key("FontDescriptor"))
}

func (d *doc) loadSimpleFont(f *font, v pdf.Value) {
	f.simple = new([256]glyphInfo)
	subtype := v.Key("Subtype").Name()
	scale := 0.001
	if subtype == "Type3" {
		if fm := v.Key("FontMatrix"); fm.Len() == 6 {
			scale = fm.Index(0).Float64()
		}
	}
	fd := v.Key("FontDescriptor")
	missing := fd.Key("MissingWidth").Float64() * scale
	if missing == 0 {
		missing = 0.5
	}
	first := int(v.Key("FirstChar").Int64())
	widths := v.Key("Widths")
	nw := widths.Len()
	for c := 0; c < 256; c++ {
		f.simple[c].w = missing
		if i := c - first; i >= 0 && i < nw {
			f.simple[c].w = widths.Index(i).Float64() * scale
		}
	}
	if nw == 0 {
		f.simple[' '].w = 0.25
	}
	base := v.Key("BaseFont").Name()
	if i := strings.IndexByte(base, '+'); i >= 0 {
		base = base[i+1:]
	}
	f.prog = d.loadProgram(fd)
	symbolic := fd.Key("Flags").Int64()&4 != 0
	// The base encoding and the Differences.
	enc := encNone
	var diff [256]string
	encV := v.Key("Encoding")
	encName := encV.Name()
	if encV.Kind() == pdf.Dict {
		encName = encV.Key("BaseEncoding").Name()
		dv := encV.Key("Differences")
		code := 0
		for i := 0; i < dv.Len(); i++ {
			x := dv.Index(i)
			switch x.Kind() {
			case pdf.Integer:
				code = int(x.Int64())
			case pdf.Name:
				if code >= 0 && code < 256 {
					diff[code] = x.Name()
				}
				code++
			}
		}
	}
	switch encName {
	case "WinAnsiEncoding":
		enc = encWinAnsi
	case "MacRomanEncoding":
		enc = encMacRoman
	case "StandardEncoding", "MacExpertEncoding":
		enc = encStandard
	default:
		switch {
		case strings.HasPrefix(base, "Symbol"):
			enc = encSymbol
		case strings.Contains(base, "Dingbats") || strings.Contains(base, "Wingdings") || strings.Contains(base, "Webdings"):
			enc = encNone
		case subtype == "Type3":
			enc = encNone
		case symbolic && f.prog != nil:
			enc = encNone
		case subtype == "TrueType":
			enc = encWinAnsi
		default:
			enc = encStandard
		}
	}
	var builtin map[int]string
	if enc == encNone && f.prog == nil {
		builtin = d.type1Encoding(fd.Key("FontFile"))
	}
	for c := 0; c < 256; c++ {
		g := &f.simple[c]
		g.text = f.decodeSimple(byte(c), enc, diff[c], builtin)
		g.bad = g.text == ""
		g.space = c == ' '
	}
}

// decodeSimple decodes code c of a simple font.
func (f *font) decodeSimple(c byte, enc baseEncoding, diff string, builtin map[int]string) string {
	if t, ok := f.toUni.lookupText(uint32(c)); ok {
		if t, ok := cleanText(t); ok {
			return t
		}
	}
	if diff != "" {
		if t, ok := cleanText(nameToText(diff)); ok {
			return t
		}
	}
	if enc != encNone {
		if r := enc.rune(c); r != 0 {
			if t, ok := cleanText(string(r)); ok {
				return t
			}
		}
	}
	if name, ok := builtin[int(c)]; ok {
		if t, ok := cleanText(nameToText(name)); ok {
			return t
		}
	}
	if p := f.prog; p != nil {
		// The font's built-in encoding: its own cmap, symbol (3,0) first.
		var gid uint16
		ok := false
		for _, hi := range []uint32{0xF000, 0, 0xF100, 0xF200} {
			if gid, ok = p.lookup(3, 0, hi|uint32(c)); ok {
				break
			}
		}
		if !ok {
			gid, ok = p.lookup(1, 0, uint32(c))
		}
		if !ok && enc != encNone {
			if r := enc.rune(c); r != 0 {
				gid, ok = p.lookup(3, 1, uint32(r))
			}
		}
		if ok {
			if t, ok := f.textForGlyph(gid); ok {
				return t
			}
		}
		if p.has(3, 0) {
			// Symbol fonts: keep the private-use code point (bullets).
			return string(rune(0xF000 | uint32(c)))
		}
	}
	if enc == encNone {
		if r := encStandard.rune(c); r != 0 && f.prog == nil && len(builtin) == 0 {
			return string(r)
		}
	}
	return ""
}

// textForGlyph decodes a glyph id through the embedded program.
func (f *font) textForGlyph(gid uint16) (string, bool) {
	p := f.prog
	if p == nil {
		return "", false
	}
	if r, ok := p.runeForGlyph(gid); ok {
		if t, ok := cleanText(string(r)); ok {
			return t, true
		}
	}
	if name := p.glyphName(gid); name != "" {
		if t, ok := cleanText(nameToText(name)); ok {
			return t, true
		}
	}
	return "", false
}

// glyph returns what the font says about code; n is the code's byte length.
func (f *font) glyph(code uint32, n int) glyphInfo {
	if !f.cid {
		return f.simple[code&0xFF]
	}
	if g, ok := f.cache[code]; ok {
		return g
	}
	g := glyphInfo{space: n == 1 && code == 32}
	cid := code
	if f.enc != nil {
		if c, ok := f.enc.cid(code); ok {
			cid = c
		}
	}
	g.w = f.dw
	if w, ok := f.widths[cid]; ok {
		g.w = w
	}
	g.text = f.decodeCID(code, cid, n)
	g.bad = g.text == ""
	if len(f.cache) < 1<<16 {
		f.cache[code] = g
	}
	return g
}

func (f *font) decodeCID(code, cid uint32, n int) string {
	if t, ok := f.toUni.lookupText(code); ok {
		if t, ok := cleanText(t); ok {
			return t
		}
	}
	if f.ucs2 && n == 2 {
		if t, ok := cleanText(string(rune(code))); ok {
			return t
		}
	}
	gid := cid
	if f.cidToGID != nil {
		if int(cid) >= len(f.cidToGID) {
			return ""
		}
		gid = uint32(f.cidToGID[cid])
	}
	if gid == 0 || gid > 0xFFFF {
		return ""
	}
	t, _ := f.textForGlyph(uint16(gid))
	return t
}

// loadProgram parses the TrueType/OpenType program of a font descriptor.
func (d *doc) loadProgram(fd pdf.Value) *fontProgram {
	if fd.Kind() != pdf.Dict {
		return nil
	}
	s := fd.Key("FontFile2")
	if s.Kind() != pdf.Stream {
		s = fd.Key("FontFile3")
		if s.Kind() != pdf.Stream || s.Key("Subtype").Name() != "OpenType" {
			return nil
		}
	}
	data := d.readStream(s, maxFontBytes)
	if len(data) < 12 {
		return nil
	}
	return parseFontProgram(data)
}

var type1EncodingRE = regexp.MustCompile(`dup\s+(\d+)\s*/([^\s/\[\]{}()<>]+)\s+put`)

// type1Encoding reads the built-in encoding of an embedded Type 1 program
// from its clear-text part.
func (d *doc) type1Encoding(s pdf.Value) map[int]string {
	if s.Kind() != pdf.Stream {
		return nil
	}
	n := s.Key("Length1").Int64()
	if n <= 0 || n > 1<<20 {
		n = 1 << 16
	}
	data := d.readStream(s, n)
	if i := bytes.Index(data, []byte("eexec")); i >= 0 {
		data = data[:i]
	}
	m := map[int]string{}
	for _, sm := range type1EncodingRE.FindAllSubmatch(data, 512) {
		c, err := strconv.Atoi(string(sm[1]))
		if err == nil && c < 256 {
			m[c] = string(sm[2])
		}
	}
	return m
}

// readStream returns up to max decoded bytes of stream s.
func (d *doc) readStream(s pdf.Value, limit int64) []byte {
	rc := s.Reader()
	defer rc.Close()
	// Start from a guess at the decoded size (streams are mostly
	// Flate, which shrinks text about four times): growing from 512
	// bytes by doubling was a tenth of reading a PDF.
	hint := 4*s.Key("Length").Int64() + 512
	b := make([]byte, 0, min(max(hint, 512), limit, 1<<24))
	r := io.LimitReader(rc, limit)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			return b
		}
	}
}

// cleanText normalises decoded text: ligatures spelt out, no-break space as
// space, control characters, U+FFFD and zero-width marks dropped. It
// reports false when nothing is left.
func cleanText(t string) (string, bool) {
	clean := true
	for _, r := range t {
		if r < 0x20 || r == 0x7F || r == utf8.RuneError || r == 0xA0 || r >= 0xFB00 && r <= 0xFB06 ||
			r == 0xFEFF || r == 0x200B || (r >= 0x80 && r < 0xA0) {
			clean = false
			break
		}
	}
	if clean {
		return t, t != ""
	}
	var b strings.Builder
	for _, r := range t {
		switch {
		case r == 0xA0:
			b.WriteByte(' ')
		case r >= 0xFB00 && r <= 0xFB06:
			b.WriteString(expandLigature(r))
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7F || r == utf8.RuneError || r == 0xFEFF || r == 0x200B || (r >= 0x80 && r < 0xA0):
		case !unicode.IsPrint(r) && !unicode.Is(unicode.Co, r) && !unicode.IsSpace(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), b.Len() > 0
}
