package web

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"

	"github.com/ofsted/ofsted/classify"
	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/index"
)

// docID is the shape of a document ID (index.DocumentID); anything else in
// a URL is not a document, whatever it decodes to.
var docID = regexp.MustCompile(`^[0-9a-f]{6,64}-[1-9][0-9]{0,5}$`)

// findingView is a finding with the link that opens its page.
type findingView struct {
	extract.Finding
	SourceURL string
}

// findingGroup is the findings of one kind.
type findingGroup struct {
	Kind     string
	Findings []findingView
}

// docLink names another document.
type docLink struct {
	ID, URL, Title string
	Type           extract.Type
	Date           string
}

func linkTo(e index.Entry) docLink {
	return docLink{ID: e.ID, URL: "/doc/" + url.PathEscape(e.ID), Title: e.Title, Type: e.Type, Date: e.Date()}
}

// documentData is the document page's data.
type documentData struct {
	ID           string
	Path         string
	Format       string
	Doc          extract.Document
	Region       string
	AuthorityURL string
	SourceURL    string
	Judgements   []findingView
	Groups       []findingGroup
	Embedded     []docLink // the documents a pack holds (on its first document)
	PartOf       *docLink  // the pack a document is embedded in
	CopyOf       *docLink  // the copy kept, when this is a copy
	Copies       []docLink // copies of this document
	Pages        int
}

func (d documentData) Title() string {
	if d.Doc.Title != "" {
		return d.Doc.Title
	}
	return "Document " + d.ID
}

// kindOrder is the order of the finding groups on a document page.
var kindOrder = []extract.Kind{extract.KindPriorityAction, extract.KindRecommendation, extract.KindHeadline,
	extract.KindFocus, extract.KindStrength, extract.KindWeakness, extract.KindProgress}

// loadDocument gathers a document page's data.
func (s *Server) loadDocument(r *http.Request, id string) (documentData, error) {
	if !docID.MatchString(id) {
		return documentData{}, notFound("no document %q", id)
	}
	var d documentData
	var siblings []index.Entry
	err := s.store.Read(func(ix *index.Group) error {
		v, err := ix.Document(id)
		if err != nil {
			return err
		}
		d = documentData{ID: v.ID, Path: v.Path, Format: v.Format, Doc: v.Document, Pages: len(v.Pages)}
		rec, ok, err := ix.Meta(v.Path)
		if err != nil || !ok {
			return err
		}
		for i, doc := range rec.Documents {
			siblings = append(siblings, index.Entry{ID: index.DocumentID(rec.SHA256, i+1), Ordinal: i + 1,
				Title: doc.Title, Type: doc.Type, Published: doc.Published, VisitEnd: doc.VisitEnd})
		}
		return nil
	})
	if err != nil {
		return d, err
	}
	cat, err := s.store.Catalogue(r.Context())
	if err != nil {
		return d, err
	}
	doc := &d.Doc
	d.Region = classify.Region(doc.Authority.Code)
	if doc.Authority.Code != "" {
		d.AuthorityURL = "/authority/" + url.PathEscape(doc.Authority.Code)
	}
	d.SourceURL = sourceURL(d.ID, doc.PageStart)
	groups := map[extract.Kind][]findingView{}
	for _, f := range doc.Findings {
		fv := findingView{Finding: f, SourceURL: sourceURL(d.ID, f.Page)}
		if f.Kind == extract.KindJudgement {
			d.Judgements = append(d.Judgements, fv)
			continue
		}
		groups[f.Kind] = append(groups[f.Kind], fv)
	}
	domains := extract.Domains()
	slices.SortStableFunc(d.Judgements, func(a, b findingView) int {
		return slices.Index(domains, a.Domain) - slices.Index(domains, b.Domain)
	})
	for _, k := range kindOrder {
		if fs := groups[k]; len(fs) > 0 {
			d.Groups = append(d.Groups, findingGroup{Kind: string(k), Findings: fs})
		}
	}
	for _, e := range siblings {
		switch {
		case e.ID == d.ID:
		case e.Ordinal == 1:
			l := linkTo(e)
			d.PartOf = &l
		case siblings[0].ID == d.ID:
			d.Embedded = append(d.Embedded, linkTo(e))
		}
	}
	for _, e := range cat {
		if e.ID == doc.SameAs {
			l := linkTo(e)
			d.CopyOf = &l
		}
		if e.SameAs == d.ID && e.ID != d.ID {
			d.Copies = append(d.Copies, linkTo(e))
		}
	}
	return d, nil
}

// documentPage shows one document: metadata, judgements, findings by kind,
// warnings, and its place among packs and copies.
func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.loadDocument(r, r.PathValue("id"))
	if err != nil {
		return err
	}
	s.render(w, r, "document", http.StatusOK, d)
	return nil
}

// apiDocument is the document page as JSON; ?pages=true adds the page
// texts.
func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	d, err := s.loadDocument(r, id)
	if err != nil {
		return err
	}
	out := struct {
		ID        string           `json:"id"`
		Path      string           `json:"path"`
		Format    string           `json:"format"`
		SourceURL string           `json:"source_url"`
		Document  extract.Document `json:"document"`
		Region    string           `json:"region"`
		PartOf    string           `json:"part_of,omitempty"`
		Embedded  []string         `json:"embedded"`
		Copies    []string         `json:"copies"`
		FirstPage int              `json:"first_page,omitempty"`
		Pages     []string         `json:"pages,omitempty"`
	}{ID: d.ID, Path: d.Path, Format: d.Format, SourceURL: d.SourceURL, Document: d.Doc,
		Embedded: []string{}, Copies: []string{}}
	if d.PartOf != nil {
		out.PartOf = d.PartOf.ID
	}
	for _, l := range d.Embedded {
		out.Embedded = append(out.Embedded, l.ID)
	}
	for _, l := range d.Copies {
		out.Copies = append(out.Copies, l.ID)
	}
	if out.Document.Findings == nil {
		out.Document.Findings = []extract.Finding{}
	}
	if r.URL.Query().Get("pages") == "true" {
		err := s.store.Read(func(ix *index.Group) error {
			v, err := ix.Document(id)
			out.Pages, out.FirstPage = v.Pages, v.First
			return err
		})
		if err != nil {
			return err
		}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiDocuments lists the catalogue, narrowed by authority and type.
func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	q := index.Query{Authority: v.Get("authority"), Type: v.Get("type")}
	if err := q.Check(); err != nil {
		return err
	}
	cat, err := s.store.Catalogue(r.Context())
	if err != nil {
		return err
	}
	out := []index.Entry{}
	for _, e := range cat {
		if q.Authority != "" && !sameAuthority(q.Authority, e.Authority.Code) {
			continue
		}
		if q.Type != "" && string(e.Type) != q.Type {
			continue
		}
		out = append(out, e)
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": len(out), "documents": out})
	return nil
}
