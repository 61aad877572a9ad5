package content

// Perm itself, from which the site measures distances and time differences
// (../shared/facts/perm.md, "Perm itself" and "Time zones").
var (
	// PermLocation is the centre of Perm: 58.01 N, 56.25 E.
	PermLocation = GeoPoint{Lat: 58.01, Lon: 56.25}
	// PermTimeZone is Perm's IANA time zone: UTC+5 all year, named after Yekaterinburg, its
	// largest city.
	PermTimeZone = "Asia/Yekaterinburg"
)
