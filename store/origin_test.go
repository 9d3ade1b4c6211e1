package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
	"github.com/eventgraph/eventgraph/syndicate"
)

// TestSaveOrigin_QueryPlans checks that the lookups of wire origins read
// articles and bands through indexes: a scan would make every syndicated
// article cost in proportion to the store (it did, before migration 0008).
func TestSaveOrigin_QueryPlans(t *testing.T) {
	db := MustOpen(t)
	genCorpus(4, 100).save(t, db, false)
	if _, err := db.w.Exec(`ANALYZE`); err != nil {
		t.Fatal(err)
	}
	ids := `["r-000000000001","r-000000000002"]`
	for _, tt := range []struct {
		name, sql string
		args      []any
	}{
		{"add bands", addBandsSQL, []any{`["00ab"]`, "r-x"}},
		{"band mates", bandMatesSQL, []any{`["00ab","01cd"]`, "r-x"}},
		{"group copies", groupCopiesSQL, []any{ids}},
		{"set group", setGroupSQL, []any{"Reuters", "r-x", "r-y"}},
		{"move group", moveGroupSQL, []any{"Reuters", "r-x", "r-y"}},
		{"group row", groupRowSQL, []any{"r-x"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tx, err := db.w.Begin()
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			plan := MustPlan(t, tx, tt.sql, tt.args)
			for _, step := range tableScans(plan) {
				t.Errorf("full scan %q", step)
			}
			// A mate's signature and group come from an index, not from
			// the article's row, which holds the body before them.
			if tt.sql == bandMatesSQL && !slices.Contains(plan, "SEARCH a USING COVERING INDEX articles_sig (id=?)") {
				t.Errorf("band mates read the articles rows: %q", plan)
			}
		})
	}
}

// harbourStory is an invented wire story, long enough for a signature.
const harbourStory = `Port officials said on Tuesday that two cargo ships had been turned away from the northern harbour after a night of shelling damaged the main pier and set fire to a fuel depot near the customs sheds.

The harbour master told reporters that repairs would take at least a week and that ferries to the islands would sail from the southern quay until then, with extra crossings for families leaving the coast.`

// Every copy of a story stores the same copy group (the least id) and
// origin, whatever order the copies come in, alone or in one batch: the
// copy being saved is inserted with the values its group ends with
// (saveWithOrigin), and the copies stored before it are moved to them.
func TestSaveWithOrigin_SameInEveryOrder(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2021, 5, d, 9, 0, 0, 0, time.UTC) }
	type cp struct {
		outlet string
		day    int
		credit bool // a "(Reuters) -" dateline
	}
	for _, tt := range []struct {
		name   string
		copies []cp
		want   string
	}{
		{"credit", []cp{{"Harbour Daily", 3, false}, {"Coast Post", 2, true}, {"Island Radio", 4, false}, {"Pier Herald", 2, false}}, "Reuters"},
		{"agency outlet", []cp{{"Harbour Daily", 3, false}, {"AFP", 4, false}, {"Island Radio", 2, false}, {"Pier Herald", 5, false}}, "AFP"},
		{"earliest copy", []cp{{"Harbour Daily", 3, false}, {"Coast Post", 5, false}, {"Island Radio", 2, false}, {"Pier Herald", 4, false}}, "Island Radio"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var articles []model.Article
			for i, c := range tt.copies {
				body := harbourStory + fmt.Sprintf("\n\nCopy %d of the story.", i)
				if c.credit {
					body = "NORTHPORT (Reuters) - " + body
				}
				articles = append(articles, newArticle(fmt.Sprintf("copies/%d.txt", i), c.outlet, day(c.day), body))
			}
			least := articles[0].ID
			for _, a := range articles {
				least = min(least, a.ID)
			}
			for _, order := range permutations(len(articles)) {
				for _, batch := range []bool{false, true} {
					db := MustOpen(t)
					var in []model.Article
					for _, i := range order {
						in = append(in, articles[i])
					}
					if batch {
						if _, err := db.SaveArticles(context.Background(), in, make([][]model.Event, len(in))); err != nil {
							t.Fatal(err)
						}
					} else {
						for _, a := range in {
							MustSave(t, db, a, nil)
						}
					}
					rows, err := db.w.Query(`SELECT id, copy_group, origin FROM articles`)
					if err != nil {
						t.Fatal(err)
					}
					n := 0
					for rows.Next() {
						var id, group, origin string
						if err := rows.Scan(&id, &group, &origin); err != nil {
							t.Fatal(err)
						}
						if group != least || origin != tt.want {
							t.Errorf("order %v (batch %v): %s has group %s, origin %q; want %s, %q", order, batch, id, group, origin, least, tt.want)
						}
						n++
					}
					rows.Close()
					if n != len(articles) {
						t.Errorf("order %v: %d articles stored, want %d", order, n, len(articles))
					}
					db.Close()
				}
			}
		})
	}
}

