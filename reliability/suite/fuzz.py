"""Part 1: schema-driven fuzzing of every operation in openapi.yaml with schemathesis.

schemathesis runs from its own virtual environment (scripts/reliability-deps installs it) as a
subprocess against a live service; its NDJSON event stream is read back to count operations,
test cases, responses and failures by check.
"""

import collections
import concurrent.futures
import json
import os
import subprocess

from .service import SuiteError

KEY = "fuzz"
TITLE = "Schema-driven fuzzing"
CLAIM = ("schemathesis generates requests for every operation of `openapi.yaml` from its schemas "
         "(examples, boundary and invalid values, random data and stateful sequences) and sends "
         "them to the live service on SQLite and on PostgreSQL, anonymous and with a token of each "
         "role: no answer is a 5xx, every status code is documented for its operation, and every "
         "answer has a documented content type, documented headers and a body that matches its "
         "documented schema; requests that break the schema, lack a required header or use an "
         "undocumented method are refused (405 with a correct `Allow`), operations that need "
         "credentials refuse requests without them, and deleted resources are gone while "
         "created ones can be read.")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = os.path.join(ROOT, "openapi.yaml")
VENV = os.environ.get("RELIABILITY_VENV",
                      os.path.expanduser("~/.cache/learning-city-reliability/venv"))

# (label, role or None for anonymous, city of a city_editor)
IDENTITIES = [
    ("anonymous", None, None),
    ("admin", "admin", None),
    ("secretariat", "secretariat", None),
    ("evaluator", "evaluator", None),
    ("city_editor", "city_editor", "phayao"),
    ("analyst", "analyst", None),
]
CHECKS = ["not_a_server_error", "status_code_conformance", "content_type_conformance",
          "response_headers_conformance", "response_schema_conformance",
          "negative_data_rejection", "missing_required_header", "ignored_auth",
          "unsupported_method", "allow_header_conformance", "use_after_free",
          "ensure_resource_availability"]
# Test cases per operation and phase, and the seed: fixed so that CI runs are repeatable.
MAX_EXAMPLES = 10
SEED = 20240601
# Runs at once (each with a service and a database of its own).
PARALLEL = 2
RUN_TIMEOUT = 600
# Our own configuration: no automatic sign-up (schemathesis would otherwise register an account
# through POST /api/v1/users for the anonymous run, which an anonymous caller may not do).
# negative_data_rejection also counts 412 as a refusal: a write with a stale `If-Match` is
# answered 412 before its body is read (RFC 9110 evaluates preconditions first), whatever
# the body holds. Its other statuses are schemathesis's defaults.
CONFIG = """\
[auth]
auto-signup = false

[checks.negative_data_rejection]
expected-statuses = [400, 401, 403, 404, 405, 406, 409, 412, 415, 422, 428, 429]
"""


def _schemathesis():
    path = os.path.join(VENV, "bin", "schemathesis")
    if not os.access(path, os.X_OK):
        raise SuiteError(f"schemathesis is not installed in {VENV}; run scripts/reliability-deps "
                         "(or set RELIABILITY_VENV to a virtual environment that has it)")
    return path


