package i18n

import "twincities/internal/content"

var en = Messages{
	Lang:     content.EN,
	LangName: "English",

	SiteTitle:   "Perm: international and inter-municipal relations",
	CityName:    "Perm",
	SiteTagline: "International and inter-municipal relations",
	Description: "Perm's twin cities and Russian partner cities, the unions and associations the city belongs to, and its awards.",

	SkipToContent:  "Skip to main content",
	MainNav:        "Main sections",
	Breadcrumbs:    "You are here",
	SwitchLanguage: "Language",
	Home:           "Home",

	TwinCities:    "Twin cities",
	PartnerCities: "Partner cities",
	Memberships:   "Unions and associations",
	Awards:        "Awards",
	About:         "About Perm's relations",
	Contacts:      "Contacts",

	TwinCitiesIntro:    "Cities abroad that are twinned with Perm.",
	PartnerCitiesIntro: "Russian cities with which Perm has signed cooperation agreements.",
	MembershipsIntro:   "Unions, organisations and associations of local governments that Perm belongs to.",
	AwardsIntro:        "Recognition of Perm's international and inter-municipal work, newest first.",

	CountTwinCities:    Forms{One: "twin city", Many: "twin cities"},
	CountPartnerCities: Forms{One: "partner city", Many: "partner cities"},
	CountMemberships:   Forms{One: "union or association", Many: "unions and associations"},
	CountAwards:        Forms{One: "award", Many: "awards"},
	InNumbers:          "In numbers",

	LatestAwards:   "Latest awards",
	AllTwinCities:  "All twin cities",
	AllPartners:    "All partner cities",
	AllAwards:      "All awards",
	ActiveTwins:    "Current relationships",
	FormerTwins:    "Ended and suspended relationships",
	FormerPartners: "Ended and suspended agreements",

	KeyFacts:       "Key facts",
	Country:        "Country",
	Region:         "Region",
	Since:          "Relationship since",
	Status:         "Status",
	OfficialSite:   "The city's official website",
	Sources:        "Sources",
	Timeline:       "Timeline",
	RelatedAwards:  "Awards",
	Coordinates:    "Coordinates",
	DateUnknown:    "date being confirmed",
	StatusActive:   "Active",
	StatusEnded:    "Relationship ended",
	StatusSuspend:  "Relationship suspended",
	MemberSince:    "Member since",
	ShortName:      "Short name",
	OrgKind:        "Type",
	Role:           "Perm's role",
	Website:        "Website",
	AwardedBy:      "Awarded by",
	Place:          "Place",
	NothingYet:     "Nothing here yet.",
	MilestonesHead: "Timeline",
	ScopeNames: map[content.Scope]string{
		content.International: "International",
		content.National:      "National",
		content.Interregional: "Interregional",
	},
	OrgKindNames: map[content.OrgKind]string{
		content.Union:       "Unions and organisations of local governments",
		content.Association: "Associations",
	},

	FooterDepartment: "International and Inter-municipal Relations Department of the Administration of the City of Perm",
	FooterNote:       "This site uses no third-party trackers, fonts or maps.",

	NotFoundTitle: "Page not found",
	NotFoundText:  "There is no such page on this site. The address may be mistyped, or the page may have moved.",
	ErrorTitle:    "Something went wrong",
	ErrorText:     "An error occurred on the server, and it has been recorded. Please try the page again in a few minutes.",
	BackHome:      "Go to the home page",
}
