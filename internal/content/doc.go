// Package content is the domain of the site: the cities Perm is twinned or partnered with, the
// organisations it belongs to, its awards, timeline events and text pages, with the rules each must
// keep. It imports nothing else of this module, so every other package can depend on it.
package content
