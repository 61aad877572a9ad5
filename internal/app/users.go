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
	fs := flag.NewFlagSet("twincities user "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	email := fs.String("email", "", "the person's e-mail address, their sign-in name")
	name := fs.String("name", "", "the person's name (add)")
	role := fs.String("role", "", "admin or editor (add)")
	if err := fs.Parse(args[1:]); err != nil {
		return errUserUsage
	}
	if *email == "" || fs.NArg() > 0 {
		return errUserUsage
	}
	hasher := auth.Hasher{Params: auth.DefaultParams}
	switch args[0] {
	case "add":
		u := content.User{Email: content.NormalizeEmail(*email), Name: strings.TrimSpace(*name), Role: content.Role(*role)}
		if err := u.Validate(); err != nil {
			return fmt.Errorf("user add: %s", describe(err))
		}
		password, err := readPassword(stdin, stderr, u.Email)
		if err != nil {
			return err
		}
		hash, err := hasher.Hash(password)
		if err != nil {
			return err
		}
		if err := store.CreateUser(ctx, a.pool, &u, hash, cliActor); err != nil {
			if content.AsValidation(err) != nil {
				return fmt.Errorf("user add: %s", describe(err))
			}
			return err
		}
		fmt.Fprintf(stdout, "Added %s <%s> as %s.\n", u.Name, u.Email, u.Role)
	case "passwd":
		u, _, err := store.UserByEmail(ctx, a.pool, *email)
		if err != nil {
			return fmt.Errorf("user passwd: no account with e-mail %s", content.NormalizeEmail(*email))
		}
		password, err := readPassword(stdin, stderr, u.Email)
		if err != nil {
			return err
		}
		hash, err := hasher.Hash(password)
		if err != nil {
			return err
		}
		if err := store.SetPassword(ctx, a.pool, u.ID, hash, cliActor); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Changed the password of %s; their sessions have ended.\n", u.Email)
	case "disable":
		u, _, err := store.UserByEmail(ctx, a.pool, *email)
		if err != nil {
			return fmt.Errorf("user disable: no account with e-mail %s", content.NormalizeEmail(*email))
		}
		if err := store.SetDisabled(ctx, a.pool, u.ID, true, cliActor); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Disabled %s; their sessions have ended.\n", u.Email)
	case "reset-2fa":
		// For when the only administrator has lost both their phone and their recovery codes:
		// nobody is left who could reset it in the admin.
		u, _, err := store.UserByEmail(ctx, a.pool, *email)
		if err != nil {
			return fmt.Errorf("user reset-2fa: no account with e-mail %s", content.NormalizeEmail(*email))
		}
		err = store.ResetTwoFactor(ctx, a.pool, u.ID, cliActor)
		if errors.Is(err, store.ErrNoTwoFactor) {
			return fmt.Errorf("user reset-2fa: %s has no two-factor sign-in to reset", u.Email)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Removed the second factor of %s; their sessions have ended. They sign in with their password and can set it up again.\n", u.Email)
	default:
		return errUserUsage
	}
	return nil
}

var errUserUsage = errors.New("usage: twincities user add --email E --name N --role admin|editor | " +
	"user passwd --email E | user disable --email E | user reset-2fa --email E (the password is read from standard input)")

// readPassword reads a new password and checks it against the rules.
func readPassword(stdin io.Reader, prompt io.Writer, email string) (string, error) {
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
	if err := auth.CheckPassword(password, email); err != nil {
		return "", fmt.Errorf("password refused: %w (at least %d characters, not a common password)", err, auth.MinPasswordLength)
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
