// Package gold reads gold event annotations (NAME.gold.json beside each
// article, written to the project's annotation guidelines) and scores
// extracted events against them at three levels: actors, actors+code and
// actors+code+date. Its rules are those of the reference scorer, so that
// `eventgraph eval` and the independent scorer agree on the same data.
package gold

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ErrNoGold is returned by [Load] when a folder holds no gold files.
var ErrNoGold = errors.New("no *.gold.json files")

// File is the gold annotation of one article.
type File struct {
	Path      string  `json:"-"`       // the gold file
	Article   string  `json:"article"` // the article's file name, beside the gold file
	Published string  `json:"published"`
	Events    []Event `json:"events"`
}

// ArticlePath is the path of the annotated article.
func (f File) ArticlePath() string { return filepath.Join(filepath.Dir(f.Path), f.Article) }

// Actor is a gold actor; Country is "" where the gold has null.
type Actor struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	Role    string `json:"role"`
}

// Event is one gold event.
type Event struct {
	Quote     string   `json:"quote"`
	Source    *Actor   `json:"source"`
	Target    *Actor   `json:"target"`
	CAMEO     string   `json:"cameo"`
	CAMEOAlt  []string `json:"cameo_alt"`
	Date      string   `json:"date"`
	End       string   `json:"end"`
	Precision string   `json:"precision"`
	Location  *string  `json:"location"`
}

// Load reads every *.gold.json in dir, sorted by name. A file that does not
// parse is an error naming it.
func Load(dir string) ([]File, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: %w", dir, ErrNoGold)
	}
	sort.Strings(names)
	var out []File
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var f File
		if err := json.Unmarshal(data, &f); err != nil {
			return nil, fmt.Errorf("%s: not a gold file: %w", name, err)
		}
		if f.Article == "" {
			return nil, fmt.Errorf("%s: the \"article\" field is empty", name)
		}
		f.Path = name
		out = append(out, f)
	}
	return out, nil
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

func countryOf(a *Actor) string {
	if a == nil {
		return ""
	}
	return strings.ToUpper(a.Country)
}
