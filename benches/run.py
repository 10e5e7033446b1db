#!/usr/bin/env python3
"""Speed of the command line, measured here and now, next to its anchors.

- Throughput on the seed articles (the whole pipeline, including start-up).
- Linearity: the seeds concatenated 1x, 2x, 4x, 8x and 16x into one document; the time
  per megabyte should stay flat (the anchor: a linear pipeline), so the last column is the
  ratio to the 1x time per megabyte (start-up, measured on a one-sentence file, subtracted).
Each figure is the best of three runs.
"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "target", "release", "parallax")


def best_of(args, runs=3):
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        best = min(best, time.perf_counter() - t)
    return best


def main():
    seeds = sorted(os.path.join(ROOT, "seeds", f) for f in os.listdir(os.path.join(ROOT, "seeds")) if f.endswith(".txt"))
    size = sum(os.path.getsize(s) for s in seeds)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("Iran warned Israel.")
    startup = best_of([CLI, "analyze", fh.name])
    os.unlink(fh.name)
    print(f"start-up (knowledge base compiled, one-sentence file): {startup * 1e3:.0f} ms")
    t = best_of([CLI, "analyze", *seeds])
    print(f"seeds: {len(seeds)} articles, {size / 1e3:.1f} kB in {t * 1e3:.0f} ms "
          f"({size / 1e6 / t:.2f} MB/s, start-up included)")
    text = "\n\n".join(open(s, encoding="utf-8").read() for s in seeds)
    print(f"{'document':>10} {'size':>9} {'time':>9} {'ms/MB':>8} {'vs 1x':>6}   (ms/MB without start-up; anchor: linear = 1.0)")
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for k in (1, 2, 4, 8, 16):
            path = os.path.join(tmp, f"x{k}.txt")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write("\n\n".join([text] * k))
            mb = os.path.getsize(path) / 1e6
            t = best_of([CLI, "analyze", path])
            per_mb = max(t - startup, 1e-6) * 1e3 / mb
            base = base or per_mb
            print(f"{'seeds x' + str(k):>10} {mb:>7.2f}MB {t * 1e3:>7.0f}ms {per_mb:>8.0f} {per_mb / base:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
