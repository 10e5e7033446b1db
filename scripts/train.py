#!/usr/bin/env python3
"""Learns the weights of Parallax's linear models from a labelled corpus.

    python3 scripts/train.py viewpoint ../shared/corpus [--write]
    python3 scripts/train.py calibrate ../shared/corpus [--write]

The core proposes named features (`cargo run --example features`); this fits a
regularised multinomial logistic regression to the corpus labels, reports its accuracy
on articles it did not see (train on one half, test on the other, both ways; and
leave-one-article-out), and with --write stores the weights trained on every article in
data/model/<model>.tsv. Needs numpy (pip install numpy); nothing else.
"""
import argparse
import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VIEWPOINTS = ["iranian", "israeli", "azerbaijani", "us_analyst", "other"]


def half_of(doc_id):
    return "a" if hashlib.sha256(doc_id.encode()).digest()[0] % 2 == 0 else "b"


def load(folder):
    docs = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                d = json.load(fh)
            d.setdefault("id", name[:-5])
            docs.append(d)
    return docs


def extract(docs, with_meta=False):
    """Runs the features example over the articles' bare text (with their outlet, url and
    date beside them when with_meta)."""
    if not os.environ.get("NOBUILD"):
        subprocess.run(["cargo", "build", "--quiet", "--release", "--example", "features"],
                   cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "examples", "features")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for d in docs:
            p = os.path.join(tmp, d["id"] + ".txt")
            with open(p, "w", encoding="utf-8") as fh:
                fh.write(d["text"])
            if with_meta:
                meta = {k: d.get(k) for k in ("outlet", "url", "date") if d.get(k)}
                with open(p + ".meta.json", "w", encoding="utf-8") as fh:
                    json.dump(meta, fh)
            paths.append(p)
        out = subprocess.run([exe] + paths, capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


class Model:
    """Multinomial logistic regression with L2 on the weights (numpy, L-BFGS-free:
    plain gradient descent is enough at this size)."""

    def __init__(self, names, classes):
        self.names, self.classes = names, classes
        self.index = {k: i for i, k in enumerate(names)}

    def matrix(self, xs):
        m = np.zeros((len(xs), len(self.names)))
        for r, x in enumerate(xs):
            for k, v in x.items():
                if k in self.index:
                    m[r, self.index[k]] = v
        return m

    def fit(self, xs, ys, l2, iters=2000, rate=0.5):
        X = self.matrix(xs)
        Y = np.zeros((len(ys), len(self.classes)))
        for r, y in enumerate(ys):
            Y[r, self.classes.index(y)] = 1.0
        self.w = np.zeros((len(self.names), len(self.classes)))
        self.b = np.zeros(len(self.classes))
        n = len(xs)
        for _ in range(iters):
            P = self.proba_matrix(X)
            G = (P - Y) / n
            self.w -= rate * (X.T @ G + l2 * self.w)
            self.b -= rate * G.sum(axis=0)
        return self

    def proba_matrix(self, X):
        Z = X @ self.w + self.b
        Z -= Z.max(axis=1, keepdims=True)
        E = np.exp(Z)
        return E / E.sum(axis=1, keepdims=True)

    def proba(self, xs):
        return self.proba_matrix(self.matrix(xs))


def fit(xs, ys, classes, l2, **opts):
    names = sorted({k for x in xs for k in x})
    return Model(names, classes).fit(xs, ys, l2, **opts)


def accuracy(model, xs, ys):
    if not xs:
        return 0.0
    p = model.proba(xs)
    return float(np.mean([model.classes[i] == y for i, y in zip(p.argmax(axis=1), ys)]))


def leave_one_out(xs, ys, classes, l2):
    probs = []
    for i in range(len(xs)):
        m = fit(xs[:i] + xs[i + 1:], ys[:i] + ys[i + 1:], classes, l2)
        p = m.proba([xs[i]])[0]
        probs.append((float(p.max()), classes[int(p.argmax())] == ys[i]))
    return sum(ok for _, ok in probs) / len(xs), probs


def write(path, m, header):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(header)
        fh.write("classes\t" + "\t".join(m.classes) + "\n")
        fh.write("bias\t" + "\t".join(f"{v:.4f}" for v in m.b) + "\n")
        for k in m.names:
            row = m.w[m.index[k]]
            if np.abs(row).max() >= 5e-4:
                fh.write(k + "\t" + "\t".join(f"{v:.4f}" for v in row) + "\n")


def reduce(x):
    mode = os.environ.get("FEATS", "all")
    if mode == "all":
        return x
    out = {}
    for k, v in x.items():
        parts = k.split(":")
        if parts[0] == "ev":
            key = "ev:stance:" + parts[2] if parts[1] == "stance" else "ev:" + parts[2]
            out[key] = out.get(key, 0.0) + v
        elif mode == "ev" :
            continue
        else:
            out[k] = v
    return out


POLARITIES = ["negative", "none", "positive"]
# The threshold src/decide.rs applies (KEEP there).
KEEP = 0.3


def char_span(text, start, end):
    """Byte offsets (from the core) to code-point offsets (the corpus's)."""
    b = text.encode("utf-8")
    return len(b[:start].decode("utf-8", "ignore")), len(b[:end].decode("utf-8", "ignore"))


def stance_rows(docs, feats):
    """Per article: its candidates as (features, label, holder bloc, target bloc, span)."""
    out = []
    for d, f in zip(docs, feats):
        text = d["text"]
        gold = []
        for g in d.get("stances", []):
            if g.get("polarity") not in ("positive", "negative") or g["holder_bloc"] == g["target_bloc"]:
                continue
            at = text.find(g.get("evidence", "")[:80]) if g.get("evidence") else -1
            if at >= 0:
                gold.append((g["holder_bloc"], g["target_bloc"], g["polarity"], at, at + len(g["evidence"])))
        rows = []
        for c in f["candidates"]:
            s, e = char_span(text, c["start"], c["end"])
            label = "none"
            for hb, tb, pol, gs, ge in gold:
                if (hb, tb) == (c["holder_bloc"], c["target_bloc"]) and s < ge and e > gs:
                    label = pol
                    break
            rows.append((c["features"], label, c["holder_bloc"], c["target_bloc"], s, e))
        out.append((d, rows))
    return out


def score_rows(docs_rows, decide):
    """Set and evidence F1 as score.py counts them, for a decision function over rows."""
    st = [0, 0, 0]
    ev = [0, 0, 0]
    for d, rows in docs_rows:
        text = d["text"]
        gold = [(g["holder_bloc"], g["target_bloc"], g["polarity"], g.get("evidence", ""))
                for g in d.get("stances", [])
                if g.get("polarity") in ("positive", "negative") and g["holder_bloc"] != g["target_bloc"]]
        pred = [(hb, tb, pol, s, e) for (f, _, hb, tb, s, e), pol in zip(rows, decide(rows)) if pol]
        gset = {g[:3] for g in gold}
        pset = {p[:3] for p in pred}
        st = [st[0] + len(gset & pset), st[1] + len(pset - gset), st[2] + len(gset - pset)]
        used = set()
        tp = fn = 0
        for hb, tb, pol, evd in gold:
            at = text.find(evd[:80]) if evd else -1
            hit = None
            if at >= 0:
                for i, (phb, ptb, ppol, s, e) in enumerate(pred):
                    if i not in used and (phb, ptb, ppol) == (hb, tb, pol) and s < at + len(evd) and e > at:
                        hit = i
                        break
            if hit is None:
                fn += 1
            else:
                tp += 1
                used.add(hit)
        ev = [ev[0] + tp, ev[1] + len(pred) - len(used), ev[2] + fn]

    def f1(c):
        p = c[0] / (c[0] + c[1]) if c[0] + c[1] else 0
        r = c[0] / (c[0] + c[2]) if c[0] + c[2] else 0
        return 2 * p * r / (p + r) if p + r else 0
    return f1(st), f1(ev)


def rules_decide(rows):
    out = []
    for f, *_ in rows:
        v = sum(val for k, val in f.items() if k.startswith("rule:"))
        out.append("positive" if v > 0 else "negative" if v < 0 else None)
    return out


def model_decide(m, keep):
    def decide(rows):
        if not rows:
            return []
        p = m.proba([r[0] for r in rows])
        neg, pos = m.classes.index("negative"), m.classes.index("positive")
        return ["positive" if r[pos] >= keep and r[pos] > r[neg] else
                "negative" if r[neg] >= keep else None for r in p]
    return decide


def train_stance(docs, feats, args):
    data = stance_rows(docs, feats)
    halves = {"a": [x for x in data if half_of(x[0]["id"]) == "a"],
              "b": [x for x in data if half_of(x[0]["id"]) == "b"]}
    for h in "ab":
        print(f"rules only, half {h}: stance F1 {score_rows(halves[h], rules_decide)[0]:.3f} "
              f"evidence F1 {score_rows(halves[h], rules_decide)[1]:.3f}")
    labels = [r[1] for _, rows in data for r in rows]
    print(f"candidates {len(labels)}: " + ", ".join(f"{p} {labels.count(p)}" for p in POLARITIES))
    best = None
    for l2 in args.l2:
        models = {}
        for train in "ab":
            xs = [r[0] for _, rows in halves[train] for r in rows]
            ys = [r[1] for _, rows in halves[train] for r in rows]
            models[train] = fit(xs, ys, POLARITIES, l2, iters=800, rate=1.0)
        for keep in (0.25, 0.3, 0.35, 0.4, 0.5):
            res = [score_rows(halves[test], model_decide(models[train], keep))
                   for train, test in (("a", "b"), ("b", "a"))]
            print(f"l2={l2} keep={keep}: tested on b {res[0][0]:.3f}/{res[0][1]:.3f}, "
                  f"tested on a {res[1][0]:.3f}/{res[1][1]:.3f}  (stance/evidence F1)")
            worst = min(min(r) for r in res) + min(r[0] for r in res)
            if best is None or worst > best[0]:
                best = (worst, l2, keep)
    _, l2, keep = best
    print(f"chosen l2={l2} keep={keep}")
    if args.write:
        if args.only_half:
            data = halves[args.only_half]
            l2, keep = args.l2[0], KEEP
        xs = [r[0] for _, rows in data for r in rows]
        ys = [r[1] for _, rows in data for r in rows]
        m = fit(xs, ys, POLARITIES, l2, iters=800, rate=1.0)
        header = (f"# Stance model: logistic regression deciding each candidate stance of\n"
                  f"# src/decide.rs (negative / none / positive), trained by scripts/train.py on\n"
                  f"# {len(docs)} labelled articles (l2={l2}; keep at p >= {keep}).\n"
                  f"# Regenerate, do not edit by hand.\n")
        write(os.path.join(ROOT, "data", "model", "stance.tsv"), m, header)
        print("wrote data/model/stance.tsv")


def platt(points, l2=0.001, iters=20000, rate=2.0):
    """Fits P(right) = sigmoid(w . features + b) to (features, right) pairs; the features
    are the call's firmness and whether it is the fallback viewpoint."""
    x = np.array([f for f, _ in points], dtype=float)
    y = np.array([1.0 if ok else 0.0 for _, ok in points])
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * w)
        b -= rate * np.mean(p - y)
    return w, b


