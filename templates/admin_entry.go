package templates

import (
	"strconv"
	"time"

	"twincities/internal/content"
)

// EntryInfo describes an entry for the parts every edit page shares: its state, its actions, its
// image.
type EntryInfo struct {
	Base       string // the list's address
	ID         int64
	Version    int
	Published  bool
	IsNew      bool
	InTrash    bool
	Label      string
	PublicPath string // below /{lang}; "" when not public
	CanDelete  bool
	HasImage   bool
	Picture    *content.Picture
	HasGallery bool            // the entry has a photo gallery (cities)
	Gallery    []content.Photo // its photos, in order
	IsAdmin    bool
	// Issue 11, drafts: a published entry's changes are kept as a draft until published.
	Drafts        bool          // the form saves a draft and publishes changes, not the entry itself
	HasDraft      bool          // a draft is saved: the form shows it
	DraftBy       string        // who saved the draft last
	DraftAt       time.Time     // when
	DraftRevision int           // the draft's revision, for discarding the one shown
	DraftDiff     []DraftChange // what the draft changes, field by field
	// Schedule is the entry's scheduled publications (issue 11, scheduling); nil for the kinds
	// that are not published and withdrawn, and for new entries.
	Schedule *ScheduleBox
	// Issue 11, review before publishing.
	ReviewOnly bool       // the person may not publish: changes need approval, and they are an editor
	MayApprove bool       // the person approves and returns what waits for review
	Review     *ReviewBox // the entry's review; nil when it was not sent for one
	// ReviewLinks is the entry's review links and the form to make one (issue 11, review links);
	// nil for new entries and those in the trash.
	ReviewLinks *ReviewLinksBox
	// Issue 11, images in the form: the latest uploaded images, to use one again.
	Library []MediaItem
	// Markdown is the base name of the entry's bilingual Markdown text ("body"), which the form
	// can preview; "" for a kind without one (issue 11, friendly inputs).
	Markdown string
}

// DraftChange is one field a draft changes: its value published and in the draft.
type DraftChange struct {
	Field, Label     string
	Published, Draft string
}

// DraftRevisionValue is the draft's revision as a form value.
func (e EntryInfo) DraftRevisionValue() string { return strconv.Itoa(e.DraftRevision) }

// Path is the entry's edit page, or the new-entry page.
func (e EntryInfo) Path() string {
	if e.IsNew {
		return e.Base + "/new"
	}
	return e.Base + "/" + strconv.FormatInt(e.ID, 10)
}

// Action is the address of one of the entry's actions: publish, delete, history...
func (e EntryInfo) Action(name string) string { return e.Path() + "/" + name }

// VersionValue is the version as a form value.
func (e EntryInfo) VersionValue() string { return strconv.Itoa(e.Version) }

// EntryRow is one entry in an admin list.
type EntryRow struct {
	Path      string
	Label     string
	Detail    string
	Published bool
}

// EntryList is an admin list with its filter.
type EntryList struct {
	Base      string
	CanCreate bool
	Rows      []EntryRow
	State     string // "", "published", "draft"
	Search    string
	Pager     Pager // where Rows stand in the whole list, filtered (issue 12)
}

// ImagePath is the URL of a stored image file.
func ImagePath(f content.ImageFile) string { return "/media/" + f.Hash + f.Ext() }

// formVersion is the version the form is based on: the one the person's submitted form was
// based on when it comes back (a preview, a refused save), so that saving it later still
// notices a change made meanwhile; otherwise the entry's.
func formVersion(e EntryInfo, f Form) string {
	if v := f.Value("version"); v != "" {
		if _, err := strconv.Atoi(v); err == nil {
			return v
		}
	}
	return e.VersionValue()
}
