package corpus

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"time"
)

type writer struct {
	ext   string
	write func([]article) []byte
}

var writers = map[string]writer{
	"text":  {".txt", writeText},
	"plain": {".txt", writePlain},
	"html":  {".html", writeHTML},
	"json":  {".json", writeJSON},
	"jsonl": {".jsonl", writeJSONL},
	"rss":   {".rss", writeRSS},
}

// writeText writes the layout of the sample articles: title, byline, date
// line, body, original url.
func writeText(as []article) []byte {
	a := as[0]
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n\nBy [%s](#)\n\n%s\n\n", a.Title, a.Outlet, a.Published.Format("January 02, 2006"))
	for _, p := range a.Paragraphs {
		b.WriteString(p + "\n\n")
	}
	fmt.Fprintf(&b, "Original url:\n\n<%s>\n", a.URL)
	return b.Bytes()
}

func writePlain(as []article) []byte {
	a := as[0]
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n\n%s\n\n", a.Title, a.Published.Format("2 January 2006"))
	for _, p := range a.Paragraphs {
		b.WriteString(p + "\n\n")
	}
	return b.Bytes()
}

func writeHTML(as []article) []byte {
	a := as[0]
	e := html.EscapeString
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>%s | %s</title>\n", e(a.Title), e(a.Outlet))
	fmt.Fprintf(&b, "<meta property=\"og:site_name\" content=\"%s\">\n<meta property=\"article:published_time\" content=\"%s\">\n", e(a.Outlet), a.Published.Format(time.RFC3339))
	fmt.Fprintf(&b, "<link rel=\"canonical\" href=\"%s\">\n</head><body>\n<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n", e(a.URL))
	fmt.Fprintf(&b, "<article><h1>%s</h1><time datetime=\"%s\">%s</time>\n", e(a.Title), a.Published.Format(time.RFC3339), a.Published.Format("2 Jan 2006"))
	for _, p := range a.Paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", e(p))
	}
	b.WriteString("</article>\n<footer>© News</footer></body></html>\n")
	return b.Bytes()
}

type jsonArticle struct {
	Title       string `json:"title"`
	Source      string `json:"source"`
	PublishedAt string `json:"published_at"`
	URL         string `json:"url"`
	Content     string `json:"content"`
}

func toJSON(a article) jsonArticle {
	body := ""
	for i, p := range a.Paragraphs {
		if i > 0 {
			body += "\n\n"
		}
		body += p
	}
	return jsonArticle{Title: a.Title, Source: a.Outlet, PublishedAt: a.Published.Format(time.RFC3339), URL: a.URL, Content: body}
}

func writeJSON(as []article) []byte {
	b, _ := json.MarshalIndent(toJSON(as[0]), "", "  ")
	return append(b, '\n')
}

func writeJSONL(as []article) []byte {
	var b bytes.Buffer
	for _, a := range as {
		line, _ := json.Marshal(toJSON(a))
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

type rssItem struct {
	Title   string `xml:"title"`
	Link    string `xml:"link"`
	PubDate string `xml:"pubDate"`
	Content string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
}

func writeRSS(as []article) []byte {
	type channel struct {
		Title string    `xml:"title"`
		Link  string    `xml:"link"`
		Items []rssItem `xml:"item"`
	}
	type rss struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Channel channel  `xml:"channel"`
	}
	ch := channel{Title: as[0].Outlet, Link: "https://news.example.org/"}
	for _, a := range as {
		var body bytes.Buffer
		for _, p := range a.Paragraphs {
			fmt.Fprintf(&body, "<p>%s</p>", html.EscapeString(p))
		}
		ch.Items = append(ch.Items, rssItem{Title: a.Title, Link: a.URL, PubDate: a.Published.Format(time.RFC1123Z), Content: body.String()})
	}
	out, _ := xml.MarshalIndent(rss{Version: "2.0", Channel: ch}, "", "  ")
	return append([]byte(xml.Header), append(out, '\n')...)
}
