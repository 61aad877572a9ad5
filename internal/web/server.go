// Package web is the site's HTTP layer: every route, the handlers that read from the store and
// render templates, the middleware, and the one place where errors become status codes.
package web

import (
	"context"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/alexedwards/scs/pgxstore"
	"github.com/alexedwards/scs/v2"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/sync/singleflight"

	"twincities/internal/auth"
	"twincities/internal/content"
	"twincities/internal/store"
)

// Server holds what the handlers depend on. Handlers are its methods; there are no globals.
type Server struct {
	db          *pgxpool.Pool
	log         *slog.Logger
	baseURL     string
	sessions    *scs.SessionManager
	store       *pgxstore.PostgresStore
	hasher      auth.Hasher
	now         func() time.Time
	trustProxy  bool
	stopCleanup chan struct{}
	cleanupDone chan struct{}
	// schedulerDone is closed when runSchedules, stopped by stopCleanup too, has returned.
	schedulerDone chan struct{}
	closeOnce     sync.Once
	// imageSlots bounds how many uploads are decoded and scaled at once: one takes up to
	// media.MaxImageMemory for a moment (an ordinary photo about 50 MB, see make bench), and a
	// small server must not run out of memory.
	imageSlots chan struct{}
	// hashSlots bounds how many passwords are hashed or checked at once: argon2id takes 64 MiB
	// and a core each, so a burst of sign-ins must queue instead of multiplying the memory.
	hashSlots chan struct{}
	// logs keeps a fault that every request meets from writing a line per request.
	logs *logLimiter
	// databaseStatus is Deps.DatabaseStatus.
	databaseStatus func() string
	// messageRetention is Deps.MessageRetention; sendMail is Deps.SendMail, and mailing counts
	// the messages being sent, for Close to wait for.
	messageRetention time.Duration
	sendMail         func(context.Context, content.Message) error
	mailing          sync.WaitGroup
	// shares caches the share pictures lately drawn (issue 10, structured data and previews).
	shares *shareCache
	// linkCheck is the background check of the entries' links (issue 11, broken links).
	linkCheck *linkChecker
	// Issue 12, page cache: the rendered public pages (pagecache.go), and the listener that
	// drops them at each change (pagecache_listen.go), which Close stops and waits for.
	pages *pageCache
	// rendering merges the renders of a page missing from the cache (renderShared).
	rendering     singleflight.Group
	stopListening context.CancelFunc
	listenerDone  chan struct{}
}

// concurrentUploads is how many images are processed at the same time; others wait their turn.
const concurrentUploads = 2

// Deps are the Server's dependencies.
type Deps struct {
	DB      *pgxpool.Pool
	Log     *slog.Logger
	BaseURL string // the site's public address, without a trailing slash
	// SecureCookies marks the session cookie Secure: when the site is served over https.
	SecureCookies bool
	// Hasher hashes staff passwords; the zero Hasher uses auth.DefaultParams.
	Hasher auth.Hasher
	// Now is the clock for session timeouts and the dashboard; nil means time.Now.
	Now func() time.Time
	// TrustProxy takes the client's address from X-Forwarded-For, for the sign-in throttle, when
	// the site runs behind a reverse proxy that sets it. Never set it otherwise: clients could
	// claim any address.
	TrustProxy bool
	// DatabaseStatus says what is wrong with the database when /readyz finds it unreachable (the
	// local server crashed and is being restarted, say); nil, or "", when there is nothing to add.
	// It must never return a password or a connection string: the answer is public.
	DatabaseStatus func() string
	// MessageRetention is how long the messages written to the department are kept; the server
	// deletes older ones every sessionCleanupEvery. Zero means DefaultMessageRetention.
	MessageRetention time.Duration
	// SendMail, when set, sends each new message to the department by e-mail (see package mail).
	SendMail func(context.Context, content.Message) error
	// ScheduleEvery is how often the server carries out the publications and withdrawals that
	// are due (scheduler.go); zero means DefaultScheduleEvery. Tests make it short.
	ScheduleEvery time.Duration
	// LinkCheck configures the background check of the entries' links (issue 11, broken links);
	// the zero value checks nothing.
	LinkCheck LinkCheck
	// Issue 12, page cache: PageCacheBytes is the memory the cached public pages may take
	// (PAGE_CACHE_MB); zero caches nothing. PublicMaxAge is how long browsers and shared caches
	// may keep a public page without asking again (PUBLIC_MAX_AGE); zero asks them to revalidate
	// each time.
	PageCacheBytes int64
	PublicMaxAge   time.Duration
}

