#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A loopback SMTP server for Lectern's delivery tests (Python 3 stdlib only; smtpd is gone).

Speaks EHLO/HELO, STARTTLS (or TLS from the first byte with --implicit-tls), AUTH PLAIN and LOGIN,
MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT. Each message received is written to OUT/msg-N.eml, and what
Python's email module reads in it to OUT/msg-N.json (top-level type, the leaf parts with their decoded
text, the decoded headers, the session's TLS and AUTH). Prints "PORT n" once listening and runs until its
stdin closes, so it never outlives the test that started it.
"""
import argparse
import base64
import email
import email.header
import email.policy
import json
import os
import socket
import ssl
import sys
import threading


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True, help="folder for the received messages")
    p.add_argument("--cert", help="PEM certificate (with --key): offer STARTTLS")
    p.add_argument("--key")
    p.add_argument("--implicit-tls", action="store_true", help="TLS from the start (smtps)")
    p.add_argument("--user", default="", help="the one user accepted")
    p.add_argument("--password", default="", help="its password")
    p.add_argument("--auth", default="PLAIN LOGIN", help="mechanisms offered")
    return p.parse_args()


def describe(raw, session):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    parts = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        parts.append({
            "type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "encoding": str(part.get("Content-Transfer-Encoding", "")),
            "text": part.get_content(),
        })
    multiparts = [p.get_content_type() for p in msg.walk() if p.is_multipart()]
    return {
        "type": msg.get_content_type(),
        "multiparts": multiparts,
        "parts": parts,
        "subject": str(msg["Subject"]),
        "rawSubject": raw.split(b"\r\nSubject: ", 1)[-1].split(b"\r\n", 1)[0].decode("ascii", "replace")
        if b"\r\nSubject: " in raw else "",
        "from": str(msg["From"]),
        "to": str(msg["To"]),
        "date": str(msg["Date"]),
        "messageId": str(msg["Message-ID"]),
        "mimeVersion": str(msg["MIME-Version"]),
        "session": session,
    }


class Session:
    counter = 0
    lock = threading.Lock()

    def __init__(self, conn, args, context):
        self.conn = conn
        self.args = args
        self.context = context
        self.tls = False
        self.user = None
        self.mail_from = None
        self.rcpts = []
        self.buffer = b""

    def send(self, line):
        self.conn.sendall(line.encode() + b"\r\n")

    def readline(self):
        while b"\r\n" not in self.buffer:
            chunk = self.conn.recv(65536)
            if not chunk:
                raise EOFError
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def ehlo_lines(self):
        lines = ["localhost", "8BITMIME", "SIZE 10485760"]
        if self.context and not self.tls and not self.args.implicit_tls:
            lines.append("STARTTLS")
        if self.args.user:
            lines.append("AUTH " + self.args.auth)
        return lines

    def check_login(self, user, password):
        if user == self.args.user and password == self.args.password:
            self.user = user
            self.send("235 2.7.0 Authentication successful")
        else:
            self.send("535 5.7.8 Authentication credentials invalid")

    def run(self):
        if self.args.implicit_tls:
            self.conn = self.context.wrap_socket(self.conn, server_side=True)
            self.tls = True
        self.send("220 localhost Lectern test SMTP")
        while True:
            line = self.readline().decode("utf-8", "replace")
            verb = line.split(" ", 1)[0].upper()
            rest = line[len(verb):].strip()
            if verb in ("EHLO", "HELO"):
                lines = self.ehlo_lines()
                for i, l in enumerate(lines):
                    self.send(("250 " if i == len(lines) - 1 else "250-") + l)
            elif verb == "STARTTLS" and self.context and not self.tls:
                self.send("220 2.0.0 Ready to start TLS")
                self.conn = self.context.wrap_socket(self.conn, server_side=True)
                self.tls = True
                self.buffer = b""
            elif verb == "AUTH":
                mech, _, initial = rest.partition(" ")
                mech = mech.upper()
                if mech not in self.args.auth.split():
                    self.send("504 5.5.4 Unrecognized authentication type")
                elif mech == "PLAIN":
                    if not initial:
                        self.send("334 ")
                        initial = self.readline().decode()
                    fields = base64.b64decode(initial).split(b"\0")
                    self.check_login(fields[1].decode(), fields[2].decode())
                else:
                    self.send("334 " + base64.b64encode(b"Username:").decode())
                    user = base64.b64decode(self.readline()).decode()
                    self.send("334 " + base64.b64encode(b"Password:").decode())
                    password = base64.b64decode(self.readline()).decode()
                    self.check_login(user, password)
            elif verb == "MAIL":
                if self.args.user and not self.user:
                    self.send("530 5.7.0 Authentication required")
                    continue
                self.mail_from = rest.split(":", 1)[1].strip().split(" ")[0]
                self.rcpts = []
                self.send("250 2.1.0 Ok")
            elif verb == "RCPT":
                self.rcpts.append(rest.split(":", 1)[1].strip())
                self.send("250 2.1.5 Ok")
            elif verb == "DATA":
                self.send("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while True:
                    l = self.readline()
                    if l == b".":
                        break
                    lines.append(l[1:] if l.startswith(b"..") else l)
                raw = b"\r\n".join(lines) + b"\r\n"
                with Session.lock:
                    Session.counter += 1
                    n = Session.counter
                session = {"tls": self.tls, "user": self.user, "mailFrom": self.mail_from,
                           "rcpts": self.rcpts}
                base = os.path.join(self.args.out, "msg-%d" % n)
                with open(base + ".eml", "wb") as f:
                    f.write(raw)
                with open(base + ".json.tmp", "w") as f:
                    json.dump(describe(raw, session), f)
                os.rename(base + ".json.tmp", base + ".json")
                self.send("250 2.0.0 Ok: queued as %d" % n)
            elif verb == "RSET":
                self.mail_from, self.rcpts = None, []
                self.send("250 2.0.0 Ok")
            elif verb == "NOOP":
                self.send("250 2.0.0 Ok")
            elif verb == "QUIT":
                self.send("221 2.0.0 Bye")
                return
            else:
                self.send("502 5.5.2 Command not recognized")


def serve(listener, args, context):
    while True:
        conn, _ = listener.accept()

        def handle(c=conn):
            try:
                Session(c, args, context).run()
            except (EOFError, OSError, ssl.SSLError):
                pass
            finally:
                c.close()
        threading.Thread(target=handle, daemon=True).start()


def main():
    args = parse_args()
    context = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    threading.Thread(target=serve, args=(listener, args, context), daemon=True).start()
    print("PORT %d" % listener.getsockname()[1], flush=True)
    sys.stdin.read()  # until the test closes our stdin or dies


if __name__ == "__main__":
    main()
