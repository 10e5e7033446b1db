#!/usr/bin/env python3
"""The README's worked example: PySpark in local mode pipes a corpus through Parallax.

    python benches/spark.py [--articles 200] [--corpus DIR]

Each partition of JSON Lines goes through one `parallax analyze --jsonl` process
(`RDD.pipe`), which streams one report per line back; Spark then counts viewpoints. The
articles are generated from the corpus texts, each made unique. Needs `pyspark` (PyPI)
and a Java runtime (Debian's default-jre-headless); `./build.sh bench` installs both.
The last line is `JSON {...}` for benches/run.mjs.
"""
import argparse
import glob
import json
import os
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "target", "release", "parallax")


def generated(corpus, n):
    texts = []
    for path in sorted(glob.glob(os.path.join(corpus, "*.json"))):
        with open(path, encoding="utf-8") as fh:
            texts.append(json.load(fh)["text"])
    return [json.dumps({"id": f"a{i}", "text": f"Dispatch {i}.\n\n{texts[i % len(texts)]}",
                        "outlet": "Generated", "date": "2024-01-01"}) for i in range(n)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--corpus", default=os.environ.get("PARALLAX_CORPUS", os.path.join(ROOT, "..", "shared", "corpus")))
    args = ap.parse_args()
    lines = generated(args.corpus, args.articles)

    began = time.perf_counter()
    # --- the example, as in the README ---
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").appName("parallax")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter()
    reports = (spark.sparkContext.parallelize(lines, 4)     # JSON Lines: {"id", "text", ...}
               .pipe(f"{CLI} analyze --jsonl")               # one process per partition
               .map(json.loads)
               .cache())
    counts = (reports.map(lambda r: (r["viewpoint"]["label"], 1))
              .reduceByKey(lambda a, b: a + b).collect())
    ids = reports.map(lambda r: r["source"]).collect()
    spark.stop()
    # --- end of the example ---
    done = time.perf_counter()

    assert sorted(ids) == sorted(f"a{i}" for i in range(len(lines))), "one report per article"
    print(f"PySpark local[2]: {len(lines)} articles in {done - started:.1f} s after a {started - began:.1f} s "
          f"start; viewpoints {dict(sorted(counts))}")
    print("JSON " + json.dumps({"articles": len(lines), "seconds": done - started,
                                "startSeconds": started - began, "viewpoints": dict(counts)}))


if __name__ == "__main__":
    main()