// DefaultMessageRetention is how long messages are kept when Deps.MessageRetention is zero.
const DefaultMessageRetention = 365 * 24 * time.Hour

// New returns a Server for deps. Close it to stop the session store's cleanup.
func New(d Deps) *Server {
	s := &Server{db: d.DB, log: d.Log, baseURL: d.BaseURL, hasher: d.Hasher, now: d.Now, trustProxy: d.TrustProxy,
		imageSlots: make(chan struct{}, concurrentUploads), hashSlots: make(chan struct{}, runtime.GOMAXPROCS(0)),
		logs: newLogLimiter(logEvery), shares: newShareCache()}
	if s.now == nil {
		s.now = time.Now
	}
	s.databaseStatus = d.DatabaseStatus
	s.messageRetention, s.sendMail = d.MessageRetention, d.SendMail
	if s.messageRetention <= 0 {
		s.messageRetention = DefaultMessageRetention
	}
	// pgxstore's own cleanup goroutine cannot be stopped without a data race, so the server runs
	// its own (cleanSessions), which Close stops and waits for.
	s.store = pgxstore.NewWithCleanupInterval(d.DB, 0)
	s.sessions = newSessions(s.store, d.SecureCookies)
	s.sessions.ErrorFunc = s.fail
	s.stopCleanup, s.cleanupDone = make(chan struct{}), make(chan struct{})
	go s.cleanSessions(sessionCleanupEvery)
	every := d.ScheduleEvery
	if every <= 0 {
		every = DefaultScheduleEvery
	}
	s.schedulerDone = make(chan struct{})
	go s.runSchedules(every)
	s.linkCheck = s.newLinkChecker(d.LinkCheck)
	s.startLinkCheck()
	s.pages = newPageCache(d.PageCacheBytes, d.PublicMaxAge)
	var listen context.Context
	listen, s.stopListening = context.WithCancel(context.Background())
	s.listenerDone = make(chan struct{})
	go func() {
		defer close(s.listenerDone)
		if s.pages.enabled() {
			s.listenForChanges(listen)
		}
	}()
	return s
}

// sessionCleanupEvery is how often expired sessions are removed from the database.
const sessionCleanupEvery = 10 * time.Minute

// cleanSessions removes expired sessions, old sign-in attempts, the messages past their
// retention and the review links that stopped long ago until Close. Every instance may do it:
// deleting what is old twice does no harm.
func (s *Server) cleanSessions(every time.Duration) {
	defer close(s.cleanupDone)
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-s.stopCleanup:
			return
		case <-ticker.C:
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			if err := store.RemoveExpired(ctx, s.db); err != nil {
				s.log.Warn("could not remove expired sessions and sign-in attempts", "err", err)
			}
			if n, err := store.RemoveOldMessages(ctx, s.db, s.messageRetention); err != nil {
				s.log.Warn("could not remove messages past their retention", "err", err)
			} else if n > 0 {
				s.log.Info("messages past their retention removed", "count", n)
			}
			// Issue 11, review links: those that stopped working long ago.
			if _, err := store.ForgetOldReviewLinks(ctx, s.db, s.now()); err != nil {
				s.log.Warn("could not forget old review links", "err", err)
			}
			cancel()
		}
	}
}

// Close stops the background removal of expired sessions, the scheduler, the link check and the
// page cache's listener and waits for them, and for the e-mail being sent.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.stopCleanup)
		<-s.cleanupDone
		<-s.schedulerDone
		s.stopLinkCheck()
		s.mailing.Wait()
		s.stopListening()
		<-s.listenerDone
		if st := s.pages.stats(); st.Budget > 0 {
			s.log.Info("page cache", "pages", st.Entries, "bytes", st.Bytes, "hits", st.Hits, "misses", st.Misses,
				"evicted", st.Evictions)
		}
	})
}
