package content_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"twincities/internal/content"
)

// problems returns the field problems in err, failing the test when err is neither nil nor a
// ValidationError: the web layer can only show the latter next to the form's fields.
func problems(t *testing.T, err error) []content.FieldError {
	t.Helper()
	if err == nil {
		return nil
	}
	v := content.AsValidation(err)
	if v == nil {
		t.Fatalf("error %v (%T) is not a *content.ValidationError", err, err)
	}
	if len(v.Fields) == 0 {
		t.Fatalf("ValidationError with no fields: %v", err)
	}
	return v.Fields
}

// fe shortens the expected problem lists of the tables.
func fe(pairs ...string) []content.FieldError {
	if len(pairs)%2 != 0 {
		panic("fe: odd number of arguments")
	}
	var out []content.FieldError
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, content.FieldError{Field: pairs[i], Problem: content.Problem(pairs[i+1])})
	}
	return out
}

func checkProblems(t *testing.T, err error, want []content.FieldError) {
	t.Helper()
	got := problems(t, err)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got  %v\n want %v", got, want)
	}
}

func TestValidationErrorMethods(t *testing.T) {
	t.Parallel()
	v := &content.ValidationError{Fields: fe("name_en", "required", "slug", "slug")}
	if got := v.For("name_en"); got != content.ProblemRequired {
		t.Errorf("For(name_en) = %q", got)
	}
	if got := v.For("slug"); got != content.ProblemSlug {
		t.Errorf("For(slug) = %q", got)
	}
	if got := v.For("name_ru"); got != "" {
		t.Errorf("For(name_ru) = %q, want none", got)
	}
	// Templates call For on a form that has not been validated yet.
	var none *content.ValidationError
	if got := none.For("slug"); got != "" {
		t.Errorf("nil For = %q", got)
	}
	msg := v.Error()
	for _, part := range []string{"name_en: required", "slug: slug"} {
		if !strings.Contains(msg, part) {
			t.Errorf("Error() = %q, missing %q", msg, part)
		}
	}
	wrapped := fmt.Errorf("saving city: %w", v)
	if content.AsValidation(wrapped) != v {
		t.Error("AsValidation does not see through wrapping")
	}
	if content.AsValidation(errors.New("disk full")) != nil {
		t.Error("AsValidation accepted an unrelated error")
	}
	if content.AsValidation(nil) != nil {
		t.Error("AsValidation(nil) != nil")
	}
}

func TestFirstProblemOfAFieldWins(t *testing.T) {
	t.Parallel()
	// A title of 201 spaces is both blank and too long; the form shows one message per field, and
	// "required" is the one that tells staff what to do.
	c := validCity()
	c.Sources = []content.Source{{Title: strings.Repeat(" ", content.MaxName+1), URL: "not a url"}}
	checkProblems(t, c.Validate(), fe("sources.0.title", "required", "sources.0.url", "url"))
}
