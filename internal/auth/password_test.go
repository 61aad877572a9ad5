package auth_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/alexedwards/argon2id"

	"twincities/internal/auth"
)

// testHasher is cheap so the suite stays fast; the code path is the same.
var testHasher = auth.Hasher{Params: auth.TestParams}

func mustHash(t *testing.T, h auth.Hasher, password string) string {
	t.Helper()
	hash, err := h.Hash(password)
	if err != nil {
		t.Fatalf("Hash(%q): %v", password, err)
	}
	return hash
}

func TestHashThenVerify(t *testing.T) {
	const password = "Kama river at dawn 1723"
	hash := mustHash(t, testHasher, password)

	ok, rehash, err := testHasher.Verify(password, hash)
	if err != nil || !ok || rehash {
		t.Fatalf("Verify(right password) = %v, %v, %v; want true, false, nil", ok, rehash, err)
	}

	for _, wrong := range []string{"kama river at dawn 1723", "Kama river at dawn 172", "", password + "x"} {
		ok, rehash, err := testHasher.Verify(wrong, hash)
		if err != nil || ok || rehash {
			t.Errorf("Verify(%q) = %v, %v, %v; want false, false, nil", wrong, ok, rehash, err)
		}
	}
}

func TestHashFormatAndSalt(t *testing.T) {
	const password = "Perm-Oxford-Louisville 1993"
	a := mustHash(t, testHasher, password)
	b := mustHash(t, testHasher, password)

	if a == b {
		t.Errorf("two hashes of the same password are equal (%q): salt not random", a)
	}
	for _, h := range []string{a, b} {
		if !strings.HasPrefix(h, "$argon2id$") {
			t.Errorf("hash %q does not start with $argon2id$", h)
		}
		if strings.Contains(h, password) {
			t.Errorf("hash %q contains the password", h)
		}
		if !strings.Contains(h, "$m=8192,t=1,p=1$") {
			t.Errorf("hash %q does not carry TestParams", h)
		}
	}
}

func TestVerifyAsksForRehashWhenParamsDiffer(t *testing.T) {
	const password = "Twin cities since 1995!"
	old := mustHash(t, testHasher, password)

	stronger := *auth.TestParams
	stronger.Iterations = 2
	current := auth.Hasher{Params: &stronger}

	ok, rehash, err := current.Verify(password, old)
	if err != nil || !ok || !rehash {
		t.Fatalf("Verify(old-params hash) = %v, %v, %v; want true, true, nil", ok, rehash, err)
	}

	// Rehashing with the current params settles it.
	fresh := mustHash(t, current, password)
	ok, rehash, err = current.Verify(password, fresh)
	if err != nil || !ok || rehash {
		t.Fatalf("Verify(current-params hash) = %v, %v, %v; want true, false, nil", ok, rehash, err)
	}

	// Without the right password there is nothing to rehash.
	ok, rehash, err = current.Verify("not the password at all", old)
	if err != nil || ok || rehash {
		t.Fatalf("Verify(wrong, old-params hash) = %v, %v, %v; want false, false, nil", ok, rehash, err)
	}
}

func TestTrailingAndLeadingSpacesArePartOfThePassword(t *testing.T) {
	const password = "  spaces around me count  "
	hash := mustHash(t, testHasher, password)

	for _, other := range []string{
		strings.TrimSpace(password),
		strings.TrimRight(password, " "),
		strings.TrimLeft(password, " "),
		password + " ",
	} {
		if ok, _, err := testHasher.Verify(other, hash); ok || err != nil {
			t.Errorf("Verify(%q) against hash of %q = %v, %v; want false, nil", other, password, ok, err)
		}
	}
	if ok, _, err := testHasher.Verify(password, hash); !ok || err != nil {
		t.Errorf("Verify(exact password) = %v, %v; want true, nil", ok, err)
	}
}

func TestVerifyRejectsBadHashes(t *testing.T) {
	good := mustHash(t, testHasher, "a perfectly fine password")
	parts := strings.Split(good, "$") // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, key
	with := func(i int, v string) string {
		p := append([]string(nil), parts...)
		p[i] = v
		return strings.Join(p, "$")
	}

	cases := map[string]string{
		"empty":           "",
		"bcrypt":          "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
		"argon2i":         with(1, "argon2i"),
		"old version":     with(2, "v=16"),
		"zero iterations": with(3, "m=8192,t=0,p=1"),
		"zero lanes":      with(3, "m=8192,t=1,p=0"),
		"huge memory":     with(3, "m=4194304,t=1,p=1"),
		"too many passes": with(3, "m=8192,t=100000,p=1"),
		"short key":       with(5, "AAAA"),
		"short salt":      with(4, "AAAA"),
		"not base64":      with(5, "!!!!"),
		"missing part":    strings.Join(parts[:5], "$"),
		"plain text":      "a perfectly fine password",
	}
	for name, hash := range cases {
		t.Run(name, func(t *testing.T) {
			ok, rehash, err := testHasher.Verify("a perfectly fine password", hash)
			if !errors.Is(err, auth.ErrHashInvalid) || ok || rehash {
				t.Errorf("Verify(%q) = %v, %v, %v; want false, false, ErrHashInvalid", hash, ok, rehash, err)
			}
		})
	}
}

func TestHashRefusesBrokenParams(t *testing.T) {
	broken := *auth.TestParams
	broken.Parallelism = 0 // argon2 itself would panic on this
	if hash, err := (auth.Hasher{Params: &broken}).Hash("whatever password"); err == nil {
		t.Fatalf("Hash with zero parallelism = %q, nil; want an error", hash)
	}
}

func TestDummyVerify(t *testing.T) {
	// It must not panic, for any input, with test or production params.
	testHasher.DummyVerify("someone@example.org's guess")
	testHasher.DummyVerify("")
	testHasher.DummyVerify("\xff\x00")
	auth.Hasher{}.DummyVerify("zero Hasher uses DefaultParams")
}

func TestDefaultParams(t *testing.T) {
	want := argon2id.Params{Memory: 64 * 1024, Iterations: 3, Parallelism: 2, SaltLength: 16, KeyLength: 32}
	if *auth.DefaultParams != want {
		t.Errorf("DefaultParams = %+v; want %+v", *auth.DefaultParams, want)
	}
	if *auth.TestParams == *auth.DefaultParams {
		t.Error("TestParams equals DefaultParams; it is meant to be cheap")
	}

	// A zero Hasher must hash at production cost, never at a weaker one.
	hash := mustHash(t, auth.Hasher{}, "zero value hasher password")
	if !strings.Contains(hash, "$m=65536,t=3,p=2$") {
		t.Errorf("zero Hasher made %q; want DefaultParams", hash)
	}
	ok, rehash, err := auth.Hasher{Params: auth.DefaultParams}.Verify("zero value hasher password", hash)
	if err != nil || !ok || rehash {
		t.Errorf("Verify with DefaultParams = %v, %v, %v; want true, false, nil", ok, rehash, err)
	}
}
