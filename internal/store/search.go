package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"twincities/internal/content"
)

// The bounds of one search, which anybody may ask for: the handlers refuse a longer query or one
// with more terms before it reaches the database, and the database gives up after
// searchTimeout whatever it was asked.
const (
	SearchMaxLength = 200 // characters
	SearchMaxTerms  = 12  // words, quoted phrases and excluded words together
	searchTimeout   = "2s"
)

// The markers ts_headline puts around the words a search found. They are characters of Unicode's
// private use area, which no text of ours holds (the search query strips them from the text it
// highlights), so a snippet is split at them and never trusted as HTML: see SplitSnippet.
const (
	SnippetStart = "\uE000"
	SnippetStop  = "\uE001"
)

// Search states of an entry, as staff search marks them.
const (
	SearchPublished = "published"
	SearchDraft     = "draft"
	SearchTrash     = "trash"
)

// SearchKinds are the kinds of entry search covers, in the order results are grouped.
var SearchKinds = []content.Entity{
	content.EntityCity, content.EntityEvent, content.EntityOrganization, content.EntityAward, content.EntityPage,
	content.EntityNews,
}

// SearchQuery is one search.
type SearchQuery struct {
	Text  string         // what the visitor typed: words, "quoted phrases", -excluded words
	Lang  content.Lang   // the page's language: of the snippets and of the suggestions
	Kind  content.Entity // only this kind; "" for every kind
	Staff bool           // drafts and the trash too (the admin); otherwise what the public sees
	Limit int
	// Offset skips the first hits, for paging.
	Offset int
}

// SearchHit is one entry a search found.
type SearchHit struct {
	Kind  content.Entity
	ID    int64
	Title content.Text
	// Path is the entry's public page below /{lang} (with the anchor of its item on a list), such
	// as /twin-cities/duisburg or /awards#award-3; staff search links to the edit page instead.
	Path  string
	State string // SearchPublished, SearchDraft or SearchTrash
	// Snippet is a piece of the entry's text in the query's language, the words found between
	// SnippetStart and SnippetStop. It is plain text: split it with SplitSnippet.
	Snippet string
}

// SearchResult is one page of a search's hits, with how many hits each kind has in all.
type SearchResult struct {
	Hits   []SearchHit
	Counts map[content.Entity]int // of every kind, whatever SearchQuery.Kind
	// Suggestions are the names nearest to a query that found nothing: "Did you mean ...?".
	Suggestions []string
}

// Total is the number of hits of every kind.
func (r SearchResult) Total() int {
	n := 0
	for _, c := range r.Counts {
		n += c
	}
	return n
}

// searchBranch is one kind of entry as search sees it: a table whose search_doc the query
// matches and whose names are compared with it, and the columns every branch gives for a hit
// shown, in order (kind, kind_order, id, state, title_ru, title_en, text_ru, text_en, path). The
// tables' search_doc columns and their indexes are made by migrations/00012_search.sql, their
// search_head columns (what ranks) by 00014_search_rank.sql.
//
// A new kind (the news of a later change) joins search with one more branch here, search_doc and
// search_head columns, a GIN index and trigram indexes on its names in its migration, and its
// entity in SearchKinds.
type searchBranch struct {
	kind content.Entity
	// columns is the branch's SELECT list, of the table aliased alias.
	columns string
	// table is the searched table, whose search_doc the query matches, and alias its alias.
	table, alias string
	// names are its name columns, for the forgiving (trigram) match.
	names []string
	// public is the condition of what the public sees.
	public string
}

// stateOf is the state column of a table aliased a.
func stateOf(a string) string {
	return `CASE WHEN ` + a + `.deleted_at IS NOT NULL THEN 'trash' WHEN ` + a + `.published THEN 'published' ELSE 'draft' END`
}

// cityPathSQL is the public path of a city aliased a.
func cityPathSQL(a string) string {
	return `'/' || CASE ` + a + `.kind WHEN 'partner' THEN 'partner-cities' ELSE 'twin-cities' END || '/' || ` + a + `.slug`
}

