"""A bounded load on `xwalk serve` from a second process, on loopback only:
CONCURRENCY clients send REQUESTS requests in all, spread over the API, and
every answer must be a 200 with a body.  Prints the throughput.

Usage: load.py BASE_URL CONCURRENCY REQUESTS
"""
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

base, concurrency, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
if not base.startswith("http://127.0.0.1:"):
    sys.exit("load.py only loads a server on 127.0.0.1")
paths = [
    "/api/frameworks",
    "/api/matrix?target=jp-cip-topics&jurisdiction=US,EU,SG,IN,MY",
    "/api/coverage?target=jp-cip&from=nist-ssdf-1.1,eu-cra",
    "/api/explain?target=jp-cip-topics&id=sbom&from=eu-cra",
    "/api/search?q=SBOM",
    "/",
]


def one(i):
    url = base + paths[i % len(paths)]
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status == 200 and len(r.read()) > 0
    except Exception:
        return False


start = time.monotonic()
with ThreadPoolExecutor(max_workers=concurrency) as pool:
    results = list(pool.map(one, range(total)))
elapsed = time.monotonic() - start
bad = results.count(False)
print(f"load: {total} requests from {concurrency} concurrent clients in "
      f"{elapsed:.2f} s: {total / elapsed:.0f} requests/s, {bad} failed")
print(f"load: {total - bad} passed, {bad} failed")
sys.exit(1 if bad else 0)
