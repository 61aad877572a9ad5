package content

import (
	"unicode/utf8"
)

// A text field holds what a person can type, nothing else. Broken UTF-8 and the NUL byte cannot
// be stored at all (PostgreSQL refuses them); other control characters cannot be typed into a
// form and would only hide text or break the pages and files the site makes from it. Only a
// multi-line field may hold line breaks and tabs; browsers send a text area's line breaks as
// CR LF, which the web layer turns into LF before validation.

// UntypableAt returns the byte offset of the first character in s that a person cannot have
// typed into a field, or -1 when there is none: a byte that is not UTF-8, a C0 or C1 control
// character or DEL, except a tab or a line break (LF) when multiline is true.
func UntypableAt(s string, multiline bool) int {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return i // a broken byte, not a U+FFFD typed as such
			}
		case r == '\n' || r == '\t':
			if !multiline {
				return i
			}
		case r < 0x20, r >= 0x7f && r <= 0x9f:
			return i
		}
	}
	return -1
}

// Typable reports whether s holds only characters a person can type into a field: see
// UntypableAt.
func Typable(s string, multiline bool) bool { return UntypableAt(s, multiline) < 0 }

// HasInvisible reports whether s holds a character that changes how text around it is shown
// without being seen itself: the Unicode bidirectional controls (which can make a name read
// backwards, U+202E) and the zero-width characters (which make two names look alike). A name
// or an address never needs them.
func HasInvisible(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x202a && r <= 0x202e, // LRE, RLE, PDF, LRO, RLO
			r >= 0x2066 && r <= 0x2069,            // LRI, RLI, FSI, PDI
			r == 0x200e, r == 0x200f, r == 0x061c, // LRM, RLM, ALM
			r >= 0x200b && r <= 0x200d, // zero-width space, non-joiner, joiner
			r == 0x2060, r == 0xfeff,   // word joiner, zero-width no-break space (BOM)
			r == 0x00ad, r == 0x180e: // soft hyphen, Mongolian vowel separator
			return true
		}
	}
	return false
}

// chars checks that field holds only typable characters. Names and addresses (name true) may
// not hold invisible ones either.
func (c *checker) chars(field, v string, multiline, name bool) {
	if !Typable(v, multiline) || name && HasInvisible(v) {
		c.add(field, ProblemCharacters)
	}
}
