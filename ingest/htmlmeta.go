package ingest

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a web page says about itself, before choosing.
type pageMeta struct {
	title, metaTitle, h1, ldHeadline  string
	siteName, ldPublisher, byline     string
	canonical, ogURL, ldURL           string
	metaDate, ldDate, timePub, timeAt string // candidate publication dates
	timeText                          string
}

// metaDateNames are the <meta> names and properties publishers put the
// publication time in.
var metaDateNames = map[string]bool{
	"article:published_time": true, "og:article:published_time": true,
	"datepublished": true, "date": true, "pubdate": true, "publishdate": true,
	"publish-date": true, "publish_date": true, "dc.date": true, "dc.date.issued": true,
	"dcterms.created": true, "dcterms.issued": true, "sailthru.date": true,
	"parsely-pub-date": true, "article.published": true, "originalpublicationdate": true,
	"citation_publication_date": true,
}

// readMeta collects the metadata of a parsed page.
func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			m.element(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

func (m *pageMeta) element(n *html.Node) {
	attr := func(k string) string { return strings.TrimSpace(getAttr(n, k)) }
	setOnce := func(dst *string, v string) {
		if *dst == "" {
			*dst = foldSpace(v)
		}
	}
	switch n.DataAtom {
	case atom.Meta:
		key := strings.ToLower(attr("property") + attr("name") + attr("itemprop"))
		val := attr("content")
		switch {
		case val == "":
		case key == "og:title" || key == "twitter:title":
			setOnce(&m.metaTitle, val)
		case key == "og:site_name" || key == "application-name":
			setOnce(&m.siteName, val)
		case key == "og:url":
			setOnce(&m.ogURL, val)
		case metaDateNames[key]:
			setOnce(&m.metaDate, val)
		}
	case atom.Link:
		if strings.EqualFold(attr("rel"), "canonical") {
			setOnce(&m.canonical, attr("href"))
		}
	case atom.Title:
		setOnce(&m.title, innerText(n))
	case atom.H1:
		setOnce(&m.h1, innerText(n))
	case atom.Time:
		dt := attr("datetime")
		switch {
		case dt != "" && (strings.EqualFold(attr("itemprop"), "datePublished") || hasAttr(n, "pubdate")):
			setOnce(&m.timePub, dt)
		case dt != "":
			setOnce(&m.timeAt, dt)
		default:
			setOnce(&m.timeText, innerText(n))
		}
	case atom.Script:
		if strings.Contains(strings.ToLower(attr("type")), "ld+json") && n.FirstChild != nil {
			m.jsonLD(n.FirstChild.Data)
		}
	}
	if strings.EqualFold(attr("itemprop"), "datePublished") && n.DataAtom != atom.Meta && n.DataAtom != atom.Time {
		setOnce(&m.metaDate, attr("content"))
	}
	cls := strings.ToLower(attr("class"))
	if m.byline == "" && (strings.Contains(cls, "byline") || strings.EqualFold(attr("rel"), "author") || strings.EqualFold(attr("itemprop"), "author")) {
		if t := innerText(n); len(t) < 100 {
			m.byline = strings.TrimSpace(bylinePrefix.ReplaceAllString(foldSpace(t), ""))
		}
	}
}

// jsonLD reads schema.org metadata: an object, an array, or an @graph.
func (m *pageMeta) jsonLD(src string) {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if !ldIsArticle(x["@type"]) {
				return
			}
			set := func(dst *string, v string) {
				if *dst == "" {
					*dst = foldSpace(v)
				}
			}
			set(&m.ldHeadline, ldString(x["headline"]))
			set(&m.ldDate, ldString(x["datePublished"]))
			set(&m.ldPublisher, ldString(x["publisher"]))
			set(&m.ldURL, ldString(x["url"]))
			set(&m.ldURL, ldString(x["mainEntityOfPage"]))
		}
	}
	visit(v, 0)
}

func ldIsArticle(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.HasSuffix(x, "Article") || x == "BlogPosting" || x == "Report" || x == "WebPage"
	case []any:
		for _, e := range x {
			if ldIsArticle(e) {
				return true
			}
		}
	}
	return false
}

// ldString reads a JSON-LD value: a string, or an object's name or @id.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		for _, k := range []string{"name", "@id", "url"} {
			if s, ok := x[k].(string); ok && s != "" {
				return s
			}
		}
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	}
	return ""
}

func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// innerText is the folded text under n, scripts and styles left out.
func innerText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return foldSpace(b.String())
}
