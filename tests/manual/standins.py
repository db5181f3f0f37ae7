#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Loopback stand-ins for a session by hand under Xvfb (README: "Trying the window under Xvfb").

Serves, on 127.0.0.1:PORT,
  /rss/<category>        a synthetic arXiv RSS day (today in New York, as Lectern expects),
  /v1/chat/completions   an OpenAI-compatible scorer that rates each <paper id="..."> deterministically.
The day is generated here: made-up titles and authors, some with TeX accents (Richt\\'arik, Cl\\'ement,
M\\"uller) and display math in the abstract, so that the readable-text paths are exercised. Python 3
standard library only; stop it with Ctrl+C or by its pid.
"""
import datetime
import hashlib
import http.server
import json
import re
import sys
import time
import zoneinfo
from email.utils import format_datetime
from xml.sax.saxutils import escape

SUBJECTS = ["sparse attention", "state-space models", "kernel methods", "graph rewiring",
            "diffusion samplers", "optimizer warm-up", "tokenizer drift", "reward hacking",
            "mixture routing", "federated averaging", "retrieval augmentation", "protein folding"]
FIRST = ["Ada", "Bo", "Chen", "Dana", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jun"]
LAST = ["Example", "Placeholder", "Sample", "Testwell", "Dummyson", "Mockridge", "Fakely", "Stubbs"]
SPECIAL_AUTHORS = {3: "Peter Richt\\'arik", 7: "Cl\\'ement Bonnet", 11: "J\\\"urgen M\\\"uller",
                   19: "Jo\\~ao Gon\\c{c}alves"}


def papers_of(day, count):
    base = int(day.strftime("%y%m")) * 100000 + 20000
    out = []
    for i in range(1, count + 1):
        subject = SUBJECTS[i % len(SUBJECTS)]
        pid = f"{base // 100000}.{(base % 100000) + i:05d}"
        authors = [f"{FIRST[i % 10]} {LAST[i % 8]}", f"{FIRST[(i * 3) % 10]} {LAST[(i * 5) % 8]} {i}"]
        if i in SPECIAL_AUTHORS:
            authors.insert(0, SPECIAL_AUTHORS[i])
        title = f"On {subject}, study {i}"
        if i % 4 == 0:
            title = (f"Towards a unified and scalable theory of {subject} for long-context "
                     f"foundation models under distribution shift (study {i})")
        abstract = (f"We revisit {subject} and report results on {i} synthetic benchmarks, with a bound of "
                    f"$O(\\sqrt{{n}})$ for {subject}. ")
        if i % 6 == 0:
            abstract += ("For a two-layer network \\[ f(x)=\\sum_{i=1}^n a_i \\sigma_i(v_i^\\top x), \\] "
                         "we show that $x^{10}$ terms vanish when $\\epsilon \\le 10^{-3}$. ")
        abstract += "The efficient, unified method finds the optimal fit. " * (1 + i % 5)
        category = "cs.LG" if i <= count * 2 // 3 else "cs.AI"
        out.append({"id": pid, "title": title, "authors": authors, "abstract": abstract.strip(),
                    "category": category, "type": "new" if i % 9 else "cross"})
    return out


def rss(category, day, papers):
    date = format_datetime(datetime.datetime.combine(
        day, datetime.time(0, 0), tzinfo=zoneinfo.ZoneInfo("America/New_York")))
    items = []
    for p in papers:
        if p["category"] != category:
            continue
        items.append(
            "<item>"
            f"<title>{escape(p['title'])}</title>"
            f"<link>https://arxiv.org/abs/{p['id']}</link>"
            f"<description>{escape('arXiv:' + p['id'] + 'v1 Announce Type: ' + p['type'] + ' ')}\n"
            f"{escape('Abstract: ' + p['abstract'])}</description>"
            f"<guid isPermaLink=\"false\">oai:arXiv.org:{p['id']}v1</guid>"
            f"<category>{category}</category>"
            f"<pubDate>{date}</pubDate>"
            f"<arxiv:announce_type>{p['type']}</arxiv:announce_type>"
            f"<dc:creator>{escape(', '.join(p['authors']))}</dc:creator>"
            "</item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'version="2.0"><channel>'
            f"<title>{category} updates on arXiv.org</title>"
            f"<link>http://rss.arxiv.org/rss/{category}</link>"
            f"<description>{category} updates on the arXiv.org e-print archive.</description>"
            f"<pubDate>{date}</pubDate>" + "".join(items) + "</channel></rss>").encode()


def verdict(pid):
    h = hashlib.sha256(pid.encode()).digest()
    relevance, novelty = 1 + h[0] % 10, 1 + h[1] % 10
    words = "On your topics" if relevance >= 7 else "Little to do with your topics"
    return {"ARXIVID": pid, "COMMENT": f"{words} (stand-in verdict).", "RELEVANCE": relevance,
            "NOVELTY": novelty}


class Handler(http.server.BaseHTTPRequestHandler):
    day = None
    papers = []
    delay = 0.0

    def reply(self, status, body, kind):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.startswith("/rss/"):
            category = self.path[len("/rss/"):]
            return self.reply(200, rss(category, self.day, self.papers), "application/rss+xml")
        self.reply(404, b"not here\n", "text/plain")

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if not self.path.endswith("/chat/completions"):
            return self.reply(404, b"{}", "application/json")
        text = "".join(m.get("content", "") for m in body.get("messages", []) if m.get("role") != "system")
        schema = body.get("response_format", {}).get("json_schema", {}).get("name", "")
        time.sleep(self.delay)
        if schema == "title_filter":
            ids = [i for i in re.findall(r'<title id="([^"]+)">', text) if i != "..."]
            content = {"keep": ids[::2]}
        else:
            ids = [i for i in re.findall(r'<paper id="([^"]+)">', text) if i != "..."]
            content = {"papers": [verdict(i) for i in ids]}
        answer = {"id": "chatcmpl-standin", "object": "chat.completion", "model": body.get("model", ""),
                  "choices": [{"index": 0, "finish_reason": "stop",
                               "message": {"role": "assistant", "content": json.dumps(content)}}],
                  "usage": {"prompt_tokens": 150 * len(ids), "completion_tokens": 13 * len(ids),
                            "total_tokens": 163 * len(ids)}}
        self.reply(200, json.dumps(answer).encode(), "application/json")

    def log_message(self, fmt, *args):
        sys.stderr.write("standins: " + fmt % args + "\n")


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 120
    Handler.day = datetime.datetime.now(zoneinfo.ZoneInfo("America/New_York")).date()
    Handler.papers = papers_of(Handler.day, count)
    Handler.delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.3
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"standins: {count} papers for {Handler.day} on http://127.0.0.1:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
