package i18n

import (
	"strconv"
	"strings"

	"twincities/internal/content"
)

// AdminMessages is the staff interface's catalogue for one language. Like Messages, it is a struct
// so that a missing message does not compile and a test can find an empty one.
type AdminMessages struct {
	Lang content.Lang

	Admin         string // the interface's name
	Dashboard     string
	Events        string
	Organizations string
	Pages         string
	History       string
	Trash         string
	Users         string
	ViewSite      string
	AdminNav      string
	SignedInAs    string
	RoleNames     map[content.Role]string

	SignIn         string
	SignInIntro    string
	SignOut        string
	Email          string
	Password       string
	SignInFailed   string
	Throttled      string
	SessionExpired string
	SignedOut      string
	PendingKept    string // after signing in again, the unsaved form is back
	// PendingTooLarge: the session ended, and the form sent was too long to keep until the person
	// signs in again.
	PendingTooLarge string
	Forbidden       string
	ForbiddenText   string

	New            string
	Save           string
	Publish        string
	Unpublish      string
	Delete         string
	Restore        string
	Purge          string
	Preview        string
	Edit           string
	Search         string
	Filter         string
	StateColumn    string // the heading of the lists' column saying whether each is published, in the trash, active
	All            string
	PublishedState string // "published" as a state
	DraftState     string
	Actions        string
	Back           string
	NothingFound   string
	Version        string
	LastChanged    string
	Language       string // the language switch of the admin

	FlashCreated     string
	FlashSaved       string
	FlashPublished   string
	FlashUnpublished string
	FlashDeleted     string
	FlashRestored    string
	FlashPurged      string
	RevertedIsPublic string // after FlashReverted, when the version restored is the public one
	FlashReverted    string
	FlashImage       string
	FlashImageGone   string

	ErrorSummary     string // heading of the list of problems at the top of a form
	Problems         map[content.Problem]string
	Fields           map[string]string // labels by field base name ("name", "since")
	Hints            map[string]string // hints under labels, by field base name
	Russian, English string            // column headings of bilingual fields
	Optional         string
	SourceN          string // "Source %d"
	SourceTitle      string
	SourceURL        string
	NoCity           string
	StatusNames      map[content.Status]string
	KindNames        map[content.CityKind]string
	Yes, No          string

	PublishNeedsBoth string // why publishing failed
	DraftNote        string // on a draft's form
	PreviewBanner    string
	InTrashNote      string

	ConflictTitle   string
	ConflictIntro   string
	ConflictField   string
	ConflictTheirs  string
	ConflictYours   string
	ConflictBase    string
	ConflictHowTo   string
	ConflictChanged string // mark on a field both changed

	HistoryTitle  string
	HistoryIntro  string
	Who           string
	When          string
	What          string
	Entry         string
	Before        string
	After         string
	RevertTo      string
	CurrentV      string
	InitialData   string
	ActionNames   map[string]string
	EntityNames   map[content.Entity]string
	FilterUser    string
	FilterFrom    string
	FilterTo      string
	Older         string
	EmptyValue    string
	ChangedFields string
	RevertedToFmt string // "version %d"

	TrashIntro   string
	DeletedAt    string
	PurgeConfirm string
	PurgeKeep    string // the way back from the confirmation, the entry left in the trash
	// DiscardDraftConfirm and DiscardDraftKeep: the page that asks before a draft is discarded.
	DiscardDraftConfirm string
	DiscardDraftKeep    string

	DraftsWaiting    string
	RecentChanges    string
	MissingLanguage  string
	NotesTitle       string // the dashboard's list of the entries with an editor's note
	NotesIntro       string
	NoNotes          string
	Anniversaries    string
	AnniversaryFmt   string // "%d years"
	NoAnniversaries  string
	NoDrafts         string
	NoMissing        string
	AllChanges       string
	LanguagesMissing string

	Image          string
	ImageIntro     string
	ImageFile      string
	ImageFileHint  string
	ImageAlt       string
	ImageAltHint   string
	ImageCredit    string
	Upload         string
	RemoveImage    string
	ImageTooLarge  string
	ImageNotImage  string
	ImageTooBig    string
	ImageTooHeavy  string
	ImageCorrupt   string
	ImageRequired  string
	ImageNeedsSave string

	UsersIntro       string
	AddUser          string
	Name             string
	Role             string
	Disabled         string
	Active           string
	Disable          string
	Enable           string
	ResetPassword    string
	NewPassword      string
	RepeatPassword   string
	PasswordHint     string
	PasswordShort    string
	PasswordLong     string
	PasswordCommon   string
	PasswordInvalid  string
	PasswordMismatch string
	FlashUserAdded   string
	FlashDisabled    string
	FlashEnabled     string
	FlashPassword    string
	CannotDisableYou string

	// Two-factor sign-in: the code step of signing in.
	TwoFactor       string // the account page's title and the header's link to it
	TwoFactorIssuer string // the site's name in the person's authenticator app; no colon
	CodeTitle       string
	CodeIntro       string
	CodeLabel       string
	CodeHint        string
	RecoveryLabel   string
	RecoveryHint    string
	UseRecovery     string // link from the code to a recovery code
	UseApp          string // and back
	CodeWrong       string
	RecoveryWrong   string
	CodeExpired     string

	// Two-factor sign-in: the person's own account page.
	TwoFactorIntro       string
	TwoFactorApps        string
	TwoFactorOff         string
	TwoFactorOnSince     string // "... since %s"
	TwoFactorRequired    string // sent here because administrators require it
	TwoFactorKeepsOn     string // why there is no button to turn it off
	SetUp                string
	ScanTitle            string
	ScanIntro            string
	QRLabel              string
	KeyTitle             string
	KeyHint              string
	ConfirmTitle         string
	ConfirmButton        string
	ConfirmWrong         string
	SetupLost            string // the key waiting for confirmation is gone (the session ended)
	RecoveryTitle        string
	RecoveryIntro        string
	RecoverySaved        string
	RecoveryLeftFmt      string // "... left: %d"
	NewRecoveryCodes     string
	NewRecoveryHint      string
	CodeOrRecoveryLabel  string
	DisableTwoFactor     string
	DisableTwoFactorHint string
	FlashTwoFactorOff    string
	CannotTurnOff        string

	// Two-factor sign-in: what administrators do.
	TwoFactorOnShort   string // in the staff list
	TwoFactorOffShort  string
	ResetTwoFactor     string
	ResetTwoFactorText string // "%s ..." the person's name
	FlashTwoFactorGone string
	Settings           string
	SettingsIntro      string
	RequireTwoFactor   string
	RequireHint        string
	FlashSettings      string
	// Writing to the department (issue 9, item 6, the inbox): the messages visitors sent.
	Inbox            string
	InboxIntroFmt    string // %d: the retention in days
	InboxEmpty       string
	InboxUnreadCount string // on the dashboard, "%d"
	MessageFrom      string
	MessageSubject   string
	MessageReceived  string
	MessageStatus    string
	MessageUnread    string
	MessageRead      string
	MessageAnswered  string // "%s, %s": when, by whom
	MessageLang      string
	MessageReply     string // the mailto link
	MarkAnswered     string
	DeleteMessage    string
	FlashAnswered    string
	FlashMessageGone string

	// Photo galleries of cities and pictures on timeline events (issue 9, items 3 and 5).
	Gallery           string
	GalleryIntro      string // %d: the most photos a city can have
	GalleryCount      string // "%d of %d"
	GalleryEmpty      string
	GalleryFull       string // %d: the limit; why one more photo is refused
	PhotoN            string // "Photo %d"
	AddPhoto          string
	SavePhoto         string
	MoveUp            string
	MoveDown          string
	RemovePhoto       string
	FlashPhotoAdded   string
	FlashPhotoSaved   string
	FlashPhotoMoved   string
	FlashPhotoRemoved string
	// PhotoFields labels the gallery's fields by base name ("photo_alt"); a photo's own fields
	// ("gallery.2.alt_ru") borrow them.
	PhotoFields map[string]string

	// Issue 9, items 4–5 (the home page and city pages as stories): a source's title in the
	// site's other language, and its hint.
	SourceTranslation     string
	SourceTranslationHint string
	// Places and their contact details (issue 9, item 6: contacts): the admin's section, and the
	// dashboard's list of places whose contact details are still unknown. The labels and hints
	// of a place's fields are added to Fields and Hints in admin_places.go.
	Places          string
	ContactGaps     string
	NoContactGaps   string
	ContactsMissing string
	// The admin's menu in one row (issue 9, item 8): the short labels of the sections whose
	// heading is too long for the menu, and the word after the count of unread messages, which
	// only screen readers read ("Сообщения 3" is seen, "Сообщения 3 новых" heard).
	MenuTwinCities    string
	MenuPartnerCities string
	MenuOrganizations string
	MenuPlaces        string
	MenuHistory       string
	MenuInbox         string // the messages' section in the menu: short, as the menu must fit one row
	MenuMedia         string // the media library's section in the menu
	MenuUnread        Forms
	// Issue 10, search: staff search over drafts and the trash too.
	SearchTitle  string
	SearchIntro  string
	SearchLabel  string
	SearchButton string
	SearchFound  string // %d: the number of hits
	TrashState   string // "in the trash" as a state
	// Issue 10, open data: the settings of the open data passports and the dashboard's gap.
	// The labels and hints of their fields are added to Fields and Hints in admin_opendata.go.
	OpenDataSettings      string // the settings form's group
	OpenDataSettingsIntro string
	OpenDataGap           string // the dashboard's warning while the publisher is not named
	OpenDataGapLink       string
	Frequencies           map[content.Frequency]string
	// Issue 11, drafts: the working copy beside a published entry.
	SaveDraft             string // the button that keeps changes private
	PublishChanges        string // the button that puts them on the site
	SaveAndPublish        string // a draft's button beside Save: what the form holds, saved and on the site
	DiscardDraft          string // the button that drops the draft
	EditingLive           string // on a published entry's form without a draft
	EditingDraft          string // on the draft's form: "%[1]s" who saved it, "%[2]s" when
	FlashDraftSaved       string
	FlashDraftPublished   string
	FlashDraftDiscarded   string
	DraftPublishNeedsBoth string // why publishing the changes failed
	DraftDiffTitle        string // the comparison of the draft with the published version
	DraftDiffPublished    string
	DraftDiffDraft        string
	DraftDiffNone         string
	DraftOnlyPublished    string // on an unpublished entry's form: saving changes it at once
	PreviewDraftBanner    string // the preview of a draft of a published page
	PreviewLiveBanner     string // the preview of a published page without a draft
	// Issue 11, scheduling: publishing and withdrawing at a time set in advance, in Perm time.
	ScheduleHeading        string // the edit page's section
	ScheduleIntro          string
	PermTimeZone           string // "Perm time (UTC+5)": the zone the admin's times are in, named once on a page or list
	ScheduleAction         string // the choice's legend
	SchedulePublish        string // to publish, as a choice
	ScheduleUnpublish      string // to withdraw, as a choice
	ScheduleDate           string
	ScheduleTime           string
	ScheduleSubmit         string
	SchedulePending        string // the list of what is set for the entry
	ScheduleNone           string
	ScheduleCancel         string
	ScheduleDateInvalid    string
	ScheduleTimeInvalid    string
	SchedulePast           string
	FlashScheduled         string
	FlashScheduleCancelled string
	ScheduleGoneAlready    string // a cancel that comes after the action was done or cancelled
	ScheduleComingUp       string // the dashboard's list
	ScheduleNothingComing  string
	ScheduleFailed         string // the dashboard's list of what could not be done
	ScheduleIncomplete     string // %s: the missing fields
	ScheduleEntryGone      string
	SchedulerName          string // the author of what the scheduler did, in the history
	CommandLineName        string // the author of what was done on the server's command line
	SchedulePublishNoun    string // "publication", in the lists
	ScheduleUnpublishNoun  string // "withdrawal", in the lists
	ScheduleFailedOther    string // another reason: the log has it
	// Issue 11, broken links: the dashboard's list of the addresses the background check found
	// not working. LinkProblems says what is wrong by the check's kind of failure (linkcheck.Kind);
	// an error status is told by the Link…Status texts, %d being the status.
	BrokenLinks      string
	LinksNotChecked  string
	LinksLastCheck   string // before when the last check finished
	NoBrokenLinks    string
	BrokenSince      string // before the time it began to fail
	LinkUsedBy       string // before the entries that give the address
	LinkGoneStatus   string
	LinkDeniedStatus string
	LinkServerStatus string
	LinkOtherStatus  string
	LinkProblems     map[string]string
	// Issue 11, friendly inputs: the three boxes of a date (day, month, year), and an example
	// of a whole date typed as text, shown in every date field's hint.
	DateDay   string
	DateMonth string
	DateYear  string
	// The history's words for a picture, which is kept as the hash of its file.
	PictureBefore string
	PictureAfter  string
	// Issue 11, review before publishing: the setting, the editor's request, the reviewer's
	// approval or return, the dashboard's lists. The publisher's role name, the audit words and
	// the fields' labels join the shared maps in admin_review.go.
	RequireReview        string // the setting's label
	RequireReviewHint    string
	SendForReview        string // the button that sends changes for review instead of publishing them
	ReviewNote           string // the optional note for the reviewer
	ReviewNoteHint       string
	ReviewHeading        string // the entry page's part about the review
	ReviewWaitingLine    string // %[1]s who sent it, %[2]s when
	ReviewNoteFrom       string // before the author's note
	ReviewKeptWaiting    string // saving again keeps it waiting
	ReviewReturnedLine   string // %[1]s who returned it, %[2]s when
	ReviewSendAgain      string
	ApproveAndPublish    string
	ReturnWithComment    string
	ReviewComment        string // the reviewer's comment, required
	ReviewCommentHint    string
	FlashReviewSent      string
	FlashReviewApproved  string
	FlashReviewReturned  string
	ReviewNotWaiting     string // an approval or return of what no longer waits
	ReviewNeedsBoth      string // why sending for review failed: the changes are incomplete
	ReviewForbiddenTitle string // the 403 page of an editor who tries to publish
	ReviewForbidden      string
	ReviewScheduleHint   string // the schedule form of an editor: only withdrawals
	ReviewWaitingTitle   string // the dashboard's lists
	ReviewNothingWaiting string
	ReviewReturnedTitle  string
	ReviewSentBy         string // %[1]s who, %[2]s when
	ReviewReturnedBy     string // %[1]s who, %[2]s when
	UnpublishedChanges   string // the drafts of published entries
	NoUnpublishedChanges string
	DraftSavedBy         string // %[1]s who, %[2]s when
	// Issue 11, review links: the edit page's links that show an entry to people without an
	// account, and the page that shows a new one once. The audit log's words for them are added
	// to ActionNames and Fields in admin_review_links.go.
	ReviewLinksHeading     string
	ReviewLinksIntro       string
	ReviewLinksWorking     string // the list of the links that work
	ReviewLinksNone        string
	ReviewLinkLine         string // %[1]d the link's number, %[2]s who made it, %[3]s when, %[4]s until when
	ReviewLinkRevoke       string
	ReviewLinkLife         string // the legend of the choice of how long a new link works
	ReviewLinkDays         Forms
	ReviewLinkMake         string
	ReviewLinksFull        string // %d: how many may work at once
	ReviewLinkMadeTitle    string
	ReviewLinkMadeIntro    string // %s: until when, in Perm time with the zone named
	ReviewLinkRU           string // the new link to the Russian version
	ReviewLinkEN           string
	ReviewLinkLangHint     string
	ReviewLinkBack         string
	FlashReviewLinkRevoked string
	ReviewLinkGoneAlready  string // a revoke that comes after the link stopped working
	// Issue 11, images in the form: the image controls are part of the entry's form, so uploading
	// keeps what was typed; the media library; reusing an uploaded image.
	TypedKept       string // after an image change: the typed text is kept, not saved
	TypedKeptDraft  string // the same for a published entry, whose changes go to its draft
	ImageConflict   string // an image change refused: someone saved the entry meanwhile
	ImageFormHint   string // under the file input: the typed text stays
	Media           string // the media library's title and menu entry
	MediaIntro      string
	MediaNone       string
	MediaImage      string // the table's column headings
	MediaAlt        string
	MediaUsedIn     string
	MediaUnused     string
	MediaUploadedAt string
	MediaPage       string // "Page %d"
	MediaNext       string
	MediaPrev       string
	MediaBadPage    string
	ReuseTitle      string
	ReuseHint       string
	ReuseImage      string // the button: the chosen image as the main image
	ReusePhoto      string // the button: the chosen image added to the gallery
	ReuseNone       string // no image chosen
	ReuseGone       string // the chosen image does not exist
	ReuseAll        string // link to the library
	MediaNoAlt      string // an image no entry uses has no text alternative yet
	FileLeftBehind  string // a file chosen, the form saved: the file was not uploaded

	// Issue 11, news: the related cities of an item's form, and the dashboard's draft of a news
	// item for a round anniversary, whose title and lead say only the facts.
	NewsNoCities               string // the cities' fieldset when there is no city yet
	NewsAnniversaryDraft       string // the dashboard's button
	NewsAnniversaryDrafted     string // the flash on the new draft
	NewsAnniversaryExists      string // the flash when the anniversary's item was made before
	ChooseFileAgain            string // after a problem with an upload's words: the file must be chosen again
	NewsAnniversaryTitle       string // %[1]s: the city; %[2]s: the years counted
	NewsAnniversaryLeadTwin    string // %[1]s: the city; %[2]s: its country; %[3]s: since when; %[4]s: when the anniversary is; %[5]s: the years counted
	NewsAnniversaryLeadPartner string // the same for a partner city
	NewsAnniversaryNote        string // the draft's note for staff
	NewsYears                  Forms
	// Issue 11, friendly inputs (the rest): the form's sticky bar and its Markdown preview, the
	// danger zone, the coordinates' map, and the words of the schedule's audit lines.
	FormBarLabel      string // the accessible name of the bar of save buttons
	PreviewText       string // the button that shows the Markdown texts rendered
	PreviewTextHint   string
	PreviewOf         string // the heading of a rendered text under its box
	FlashPreview      string // the page after a preview: nothing was saved
	DangerZone        string
	DangerZoneIntro   string
	CoordsMapTitle    string // the coordinates' map: its title
	CoordsMapNone     string // when the coordinates are empty or cannot be read
	North, South      string // "N", "S" after a latitude
	East, West        string // "E", "W" after a longitude
	ScheduleDismiss   string // the button that takes a failure off the dashboard
	FlashDismissed    string
	ScheduleAuditWhat string // an audit line of a schedule: "%[1]s at %[2]s (Perm time)"
	AuditRevertedTo   string // a revert's audit line: "to version %d"
	AuditWithCity     string // an event or award purged with its city: "with city no. %d"
	// ImagesNeedPublisher replaces the image controls of a published entry for an editor while
	// changes need approval: images are saved on the entry itself, so they would skip the review.
	ImagesNeedPublisher string

	// Issue 12, growth: the count and links of a long list's pages.
	ListShown    string // "Показано %[1]s–%[2]s из %[3]s"
	ListPages    string // the pager's label for assistive technology
	ListPrevious string
	ListNext     string
}

