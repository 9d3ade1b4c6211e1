package ingest

import (
	"regexp"
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// The text layout of the sample corpus:
//
//	Title
//
//	By [Outlet](#)
//
//	June 03, 2019
//
//	Anas Alkharboutli / DPA / TASS
//
//	Body paragraph...
//
//	Related article: [...](...)
//
//	Original url:
//
//	<https://...>
//
// Plain text is the same without the byline and the url trailer.
var (
	bylineMD    = regexp.MustCompile(`^(?i:by)\s+\[([^\]]+)\]\([^)]*\)\s*$`)
	bylinePlain = regexp.MustCompile(`^(?i:by)\s+(\S.*)$`)
	mdLink      = regexp.MustCompile(`\[([^\]\n]+)\]\((?:https?://[^)\s]*|#[^)\s]*)\)`)
	urlTrailer  = regexp.MustCompile(`^(?i)(?:original\s+url|source\s+url|url|source|link)\s*:\s*(.*)$`)
	relatedLine = regexp.MustCompile(`^(?i)(?:related(?:\s+articles?|\s+stories|\s+story)?|read\s+more|see\s+also|also\s+read)\s*:`)
	creditWords = regexp.MustCompile(`(?i)^(?:photo|image|picture|credit|foto)s?\b|©|\(c\)|getty images|\bafp\b|\breuters\b|\bap photo\b|\btass\b|\bepa\b`)
	domainLike  = regexp.MustCompile(`^[\pL\d-]+(?:\.[\pL\d-]+)*\.[a-z]{2,}$`)
)

// maxHeaderLines is how many non-blank lines after the title may hold the
// byline and the date; the date must come within them.
const maxHeaderLines = 3

// parseText reads the text layout or plain text. Format is "text" when the
// file has a byline or a url trailer, else "plain". It returns ErrNoDate
// and ErrNoText problems.
func parseText(data string) (model.Article, error) {
	lines := strings.Split(data, "\n")
	i := 0
	next := func() (string, bool) { // the next non-blank line
		for i < len(lines) {
			l := strings.TrimSpace(lines[i])
			i++
			if l != "" {
				return l, true
			}
		}
		return "", false
	}
	var a model.Article
	title, _ := next()
	a.Title = foldSpace(strings.TrimLeft(title, "# "))

	dated := false
	for n := 0; n < maxHeaderLines && !dated; n++ {
		save := i
		l, ok := next()
		if !ok {
			break
		}
		if m := bylineMD.FindStringSubmatch(l); m != nil && a.Outlet == "" {
			a.Outlet = foldSpace(m[1])
			continue
		}
		if t, ok := ParseDateLine(l); ok {
			a.Published, dated = t, true
			continue
		}
		if m := bylinePlain.FindStringSubmatch(l); m != nil && a.Outlet == "" && isShortLabel(m[1]) {
			a.Outlet = foldSpace(m[1])
			continue
		}
		i = save
		break
	}
	if !dated {
		return a, fail(ErrNoDate, "no date line within the first lines after the title", hintDate)
	}
	save := i
	if l, ok := next(); !ok || !isCredit(l) {
		i = save // no credit line: the body starts here
	}

	format := "plain"
	if a.Outlet != "" {
		format = "text"
	}
	var paras []string
	var para []string
	flush := func() {
		if len(para) > 0 {
			paras = append(paras, foldSpace(strings.Join(para, " ")))
			para = para[:0]
		}
	}
	for ; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		switch {
		case l == "":
			flush()
		case relatedLine.MatchString(l):
			flush()
		case urlTrailer.MatchString(l) && (a.URL == "" && looksLikeTrailer(l, lines[i+1:])):
			flush()
			format = "text"
			u := urlTrailer.FindStringSubmatch(l)[1]
			if strings.TrimSpace(u) == "" { // the url is on a following line
				for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) == "" {
					i++
				}
				if i+1 < len(lines) {
					i++
					u = lines[i]
				}
			}
			a.URL = cleanURL(u)
		default:
			para = append(para, mdLink.ReplaceAllString(l, "$1"))
		}
	}
	flush()
	a.Body = strings.Join(paras, "\n\n")
	a.Format = format
	if a.Body == "" {
		return a, fail(ErrNoText, "the file has a title and a date but no body paragraphs", hintText)
	}
	return a, nil
}

// looksLikeTrailer tells an "Original url:" line from a body sentence that
// happens to start with "Source:": the value (here or on the next non-blank
// line) must be a URL.
func looksLikeTrailer(l string, rest []string) bool {
	u := strings.TrimSpace(urlTrailer.FindStringSubmatch(l)[1])
	if u == "" {
		for _, r := range rest {
			if u = strings.TrimSpace(r); u != "" {
				break
			}
		}
	}
	u = strings.Trim(u, "<>")
	return strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "www.")
}

func cleanURL(u string) string {
	u = strings.TrimSpace(u)
	u = strings.TrimPrefix(strings.TrimSuffix(u, ">"), "<")
	if m := mdLink.FindStringSubmatch(u); m != nil {
		u = m[1]
	}
	return strings.TrimSpace(u)
}

// isShortLabel is true for an outlet or author name, not a sentence: "By
// the evening, Russian forces had seized..." is body text.
func isShortLabel(s string) bool {
	return len(strings.Fields(s)) <= 6 && !strings.ContainsAny(s, ",;") && !strings.HasSuffix(s, ".")
}

// isCredit is true for a photo credit under the date: "Anas Alkharboutli /
// DPA / TASS", "Kremlin.ru", "Photo: Reuters". It must be short and not a
// sentence.
func isCredit(l string) bool {
	if len(l) > 100 || len(strings.Fields(l)) > 12 || strings.ContainsAny(l[len(l)-1:], ".!?\"'”:;,") {
		return false
	}
	return strings.Contains(l, " / ") || creditWords.MatchString(l) || domainLike.MatchString(strings.ToLower(l))
}

// foldSpace folds runs of white space (including no-break spaces) to one
// space and trims the ends.
func foldSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
