package eventfile

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// ACLEDColumns are the columns of an ACLED export, in the order of its
// current exports (older ones lack disorder_type, civilian_targeting and
// tags).
var ACLEDColumns = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
	"iso", "iso3", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
	"source", "source_scale", "notes", "fatalities", "tags", "timestamp",
}

// WriteACLED writes the events as CSV with ACLED's columns, one row per
// event, for tools built on ACLED data. ACLED codes political violence and
// protest in its own typology, which CAMEO does not map onto one to one,
// so the mapping is coarse and says so:
//
//   - event_type from the CAMEO root: 14 Protests; 18 Violence against
//     civilians, bombings (183) and aerial or artillery attacks (195)
//     Explosions/Remote violence; 19 and 20 Battles; every other root
//     Strategic developments. sub_event_type is the CAMEO name of the
//     code, disorder_type follows the event type.
//   - time_precision is ACLED's 1 (the day), 2 (a range of up to a week)
//     or 3 (a month, a longer range, and a year, which ACLED has no level
//     for); event_date is the first day covered, YYYY-MM-DD.
//   - inter1 and inter2 from the actors' roles: GOV and MIL 1 (state
//     forces), REB 2 (rebel groups), CVL 7 (civilians), IGO, NGO, MED and
//     BUS 8 (external/other); other roles leave it empty. interaction
//     joins the two, smaller first, as ACLED does.
//   - location is the place named in the text; source lists the outlets;
//     notes quotes the first evidence sentence. Geography, fatalities,
//     tags and timestamp are empty: eventgraph does not extract them.
//
// Write errors of w are returned wrapped.
func WriteACLED(w io.Writer, events []model.Event) error {
	cw := csv.NewWriter(w)
	cw.Write(ACLEDColumns)
	col := make(map[string]int, len(ACLEDColumns))
	for i, c := range ACLEDColumns {
		col[c] = i
	}
	for _, e := range sorted(events) {
		row := make([]string, len(ACLEDColumns))
		set := func(name, v string) { row[col[name]] = v }
		set("event_id_cnty", e.ID)
		if !e.Date.IsZero() {
			set("event_date", e.Date.Start.Format("2006-01-02"))
			set("year", e.Date.Start.Format("2006"))
			set("time_precision", strconv.Itoa(acledPrecision(e.Date)))
		}
		disorder, typ := acledType(e.Code)
		set("disorder_type", disorder)
		set("event_type", typ)
		set("sub_event_type", e.CAMEO().Name)
		set("actor1", e.Source.Name)
		i1 := acledInter(e.Source.Role)
		set("inter1", i1)
		i2 := ""
		if e.Target != nil {
			set("actor2", e.Target.Name)
			i2 = acledInter(e.Target.Role)
			set("inter2", i2)
		}
		switch {
		case i1 != "" && i2 != "":
			set("interaction", min(i1, i2)+max(i1, i2))
		case i1 != "" && e.Target == nil:
			set("interaction", i1+"0") // ACLED's code for an actor acting alone
		}
		set("location", e.Location)
		set("source", outlets(e.Mentions))
		if len(e.Mentions) > 0 {
			set("notes", e.Date.Display()+": "+strings.Join(strings.Fields(e.Mentions[0].Sentence), " "))
		}
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("eventfile: write ACLED CSV: %w", err)
	}
	return nil
}

func acledPrecision(d model.Date) int {
	switch d.Precision {
	case model.PrecisionDay:
		return 1
	case model.PrecisionRange:
		if d.End.Sub(d.Start).Hours() <= 6*24 {
			return 2
		}
	}
	return 3
}

func acledType(code string) (disorder, eventType string) {
	switch model.RootOf(code) {
	case "14":
		return "Demonstrations", "Protests"
	case "18":
		if strings.HasPrefix(code, "183") {
			return "Political violence", "Explosions/Remote violence"
		}
		return "Political violence", "Violence against civilians"
	case "19":
		if strings.HasPrefix(code, "195") {
			return "Political violence", "Explosions/Remote violence"
		}
		return "Political violence", "Battles"
	case "20":
		return "Political violence", "Battles"
	}
	return "Strategic developments", "Strategic developments"
}

func acledInter(r model.Role) string {
	switch r {
	case model.RoleGOV, model.RoleMIL:
		return "1"
	case model.RoleREB:
		return "2"
	case model.RoleCVL:
		return "7"
	case model.RoleIGO, model.RoleNGO, model.RoleMED, model.RoleBUS:
		return "8"
	}
	return ""
}

// outlets lists the distinct outlets of the mentions in order of first
// mention, separated as ACLED separates sources.
func outlets(ms []model.Mention) string {
	var list []string
	seen := map[string]bool{}
	for _, m := range ms {
		if o := strings.TrimSpace(m.Outlet); o != "" && !seen[o] {
			seen[o] = true
			list = append(list, o)
		}
	}
	return strings.Join(list, "; ")
}
