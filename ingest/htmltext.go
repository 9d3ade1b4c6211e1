package ingest

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var (
	blankLines = regexp.MustCompile(`\n[ \t\p{Zs}]*\n`)
	htmlTag    = regexp.MustCompile(`(?i)<(?:p|br|div|span|a|em|strong|b|i|u|ul|ol|li|h[1-6]|blockquote|img|figure|section|article|table)\b[^<>]*>|&(?:[a-z]+|#\d+);`)
)

// skipTags hold no article text; their whole subtree is dropped.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Button: true, atom.Figure: true, atom.Figcaption: true,
	atom.Iframe: true, atom.Svg: true, atom.Select: true, atom.Textarea: true,
	atom.Object: true, atom.Video: true, atom.Audio: true, atom.Canvas: true,
	atom.Head: true, atom.Title: true, atom.Math: true, atom.Input: true,
}

// blockTags end a paragraph before and after them.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true,
	atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Hr: true, atom.Address: true, atom.Center: true, atom.Details: true,
	atom.Summary: true, atom.Caption: true, atom.Body: true, atom.Html: true,
}

// clutterParas are whole paragraphs that pages put between the real ones.
var clutterParas = map[string]bool{
	"advertisement": true, "advertisements": true, "ad": true, "sponsored": true,
	"read more": true, "share": true, "share this article": true, "subscribe": true,
	"continue reading": true, "story continues below advertisement": true,
}

// looksLikeHTML is true for text with HTML tags or entities in it, as in
// feed descriptions and JSON bodies copied from web pages.
func looksLikeHTML(s string) bool {
	// Every match begins with one of the two, and most bodies hold
	// neither: the pattern was half of reading the JSON of a corpus.
	return strings.ContainsAny(s, "<&") && htmlTag.MatchString(s)
}

// htmlFragmentText turns an HTML fragment into paragraphs.
func htmlFragmentText(s string) string {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return textParagraphs(s)
	}
	var r paraRenderer
	for _, n := range nodes {
		r.walk(n)
	}
	return strings.Join(r.done(), "\n\n")
}

// nodeText renders the paragraphs under n.
func nodeText(n *html.Node) []string {
	var r paraRenderer
	r.walk(n)
	return r.done()
}

// paraRenderer collects the text of a tree as paragraphs: block elements
// break paragraphs, two <br>s in a row do too, one <br> is a space.
type paraRenderer struct {
	paras []string
	lines []string
	cur   strings.Builder
}

func (r *paraRenderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		tag := tagOf(n)
		if skipTags[tag] || hidden(n) {
			return
		}
		if tag == atom.Br {
			r.lines = append(r.lines, r.cur.String())
			r.cur.Reset()
			return
		}
		if tag == atom.Img {
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blockTags[tagOf(n)]
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if block {
		r.flush()
	}
}

func (r *paraRenderer) flush() {
	lines := append(r.lines, r.cur.String())
	r.lines, r.cur = r.lines[:0], strings.Builder{}
	var para []string
	emit := func() {
		if p := foldSpace(strings.Join(para, " ")); p != "" && !clutterParas[strings.ToLower(p)] {
			r.paras = append(r.paras, p)
		}
		para = para[:0]
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			emit()
			continue
		}
		para = append(para, l)
	}
	emit()
}

func (r *paraRenderer) done() []string {
	r.flush()
	return r.paras
}

// hidden is true for elements a browser would not show.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		st := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
		if a.Key == "hidden" || (a.Key == "aria-hidden" && st == "true") ||
			(a.Key == "style" && (strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden"))) {
			return true
		}
	}
	return false
}

// tagOf is the element's atom; go-readability creates elements with a
// name but no atom.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom == 0 {
		return atom.Lookup([]byte(strings.ToLower(n.Data)))
	}
	return n.DataAtom
}