// permutations lists every order of 0..n-1.
func permutations(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

// TestOriginGroups_SameAsFullRegroup stores random worlds of invented
// copies (credits, wire agencies as outlets, copies of one day, a story
// that bridges two groups, an article rolled back and retried, a second
// connection writing between batches) in random orders and batches,
// with the writer's group summaries and copy index and without them
// (every group worked out from its stored copies, every band mate
// read), and wants the same copy group and origin for every article.
// Some trials bound the copy index so tightly that it shrinks itself.
func TestOriginGroups_SameAsFullRegroup(t *testing.T) {
	defer func(n int) { maxIndexedBands = n }(maxIndexedBands)
	var fast, bridges, resets, shrinks int
	for trial := range 40 {
		rng := rand.New(rand.NewPCG(uint64(trial), 8))
		maxIndexedBands = []int{1 << 18, 40}[trial%2]
		world, failing := originWorld(t, rng)
		plan := originPlan(rng, world, failing)
		var got [2]string
		for k, summaries := range []bool{false, true} {
			path := filepath.Join(t.TempDir(), "eventgraph.db")
			db, other := MustOpenPath(t, path), MustOpenPath(t, path)
			if !summaries {
				db.origins, other.origins = nil, nil
			}
			for _, s := range plan {
				on := db
				if s.other {
					on = other
				}
				mustSaveSteps(t, on, s)
			}
			got[k] = mustOriginRows(t, db)
			if summaries {
				for _, g := range []*originGroups{db.origins, other.origins} {
					alone := 0
					for _, s := range g.sums {
						if s.alone {
							alone++
						}
					}
					if alone != g.alone || alone > 0 && !g.index.complete {
						t.Errorf("trial %d: %d summaries of lone articles (counted %d), copy index complete %v: kept only while it is",
							trial, alone, g.alone, g.index.complete)
					}
				}
				fast += db.origins.fast + other.origins.fast
				bridges += db.origins.bridges + other.origins.bridges
				resets += db.origins.index.resets + other.origins.index.resets
				shrinks += db.origins.index.shrinks + other.origins.index.shrinks
			}
		}
		if got[0] != got[1] {
			t.Errorf("trial %d: with summaries\n%s\nwithout\n%s", trial, got[1], got[0])
		}
	}
	// The worlds must exercise both paths.
	if fast == 0 || bridges == 0 || resets == 0 || shrinks == 0 {
		t.Errorf("%d copies placed by a summary, %d bridges, %d copy indexes emptied, %d shrunk: the worlds test too little", fast, bridges, resets, shrinks)
	}
}

// originStep saves articles in one batch, or one by one when single.
type originStep struct {
	articles []model.Article
	events   [][]model.Event
	single   bool
	other    bool // through the second connection
}

// originWorld invents copies of three stories: a and b share a long
// core but are not copies of each other, and a bridge story carries
// both, so that it joins their groups; d stands alone. failing is a
// copy of d with an early day and a credit, whose event cannot be
// stored, so that it changes d's group before it is rolled back.
func originWorld(t *testing.T, rng *rand.Rand) (world []model.Article, failing model.Article) {
	t.Helper()
	words := func(prefix string, n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = fmt.Sprintf("%s%d", prefix, i)
		}
		return strings.Join(w, " ")
	}
	core := words("core", 60)
	stories := map[string]string{
		"a":      words("alpha", 20) + " " + core,
		"b":      core + " " + words("bravo", 20),
		"bridge": words("alpha", 20) + " " + core + " " + words("bravo", 20),
		"d":      words("delta", 80),
	}
	if s := syndicate.Similarity(syndicate.Signature(stories["a"]), syndicate.Signature(stories["b"])); s >= syndicate.Threshold {
		t.Fatalf("stories a and b are copies (%.2f)", s)
	}
	outlets := []string{"Harbour Daily", "Coast Post", "Island Radio", "AFP", "Reuters", "Associated Press"}
	// Only the failing copy credits AFP, the least credit: its rollback
	// shows in every origin of d's group.
	credits := []string{"", "", "", "NORTHPORT (Reuters) - ", "(AP) - "}
	copyOf := func(story string, i int) model.Article {
		body := credits[rng.IntN(len(credits))] + stories[story] + fmt.Sprintf(" copy%d", i)
		day := time.Date(2021, 5, 3+rng.IntN(3), rng.IntN(24), 0, 0, 0, time.UTC)
		return newArticle(fmt.Sprintf("%s/%d.txt", story, i), outlets[rng.IntN(len(outlets))], day, body)
	}
	for _, s := range []struct {
		story string
		n     int
	}{{"a", 5}, {"b", 5}, {"bridge", 1}, {"d", 7}} {
		for i := range s.n {
			world = append(world, copyOf(s.story, i))
		}
	}
	failing = newArticle("d/failing.txt", "Coast Post", time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC),
		"EASTPORT (AFP) - "+stories["d"]+" copy failing")
	return world, failing
}