class Outcome:
    """What one schemathesis run saw, read from its NDJSON events."""

    def __init__(self, label, backend, returncode, ndjson, output):
        self.label = label
        self.backend = backend
        self.returncode = returncode
        self.output = output
        self.operations = set()
        self.cases = 0
        self.statuses = collections.Counter()
        self.failures = collections.Counter()  # check name -> failing test cases
        self.examples = {}  # (check, operation, title) -> message
        self.errors = []
        self.unauthorized = 0  # 401 answers to requests that carried the token
        self._read(ndjson)

    def _read(self, path):
        if not os.path.exists(path):
            self.errors.append("no NDJSON report was written")
            return
        with open(path, encoding="utf-8") as f:
            for line in f:
                event = json.loads(line)
                (kind, data), = event.items()
                if kind.endswith("Error"):
                    self.errors.append(f"{kind}: {json.dumps(data)[:300]}")
                elif kind == "ScenarioFinished":
                    self._scenario(data)

    def _scenario(self, data):
        recorder = data.get("recorder", {})
        interactions = recorder.get("interactions", {})
        if data.get("phase") != "stateful" and interactions:
            self.operations.add(recorder.get("label"))
        for case_id, interaction in interactions.items():
            self.cases += 1
            response = interaction.get("response") or {}
            status = response.get("status_code")
            self.statuses[status] += 1
            sent = (interaction.get("request") or {}).get("headers") or {}
            if status == 401 and "Authorization" in sent:
                self.unauthorized += 1
        for case_id, checks in recorder.get("checks", {}).items():
            for check in {c["name"] for c in checks if c["status"] == "failure"}:
                self.failures[check] += 1
            for c in checks:
                if c["status"] != "failure":
                    continue
                failure = (c.get("failure_info") or {}).get("failure") or {}
                key = (c["name"], failure.get("operation", recorder.get("label")),
                       failure.get("title", ""))
                self.examples.setdefault(key, (failure.get("message") or "").replace("\n", "; "))
        if data.get("status") == "error":
            self.errors.append(f"{recorder.get('label')}: error in the {data.get('phase')} phase")

    @property
    def server_errors(self):
        return sum(n for status, n in self.statuses.items() if status and status >= 500)


class Broken:
    """A run that could not be made or read: what went wrong, in place of an `Outcome`."""

    def __init__(self, label, backend, error):
        self.label = label
        self.backend = backend
        self.returncode = None
        self.errors = [error]
        self.operations = set()
        self.cases = 0
        self.statuses = collections.Counter()
        self.failures = collections.Counter()
        self.examples = {}
        self.unauthorized = 0
        self.still_signed_in = False
        self.server_errors = 0


def _fuzz_or_broken(ctx, backend, label, role, city, workdir):
    """`_fuzz`, or a `Broken` run saying why it failed and how its service's log ends, so that one
    failed run is reported beside the others."""
    started = []
    try:
        return _fuzz(ctx, backend, label, role, city, workdir, started)
    except Exception as e:  # reported as a failed check, with the others' results
        tail = ""
        if started and os.path.exists(started[0].log_path):
            with open(started[0].log_path, encoding="utf-8", errors="replace") as f:
                tail = " | ".join(line.strip() for line in f.readlines()[-5:])
        return Broken(label, backend, f"{type(e).__name__}: {e}" +
                      (f"; the service's log ends: {tail}" if tail else ""))


