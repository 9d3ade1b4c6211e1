package timex

import (
	"testing"
	"time"
)

// TestOpenersSound checks that no rule matches from a token the filter
// of best would skip it at: every rule is run at every starter and
// number, and a match where the token's opens lacks the rule fails.
func TestOpenersSound(t *testing.T) {
	if len(openers) != len(rules) {
		t.Fatalf("%d openers for %d rules", len(openers), len(rules))
	}
	texts := append(articleTexts(t),
		"The talks resumed the following day and again the next morning, the same evening, that week.",
		"Early last year, in mid-2017 and at the end of March, officials met; late Friday night they left.",
		"The third quarter, the year-earlier quarter and last year's first quarter were weak; fiscal 1989 too.",
		"This summer, the winter of 1994, last fall and next spring; the 1990s and the nineties; '80s music.",
		"On Christmas Eve, New Year's Day, Valentine's Day and Thanksgiving the rebels attacked at around noon.",
		"Three days ago, a few weeks later, two years earlier, the past six months, every week, twice a day.",
		"At 10:30 p.m. GMT on 2019-06-03, 03/06/2019 and 17th of September 2018, the 20th century ended.",
		"Recently, now, the near future, as soon as possible, these days, in the future, soon after.",
		"Nineteen ninety-six, in two thousand and five; the first days of May; the beginning of the week.",
		"Each week, per day, each Monday, every morning and hourly; the full year; the year ended; for years.",
		"Tomorrow, yesterday, tonight, overnight, Monday, Sun. 4 June, Sept. 17, the current fiscal year.")
	dct := time.Date(2019, 6, 3, 0, 0, 0, 0, time.UTC)
	checked := 0
	for _, text := range texts {
		tg := &tagger{text: text, t: tokenize(text, nil), dct: dct}
		tg.markFuture()
		tg.refDay = tg.dct
		for i, tok := range tg.t {
			if !tok.start && tok.kind != tkNum && tok.w != "as" {
				continue // best tries no rule here ("as" opens "as soon as possible")
			}
			for r, rule := range rules {
				if tok.opens&(1<<r) != 0 {
					continue
				}
				checked++
				if m, ok := rule(tg, i); ok && m.end > i {
					t.Errorf("rule %d matches %q from %q, which its opener excludes", r, text[tok.s:tg.t[m.end-1].e], tok.w)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no rule was skipped anywhere")
	}
}

// TestOpenersSkip checks that the filter skips rules at the common
// starters, which is what it is for.
func TestOpenersSkip(t *testing.T) {
	for _, w := range []string{"the", "a", "last", "first"} {
		toks := tokenize(w, nil)
		if len(toks) != 1 {
			t.Fatalf("%q: %d tokens", w, len(toks))
		}
		n := 0
		for r := range rules {
			if toks[0].opens&(1<<r) != 0 {
				n++
			}
		}
		if n == 0 || n >= len(rules) {
			t.Errorf("%q opens %d of %d rules", w, n, len(rules))
		}
	}
	if toks := tokenize("2019", nil); toks[0].opens != numOpens() {
		t.Errorf("a number opens %b, want %b", toks[0].opens, numOpens())
	}
}
