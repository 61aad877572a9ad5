package auth_test

import (
	"encoding/base32"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"twincities/internal/auth"
)

// codeAt is the code an authenticator app shows for secret at t.
func codeAt(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	c, err := totp.GenerateCodeCustom(secret, at, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNewTOTPSecret(t *testing.T) {
	t.Parallel()
	a, err := auth.NewTOTPSecret()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := auth.NewTOTPSecret()
	if !regexp.MustCompile(`^[A-Z2-7]{32}$`).MatchString(a) {
		t.Errorf("secret %q is not 32 base32 characters", a)
	}
	if raw, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(a); err != nil || len(raw) != 20 {
		t.Errorf("secret decodes to %d bytes (%v), want 20", len(raw), err)
	}
	if a == b {
		t.Error("two new secrets are the same")
	}
	if g := auth.GroupKey(a); len(strings.Fields(g)) != 8 || strings.ReplaceAll(g, " ", "") != a {
		t.Errorf("grouped key %q", g)
	}
}

func TestTOTPURI(t *testing.T) {
	t.Parallel()
	secret, _ := auth.NewTOTPSecret()
	uri, err := auth.TOTPURI("Пермь. Международные связи", "olga@perm.example", secret)
	if err != nil {
		t.Fatal(err)
	}
	k, err := otp.NewKeyFromURL(uri)
	if err != nil {
		t.Fatalf("%s: %v", uri, err)
	}
	if k.Type() != "totp" || k.Issuer() != "Пермь. Международные связи" || k.AccountName() != "olga@perm.example" ||
		k.Secret() != secret || k.Period() != 30 || k.Digits() != otp.DigitsSix || k.Algorithm() != otp.AlgorithmSHA1 {
		t.Errorf("the URI %s reads as type %s, issuer %q, account %q, secret %q, period %d, digits %d, algorithm %s",
			uri, k.Type(), k.Issuer(), k.AccountName(), k.Secret(), k.Period(), k.Digits(), k.Algorithm())
	}
	if _, err := auth.TOTPURI("Perm", "a@b", "not base32!"); err == nil {
		t.Error("a key that is not base32 made a URI")
	}
}

// RFC 6238, appendix B: the SHA-1 key "12345678901234567890" gives 94287082 at T = 59 s; the
// six-digit code is its last six digits.
func TestVerifyTOTPAgainstRFC6238(t *testing.T) {
	t.Parallel()
	secret := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString([]byte("12345678901234567890"))
	step, ok := auth.VerifyTOTP(secret, "287082", time.Unix(59, 0))
	if !ok || step != 1 {
		t.Errorf("the RFC's code at T=59: step %d, ok %v; want step 1", step, ok)
	}
	step, ok = auth.VerifyTOTP(secret, "081804", time.Unix(1111111109, 0)) // 07081804
	if !ok || step != 1111111109/30 {
		t.Errorf("the RFC's code at T=1111111109: step %d, ok %v", step, ok)
	}
}

func TestVerifyTOTPWindow(t *testing.T) {
	t.Parallel()
	secret, _ := auth.NewTOTPSecret()
	now := time.Date(2026, 3, 1, 12, 0, 10, 0, time.UTC)
	current := auth.TOTPStep(now)
	for _, tc := range []struct {
		name   string
		offset time.Duration
		ok     bool
	}{
		{"the current code", 0, true},
		{"the one before", -30 * time.Second, true},
		{"the one after", 30 * time.Second, true},
		{"two steps ago", -60 * time.Second, false},
		{"two steps ahead", 60 * time.Second, false},
	} {
		code := codeAt(t, secret, now.Add(tc.offset))
		step, ok := auth.VerifyTOTP(secret, code, now)
		if ok != tc.ok {
			t.Errorf("%s: ok %v, want %v", tc.name, ok, tc.ok)
		}
		if want := auth.TOTPStep(now.Add(tc.offset)); ok && step != want {
			t.Errorf("%s: matched step %d, want %d (current %d)", tc.name, step, want, current)
		}
	}
	code := codeAt(t, secret, now)
	for _, typed := range []string{code[:3] + " " + code[3:], " " + code + " ", code[:3] + "-" + code[3:]} {
		if _, ok := auth.VerifyTOTP(secret, typed, now); !ok {
			t.Errorf("%q (the code with spaces or a dash) refused", typed)
		}
	}
	wrong := []byte(code)
	wrong[5] = '0' + (wrong[5]-'0'+1)%10
	for _, typed := range []string{string(wrong), code[:5], code + "0", "", "abcdef"} {
		if _, ok := auth.VerifyTOTP(secret, typed, now); ok {
			t.Errorf("%q accepted for %q", typed, code)
		}
	}
	if _, ok := auth.VerifyTOTP("not base32!", code, now); ok {
		t.Error("a code accepted for a broken key")
	}
}

func TestIsTOTPCode(t *testing.T) {
	t.Parallel()
	for typed, want := range map[string]bool{"123456": true, "123 456": true, " 123456 ": true, "12345": false,
		"1234567": false, "12345a": false, "ABCD-EFGH-IJKL-MNOP": false, "": false, "１２３４５６": false} {
		if got := auth.IsTOTPCode(typed); got != want {
			t.Errorf("IsTOTPCode(%q) = %v, want %v", typed, got, want)
		}
	}
}
