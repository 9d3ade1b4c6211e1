package ingest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const corpusDir = "../testdata/articles"

// corpus is every sample article with the metadata it must yield.
var corpus = []struct {
	file, title, outlet, published, url, format string
}{
	{"ethiopia-pretoria-agreement-2022-11-03.txt", "Ethiopia and Tigray forces agree to permanently end hostilities", "Reuters", "2022-11-03T00:00:00Z", "https://www.reuters.com/world/africa/ethiopia-tigray-forces-agree-cessation-hostilities-2022-11-02/", "text"},
	{"gaza-ceasefire-2021-05-21.html", "Gaza truce holds as Palestinians and Israelis emerge from 11-day war", "AFP", "2021-05-21T15:45:00+03:00", "", "html"},
	{"gaza-israel-war-declared-2023-10-08.txt", "Israel formally declares war on Hamas after deadliest attack in decades", "BBC News", "2023-10-08T17:45:00+01:00", "https://www.bbc.co.uk/news/world-middle-east-67043545", "text"},
	{"idlib-kremlin-2019-06-03.txt", "Kremlin Rebuffs Trump on Syria, Says Military Action in Idlib Is Justified", "Reuters", "2019-06-03T00:00:00Z", "https://www.themoscowtimes.com/2019/06/03/kremlin-rebuffs-trump-on-syria-says-military-action-in-idlib-is-justified-a65855", "text"},
	{"idlib-moscow-ceasefire-2020-03-05.txt", "Russia and Turkey agree Idlib ceasefire after six hours of Kremlin talks", "Reuters", "2020-03-05T00:00:00Z", "https://www.reuters.com/article/us-syria-security-russia-turkey/russia-and-turkey-agree-idlib-ceasefire-idUSKBN20S2D4", "text"},
	{"idlib-moscow-ceasefire-2020-03-06.txt", "Uneasy calm in Idlib as Russia-Turkey truce takes hold", "Associated Press", "2020-03-06T14:40:00Z", "https://apnews.com/article/idlib-ceasefire-russia-turkey-2020-03-06", "text"},
	{"idlib-peskov-trump-2019-06-03.txt", "Russia defends Idlib bombing after Trump's 'STOP!' tweet", "Al Jazeera", "2019-06-03T00:00:00Z", "https://www.aljazeera.com/news/2019/06/russia-defends-idlib-bombing-trump-190603.html", "text"},
	{"idlib-sochi-deal-2018-09-17.txt", "Putin and Erdogan agree Idlib buffer zone, putting off assault for now", "AFP", "2018-09-17T00:00:00Z", "https://www.afp.com/en/news/2018/09/17/putin-erdogan-agree-idlib-buffer-zone", "text"},
	{"idlib-turkish-soldiers-2020-02-28.txt", "Turkey strikes back after 33 soldiers killed in Idlib air raid", "BBC News", "2020-02-28T13:20:00Z", "https://www.bbc.co.uk/news/world-middle-east-51667487", "text"},
	{"karabakh-ceasefire-2020-11-10.txt", "Russian Peacekeepers Head to Karabakh Under Kremlin-Brokered Deal", "The Moscow Times", "2020-11-10T00:00:00Z", "https://www.themoscowtimes.com/2020/11/10/russian-peacekeepers-head-to-karabakh-a71996", "text"},
	{"libya-tripoli-offensive-2019-04-07.txt", "Libya's UN-backed government launches counteroffensive as Haftar presses on Tripoli", "France 24", "2019-04-07T00:00:00Z", "https://www.france24.com/en/20190407-libya-gna-counteroffensive-haftar-tripoli", "text"},
	{"mali-france-withdrawal-2022-02-18.txt", "Mali junta tells France to pull troops out 'without delay'", "RFI", "2022-02-18T15:32:00Z", "https://www.rfi.fr/en/africa/20220218-mali-junta-tells-france-to-withdraw-troops-without-delay", "text"},
	{"myanmar-coup-2021-02-01.txt", "Myanmar military seizes power, detains Aung San Suu Kyi", "", "2021-02-01T00:00:00Z", "", "plain"},
	{"sudan-jeddah-declaration-2023-05-12.json", "Sudan's warring sides sign pledge to protect civilians, but no ceasefire", "Al Jazeera", "2023-05-12T15:20:00+03:00", "https://www.aljazeera.com/news/2023/5/12/sudans-warring-sides-sign-pledge-to-protect-civilians", "json"},
	{"sudan-khartoum-clashes-2023-04-16.txt", "Sudan's rival generals battle for second day as death toll mounts", "Associated Press", "2023-04-16T00:00:00Z", "https://apnews.com/article/sudan-military-rsf-khartoum-fighting-2023-04-16", "text"},
	{"ukraine-grain-deal-exit-2023-07-17.txt", "Kremlin Halts Black Sea Grain Deal Hours After Crimean Bridge Blast", "The Moscow Times", "2023-07-17T00:00:00Z", "https://www.themoscowtimes.com/2023/07/17/kremlin-halts-black-sea-grain-deal-a81893", "text"},
	{"ukraine-invasion-2022-02-24.txt", "Russia launches full-scale invasion of Ukraine", "The Kyiv Independent", "2022-02-24T00:00:00Z", "https://kyivindependent.com/russia-launches-full-scale-invasion-of-ukraine", "text"},
	{"ukraine-minsk-ceasefire-2015-02-12.txt", "Ceasefire deal for eastern Ukraine agreed after all-night Minsk summit", "Euronews", "2015-02-12T00:00:00Z", "https://www.euronews.com/2015/02/12/ceasefire-deal-for-eastern-ukraine-agreed-in-minsk", "text"},
	{"ukraine-odesa-grain-strike-2022-07-24.txt", "Russia says Odesa strike hit warship as doubts grow over grain deal", "The Guardian", "2022-07-24T11:05:00+01:00", "https://www.theguardian.com/world/2022/jul/24/russia-says-odesa-strike-hit-warship-grain-deal", "text"},
	{"yemen-abqaiq-attack-2019-09-16.txt", "Coalition says Iranian arms used in Saudi oil attack as Tehran rejects blame", "Reuters", "2019-09-16T00:00:00Z", "https://www.reuters.com/article/us-saudi-aramco-attacks/coalition-says-iranian-arms-used-in-saudi-oil-attack-idUSKBN1W10OM", "text"},
	{"yemen-stockholm-agreement-2018-12-13.txt", "Yemen's warring parties agree truce for Hodeidah at Sweden talks", "Al Jazeera", "2018-12-13T00:00:00Z", "https://www.aljazeera.com/news/2018/12/yemen-warring-parties-agree-hodeidah-ceasefire-181213.html", "text"},
}

