// Command gen writes the PDF fixtures of package extract/pdftext.
//
// The fixtures are written by hand, object by object, so that each one
// exercises a single feature of the reader; they are modelled on the layouts
// of real inspection documents but hold invented text. Run from the
// repository root:
//
//	go run ./testdata/pdf/gen            # needs fonts-liberation and qpdf
//
// It writes testdata/pdf/*.pdf; the golden texts are refreshed with
// `go test ./extract/pdftext -update`.
package main

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

func main() {
	out := flag.String("o", "testdata/pdf", "output folder")
	ttf := flag.String("font", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "TrueType font to embed (Debian fonts-liberation)")
	flag.Parse()
	data, err := os.ReadFile(*ttf)
	if err != nil {
		log.Fatal(err)
	}
	fnt, err := newFontInfo(data)
	if err != nil {
		log.Fatal(err)
	}
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(*out, name), b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	simple := simplePDF(fnt)
	write("simple.pdf", simple)
	write("columns.pdf", columnsPDF(fnt))
	write("cidfont.pdf", cidPDF(fnt, withCmap))
	write("cidfont-postnames.pdf", cidPDF(fnt, withPost))
	write("undecodable.pdf", cidPDF(fnt, withNothing))
	write("form.pdf", formPDF(fnt))
	write("created.pdf", createdPDF(fnt))
	write("created-xmp.pdf", createdXMPPDF(fnt))
	write("imageonly.pdf", imagePDF())
	write("inlineimage.pdf", inlineImagePDF(fnt))
	write("truncated.pdf", simple[:len(simple)*2/3])
	write("notpdf.pdf", []byte("<!DOCTYPE html>\n<html><body>Page not found</body></html>\n"))
	// Encrypted with a user password, by qpdf (Debian package qpdf).
	plain := filepath.Join(*out, "simple.pdf")
	enc := filepath.Join(*out, "encrypted.pdf")
	cmd := exec.Command("qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--", plain, enc)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		log.Fatalf("qpdf: %v: %s", err, b)
	}
}

// fontInfo measures text with a TrueType font.
type fontInfo struct {
	data []byte
	f    *sfnt.Font
	upem float64
}

func newFontInfo(data []byte) (*fontInfo, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	return &fontInfo{data: data, f: f, upem: float64(f.UnitsPerEm())}, nil
}

func (fi *fontInfo) gid(r rune) uint16 {
	var b sfnt.Buffer
	g, err := fi.f.GlyphIndex(&b, r)
	if err != nil || g == 0 {
		log.Fatalf("font has no glyph for %q", r)
	}
	return uint16(g)
}

// width is the advance of glyph g in 1/1000 em.
func (fi *fontInfo) width(g uint16) int {
	var b sfnt.Buffer
	adv, err := fi.f.GlyphAdvance(&b, sfnt.GlyphIndex(g), fixed.Int26_6(fi.f.UnitsPerEm()), font.HintingNone)
	if err != nil {
		log.Fatal(err)
	}
	return int(float64(adv) * 1000 / fi.upem)
}

// winAnsiWidths returns a /Widths array for codes 32..255 (ASCII only measured).
func (fi *fontInfo) winAnsiWidths() string {
	var b strings.Builder
	b.WriteString("[")
	for c := 32; c < 256; c++ {
		w := 0
		if c < 127 {
			w = fi.width(fi.gid(rune(c)))
		}
		fmt.Fprintf(&b, "%d ", w)
	}
	b.WriteString("]")
	return b.String()
}

// doc assembles a PDF from numbered objects.
type doc struct {
	objs    [][]byte
	info    int    // the document information dictionary's object, 0 for none
	catalog string // entries added to the catalog dictionary
}

// add reserves an object number.
func (d *doc) add() int { d.objs = append(d.objs, nil); return len(d.objs) }

func (d *doc) set(n int, body string) { d.objs[n-1] = []byte(body) }

func (d *doc) obj(body string) int { n := d.add(); d.set(n, body); return n }

func (d *doc) stream(dict string, data []byte, compress bool) int {
	if compress {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write(data)
		w.Close()
		data = z.Bytes()
		dict += " /Filter /FlateDecode"
	}
	n := d.add()
	d.objs[n-1] = []byte(fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data))
	return n
}

func (d *doc) bytes(root int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(d.objs))
	for i, o := range d.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(d.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	info := ""
	if d.info != 0 {
		info = fmt.Sprintf(" /Info %d 0 R", d.info)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(d.objs)+1, root, info, xref)
	return b.Bytes()
}

