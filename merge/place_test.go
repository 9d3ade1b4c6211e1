package merge

import (
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

// TestCompatiblePlaces: a place tells acts apart, except for talks and
// deals between two parties, placed by one outlet where they were sealed
// and by another where they apply.
func TestCompatiblePlaces(t *testing.T) {
	at := func(src model.Actor, tgt *model.Actor, code, place, art string) model.Event {
		r := MustReport(t, src, tgt, code, day(3), art, "X", "2019-06-03", 0)
		r.Location = place
		return r
	}
	tests := []struct {
		name string
		a, b model.Event
		want bool
	}{
		{"deal sealed in one city, applying in another", at(russia, &turkey, "057", "Sochi", "a"), at(turkey, &russia, "057", "Aleppo", "b"), true},
		{"talks in one city, about another", at(kremlin, &turkey, "040", "Moscow", "a"), at(russia, &turkey, "046", "Idlib", "b"), true},
		{"strikes on two towns", at(syrAF, &turkey, "195", "Saraqib", "a"), at(syrAF, &turkey, "195", "Ariha", "b"), false},
		{"threats over two places", at(turkey, &syrAF, "138", "Afrin", "a"), at(turkey, &syrAF, "138", "Idlib", "b"), false},
		{"a directed promise in two places", at(russia, &turkey, "030", "Moscow", "a"), at(russia, &turkey, "030", "Idlib", "b"), false},
		{"a deal and a promise in two places", at(russia, &turkey, "057", "Moscow", "a"), at(russia, &turkey, "030", "Idlib", "b"), false},
		{"a deal and a promise, one placed", at(russia, &turkey, "057", "Moscow", "a"), at(russia, &turkey, "030", "", "b"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compatible(tt.a, tt.b); got != tt.want {
				t.Errorf("Compatible = %v, want %v", got, tt.want)
			}
			if got := Compatible(tt.b, tt.a); got != tt.want {
				t.Errorf("Compatible reversed = %v, want %v", got, tt.want)
			}
		})
	}
}
