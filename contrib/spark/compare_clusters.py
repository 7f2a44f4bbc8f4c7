#!/usr/bin/env python3
"""Compare the clusters of the Spark job with those of `crosscheck dedup`, article for article.

    compare_clusters.py SPARK_OUT DEDUP.json [FROM_SPARK.json]

SPARK_OUT is the output folder of crosscheck_lsh.py, DEDUP.json the output of
`crosscheck dedup --format json` on the same input with the same flags, and
FROM_SPARK.json (optional) that of `crosscheck dedup --clusters SPARK_OUT --format json`.

A difference is an article whose cluster (its set of members) or representative
differs between the two, or a verified pair found by one side only; when
FROM_SPARK.json is given, a report that is not byte-identical to DEDUP.json
counts as one more. Prints `parity: N articles, K clusters, D differences` and
exits 0 only when D is 0 (1 otherwise, 2 on unreadable input).
"""
import json
import sys

import pyarrow.parquet as pq


def spark_side(out_dir):
    t = pq.read_table(f"{out_dir}/clusters").to_pylist()
    members, rep = {}, {}
    for r in t:
        members.setdefault(r["cluster_id"], set()).add(r["doc_id"])
        rep[r["cluster_id"]] = r["representative"]
    of = {}
    for cid, ms in members.items():
        for m in ms:
            of[m] = (frozenset(ms), rep[cid])
    pairs = {(r["a"], r["b"]) for r in pq.read_table(f"{out_dir}/pairs").to_pylist()}
    return of, pairs


def local_side(report):
    of, pairs = {}, set()
    for c in report["clusters"]:
        ms = frozenset(c["members"])
        for m in ms:
            of[m] = (ms, c["representative"])
        pairs.update((p["a"], p["b"]) for p in c["pairs"])
    return of, pairs


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with open(argv[2], encoding="utf-8") as f:
            report = json.load(f)
        s_of, s_pairs = spark_side(argv[1])
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    l_of, l_pairs = local_side(report)
    articles = report["summary"]["articles"]
    clusters = len(report["clusters"])
    diffs = 0
    for art in sorted(set(s_of) | set(l_of)):
        s, l = s_of.get(art), l_of.get(art)
        if s != l:
            diffs += 1
            if diffs <= 10:
                def show(x):
                    return "unclustered" if x is None else f"{len(x[0])} members, representative {x[1]}"
                print(f"  {art}: dedup {show(l)}; spark {show(s)}", file=sys.stderr)
    only = (s_pairs - l_pairs) | (l_pairs - s_pairs)
    for a, b in sorted(only)[:10]:
        side = "spark" if (a, b) in s_pairs else "dedup"
        print(f"  pair ({a}, {b}) found by {side} only", file=sys.stderr)
    diffs += len(only)
    if len(argv) == 4:
        with open(argv[2], "rb") as f1, open(argv[3], "rb") as f2:
            if f1.read() != f2.read():
                diffs += 1
                print(f"  {argv[3]} differs from {argv[2]}", file=sys.stderr)
    print(f"parity: {articles} articles, {clusters} clusters, {diffs} differences")
    return 0 if diffs == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
