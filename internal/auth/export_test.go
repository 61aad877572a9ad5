package auth

// CommonPasswords exposes the loaded common-passwords set to the external
// tests in package auth_test, without adding it to the package's API.
var CommonPasswords = commonPasswords
