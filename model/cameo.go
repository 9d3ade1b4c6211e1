package model

import "sort"

//go:generate go run ./cameogen -ref ../../shared/reference -o cameo_table.go

// CAMEOCode is one entry of the CAMEO event code book.
type CAMEOCode struct {
	Code      string  // "120"
	Root      string  // "12"
	Name      string  // "Reject, not specified below"
	Quad      int     // QuadClass, GDELT convention: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
	Goldstein float64 // Goldstein conflict-cooperation score, -10..+10
	PLOVER    string  // PLOVER category ("REJECT"), "" where PLOVER has none
}

var cameoIndex = func() map[string]CAMEOCode {
	m := make(map[string]CAMEOCode, len(cameoTable))
	for _, c := range cameoTable {
		m[c.Code] = c
	}
	return m
}()

// LookupCAMEO returns the entry of a CAMEO code ("12", "120", "1041").
func LookupCAMEO(code string) (CAMEOCode, bool) {
	c, ok := cameoIndex[code]
	return c, ok
}

// CAMEOCodes returns every code of the table, sorted by code.
func CAMEOCodes() []CAMEOCode {
	out := append([]CAMEOCode(nil), cameoTable...)
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// RootOf returns the two-digit root of a CAMEO code, or "" when code is
// shorter than two characters.
func RootOf(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// QuadNames names the four QuadClasses.
var QuadNames = map[int]string{
	1: "Verbal cooperation",
	2: "Material cooperation",
	3: "Verbal conflict",
	4: "Material conflict",
}
