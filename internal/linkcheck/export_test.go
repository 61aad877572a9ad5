package linkcheck

// Classify is classify, for the tests of the failures no local server can cause.
var Classify = classify
