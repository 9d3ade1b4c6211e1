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

	"github.com/eventgraph/eventgraph/ingest"
	"github.com/eventgraph/eventgraph/ingest/sentence"
	"github.com/eventgraph/eventgraph/model"
)

// ErrNoSamples is returned by [Load] when the sample folder holds no
// readable articles.
var ErrNoSamples = errors.New("no sample articles")

// Formats are the file formats Generate writes, in rotation.
var Formats = []string{"text", "plain", "html", "json", "jsonl", "rss"}

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
}

// Samples are the material articles are recombined from.
type Samples struct {
	articles []model.Article
	// paragraphs of each sample, as sentence lists
	paras [][][]string
	// outlets seen in the samples, sorted
	outlets []string
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
			var paras [][]string
			for _, p := range strings.Split(a.Body, "\n\n") {
				var sents []string
				for _, sp := range sentence.Split(p) {
					sents = append(sents, sp.Text)
				}
				if len(sents) > 0 {
					paras = append(paras, sents)
				}
			}
			s.paras = append(s.paras, paras)
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
	return s, nil
}

// article is one generated article before it is written in a format.
type article struct {
	Title, Outlet, URL string
	Published          time.Time
	Paragraphs         []string
}

// compose builds article i: the paragraphs of one sample (so that time
// expressions and pronouns keep their context) followed by paragraphs of
// another sample on a related topic, published on a shifted date, or on
// a day between from and to when from is set. The time of day is the
// sample's, so that the shift moves only the day.
func (s *Samples) compose(r *rand.Rand, i int, from, to time.Time) article {
	k := r.IntN(len(s.articles))
	base := s.articles[k]
	var pub time.Time
	if from.IsZero() {
		shift := r.IntN(3*365) - 365
		pub = base.Published.AddDate(0, 0, shift)
	} else {
		days := int(to.Sub(from).Hours()/24 + 0.5)
		d := from.AddDate(0, 0, r.IntN(days+1))
		b := base.Published
		pub = time.Date(d.Year(), d.Month(), d.Day(), b.Hour(), b.Minute(), b.Second(), 0, b.Location())
	}
	var paras []string
	for _, p := range s.paras[k] {
		if r.IntN(5) == 0 { // drop a paragraph now and then
			continue
		}
		paras = append(paras, strings.Join(p, " "))
	}
	other := r.IntN(len(s.articles))
	for j, p := range s.paras[other] {
		if j >= 3 {
			break
		}
		paras = append(paras, strings.Join(p, " "))
	}
	if len(paras) == 0 {
		paras = []string{strings.Join(s.paras[k][0], " ")}
	}
	outlet := base.Outlet
	if len(s.outlets) > 0 && r.IntN(3) == 0 {
		outlet = s.outlets[r.IntN(len(s.outlets))]
	}
	return article{
		Title:      fmt.Sprintf("%s (%d)", base.Title, i),
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
	r := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	files := 0
	for i := 0; i < opt.N; {
		format := formats[files%len(formats)]
		n := 1
		if format == "jsonl" || format == "rss" {
			n = min(per, opt.N-i)
		}
		batch := make([]article, n)
		for j := range batch {
			batch[j] = s.compose(r, i+j, from, to)
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
