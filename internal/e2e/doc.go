// Package e2e holds the browser tests: the resident's and the editor's journeys, axe-core's
// accessibility checks of every page, reflow at 320 px, and screenshots for people to look at.
// They drive real headless Chromium (through chromedp) against the real site on real PostgreSQL.
// Outside CI they skip when Chromium or axe-core is missing; with CI=true they never skip.
package e2e
