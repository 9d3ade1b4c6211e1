package ingest

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/eventgraph/eventgraph/model"
)

// futureSlack is how far past the clock a publication time may lie: an
// article dated tomorrow in Auckland is today in Hawaii, and clocks drift.
const futureSlack = 48 * time.Hour

// now is the clock a publication date is compared with. It is the wall
// clock, not an injected one, because the question is whether the article
// can exist yet; tests replace it.
var now = time.Now

// checkArticles drops the articles every reader might let through but no
// one can use: texts longer than [MaxArticleSize]; those dated in the
// future (a typo, or a date meant to push events out of sight of a
// timeline's default range); and those whose body has no word at all
// (tables of figures, separators), where there is no sentence to code.
// Source URLs other than http(s) are dropped, the article kept.
// Each dropped article becomes an ErrTooLarge, ErrNoDate or ErrNoText
// error joined to err, named by its title when the file can hold several.
func checkArticles(arts []model.Article, multi bool, err error) ([]model.Article, error) {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = append(errs, j.Unwrap()...) // one level, as attachPath reads it
	} else if err != nil {
		errs = append(errs, err)
	}
	kept := arts[:0]
	for _, a := range arts {
		a.URL = webURL(a.URL)
		var p *problem
		switch {
		case len(a.Body) > MaxArticleSize:
			p = fail(ErrTooLarge, fmt.Sprintf("the text is %d KiB, the limit is %d KiB per article", len(a.Body)>>10, MaxArticleSize>>10),
				"split it into its articles, or remove what is not article text")
		case a.Published.After(now().Add(futureSlack)):
			p = fail(ErrNoDate, fmt.Sprintf("%s is in the future", a.Published.Format("2006-01-02")),
				"check the publication date: an article cannot be published after today")
		case !hasLetter(a.Body):
			p = fail(ErrNoText, "the body has no words, only figures or symbols", hintText)
		}
		if p == nil {
			kept = append(kept, a)
			continue
		}
		if multi {
			errs = append(errs, &entryError{entry: fmt.Sprintf("article %q", clip(a.Title, 60)), err: p})
		} else {
			errs = append(errs, p)
		}
	}
	if len(errs) == 1 {
		return kept, errs[0]
	}
	return kept, errors.Join(errs...)
}

// webURL keeps a source URL only when it is an absolute http or https one.
// Pages and exports link to it, and a javascript: or data: URL from a
// hostile page would run there; an article without a URL is still one.
func webURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
		return ""
	}
	return s
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