// pages writes a page tree with one page per content stream.
func (d *doc) pages(resources string, contents ...int) int {
	tree := d.add()
	var kids []string
	for _, c := range contents {
		kids = append(kids, fmt.Sprintf("%d 0 R", d.obj(fmt.Sprintf(
			"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>", tree, resources, c))))
	}
	d.set(tree, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	return d.obj(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R%s >>", tree, d.catalog))
}

func (d *doc) helvetica(fi *fontInfo) int {
	return d.obj(fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 255 "+
		"/Widths %s /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [150 /endash 181 /fi /fl] >> >>", fi.winAnsiWidths()))
}

// pdfString escapes s as a literal string.
func pdfString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
	return "(" + r.Replace(s) + ")"
}

// simplePDF: two paragraphs of WinAnsi text, a heading, word spacing by Tw
// and by TJ kerning, a ligature through Differences, a hyphenated line end,
// and a second page with a numbered list.
func simplePDF(fi *fontInfo) []byte {
	d := &doc{}
	f := d.helvetica(fi)
	var c1 strings.Builder
	c1.WriteString("BT /F1 16 Tf 72 760 Td (What needs to improve?) Tj ET\n")
	c1.WriteString("BT /F1 11 Tf 14 TL 72 730 Td\n")
	for _, l := range []string{
		"The local authority has made steady progress since the last",
		"inspection. Leaders know their services well and have a clear",
		"plan for improvement, although some actions are at an early",
		"stage and it is too soon to see their impact on pre-",
		"proceedings work.",
	} {
		fmt.Fprintf(&c1, "%s Tj T*\n", pdfString(l))
	}
	c1.WriteString("ET\n")
	// Second paragraph: words placed by TJ gaps (no space glyphs), word
	// spacing applied to spaces, and the ligature code 181 ("fi").
	c1.WriteString("BT /F1 11 Tf 72 640 Td [(Social) -280 (workers) -280 (visit) -280 (children) -280 (regularly.)] TJ ET\n")
	c1.WriteString("BT /F1 11 Tf 3 Tw 72 626 Td (Caseloads are manageable and workers feel con\xb5dent and \xb6exible.) Tj ET\n")
	c1.WriteString("BT /F1 9 Tf 300 40 Td (Page 1) Tj ET\n")
	var c2 strings.Builder
	c2.WriteString("BT /F1 11 Tf 72 760 Td (1. Strategy discussions are timely \\226 and well attended.) Tj ET\n")
	c2.WriteString("BT /F1 11 Tf 72 746 Td (2. Plans are clear.) Tj ET\n")
	c2.WriteString("BT /F1 9 Tf 300 40 Td (Page 2) Tj ET\n")
	p1 := d.stream("", []byte(c1.String()), true)
	p2 := d.stream("", []byte(c2.String()), false)
	root := d.pages(fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f), p1, p2)
	return d.bytes(root)
}

// columnsPDF: a full-width heading over two columns of text.
func columnsPDF(fi *fontInfo) []byte {
	d := &doc{}
	f := d.helvetica(fi)
	var c strings.Builder
	c.WriteString("BT /F1 14 Tf 72 780 Td (Area SEND inspection: two columns) Tj ET\n")
	left := []string{"Leaders in the area", "share an ambitious", "vision for children", "and young people."}
	right := []string{"Waiting times for", "assessments remain", "too long for many", "families."}
	// Interleave the columns line by line in the stream, as some producers do.
	for i := range left {
		y := 740 - 14*i
		fmt.Fprintf(&c, "BT /F1 11 Tf 72 %d Td %s Tj ET\n", y, pdfString(left[i]))
		fmt.Fprintf(&c, "BT /F1 11 Tf 320 %d Td %s Tj ET\n", y, pdfString(right[i]))
	}
	p := d.stream("", []byte(c.String()), true)
	return d.bytes(d.pages(fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f), p))
}

// letterPage writes a one-page letter whose date line is date.
func (d *doc) letterPage(fi *fontInfo, date string) int {
	f := d.helvetica(fi)
	var c strings.Builder
	fmt.Fprintf(&c, "BT /F1 11 Tf 400 760 Td %s Tj ET\n", pdfString(date))
	c.WriteString("BT /F1 11 Tf 14 TL 72 720 Td\n")
	for _, l := range []string{
		"Dear Director of Children's Services",
		"Focused visit to Exampleshire children's services",
		"This letter summarises the findings of a focused visit.",
	} {
		fmt.Fprintf(&c, "%s Tj T*\n", pdfString(l))
	}
	c.WriteString("ET\n")
	p := d.stream("", []byte(c.String()), true)
	return d.pages(fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f), p)
}

// createdPDF: a letter whose /Info dictionary has a creation date, made
// days before the date the letter states, as Ofsted's are.
func createdPDF(fi *fontInfo) []byte {
	d := &doc{}
	d.info = d.obj("<< /Title (Focused visit letter) /Producer (Invented Writer 2.1) " +
		"/CreationDate (D:20230512093000+01'00') /ModDate (D:20230516110000+01'00') >>")
	return d.bytes(d.letterPage(fi, "16 May 2023"))
}

