#!/usr/bin/env python3
"""`parallax analyze --jsonl` as a stream: throughput on one core and memory over 100 MB.

    python3 benches/stream.py [--mb 100] [--corpus DIR]

Articles are generated from the corpus texts (read here, never stored), each made unique,
as JSON Lines. The CLI runs pinned to one core (taskset) and reads them from a pipe; its
resident memory is sampled from /proc while it runs, so a leak or a buffer that grows with
the stream shows as a rising column. The last line is `JSON {...}` for benches/run.mjs.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "target", "release", "parallax")


def corpus_texts(directory):
    texts = []
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(path, encoding="utf-8") as fh:
            text = json.load(fh).get("text")
        if isinstance(text, str) and text:
            texts.append(text)
    return texts


def lines(texts, total_bytes):
    """JSON Lines of about `total_bytes`, one generated article each."""
    sent = 0
    i = 0
    while sent < total_bytes:
        line = json.dumps({"id": f"g{i}", "text": f"Dispatch {i}.\n\n{texts[i % len(texts)]}",
                           "outlet": "Generated", "url": f"https://example.org/{i}",
                           "date": "2024-01-01"}) + "\n"
        data = line.encode("utf-8")
        sent += len(data)
        i += 1
        yield data


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as fh:
            for row in fh:
                if row.startswith("VmRSS:"):
                    return int(row.split()[1])
    except OSError:
        return None
    return None


def run(texts, total_bytes, sample):
    cmd = [CLI, "analyze", "--jsonl"]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = {"lines": 0, "bytes": 0}

    def drain():
        for _ in proc.stdout:
            out["lines"] += 1

    reader = threading.Thread(target=drain)
    reader.start()
    samples = []  # (input bytes so far, RSS kB)
    began = time.perf_counter()
    articles = 0
    for data in lines(texts, total_bytes):
        proc.stdin.write(data)
        out["bytes"] += len(data)
        articles += 1
        if sample and articles % 200 == 0:
            kb = rss_kb(proc.pid)
            if kb:
                samples.append((out["bytes"], kb))
    proc.stdin.close()
    reader.join()
    proc.wait()
    elapsed = time.perf_counter() - began
    if proc.returncode != 0:
        raise SystemExit(f"parallax exited with {proc.returncode}: {proc.stderr.read().decode()[:500]}")
    return articles, out, elapsed, samples


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--corpus", default=os.environ.get("PARALLAX_CORPUS", os.path.join(ROOT, "..", "shared", "corpus")))
    args = ap.parse_args()
    texts = corpus_texts(args.corpus)
    # Throughput: 10 MB on one core.
    articles, out, elapsed, _ = run(texts, 10e6, sample=False)
    mbps = out["bytes"] / 1e6 / elapsed
    print(f"--jsonl on one core: {articles} articles, {out['bytes'] / 1e6:.1f} MB in {elapsed:.1f} s "
          f"= {mbps:.2f} MB/s, {articles / elapsed:.0f} articles/s")
    # Memory: the whole stream, sampled.
    articles, out, elapsed, samples = run(texts, args.mb * 1e6, sample=True)
    assert out["lines"] == articles, f"{out['lines']} reports for {articles} lines"
    picks = [samples[min(len(samples) - 1, int(len(samples) * f))] for f in (0.1, 0.5, 1.0)] if samples else []
    peak = max((kb for _, kb in samples), default=0)
    print(f"--jsonl over {out['bytes'] / 1e6:.0f} MB ({articles} articles, {elapsed:.0f} s): resident memory "
          + ", ".join(f"{kb / 1024:.1f} MB after {b / 1e6:.0f} MB" for b, kb in picks)
          + f"; peak {peak / 1024:.1f} MB")
    tenth = picks[0][1] if picks else 0
    print("JSON " + json.dumps({
        "throughputMBps": mbps, "articlesPerSecond": articles / elapsed if elapsed else 0,
        "streamMB": out["bytes"] / 1e6, "streamSeconds": elapsed, "articles": articles,
        "rssAt10pctMB": tenth / 1024, "rssAt100pctMB": (picks[-1][1] / 1024) if picks else 0,
        "rssPeakMB": peak / 1024, "flat": bool(picks) and peak <= tenth * 1.25 + 2048,
    }))


if __name__ == "__main__":
    main()
