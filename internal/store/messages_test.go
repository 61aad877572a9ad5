package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

func newMessage(subject string) *content.Message {
	return &content.Message{Name: "Анна Петрова", Email: "anna@example.org", Subject: subject,
		Body: "Здравствуйте!\nХотим принять участие.", Lang: content.RU}
}

func countRows(tb testing.TB, db *pgxpool.Pool, sql string) int {
	tb.Helper()
	var n int
	if err := db.QueryRow(context.Background(), sql).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
	return n
}

// The retention sweep deletes the messages older than the retention, read or not, answered or
// not, and nothing newer; and the addresses kept for the throttle after a day.
func TestRemoveOldMessages(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	for _, subject := range []string{"old unread", "old answered", "new", "nearly old"} {
		if err := store.AcceptMessage(ctx, db, newMessage(subject), "192.0.2."+subject[:1]); err != nil {
			t.Fatalf("accept %q: %v", subject, err)
		}
	}
	if _, err := db.Exec(ctx, `UPDATE messages SET created_at = now() - interval '31 days' WHERE subject LIKE 'old%'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, `UPDATE messages SET created_at = now() - interval '29 days' WHERE subject = 'nearly old'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, `UPDATE messages SET read_at = now(), answered_at = now(), answered_by = 'x' WHERE subject = 'old answered'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, `UPDATE message_senders SET at = now() - interval '25 hours' WHERE address = '192.0.2.o'`); err != nil {
		t.Fatal(err)
	}
	n, err := store.RemoveOldMessages(ctx, db, 30*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("removed %d messages, want the 2 older than 30 days", n)
	}
	ms, err := store.ListMessages(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, m := range ms {
		left = append(left, m.Subject)
	}
	if len(left) != 2 || left[0] != "new" || left[1] != "nearly old" {
		t.Errorf("left %q, want [new, nearly old], newest first", left)
	}
	if got := countRows(t, db, `SELECT count(*) FROM message_senders`); got != 2 {
		t.Errorf("%d throttle rows left, want 2 (the two addresses of the last day)", got)
	}
}

// A burst of parallel messages from one address stores exactly MessagesPerAddress: each waits for
// the address's lock and sees the ones before it. Another address is not affected.
func TestAcceptMessageThrottlesAnAddress(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	const burst = 8
	var wg sync.WaitGroup
	errs := make(chan error, burst)
	for range burst {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- store.AcceptMessage(ctx, db, newMessage("burst"), "198.51.100.7")
		}()
	}
	wg.Wait()
	close(errs)
	accepted, throttled := 0, 0
	for err := range errs {
		switch {
		case err == nil:
			accepted++
		case errors.Is(err, store.ErrMessageThrottled):
			throttled++
		default:
			t.Fatal(err)
		}
	}
	if accepted != store.MessagesPerAddress || throttled != burst-store.MessagesPerAddress {
		t.Errorf("%d accepted, %d throttled; want %d and %d", accepted, throttled, store.MessagesPerAddress, burst-store.MessagesPerAddress)
	}
	if got := countRows(t, db, `SELECT count(*) FROM messages`); got != store.MessagesPerAddress {
		t.Errorf("%d messages stored, want %d", got, store.MessagesPerAddress)
	}
	if err := store.AcceptMessage(ctx, db, newMessage("other"), "198.51.100.8"); err != nil {
		t.Errorf("another address: %v", err)
	}
}

// Opening a message marks it read once; marking it answered records who, once; deleting removes it.
func TestMessageLifecycle(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	m := newMessage("lifecycle")
	if err := store.AcceptMessage(ctx, db, m, "203.0.113.1"); err != nil {
		t.Fatal(err)
	}
	if n, _ := store.CountUnreadMessages(ctx, db); n != 1 {
		t.Errorf("unread = %d, want 1", n)
	}
	got, err := store.OpenMessage(ctx, db, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Unread() || got.Body != m.Body || got.Lang != content.RU {
		t.Errorf("opened %+v", got)
	}
	if n, _ := store.CountUnreadMessages(ctx, db); n != 0 {
		t.Errorf("unread after opening = %d, want 0", n)
	}
	if err := store.MarkMessageAnswered(ctx, db, m.ID, "Ирина"); err != nil {
		t.Fatal(err)
	}
	if err := store.MarkMessageAnswered(ctx, db, m.ID, "Пётр"); err != nil {
		t.Fatal(err)
	}
	if got, _ = store.OpenMessage(ctx, db, m.ID); !got.Answered() || got.AnsweredBy != "Ирина" {
		t.Errorf("answered by %q (%v), want the first: Ирина", got.AnsweredBy, got.AnsweredAt)
	}
	if err := store.DeleteMessage(ctx, db, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := store.OpenMessage(ctx, db, m.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("open a deleted message: %v, want ErrNotFound", err)
	}
	if err := store.DeleteMessage(ctx, db, m.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("delete twice: %v, want ErrNotFound", err)
	}
}

// The database refuses a message over its limits, whatever writes it.
func TestMessageLimitsInTheDatabase(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	m := newMessage("long")
	long := make([]rune, content.MaxMessageBody+1)
	for i := range long {
		long[i] = 'я'
	}
	m.Body = string(long)
	if err := store.AcceptMessage(ctx, db, m, "203.0.113.2"); err == nil {
		t.Error("a message over the limit was stored")
	}
}

// With MaxUnreadMessages waiting unread, a new message is refused, from any address; once staff
// read one, the next is accepted.
func TestAcceptMessageCapsTheUnread(t *testing.T) {
	t.Parallel()
	ctx, db := context.Background(), pgtest.EmptyDB(t)
	if _, err := db.Exec(ctx, `INSERT INTO messages (name, email, subject, body, lang)
		SELECT 'n', 'a@b.org', 's', 'b', 'ru' FROM generate_series(1, @n::int)`, pgx.StrictNamedArgs{"n": store.MaxUnreadMessages}); err != nil {
		t.Fatal(err)
	}
	if err := store.AcceptMessage(ctx, db, newMessage("one too many"), "192.0.2.50"); !errors.Is(err, store.ErrInboxFull) {
		t.Errorf("a message over the cap: %v, want ErrInboxFull", err)
	}
	if _, err := db.Exec(ctx, `UPDATE messages SET read_at = now() WHERE id = (SELECT min(id) FROM messages)`); err != nil {
		t.Fatal(err)
	}
	if err := store.AcceptMessage(ctx, db, newMessage("room again"), "192.0.2.50"); err != nil {
		t.Errorf("after one was read: %v", err)
	}
}