def sigmoid_curve(w, b):
    return lambda f: 1 / (1 + math.exp(-(float(np.dot(w, f)) + b)))


def calibration_report(points, curve):
    """Brier score and expected calibration error (five equal-width bands)."""
    probs = [curve(f) for f, _ in points]
    brier = float(np.mean([(p - ok) ** 2 for p, (_, ok) in zip(probs, points)]))
    ece = 0.0
    for lo in np.arange(0, 1, 0.2):
        band = [(p, ok) for p, (_, ok) in zip(probs, points) if lo <= p < lo + 0.2 or (lo >= 0.8 and p == 1)]
        if band:
            ece += len(band) / len(points) * abs(np.mean([p for p, _ in band]) - np.mean([ok for _, ok in band]))
    return brier, ece


def calibrate(docs, args):
    """Confidence that means something: how often a call like this was right, fitted on
    one half and checked on the other, over bare text and with metadata both."""
    points = []
    for with_meta in (False, True):
        feats = extract(docs, with_meta)
        for d, f in zip(docs, feats):
            x = (f["firmness"], 1.0 if f["label"] == "other" else 0.0)
            points.append((half_of(d["id"]), x, f["label"] == d["viewpoint"]))
    raw = lambda x: x[0]
    for train, test in (("a", "b"), ("b", "a")):
        w, b = platt([(x, ok) for h, x, ok in points if h == train])
        held = [(x, ok) for h, x, ok in points if h == test]
        before, after = calibration_report(held, raw), calibration_report(held, sigmoid_curve(w, b))
        print(f"fitted on {train}, checked on {test} ({len(held)} calls): "
              f"Brier {before[0]:.3f} -> {after[0]:.3f}, calibration error {before[1]:.3f} -> {after[1]:.3f}")
    w, b = platt([(x, ok) for _, x, ok in points])
    print(f"on all {len(points)} calls: P(right) = sigmoid({w[0]:.3f} * firmness + {w[1]:.3f} * fallback + {b:.3f})")
    for name, curve in (("before", raw), ("after", sigmoid_curve(w, b))):
        for lo in (0.0, 0.2, 0.4, 0.6, 0.8):
            band = [ok for _, x, ok in points if lo <= curve(x) < lo + 0.2 or (lo == 0.8 and curve(x) >= 1)]
            if band:
                print(f"    {name}: shown {lo:.1f}-{lo + 0.2:.1f}: {len(band)} calls, right {sum(band) / len(band):.2f}")
    if args.write:
        path = os.path.join(ROOT, "data", "model", "calibration.tsv")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(f"# Viewpoint confidence: P(right) = sigmoid(w . (firmness, fallback) + b), fitted\n"
                     f"# by scripts/train.py calibrate on {len(points)} calls ({len(docs)} labelled articles,\n"
                     f"# bare text and with metadata). Regenerate, do not edit by hand.\n")
            fh.write("classes\twrong\tright\n")
            fh.write(f"bias\t0\t{b:.4f}\n")
            fh.write(f"firmness\t0\t{w[0]:.4f}\n")
            fh.write(f"fallback\t0\t{w[1]:.4f}\n")
        print("wrote data/model/calibration.tsv")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", choices=["viewpoint", "stance", "calibrate"])
    ap.add_argument("corpus")
    ap.add_argument("--l2", type=float, nargs="*", default=[0.01, 0.03, 0.1])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--only-half", choices=["a", "b"],
                    help="with --write: train on this half only, to score the other with score.py")
    args = ap.parse_args()
    docs = load(args.corpus)
    if args.model == "calibrate":
        return calibrate(docs, args)
    feats = extract(docs)
    if args.model == "stance":
        return train_stance(docs, feats, args)
    xs = [reduce(f["viewpoint"]) for f in feats]
    ys = [d["viewpoint"] for d in docs]
    halves = [half_of(d["id"]) for d in docs]
    classes = VIEWPOINTS
    best = None
    for l2 in args.l2:
        sides = []
        for train, test in (("a", "b"), ("b", "a")):
            tx = [x for x, h in zip(xs, halves) if h == train]
            ty = [y for y, h in zip(ys, halves) if h == train]
            m = fit(tx, ty, classes, l2)
            sides.append(accuracy(m, [x for x, h in zip(xs, halves) if h == test],
                                  [y for y, h in zip(ys, halves) if h == test]))
        loo, probs = leave_one_out(xs, ys, classes, l2)
        print(f"l2={l2}: trained on a, tested on b {sides[0]:.3f}; trained on b, tested on a "
              f"{sides[1]:.3f}; leave-one-out {loo:.3f}")
        # Calibration: accuracy within bands of the winning probability.
        for lo, hi in ((0, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01)):
            band = [ok for p, ok in probs if lo <= p < hi]
            if band:
                print(f"    confidence {lo:.1f}-{min(hi, 1):.1f}: {len(band)} articles, accuracy {sum(band) / len(band):.2f}")
        score = min(sides) + loo
        if best is None or score > best[0]:
            best = (score, l2)
    l2 = best[1]
    print(f"chosen l2={l2}")
    if args.write:
        m = fit(xs, ys, classes, l2)
        header = (f"# Viewpoint model: multinomial logistic regression over the features of\n"
                  f"# src/viewpoint.rs, trained by scripts/train.py on {len(docs)} labelled articles\n"
                  f"# (l2={l2}). Regenerate, do not edit by hand.\n")
        write(os.path.join(ROOT, "data", "model", "viewpoint.tsv"), m, header)
        print("wrote data/model/viewpoint.tsv")


if __name__ == "__main__":
    sys.exit(main())
