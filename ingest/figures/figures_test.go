package figures

import (
	"fmt"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

func TestFind(t *testing.T) {
	tests := []struct {
		sentence string
		want     string // kind value unit low-high, joined by "; "
	}{
		{"At least 33 Turkish soldiers were killed in an air strike.", "killed 33 soldiers 33-inf"},
		{"The United Nations says more than 200,000 people have fled the violence.", "displaced 200000 people 200000-inf"},
		{"Thirty-three soldiers died and 32 were wounded.", "killed 33 soldiers 33-33; injured 32 people 32-32"},
		{"Dozens of civilians were killed.", "killed 24 civilians 24-240"},
		{"The strike killed 12 people and wounded about 40 others.", "killed 12 people 12-12; injured 40 people 36-44"},
		{"Police arrested 150 protesters in Yerevan.", "arrested 150 protesters 150-150"},
		{"The EU pledged $1.5 billion in aid.", "aid 1500000000 USD 1500000000-1500000000"},
		{"Nearly 3.5 million Syrians have fled to Turkey.", "displaced 3500000 people 3150000-3850000"},
		{"Russia and Turkey agreed in 2018 to create a zone.", ""},
		{"The two leaders met for more than four hours.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			var got []string
			for _, f := range Find(tt.sentence) {
				hi := "inf"
				if f.High != 0 {
					hi = fmt.Sprintf("%.0f", f.High)
				}
				got = append(got, fmt.Sprintf("%s %.0f %s %.0f-%s", f.Kind, f.Value, f.Unit, f.Low, hi))
			}
			if g := strings.Join(got, "; "); g != tt.want {
				t.Errorf("Find = %q, want %q", g, tt.want)
			}
		})
	}
}

func TestFindText(t *testing.T) {
	s := "Officials said at least 33 Turkish soldiers were killed."
	fs := Find(s)
	if len(fs) != 1 || fs[0].Text != "at least 33" || !fs[0].Min || fs[0].Kind != model.FigureKilled {
		t.Fatalf("Find = %+v", fs)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("At least 33 Turkish soldiers were killed in an air strike.")
	f.Add("more than 200,000 people have fled; $1.5 billion")
	f.Fuzz(func(t *testing.T, s string) {
		for _, fig := range Find(s) {
			if fig.Low < 0 || (fig.High != 0 && fig.High < fig.Low) || !strings.Contains(s, fig.Text) {
				t.Fatalf("figure %+v of %q", fig, s)
			}
		}
	})
}
