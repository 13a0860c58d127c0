#!/usr/bin/env bash
# Crash consistency: an import killed with SIGKILL at random moments leaves
# a database that passes PRAGMA integrity_check and holds either none or all
# of the file.  Two files of different content replace each other, so that
# every import really writes.  Bounded: KILLS rounds (default 8).
set -u
: "${XWALK_BIN:?}" "${GENERATE:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/xwalk-crash.XXXXXX")
trap 'rm -rf "$work"' EXIT
kills=${KILLS:-8}
db="$work/x.db"

"$GENERATE" --out "$work/a" --seed 1 --frameworks 2 --controls 5000 --rows 300000 --topology star
"$GENERATE" --out "$work/b" --seed 2 --frameworks 2 --controls 5000 --rows 200000 --topology star
head -1 "$work/a/crosswalks.csv" > "$work/none.csv"
mkdir -p "$work/cat" && cp -r "$work/a/catalogs" "$work/a/frameworks.csv" "$work/cat/" &&
    cp "$work/none.csv" "$work/cat/crosswalks.csv"
XWALK_DATA="$work/cat" "$XWALK_BIN" --db "$db" init 2>/dev/null || { echo "crash: setup failed"; exit 1; }

# How long a whole import takes, so that kills fall anywhere from the start
# to just after the commit.
cp "$db" "$work/timing.db"
t0=$(date +%s%N)
"$XWALK_BIN" --db "$work/timing.db" import crosswalk "$work/a/crosswalks/f01-f00.csv" \
    --source f01 --target f00 --id crash-set 2>/dev/null
full_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
rm -f "$work/timing.db"*
rows_a=$(( $(wc -l < "$work/a/crosswalks/f01-f00.csv") - 1 ))
rows_b=$(( $(wc -l < "$work/b/crosswalks/f01-f00.csv") - 1 ))
passed=0 failed=0
for i in $(seq "$kills"); do
    file="$work/a/crosswalks/f01-f00.csv"
    [ $((i % 2)) = 0 ] && file="$work/b/crosswalks/f01-f00.csv"
    "$XWALK_BIN" --db "$db" import crosswalk "$file" --source f01 --target f00 \
        --id crash-set --replace 2>/dev/null &
    pid=$!
    # Anywhere from just started to a little after a whole import's time.
    delay=$(( RANDOM * full_ms * 12 / 10 / 32768 ))
    sleep "$(( delay / 1000 )).$(printf '%03d' $(( delay % 1000 )))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    check=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1)
    n=$(sqlite3 "$db" "SELECT count(*) FROM mapping m JOIN mapping_set s ON s.sid = m.sid WHERE s.id = 'crash-set'" 2>&1)
    sha=$(sqlite3 "$db" "SELECT source_sha256 FROM mapping_set WHERE id = 'crash-set'" 2>&1)
    want=""
    [ "$n" = "$rows_a" ] && want=$(sha256sum "$work/a/crosswalks/f01-f00.csv" | cut -d' ' -f1)
    [ "$n" = "$rows_b" ] && want=$(sha256sum "$work/b/crosswalks/f01-f00.csv" | cut -d' ' -f1)
    if [ "$check" = ok ] && { [ "$n" = 0 ] || [ "$sha" = "$want" ]; }; then
        passed=$((passed + 1))
        echo "ok $i - killed import of $(basename "$(dirname "$(dirname "$file")")"): integrity ok, set holds $n rows"
    else
        failed=$((failed + 1))
        echo "not ok $i - integrity: $check; rows: $n (expected 0, $rows_a or $rows_b); sha: $sha"
    fi
done
# The database still takes a whole import afterwards.
if "$XWALK_BIN" --db "$db" import crosswalk "$work/a/crosswalks/f01-f00.csv" --source f01 \
    --target f00 --id crash-set --replace 2>/dev/null &&
    [ "$(sqlite3 "$db" "SELECT count(*) FROM mapping")" = "$rows_a" ]; then
    passed=$((passed + 1)); echo "ok - a full import after the kills"
else
    failed=$((failed + 1)); echo "not ok - a full import after the kills"
fi
echo "crash: $passed passed, $failed failed"
[ "$failed" = 0 ]
