package app

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"twincities/internal/auth"
	"twincities/internal/content"
	"twincities/internal/store"
)

// cliActor is who the audit log names for changes made with "twincities user".
var cliActor = store.Actor{Name: "command line"}

// userCommand runs "twincities user add|passwd|disable|reset-2fa". The password is read from standard input
// when it is not a terminal (one line; its line ending is not part of it), and asked for twice,
// without echo, when it is. It is never taken from the command line, where others could see it.
func userCommand(ctx context.Context, a *App, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errUserUsage
	}
	c := userCLI{app: a, stdin: stdin, stdout: stdout, stderr: stderr}
	sub, args := args[0], args[1:]
	switch sub {
	case "add":
		return c.add(ctx, args)
	case "passwd":
		return c.passwd(ctx, args)
	case "disable":
		return c.disable(ctx, args)
	case "reset-2fa":
		return c.resetTwoFactor(ctx, args)
	}
	return errUserUsage
}

var errUserUsage = errors.New("usage: twincities user add --email E --name N --role admin|publisher|editor | " +
	"user passwd --email E | user disable --email E | user reset-2fa --email E (the password is read from standard input)")

// userCLI is what every "twincities user" subcommand works with.
type userCLI struct {
	app    *App
	stdin  io.Reader // the new password, for add and passwd
	stdout io.Writer // what was done
	stderr io.Writer // prompts and flag errors
}

// add runs "twincities user add --email E --name N --role R".
func (c userCLI) add(ctx context.Context, args []string) error {
	var name, role string
	email, err := c.flags("add", args, func(fs *flag.FlagSet) {
		fs.StringVar(&name, "name", "", "the person's name")
		fs.StringVar(&role, "role", "", "admin, publisher or editor")
	})
	if err != nil {
		return err
	}
	u := content.User{Email: content.NormalizeEmail(email), Name: strings.TrimSpace(name), Role: content.Role(role)}
	// Checked before the password is asked for, so a typo in a flag does not cost typing it twice.
	if err := u.Validate(); err != nil {
		return fmt.Errorf("user add: %s", describe(err))
	}
	hash, err := c.newPasswordHash(u.Email)
	if err != nil {
		return err
	}
	if err := store.CreateUser(ctx, c.app.pool, &u, hash, cliActor); err != nil {
		return storeError("add", u.Email, err)
	}
	fmt.Fprintf(c.stdout, "Added %s <%s> as %s.\n", u.Name, u.Email, u.Role)
	return nil
}

// passwd runs "twincities user passwd --email E".
func (c userCLI) passwd(ctx context.Context, args []string) error {
	u, err := c.account(ctx, "passwd", args)
	if err != nil {
		return err
	}
	hash, err := c.newPasswordHash(u.Email)
	if err != nil {
		return err
	}
	if err := store.SetPassword(ctx, c.app.pool, u.ID, hash, cliActor); err != nil {
		return storeError("passwd", u.Email, err)
	}
	fmt.Fprintf(c.stdout, "Changed the password of %s; their sessions have ended.\n", u.Email)
	return nil
}

// disable runs "twincities user disable --email E".
func (c userCLI) disable(ctx context.Context, args []string) error {
	u, err := c.account(ctx, "disable", args)
	if err != nil {
		return err
	}
	// store.SetDisabled would disable it again without a word; saying so tells the person at the
	// keyboard that someone (perhaps in the admin) was there first.
	if !u.Active() {
		return fmt.Errorf("user disable: %s has been disabled since %s; nothing was changed",
			u.Email, u.DisabledAt.Local().Format("2006-01-02 15:04"))
	}
	if err := store.SetDisabled(ctx, c.app.pool, u.ID, true, cliActor); err != nil {
		return storeError("disable", u.Email, err)
	}
	fmt.Fprintf(c.stdout, "Disabled %s; their sessions have ended.\n", u.Email)
	return nil
}

