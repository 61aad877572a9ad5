package auth

import (
	_ "embed"
	"strings"
	"sync"
)

// commonPasswordsFile is the list of common passwords shipped with the
// binary, so the check works offline and cannot silently go missing. Its
// header says where it comes from (the zxcvbn frequency list, MIT).
//
// The list is worth having even though passwords must be 12 characters
// long: most of its entries are shorter and already refused by length,
// but people who are made to type twelve characters reach for the long
// patterns that everyone else reaches for too, and those are on it:
// "qwerty123456", "1qaz2wsx3edc", "123456654321", "qazwsxedcrfv",
// and "gfhjkmgfhjkm", which is "парольпароль" typed with the keyboard
// left in the Latin layout, a habit of Russian-speaking users. Attackers
// try such lists first, so the length alone does not protect them.
//
//go:embed common-passwords.txt
var commonPasswordsFile string

// commonPasswords is the set of lower-cased entries of
// commonPasswordsFile. It is built on first use and only once, since the
// file is ten thousand lines and most processes never change a password.
var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	set := make(map[string]struct{}, 10_500)
	for line := range strings.Lines(commonPasswordsFile) {
		// Entries are taken as they are, without trimming spaces, as the
		// password is; only the line ending is removed.
		line = strings.TrimRight(line, "\r\n")
		// "#" starts a comment line (the source and licence); no entry of
		// the list starts with it.
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		set[strings.ToLower(line)] = struct{}{}
	}
	return set
})

// isCommonPassword reports whether password is on the common list,
// ignoring case.
func isCommonPassword(password string) bool {
	_, ok := commonPasswords()[strings.ToLower(password)]
	return ok
}
