package templates

// withFont, withScheme and withImages are the settings a with one choice changed: what a button
// of the strip sends.
func withFont(a A11y, font string) A11y     { a.Font = font; return a }
func withScheme(a A11y, scheme string) A11y { a.Scheme = scheme; return a }
func withImages(a A11y, images bool) A11y   { a.Images = images; return a }

// pressed is the value of aria-pressed: it tells a screen reader which choice is the current one.
func pressed(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// onOff is the form's word for showing images.
func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// stripFontName and stripSchemeName are the accessible names of the strip's buttons, in the order
// of Fonts and Schemes.
func stripFontName(p Page, i int) string {
	return [...]string{p.Msg.StripFontNormal, p.Msg.StripFontLarge, p.Msg.StripFontLargest}[i]
}

func stripSchemeName(p Page, i int) string {
	return [...]string{p.Msg.StripSchemeDefault, p.Msg.StripSchemeBW, p.Msg.StripSchemeWB, p.Msg.StripSchemeBlue}[i]
}
