#!/usr/bin/env bash
# The evaluation harness: the report on the labelled dev data, scored (see examples/eval.rs).
#   scripts/eval.sh [--reference] [--only idnews,ecbplus,gva,nli]
# --reference also runs the reference scorers of $CROSSCHECK_SHARED/labels/score/ on the same reports,
# so that the harness's figures can be checked against them.
set -euo pipefail
cd "$(dirname "$0")/.."
export CROSSCHECK_SHARED="${CROSSCHECK_SHARED:-$(cd .. && pwd)/shared}"
reference=0
args=()
for a in "$@"; do
  if [ "$a" = --reference ]; then reference=1; else args+=("$a"); fi
done
out=target/eval
mkdir -p "$out"
cargo run --release --quiet --example eval -- --save "$out" "${args[@]}"
if [ "$reference" = 1 ]; then
  s="$CROSSCHECK_SHARED/labels"
  echo "== reference scorers"
  if [ -f "$out/idnews.json" ]; then
    python3 "$s/score/score_pairs.py" "$s/idnews-pairs-dev.jsonl" "$out/idnews.json"
    python3 "$s/score/score_facts.py" "$s/idnews-facts-dev.json" eval/labels/*facts*.json "$out/idnews.json" || true
  fi
  [ -f "$out/ecbplus.json" ] && python3 "$s/score/score_events.py" "$CROSSCHECK_SHARED/corpora/ecbplus-dev/gold.json" "$out/ecbplus.json" || true
  if [ -f "$out/gva.json" ]; then
    python3 "$s/score/score_events.py" "$CROSSCHECK_SHARED/corpora/gva-dev/gold.json" "$out/gva.json" || true
    python3 "$s/score/score_tolls.py" "$CROSSCHECK_SHARED/corpora/gva-dev/gold.json" "$out/gva.json"
  fi
fi