var searchBranches = []searchBranch{
	{
		kind: content.EntityCity, alias: "c", names: []string{"name_ru", "name_en"},
		columns: `'city', 1, c.id, ` + stateOf("c") + `, c.name_ru, c.name_en,
			c.summary_ru || E'\n\n' || c.body_ru, c.summary_en || E'\n\n' || c.body_en,
			` + cityPathSQL("c") + ``,
		table:  "cities",
		public: `c.published AND c.deleted_at IS NULL`,
	},
	{
		// An event is shown on its city's page, or with Perm's relations in general on the about
		// page; the public sees it only where its city is public too. The city is asked for by
		// subqueries, not joined: a join leads the planner to read every event in the order of
		// their cities instead of asking the indexes.
		kind: content.EntityEvent, alias: "e", names: []string{"title_ru", "title_en"},
		columns: `'event', 2, e.id, ` + stateOf("e") + `, e.title_ru, e.title_en, e.text_ru, e.text_en,
			coalesce((SELECT ` + cityPathSQL("ec") + ` FROM cities ec WHERE ec.id = e.city_id), '/about') || '#event-' || e.id`,
		table: "events",
		public: `e.published AND e.deleted_at IS NULL AND (e.city_id IS NULL OR EXISTS (
			SELECT FROM cities ec WHERE ec.id = e.city_id AND ec.published AND ec.deleted_at IS NULL))`,
	},
	{
		kind: content.EntityOrganization, alias: "o", names: []string{"name_ru", "name_en"},
		columns: `'organization', 3, o.id, ` + stateOf("o") + `, o.name_ru, o.name_en,
			o.role_ru || E'\n\n' || o.description_ru, o.role_en || E'\n\n' || o.description_en,
			'/memberships/' || o.slug`,
		table:  "organizations",
		public: `o.published AND o.deleted_at IS NULL`,
	},
	{
		kind: content.EntityAward, alias: "a", names: []string{"title_ru", "title_en"},
		columns: `'award', 4, a.id, ` + stateOf("a") + `, a.title_ru, a.title_en,
			a.awarded_by_ru || E'\n\n' || a.description_ru, a.awarded_by_en || E'\n\n' || a.description_en,
			'/awards#award-' || a.id`,
		table:  "awards",
		public: `a.published AND a.deleted_at IS NULL`,
	},
	{
		// Text pages are always public, except the notes shown at the top of lists, which are no
		// page of their own.
		kind: content.EntityPage, alias: "p", names: []string{"title_ru", "title_en"},
		columns: `'page', 5, p.id, 'published', p.title_ru, p.title_en, p.body_ru, p.body_en,
			'/' || p.key`,
		table:  "pages",
		public: `p.key IN ('about', 'contacts', 'privacy')`,
	},
	{
		// News (migrations/00018_news.sql): each item has a page of its own.
		kind: content.EntityNews, alias: "n", names: []string{"title_ru", "title_en"},
		columns: `'news', 6, n.id, ` + stateOf("n") + `, n.title_ru, n.title_en,
			n.lead_ru || E'\n\n' || n.body_ru, n.lead_en || E'\n\n' || n.body_en,
			'/news/' || n.slug`,
		table:  "news",
		public: `n.published AND n.deleted_at IS NULL`,
	},
}

// searchTSQuery is the query in both languages' configurations, OR-ed: a Russian query and an
// English one each find their words, stemmed as their language stems them. It is a subquery so
// that PostgreSQL parses and stems the query once per statement (an InitPlan): the function
// call itself, being only STABLE, was evaluated again for every hit it ranked, half a common
// word's search time.
const searchTSQuery = `(SELECT websearch_to_tsquery('russian', @q) || websearch_to_tsquery('english', @q))`

