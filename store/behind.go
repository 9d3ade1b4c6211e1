package store

import (
	"context"
	"database/sql"
	"errors"
	"sync/atomic"
)

// Write-behind: while SaveArticles writes a batch, the statements that
// change rows run on a goroutine of their own, in the order the writer
// issued them, so that SQLite's work for one article overlaps the merge
// decisions of the next. SQLite was three fifths of the writer's CPU in
// a 10k-article load (7.3 of 12.2 s), the writer is the load's critical
// path, and the other core was busy only half of the time.
//
// The writer's reads must see every write issued before them, so each
// read waits until the queue is empty first (eventWriter.settle); the
// writer issues few reads while the merge cache is complete (cache.go)
// and the copy index knows the batch's bands (copyIndex.prefill), as in
// a first load.
//
// A queued statement that fails is found out late, after the writer has
// gone on with later articles on the assumption that it succeeded. So
// the batch is then rolled back and written again without the queue
// (errWriteBehind): that run fails at the same article with the same
// error, or not at all, and SaveArticles reports what it finds, exactly
// as before the queue. A failure is data the schema refuses or a disk
// that fails, both rare.

// errWriteBehind says that a queued write failed: the batch must be
// written again without the queue.
var errWriteBehind = errors.New("store: a queued write failed")

// behindChunk is how many writes the writer queues before handing them
// over: handing over each one woke the other goroutine for each.
const behindChunk = 256

// writeOp is one queued write: stmt with args, and when stmt fails with
// a unique violation, retry with the same args (an insert that turns
// into an upsert, writeEventRow).
type writeOp struct {
	stmt, retry *sql.Stmt
	args        []any
}

func (op writeOp) run(ctx context.Context) error {
	_, err := op.stmt.ExecContext(ctx, op.args...)
	if op.retry != nil && isUniqueViolation(err) {
		_, err = op.retry.ExecContext(ctx, op.args...)
	}
	return err
}

// opChunk is writes handed over at once; reply, when set, gets the first
// failure so far once they have run.
type opChunk struct {
	ops   []writeOp
	reply chan error
}

// behind runs an eventWriter's writes on a goroutine of its own.
type behind struct {
	work    chan opChunk
	reply   chan error
	done    chan struct{} // closed when the goroutine has ended
	stop    atomic.Bool   // skip what is still queued
	failed  atomic.Bool   // a write failed: the batch is lost
	err     error         // the first failure; the goroutine's until done or a reply
	queued  []writeOp     // not handed over yet
	running bool          // chunks handed over since the last settle
	settles int           // reads that waited for the queue, for tests and profiles
}

func newBehind(ctx context.Context) *behind {
	b := &behind{work: make(chan opChunk, 8), reply: make(chan error), done: make(chan struct{}),
		queued: make([]writeOp, 0, behindChunk)}
	go b.loop(ctx)
	return b
}

func (b *behind) loop(ctx context.Context) {
	defer close(b.done)
	for ch := range b.work {
		for _, op := range ch.ops {
			if b.err != nil || b.stop.Load() {
				break
			}
			if err := op.run(ctx); err != nil {
				b.err = err
				b.failed.Store(true)
			}
		}
		if ch.reply != nil {
			ch.reply <- b.err
		}
	}
}

// add queues a write. It returns errWriteBehind once a queued write has
// failed, so that the writer stops early.
func (b *behind) add(op writeOp) error {
	if b.failed.Load() {
		return errWriteBehind
	}
	b.queued = append(b.queued, op)
	if len(b.queued) == behindChunk {
		b.work <- opChunk{ops: b.queued}
		b.queued = make([]writeOp, 0, behindChunk)
		b.running = true
	}
	return nil
}

// settle waits until every queued write has run, and returns
// errWriteBehind when one failed.
//
// The queue's slice is the writer's again once the reply comes: a read
// settles a few times an article when the merge cache reads from SQLite,
// and a new slice each time was the most bytes allocated of a 52k-article
// ingest but for merging's (1.5 of 25 GB).
//
// With nothing queued or handed over since the last settle, every write
// has run already: most reads come one after another (a tile, then its
// events' members), and the round trip to the goroutine was for nothing.
func (b *behind) settle() error {
	if len(b.queued) == 0 && !b.running {
		if b.failed.Load() {
			return errWriteBehind
		}
		return nil
	}
	b.settles++
	b.running = false
	ops := b.queued
	b.work <- opChunk{ops: ops, reply: b.reply}
	err := <-b.reply
	clear(ops) // the arguments, for the collector
	b.queued = ops[:0]
	if err != nil {
		return errWriteBehind
	}
	return nil
}

// close ends the goroutine, skipping the writes still queued, and waits
// for it: the transaction may be rolled back or committed only then.
func (b *behind) close() {
	b.stop.Store(true)
	close(b.work)
	<-b.done
}

// exec runs a write of the writer's, or queues it when the writer writes
// behind.
func (w *eventWriter) exec(ctx context.Context, stmt *sql.Stmt, args ...any) error {
	return w.execOr(ctx, stmt, nil, args...)
}

// execOr is exec, with retry run instead when stmt fails with a unique
// violation.
func (w *eventWriter) execOr(ctx context.Context, stmt, retry *sql.Stmt, args ...any) error {
	op := writeOp{stmt: stmt, retry: retry, args: args}
	if w.behind == nil {
		return op.run(ctx)
	}
	return w.behind.add(op)
}

// settle waits for the queued writes, before a read of the writer's
// transaction.
func (w *eventWriter) settle() error {
	if w.behind == nil {
		return nil
	}
	return w.behind.settle()
}
