package ingest

import (
	"net/url"
	"regexp"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/eventgraph/eventgraph/model"
)

var (
	bylinePrefix = regexp.MustCompile(`(?i)^(?:by|from|par|von|por)\s+`)
	// clutterClass matches class and id words of page furniture that
	// readability may keep when it sits inside the article element.
	clutterClass = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:ad|ads|advert\w*|adslot|banner|cookie\w*|consent|gdpr|share\w*|social|related|newsletter|promo\w*|subscribe\w*|breadcrumbs?|paywall|outbrain|taboola|recirc\w*|sidebar)(?:$|[\s_-])`)
	titleSeps    = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • "}
)

// parseHTML reads a web page: the body through go-readability, the
// metadata from meta tags, JSON-LD and the markup. It returns ErrFormat,
// ErrNoDate and ErrNoText problems.
func parseHTML(text string) (model.Article, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// x/net/html refuses pages nested more than 512 elements deep; no
		// article page is, so the hint points at saving the real one.
		return model.Article{}, fail(ErrFormat, "not HTML: "+err.Error(), "give the article's page as a browser saves it")
	}
	m := readMeta(doc)
	a := model.Article{Format: FormatHTML}

	for _, d := range []string{m.metaDate, m.ldDate, m.timePub, m.timeAt, m.timeText} {
		if t, ok := ParseDateLine(d); ok {
			a.Published = t
			break
		}
	}
	a.Outlet = firstOf(m.siteName, m.ldPublisher, m.byline)
	rawTitle := firstOf(m.metaTitle, m.ldHeadline, m.h1, m.title)
	var suffix string
	a.Title, suffix = splitTitle(rawTitle, a.Outlet)
	if a.Outlet == "" {
		a.Outlet = suffix
	}
	a.URL = firstOf(m.canonical, m.ogURL, m.ldURL)

	paras := readableText(doc, a.URL)
	// Drop what readability left of the header: the title and the byline.
	var body []string
	for _, p := range paras {
		if (len(body) == 0 && (p == a.Title || p == m.h1 || p == rawTitle)) || (m.byline != "" && strings.TrimSpace(bylinePrefix.ReplaceAllString(p, "")) == m.byline && len(p) < 100) {
			continue
		}
		body = append(body, p)
	}
	a.Body = strings.Join(body, "\n\n")
	switch {
	case a.Body == "":
		return a, fail(ErrNoText, "the page has no article text",
			"if the page is built by JavaScript, save it from a browser after it has loaded")
	case a.Published.IsZero():
		return a, fail(ErrNoDate, "no <time datetime>, article:published_time meta or JSON-LD datePublished",
			"add <meta property=\"article:published_time\" content=\"2019-06-03T10:00:00Z\">")
	}
	return a, nil
}

// readableText finds the article body with go-readability and renders it
// as paragraphs. Page furniture is removed first; when readability fails
// (or panics, as third-party code may on hostile input) the <article>,
// <main> or <body> element is rendered instead.
func readableText(doc *html.Node, pageURL string) (paras []string) {
	removeClutter(doc)
	u, err := url.Parse(pageURL)
	if err != nil || u.Host == "" {
		u = &url.URL{Scheme: "https", Host: "example.invalid", Path: "/"}
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				paras = nil
			}
		}()
		art, err := readability.FromDocument(doc, u)
		if err == nil && art.Node != nil {
			paras = nodeText(art.Node)
		}
	}()
	if len(paras) > 0 {
		return paras
	}
	for _, tag := range []atom.Atom{atom.Article, atom.Main, atom.Body} {
		if n := findElement(doc, tag); n != nil {
			if paras = nodeText(n); len(paras) > 0 {
				return paras
			}
		}
	}
	return nil
}

// removeClutter deletes elements whose class or id names page furniture:
// ads, cookie banners, share tools, related links, newsletters.
func removeClutter(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.DataAtom != atom.Body && c.DataAtom != atom.Html &&
			(clutterClass.MatchString(getAttr(c, "class")) || clutterClass.MatchString(getAttr(c, "id"))) {
			n.RemoveChild(c)
		} else {
			removeClutter(c)
		}
		c = next
	}
}

func findElement(n *html.Node, tag atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, tag); f != nil {
			return f
		}
	}
	return nil
}

// splitTitle strips an outlet suffix from a page title: "Story | AFP"
// gives "Story" and "AFP". A suffix after " | " is taken when it is short;
// after a dash only when it is the outlet, since dashes occur in headlines.
func splitTitle(title, outlet string) (string, string) {
	for _, sep := range titleSeps {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if head == "" || tail == "" {
			continue
		}
		if strings.EqualFold(tail, outlet) || (sep == " | " && len(strings.Fields(tail)) <= 4 && len(head) > len(tail)) {
			return head, tail
		}
	}
	return title, ""
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
