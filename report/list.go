package report

import (
	"strconv"
	"strings"
)

// listRows is how many events one page of the event list shows. Up to
// it, index.html lists every event as before; beyond it, index.html
// shows the first listRows and events-2.html, events-3.html ... the rest,
// oldest first. Ten thousand rows with their quotes made index.html
// close to 20 MB, which Chromium needed most of a minute to lay out.
const listRows = 200

// eventList is the data of the "event-list" template.
type eventList struct {
	Rows  []eventRow
	Pager *pager // nil when every event fits on index.html
}

// pager places one page of the list among the others.
type pager struct {
	Page, Pages     int
	From, To, Total int    // rows shown, counted from 1
	Prev, Next      string // neighbouring pages, "" at the ends
	Last            string
}

// listPageData is the data of templates/events.html.
type listPageData struct {
	base
	List eventList
}

// listPages is the number of pages of the event list.
func (s *Site) listPages() int { return max(1, (len(s.events)+listRows-1)/listRows) }

// listPage names page n (from 1) of the event list.
func listPage(n int) string {
	if n <= 1 {
		return "index.html"
	}
	return "events-" + strconv.Itoa(n) + ".html"
}

// listPageNumber reads the page number of "events-N.html"; 0 when the
// name is not one of the list's pages.
func (s *Site) listPageNumber(name string) int {
	digits := strings.TrimSuffix(strings.TrimPrefix(name, "events-"), ".html")
	n, err := strconv.Atoi(digits)
	if err != nil || n < 2 || n > s.listPages() || listPage(n) != name {
		return 0
	}
	return n
}

// list returns page n of the event list.
func (s *Site) list(n int) eventList {
	if len(s.events) <= listRows {
		return eventList{Rows: makeRows(s.events)}
	}
	from := (n - 1) * listRows
	to := min(from+listRows, len(s.events))
	p := &pager{Page: n, Pages: s.listPages(), From: from + 1, To: to, Total: len(s.events), Last: listPage(s.listPages())}
	if n > 1 {
		p.Prev = listPage(n - 1)
	}
	if n < p.Pages {
		p.Next = listPage(n + 1)
	}
	return eventList{Rows: makeRows(s.events[from:to]), Pager: p}
}

func (s *Site) renderList(n int) ([]byte, error) {
	return execute("events.html", listPageData{base: s.base("index"), List: s.list(n)})
}
