package timex

import (
	"testing"
	"time"
)

func mustDay(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// The cases cover every date phenomenon of the sample corpus
// (shared/eval/dev/INDEX.md) with its publication date, plus the forms the
// tagger promises. want is the expression's text, value and event date
// (model.Date.Encode form; "" for none).
func TestTag(t *testing.T) {
	tests := []struct {
		name, dct, text, want, val, date string
	}{
		{"weekday same day", "2019-06-03", "The Kremlin said on Monday it was needed.", "Monday", "2019-06-03", "2019-06-03"},
		{"weekday past", "2019-06-03", "Trump on Sunday urged Russian forces to stop.", "Sunday", "2019-06-02", "2019-06-02"},
		{"weekday attributive", "2019-06-03", "following a Friday Kremlin statement", "Friday", "2019-05-31", "2019-05-31"},
		{"weekday future", "2019-06-03", "The ministers will meet on Thursday.", "Thursday", "2019-06-06", "2019-06-06"},
		{"next weekday", "2019-06-06", "Talks resume next Tuesday.", "next Tuesday", "2019-06-11", "2019-06-11"},
		{"month past", "2019-06-03", "a deal reached between Russia and Turkey in September", "September", "2018-09", "2018-09"},
		{"month future", "2019-06-03", "The summit will be held in September.", "September", "2019-09", "2019-09"},
		{"last month name", "2019-06-03", "the deal struck in Sochi last September", "last September", "2018-09", "2018-09"},
		{"end of month", "2019-06-03", "since strikes began at the end of April", "the end of April", "2019-04", "2019-04"},
		{"early month", "2019-06-03", "In early May they captured the towns.", "early May", "2019-05", "2019-05"},
		{"late month", "2019-06-03", "counterattacks in late May", "late May", "2019-05", "2019-05"},
		{"two days after", "2019-06-03", "Trump had taken to Twitter late on Sunday. His intervention came two days after the Kremlin indicated it.", "two days", "P2D", "2019-05-31"},
		{"on Tuesday past", "2019-06-03", "in a statement on Tuesday", "Tuesday", "2019-05-28", "2019-05-28"},
		{"earlier this month", "2018-09-17", "sent reinforcements earlier this month", "earlier this month", "2018-09", "2018-09"},
		{"last week", "2018-09-17", "Mark Lowcock warned last week that", "last week", "2018-W37", "2018-09-10/2018-09-16"},
		{"first days of", "2018-09-17", "bombed Idlib in the first days of September", "the first days of September", "2018-09", "2018-09"},
		{"late on Thursday", "2020-02-28", "The attack late on Thursday was the deadliest.", "Thursday", "2020-02-27", "2020-02-27"},
		{"year adjective", "2020-03-05", "the 2018 Sochi deal", "2018", "2018", "2018"},
		{"since early February", "2020-03-05", "troops into Idlib since early February", "early February", "2020-02", "2020-02"},
		{"on Sunday", "2020-03-05", "and on Sunday it shot down two jets", "Sunday", "2020-03-01", "2020-03-01"},
		{"on Thursday next day paper", "2020-03-06", "Putin and Erdogan agreed on Thursday", "Thursday", "2020-03-05", "2020-03-05"},
		{"the following day", "2020-03-06", "Strikes hit on Feb. 27. Ankara retaliated the following day with strikes.", "the following day", "2020-02-28", "2020-02-28"},
		{"overnight", "2020-03-06", "clashes overnight killed six soldiers", "overnight", "2020-03-06", "2020-03-06"},
		{"since month year", "2020-03-06", "killed since the uprising began in March 2011", "March 2011", "2011-03", "2011-03"},
		{"month of last year", "2015-02-12", "the truce reached in Minsk in September", "September", "2014-09", "2014-09"},
		{"three days before", "2022-02-24", "recognised the republics on Monday, three days before the invasion", "Monday", "2022-02-21", "2022-02-21"},
		{"possessive weekday", "2022-07-24", "Saturday's strike on Odesa", "Saturday", "2022-07-23", "2022-07-23"},
		{"month in past year", "2022-07-24", "since Russia invaded in February", "February", "2022-02", "2022-02"},
		{"month year", "2023-07-17", "joined the initiative in July 2022", "July 2022", "2022-07", "2022-07"},
		{"month year yemen", "2018-12-13", "The coalition intervened in March 2015.", "March 2015", "2015-03", "2015-03"},
		{"a day earlier", "2023-04-16", "in a televised interview a day earlier", "a day earlier", "2023-04-15", "2023-04-15"},
		{"between range", "2021-05-21", "Between May 10 and May 20, strikes killed 232.", "May 10", "2021-05-10", "2021-05-10/2021-05-20"},
		{"day range", "2021-05-21", "fighting on 2-4 May", "2-4 May", "2021-05-02", "2021-05-02/2021-05-04"},
		{"duration adjective", "2021-05-21", "the end of the 11-day war", "11-day", "P11D", ""},
		{"since Thursday", "2019-04-07", "advancing on the capital since Thursday", "Thursday", "2019-04-04", "2019-04-04"},
		{"two years ago", "2022-11-03", "The war erupted two years ago.", "two years ago", "2020", "2020"},
		{"the same evening", "2022-11-03", "The deal was signed on Wednesday. In a statement issued the same evening, Abiy thanked them.", "the same evening", "2022-11-02TEV", "2022-11-02"},
		{"in March same year", "2022-11-03", "A truce declared in March collapsed", "March", "2022-03", "2022-03"},
		{"a day after", "2020-11-10", "The agreement came a day after Azerbaijan said it had captured Shusha.", "a day", "P1D", "2020-11-09"},
		{"slashed date", "2022-02-18", "18/02/2022 - 15:32", "18/02/2022", "2022-02-18", "2022-02-18"},
		{"last month", "2022-02-18", "ECOWAS imposed sanctions last month", "last month", "2022-01", "2022-01"},
		{"in year", "2022-02-18", "France first intervened in Mali in 2013", "2013", "2013", "2013"},
		{"full date US", "2019-06-05", "On June 3, 2019, the Kremlin said", "June 3, 2019", "2019-06-03", "2019-06-03"},
		{"full date EU", "2019-06-05", "On 3 June 2019 the Kremlin said", "3 June 2019", "2019-06-03", "2019-06-03"},
		{"ISO", "2019-06-05", "dated 2019-06-03 in the file", "2019-06-03", "2019-06-03", "2019-06-03"},
		{"abbrev month", "2018-09-20", "the deal signed on Sept. 17", "Sept. 17", "2018-09-17", "2018-09-17"},
		{"yesterday", "2019-06-03", "Officials said yesterday", "yesterday", "2019-06-02", "2019-06-02"},
		{"tomorrow", "2019-06-03", "talks resume tomorrow", "tomorrow", "2019-06-04", "2019-06-04"},
		{"last year", "2019-06-03", "elections last year", "last year", "2018", "2018"},
		{"earlier this year", "2019-06-03", "a visit earlier this year", "earlier this year", "2019", "2019"},
		{"season", "2019-06-03", "an offensive this summer", "this summer", "2019-SU", "2019-06-01/2019-08-31"},
		{"quarter", "1989-10-26", "third-quarter profit rose", "third-quarter", "1989-Q3", "1989-07-01/1989-09-30"},
		{"decade", "2019-06-03", "wars of the 1990s", "the 1990s", "199", "1990-01-01/1999-12-31"},
		{"duration", "2019-06-03", "a war that lasted nearly four weeks", "nearly four weeks", "P4W", ""},
		{"present ref", "2019-06-03", "The town is now under siege.", "now", "PRESENT_REF", ""},
		{"past ref", "2019-06-03", "Troops recently arrived.", "recently", "PAST_REF", ""},
		{"clock", "2019-06-03", "The blast came at 10 p.m. Sunday.", "10 p.m. Sunday", "2019-06-02T22:00", "2019-06-02"},
		{"set", "2019-06-03", "during his daily conference call", "daily", "P1D", ""},
		{"this week", "2019-06-05", "talks this week", "this week", "2019-W23", "2019-06-03/2019-06-09"},
		{"weekend", "2019-06-03", "protests at the weekend", "the weekend", "2019-W22-WE", "2019-06-01/2019-06-02"},
		{"said weekday in future sentence", "1998-03-06", "A spokesman said Thursday that the troops will remain.", "Thursday", "1998-03-05", "1998-03-05"},
		{"planned weekday", "1998-09-30", "The team planned to leave Nairobi on Thursday for Dar es Salaam.", "Thursday", "1998-10-01", "1998-10-01"},
		{"as soon as weekday", "2000-04-03", "They could leave as soon as Wednesday, Castro said.", "Wednesday", "2000-04-05", "2000-04-05"},
		{"next to is no future", "1998-08-08", "Hundreds were wounded in the blast next to the embassy on Friday.", "Friday", "1998-08-07", "1998-08-07"},
		{"planning month", "1999-02-10", "They can take part in planning for the summit in April.", "April", "1999-04", "1999-04"},
		{"half year", "1998-03-06", "They lived in the camps for 2 1/2 years.", "2 1/2 years", "P2Y6M", ""},
		{"and a half", "1998-03-06", "But a minute and a half later, a pilot calls in.", "a minute and a half", "PT1M30S", ""},
		{"decades in years", "1998-03-06", "the lowest figure for almost two decades", "almost two decades", "P20Y", ""},
		{"accounting year", "1989-10-30", "revenue of $76 million for the year ended March 31", "the year", "P1Y", ""},
		{"full year", "1989-10-30", "forecast an earnings increase for the full year", "the full year", "1989", "1989"},
		{"bare plural", "2000-01-07", "For weeks the government has held such rallies.", "weeks", "PXW", ""},
		{"weeks ahead", "1989-10-30", "pressure to sell in the weeks ahead", "the weeks ahead", "PXW", ""},
		{"year two thousand", "1998-02-05", "by the year two thousand", "the year two thousand", "2000", "2000"},
		{"soon", "1989-10-30", "It soon will begin selling boxes.", "soon", "FUTURE_REF", ""},
		{"vague later", "1989-10-30", "A few days later, the company announced losses.", "A few days", "PXD", ""},
		{"next year's quarter", "1989-10-30", "effective as early as next year's first quarter", "next year's first quarter", "1990-Q1", "1990-01-01/1990-03-31"},
		{"week of", "2000-02-24", "resolved in a court hearing the week of March 6", "the week of March 6", "2000-W10", "2000-03-06/2000-03-12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tag(tt.text, mustDay(t, tt.dct))
			for _, e := range got {
				if e.Text != tt.want {
					continue
				}
				if e.Value != tt.val {
					t.Errorf("%q value = %q, want %q", e.Text, e.Value, tt.val)
				}
				if d := e.Date.Encode(); d != tt.date {
					t.Errorf("%q date = %q, want %q", e.Text, d, tt.date)
				}
				return
			}
			t.Errorf("no expression %q in %+v", tt.want, got)
		})
	}
}

// Words that look like dates but are not.
func TestTagNegatives(t *testing.T) {
	for _, text := range []string{
		"Prime Minister Theresa May said",
		"Protesters march on the capital",
		"He may resign.",
		"The 6-year-old girl was wounded.",
		"It cost 1,500 dollars.",
		"the former president",
		"Mr. Reupke, 52 years old, resigned.",
		"It will save $500 million a year in costs.",
		"Nearly 700 seats a week were added.",
		"He was soon released.",
		"They met as soon as the talks ended.",
		"It had been in the travel business for hundreds of years.",
	} {
		if got := Tag(text, mustDay(t, "2019-06-03")); len(got) != 0 {
			t.Errorf("Tag(%q) = %+v, want none", text, got)
		}
	}
}
