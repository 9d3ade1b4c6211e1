package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// The JSON field names each article field is read from, in order of
// preference; names match case-insensitively.
var (
	jsonTitle  = []string{"title", "headline", "name"}
	jsonOutlet = []string{"source", "outlet", "publisher", "site_name", "siteName", "site", "source_name"}
	jsonDate   = []string{"published_at", "publishedAt", "date", "published", "datePublished", "pubDate", "published_date", "publish_date", "created_at", "time"}
	jsonURL    = []string{"url", "link", "href", "canonical_url"}
	jsonBody   = []string{"content", "body", "text", "articleBody", "article", "full_text", "description", "summary"}
	// jsonLists are the fields of a wrapper object that hold the articles.
	jsonLists = []string{"articles", "items", "entries", "data", "results", "documents", "docs"}
)

// parseJSON reads one article object, an array of them, a wrapper object
// with such an array ({"articles": [...]}), or a stream of objects (JSON
// lines). Each object is judged by itself: the good ones are returned with
// a joined error of [entryError]s for the bad ones (ErrNoDate, ErrNoText,
// ErrFormat). A file that is not JSON at all gives one ErrFormat problem.
func parseJSON(text string) ([]model.Article, error) {
	var objects []json.RawMessage
	var names []string
	dec := json.NewDecoder(strings.NewReader(text))
	for n := 1; ; n++ {
		start := int(dec.InputOffset())
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fail(ErrFormat, "not valid JSON: "+jsonErrorAt(text, err),
				"give one JSON object per article, an array of them, or one object per line")
		}
		base := ""
		if n > 1 || dec.More() { // JSON lines: name the line
			start += len(text[start:]) - len(strings.TrimLeft(text[start:], " \t\r\n"))
			base = fmt.Sprintf("line %d", strings.Count(text[:start], "\n")+1)
		}
		list, isList := unwrapList(raw)
		for i, o := range list {
			objects = append(objects, o)
			name := base
			if isList {
				name = strings.TrimSpace(fmt.Sprintf("%s entry %d", base, i+1))
			}
			names = append(names, name)
		}
	}
	if len(objects) == 0 {
		return nil, fail(ErrNoText, "the JSON holds no article objects", hintText)
	}
	var arts []model.Article
	var errs []error
	for i, o := range objects {
		a, err := jsonArticle(o)
		if err != nil {
			errs = append(errs, &entryError{entry: names[i], err: err})
			continue
		}
		arts = append(arts, a)
	}
	return arts, errors.Join(errs...)
}

// unwrapList returns the objects of an array or a wrapper object, or the
// value itself.
func unwrapList(raw json.RawMessage) ([]json.RawMessage, bool) {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		return list, true
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) == nil && lookup(obj, jsonBody) == nil && lookup(obj, jsonTitle) == nil {
		if inner := lookup(obj, jsonLists); inner != nil && json.Unmarshal(inner, &list) == nil {
			return list, true
		}
	}
	return []json.RawMessage{raw}, false
}

func jsonArticle(raw json.RawMessage) (model.Article, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return model.Article{}, fail(ErrFormat, "an article must be a JSON object, not "+jsonKind(raw), "")
	}
	a := model.Article{Format: FormatJSON}
	var err error
	if a.Title, err = jsonString(obj, jsonTitle); err != nil {
		return a, err
	}
	if a.Outlet, err = jsonString(obj, jsonOutlet); err != nil {
		return a, err
	}
	if a.URL, err = jsonString(obj, jsonURL); err != nil {
		return a, err
	}
	a.Title, a.Outlet, a.URL = foldSpace(a.Title), foldSpace(a.Outlet), strings.TrimSpace(a.URL)
	if a.Published, err = jsonTime(obj); err != nil {
		return a, err
	}
	body, err := jsonText(obj)
	if err != nil {
		return a, err
	}
	if looksLikeHTML(body) {
		a.Body = htmlFragmentText(body)
	} else {
		a.Body = textParagraphs(body)
	}
	if a.Body == "" {
		return a, fail(ErrNoText, "no content, body or text field with text", "add the article text as \"content\"")
	}
	return a, nil
}

// lookup finds the first of names in obj, ignoring case, skipping nulls.
func lookup(obj map[string]json.RawMessage, names []string) json.RawMessage {
	for _, n := range names {
		for k, v := range obj {
			if strings.EqualFold(k, n) && string(v) != "null" {
				return v
			}
		}
	}
	return nil
}

// jsonString reads a string field; an object stands for its "name" (as in
// {"source": {"name": "Reuters"}}).
func jsonString(obj map[string]json.RawMessage, names []string) (string, error) {
	v := lookup(obj, names)
	if v == nil {
		return "", nil
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s, nil
	}
	var inner map[string]json.RawMessage
	if json.Unmarshal(v, &inner) == nil {
		return jsonString(inner, []string{"name", "title", "@id", "url", "href"})
	}
	return "", fail(ErrFormat, fmt.Sprintf("field %q must be a string, not %s", fieldName(obj, names), jsonKind(v)), "")
}

// jsonText reads the body: a string, or an array of paragraph strings.
func jsonText(obj map[string]json.RawMessage) (string, error) {
	v := lookup(obj, jsonBody)
	if v == nil {
		return "", nil
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s, nil
	}
	var paras []string
	if json.Unmarshal(v, &paras) == nil {
		return strings.Join(paras, "\n\n"), nil
	}
	return "", fail(ErrFormat, fmt.Sprintf("field %q must be a string or an array of strings, not %s", fieldName(obj, jsonBody), jsonKind(v)), "")
}

// jsonTime reads the date: a string in any form [ParseDateLine] knows, or
// Unix seconds (or milliseconds) as a number.
func jsonTime(obj map[string]json.RawMessage) (time.Time, error) {
	v := lookup(obj, jsonDate)
	if v == nil {
		return time.Time{}, fail(ErrNoDate, "no published_at, date or published field", "add \"published_at\": \"2019-06-03T10:00:00Z\"")
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		if t, ok := ParseDateLine(s); ok {
			return t, nil
		}
		return time.Time{}, fail(ErrNoDate, fmt.Sprintf("field %q: %q is not a date", fieldName(obj, jsonDate), clip(s, 60)), "write dates like \"2019-06-03T10:00:00Z\"")
	}
	var n json.Number
	if json.Unmarshal(v, &n) == nil {
		if f, err := strconv.ParseFloat(string(n), 64); err == nil && f > 0 && f < 1e14 {
			if f > 1e11 {
				f /= 1000 // milliseconds
			}
			return time.Unix(int64(f), 0).UTC(), nil
		}
	}
	return time.Time{}, fail(ErrFormat, fmt.Sprintf("field %q must be a date string, not %s", fieldName(obj, jsonDate), jsonKind(v)), "")
}

func fieldName(obj map[string]json.RawMessage, names []string) string {
	for _, n := range names {
		for k, v := range obj {
			if strings.EqualFold(k, n) && string(v) != "null" {
				return k
			}
		}
	}
	return names[0]
}

func jsonKind(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// jsonErrorAt adds the line of a syntax error.
func jsonErrorAt(text string, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset <= int64(len(text)) {
		return fmt.Sprintf("line %d: %v", strings.Count(text[:se.Offset], "\n")+1, err)
	}
	return err.Error()
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// textParagraphs splits plain text at blank lines and folds each paragraph.
func textParagraphs(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var paras []string
	for _, p := range blankLines.Split(s, -1) {
		if p = foldSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}