// resetTwoFactor runs "twincities user reset-2fa --email E", for when the only administrator has
// lost both their phone and their recovery codes: nobody is left who could reset it in the admin.
func (c userCLI) resetTwoFactor(ctx context.Context, args []string) error {
	u, err := c.account(ctx, "reset-2fa", args)
	if err != nil {
		return err
	}
	err = store.ResetTwoFactor(ctx, c.app.pool, u.ID, cliActor)
	if errors.Is(err, store.ErrNoTwoFactor) {
		return fmt.Errorf("user reset-2fa: %s has no two-factor sign-in to reset", u.Email)
	}
	if err != nil {
		return storeError("reset-2fa", u.Email, err)
	}
	fmt.Fprintf(c.stdout, "Removed the second factor of %s; their sessions have ended. They sign in with their password and can set it up again.\n", u.Email)
	return nil
}

// flags parses the flags of "twincities user sub": --email, which every subcommand needs, and
// those more adds. Any mistake is the usage error, after the flag package has named it.
func (c userCLI) flags(sub string, args []string, more func(*flag.FlagSet)) (email string, err error) {
	fs := flag.NewFlagSet("twincities user "+sub, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.StringVar(&email, "email", "", "the person's e-mail address, their sign-in name")
	if more != nil {
		more(fs)
	}
	if err := fs.Parse(args); err != nil || email == "" || fs.NArg() > 0 {
		return "", errUserUsage
	}
	return email, nil
}

// account parses the flags of a subcommand that changes an existing account (only --email) and
// finds that account. Only a missing account is "no account": a database that cannot answer
// says so, or it would send the person looking for a typo that is not there.
func (c userCLI) account(ctx context.Context, sub string, args []string) (content.User, error) {
	email, err := c.flags(sub, args, nil)
	if err != nil {
		return content.User{}, err
	}
	u, _, err := store.UserByEmail(ctx, c.app.pool, email)
	if err != nil {
		return content.User{}, storeError(sub, content.NormalizeEmail(email), err)
	}
	return u, nil
}

// storeError words an error of the store about the account email for the command line.
func storeError(sub, email string, err error) error {
	switch {
	case errors.Is(err, store.ErrNotFound):
		// From account: nobody has that address. From a change after it: the account went away.
		return fmt.Errorf("user %s: no account with e-mail %s", sub, email)
	case content.AsValidation(err) != nil:
		return fmt.Errorf("user %s: %s", sub, describe(err))
	}
	return fmt.Errorf("user %s: %s: %w", sub, email, err)
}

// newPasswordHash reads a new password for the account email, checks it against the rules and
// returns its hash: the one place add and passwd take a password, so both ask and refuse alike.
func (c userCLI) newPasswordHash(email string) (string, error) {
	password, err := readPassword(c.stdin, c.stderr)
	if err != nil {
		return "", err
	}
	if err := auth.CheckPassword(password, email); err != nil {
		return "", fmt.Errorf("password refused: %w (at least %d characters, not a common password)", err, auth.MinPasswordLength)
	}
	return auth.Hasher{Params: auth.DefaultParams}.Hash(password)
}

// readPassword reads a new password: from a terminal twice, without echo, or one line of stdin.
func readPassword(stdin io.Reader, prompt io.Writer) (string, error) {
	var password string
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(prompt, "New password: ")
		first, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(prompt)
		if err != nil {
			return "", err
		}
		fmt.Fprint(prompt, "The same password again: ")
		second, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(prompt)
		if err != nil {
			return "", err
		}
		if string(first) != string(second) {
			return "", errors.New("the two passwords differ; nothing was changed")
		}
		password = string(first)
	} else {
		line, err := bufio.NewReader(io.LimitReader(stdin, 64<<10)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		// The line ending belongs to the input, not to the password; anything else is kept as typed.
		password = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	}
	return password, nil
}

// describe lists a validation error's fields and problems for the command line.
func describe(err error) string {
	v := content.AsValidation(err)
	if v == nil {
		return err.Error()
	}
	parts := make([]string, len(v.Fields))
	for i, f := range v.Fields {
		parts[i] = "--" + f.Field + ": " + string(f.Problem)
	}
	return strings.Join(parts, "; ")
}
