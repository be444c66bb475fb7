package pdftext

// This file reads the two tables of an embedded TrueType or OpenType font
// program that tell what a glyph is: 'cmap' (character code to glyph, which
// reversed gives glyph to Unicode) and 'post' (glyph names). Font subsets
// embedded in PDFs routinely lack tables that a full font must have, which
// golang.org/x/image/font/sfnt rejects; sfnt is used when it accepts the
// program, and a tolerant reader of the table directory covers the rest.

import (
	"encoding/binary"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// fontProgram is what was learnt from one embedded font program.
type fontProgram struct {
	sub     []cmapSubtable // every cmap subtable that could be read
	uniRev  map[uint16]rune
	names   []string // post table glyph names by glyph id; nil when absent
	sf      *sfnt.Font
	sfBuf   sfnt.Buffer
	nGlyphs int
}

type cmapSubtable struct {
	platform, encoding uint16
	m                  map[uint32]uint16 // code -> glyph id
}

// parseFontProgram reads data, a TrueType/OpenType font program. It returns
// nil when data holds nothing usable.
func parseFontProgram(data []byte) *fontProgram {
	p := &fontProgram{}
	if f, err := sfnt.Parse(data); err == nil {
		p.sf = f
		p.nGlyphs = f.NumGlyphs()
	}
	tables := readTableDirectory(data)
	if t, ok := tables["cmap"]; ok {
		p.sub = readCmapTable(t)
	}
	if p.sf == nil {
		if t, ok := tables["post"]; ok {
			p.names = readPostNames(t)
		}
	}
	// Reverse the Unicode subtables: glyph -> rune. A glyph reachable from
	// several code points keeps the lowest that is not private use.
	for _, s := range p.sub {
		if !(s.platform == 0 || s.platform == 3 && (s.encoding == 1 || s.encoding == 10)) {
			continue
		}
		if p.uniRev == nil {
			p.uniRev = make(map[uint16]rune, len(s.m))
		}
		for c, g := range s.m {
			if g == 0 || c > unicode.MaxRune {
				continue
			}
			r := rune(c)
			if old, ok := p.uniRev[g]; ok && !(isPrivateUse(old) && !isPrivateUse(r)) && (isPrivateUse(r) || old < r) {
				continue
			}
			p.uniRev[g] = r
		}
	}
	if p.sf == nil && p.sub == nil && p.names == nil {
		return nil
	}
	return p
}

func isPrivateUse(r rune) bool { return r >= 0xE000 && r <= 0xF8FF }

// runeForGlyph returns the Unicode the font's own cmap gives glyph gid.
func (p *fontProgram) runeForGlyph(gid uint16) (rune, bool) {
	r, ok := p.uniRev[gid]
	return r, ok
}

// glyphName returns the post-table name of gid, or "".
func (p *fontProgram) glyphName(gid uint16) string {
	if p.sf != nil {
		if int(gid) >= p.nGlyphs {
			return ""
		}
		name, err := p.sf.GlyphName(&p.sfBuf, sfnt.GlyphIndex(gid))
		if err != nil {
			return ""
		}
		return name
	}
	if int(gid) < len(p.names) {
		return p.names[gid]
	}
	return ""
}

// lookup maps code through the subtable (platform, encoding), if present.
func (p *fontProgram) lookup(platform, encoding uint16, code uint32) (uint16, bool) {
	for _, s := range p.sub {
		if s.platform == platform && s.encoding == encoding {
			g, ok := s.m[code]
			return g, ok && g != 0
		}
	}
	return 0, false
}

func (p *fontProgram) has(platform, encoding uint16) bool {
	for _, s := range p.sub {
		if s.platform == platform && s.encoding == encoding {
			return true
		}
	}
	return false
}

// readTableDirectory returns the tables of an sfnt font by tag, clipped to data.
func readTableDirectory(data []byte) map[string][]byte {
	if len(data) < 12 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if 12+16*n > len(data) {
		return nil
	}
	tables := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		e := data[12+16*i:]
		off := int64(binary.BigEndian.Uint32(e[8:]))
		length := int64(binary.BigEndian.Uint32(e[12:]))
		if off >= int64(len(data)) {
			continue
		}
		end := off + length
		if end > int64(len(data)) {
			end = int64(len(data))
		}
		tables[string(e[:4])] = data[off:end]
	}
	return tables
}

