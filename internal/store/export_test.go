package store

// The inserts without history, for the external tests in package store_test that need rows in
// place quickly (or a row Create would refuse), without adding them to the package's API: the
// site stores entries only through the Workflow, which records who made them.
var (
	InsertCity         = insertCity
	InsertOrganization = insertOrganization
	InsertAward        = insertAward
	InsertEvent        = insertEvent
	InsertPage         = insertPage
)
