package media

// Kind of picture: a photo is flattened to JPEG; a logo keeps transparency (PNG) when it has any.
type Kind int

const (
	// Photo is a picture of a city or an award: always served as an opaque JPEG, the compact
	// format for photographs. Transparent parts, which a photo should not have, are drawn over white.
	Photo Kind = iota
	// Logo is an organisation's emblem, usually drawn on a transparent background that must stay
	// transparent on any page colour: it is served as a PNG when any of its pixels is not opaque,
	// and as a JPEG otherwise.
	Logo
)
