#!/usr/bin/env python3
"""How well the HTML ingest finds the article, on Mozilla Readability's test pages.

For every page of the suite whose expected text has at least 20 words, the release CLI
(`parallax analyze source.html`) is run and its report's `text`, `title` and `meta.author`
are compared with `expected.html` and `expected-metadata.json`:

- text: F1 of the bag of lower-cased word tokens (`\\w+`) against the text of
  `expected.html` (scripts and styles removed), macro mean over the pages;
- title and byline: exact match after collapsing whitespace, over the pages that have one;
- the same F1 without the headline line Parallax puts first (Readability's text has none).

Beside it, the anchor: the whole `<body>` text with no extraction.

    python3 benches/readability.py [PAGES_DIR] [--worst N]

PAGES_DIR defaults to shared/readability-pages beside the checkout (or a folder above); the CLI is target/release/parallax
(build it with `cargo build --release` first, or set PARALLAX_CLI).
"""
import collections
import html.parser
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.environ.get("PARALLAX_CLI", os.path.join(ROOT, "target", "release", "parallax"))



def default_pages():
    """shared/readability-pages beside the checkout or any folder above it."""
    folder = ROOT
    while True:
        candidate = os.path.join(os.path.dirname(folder), "shared", "readability-pages")
        if os.path.isdir(candidate) or os.path.dirname(folder) == folder:
            return candidate
        folder = os.path.dirname(folder)
MIN_WORDS = 20


class TextOf(html.parser.HTMLParser):
    """The text of a page (or of its body only), without scripts and styles."""

    def __init__(self, body_only):
        super().__init__(convert_charrefs=True)
        self.body_only = body_only
        self.in_body = not body_only
        self.skip = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "body":
            self.in_body = True

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.in_body and not self.skip:
            self.parts.append(data)

    @classmethod
    def of(cls, markup, body_only=False):
        parser = cls(body_only)
        parser.feed(markup)
        parser.close()
        return " ".join(parser.parts)


class TitleOf(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.title = None

    def handle_starttag(self, tag, attrs):
        if tag == "title" and self.title is None:
            self.inside, self.title = True, ""

    def handle_endtag(self, tag):
        if tag == "title":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.title += data


def tokens(text):
    return collections.Counter(re.findall(r"\w+", text.lower()))


def scores(got, expected):
    overlap = sum((got & expected).values())
    precision = overlap / max(sum(got.values()), 1)
    recall = overlap / max(sum(expected.values()), 1)
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, f1


def same(a, b):
    return a is not None and b is not None and " ".join(a.split()) == " ".join(b.split())


def read(path):
    with open(path, encoding="utf-8", errors="replace") as fh:
        return fh.read()


def main(argv):
    worst = 0
    args = list(argv)
    if "--worst" in args:
        at = args.index("--worst")
        worst = int(args[at + 1])
        del args[at:at + 2]
    pages_dir = os.path.abspath(args[0] if args else default_pages())
    if not os.path.exists(CLI):
        print(f"no CLI at {CLI}: run `cargo build --release` first", file=sys.stderr)
        return 2
    pages = []
    for name in sorted(os.listdir(pages_dir)):
        folder = os.path.join(pages_dir, name)
        if not os.path.isfile(os.path.join(folder, "expected.html")):
            continue
        expected = tokens(TextOf.of(read(os.path.join(folder, "expected.html"))))
        if sum(expected.values()) < MIN_WORDS:
            continue
        with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as fh:
            metadata = json.load(fh)
        pages.append((name, folder, expected, metadata))

    sources = [os.path.join(folder, "source.html") for _, folder, _, _ in pages]
    started = time.perf_counter()
    run = subprocess.run([CLI, "analyze", *sources], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    reports = {}
    for line in run.stdout.splitlines():
        report = json.loads(line)
        reports[report["source"]] = report

    rows = {"whole <body> text (anchor)": [], "Parallax": [], "Parallax, without headline": []}
    titles = {key: [0, 0] for key in rows}
    bylines = {key: [0, 0] for key in rows}
    del titles["Parallax, without headline"], bylines["Parallax, without headline"]
    per_page = []
    for (name, folder, expected, metadata), source in zip(pages, sources):
        markup = read(source)
        title_parser = TitleOf()
        title_parser.feed(markup)
        body = scores(tokens(TextOf.of(markup, body_only=True)), expected)
        report = reports.get(source)
        if report is None:
            ours, bare, title, byline = (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), None, None
        else:
            # Plain UTF-8 files carry no `text`: their offsets point into the file itself.
            text = report.get("text", markup)
            title, byline = report.get("title"), report.get("meta", {}).get("author")
            ours = scores(tokens(text), expected)
            # The headline leads Parallax's text; Readability's expected text has none.
            first, _, rest = text.partition("\n")
            bare = scores(tokens(rest if first == title else text), expected)
        rows["whole <body> text (anchor)"].append(body)
        rows["Parallax"].append(ours)
        rows["Parallax, without headline"].append(bare)
        for key, got_title, got_byline in (
            ("whole <body> text (anchor)", title_parser.title, None),
            ("Parallax", title, byline),
        ):
            if metadata.get("title"):
                titles[key][0] += same(got_title, metadata["title"])
                titles[key][1] += 1
            if metadata.get("byline"):
                bylines[key][0] += same(got_byline, metadata["byline"])
                bylines[key][1] += 1
        per_page.append((ours[2], name, title, metadata.get("title"), byline, metadata.get("byline")))

    print(f"{len(pages)} pages of {pages_dir} (expected text of at least {MIN_WORDS} words); "
          f"CLI run over all of them in {elapsed:.2f} s, {len(pages) - len(reports)} refused")
    print(f"{'extractor':<28} {'precision':>9} {'recall':>7} {'F1':>7} {'titles exact':>14} {'bylines exact':>14}")
    for key, values in rows.items():
        n = max(len(values), 1)
        mean = [sum(v[i] for v in values) / n for i in range(3)]
        metadata_columns = (f"{titles[key][0]:>6}/{titles[key][1]:<7} {bylines[key][0]:>6}/{bylines[key][1]:<7}"
                            if key in titles else "")
        print(f"{key:<28} {mean[0]:>9.3f} {mean[1]:>7.3f} {mean[2]:>7.3f} {metadata_columns}")
    if run.stderr.strip():
        print(run.stderr.strip(), file=sys.stderr)
    # The line benches/run.mjs reads (`./build.sh bench`).
    summary = {"pages": len(pages), "refused": len(pages) - len(reports), "seconds": round(elapsed, 2)}
    for key, values in rows.items():
        n = max(len(values), 1)
        summary[key] = {"f1": round(sum(v[2] for v in values) / n, 3)}
        if key in titles:
            summary[key]["titles"] = titles[key]
            summary[key]["bylines"] = bylines[key]
    if worst:
        print(f"\nworst {worst} pages by F1 (F1, page, title got / expected, byline got / expected):")
        for f1, name, title, want_title, byline, want_byline in sorted(per_page)[:worst]:
            print(f"{f1:.3f} {name}\n      title  {title!r} / {want_title!r}\n      byline {byline!r} / {want_byline!r}")
    print("JSON " + json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
