#!/usr/bin/env bash
# Concurrent readers: while a large import runs, coverage queries and
# listings in other processes never fail (no SQLITE_BUSY: WAL and a busy
# timeout) and never see a half-imported file: the set is absent or whole.
set -u
: "${XWALK_BIN:?}" "${GENERATE:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/xwalk-concurrent.XXXXXX")
trap 'rm -rf "$work"' EXIT
db="$work/x.db"
"$GENERATE" --out "$work/a" --seed 3 --frameworks 2 --controls 5000 --rows 300000 --topology star
mkdir -p "$work/cat" && cp -r "$work/a/catalogs" "$work/a/frameworks.csv" "$work/cat/" &&
    head -1 "$work/a/crosswalks.csv" > "$work/cat/crosswalks.csv"
XWALK_DATA="$work/cat" "$XWALK_BIN" --db "$db" init 2>/dev/null || { echo "concurrent: setup failed"; exit 1; }
rows=$(( $(wc -l < "$work/a/crosswalks/f01-f00.csv") - 1 ))

"$XWALK_BIN" --db "$db" import crosswalk "$work/a/crosswalks/f01-f00.csv" --source f01 \
    --target f00 --id big 2>/dev/null &
pid=$!
passed=0 failed=0 seen_absent=0 seen_whole=0
while :; do
    running=0
    kill -0 "$pid" 2>/dev/null && running=1
    out=$("$XWALK_BIN" --db "$db" sets --format csv 2>&1); st=$?
    n=$(printf '%s\n' "$out" | awk -F, '$1 == "big" { print $7 }')
    cov=$("$XWALK_BIN" --db "$db" coverage --target f00 --from f01 --format csv 2>&1); cst=$?
    if [ $st = 0 ] && [ $cst = 0 ] && { [ -z "$n" ] || [ "$n" = "$rows" ]; }; then
        passed=$((passed + 1))
        [ -z "$n" ] && seen_absent=1
        [ "$n" = "$rows" ] && seen_whole=1
    else
        failed=$((failed + 1))
        echo "not ok - sets exit $st, coverage exit $cst, rows ${n:-absent}: $(printf '%s' "$out$cov" | tail -2)"
    fi
    [ $running = 0 ] && break
done
wait "$pid"; ist=$?
[ $ist = 0 ] || { failed=$((failed + 1)); echo "not ok - the import itself failed ($ist)"; }
echo "ok - $passed reads during and after the import (saw it absent: $seen_absent, whole: $seen_whole)"
echo "concurrent: $passed passed, $failed failed"
[ "$failed" = 0 ]
