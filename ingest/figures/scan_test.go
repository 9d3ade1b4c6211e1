package figures

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// wordRE is the expression tokenize implements by hand.
var wordRE = regexp.MustCompile(`\$?[0-9][0-9,]*(?:\.[0-9]+)?|[A-Za-z]+(?:-[A-Za-z]+)*|[$€£%]`)

func regexpTokens(s string) []token {
	out := []token{}
	for _, loc := range wordRE.FindAllStringIndex(s, -1) {
		t := s[loc[0]:loc[1]]
		out = append(out, token{text: t, lower: strings.ToLower(t), start: loc[0], end: loc[1]})
	}
	return out
}

func scanTokens(s string) []token {
	return tokenize(s)
}

func TestTokenizeMatchesRegexp(t *testing.T) {
	for _, s := range []string{
		"", "At least 33 Turkish soldiers", "$1.5 billion, 200,000 people; 3.5% and 1,2.", "thirty-three -x- a-", "€500 £20 $ %",
		"1.", "1.a", "$", "$$1", "x\xe2\x82\xac5", "\xe2\xc2\xa3", "état-major 12", "--a--b--", "9,,9.9.9",
		"İSTANBUL Saw 12 KILLED", "ÉTAT Major-General X3 ẞ Fled",
	} {
		if got, want := scanTokens(s), regexpTokens(s); !reflect.DeepEqual(got, want) {
			t.Errorf("tokenize(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("At least 33 Turkish soldiers were killed in an air strike.")
	f.Add("more than 200,000 people have fled; $1.5 billion €3 £4 5%")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := scanTokens(s), regexpTokens(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("tokenize(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestFindReusesTokens checks that the pooled token slice carries
// nothing from one sentence into the next, long or short.
func TestFindReusesTokens(t *testing.T) {
	long := "Officials in Varnia said at least 40 Border Guards were killed and more than 3,000 people fled " +
		strings.Repeat("across the Hollow Hills ", 20) + "on Tuesday."
	short := "Dozens Were Wounded."
	wantLong, wantShort := Find(long), Find(short)
	if len(wantLong) == 0 || len(wantShort) == 0 {
		t.Fatalf("Find found %v and %v, want figures in both", wantLong, wantShort)
	}
	for range 3 {
		if got := Find(short); !reflect.DeepEqual(got, wantShort) {
			t.Errorf("Find(%q) after a longer sentence = %v, want %v", short, got, wantShort)
		}
		if got := Find(long); !reflect.DeepEqual(got, wantLong) {
			t.Errorf("Find(%q) after a shorter sentence = %v, want %v", long, got, wantLong)
		}
	}
}

// BenchmarkFind runs Find over every sentence-sized line of the sample
// articles; most have no figure, as in real text.
func BenchmarkFind(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*.txt"))
	var lines []string
	size := 0
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(string(body), ". ") {
			lines = append(lines, l)
			size += len(l)
		}
	}
	if len(lines) == 0 {
		b.Skip("no sample articles")
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, l := range lines {
			Find(l)
		}
	}
}
