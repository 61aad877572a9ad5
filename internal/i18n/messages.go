// Package i18n holds everything the site says in its own voice, in Russian and English: the
// message catalogue, dates printed with their precision, counted nouns and country names.
package i18n

import "twincities/internal/content"

// Messages is the catalogue for one language. It is a struct, not a map, so a missing message is
// a compile error and a test can check that no field is left empty in either language.
type Messages struct {
	Lang content.Lang
	// LangName is the language's own name, shown on the switch that leads to it.
	LangName string

	SiteTitle   string // the site's name, in every <title>
	CityName    string
	SiteTagline string
	Description string // the home page's meta description

	SkipToContent  string
	MainNav        string
	Breadcrumbs    string
	SwitchLanguage string // accessible label of the language switch
	Home           string

	TwinCities    string
	PartnerCities string
	Memberships   string
	Awards        string
	About         string
	Contacts      string

	TwinCitiesIntro    string
	PartnerCitiesIntro string
	MembershipsIntro   string
	AwardsIntro        string

	CountTwinCities    Forms
	CountPartnerCities Forms
	CountMemberships   Forms
	CountAwards        Forms
	InNumbers          string // accessible label of the counts on the home page

	LatestAwards   string
	AllTwinCities  string
	AllPartners    string
	AllAwards      string
	ActiveTwins    string
	FormerTwins    string
	FormerPartners string

	KeyFacts        string
	Country         string
	Region          string
	Since           string
	Status          string
	OfficialSite    string
	Sources         string
	Timeline        string
	RelatedAwards   string
	Coordinates     string
	DateUnknown     string // where a relationship's start is not confirmed yet
	StatusActive    string
	StatusEnded     string // "Relations ended", completed by a date where known
	StatusSuspended string
	MemberSince     string
	ShortName       string
	OrgKind         string
	Role            string
	Website         string
	AwardedBy       string
	Place           string
	NothingYet      string
	ScopeNames      map[content.Scope]string
	OrgKindNames    map[content.OrgKind]string
	MilestonesHead  string // general timeline on the about page

	FooterDepartment string
	FooterNote       string

	NotFoundTitle string
	NotFoundText  string
	ErrorTitle    string
	ErrorText     string
	BackHome      string
	BackToEditing string // on a staff preview
	ImageCredit   string // before the name of a photo's author

	// The version for the visually impaired.
	A11yLink           string // the link at the top of every page
	A11yIntro          string
	A11ySettings       string // accessible name of the settings panel
	FontSize           string
	FontNormal         string
	FontLarge          string
	FontLargest        string
	ColorScheme        string
	SchemeDefault      string
	SchemeBlackOnWhite string
	SchemeWhiteOnBlack string
	SchemeBlue         string
	Images             string
	ImagesOn           string
	ImagesOff          string
	Apply              string
	RegularVersion     string
	ImageWord          string // before an image's description when images are off
	BadRequest         string // a request no form of ours sends
	CrossOrigin        string // a state-changing request from another site

	// Pages for requests the site refuses, and for when it cannot serve for a while.
	BadRequestTitle  string
	RefusedTitle     string // a cross-origin request
	TooLargeTitle    string
	TooLarge         string // %s: the limit in words ("2 MB")
	Megabytes        string // %d: a size in megabytes
	Kilobytes        string // %d: a size in kilobytes
	FormTypeTitle    string
	FormType         string // a multipart body where ordinary forms are expected
	BadSearch        string // a search holding characters nobody can type
	UnavailableTitle string
	Unavailable      string // the database cannot be reached

	// Issue 9, typography: headings that agree with the number of entries under them, and the
	// text of a link to read more about an event (never the raw address).
	OrgKindNamesOne map[content.OrgKind]string                   // the heading over one organisation
	ScopeNamesOne   map[content.OrgKind]map[content.Scope]string // agreeing with the kind's noun
	ReadMore        string
	// Issue 9, key facts computed from data: a city's distance from Perm and its time difference
	// with Perm (facts.go).
	DistanceFromPerm string // the label in a city's facts box
	Kilometres       string // %s: a distance, its digits grouped
	KilometresAway   string // %s: a distance with its unit, on a city's card
	TimeDifference   string // the label in a city's facts box
	SameTimeAsPerm   string
	AheadOfPerm      string // %s: hours and minutes, counted ("4 hours")
	BehindPerm       string // %s: the same
	ClockExample     string // %[1]s: noon in Perm; %[2]s: the city's time then
	Hours            Forms  // counted after "на" in Russian: на 1 час, на 2 часа, на 5 часов
	Minutes          Forms  // the same: на 1 минуту, на 2 минуты, на 30 минут
	// Issue 9, items 7–8: the strip of the version for the visually impaired, the folding menu.
	StripFontNormal    string // accessible names of the strip's buttons
	StripFontLarge     string
	StripFontLargest   string
	StripSchemeDefault string
	StripSchemeBW      string
	StripSchemeWB      string
	StripSchemeBlue    string
	StripImages        string // a toggle: pressed while images are shown
	StripSettings      string // the link to the full settings page
	StripOff           string // the visible label of the button that turns the version off
	Menu               string // the button that unfolds the menu on phones
	// The map of Perm's relations (issue 9, item 1): the home page's map, its inset, the legend
	// and a city page's locator map.
	MapTitle        string
	MapDesc         string
	MapInsetTitle   string
	MapInsetDesc    string
	MapPerm         string
	MapLegendActive string
	MapLegendEnded  string
	LocatorTitle    string // %s: the city's name
	LocatorDescPerm string // %s: the city's name
	LocatorDesc     string // %s: the city's name
	// Honest counts on the home page (issue 9, item 4): current relationships apart from former
	// (ended or suspended) ones, "4 twin cities and 2 former".
	// The noun-less "former", agreeing with the city counted before it: after one (1, 21) and
	// after any other number. Not Forms: in Russian its few and many forms are the same word.
	CountFormerOne   string
	CountFormerOther string
	CountFormerJoin  string // joins the current count to the former one
	// Writing to the department (issue 9, item 6, the form): the public form, its problems and
	// its thank-you page; the policy on personal data is the editable text page "privacy".
	WriteTitle          string
	WriteIntro          string
	WriteLink           string // on the contacts page
	WriteName           string
	WriteEmail          string
	WriteEmailHint      string
	WriteSubject        string
	WriteBody           string
	WriteBodyHint       string // %d: the limit in characters
	WriteConsent        string // the box; the policy's link follows it
	WriteConsentField   string // the box's name in the summary of problems
	WritePolicy         string // the link to the policy
	WriteHoneypot       string // the label of the field only robots fill
	WriteSend           string
	WriteErrorSummary   string
	WriteRequired       string
	WriteTooLong        string // %d: the limit in characters
	WriteBadEmail       string
	WriteCharacters     string
	WriteNoConsent      string
	WriteThrottledTitle string
	WriteThrottled      string
	WriteFullTitle      string
	WriteFull           string
	WriteThanksTitle    string
	WriteThanks         string
	WriteBackToContacts string
	// Photo galleries of cities (issue 9, item 3).
	Gallery string // the heading of a city's photos
	// Issue 9, items 4–5 (task D: the home page's lead and "coming up", the last joint activity on
	// cards, the lists' notes, city pages as stories). See story.go.
	Lead           string // %[1]s: the twin cities counted with the former; %[2]s: LeadPartners counted
	LeadNoPartners string // %s: the twin cities counted, when there are no partner cities
	// The partner cities as the lead counts them ("with 1 Russian city", "with 4 Russian cities"):
	// after one (1, 21) and after any other number. Not Forms: in Russian, after "с", its few and
	// many forms are the same word.
	LeadPartnersOne   string
	LeadPartnersOther string
	LastActivity      string // %s: the date of a city's latest joint activity, on its card
	ComingUp          string // the heading of the home page's strip of what comes next
	AnniversaryOf     string // %[1]s: the city's name; %[2]s: the years counted
	Years             Forms  // counted years of a relationship
	PermPageAboutPerm string // the label of the partner city's page about Perm in the facts box
	// Places and their contact details (issue 9, item 6: contacts): the labels of a place's
	// details on the contacts page, and the "how to take part" block of a city page, which
	// names the department and links to the contacts page.
	PlaceAddress  string
	PlacePhone    string
	PlaceEmail    string
	PlaceHours    string
	PlaceHead     string
	PlaceWebsite  string // the label of a place's website
	PlaceSiteLink string // the text of the link to it, never the address itself
	FooterContact string // the footer's list of the department's contact details, for screen readers
	TakePartHead  string
	TakePartLead  string // before the department's name, which ends the sentence
	// Issue 10, feeds: the Atom feed and the calendar of coming anniversaries and events.
	FeedTitle         string // the feed's title, before the site's
	FeedSubscribe     string // the visible link to the feed
	CalendarName      string // the calendar's name, before the site's
	CalendarSubscribe string // the visible link to the calendar
	CalendarRelations string // an anniversary's description: "Relations since 15 October 2007"
	// Issue 10, structured data and previews: the descriptions a shared link shows (and the meta
	// description) where no summary says it, and the words on and about the share pictures.
	DescTwinList    string // %[1]d: the twin cities counted; %[2]s: their names
	DescPartnerList string // %[1]d: the partner cities counted; %[2]s: their names
	DescMemberships string // %[1]d: the unions and associations counted; %[2]s: their names
	DescAwards      string // %[1]d: the awards counted; %[2]s: the latest one's title
	DescTwinCity    string // a twin city without a summary: %[1]s its name; %[2]s where it is
	DescPartnerCity string // the same for a partner city
	ShareTwin       string // the line over the name on a twin city's share picture
	SharePartner    string // the same for a partner city
	ShareHome       string // the line over Perm's name on the home page's share picture
	ShareMapAlt     string // %s: the city's name; the share picture when it is a map
	ShareHomeAlt    string // the home page's share picture
	// Issue 10, search: the header's box, the search page and its refusals.
	SearchLabel        string // the box's label, for screen readers
	SearchButton       string
	SearchTitle        string
	SearchTitleFor     string // %s: the query, in quotes
	SearchIntro        string // on the page without a query: what can be found
	SearchTips         string // how quotes and the minus work
	SearchExamplesHead string
	SearchFound        string // %d: the number of hits
	SearchNothing      string // %s: the query
	SearchNothingHint  string
	SearchDidYouMean   string
	SearchAll          string // the filter of every kind
	SearchKindsLabel   string // the label of the list of kinds with their counts
	SearchKindNames    map[content.Entity]string
	SearchPagesLabel   string
	SearchPageOf       string // %d of %d
	SearchPrevious     string
	SearchNext         string
	SearchTooLong      string // %d: the limit in characters
	SearchTooManyWords string // %d: the limit in words
	SearchBadPage      string
	SearchBadKind      string
	SearchBusy         string
	// Issue 10, open data: the section's page and its link in the footer.
	OpenData            string // the section's title and the footer's link
	OpenDataIntro       string
	OpenDataLicense     string // before the licence's name, which is a link
	OpenDataLicenseName string
	OpenDataRegister    string // the link to the register of the sets
	OpenDataModified    string // "last changed", before the date
	OpenDataNotYet      string // a set nothing has been published in yet
	OpenDataPassport    string
	OpenDataFile        string
	OpenDataStructure   string
	OpenDataIdentifier  string
	OpenDataStandard    string // which recommendations the files follow
	// Issue 10, JSON API: its problem details, the footer's link and the page that explains it.
	APIBadFilterTitle string // the title of a 400 for a query parameter the API does not take
	APIFilterChoice   string // %[1]s: the parameter; %[2]s: the values it takes, comma-separated
	APIFilterOnce     string // %s: the parameter given more than once
	APIFilterCountry  string // %s: the parameter, which takes a country code
	APIFilterYear     string // %s: the parameter, which takes a year
	APIMethodTitle    string
	APIMethod         string
	APINotFoundTitle  string
	APINotFound       string
	APIServerError    string // the detail of a 500 (its title is ErrorTitle)
	APIUnavailable    string // the detail of a 503 (its title is UnavailableTitle)
	FooterAPI         string // the footer's link to the API's page
	APITitle          string
	APIIntro          string
	APINoKey          string
	APILicenceHead    string
	APILicence        string // before the licence's link
	APILicenceName    string // the link's text
	APIEndpointsHead  string
	APIColAddress     string
	APIColMeaning     string
	APICities         string
	APICity           string
	APIOrganizations  string
	APIAwards         string
	APIEvents         string
	APIOpenAPI        string
	APIExamplesHead   string
	APIExampleCities  string // the caption of each example request
	APIExampleCity    string
	APIExampleRevalid string
	APIFieldsHead     string
	APIFieldsTexts    string
	APIFieldsDates    string
	APIFieldsImages   string
	APIFieldsLinks    string
	APIFieldsCodes    string
	APIFiltersHead    string
	APIColParameter   string
	APIColAt          string
	APIColValues      string
	APICountryValues  string // the values of the country filter
	APIYearValues     string // the values of the year filter
	APIFiltersNote    string
	APICachingHead    string
	APICaching        string
	APICORS           string
	APIErrorsHead     string
	APIErrors         string
	APIColStatus      string
	APIProblem400     string
	APIProblem404     string
	APIProblem405     string
	APIProblem500     string
	APIProblem503     string
	APIDescribedBy    string // before the link to the OpenAPI document
	// Issue 11, review links: the page a link made by staff shows to someone without an account,
	// and what an unknown, expired or revoked link answers.
	ReviewDraftBanner  string // over an entry's draft, or an entry the public does not see
	ReviewLiveBanner   string // over a published entry that has no draft
	ReviewUnknownTitle string
	ReviewUnknown      string
	ReviewGoneTitle    string
	ReviewGone         string

	// Issue 11, news: the news section (its list, pages and paging), and news on the home and city pages.
	News        string
	NewsIntro   string
	NewsEmpty   string
	LatestNews  string
	AllNews     string
	CityNews    string // the heading of a city's news on its page
	NewsCities  string // the cities an item is about
	NewsBadPage string // a ?page= that is not a whole number from 1
	DescNews    string // the list's meta description

	// Issue 12, growth: the count and links of a long list's pages.
	ListShown string // "Показано %[1]s–%[2]s из %[3]s": the entries of this page, of how many
	ListPageN string // "страница %d": in the title of a list's page after the first
	ListPages string // the pager's label for assistive technology
}

// ruTyped is the Russian catalogue as the site prints it, with its non-breaking spaces.
var ruTyped = typesetCatalogue(content.RU, ru)

// For returns the catalogue for language l.
func For(l content.Lang) *Messages {
	if l == content.EN {
		return &en
	}
	return &ruTyped
}
