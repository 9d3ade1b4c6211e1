package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
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
	} {
		t.Run(tt.name, func(t *testing.T) {
			tx, err := db.w.Begin()
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			for _, step := range MustPlan(t, tx, tt.sql, tt.args) {
				// json_each is the list of keys itself, not a table.
				if strings.HasPrefix(step, "SCAN ") && !strings.HasPrefix(step, "SCAN json_each") {
					t.Errorf("full scan %q", step)
				}
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
