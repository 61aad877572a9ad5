package content

import "strings"

// MissingLanguages lists the bilingual fields of e filled in one language only, by their base
// name ("summary" when summary_ru is filled and summary_en is empty), in the order of e's form.
func MissingLanguages(e Entry) []string {
	values := map[string]string{}
	var bases []string
	for _, f := range e.Fields() {
		values[f.Field] = strings.TrimSpace(f.Value)
		if base, ok := strings.CutSuffix(f.Field, "_ru"); ok {
			bases = append(bases, base)
		}
	}
	var missing []string
	for _, b := range bases {
		if (values[b+"_ru"] == "") != (values[b+"_en"] == "") {
			missing = append(missing, b)
		}
	}
	return missing
}
