package store

import (
	"fmt"
	"path"
	"testing"
)

// TestMigrationNumbers keeps the migrations numbered 1, 2, 3, ... with no
// number used twice: two changes made side by side can each add "the next"
// migration, and although both would apply (they are recorded by name),
// the number would no longer say the order in which they were written.
func TestMigrationNumbers(t *testing.T) {
	names, err := migrationNames()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatal("no embedded migrations")
	}
	for i, name := range names {
		var n int
		var rest string
		if _, err := fmt.Sscanf(path.Base(name), "%04d_%s", &n, &rest); err != nil {
			t.Fatalf("%s: name does not start with a four-digit number and an underscore: %v", name, err)
		}
		if n != i+1 {
			t.Errorf("%s: number %d, want %d (numbers must run 1, 2, 3 ... without gaps or repeats)", name, n, i+1)
		}
	}
}
