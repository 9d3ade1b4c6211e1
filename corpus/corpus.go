// Package corpus generates synthetic article collections for benchmarks
// and load tests. It recombines the sentences, actors, places and dates of
// real sample articles into new articles, deterministically from a seed,
// and writes them in every input format eventgraph reads, so that a run
// exercises the readers, the extractor and the store as a real archive
// would.
package corpus

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/ingest"
	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/sentence"
	"github.com/eventgraph/eventgraph/model"
)

// ErrNoSamples is returned by [Load] when the sample folder holds no
// readable articles.
var ErrNoSamples = errors.New("no sample articles")

// Formats are the file formats Generate writes, in rotation.
var Formats = []string{"text", "plain", "html", "json", "jsonl", "rss"}

// DefaultCopies is the share of copies gen-corpus writes unless told:
// in news archives, wire stories carried by several outlets are common
// but not the rule.
const DefaultCopies = 0.2

// Options control a generated corpus.
type Options struct {
	N       int    // number of articles
	Seed    uint64 // same seed, same samples: same files, byte for byte
	Formats []string
	// PerFile is the number of articles in each JSON-lines and RSS file;
	// the other formats hold one article per file.
	PerFile int
	// From and To, when From is set, are the first and last day of
	// publication: each article is dated on a day drawn between them,
	// as a feed or a day's take added to an archive is. Otherwise each is
	// dated within a year before and two after its first sample's date.
	From, To time.Time
	// Recast swaps each article's names (states, people, groups,
	// organisations, places) for others of the samples, so that articles
	// built on one sample tell different stories. Without it, every
	// article repeats one of a few samples, and a large corpus is mostly
	// near-copies of a few stories.
	Recast bool
	// Copies is the share of articles that are another outlet's copy of
	// a recent story (0 to less than 1), as wire stories are carried.
	Copies float64
}

// Samples are the material articles are recombined from.
type Samples struct {
	articles []model.Article
	// titles and paragraphs of each sample, as sentences with their names
	titles []sampleSentence
	paras  [][][]sampleSentence
	// outlets seen in the samples, sorted
	outlets []string
	// the samples' names of each class, sorted: what a recast draws from
	pools [nameClasses][]string
}