// searchSQL builds the query: every branch's matching entries, counted by kind, one page of them
// in the order of the kinds and then by relevance (the later entry first where two rank alike,
// as those found by a word of their bodies do), with their titles, paths and highlighted
// snippets read for that page only. It always returns one row at least, which carries the counts
// when the page is empty.
//
// What every hit costs is kept small, as a common word finds a tenth of the entries
// (BenchmarkSearch): each branch's arms ask one index each and carry only the entry's id and
// score: the full text's arm ranks by search_head (names over summaries; an entry found by a
// word of its body only ranks lowest), each name's arm (misspelt or partly typed names) by its
// likeness, and an entry several arms find adds their scores up. One WHERE with ORs instead had
// every hit matched against every arm again, and reading bodies and computing paths for every
// hit read most of the tables.
func searchSQL(staff, fuzzy bool) string {
	var hits, rows []string
	for _, b := range searchBranches {
		where := ``
		if !staff {
			where = ` AND ` + b.public
		}
		from := ` FROM ` + b.table + ` ` + b.alias + ` WHERE `
		arms := []string{`SELECT ` + b.alias + `.id, ts_rank(` + b.alias + `.search_head, ` + searchTSQuery + `) AS score` +
			from + b.alias + `.search_doc @@ ` + searchTSQuery + where}
		if fuzzy {
			for _, n := range b.names {
				n = b.alias + `.` + n
				// % (similarity) and <% (word similarity) are what the trigram indexes answer.
				arms = append(arms, `SELECT `+b.alias+`.id, greatest(similarity(`+n+`, @fuzzy), word_similarity(@fuzzy, `+n+`))`+
					from+`(`+n+` % @fuzzy OR @fuzzy <% `+n+`)`+where)
			}
		}
		found := `(` + arms[0] + `) AS arms`
		if len(arms) > 1 {
			// Only several arms need adding up: grouping a single arm's rows by id has the
			// planner read the whole table in the order of ids to group them.
			found = `(SELECT id, sum(score) AS score FROM (` + strings.Join(arms, "\n\t\t\tUNION ALL ") + `) AS found GROUP BY id) AS arms`
		}
		hits = append(hits, `SELECT '`+string(b.kind)+`' AS kind, `+fmt.Sprint(len(hits)+1)+` AS kind_order, id, score FROM `+found)
		rows = append(rows, `SELECT `+b.columns+` FROM `+b.table+` `+b.alias+` WHERE page.kind = '`+string(b.kind)+`' AND `+b.alias+`.id = page.id`)
	}
	return `WITH hits AS (
		` + strings.Join(hits, "\n\t\tUNION ALL\n\t\t") + `
	), page AS (
		SELECT * FROM hits WHERE @kind = '' OR kind = @kind
		ORDER BY kind_order, score DESC, id DESC LIMIT @limit OFFSET @offset
	), counts AS (
		SELECT coalesce(array_agg(kind ORDER BY kind), '{}') AS kinds, coalesce(array_agg(n ORDER BY kind), '{}') AS ns
		FROM (SELECT kind, count(*)::int AS n FROM hits GROUP BY kind) k
	)
	SELECT counts.kinds, counts.ns, page.kind, page.id, entry.state, entry.title_ru, entry.title_en, entry.path,
		ts_headline(@config::regconfig,
			replace(replace(CASE WHEN @lang = 'en' THEN entry.text_en ELSE entry.text_ru END, E'\uE000', ''), E'\uE001', ''),
			` + searchTSQuery + `,
			'StartSel=` + SnippetStart + `, StopSel=` + SnippetStop + `, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
	FROM counts LEFT JOIN page ON true
	LEFT JOIN LATERAL (` + strings.Join(rows, "\n\t\tUNION ALL ") + `) AS entry (kind, kind_order, id, state, title_ru, title_en, text_ru, text_en, path) ON true
	ORDER BY page.kind_order, page.score DESC, page.id DESC`
}

