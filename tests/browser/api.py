"""The API's answers to good and bad requests: the status, the Content-Type,
and for errors a JSON object with an "error" message.

Usage: api.py BASE_URL
"""
import json
import sys
import urllib.error
import urllib.request

base = sys.argv[1]
# (method, path, expected status, expected Content-Type prefix)
cases = [
    ("GET", "/api/frameworks", 200, "application/json"),
    ("GET", "/api/controls?fw=jp-cip", 200, "application/json"),
    ("GET", "/api/controls?fw=jp-cip&format=csv", 200, "text/csv"),
    ("GET", "/api/compare?a=nist-ssdf-1.1&b=jp-cip", 200, "application/json"),
    ("GET", "/api/search?q=%E8%84%86%E5%BC%B1%E6%80%A7", 200, "application/json"),
    ("GET", "/", 200, "text/html"),
    ("GET", "/api/controls?fw=no-such-framework", 404, "application/json"),
    ("GET", "/api/matrix?target=jp-cip&against=no-such-framework", 404, "application/json"),
    ("GET", "/api/explain?target=jp-cip&id=no-such-id&from=eu-cra", 404, "application/json"),
    ("GET", "/api/no-such-endpoint", 404, "application/json"),
    ("GET", "/no-such-page", 404, "application/json"),
    ("GET", "/api/coverage?target=jp-cip", 400, "application/json"),
    ("GET", "/api/matrix?target=jp-cip&jurisdiction=ZZZ", 400, "application/json"),
    ("POST", "/api/frameworks", 405, "application/json"),
]

failed = 0
for method, path, status, ctype in cases:
    req = urllib.request.Request(base + path, method=method,
                                 data=b"" if method == "POST" else None)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            got, got_type, body = r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        got, got_type, body = e.code, e.headers.get("Content-Type", ""), e.read()
    ok = got == status and got_type.startswith(ctype) and len(body) > 0
    if ok and status >= 400:
        ok = isinstance(json.loads(body).get("error"), str)
    print(f"{'ok' if ok else 'not ok'} - {method} {path}: {got} {got_type}"
          + ("" if ok else f" (expected {status} {ctype})"))
    failed += not ok
print(f"api: {len(cases) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