def _fuzz(ctx, backend, label, role, city, workdir, started):
    """A service on a fresh database with the demo data; one schemathesis run as `role`. The
    service is appended to `started` once it runs."""
    db = ctx.database(backend)
    seeded = ctx.command("seed", "--demo", env={"DATABASE_URL": db.url})
    if seeded.returncode != 0:
        raise SuiteError(f"seed --demo on {backend}: {seeded.stderr.strip()}")
    service = ctx.service(db, name=f"fuzz-{backend}-{label}")
    started.append(service)
    service.start()
    headers = []
    token = None
    if role:
        token = service.token(role, city=city)
        headers = ["-H", f"Authorization: Bearer {token}"]
    run_dir = os.path.join(workdir, f"{backend}-{label}")
    os.makedirs(run_dir, exist_ok=True)
    config = os.path.join(run_dir, "schemathesis.toml")
    with open(config, "w", encoding="utf-8") as f:
        f.write(CONFIG)
    ndjson = os.path.join(run_dir, "events.ndjson")
    cmd = [_schemathesis(), "--config-file", config, "--no-color", "run", SCHEMA,
           "--url", service.url, *headers,
           "--checks", ",".join(CHECKS),
           "--max-examples", str(MAX_EXAMPLES), "--seed", str(SEED), "--workers", "1",
           "--generation-database", "none", "--request-timeout", "30",
           "--report", "ndjson", "--report-ndjson-path", ndjson,
           "--output-truncate", "true", "--warnings", "off"]
    try:
        done = subprocess.run(cmd, cwd=run_dir, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=RUN_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as e:
        raise SuiteError(f"schemathesis on {backend} as {label} ran past {RUN_TIMEOUT} s") from e
    outcome = Outcome(label, backend, done.returncode, ndjson, done.stdout + done.stderr)
    # The run must not have signed its own account out (it would then only have seen 401s).
    outcome.still_signed_in = (role is None or
                               service.request("GET", "/api/v1/me", token=token).status == 200)
    with open(os.path.join(run_dir, "output.txt"), "w", encoding="utf-8") as f:
        f.write(outcome.output)
    service.stop()
    return outcome


def run(ctx, part):
    _schemathesis()
    version = subprocess.run([os.path.join(VENV, "bin", "python"), "-c",
                              "import importlib.metadata as m; print(m.version('schemathesis'))"],
                             capture_output=True, text=True, check=False).stdout.strip()
    workdir = os.path.join(ctx.workdir, "fuzz")
    os.makedirs(workdir, exist_ok=True)
    jobs = [(backend, label, role, city) for backend in ctx.backends
            for label, role, city in IDENTITIES]
    with concurrent.futures.ThreadPoolExecutor(PARALLEL) as pool:
        outcomes = list(pool.map(lambda job: _fuzz_or_broken(ctx, *job, workdir), jobs))
    for backend in ctx.backends:
        mine = [o for o in outcomes if o.backend == backend]
        operations = set().union(*(o.operations for o in mine))
        part.attempt(
            f"{backend}: schemathesis {version}, checks {', '.join(CHECKS)}; seed {SEED}, at most "
            f"{MAX_EXAMPLES} cases per operation and phase, on a fresh database with the demo "
            f"data for each identity; {len(operations)} operations, "
            + ", ".join(f"{o.label} {o.cases:,} cases" for o in mine))
        for o in mine:
            statuses = ", ".join(f"{s}: {n}" for s, n in sorted(o.statuses.items(),
                                                               key=lambda i: i[0] or 0))
            part.say(f"{backend} {o.label}: {len(o.operations)} operations, {o.cases} cases, "
                     f"statuses {statuses}; exit {o.returncode}")
        total_ops = _operation_count()
        part.check(f"{backend}: every operation of openapi.yaml was exercised for every identity",
                   all(len(o.operations) == total_ops for o in mine),
                   "; ".join(f"{o.label} {len(o.operations)}/{total_ops}" for o in mine))
        broken = [o for o in mine if o.errors or o.returncode not in (0, 1)]
        part.check(f"{backend}: every run completed without a schemathesis error",
                   not broken,
                   "; ".join(f"{o.label}: exit {o.returncode}, {'; '.join(o.errors[:3])}"
                             for o in broken))
        signed_out = [o.label for o in mine if not o.still_signed_in]
        part.check(f"{backend}: each role's token was still valid after its run (the fuzzing did "
                   "not sign itself out and see only 401s)", not signed_out,
                   ", ".join(signed_out) or ", ".join(
                       f"{o.label} {o.unauthorized} authenticated 401s" for o in mine
                       if o.label != "anonymous"))
        for check in CHECKS:
            failed = [o for o in mine if o.failures[check]]
            seen = sorted({(op, title, msg) for o in failed
                           for (name, op, title), msg in o.examples.items() if name == check})
            detail = "; ".join(f"{op}: {title} ({msg[:160]})" for op, title, msg in seen[:8])
            if len(seen) > 8:
                detail += f"; and {len(seen) - 8} more"
            counts = ", ".join(f"{o.label} {o.failures[check]}" for o in failed)
            part.check(f"{backend}: {check}: no failing case",
                       not failed,
                       f"failing cases: {counts}; {detail}" if failed else
                       f"{sum(o.cases for o in mine):,} cases")
        fives = sum(o.server_errors for o in mine)
        part.check(f"{backend}: no 5xx answer at all (also to requests no check looked at)",
                   fives == 0, f"{fives} answers 5xx" if fives else "")


def _operation_count():
    """Operations in openapi.yaml: (path, method) pairs, read without a YAML library."""
    count = 0
    in_paths = False
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    with open(SCHEMA, encoding="utf-8") as f:
        for line in f:
            if line.startswith("paths:"):
                in_paths = True
                continue
            if in_paths and line.strip() and not line.startswith(" "):
                break
            if in_paths and line.startswith("    ") and not line.startswith("     "):
                if line.strip().rstrip(":") in methods:
                    count += 1
    return count

