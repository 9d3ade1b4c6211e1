package report

import (
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// The payloads every hostile field carries: markup that would close the
// options script, go-echarts' function marker, and an event handler.
const (
	xssScript = `</script><script>alert(1)</script>`
	xssFunc   = `__f__function(){alert(1)}__f__`
	xssImg    = `<img src=x onerror=alert(1)>`
	// The canary variants set window.__pwned, which the browser test reads.
	canaryScript = `</script><script>window.__pwned=1</script>`
	canaryFunc   = `__f__function(){window.__pwned=1}__f__`
	canaryImg    = `<img src=x onerror="window.__pwned=1">`
)

var (
	assad   = model.NewActor("Bashar al-Assad", "SYR", model.RoleGOV)
	syrArmy = model.NewActor("Syrian army", "SYR", model.RoleMIL)
	hts     = model.NewActor("Hayat Tahrir al-Sham", "SYR", model.RoleREB)
	kremlin = model.NewActor("Kremlin", "RUS", model.RoleGOV)
	turkey  = model.NewActor("Turkish government", "TUR", model.RoleGOV)
	un      = model.NewActor("United Nations", "IGO", model.RoleIGO)
	whiteH  = model.NewActor("White Helmets", "SYR", model.RoleNGO)
)

func mention(article, outlet, url, published, sentence string) model.Mention {
	return model.Mention{ArticleID: article, Outlet: outlet, URL: url, Published: published, Sentence: sentence, Path: "testdata/" + article + ".txt"}
}

func event(d model.Date, src model.Actor, tgt *model.Actor, code, place string, ms ...model.Mention) model.Event {
	e := model.Event{Date: d, Source: src, Target: tgt, Code: code, Location: place, Mentions: ms}
	e.SetID()
	return e
}

func ptr(a model.Actor) *model.Actor { return &a }

// MustFixture returns a small, fixed set of events with every date
// precision, several outlets per event, an event without target, an
// undated one and a non-web source URL. It is given out of order on purpose.
func MustFixture(tb testing.TB) []model.Event {
	tb.Helper()
	return []model.Event{
		event(model.DayOf(2019, time.June, 3), kremlin, ptr(turkey), "120", "Idlib",
			mention("r-1", "Reuters", "https://example.com/reuters/kremlin-rebuffs", "2019-06-03",
				"The Kremlin rebuffed Turkish criticism of the offensive in Idlib on Monday."),
			mention("r-2", "AFP", "https://example.com/afp/idlib-0603", "2019-06-04",
				"Moscow on Monday rejected Ankara's calls to halt the bombardment.")),
		event(model.Month(2018, time.September), kremlin, ptr(turkey), "057", "Sochi",
			mention("r-3", "Al Jazeera", "https://example.com/aj/sochi-deal", "2018-09-18",
				"Russia and Turkey signed a deal in September to set up a demilitarised zone around Idlib.")),
		event(model.DayOf(2019, time.May, 6), syrArmy, ptr(hts), "190", "Kafr Nabudah",
			mention("r-4", "Reuters", "https://example.com/reuters/kafr-nabudah", "2019-05-07",
				"Syrian army troops attacked rebel positions near Kafr Nabudah on Monday."),
			mention("r-5", "SOHR", "http://example.org/sohr/2019-05-06", "2019-05-06",
				"Regime forces stormed the town after heavy shelling."),
			mention("r-6", "Enab Baladi", "https://example.net/enab/kafr-nabudah", "2019-05-08",
				"Government forces launched a ground assault on Kafr Nabudah.")),
		event(model.Range(time.Date(2019, time.May, 2, 0, 0, 0, 0, time.UTC), time.Date(2019, time.May, 4, 0, 0, 0, 0, time.UTC)),
			syrArmy, ptr(whiteH), "183", "Idlib",
			mention("r-7", "The Guardian", "https://example.com/guardian/idlib-strikes", "2019-05-05",
				"Air strikes between 2 and 4 May hit three White Helmets centres.")),
		event(model.DayOf(2019, time.May, 9), un, ptr(syrArmy), "0256", "",
			mention("r-8", "UN News", "https://example.org/un/news/idlib-appeal", "2019-05-09",
				"The UN called on Syrian forces to halt the escalation in north-west Syria.")),
		event(model.DayOf(2019, time.May, 20), hts, ptr(syrArmy), "190", "Kafr Nabudah",
			mention("r-9", "Reuters", "https://example.com/reuters/counterattack", "2019-05-21",
				"Rebels launched a counter-attack on Kafr Nabudah on Monday.")),
		event(model.Year(2019), turkey, nil, "051", "",
			mention("r-10", "Daily Sabah", "ftp://example.com/sabah/2019", "2019-12-30",
				"Ankara praised its own role in the talks this year.")),
		event(model.DayOf(2019, time.June, 5), assad, ptr(un), "111", "Damascus",
			mention("r-11", "SANA", "", "2019-06-05",
				"President al-Assad criticised the UN statement as biased.")),
		event(model.DayOf(2019, time.June, 3), turkey, ptr(kremlin), "112", "Ankara",
			mention("r-12", "Hürriyet", "https://example.com/hurriyet/ankara-moscow", "2019-06-03",
				"Turkey accused Russia of violating the Sochi agreement.")),
		event(model.Date{}, whiteH, ptr(un), "023", "",
			mention("r-13", "", "https://example.org/wh/appeal", "",
				"The White Helmets appealed for aid for rescue teams.")),
	}
}

// MustHostile returns events whose every text field carries the payloads.
func MustHostile(tb testing.TB) []model.Event {
	tb.Helper()
	bad := model.NewActor("Bad "+xssScript+xssFunc+xssImg, "SYR", model.RoleREB)
	canary := model.NewActor(canaryScript+canaryFunc+canaryImg, "RUS", model.RoleGOV)
	return []model.Event{
		event(model.DayOf(2019, time.June, 3), bad, ptr(canary), "190", xssImg+canaryImg,
			model.Mention{ArticleID: "r-x1", Outlet: xssScript + xssFunc + xssImg, URL: "javascript:alert(1)",
				Published: "2019-06-03", Sentence: xssScript + " " + xssFunc + " " + xssImg, Trigger: xssFunc, TimeText: xssImg},
			model.Mention{ArticleID: "r-x2", Outlet: canaryScript + canaryFunc, URL: "javascript:window.__pwned=1",
				Published: "2019-06-03", Sentence: canaryScript + " " + canaryFunc + " " + canaryImg}),
		event(model.DayOf(2019, time.June, 4), canary, ptr(bad), "042", "",
			model.Mention{ArticleID: "r-x3", Outlet: canaryImg, URL: " JAVASCRIPT:window.__pwned=1", Sentence: canaryFunc},
			model.Mention{ArticleID: "r-x4", Outlet: "data", URL: "data:text/html,<script>window.__pwned=1</script>", Sentence: "data url"}),
	}
}