// TestCorpus parses every sample article and checks its metadata, that the
// body holds every quote of the gold file, and that no header, credit,
// related line or url trailer reached the body.
func TestCorpus(t *testing.T) {
	entries, err := filepath.Glob(filepath.Join(corpusDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	articles := 0
	for _, e := range entries {
		if IsArticleExt(e) && skipReason(filepath.Base(e)) == "" {
			articles++
		}
	}
	if articles != len(corpus) {
		t.Errorf("corpus has %d articles, the table %d", articles, len(corpus))
	}
	for _, tc := range corpus {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(corpusDir, tc.file)
			arts, err := Parse(path, MustRead(t, path))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(arts) != 1 {
				t.Fatalf("got %d articles, want 1", len(arts))
			}
			a := arts[0]
			want, _ := time.Parse(time.RFC3339, tc.published)
			if !a.Published.Equal(want) || a.Published.Format(time.RFC3339) != tc.published {
				t.Errorf("Published = %s, want %s", a.Published.Format(time.RFC3339), tc.published)
			}
			check := func(field, got, want string) {
				if got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("Title", a.Title, tc.title)
			check("Outlet", a.Outlet, tc.outlet)
			check("URL", a.URL, tc.url)
			check("Format", a.Format, tc.format)
			check("Path", a.Path, path)
			if a.ID == "" || !strings.HasPrefix(a.ID, "r-") {
				t.Errorf("ID = %q: not sealed", a.ID)
			}
			MustCleanBody(t, a.Body)
			for _, bad := range []string{tc.title, "Original url", "Related article", "By [", "/ AFP", "Kremlin.ru", "/ TASS", "Advertisement", "cookies", "Share on", "Related stories", "Sign up"} {
				if bad != "" && strings.Contains(a.Body, bad) {
					t.Errorf("body contains %q", bad)
				}
			}
			for _, q := range MustGoldQuotes(t, path) {
				if !strings.Contains(a.Body, q) {
					t.Errorf("body lacks gold quote %q", q)
				}
			}
		})
	}
}

// MustRead reads a test file.
func MustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// MustCleanBody checks the body shape every reader promises: paragraphs
// joined by one blank line, no other line breaks, no doubled or edge
// spaces.
func MustCleanBody(tb testing.TB, body string) {
	tb.Helper()
	if body == "" {
		tb.Fatal("empty body")
	}
	for i, p := range strings.Split(body, "\n\n") {
		if p == "" || p != foldSpace(p) {
			tb.Errorf("paragraph %d is not folded: %q", i, p)
		}
	}
}

// MustGoldQuotes returns the quotes of the gold file beside an article.
func MustGoldQuotes(tb testing.TB, path string) []string {
	tb.Helper()
	gold := strings.TrimSuffix(path, filepath.Ext(path)) + ".gold.json"
	var g struct {
		Events []struct {
			Quote string `json:"quote"`
		} `json:"events"`
	}
	if err := json.Unmarshal(MustRead(tb, gold), &g); err != nil {
		tb.Fatalf("%s: %v", gold, err)
	}
	var qs []string
	for _, e := range g.Events {
		qs = append(qs, e.Quote)
	}
	if len(qs) == 0 {
		tb.Fatalf("%s: no quotes", gold)
	}
	return qs
}
