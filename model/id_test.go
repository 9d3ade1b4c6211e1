package model

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"testing"
)

// refHash is the plain form of the id hash: SHA-1 of the NUL-terminated
// parts, first 12 hex digits. The fast code must give the same ids, which
// the database and the report's links keep.
func refHash(parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func TestActorIDMatchesPlainHash(t *testing.T) {
	for _, name := range []string{
		"", " ", "Northland Army", "  northland\tARMY \n", "Île-de-Sud Council",
		"Ministry\u00a0of Ports", "A\u0085B", "ÉMIR of Valdor", "K'tar Front",
		strings.Repeat("Long Council Name ", 20), "\v\fx\r",
	} {
		for _, role := range []Role{RoleNone, RoleGOV, RoleREB} {
			want := "a-" + refHash(strings.ToLower(strings.Join(strings.Fields(name), " ")), "XYZ", string(role))
			if got := ActorID(name, "XYZ", role); got != want {
				t.Errorf("ActorID(%q, XYZ, %q) = %s, want %s", name, role, got, want)
			}
		}
	}
}

func TestSetIDMatchesPlainHash(t *testing.T) {
	src := NewActor("Northland Army", "NOR", RoleMIL)
	dst := NewActor(strings.Repeat("Southland ", 30), "SOU", RoleGOV)
	day, err := ParseDate("2024-03-09")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []Event{
		{Source: src, Code: "190"},
		{Source: src, Target: &dst, Code: "042", Date: day},
		{Source: src, Target: &dst, Code: "111", Date: Month(2023, 11)},
		{Source: dst, Code: "0234", Date: Year(1998)},
		{Source: src, Target: &dst, Code: "173", Date: Range(DayOf(2022, 12, 30).Start, DayOf(2023, 1, 2).Start)},
	} {
		want := "e-" + refHash(e.Key())
		e.SetID()
		if e.ID != want {
			t.Errorf("SetID of %q = %s, want %s", e.Key(), e.ID, want)
		}
	}
}
