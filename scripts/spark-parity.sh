#!/usr/bin/env bash
# Spark parity in one command: `crosscheck sign`, the Spark job in local mode,
# and `crosscheck dedup` on the same input; compares their clusters article
# for article and exits 0 only when there is no difference.
#
#   scripts/spark-parity.sh INPUT… [-- FLAGS…]
#
# FLAGS go to `sign` and `dedup` alike (--threshold, --max-bucket, --keep,
# --id-field, …). Builds `crosscheck` with the `parquet` feature (release)
# unless CROSSCHECK_BIN names one, and keeps a virtual environment with
# pyspark and pyarrow in CROSSCHECK_SPARK_VENV (default target/spark-venv),
# creating it when missing. Needs Java 17 (Debian: openjdk-17-jre-headless).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

inputs=()
flags=()
while [ $# -gt 0 ]; do
    if [ "$1" = "--" ]; then
        shift
        flags=("$@")
        break
    fi
    inputs+=("$1")
    shift
done
if [ ${#inputs[@]} -eq 0 ]; then
    echo "usage: scripts/spark-parity.sh INPUT… [-- FLAGS…]" >&2
    exit 2
fi

if ! command -v java >/dev/null 2>&1; then
    echo "error: Spark needs Java 17" >&2
    echo "hint: apt-get install -y openjdk-17-jre-headless" >&2
    exit 2
fi

bin=${CROSSCHECK_BIN:-}
if [ -z "$bin" ]; then
    (cd "$root" && cargo build --release --locked --quiet --features parquet)
    bin=$root/target/release/crosscheck
fi

venv=${CROSSCHECK_SPARK_VENV:-$root/target/spark-venv}
if ! "$venv/bin/python" -c "import pyspark, pyarrow" >/dev/null 2>&1; then
    echo "spark-parity: installing pyspark and pyarrow into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check pyspark pyarrow
fi

mkdir -p "$root/target"
work=$(mktemp -d "$root/target/spark-parity.XXXXXX")
if [ -z "${CROSSCHECK_KEEP_WORK:-}" ]; then
    trap 'rm -rf "$work"' EXIT
else
    echo "spark-parity: working in $work" >&2
fi

# Exit status 2 with the output written means some input was skipped (reported
# on standard error): both sides skip the same input, so parity still holds.
run() {
    local out=$1
    shift
    "$@" || { status=$?; [ "$status" -eq 2 ] && [ -e "$out" ] || exit "$status"; }
}

# Spark in local mode stays on the loopback interface. For short local jobs, the
# JIT's first tier only and no adaptive re-planning halve the time on 2 cores
# (set PYSPARK_SUBMIT_ARGS to choose otherwise).
export SPARK_LOCAL_IP=127.0.0.1
export PYSPARK_SUBMIT_ARGS="${PYSPARK_SUBMIT_ARGS:---driver-java-options -XX:TieredStopAtLevel=1 --conf spark.sql.adaptive.enabled=false pyspark-shell}"
cores=$(nproc 2>/dev/null || echo 2)
start=$(date +%s)
run "$work/sign/manifest.json" "$bin" -q sign "${inputs[@]}" "${flags[@]}" --out "$work/sign"
if ! "$venv/bin/python" "$root/contrib/spark/crosscheck_lsh.py" "$work/sign" "$work/spark" \
    --shuffle-partitions "$cores" 2>"$work/spark.log"; then
    tail -n 40 "$work/spark.log" >&2
    echo "error: the Spark job failed (the end of its log is above)" >&2
    exit 1
fi
grep '^crosscheck_lsh:' "$work/spark.log" >&2 || true
run "$work/local.json" "$bin" -q dedup "${inputs[@]}" "${flags[@]}" --format json -o "$work/local.json"
run "$work/from-spark.json" "$bin" -q dedup --clusters "$work/spark" "${inputs[@]}" "${flags[@]}" \
    --format json -o "$work/from-spark.json"
status=0
"$venv/bin/python" "$root/contrib/spark/compare_clusters.py" "$work/spark" "$work/local.json" \
    "$work/from-spark.json" || status=$?
echo "spark-parity: $(($(date +%s) - start)) s" >&2
exit "$status"
