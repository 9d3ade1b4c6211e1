package pipeline

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
)

// bulkWriter records when Run begins and ends its bulk load, and the
// saves in between.
type bulkWriter struct {
	recordingWriter
	log     []string
	endErr  error
	endsCtx context.Context
}

func (w *bulkWriter) BeginBulk(ctx context.Context) (func(context.Context) error, error) {
	w.log = append(w.log, "begin")
	return func(ctx context.Context) error {
		w.log = append(w.log, "end")
		w.endsCtx = ctx
		return w.endErr
	}, nil
}

// Run ends the bulk load it began however the run ends: after a clean
// run, a failed write and a cancelled context (end then runs uncancelled,
// since it has work to finish), and an error of end's own is returned.
func TestRunBulkLoad(t *testing.T) {
	dir := MustCorpus(t, 20)
	failing := filepath.Join(dir, "a005.txt")
	for _, tt := range []struct {
		name    string
		fail    string
		cancel  bool
		endErr  error
		wantErr bool
	}{
		{"clean", "", false, nil, false},
		{"write fails", failing, false, nil, true},
		{"cancelled", "", true, nil, true},
		{"end fails", "", false, errors.New("no space left"), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := &bulkWriter{recordingWriter: recordingWriter{seen: map[string]bool{}, fail: tt.fail}, endErr: tt.endErr}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			n := 0
			_, err := Run(ctx, Config{Paths: []string{dir}, Extractor: slowExtractor{}, Writer: w, Workers: 2, Window: 2,
				OnFile: func(FileResult) {
					if n++; n == 3 && tt.cancel {
						cancel()
					}
				}})
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want an error: %v", err, tt.wantErr)
			}
			if tt.endErr != nil && !errors.Is(err, tt.endErr) {
				t.Errorf("err = %v, want end's error", err)
			}
			if len(w.log) != 2 || w.log[0] != "begin" || w.log[1] != "end" {
				t.Errorf("bulk load calls = %v, want begin then end", w.log)
			}
			if w.endsCtx == nil || w.endsCtx.Err() != nil {
				t.Errorf("end ran under a cancelled context")
			}
		})
	}
}