// Load reads the sample articles of dir (any format ingest reads).
func Load(dir string) (*Samples, error) {
	s := &Samples{}
	outlets := map[string]bool{}
	err := ingest.Walk(context.Background(), []string{dir}, nil, func(f ingest.File) error {
		for _, a := range f.Articles {
			if a.Published.IsZero() || a.Body == "" {
				continue
			}
			s.articles = append(s.articles, a)
			if a.Outlet != "" {
				outlets[a.Outlet] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(s.articles) == 0 {
		return nil, fmt.Errorf("%s: %w", dir, ErrNoSamples)
	}
	for o := range outlets {
		s.outlets = append(s.outlets, o)
	}
	sort.Strings(s.outlets)
	s.findNames()
	return s, nil
}

// findNames splits the samples into sentences, finds the names in them
// and gathers each class's names into its pool.
func (s *Samples) findNames() {
	demonyms := map[string]bool{}
	for _, a := range s.articles {
		for _, m := range actor.Default().Find(a.Body, a.Published) {
			if m.Kind == actor.KindAdjective {
				demonyms[m.Text] = true
			}
		}
	}
	seen := [nameClasses]map[string]bool{}
	for c := range seen {
		seen[c] = map[string]bool{}
	}
	note := func(sn sampleSentence) sampleSentence {
		for _, sl := range sn.slots {
			name := sn.text[sl.start:sl.end]
			if r, _ := utf8.DecodeRuneInString(name); unicode.IsUpper(r) {
				seen[sl.class][name] = true
			}
		}
		return sn
	}
	for _, a := range s.articles {
		s.titles = append(s.titles, note(sampleSentence{a.Title, findSlots(a.Title, a.Published, demonyms)}))
		var paras [][]sampleSentence
		for _, p := range strings.Split(a.Body, "\n\n") {
			var sents []sampleSentence
			for _, sp := range sentence.Split(p) {
				sents = append(sents, note(sampleSentence{sp.Text, findSlots(sp.Text, a.Published, demonyms)}))
			}
			if len(sents) > 0 {
				paras = append(paras, sents)
			}
		}
		s.paras = append(s.paras, paras)
	}
	for c, names := range seen {
		for n := range names {
			s.pools[c] = append(s.pools[c], n)
		}
		sort.Strings(s.pools[c])
	}
}

// article is one generated article before it is written in a format.
type article struct {
	Title, Outlet, URL string
	Published          time.Time
	Paragraphs         []string
}

// generator composes a corpus's articles one after the other.
type generator struct {
	s        *Samples
	r        *rand.Rand
	from, to time.Time
	recast   bool
	copies   float64
	// the last stories composed, which a copy repeats
	recent []article
	next   int
}

// recentStories is how far back a copy reaches: a wire story is picked
// up within days, while it is among the latest.
const recentStories = 200

// compose builds article i: a story of its own, or, with a chance of
// copies, an outlet's copy of a recent one.
func (g *generator) compose(i int) article {
	if g.copies > 0 && len(g.recent) > 0 && g.r.Float64() < g.copies {
		return g.copyOf(i)
	}
	a := g.story(i)
	if g.copies > 0 {
		if len(g.recent) < recentStories {
			g.recent = append(g.recent, a)
		} else {
			g.recent[g.next] = a
			g.next = (g.next + 1) % recentStories
		}
	}
	return a
}

// story builds article i: the paragraphs of one sample (so that time
// expressions and pronouns keep their context) followed by paragraphs of
// another sample on a related topic, published on a shifted date, or on
// a day between from and to when from is set. The time of day is the
// sample's, so that the shift moves only the day. When recast, the
// article's states, people, groups, organisations and places are swapped
// for others of the samples, so that it tells a story of its own rather
// than repeat its sample's.
func (g *generator) story(i int) article {
	s, r := g.s, g.r
	k := r.IntN(len(s.articles))
	base := s.articles[k]
	var pub time.Time
	if g.from.IsZero() {
		shift := r.IntN(3*365) - 365
		pub = base.Published.AddDate(0, 0, shift)
	} else {
		days := int(g.to.Sub(g.from).Hours()/24 + 0.5)
		d := g.from.AddDate(0, 0, r.IntN(days+1))
		b := base.Published
		pub = time.Date(d.Year(), d.Month(), d.Day(), b.Hour(), b.Minute(), b.Second(), 0, b.Location())
	}
	var rc *recast
	if g.recast {
		rc = &recast{r: r, pools: &s.pools, swap: map[string]string{}}
	}
	text := func(p []sampleSentence) string {
		parts := make([]string, len(p))
		for j, sn := range p {
			parts[j] = sn.text
			if rc != nil {
				parts[j] = rc.apply(sn)
			}
		}
		return strings.Join(parts, " ")
	}
	var paras []string
	for _, p := range s.paras[k] {
		if r.IntN(5) == 0 { // drop a paragraph now and then
			continue
		}
		paras = append(paras, text(p))
	}
	other := r.IntN(len(s.articles))
	for j, p := range s.paras[other] {
		if j >= 3 {
			break
		}
		paras = append(paras, text(p))
	}
	if len(paras) == 0 {
		paras = []string{text(s.paras[k][0])}
	}
	outlet := base.Outlet
	if len(s.outlets) > 0 && r.IntN(3) == 0 {
		outlet = s.outlets[r.IntN(len(s.outlets))]
	}
	title := base.Title
	if rc != nil {
		title = rc.apply(s.titles[k])
	}
	return numbered(i, title, outlet, pub, paras)
}

// copyOf builds article i as another outlet's copy of a recent story:
// the same text, now and then without its last paragraph, under a
// headline of its own, published the same day or the next.
func (g *generator) copyOf(i int) article {
	r := g.r
	o := g.recent[r.IntN(len(g.recent))]
	paras := o.Paragraphs
	if len(paras) > 2 && r.IntN(3) == 0 {
		paras = paras[:len(paras)-1]
	}
	pub := o.Published.AddDate(0, 0, r.IntN(2))
	// The window's last day ends at midnight where the article is dated.
	if t := g.to; !t.IsZero() && !pub.Before(time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, pub.Location())) {
		pub = o.Published
	}
	outlet := o.Outlet
	if n := len(g.s.outlets); n > 1 {
		for outlet == o.Outlet {
			outlet = g.s.outlets[r.IntN(n)]
		}
	}
	title := o.Title
	if k := strings.LastIndex(title, " ("); k >= 0 { // the story's number
		title = title[:k]
	}
	return numbered(i, title, outlet, pub, paras)
}

// numbered is article i, its number in its headline and address, so that
// no two articles of a corpus are the same article to ingest.
func numbered(i int, title, outlet string, pub time.Time, paras []string) article {
	return article{
		Title:      fmt.Sprintf("%s (%d)", title, i),
		Outlet:     outlet,
		URL:        fmt.Sprintf("https://news.example.org/%s/%06d", pub.Format("2006/01/02"), i),
		Published:  pub,
		Paragraphs: paras,
	}
}

// Generate writes opt.N articles into dir, creating it, and returns the
// number of files written.
func (s *Samples) Generate(dir string, opt Options) (int, error) {
	if opt.N <= 0 {
		return 0, fmt.Errorf("corpus: N must be positive, got %d", opt.N)
	}
	formats := opt.Formats
	if len(formats) == 0 {
		formats = Formats
	}
	for _, f := range formats {
		if _, ok := writers[f]; !ok {
			return 0, fmt.Errorf("corpus: unknown format %q (want %s)", f, strings.Join(Formats, ", "))
		}
	}
	per := opt.PerFile
	if per <= 0 {
		per = 50
	}
	from, to := day(opt.From), day(opt.To)
	if !from.IsZero() && to.IsZero() {
		to = from
	}
	switch {
	case from.IsZero() && !to.IsZero():
		return 0, fmt.Errorf("corpus: a last day of publication (%s) needs a first", to.Format(time.DateOnly))
	case to.Before(from):
		return 0, fmt.Errorf("corpus: publication from %s to %s: the last day is before the first", from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	if opt.Copies < 0 || opt.Copies >= 1 {
		return 0, fmt.Errorf("corpus: a share of copies of %g: want at least 0 and less than 1", opt.Copies)
	}
	g := &generator{s: s, r: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15)),
		from: from, to: to, recast: opt.Recast, copies: opt.Copies}
	files := 0
	for i := 0; i < opt.N; {
		format := formats[files%len(formats)]
		n := 1
		if format == "jsonl" || format == "rss" {
			n = min(per, opt.N-i)
		}
		batch := make([]article, n)
		for j := range batch {
			batch[j] = g.compose(i + j)
		}
		w := writers[format]
		name := filepath.Join(dir, fmt.Sprintf("%03d", files/1000), fmt.Sprintf("a%07d%s", i, w.ext))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return files, err
		}
		if err := os.WriteFile(name, w.write(batch), 0o644); err != nil {
			return files, err
		}
		files++
		i += n
	}
	return files, nil
}

// day is t's calendar day at midnight UTC, or the zero time.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
