package find

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ofsted/ofsted/extract"
	"github.com/ofsted/ofsted/extract/text"
)

func sentenceTexts(ss []sentence) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.text)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name  string
		pages []string
		want  []string
	}{
		{"AcrossLines", []string{"Social workers visit children\nregularly and see them alone.\n"},
			[]string{"Social workers visit children regularly and see them alone."}},
		{"AcrossPages", []string{"Body.\n\nSocial workers visit children\n", "regularly and see them alone. Plans are clear and timely.\n"},
			[]string{"Social workers visit children regularly and see them alone.", "Plans are clear and timely."}},
		{"ParagraphNumberGlued", []string{"19.Children are seen quickly by social workers.\n20. Plans are clear and well written.\n"},
			[]string{"Children are seen quickly by social workers.", "Plans are clear and well written."}},
		{"HeadingIsNotSentence", []string{"Leaders say this.\n\nThe experiences and progress of children who need help and\nprotection\n\n1. Children are seen quickly by social workers.\n"},
			[]string{"Children are seen quickly by social workers."}},
		{"GluedPageNumber", []string{"Social workers visit children in\n", "3good time and see them alone.\n"},
			[]string{"Social workers visit children in good time and see them alone."}},
		{"HyphenKept", []string{"Letters before pre-\nproceedings are clear and timely.\n"},
			[]string{"Letters before pre-proceedings are clear and timely."}},
		{"TableCellsDropped", []string{"Judgement Grade\nOverall effectiveness Good\n\nChildren are safe and well supported here.\n"},
			[]string{"Children are safe and well supported here."}},
		{"SkippedSection", []string{"Plans are clear and well written.\n\nInformation about this inspection\n\nInspectors looked at forty cases of children.\n"},
			[]string{"Plans are clear and well written."}},
		{"LetterEnds", []string{"Plans are clear and well written.\n\nYours sincerely\n\nThe lead inspector is named here.\n"},
			[]string{"Plans are clear and well written."}},
		{"BulletItem", []string{"Strengths\n\n◼ Early help is offered at the right time\n◼ Plans are clear\n"},
			[]string{"Early help is offered at the right time"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := text.Clean(tt.pages, 1)
			got := sentenceTexts(sentences(ls, text.WordsOf(ls)))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sentences = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSentenceContext(t *testing.T) {
	pages := []string{
		"Overall effectiveness\n\nChildren are safe and well supported here.\n\n" +
			"The experiences and progress of children in care\n\n1. Children live in stable homes with carers.\n",
		"Strengths\n\n◼ Early help is offered at the right time.\n\n" +
			"Inspectors highlighted:\n\n◼ The work of the front door team.\n",
	}
	ls := text.Clean(pages, 1)
	got := sentences(ls, text.WordsOf(ls))
	want := []struct {
		domain extract.Domain
		page   int
		list   extract.Kind
	}{{"", 1, ""}, {extract.DomainInCare, 1, ""}, {"", 2, extract.KindStrength}, {"", 2, extract.KindStrength}} // "Strengths" leaves the judgement section
	if len(got) != len(want) {
		t.Fatalf("sentences = %q, want %d", sentenceTexts(got), len(want))
	}
	for i, w := range want {
		if got[i].domain != w.domain || got[i].page != w.page || got[i].list != w.list {
			t.Errorf("sentence %d %q: domain %q page %d list %q, want %q %d %q", i, got[i].text, got[i].domain, got[i].page, got[i].list, w.domain, w.page, w.list)
		}
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("Plans are clear. Reviews are timely.\n\f3good time.\n19.Children e.g. s.47 3.5 Mr. X.")
	f.Add("Strengths\n◼ a\n\nAlthough X, Y.\nHowever, not always.")
	f.Add("The experiences and progress of children who need help and\nprotection\n\nYours sincerely")
	f.Fuzz(func(t *testing.T, s string) {
		start := time.Now()
		ls := text.Clean(strings.Split(s, "\f"), 1)
		ss := sentences(ls, text.WordsOf(ls))
		if d := time.Since(start); d > hangGuard {
			t.Fatalf("sentences took %v on %d bytes: %.80q", d, len(s), s)
		}
		r := swTable() // compiled once: building the tables per input left the fuzzer a few inputs a minute
		for _, x := range ss {
			if !utf8.ValidString(x.text) || x.text != strings.TrimSpace(x.text) || strings.Contains(x.text, "  ") || strings.Contains(x.text, "\n") {
				t.Fatalf("bad sentence %q", x.text)
			}
			if x.page < 1 || x.page > strings.Count(s, "\f")+1 {
				t.Fatalf("sentence page %d out of range: %q", x.page, x.text)
			}
			r.classify(x)
		}
	})
}
