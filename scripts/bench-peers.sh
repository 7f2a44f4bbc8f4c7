#!/usr/bin/env bash
# Side by side: crosscheck dedup, rensa and datasketch (and the hashing floor)
# on one generated corpus of N articles, same machine, same sitting.
#
#   scripts/bench-peers.sh N            # e.g. 100000
#
# Environment:
#   CROSSCHECK_SHARED  the shared folder with bench/gen_corpus.py (default ../shared)
#   BENCH_DIR          where corpora, the venv and results go (default /tmp/crosscheck-bench)
#   RUNS               timed runs per tool; the median is reported (default 3)
#   PEERS              which peers to run (default "rensa datasketch"; "" for none)
#   PEER_RUNS          timed runs per peer (default: RUNS)
#   JOBS               threads for crosscheck and the floor (default: all cores)
#
# Prints wall time, CPU time (user + system) and peak RSS (/usr/bin/time) per
# tool, the ratios to crosscheck, and crosscheck's recall and precision on the
# planted pairs (eval_pairs.py; recall_j80 is the target: planted pairs whose
# whitespace-token Jaccard is at least 0.8).
set -euo pipefail

N=${1:?usage: scripts/bench-peers.sh N}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$(cd "${CROSSCHECK_SHARED:-$ROOT/../shared}" && pwd)
BENCH=$SHARED/bench
DIR=${BENCH_DIR:-/tmp/crosscheck-bench}
RUNS=${RUNS:-3}
PEERS=${PEERS-rensa datasketch}
PEER_RUNS=${PEER_RUNS:-$RUNS}
JOBS=${JOBS:-$(nproc)}
mkdir -p "$DIR"

TIME=/usr/bin/time
if [ ! -x "$TIME" ]; then
    echo "installing GNU time" >&2
    apt-get install -y time >/dev/null
fi

VENV=$DIR/venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import numpy, datasketch, rensa" 2>/dev/null; then
    echo "setting up $VENV (numpy datasketch rensa)" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q numpy datasketch rensa
fi
PY=$VENV/bin/python

CORPUS=$DIR/c$N
if [ ! -s "$CORPUS.jsonl" ] || [ ! -s "$CORPUS.truth.jsonl" ]; then
    echo "generating $N articles into $CORPUS.jsonl" >&2
    "$PY" "$BENCH/gen_corpus.py" "$N" "$CORPUS"
fi

echo "building crosscheck (release)" >&2
(cd "$ROOT" && cargo build --release --quiet && cargo build --release --quiet --example floor)
CC=$ROOT/target/release/crosscheck
FLOOR=$ROOT/target/release/examples/floor

RES=$DIR/results-$N.tsv
: > "$RES"
# run NAME CMD... : one timed run, appended to $RES as name wall cpu rss_kb
run() {
    local name=$1
    shift
    "$TIME" -f "%e %U %S %M" -o "$DIR/time.txt" "$@" >/dev/null 2>"$DIR/stderr-$name.txt" || {
        echo "$name failed:" >&2
        tail -5 "$DIR/stderr-$name.txt" >&2
        return 1
    }
    read -r wall user sys rss < <(tail -1 "$DIR/time.txt")
    echo -e "$name\t$wall\t$(echo "$user + $sys" | bc)\t$rss" >> "$RES"
    echo "  $name: ${wall} s wall, $(echo "$user + $sys" | bc) s CPU, $((rss / 1024)) MB" >&2
}

echo "timing on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for i in $(seq "$RUNS"); do
    run crosscheck "$CC" -j "$JOBS" dedup "$CORPUS.jsonl" --quiet --format json \
        -o "$DIR/clusters-$N.json" --pairs-out "$DIR/pairs-crosscheck-$N.txt"
    run floor env RAYON_NUM_THREADS="$JOBS" "$FLOOR" "$CORPUS.jsonl"
done
for peer in $PEERS; do
    for i in $(seq "$PEER_RUNS"); do
        run "$peer" "$PY" "$BENCH/bench_py.py" "$peer" "$CORPUS.jsonl" --pairs "$DIR/pairs-$peer-$N.txt"
    done
done

echo
echo "## $N articles ($(du -mL "$CORPUS.jsonl" | cut -f1) MB), median of runs, $(nproc) cores"
"$PY" - "$RES" <<'PYEOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, wall, cpu, rss = line.split("\t")
    rows.setdefault(name, []).append((float(wall), float(cpu), int(rss)))
med = {n: (statistics.median(w for w, _, _ in r), statistics.median(c for _, c, _ in r),
           max(m for _, _, m in r), len(r)) for n, r in rows.items()}
cc = med["crosscheck"][0]
print(f"| tool | runs | wall s (median) | CPU s | peak RSS MB | wall / crosscheck |")
print(f"|---|---|---|---|---|---|")
for n, (w, c, m, k) in med.items():
    print(f"| {n} | {k} | {w:.2f} | {c:.2f} | {m / 1024:.0f} | {w / cc:.2f}x |")
if "floor" in med:
    print(f"\ncrosscheck / floor: {cc / med['floor'][0]:.2f}x (target <= 2)")
for peer, target in (("rensa", 10), ("datasketch", 30)):
    if peer in med:
        print(f"{peer} / crosscheck: {med[peer][0] / cc:.1f}x (target >= {target})")
PYEOF
echo
echo "## planted pairs (eval_pairs.py; crosscheck: verified pairs; peers: LSH candidates)"
PAIRS="$DIR/pairs-crosscheck-$N.txt"
for peer in $PEERS; do
    [ -s "$DIR/pairs-$peer-$N.txt" ] && PAIRS="$PAIRS $DIR/pairs-$peer-$N.txt"
done
# shellcheck disable=SC2086
"$PY" "$BENCH/eval_pairs.py" "$CORPUS.truth.jsonl" $PAIRS
