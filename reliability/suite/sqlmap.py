"""Part 5, continued: sqlmap against every query and path parameter of every GET operation."""

import csv
import os
import shutil
import subprocess
import urllib.parse

from .service import SuiteError

KEY = "sqlmap"
TITLE = "Hostile input: SQL injection (sqlmap)"
CLAIM = ("sqlmap, run against every query parameter (filters, search, sort, paging) and every "
         "path parameter of every GET operation of `openapi.yaml`, anonymous and signed in as an "
         "admin, finds no injection on either backend.")

# Values that make a request valid, so that sqlmap starts from a real answer.
KNOWN = {"country": "TH", "province": "TH-56", "city": "phayao", "network": "unesco-gnlc",
         "q": "phayao", "limit": "5", "year": "2024", "member_since": "2015", "since": "1",
         "until": "2030-01-01"}
SKIPPED_PATHS = {"/metrics"}


def _enum(document, schema):
    ref = schema.get("$ref")
    if ref:
        schema = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
    return schema.get("enum")


def _targets(service, document, token):
    """(url with `*` after each path parameter's value, needs a token) for every GET."""
    targets = []
    for path, operations in document["paths"].items():
        get = operations.get("get")
        if not get or path in SKIPPED_PATHS:
            continue
        signed_in = bool(get.get("security"))
        concrete = path
        for segment in [s for s in path.split("/") if s.startswith("{")]:
            prefix = path.split(segment)[0].rstrip("/")
            listing = service.request("GET", f"{prefix}?limit=1", token=token).json() or {}
            items = listing.get("items") or []
            name = segment.strip("{}")
            value = str(items[0].get(name, items[0].get("id"))) if items else "1"
            concrete = concrete.replace(segment, value + "*", 1)
        query = {}
        for parameter in get.get("parameters", []):
            if parameter["in"] != "query":
                continue
            name, schema = parameter["name"], parameter.get("schema", {})
            enum = _enum(document, schema)
            if name in ("format", "bom", "cursor"):
                continue
            if name in KNOWN:
                query[name] = KNOWN[name]
            elif enum:
                query[name] = enum[0]
            elif schema.get("type") == "boolean":
                query[name] = "false"
            elif schema.get("type") == "integer":
                query[name] = "1"
            else:
                query[name] = "a"
        url = service.url + concrete + ("?" + urllib.parse.urlencode(query) if query else "")
        targets.append((url, signed_in))
    return targets


def _sqlmap(targets, out, headers=None):
    """One sqlmap run over `targets` (multiple-target mode); returns the findings CSV rows."""
    listing = os.path.join(out, "targets.txt")
    with open(listing, "w") as f:
        f.write("\n".join(targets) + "\n")
    cmd = ["sqlmap", "-m", listing, "--batch", "--level=1", "--risk=1", "--flush-session",
           "--disable-coloring", "--output-dir", out, "--results-file",
           os.path.join(out, "results.csv"), "--threads=2"]
    if headers:
        cmd += ["--headers", headers]
    done = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False)
    with open(os.path.join(out, "sqlmap.log"), "w") as f:
        f.write(done.stdout + done.stderr)
    results = os.path.join(out, "results.csv")
    rows = []
    if os.path.exists(results):
        with open(results, newline="") as f:
            rows = [r for r in csv.DictReader(f) if any((v or "").strip() for v in r.values())]
    families = done.stdout.count("testing '")
    cleared = done.stdout.count("does not seem to be injectable")
    return rows, families, cleared


def run(ctx, part):
    if shutil.which("sqlmap") is None:
        raise SuiteError("sqlmap is not installed (Debian package sqlmap; .ci/run installs it)")
    for backend in ctx.backends:
        db = ctx.database(backend)
        seeded = ctx.command("seed", "--demo", env={"DATABASE_URL": db.url})
        if seeded.returncode != 0:
            raise SuiteError(f"seed --demo: {seeded.stderr}")
        service = ctx.service(db, name=f"sqlmap-{backend}").start()
        admin = service.token("admin")
        # The service's own copy of the contract (the same document as openapi.yaml).
        document = service.request("GET", "/api/openapi.json").json()
        before = service.request("GET", "/api/v1/audit-log?limit=1", token=admin).json()["total"]
        targets = _targets(service, document, admin)
        anonymous = [url for url, signed in targets if not signed]
        staff = [url for url, signed in targets if signed]
        findings, families, cleared = [], 0, 0
        for label, urls, headers in (("anonymous", anonymous, None),
                                     ("admin", staff, f"Authorization: Bearer {admin}")):
            out = os.path.join(ctx.workdir, f"sqlmap-{backend}-{label}")
            os.makedirs(out, exist_ok=True)
            rows, tried, ok = _sqlmap(urls, out, headers)
            findings += rows
            families += tried
            cleared += ok
        parameters = sum(url.count("*") + url.count("=") for url, _ in targets)
        part.attempt(f"{backend}: sqlmap 1.7 (level 1, risk 1, every technique) on {len(targets)} GET "
                     f"operations ({len(anonymous)} anonymous, {len(staff)} as admin), "
                     f"{parameters} parameters, {families:,} payload families tried, {cleared} "
                     "verdicts of sqlmap's that a parameter does not seem injectable")
        part.check(f"{backend}: sqlmap finds no injectable parameter", not findings,
                   "; ".join(f"{r.get('Target URL')} {r.get('Parameter')}" for r in findings))
        after = service.request("GET", "/api/v1/audit-log?limit=1", token=admin).json()["total"]
        part.check(f"{backend}: nothing was written", before == after, f"audit log {before} -> {after}")