// AdminFor returns the staff interface's catalogue for language l.
func AdminFor(l content.Lang) *AdminMessages {
	if l == content.EN {
		return &adminEN
	}
	return &adminRU
}

// FieldLabel names a form field for messages and history: "name_en" is "Name (English)",
// "sources.1.url" is "Source 2: address", "gallery.0.alt_en" is "Photo 1: Text alternative of the
// photo (English)".
func (m *AdminMessages) FieldLabel(field string) string {
	if rest, ok := strings.CutPrefix(field, "sources."); ok {
		n, part, _ := strings.Cut(rest, ".")
		i, _ := strconv.Atoi(n)
		label := strings.Replace(m.SourceN, "%d", strconv.Itoa(i+1), 1)
		switch part {
		case "title":
			return label + ": " + m.SourceTitle
		case "url":
			return label + ": " + m.SourceURL
		case "translation":
			return label + ": " + m.SourceTranslation
		}
		return label
	}
	if field == "gallery" {
		return m.Gallery
	}
	if rest, ok := strings.CutPrefix(field, "gallery."); ok {
		n, part, _ := strings.Cut(rest, ".")
		i, _ := strconv.Atoi(n)
		return strings.Replace(m.PhotoN, "%d", strconv.Itoa(i+1), 1) + ": " + m.FieldLabel("photo_"+part)
	}
	for suffix, lang := range map[string]string{"_ru": m.Russian, "_en": m.English} {
		if base, ok := strings.CutSuffix(field, suffix); ok {
			l, ok := m.Fields[base]
			if !ok {
				l, ok = m.PhotoFields[base]
			}
			if ok {
				if m.Lang == content.RU {
					lang = strings.ToLower(lang) // «Название (английский)», but "Name (English)"
				}
				return l + " (" + lang + ")"
			}
		}
	}
	if l, ok := m.Fields[field]; ok {
		return l
	}
	if l, ok := m.PhotoFields[field]; ok {
		return l
	}
	return field
}