// originPlan orders the world at random into batches and single saves,
// some through the second connection; the failing article is tried
// once at random (with an event that cannot be stored) and, in some
// plans, stored later without it.
func originPlan(rng *rand.Rand, world []model.Article, failing model.Article) []originStep {
	bad := []model.Event{{Source: model.Actor{ID: "x", Name: "X", Role: model.RoleGOV}, Code: "9"}}
	var in []model.Article
	for _, i := range rng.Perm(len(world)) {
		in = append(in, world[i])
	}
	at := rng.IntN(len(in) + 1)
	in = append(in[:at], append([]model.Article{failing}, in[at:]...)...)
	if rng.IntN(2) == 0 {
		in = append(in, failing) // retried, now with nothing wrong
	}
	var plan []originStep
	tried := false
	for len(in) > 0 {
		n := min(1+rng.IntN(5), len(in))
		s := originStep{single: rng.IntN(3) == 0, other: rng.IntN(4) == 0}
		for _, a := range in[:n] {
			var events []model.Event
			if a.ID == failing.ID && a.Path == failing.Path && !tried {
				events, tried = bad, true
			}
			s.articles = append(s.articles, a)
			s.events = append(s.events, events)
		}
		plan = append(plan, s)
		in = in[n:]
	}
	return plan
}

// mustSaveSteps saves a step's articles; the one with the bad event
// fails with ErrInvalid, and a batch goes on after it.
func mustSaveSteps(tb testing.TB, db *DB, s originStep) {
	tb.Helper()
	ctx := context.Background()
	if s.single {
		for i, a := range s.articles {
			if _, err := db.SaveArticle(ctx, a, s.events[i]); err != nil && (s.events[i] == nil || !errors.Is(err, ErrInvalid)) {
				tb.Fatalf("SaveArticle(%s): %v", a.Path, err)
			}
		}
		return
	}
	articles, events := s.articles, s.events
	for len(articles) > 0 {
		added, err := db.SaveArticles(ctx, articles, events)
		if err == nil {
			return
		}
		if i := len(added); events[i] == nil || !errors.Is(err, ErrInvalid) {
			tb.Fatalf("SaveArticles: %v", err)
		}
		articles, events = articles[len(added)+1:], events[len(added)+1:]
	}
}

// mustOriginRows lists every article's copy group and origin.
func mustOriginRows(tb testing.TB, db *DB) string {
	tb.Helper()
	rows, err := db.r.Query(`SELECT id, path, copy_group, origin FROM articles ORDER BY id`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, path, group, origin string
		if err := rows.Scan(&id, &path, &group, &origin); err != nil {
			tb.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s %s %s\n", id, path, group, origin)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}
