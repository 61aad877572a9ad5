package content

// Settings are the site-wide settings administrators change. A new setting is a field here, a
// column of the settings table (with a default) and an entry in Fields, which the audit log
// compares.
type Settings struct {
	// RequireTwoFactor makes every member of staff set up two-factor sign-in before they can do
	// anything else in the admin.
	RequireTwoFactor bool
}

// Fields lists the settings as the audit log records them, named as the settings form names them.
func (s Settings) Fields() []FieldValue {
	return []FieldValue{{Field: "require_two_factor", Value: boolValue(s.RequireTwoFactor)}}
}