// readCmapTable decodes every subtable of formats 0, 4, 6 and 12.
func readCmapTable(t []byte) []cmapSubtable {
	if len(t) < 4 {
		return nil
	}
	n := int(u16(t, 2))
	var subs []cmapSubtable
	for i := 0; i < n; i++ {
		rec := 4 + 8*i
		if rec+8 > len(t) {
			break
		}
		off := int(u32(t, rec+4))
		if off < 0 || off+4 > len(t) {
			continue
		}
		m := readCmapSubtable(t[off:])
		if m == nil {
			continue
		}
		subs = append(subs, cmapSubtable{platform: u16(t, rec), encoding: u16(t, rec+2), m: m})
	}
	return subs
}

func readCmapSubtable(s []byte) map[uint32]uint16 {
	m := map[uint32]uint16{}
	switch u16(s, 0) {
	case 0:
		for c := 0; c < 256 && 6+c < len(s); c++ {
			if g := s[6+c]; g != 0 {
				m[uint32(c)] = uint16(g)
			}
		}
	case 4:
		segX2 := int(u16(s, 6))
		ends, starts, deltas, offs := 14, 16+segX2, 16+2*segX2, 16+3*segX2
		if offs+segX2 > len(s) {
			return nil
		}
		for i := 0; i < segX2; i += 2 {
			end, start := uint32(u16(s, ends+i)), uint32(u16(s, starts+i))
			delta, ro := u16(s, deltas+i), int(u16(s, offs+i))
			if start > end || end-start > 0x10000 {
				continue
			}
			for c := start; c <= end && c != 0xFFFF; c++ {
				var g uint16
				if ro == 0 {
					g = uint16(c) + delta
				} else {
					at := offs + i + ro + 2*int(c-start)
					if at+2 > len(s) {
						break
					}
					if g = u16(s, at); g != 0 {
						g += delta
					}
				}
				if g != 0 {
					m[c] = g
				}
			}
		}
	case 6:
		first, count := uint32(u16(s, 6)), int(u16(s, 8))
		for i := 0; i < count && 10+2*i+2 <= len(s); i++ {
			if g := u16(s, 10+2*i); g != 0 {
				m[first+uint32(i)] = g
			}
		}
	case 12:
		if len(s) < 16 {
			return nil
		}
		groups := int(u32(s, 12))
		for i := 0; i < groups && 16+12*i+12 <= len(s); i++ {
			g := s[16+12*i:]
			start, end, gid := u32(g, 0), u32(g, 4), u32(g, 8)
			if start > end || end-start > 0x10000 {
				continue
			}
			for c := start; c <= end; c++ {
				if gg := gid + (c - start); gg != 0 && gg <= 0xFFFF {
					m[c] = uint16(gg)
				}
			}
		}
	default:
		return nil
	}
	return m
}

// readPostNames returns the glyph names of a 'post' table of format 1 or 2.
func readPostNames(t []byte) []string {
	if len(t) < 32 {
		return nil
	}
	switch u32(t, 0) {
	case 0x00010000:
		return macGlyphNames[:]
	case 0x00020000:
		if len(t) < 34 {
			return nil
		}
		n := int(u16(t, 32))
		if 34+2*n > len(t) {
			return nil
		}
		var extra []string
		for p := 34 + 2*n; p < len(t); {
			l := int(t[p])
			if p+1+l > len(t) {
				break
			}
			extra = append(extra, string(t[p+1:p+1+l]))
			p += 1 + l
		}
		names := make([]string, n)
		for g := 0; g < n; g++ {
			idx := int(u16(t, 34+2*g))
			switch {
			case idx < 258:
				names[g] = macGlyphNames[idx]
			case idx-258 < len(extra):
				names[g] = extra[idx-258]
			}
		}
		return names
	}
	return nil
}

func u16(b []byte, i int) uint16 {
	if i < 0 || i+2 > len(b) {
		return 0
	}
	return binary.BigEndian.Uint16(b[i:])
}

func u32(b []byte, i int) uint32 {
	if i < 0 || i+4 > len(b) {
		return 0
	}
	return binary.BigEndian.Uint32(b[i:])
}