// createdXMPPDF: a letter whose /Info creation date is only a year (a
// writer's error), and whose XMP metadata has the whole date.
func createdXMPPDF(fi *fontInfo) []byte {
	d := &doc{}
	d.info = d.obj("<< /Producer (Invented Writer 2.1) /CreationDate (D:2022) >>")
	xmp := `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:ModifyDate>2022-10-07T16:45:00+01:00</xmp:ModifyDate>
<xmp:CreateDate>2022-10-04T11:20:05+01:00</xmp:CreateDate>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
	meta := d.stream("/Type /Metadata /Subtype /XML", []byte(xmp), false)
	d.catalog = fmt.Sprintf(" /Metadata %d 0 R", meta)
	return d.bytes(d.letterPage(fi, "7 October 2022"))
}

// formPDF: text drawn by a Form XObject placed twice, one nested form, and a
// form that draws itself (which must not loop).
func formPDF(fi *fontInfo) []byte {
	d := &doc{}
	f := d.helvetica(fi)
	inner := d.add()
	self := d.add()
	res := fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /Inner %d 0 R /Self %d 0 R >> >>", f, inner, self)
	innerBody := []byte("BT /F1 10 Tf 0 0 Td (Ofsted, Piccadilly Gate) Tj ET")
	d.objs[inner-1] = []byte(fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 300 50] /Resources %s /Length %d >>\nstream\n%s\nendstream", res, len(innerBody), innerBody))
	selfBody := []byte("BT /F1 10 Tf 0 20 Td (Footer text) Tj ET /Self Do")
	d.objs[self-1] = []byte(fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 300 50] /Resources %s /Length %d >>\nstream\n%s\nendstream", res, len(selfBody), selfBody))
	outerBody := []byte("BT /F1 12 Tf 0 30 Td (Letter heading in a form) Tj ET q 1 0 0 1 0 -20 cm /Inner Do Q")
	outer := d.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 400 60] /Matrix [1 0 0 1 72 700] /Resources %s", res), outerBody, false)
	content := fmt.Sprintf("BT /F1 11 Tf 72 600 Td (Body text on the page.) Tj ET\n/Outer Do\nq 1 0 0 1 72 100 cm /Self Do Q\n")
	p := d.stream("", []byte(content), false)
	return d.bytes(d.pages(fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /Outer %d 0 R /Self %d 0 R >> >>", f, outer, self), p))
}

// inlineImagePDF: text before and after an inline image whose binary data
// holds PDF delimiters.
func inlineImagePDF(fi *fontInfo) []byte {
	d := &doc{}
	f := d.helvetica(fi)
	content := "BT /F1 11 Tf 72 700 Td (Text before the image.) Tj ET\n" +
		"q 40 0 0 10 72 650 cm BI /W 4 /H 1 /BPC 8 /CS /G ID \x29\x3e\x7b\xff EI Q\n" +
		"BT /F1 11 Tf 72 600 Td (Text after the image.) Tj ET\n"
	p := d.stream("", []byte(content), true)
	return d.bytes(d.pages(fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f), p))
}

// imagePDF: a page that only paints an image, like a scan.
func imagePDF() []byte {
	d := &doc{}
	pix := bytes.Repeat([]byte{0x80}, 16*16)
	img := d.stream("/Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8", pix, true)
	p := d.stream("", []byte("q 500 0 0 700 40 60 cm /Im1 Do Q"), false)
	return d.bytes(d.pages(fmt.Sprintf("<< /XObject << /Im1 %d 0 R >> >>", img), p))
}

// What the font of cidPDF carries besides a partial ToUnicode map.
const (
	withCmap    = iota // an embedded program with its cmap table
	withPost           // an embedded program without cmap: glyph names only
	withNothing        // no program and no ToUnicode: undecodable
)

// cidPDF: a Type0 font, Identity-H, with an embedded TrueType subset whose
// ToUnicode map leaves out several letters, as in many 2013-2019 reports.
func cidPDF(fi *fontInfo, mode int) []byte {
	lines := []string{
		"Inspection of children's services",
		"Children in care receive effective support from",
		"their social workers, who know them well.",
	}
	used := map[uint16]rune{}
	for _, l := range lines {
		for _, r := range l {
			used[fi.gid(r)] = r
		}
	}
	// ToUnicode omits e, o, t, r and the space.
	omit := map[rune]bool{'e': true, 'o': true, 't': true, 'r': true, ' ': true}
	var gids []int
	for g := range used {
		gids = append(gids, int(g))
	}
	sort.Ints(gids)
	var tu strings.Builder
	tu.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var entries []string
	var w strings.Builder
	w.WriteString("[")
	for _, g := range gids {
		fmt.Fprintf(&w, "%d [%d] ", g, fi.width(uint16(g)))
		if !omit[used[uint16(g)]] {
			entries = append(entries, fmt.Sprintf("<%04X> <%04X>", g, used[uint16(g)]))
		}
	}
	w.WriteString("]")
	fmt.Fprintf(&tu, "%d beginbfchar\n%s\nendbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n", len(entries), strings.Join(entries, "\n"))

	d := &doc{}
	fontFile := ""
	if mode != withNothing {
		prog := subsetFont(fi.data, used, mode == withCmap)
		fontFile = fmt.Sprintf("/FontFile2 %d 0 R", d.stream(fmt.Sprintf("/Length1 %d", len(prog)), prog, true))
	}
	desc := d.obj(fmt.Sprintf("<< /Type /FontDescriptor /FontName /ABCDEF+LiberationSans /Flags 32 /FontBBox [-200 -300 1200 1000] /ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 700 /StemV 80 %s >>", fontFile))
	cid := d.obj(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+LiberationSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W %s /CIDToGIDMap /Identity >>", desc, w.String()))
	toUnicode := ""
	if mode != withNothing {
		toUnicode = fmt.Sprintf("/ToUnicode %d 0 R", d.stream("", []byte(tu.String()), true))
	}
	f0 := d.obj(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+LiberationSans /Encoding /Identity-H /DescendantFonts [%d 0 R] %s >>", cid, toUnicode))
	var c strings.Builder
	for i, l := range lines {
		size := 11
		if i == 0 {
			size = 18
		}
		fmt.Fprintf(&c, "BT /F1 %d Tf 72 %d Td <", size, 760-30*i)
		for _, r := range l {
			fmt.Fprintf(&c, "%04X", fi.gid(r))
		}
		c.WriteString("> Tj ET\n")
	}
	p := d.stream("", []byte(c.String()), true)
	return d.bytes(d.pages(fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f0), p))
}

// subsetFont keeps the glyph outlines of the used glyphs only (glyph ids
// unchanged) and the tables a PDF font program needs; without the cmap
// table when withCmap is false.
func subsetFont(data []byte, used map[uint16]rune, withCmap bool) []byte {
	be := binary.BigEndian
	n := int(be.Uint16(data[4:]))
	tables := map[string][]byte{}
	for i := 0; i < n; i++ {
		e := data[12+16*i:]
		off, length := be.Uint32(e[8:]), be.Uint32(e[12:])
		tables[string(e[:4])] = data[off : off+length]
	}
	head := append([]byte(nil), tables["head"]...)
	longLoca := be.Uint16(head[50:]) == 1
	numGlyphs := int(be.Uint16(tables["maxp"][4:]))
	loca := tables["loca"]
	offset := func(g int) int {
		if longLoca {
			return int(be.Uint32(loca[4*g:]))
		}
		return 2 * int(be.Uint16(loca[2*g:]))
	}
	var glyf bytes.Buffer
	newLoca := make([]byte, 4*(numGlyphs+1))
	for g := 0; g < numGlyphs; g++ {
		be.PutUint32(newLoca[4*g:], uint32(glyf.Len()))
		if _, ok := used[uint16(g)]; ok || g == 0 {
			glyf.Write(tables["glyf"][offset(g):offset(g+1)])
			for glyf.Len()%4 != 0 {
				glyf.WriteByte(0)
			}
		}
	}
	be.PutUint32(newLoca[4*numGlyphs:], uint32(glyf.Len()))
	be.PutUint16(head[50:], 1)
	be.PutUint32(head[8:], 0) // checksum adjustment
	keep := map[string][]byte{
		"head": head, "hhea": tables["hhea"], "maxp": tables["maxp"], "hmtx": tables["hmtx"],
		"loca": newLoca, "glyf": glyf.Bytes(), "post": tables["post"], "OS/2": tables["OS/2"],
	}
	if withCmap {
		keep["cmap"] = tables["cmap"]
	}
	var tags []string
	for t := range keep {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	var out bytes.Buffer
	hdr := make([]byte, 12+16*len(tags))
	be.PutUint32(hdr, 0x00010000)
	be.PutUint16(hdr[4:], uint16(len(tags)))
	off := len(hdr)
	var body bytes.Buffer
	for i, t := range tags {
		e := hdr[12+16*i:]
		copy(e, t)
		be.PutUint32(e[8:], uint32(off+body.Len()))
		be.PutUint32(e[12:], uint32(len(keep[t])))
		body.Write(keep[t])
		for body.Len()%4 != 0 {
			body.WriteByte(0)
		}
	}
	out.Write(hdr)
	out.Write(body.Bytes())
	return out.Bytes()
}
