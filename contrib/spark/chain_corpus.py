#!/usr/bin/env python3
"""A corpus whose near-duplicates form long chains, to test the Spark path's hard cases.

    chain_corpus.py N OUT.jsonl

Article i is words 8i .. 8i+99 of a sequence of distinct words, so neighbours in
the chain share a word-5-gram Jaccard of about 0.85 and articles two apart about
0.71: at the default threshold the duplicates form paths (a few links are lost to
LSH, by chance but deterministically), which take several connected-components
rounds. Ids are a scrambled order of the chain (N should be prime to 37), dates
vary and every fourth article is undated, so `--keep` has ties to break. No
randomness: the same N gives the same file.
"""
import json
import sys


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    n, out = int(argv[1]), argv[2]
    words = [f"w{k}" for k in range(8 * n + 100)]
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            rec = {
                "id": f"chain-{(i * 37) % n:05d}",
                "source": f"outlet{i % 3}",
                "text": " ".join(words[8 * i:8 * i + 100]),
            }
            if i % 4:
                rec["published"] = f"2025-06-{1 + (i * 11) % 28:02d}T{(i * 5) % 24:02d}:00:00Z"
            f.write(json.dumps(rec) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
