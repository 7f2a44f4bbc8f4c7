#!/usr/bin/env python3
"""Batches for growing the dev labels by hand, in the shape the briefs in `$CROSSCHECK_SHARED/labels/` expect.

label_tasks.py facts REPORT.json CORPUS_DIR OUT_DIR --groups N --batches K [--seed S] [--min-outlets M] [--exclude LABELS…]
label_tasks.py pairs REPORT.json CORPUS_DIR OUT_DIR --pairs N --batches K [--seed S] [--disputes-only | --consistent-only] [--most-confident] [--exclude LABELS…]

REPORT.json is `crosscheck report --format json` on the idnews corpus (the README's flags). Only articles
published 17-20 June 2025 are drawn (the June 9-10 files are kept for the final check). `facts` draws
stories with three or more outlets (`--min-outlets`) among those articles (at most ten articles each, one per outlet first)
and writes `facts-K.json` ({group: [article]}); `pairs` draws disputes (conflicts, updates, attributed, and
one in six consistent pairs unless `--disputes-only`; with `--consistent-only` every consistent pair and no
dispute, an article's repeats of one pair left out) and writes `pairs-K.jsonl`; the draw is seeded, or with
`--most-confident` the most confident first (for labelling the disputes just under the report's threshold). Articles or pairs already in a label file given with
`--exclude` are left out. The draw is seeded, so the same report gives the same batches.
The batches hold the outlets' texts: write them outside the repository.
"""
import csv, hashlib, json, os, sys

csv.field_size_limit(1 << 30)
DAYS = ("2025-06-17", "2025-06-20")


def arg(name, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def excluded_labels():
    docs, pairs, mentions = set(), set(), set()
    if "--exclude" not in sys.argv:
        return docs, pairs, mentions
    for path in sys.argv[sys.argv.index("--exclude") + 1:]:
        if path.startswith("--"):
            break
        if path.endswith(".jsonl"):
            for line in open(path):
                p = json.loads(line)
                pairs.add(frozenset((p["a_claim"], p["b_claim"])))
        else:
            for g in json.load(open(path)).values():
                docs |= set(g.get("members", []))
                docs |= {x["doc"] for x in g.get("not_members", [])}
                mentions |= {m["claim"] for f in g.get("facts", []) for m in f["mentions"] if m.get("claim")}
    return docs, pairs, mentions


def texts(corpus):
    """Article text by id (the URL), earliest file first, as crosscheck reads them."""
    out = {}
    for root, _, files in sorted(os.walk(corpus)):
        for name in sorted(files):
            if not name.endswith(".csv"):
                continue
            with open(os.path.join(root, name), encoding="utf-8-sig", newline="") as f:
                for row in csv.DictReader(f):
                    doc = row.get("url") or row.get("Link")
                    body = row.get("isi_berita") or row.get("content") or row.get("Isi") or ""
                    if doc and doc not in out:
                        out[doc] = body
    return out


def rank(seed, key):
    return hashlib.sha1(f"{seed}:{key}".encode()).hexdigest()


def in_days(d):
    p = d.get("published")
    return bool(p) and DAYS[0] <= p[:10] <= DAYS[1]


def main():
    mode, rep_path, corpus, out_dir = sys.argv[1:5]
    seed = arg("--seed", "1")
    batches = int(arg("--batches", "1"))
    rep = json.load(open(rep_path))
    docs = {d["id"]: d for d in rep["documents"]}
    body = texts(corpus)
    claims_of = {}
    for c in rep["claims"]:
        claims_of.setdefault(c["doc"], []).append(c)
    seen_docs, seen_pairs, seen_mentions = excluded_labels()
    os.makedirs(out_dir, exist_ok=True)

    def article(doc):
        d = docs[doc]
        return {
            "doc": doc, "source": d["source"], "published": d["published"], "title": d["title"],
            "text": body.get(doc, ""),
            "claims": [{"claim": c["id"], "kind": c["kind"], "figure": c["text"], "sentence": c["sentence"]}
                       for c in claims_of.get(doc, []) if c["kind"] not in ("date", "time")],
        }

    if mode == "facts":
        want = int(arg("--groups", "24"))
        min_outlets = int(arg("--min-outlets", "3"))
        picked = []
        for s in sorted(rep["stories"], key=lambda s: rank(seed, s["id"])):
            ms = [m for m in s["members"] if m in docs and in_days(docs[m])]
            if set(s["members"]) & seen_docs or len({docs[m]["source"] for m in ms}) < min_outlets:
                continue
            # One article per outlet first, then the rest, in a seeded order; at most ten.
            ms.sort(key=lambda m: rank(seed, m))
            first, rest, outlets = [], [], set()
            for m in ms:
                (rest if docs[m]["source"] in outlets else first).append(m)
                outlets.add(docs[m]["source"])
            picked.append((s["id"], (first + rest)[:10]))
            if len(picked) == want:
                break
        for k in range(batches):
            part = {f"S{n:02d}-{sid[6:14]}": [article(m) for m in ms]
                    for n, (sid, ms) in enumerate(picked) if n % batches == k}
            with open(os.path.join(out_dir, f"facts-{k}.json"), "w") as f:
                json.dump(part, f, ensure_ascii=False, indent=1)
        print(f"{len(picked)} groups in {batches} batches")
        return

    want = int(arg("--pairs", "120"))
    claim = {c["id"]: c for c in rep["claims"]}

    def side(cid):
        c = claim[cid]
        d = docs[c["doc"]]
        text = body.get(c["doc"], "")
        raw = text.encode()
        s, e = c["sentence_span"]
        return {"source": d["source"], "published": d["published"], "title": d["title"], "lead": text[:500],
                "before": raw[max(0, s - 300):s].decode(errors="ignore"), "sentence": c["sentence"],
                "after": raw[e:e + 300].decode(errors="ignore"), "figure": c["text"]}

    pool = []
    for a in rep["alignments"]:
        ca, cb = claim[a["a"]], claim[a["b"]]
        if not (in_days(docs[ca["doc"]]) and in_days(docs[cb["doc"]])):
            continue
        if frozenset((a["a"], a["b"])) in seen_pairs or (a["a"] in seen_mentions and a["b"] in seen_mentions):
            continue
        if "--consistent-only" in sys.argv:
            if a["verdict"] != "consistent" or a.get("repeats"):
                continue
        elif a["verdict"] == "consistent" and ("--disputes-only" in sys.argv or int(rank(seed, a["id"])[:4], 16) % 6):
            continue
        pool.append(a)
    if "--most-confident" in sys.argv:
        pool.sort(key=lambda a: (-a.get("confidence", 0.0), rank(seed, a["id"])))
    else:
        pool.sort(key=lambda a: rank(seed, a["id"]))
    pool = pool[:want]
    for k in range(batches):
        with open(os.path.join(out_dir, f"pairs-{k}.jsonl"), "w") as f:
            for n, a in enumerate(pool):
                if n % batches == k:
                    item = {"id": n, "a_claim": a["a"], "b_claim": a["b"],
                            "a": side(a["a"]), "b": side(a["b"])}
                    f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(pool)} pairs in {batches} batches")


main()
