package templates

import "strings"

// A11y is the visitor's choice in the version for the visually impaired. The zero value is the
// ordinary version.
type A11y struct {
	On     bool
	Font   string // "normal", "large", "largest"
	Scheme string // "default", "black-on-white", "white-on-black", "blue"
	Images bool   // show images; when false, each image is replaced by its text alternative
}

// The choices, in the order the settings offer them.
var (
	Fonts   = []string{"normal", "large", "largest"}
	Schemes = []string{"default", "black-on-white", "white-on-black", "blue"}
)

// ShowImages reports whether images are shown: always in the ordinary version.
func (a A11y) ShowImages() bool { return !a.On || a.Images }

// HTMLClass is the class of <html> that switches the CSS to the chosen settings.
func (a A11y) HTMLClass() string {
	if !a.On {
		return ""
	}
	classes := []string{"a11y", "font-" + a.Font, "scheme-" + a.Scheme}
	if !a.Images {
		classes = append(classes, "images-off")
	}
	return strings.Join(classes, " ")
}

// fontLabel and schemeLabel name the choices in the page's language.
func fontLabel(p Page, font string) string {
	switch font {
	case "large":
		return p.Msg.FontLarge
	case "largest":
		return p.Msg.FontLargest
	}
	return p.Msg.FontNormal
}

func schemeLabel(p Page, scheme string) string {
	switch scheme {
	case "black-on-white":
		return p.Msg.SchemeBlackOnWhite
	case "white-on-black":
		return p.Msg.SchemeWhiteOnBlack
	case "blue":
		return p.Msg.SchemeBlue
	}
	return p.Msg.SchemeDefault
}