// Search finds the entries q asks for, in one transaction: the public's search (published
// entries only) or staff's (drafts and the trash too, each hit marked with its state). The
// database gives up on a search that takes longer than a few seconds (ErrSearchTimeout).
func Search(ctx context.Context, db TxBeginner, q SearchQuery) (SearchResult, error) {
	res := SearchResult{Counts: map[content.Entity]int{}}
	tx, err := db.Begin(ctx)
	if err != nil {
		return res, fmt.Errorf("store: search: begin: %w", err)
	}
	defer tx.Rollback(ctx)
	// For this transaction only: the time limit; and plans that use the indexes. The tables are
	// small enough (thousands of rows) for the planner to think reading them all is cheap, but
	// matching every row's document and trigrams is what costs: ten times the indexes' time at
	// 10,000 entries (BenchmarkSearch). Parallel workers cost more to start than such a search,
	// and so does JIT compilation. And one plan per connection for each of the few statements
	// search sends (pgx prepares and keeps them): planning its many arms anew for every search
	// took longer than running them (BenchmarkSearch: p95 18 ms with a plan for every search,
	// 10 ms without); with the indexes forced, a plan for any query is the same plan.
	if _, err := tx.Exec(ctx, `SELECT set_config('statement_timeout', @timeout, true),
			set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true),
			set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_generic_plan', true)`,
		pgx.StrictNamedArgs{"timeout": searchTimeout}); err != nil {
		return res, fmt.Errorf("store: search: %w", err)
	}
	fuzzy := fuzzyText(q.Text)
	config := "russian"
	if q.Lang == content.EN {
		config = "english"
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	args := pgx.StrictNamedArgs{"q": q.Text, "kind": string(q.Kind), "limit": limit,
		"offset": max(q.Offset, 0), "config": config, "lang": string(q.Lang)}
	if fuzzy != "" {
		args["fuzzy"] = fuzzy // only the names' arms ask for it
	}
	rows, err := tx.Query(ctx, searchSQL(q.Staff, fuzzy != ""), args)
	if err != nil {
		return res, searchError(err)
	}
	for rows.Next() {
		var (
			kinds        []string
			ns           []int32
			kind, state  *string
			id           *int64
			ru, en, path *string
			snippet      *string
		)
		if err := rows.Scan(&kinds, &ns, &kind, &id, &state, &ru, &en, &path, &snippet); err != nil {
			rows.Close()
			return res, searchError(err)
		}
		for i, k := range kinds {
			res.Counts[content.Entity(k)] = int(ns[i])
		}
		if id == nil {
			continue // the row of the counts, on an empty page
		}
		res.Hits = append(res.Hits, SearchHit{
			Kind: content.Entity(*kind), ID: *id, State: *state, Title: content.Text{RU: *ru, EN: *en},
			Path: *path, Snippet: *snippet,
		})
	}
	if err := rows.Err(); err != nil {
		return res, searchError(err)
	}
	if res.Total() == 0 && fuzzy != "" {
		if res.Suggestions, err = suggest(ctx, tx, fuzzy, q.Lang, q.Staff); err != nil {
			return res, err
		}
	}
	return res, tx.Commit(ctx)
}

// suggest returns up to three names of public entries nearest to text, in the page's language
// where the names are near in both. It runs in the search's transaction, after the search: the
// trigram indexes find the names at least suggestLikeness alike (the thresholds of % and <%,
// lowered for the rest of the transaction), so it reads the near names only, not every name.
func suggest(ctx context.Context, tx pgx.Tx, text string, l content.Lang, staff bool) ([]string, error) {
	if _, err := tx.Exec(ctx, `SELECT set_config('pg_trgm.similarity_threshold', @like, true),
			set_config('pg_trgm.word_similarity_threshold', @like, true)`,
		pgx.StrictNamedArgs{"like": suggestLikeness}); err != nil {
		return nil, searchError(err)
	}
	public := ` AND published AND deleted_at IS NULL`
	if staff {
		public = ``
	}
	near := ` WHERE (name_ru % @text OR @text <% name_ru OR name_en % @text OR @text <% name_en)` + public
	rows, err := tx.Query(ctx, `
		SELECT name FROM (
			SELECT CASE WHEN @lang = 'en' AND like_en >= like_ru OR @lang <> 'en' AND like_en > like_ru
				THEN name_en ELSE name_ru END AS name, greatest(like_ru, like_en) AS likeness
			FROM (
				SELECT name_ru, name_en, greatest(similarity(name_ru, @text), word_similarity(@text, name_ru)) AS like_ru,
					greatest(similarity(name_en, @text), word_similarity(@text, name_en)) AS like_en
				FROM (SELECT name_ru, name_en FROM cities`+near+`
					UNION ALL SELECT name_ru, name_en FROM organizations`+near+`) names
			) scored
		) named
		WHERE likeness >= @like::real AND name <> ''
		GROUP BY name ORDER BY max(likeness) DESC, name LIMIT 3`,
		pgx.StrictNamedArgs{"text": text, "lang": string(l), "like": suggestLikeness})
	if err != nil {
		return nil, searchError(err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, searchError(err)
	}
	return names, nil
}

// suggestLikeness is how alike (0 to 1, in trigrams) a name must be to a query that found
// nothing to be suggested: looser than search's own forgiving match (0.3 for a whole name,
// 0.6 for a word of it, pg_trgm's defaults), as a suggestion is only offered.
const suggestLikeness = "0.2"

// ErrSearchTimeout is a search the database gave up on: too costly to answer now.
var ErrSearchTimeout = errors.New("store: search took too long")

func searchError(err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "57014" { // query_canceled: the statement timeout
		return fmt.Errorf("store: search: %w (%w)", ErrSearchTimeout, err)
	}
	return fmt.Errorf("store: search: %w", err)
}

// fuzzyText is the query as the names' trigrams are compared with it, or "" when it asks for
// exact words: a "quoted phrase" or an -excluded word means the visitor wants what they typed,
// and a query under three characters is like too many names.
func fuzzyText(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	if strings.Contains(q, `"`) || len([]rune(q)) < 3 {
		return ""
	}
	for _, w := range strings.Fields(q) {
		if strings.HasPrefix(w, "-") || strings.EqualFold(w, "or") {
			return ""
		}
	}
	return q
}

// SearchTerms counts the terms of a query as websearch_to_tsquery reads them: words, with a
// "quoted phrase" as one; for bounding the work a query asks.
func SearchTerms(q string) int {
	n := 0
	for i, part := range strings.Split(q, `"`) {
		if i%2 == 1 {
			if strings.TrimSpace(part) != "" {
				n++
			}
			continue
		}
		n += len(strings.Fields(part))
	}
	return n
}

// SnippetPart is a piece of a snippet: found words (Mark) or the text around them.
type SnippetPart struct {
	Text string
	Mark bool
}

// SplitSnippet splits a snippet at its markers into parts for a template to print, each escaped
// as any text is: ts_headline's output is never taken as HTML. Markdown's marks of emphasis and
// links are dropped, as the snippet is plain text.
func SplitSnippet(s string) []SnippetPart {
	s = plainMarkdown(s)
	var parts []SnippetPart
	for s != "" {
		i := strings.Index(s, SnippetStart)
		if i < 0 {
			parts = append(parts, SnippetPart{Text: strings.ReplaceAll(s, SnippetStop, "")})
			break
		}
		if i > 0 {
			parts = append(parts, SnippetPart{Text: strings.ReplaceAll(s[:i], SnippetStop, "")})
		}
		s = s[i+len(SnippetStart):]
		j := strings.Index(s, SnippetStop)
		if j < 0 {
			j = len(s)
		}
		if mark := strings.ReplaceAll(s[:j], SnippetStart, ""); mark != "" {
			parts = append(parts, SnippetPart{Text: mark, Mark: true})
		}
		s = strings.TrimPrefix(s[j:], SnippetStop)
	}
	return parts
}

// plainMarkdown drops the Markdown staff write from a piece of text: links keep their words,
// emphasis and headings lose their marks, lines are joined.
func plainMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '*', '_', '`', '#', '>':
			continue
		case ']':
			// [words](address): keep the words, skip the address.
			if i+1 < len(s) && s[i+1] == '(' {
				if j := strings.IndexByte(s[i:], ')'); j > 0 {
					i += j
				}
			}
			continue
		case '[':
			continue
		default:
			b.WriteByte(c)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
