#!/usr/bin/env bash
# The web view in a real browser, and under load.  Starts `xwalk serve` on
# the bundled data on a free loopback port, runs the browser test (headless
# Chromium through playwright-core), checks the API's statuses and
# Content-Types, then a bounded load of 200 concurrent
# requests from a second process, and stops the server.
set -u
: "${XWALK_BIN:?}"
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-$here/../../build/browser}
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/xwalk-browser.XXXXXX")
db="$work/x.db"
"$XWALK_BIN" --db "$db" init 2>/dev/null || { echo "browser: init failed"; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$XWALK_BIN" --db "$db" serve --port "$port" 2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/api/frameworks')" 2>/dev/null && break
    sleep 0.1
done
status=0
(cd "$here" && node matrix.test.mjs "http://127.0.0.1:$port/" "$out/matrix.png") || status=1
echo "browser: screenshot in $out/matrix.png"
python3 "$here/api.py" "http://127.0.0.1:$port" || status=1
python3 "$here/load.py" "http://127.0.0.1:$port" 200 4000 || status=1
exit $status
