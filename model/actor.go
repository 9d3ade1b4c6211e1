package model

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
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
	return "a-" + shortHash(strings.ToLower(strings.Join(strings.Fields(name), " ")), country, string(role))
}

func shortHash(parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
