package eventfile

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// GDELTColumns are the 61 columns of a GDELT 2.0 event record, in GDELT's
// order (its "Events Column Labels Header Row", September 2016).
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// WriteGDELT writes the events as CSV with a header row of GDELT 2.0's
// event columns, in GDELT's order, one row per event, so that scripts
// written for GDELT read eventgraph's events. Columns eventgraph has no
// value for are empty. Where GDELT's meaning and ours differ:
//
//   - GLOBALEVENTID is the event id's 48-bit hash as a decimal integer
//     (GDELT ids are integers): e-3f9a0b1c2d3e becomes 69930843909438,
//     and printf '%x' gives the hex back.
//   - SQLDATE is set only for events known to the day (a range gives its
//     first day); MonthYear only down to the month; Year whenever dated.
//     FractionDate follows GDELT's formula, (month*30+day)/365, for days.
//   - Actor codes are country and role ("RUSGOV"); the role is also the
//     Type1Code. International bodies have Actor CountryCode empty and IGO
//     as type, as in CAMEO.
//   - EventBaseCode is the first three digits of the code; IsRootEvent,
//     AvgTone, the geography other than ActionGeo_FullName (the place
//     named in the text) and DATEADDED are empty.
//   - NumMentions counts the event's mentions, NumSources distinct
//     outlets, NumArticles distinct articles; SOURCEURL is the first
//     mention's http(s) URL.
//
// Write errors of w are returned wrapped.
func WriteGDELT(w io.Writer, events []model.Event) error {
	cw := csv.NewWriter(w)
	cw.Write(GDELTColumns)
	col := make(map[string]int, len(GDELTColumns))
	for i, c := range GDELTColumns {
		col[c] = i
	}
	for _, e := range sorted(events) {
		row := make([]string, len(GDELTColumns))
		set := func(name, v string) { row[col[name]] = v }
		set("GLOBALEVENTID", numericID(e.ID))
		d := e.Date
		if !d.IsZero() {
			set("Year", d.Start.Format("2006"))
			if d.Precision != model.PrecisionYear {
				set("MonthYear", d.Start.Format("200601"))
			}
			if d.Precision == model.PrecisionDay || d.Precision == model.PrecisionRange {
				set("SQLDATE", d.Start.Format("20060102"))
				frac := float64(int(d.Start.Month())*30+d.Start.Day()) / 365
				set("FractionDate", strconv.FormatFloat(float64(d.Start.Year())+frac, 'f', 4, 64))
			}
		}
		setActor(set, "Actor1", &e.Source)
		setActor(set, "Actor2", e.Target)
		c := e.CAMEO()
		set("EventCode", e.Code)
		set("EventBaseCode", e.Code[:min(3, len(e.Code))])
		set("EventRootCode", e.Root())
		if c.Quad != 0 {
			set("QuadClass", strconv.Itoa(c.Quad))
			set("GoldsteinScale", strconv.FormatFloat(c.Goldstein, 'f', 1, 64))
		}
		set("NumMentions", strconv.Itoa(len(e.Mentions)))
		set("NumSources", strconv.Itoa(e.Sources()))
		set("NumArticles", strconv.Itoa(e.Articles()))
		set("ActionGeo_FullName", e.Location)
		for _, m := range e.Mentions {
			if safeURL(m.URL) {
				set("SOURCEURL", strings.TrimSpace(m.URL))
				break
			}
		}
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("eventfile: write GDELT CSV: %w", err)
	}
	return nil
}

func setActor(set func(name, v string), prefix string, a *model.Actor) {
	if a == nil {
		return
	}
	set(prefix+"Code", a.Code)
	set(prefix+"Name", a.Name)
	if a.Country != model.CountryIGO {
		set(prefix+"CountryCode", a.Country)
	}
	set(prefix+"Type1Code", string(a.Role))
	if a.Role == model.RoleNone && a.Country == model.CountryIGO {
		set(prefix+"Type1Code", "IGO")
	}
}

// numericID turns "e-" and 12 hex digits into a decimal integer; an id of
// another shape is written as it is.
func numericID(id string) string {
	hex, ok := strings.CutPrefix(id, "e-")
	if !ok {
		return id
	}
	v, err := strconv.ParseUint(hex, 16, 63)
	if err != nil {
		return id
	}
	return strconv.FormatUint(v, 10)
}
