package model

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// Role is the sector an actor belongs to, after CAMEO's agent codes.
type Role string

// The roles of the event JSON contract.
const (
	RoleNone Role = ""
	RoleGOV  Role = "GOV" // governments, heads of state, ministries, spokespeople, metonyms
	RoleMIL  Role = "MIL" // armed forces, police
	RoleREB  Role = "REB" // rebels, insurgents, militias, armed groups
	RoleCVL  Role = "CVL" // civilians, refugees, displaced people
	RoleMED  Role = "MED" // media
	RoleIGO  Role = "IGO" // international bodies
	RoleNGO  Role = "NGO" // non-governmental organisations
	RoleOPP  Role = "OPP" // political opposition
	RoleBUS  Role = "BUS" // business
)

// Roles lists every non-empty role.
var Roles = []Role{RoleGOV, RoleMIL, RoleREB, RoleCVL, RoleMED, RoleIGO, RoleNGO, RoleOPP, RoleBUS}

// ValidRole reports whether r is one of [Roles] or empty.
func ValidRole(r Role) bool {
	if r == RoleNone {
		return true
	}
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// CountryIGO is the country code of international bodies.
const CountryIGO = "IGO"

// Actor is a party to events: a state or one of its organs, a person in a
// role, an armed group, an international body, or a generic agent such as
// "Syrian government forces".
type Actor struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Country string `json:"country"` // ISO 3166-1 alpha-3, "IGO", or "" when unknown
	Role    Role   `json:"role"`
	Code    string `json:"code"` // CAMEO-style actor code, country then role: "RUSGOV"
}

// NewActor returns the actor with its code and id filled in.
func NewActor(name, country string, role Role) Actor {
	a := Actor{Name: strings.TrimSpace(name), Country: strings.ToUpper(country), Role: role}
	a.Code = ActorCode(a.Country, a.Role)
	a.ID = ActorID(a.Name, a.Country, a.Role)
	return a
}

// ActorCode joins country and role the way CAMEO actor codes do: "RUSGOV",
// "IGO" for an international body, "SYRREB"; "" when both are unknown.
func ActorCode(country string, role Role) string {
	if country == CountryIGO && (role == RoleIGO || role == RoleNone) {
		return CountryIGO
	}
	return country + string(role)
}

// ActorID is the stable id of the actor with this name, country and role.
func ActorID(name, country string, role Role) string {
	var buf [128]byte
	b, ok := appendFoldedName(buf[:0], name)
	if !ok {
		b = append(buf[:0], strings.ToLower(strings.Join(strings.Fields(name), " "))...)
	}
	b = append(append(b, 0), country...)
	b = append(append(b, 0), role...)
	return shortHash("a-", append(b, 0))
}

// appendFoldedName appends name with its words lower-cased and joined by
// one space, the key [ActorID] hashes, without the copies that
// strings.Fields, Join and ToLower make. It reports false, leaving the
// work to them, for a name that is not all ASCII, whose spaces and case
// only the unicode tables know.
func appendFoldedName(b []byte, name string) ([]byte, bool) {
	start, gap := len(b), false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return b[:start], false
		case c == ' ' || '\t' <= c && c <= '\r':
			gap = len(b) > start
		default:
			if gap {
				b = append(b, ' ')
				gap = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
	}
	return b, true
}

// shortHash returns prefix and the first 12 hex digits of the SHA-1 of
// key, which callers build as NUL-terminated parts. The digest and its hex
// stay on the stack: ids are made for every actor and event found, and
// the string is the only allocation.
func shortHash(prefix string, key []byte) string {
	sum := sha1.Sum(key)
	var out [8 + 12]byte
	n := copy(out[:], prefix)
	hex.Encode(out[n:n+12], sum[:6])
	return string(out[:n+12])
}
