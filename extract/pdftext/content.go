package pdftext

// The content-stream interpreter: graphics and text state, text-showing
// operators and Form XObjects. It turns a page into positioned glyphs.

import (
	"math"

	"github.com/ledongthuc/pdf"
)

// matrix is an affine transform [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m×n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// gstate is the part of the graphics state text extraction needs.
type gstate struct {
	ctm      matrix
	font     *font
	size     float64 // Tfs
	tc, tw   float64
	th       float64 // horizontal scaling, 1 = 100%
	tl, rise float64
}

// glyph is one shown glyph, in the coordinate frame of its writing
// direction (x along the baseline, y up).
type glyph struct {
	x, y  float64
	w     float64 // advance, including character and word spacing
	size  float64
	text  string
	space bool
	dir   uint8
}

// Limits that bound the work on one page.
const (
	maxFormDepth  = 8
	maxPageGlyphs = 400000
	ctxEvery      = 1 << 12 // operators between context checks
)

// pageState interprets the content of one page.
type pageState struct {
	d      *doc
	glyphs []glyph
	box    [4]float64 // crop box, for discarding glyphs off the page
	forms  map[uint64]bool
	depth  int
	ops    int
	damage error // first failure in a content stream, if any
}

// run interprets content (a stream or an array of streams) with resources.
func (ps *pageState) run(content, resources pdf.Value, g gstate) {
	var (
		stack []gstate
		tm    = identity
		tlm   = identity
		fonts map[string]*font // by resource name, for this resource dictionary
	)
	err := interpretContent(ps.d.contentBytes(content), func(op string, args []operand) {
		ps.ops++
		if ps.ops%ctxEvery == 0 {
			ps.d.checkContext()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].float()
			}
			return 0
		}
		mat := func() matrix {
			var m matrix
			for i := range m {
				m[i] = num(i)
			}
			return m
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if n := len(stack); n > 0 {
				g = stack[n-1]
				stack = stack[:n-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = mat().mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(args) == 2 {
				name := args[0].nameOf()
				f, ok := fonts[name]
				if !ok {
					f = ps.d.font(resources, name)
					if fonts == nil {
						fonts = map[string]*font{}
					}
					fonts[name] = f
				}
				g.font = f
				g.size = num(1)
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.rise = num(0)
		case "Td", "TD":
			if len(args) == 2 {
				if op == "TD" {
					g.tl = -num(1)
				}
				tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if len(args) == 6 {
				tm = mat()
				tlm = tm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if op != "Tj" {
				if op == "\"" && len(args) == 3 {
					g.tw, g.tc = num(0), num(1)
					args = args[2:]
				}
				tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
				tm = tlm
			}
			if len(args) == 1 {
				ps.show(&g, &tm, args[0].raw())
			}
		case "TJ":
			if len(args) != 1 {
				break
			}
			for _, x := range args[0].arr {
				switch x.kind {
				case 's':
					ps.show(&g, &tm, x.str)
				case 'n':
					tx := -x.num / 1000 * g.size * g.th
					tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
				}
			}
		case "Do":
			if len(args) == 1 {
				ps.doXObject(resources, args[0].nameOf(), g)
			}
		}
	})
	if err != nil {
		// As the page's reader did: the page keeps what came before,
		// and is reported damaged.
		panic(err)
	}
}

// show emits the glyphs of string s and advances the text matrix.
func (ps *pageState) show(g *gstate, tm *matrix, s []byte) {
	f := g.font
	if f == nil || g.size == 0 {
		return
	}
	th := g.th
	trm0 := matrix{g.size * th, 0, 0, g.size, 0, g.rise}
	for len(s) > 0 {
		n := 1
		if f.cid {
			n = codeLen(f.spaces, s)
		}
		code := codeOf(s[:n])
		s = s[n:]
		info := f.glyph(code, n)
		ps.d.glyphs++
		if info.bad {
			ps.d.bad++
		}
		tx := info.w*g.size + g.tc
		if info.space {
			tx += g.tw
		}
		tx *= th
		m := tm.mul(g.ctm)
		if info.text != "" && len(ps.glyphs) < maxPageGlyphs {
			trm := trm0.mul(m)
			// Advance and size in device space.
			adv := math.Hypot(tx*m[0], tx*m[1])
			size := math.Hypot(g.size*m[2], g.size*m[3])
			x, y := trm[4], trm[5]
			if ps.onPage(x, y) {
				dir := direction(m[0], m[1])
				fx, fy := rotate(dir, x, y)
				ps.glyphs = append(ps.glyphs, glyph{x: fx, y: fy, w: adv, size: size, text: info.text, space: info.space || info.text == " ", dir: dir})
			}
		}
		*tm = matrix{1, 0, 0, 1, tx, 0}.mul(*tm)
	}
}

func (ps *pageState) onPage(x, y float64) bool {
	const slack = 2
	b := ps.box
	return x >= b[0]-slack && x <= b[2]+slack && y >= b[1]-slack && y <= b[3]+slack
}

// direction classifies the baseline vector (a, b) into 0, 90, 180, 270 degrees.
func direction(a, b float64) uint8 {
	if math.Abs(a) >= math.Abs(b) {
		if a >= 0 {
			return 0
		}
		return 2
	}
	if b > 0 {
		return 1
	}
	return 3
}

// rotate maps a device point into the frame of writing direction dir.
func rotate(dir uint8, x, y float64) (float64, float64) {
	switch dir {
	case 1:
		return y, -x
	case 2:
		return -x, -y
	case 3:
		return -y, x
	}
	return x, y
}

// doXObject runs a Form XObject named name.
func (ps *pageState) doXObject(resources pdf.Value, name string, g gstate) {
	x := resources.Key("XObject").Key(name)
	if x.Kind() != pdf.Stream || x.Key("Subtype").Name() != "Form" || ps.depth >= maxFormDepth {
		return
	}
	id := objectID(x)
	if ps.forms[id] {
		return // a form that draws itself
	}
	ps.forms[id] = true
	defer delete(ps.forms, id)
	if m := x.Key("Matrix"); m.Len() == 6 {
		var fm matrix
		for i := range fm {
			fm[i] = m.Index(i).Float64()
		}
		g.ctm = fm.mul(g.ctm)
	}
	res := x.Key("Resources")
	if res.Kind() != pdf.Dict {
		res = resources
	}
	ps.depth++
	defer func() { ps.depth-- }()
	ps.run(x, res, g)
}
