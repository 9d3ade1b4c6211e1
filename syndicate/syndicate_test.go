package syndicate

import (
	"strings"
	"testing"
)

func TestCredit(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"dateline", "MOSCOW (Reuters) - The Kremlin said...", "Reuters"},
		{"dateline with AP", "KHARTOUM, Sudan (AP) — Fighting raged...", "Associated Press"},
		{"byline", "By Reuters Staff\n\nThe Kremlin said...", "Reuters"},
		{"photo credit is no story credit", "Omar Haj Kadour / AFP\n\nThe Kremlin said...", ""},
		{"agency named in prose", "The Kremlin told Reuters (in a call) nothing.", ""},
		{"none", "The Kremlin said on Monday...", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Credit(tt.body); got != tt.want {
				t.Errorf("Credit = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSimilarity(t *testing.T) {
	story := strings.Repeat("the kremlin rebuffed criticism from trump over strikes in idlib province on monday ", 3) +
		"peskov said militants fired on civilian and military targets and measures were being taken"
	copyText := "Kremlin brushes off Trump. " + story + " Read more on our site."
	other := strings.Repeat("sudan's army and the rapid support forces fought for a second day in khartoum as the toll rose ", 3)
	a, b, c := Signature(story), Signature(copyText), Signature(other)
	if s := Similarity(a, b); s < Threshold {
		t.Errorf("copy similarity %.2f < %.2f", s, Threshold)
	}
	if s := Similarity(a, c); s >= Threshold {
		t.Errorf("different story similarity %.2f", s)
	}
	if got := Decode(Encode(a)); Similarity(got, a) != 1 {
		t.Error("signature does not round-trip")
	}
	if Signature("too short") != nil {
		t.Error("short text has a signature")
	}
	shared := false
	for _, x := range Bands(a) {
		for _, y := range Bands(b) {
			shared = shared || x == y
		}
	}
	if !shared {
		t.Error("copies share no LSH band")
	}
}
