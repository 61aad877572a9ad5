package auth_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"twincities/internal/auth"
)

func TestNewRecoveryCodes(t *testing.T) {
	t.Parallel()
	codes, err := auth.NewRecoveryCodes()
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) != auth.RecoveryCodeCount || auth.RecoveryCodeCount != 10 {
		t.Fatalf("%d codes, want 10", len(codes))
	}
	shape := regexp.MustCompile(`^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$`)
	seen := map[string]bool{}
	for _, c := range codes {
		if !shape.MatchString(c) {
			t.Errorf("code %q is not four groups of four base32 characters", c)
		}
		if seen[c] {
			t.Errorf("code %q twice", c)
		}
		seen[c] = true
		n, ok := auth.NormalizeRecoveryCode(c)
		if !ok || n != strings.ReplaceAll(c, "-", "") {
			t.Errorf("the code as shown, %q, normalises to %q, %v", c, n, ok)
		}
	}
}

func TestNormalizeRecoveryCode(t *testing.T) {
	t.Parallel()
	const want = "ABCDEFGHOJKLIMN2"
	for _, typed := range []string{"ABCD-EFGH-OJKL-IMN2", "abcd efgh ojkl imn2", "ABCDEFGHOJKLIMN2", " abcd-efgh-0jkl-1mn2 "} {
		got, ok := auth.NormalizeRecoveryCode(typed)
		if !ok || got != want {
			t.Errorf("NormalizeRecoveryCode(%q) = %q, %v; want %q", typed, got, ok, want)
		}
		if !bytes.Equal(auth.HashRecoveryCode(got), auth.HashRecoveryCode(want)) {
			t.Errorf("%q hashes unlike %q", typed, want)
		}
	}
	for _, typed := range []string{"", "ABCD-EFGH-IJKL", "ABCD-EFGH-IJKL-MNOP-QRST", "ABCD-EFGH-IJKL-MN8P", "ABCD_EFGH_IJKL_MNOP", "123456"} {
		if got, ok := auth.NormalizeRecoveryCode(typed); ok {
			t.Errorf("NormalizeRecoveryCode(%q) = %q, accepted", typed, got)
		}
	}
	if h := auth.HashRecoveryCode(want); len(h) != 32 || bytes.Equal(h, auth.HashRecoveryCode("ABCDEFGHOJKLIMN3")) {
		t.Errorf("hash %x", h)
	}
}
