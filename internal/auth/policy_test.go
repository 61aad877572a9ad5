package auth_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"twincities/internal/auth"
)

const email = "anna.petrova@gorodperm.ru"

// ascii returns an uncommon ASCII password of exactly n characters.
func ascii(n int) string {
	return strings.Repeat("Tw1n-Kama~", n/10+1)[:n]
}

// cyrillic returns an uncommon Cyrillic password of exactly n runes
// (2n bytes).
func cyrillic(n int) string {
	r := []rune(strings.Repeat("медведьпермь", n/12+1))
	return string(r[:n])
}

func check(t *testing.T, password string, want error) {
	t.Helper()
	if got := auth.CheckPassword(password, email); !errors.Is(got, want) {
		t.Errorf("CheckPassword(%q) = %v; want %v", password, got, want)
	}
}

func TestCheckPasswordLength(t *testing.T) {
	check(t, ascii(11), auth.ErrPasswordTooShort)
	check(t, ascii(12), nil)
	check(t, ascii(64), nil)
	check(t, ascii(256), nil)
	check(t, ascii(257), auth.ErrPasswordTooLong)
	check(t, ascii(10_000_000), auth.ErrPasswordTooLong)
	check(t, "", auth.ErrPasswordTooShort)
}

func TestCheckPasswordCountsRunesNotBytes(t *testing.T) {
	if p := cyrillic(12); len(p) != 24 || utf8.RuneCountInString(p) != 12 {
		t.Fatalf("helper: %q is %d bytes, %d runes", p, len(p), utf8.RuneCountInString(p))
	}
	check(t, "медведьпермь", nil)                    // 12 runes, 24 bytes
	check(t, cyrillic(11), auth.ErrPasswordTooShort) // 22 bytes, still too short
	check(t, "пароль", auth.ErrPasswordTooShort)     // 12 bytes, 6 runes
	check(t, cyrillic(256), nil)                     // 512 bytes
	check(t, cyrillic(257), auth.ErrPasswordTooLong)

	// Four-byte runes: 256 of them are 1024 bytes and still allowed.
	check(t, strings.Repeat("🐻", 256), nil)
	check(t, strings.Repeat("🐻", 257), auth.ErrPasswordTooLong)
	check(t, strings.Repeat("🐻", 11), auth.ErrPasswordTooShort)
}

func TestCheckPasswordTakesItAsTyped(t *testing.T) {
	// Ten characters and two spaces: only long enough if the spaces count.
	check(t, "  "+ascii(10), nil)
	check(t, ascii(10)+"  ", nil)
	check(t, " "+ascii(10)+" ", nil)
	check(t, "          "+"ab", nil)
	// Not trimmed, so a space makes a listed password a different one.
	check(t, "qwerty123456", auth.ErrPasswordCommon)
	check(t, "qwerty123456 ", nil)
}

func TestCheckPasswordRefusesControlCharacters(t *testing.T) {
	base := ascii(16)
	for _, bad := range []string{"\n", "\r", "\r\n", "\x00", "\t", "\x7f", "\u0085", "\u2028", "\u2029", "\x1b"} {
		for _, p := range []string{base + bad, bad + base, base[:8] + bad + base[8:]} {
			check(t, p, auth.ErrPasswordInvalid)
		}
	}
}

func TestCheckPasswordRefusesInvalidUTF8(t *testing.T) {
	base := ascii(16)
	for _, bad := range []string{"\xff", "\xc3", "\xed\xa0\x80" /* surrogate */, "\xc0\xaf" /* overlong */} {
		check(t, base+bad, auth.ErrPasswordInvalid)
		check(t, bad+base, auth.ErrPasswordInvalid)
	}
	// Invalid and short: it is the content that is wrong, not the length.
	check(t, "\xff\xfe", auth.ErrPasswordInvalid)
}

func TestCheckPasswordRefusesEmail(t *testing.T) {
	check(t, email, auth.ErrPasswordCommon)
	check(t, "Anna.Petrova@GorodPerm.RU", auth.ErrPasswordCommon)
	check(t, "anna.petrova", auth.ErrPasswordCommon)
	check(t, "ANNA.petrova", auth.ErrPasswordCommon)

	// Only equality is refused; anything longer is judged on its own.
	check(t, "anna.petrova, Perm 2024", nil)

	// The email is tidied (it is not the password); the password is not.
	if err := auth.CheckPassword("anna.petrova", "  "+email+"\n"); !errors.Is(err, auth.ErrPasswordCommon) {
		t.Errorf("local part of a space-padded email: got %v; want ErrPasswordCommon", err)
	}
	// No email, or one without a local part, refuses nothing extra.
	for _, e := range []string{"", "   ", "@gorodperm.ru", "no-at-sign-here"} {
		if err := auth.CheckPassword(ascii(20), e); err != nil {
			t.Errorf("CheckPassword(ok password, %q) = %v; want nil", e, err)
		}
	}
	if err := auth.CheckPassword("no-at-sign-here", "no-at-sign-here"); !errors.Is(err, auth.ErrPasswordCommon) {
		t.Errorf("password equal to an email without @: got %v; want ErrPasswordCommon", err)
	}
}

func TestErrorsAreDistinct(t *testing.T) {
	errs := []error{auth.ErrPasswordTooShort, auth.ErrPasswordTooLong, auth.ErrPasswordCommon, auth.ErrPasswordInvalid}
	for i, a := range errs {
		if a == nil || a.Error() == "" {
			t.Fatalf("error %d is empty", i)
		}
		for j, b := range errs {
			if i != j && errors.Is(a, b) {
				t.Errorf("%v matches %v", a, b)
			}
		}
	}
}
