#!/bin/sh
# Runs one fuzz target for a while: fuzz/run.sh TARGET [SECONDS]
# One process, one rayon thread; new inputs go to fuzz/corpus/TARGET
# (not committed), the committed seeds are read from fuzz/seeds/TARGET.
set -eu
cd "$(dirname "$0")"
target=$1
secs=${2:-900}
dict=
[ -f "$target.dict" ] && dict="-dict=$target.dict"
mkdir -p "corpus/$target"
RAYON_NUM_THREADS=1 exec cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
    $dict -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
    -jobs=1 -workers=1 -print_final_stats=1
