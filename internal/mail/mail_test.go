package mail_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"math/big"
	"net"
	"net/textproto"
	"strings"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/mail"
)

// fakeServer is a tiny SMTP server in the test's process: it offers STARTTLS (or not), upgrades
// the connection with a certificate of its own, and records what it was told after that.
type fakeServer struct {
	addr     string
	roots    *x509.CertPool
	received chan string // the commands and data after STARTTLS, one string per session
}

func startFake(t *testing.T, offerTLS bool) *fakeServer {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "smtp.test"},
		DNSNames: []string{"smtp.test"}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA: true, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	roots := x509.NewCertPool()
	roots.AddCert(cert)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	f := &fakeServer{addr: ln.Addr().String(), roots: roots, received: make(chan string, 1)}
	cfg := &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		f.received <- serve(conn, cfg, offerTLS)
	}()
	return f
}

// serve speaks just enough SMTP for net/smtp, and returns the session after STARTTLS.
func serve(conn net.Conn, cfg *tls.Config, offerTLS bool) string {
	tp := textproto.NewConn(conn)
	var log strings.Builder
	secure := false
	tp.PrintfLine("220 smtp.test ready")
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return log.String()
		}
		if secure {
			log.WriteString(line + "\n")
		}
		switch verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0]); verb {
		case "EHLO":
			switch {
			case secure:
				tp.PrintfLine("250-smtp.test\r\n250 AUTH PLAIN")
			case offerTLS:
				tp.PrintfLine("250-smtp.test\r\n250 STARTTLS")
			default:
				tp.PrintfLine("250-smtp.test\r\n250 AUTH PLAIN")
			}
		case "STARTTLS":
			tp.PrintfLine("220 go ahead")
			tc := tls.Server(conn, cfg)
			if err := tc.Handshake(); err != nil {
				return log.String()
			}
			conn, secure = tc, true
			tp = textproto.NewConn(tc)
		case "AUTH":
			tp.PrintfLine("235 ok")
		case "MAIL", "RCPT":
			tp.PrintfLine("250 ok")
		case "DATA":
			tp.PrintfLine("354 go ahead")
			data, err := tp.ReadDotLines()
			if err != nil {
				return log.String()
			}
			log.WriteString(strings.Join(data, "\n") + "\n")
			tp.PrintfLine("250 queued")
		case "QUIT":
			tp.PrintfLine("221 bye")
			return log.String()
		default:
			tp.PrintfLine("502 unknown")
		}
	}
}

func message() content.Message {
	return content.Message{ID: 7, Name: "Анна Петрова", Email: "anna@example.org", Subject: "Фестиваль в Дуйсбурге",
		Body: "Здравствуйте!\nХотим участвовать.", Lang: content.RU, CreatedAt: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)}
}

// A message goes to the department only over STARTTLS, authenticated, with the visitor's address
// to reply to and the text intact.
func TestSendOverSTARTTLS(t *testing.T) {
	t.Parallel()
	f := startFake(t, true)
	s := mail.Sender{Addr: f.addr, Host: "smtp.test", User: "site", Password: "secret", From: "site@example.org",
		To: "inbox@example.org", TLS: &tls.Config{ServerName: "smtp.test", RootCAs: f.roots}}
	if err := s.Send(context.Background(), message()); err != nil {
		t.Fatalf("Send: %v", err)
	}
	session := <-f.received
	for _, want := range []string{"AUTH PLAIN", "MAIL FROM:<site@example.org>", "RCPT TO:<inbox@example.org>",
		"To: inbox@example.org", "Reply-To: =?utf-8?q?", "<anna@example.org>", "Subject: =?utf-8?q?"} {
		if !strings.Contains(session, want) {
			t.Errorf("the session lacks %q:\n%s", want, session)
		}
	}
	_, body, _ := strings.Cut(session, "Content-Transfer-Encoding: base64\n\n")
	text, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(body, "\n", ""))
	if err != nil {
		t.Fatalf("the body is not base64: %v\n%s", err, session)
	}
	if !strings.Contains(string(text), "Хотим участвовать.") || !strings.Contains(string(text), "Анна Петрова <anna@example.org>") {
		t.Errorf("the text sent is %q", text)
	}
}

// A server without STARTTLS gets nothing: not the message, not the password.
func TestSendRefusesAServerWithoutSTARTTLS(t *testing.T) {
	t.Parallel()
	f := startFake(t, false)
	s := mail.Sender{Addr: f.addr, Host: "smtp.test", User: "site", Password: "secret", From: "site@example.org",
		To: "inbox@example.org"}
	err := s.Send(context.Background(), message())
	if err == nil || !strings.Contains(err.Error(), "STARTTLS") {
		t.Errorf("Send to a server without STARTTLS: %v, want a refusal", err)
	}
}
