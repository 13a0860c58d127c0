#!/usr/bin/env bash
# Runs the command-line test cases in the given .test files.
#
# A case (see README in this directory):
#   === name                  starts a case
#   file: NAME                the following lines, up to the next keyword,
#                             are written to NAME in the case's directory
#   setup: COMMAND            run before the case; must exit 0
#   run: COMMAND              the command under test (bash, in the case dir)
#   db-unchanged              the database dump must be the same after run
#   requires: PATH            skip the case (saying why) when PATH is absent
#   exit: N                   expected exit status (default 0)
#   stdout:                   expected standard output, up to the next keyword
#   stderr:                   expected standard error, up to the next keyword
# Each case gets a fresh directory and database ($XWALK_DB); `xwalk` on PATH
# is the binary under test ($XWALK_BIN); $DATA is tests/data and $BUNDLE the
# bundled mappings/ directory, $REFERENCE the shared real data
# ($XWALK_REFERENCE, else ../shared/reference beside the repository).
# Trailing blank lines are not compared.
set -u

: "${XWALK_BIN:?set XWALK_BIN to the xwalk binary}"
here=$(cd "$(dirname "$0")" && pwd)
export DATA=$(cd "$here/../data" && pwd)
export BUNDLE=$(cd "${XWALK_DATA:-$here/../../mappings}" && pwd)
export REFERENCE=${XWALK_REFERENCE:-$(cd "$here/../.." && pwd)/../shared/reference}
work=$(mktemp -d "${TMPDIR:-/tmp}/xwalk-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$XWALK_BIN" "$work/bin/xwalk"
export PATH="$work/bin:$PATH"

passed=0 failed=0 skipped=0 total=0

dump() { sqlite3 "$1" .dump 2>&1; }

strip_trailing_blank() { sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'; }

# Paths that differ between machines are written in expected output as
# DATAPATH (tests/data), BUNDLE (the mappings directory) and XWALK_DB.
normalize() {
    local text
    text=$(cat "$1")
    text=${text//"$XWALK_DB"/XWALK_DB}
    text=${text//"$DATA"/DATAPATH}
    text=${text//"$BUNDLE"/BUNDLE}
    printf '%s\n' "$text"
}

run_case() {
    local name=$1 dir=$2
    total=$((total + 1))
    export XWALK_DB="$dir/xwalk.db"
    local ok=1 why=""
    if [ -n "$c_requires" ]; then
        local need
        need=$(eval "printf '%s' \"$c_requires\"")
        if [ ! -e "$need" ]; then
            skipped=$((skipped + 1))
            echo "ok $total - $name # SKIP $need is absent (set XWALK_REFERENCE)"
            return
        fi
    fi
    while IFS= read -r cmd; do
        if ! (cd "$dir" && bash -c "$cmd") >"$dir/.setup.out" 2>&1; then
            ok=0 why="setup failed: $cmd
$(cat "$dir/.setup.out")"
            break
        fi
    done <"$dir/.setup"
    if [ $ok = 1 ]; then
        [ -n "$c_unchanged" ] && dump "$XWALK_DB" >"$dir/.before"
        (cd "$dir" && bash -c "$c_run") >"$dir/.stdout" 2>"$dir/.stderr"
        local status=$?
        if [ "$status" != "$c_exit" ]; then
            ok=0 why="exit status $status, expected $c_exit"
        fi
        for stream in stdout stderr; do
            [ -f "$dir/.expect_$stream" ] || continue
            if ! diff -u <(strip_trailing_blank <"$dir/.expect_$stream") \
                         <(normalize "$dir/.$stream" | strip_trailing_blank) >"$dir/.diff"; then
                ok=0 why="$why${why:+
}$stream differs:
$(cat "$dir/.diff")"
            fi
        done
        if [ -n "$c_unchanged" ]; then
            dump "$XWALK_DB" >"$dir/.after"
            if ! diff -u "$dir/.before" "$dir/.after" >"$dir/.diff"; then
                ok=0 why="$why${why:+
}database changed:
$(head -40 "$dir/.diff")"
            fi
        fi
        if [ $ok = 0 ]; then
            why="$why
--- stdout was:
$(head -40 "$dir/.stdout")
--- stderr was:
$(head -40 "$dir/.stderr")"
        fi
    fi
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
        echo "ok $total - $name"
    else
        failed=$((failed + 1))
        echo "not ok $total - $name"
        printf '%s\n' "$why" | sed 's/^/#   /'
    fi
}

for test_file in "$@"; do
    c_name="" dir="" target=""
    finish() {
        if [ -n "$c_name" ]; then
            run_case "$(basename "$test_file" .test): $c_name" "$dir"
        fi
    }
    lineno=0
    while IFS= read -r line || [ -n "$line" ]; do
        lineno=$((lineno + 1))
        case "$line" in
        "=== "*)
            finish
            c_name=${line#=== } c_run="" c_exit=0 c_unchanged="" c_requires="" target=""
            dir="$work/case$((total + 1))"
            mkdir -p "$dir"
            : >"$dir/.setup"
            ;;
        "file: "*) target="$dir/${line#file: }"; : >"$target" ;;
        "setup: "*) printf '%s\n' "${line#setup: }" >>"$dir/.setup"; target="" ;;
        "run: "*) c_run=${line#run: }; target="" ;;
        "exit: "*) c_exit=${line#exit: }; target="" ;;
        "db-unchanged") c_unchanged=1; target="" ;;
        "requires: "*) c_requires=${line#requires: }; target="" ;;
        "stdout:") target="$dir/.expect_stdout"; : >"$target" ;;
        "stderr:") target="$dir/.expect_stderr"; : >"$target" ;;
        *)
            if [ -n "$target" ]; then
                printf '%s\n' "$line" >>"$target"
            elif [ -n "$line" ] && [ "${line#\#}" = "$line" ]; then
                echo "$test_file:$lineno: line outside any section: $line" >&2
                exit 2
            fi
            ;;
        esac
    done <"$test_file"
    finish
done

echo "cli: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
