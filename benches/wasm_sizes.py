#!/usr/bin/env python3
"""What the wasm module holds: code bytes per crate (from the name section) and data bytes.

    python3 benches/wasm_sizes.py target/wasm32-unknown-unknown/wasm/parallax.wasm [--top 25]

The module as cargo writes it (before wasm-bindgen and wasm-opt, which drop the names);
sizes are of function bodies, so shares are what matters, not the totals.
"""
import re
import sys
from collections import Counter


def leb(buf, i):
    result = shift = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def sections(buf):
    i = 8
    while i < len(buf):
        sid = buf[i]
        size, j = leb(buf, i + 1)
        yield sid, buf[j:j + size]
        i = j + size


def owner(name):
    """The crate a mangled symbol comes from (legacy `_ZN` or v0 `_R` mangling)."""
    m = re.match(r"_ZN(\d+)", name)
    if m:
        start = m.end()
        return name[start:start + int(m.group(1))]
    m = re.search(r"C[sS][0-9A-Za-z]*_(\d+)", name) if name.startswith("_R") else None
    if m:
        start = m.end()
        return name[start:start + int(m.group(1))]
    m = re.match(r"[<&*\s]*(?:impl\s+)?([A-Za-z_][A-Za-z0-9_]*)", name)
    return m.group(1) if m else "?"


def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    buf = open(path, "rb").read()
    imported = 0
    bodies = []
    names = {}
    data = 0
    for sid, body in sections(buf):
        if sid == 2:  # imports: functions among them shift the indices
            count, i = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    n, i = leb(body, i)
                    i += n
                kind = body[i]
                i += 1
                if kind == 0:
                    _, i = leb(body, i)
                    imported += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 2:
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 3:
                    i += 2
        elif sid == 10:
            count, i = leb(body, 0)
            for _ in range(count):
                size, i = leb(body, i)
                bodies.append(size)
                i += size
        elif sid == 11:
            data = len(body)
        elif sid == 0:
            n, i = leb(body, 0)
            if body[i:i + n] == b"name":
                i += n
                while i < len(body):
                    sub = body[i]
                    size, i = leb(body, i + 1)
                    if sub == 1:
                        count, k = leb(body, i)
                        for _ in range(count):
                            idx, k = leb(body, k)
                            ln, k = leb(body, k)
                            names[idx] = body[k:k + ln].decode("utf-8", "replace")
                            k += ln
                    i += size
    by_crate = Counter()
    for n, size in enumerate(bodies):
        by_crate[owner(names.get(n + imported, "?"))] += size
    code = sum(bodies)
    print(f"{path}: {len(buf)} bytes; code {code} ({len(bodies)} functions), data {data}")
    for crate, size in by_crate.most_common(top):
        print(f"  {crate:<28} {size:>9} {100 * size / code:5.1f}%")


if __name__ == "__main__":
    main()
