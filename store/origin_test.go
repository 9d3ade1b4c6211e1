package store

import (
	"strings"
	"testing"
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
