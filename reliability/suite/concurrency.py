"""Part 4: many concurrent writers, and concurrent edits of one record with If-Match."""

import collections
import concurrent.futures
import subprocess
import threading
import time
import uuid

from .service import SuiteError

KEY = "concurrency"
TITLE = "Concurrency"
CLAIM = ("Many concurrent writers never get a 5xx (on SQLite no 'database is locked' as a 500, "
         "no 503): every created city is readable, counted in the list total and audited once; "
         "concurrent edits of one record with If-Match lose no update.")

# Part 1: writers creating cities and updating others, all started at once.
WRITERS = 32
CREATES_PER_WRITER = 15
UPDATES_PER_WRITER = 5
UPDATED_CITIES = 8
# Part 2: editors incrementing one city's population with If-Match, retrying on 412.
EDITORS = 16
INCREMENTS = 10
START_POPULATION = 1000
# An editor gives up on one increment after this many 412s in a row (a livelock, reported).
MAX_RETRIES = 500
DEADLINE = 180.0
MERGE_PATCH = "application/merge-patch+json"


def _summary(counter):
    """`201 x 480, 412 x 3` from a Counter of (status, code) pairs."""
    parts = []
    for (status, code), n in sorted(counter.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        parts.append(f"{status}{' ' + code if code else ''} x {n}")
    return ", ".join(parts) or "none"


def _bad(counter):
    """The (status, code) pairs that are server errors or transport failures (status 0)."""
    return collections.Counter({k: n for k, n in counter.items() if k[0] == 0 or k[0] >= 500})


def _send(service, method, path, **kwargs):
    """A request that never raises: a transport failure becomes status 0 with the error as code."""
    try:
        reply = service.request(method, path, timeout=60, **kwargs)
        return reply, reply.status, reply.code
    except OSError as e:
        return None, 0, f"{type(e).__name__}: {e}"


def _list_total(service, token):
    reply = service.request("GET", "/api/v1/cities?limit=1", token=token)
    if reply.status != 200:
        raise SuiteError(f"GET /api/v1/cities: {reply.status} {reply.body[:200]!r}")
    return reply.json()["total"]


def _audit_ids(service, admin, action, entity_id=None):
    """Counter of `entity_id`s of the city audit entries with `action`, over every page."""
    ids = collections.Counter()
    cursor = None
    query = f"entity=city&action={action}&limit=200"
    if entity_id is not None:
        query += f"&entity_id={entity_id}"
    while True:
        path = f"/api/v1/audit-log?{query}" + (f"&cursor={cursor}" if cursor else "")
        reply = service.request("GET", path, token=admin)
        if reply.status != 200:
            raise SuiteError(f"GET {path}: {reply.status} {reply.body[:200]!r}")
        page = reply.json()
        ids.update(str(item["entity_id"]) for item in page["items"])
        cursor = page.get("next_cursor")
        if not cursor:
            return ids


class Accounts:
    """Signed-in accounts of a service: one admin made with `learning-city user add`, the others
    through `POST /api/v1/users` by that admin.

    `user add` on PostgreSQL sometimes ends with SIGSEGV after it printed `created ...` (OpenSSL's
    exit handlers race the pool's thread that opens a TLS connection); the account exists then,
    so that crash is counted here and reported, not taken for a failure to make the account."""

    def __init__(self, service):
        self.service = service
        self.crashes = []
        for _ in range(5):
            email = f"admin-{uuid.uuid4().hex[:8]}@example.org"
            password = f"reliability {uuid.uuid4().hex}"
            done = subprocess.run(
                [service.binary, "user", "add", "--email", email, "--role", "admin"],
                input=password + "\n", capture_output=True, text=True,
                env={**service.env, "LOG_LEVEL": "error"}, check=False)
            if done.returncode != 0:
                self.crashes.append(done.returncode)
            if f"created {email}" in done.stdout:
                self.admin = service.login(email, password)
                return
        raise SuiteError(f"user add admin: exit {done.returncode}: {done.stderr.strip()}")

    def token(self, role):
        email = f"{role}-{uuid.uuid4().hex[:8]}@example.org"
        password = f"reliability {uuid.uuid4().hex}"
        made = self.service.request("POST", "/api/v1/users", token=self.admin,
                                    body={"email": email, "display_name": f"Concurrency {role}",
                                          "role": role, "password": password})
        if made.status != 201:
            raise SuiteError(f"POST /api/v1/users {role}: {made.status} {made.body[:200]!r}")
        return self.service.login(email, password)


def _log_lines(service, *needles):
    """Lines of the service log that contain any of `needles` (case-insensitive)."""
    try:
        with open(service.log_path, encoding="utf-8", errors="replace") as f:
            return [line.rstrip() for line in f if any(n in line.lower() for n in needles)]
    except OSError:
        return []


def _writers(ctx, part, backend):
    service = ctx.started(backend, env={"LOG_LEVEL": "warn"})
    accounts = Accounts(service)
    admin = accounts.admin
    tokens = [accounts.token("secretariat"), accounts.token("admin")]
    before = _list_total(service, admin)
    seeded = service.request("GET", "/api/v1/cities?limit=200", token=admin).json()["items"]
    # Few cities, so that updates of the same city race each other.
    targets = [c["slug"] for c in seeded][:UPDATED_CITIES]
    if not targets:
        raise SuiteError("the fresh database has no city to update")

    lock = threading.Lock()
    creates = collections.Counter()
    updates = collections.Counter()
    created = []  # (id, slug) of every 201
    updated_ok = collections.Counter()  # slug -> 200s
    examples = {}  # (kind, status, code) -> first request and answer
    barrier = threading.Barrier(WRITERS)

    def writer(w):
        token = tokens[w % len(tokens)]
        barrier.wait()
        for j in range(CREATES_PER_WRITER + UPDATES_PER_WRITER):
            # Interleave: an update after every third create.
            if j % 4 == 3:
                slug = targets[(w * 7 + j) % len(targets)]
                body = {"description": {"en": f"Edited by writer {w}, write {j}."}}
                reply, status, code = _send(service, "PATCH", f"/api/v1/cities/{slug}", body=body,
                                            token=token, headers={"Content-Type": MERGE_PATCH})
                with lock:
                    updates[(status, code)] += 1
                    if status == 200:
                        updated_ok[slug] += 1
                    examples.setdefault(("update", status, code),
                                        (f"PATCH /api/v1/cities/{slug} {body}",
                                         reply.body[:300] if reply else code))
            else:
                body = {"name": {"en": f"Concurrency {backend} {w}-{j}"}, "country": "TH"}
                reply, status, code = _send(service, "POST", "/api/v1/cities", body=body, token=token)
                with lock:
                    creates[(status, code)] += 1
                    if status == 201:
                        city = reply.json()
                        created.append((str(city["id"]), city["slug"]))
                    examples.setdefault(("create", status, code),
                                        (f"POST /api/v1/cities {body}",
                                         reply.body[:300] if reply else code))

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(WRITERS) as pool:
        for f in [pool.submit(writer, w) for w in range(WRITERS)]:
            f.result()
    took = time.monotonic() - started
    n_creates, n_updates = sum(creates.values()), sum(updates.values())
    part.attempt(f"{backend}: {WRITERS} writers started together, {n_creates + n_updates} writes "
                 f"({n_creates} creates, {n_updates} updates without If-Match of "
                 f"{len(targets)} seeded cities) in {took:.1f} s "
                 f"({(n_creates + n_updates) / took:.0f} writes/s)")
    part.attempt(f"{backend}: creates answered {_summary(creates)}; updates answered {_summary(updates)}")

    bad = _bad(creates) + _bad(updates)
    locked = _log_lines(service, "database is locked", "database_locked", "sqlite_busy")
    detail = _summary(bad) if bad else "no 5xx and no transport failure"
    if bad:
        first = [examples.get((kind, s, c)) for kind in ("create", "update") for (s, c) in bad]
        first = [e for e in first if e]
        if first:
            detail += f"; first: {first[0][0]} -> {first[0][1]!r}"
    if locked:
        detail += f"; {len(locked)} log lines name a locked database, first: {locked[0][:300]}"
    part.check(f"{backend}: no write of {n_creates + n_updates} got a 5xx (no 500, no 503 "
               "database_unavailable, no 'database is locked')", not bad and not locked, detail)

    ok_creates = creates[(201, None)]
    part.check(f"{backend}: every create of a unique name answered 201", ok_creates == n_creates,
               f"{ok_creates} of {n_creates}" + ("" if ok_creates == n_creates
                                                 else f" ({_summary(creates)})"))
    odd_updates = {k: n for k, n in updates.items() if k not in ((200, None), (412, "precondition_failed"))}
    part.check(f"{backend}: every update answered 200, or 412 precondition_failed when it raced "
               "another write of the same city", not odd_updates,
               f"{updates[(200, None)]} x 200, {updates[(412, 'precondition_failed')]} x 412"
               + (f"; other: {_summary(collections.Counter(odd_updates))}" if odd_updates else ""))

    # Every 201 is there afterwards: readable, counted, audited once.
    def readable(slug):
        _, status, _ = _send(service, "GET", f"/api/v1/cities/{slug}", token=admin)
        return status
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(readable, [slug for _, slug in created]))
    missing = [slug for (_, slug), s in zip(created, statuses) if s != 200]
    part.check(f"{backend}: every city answered 201 is readable afterwards (GET /api/v1/cities/{{slug}})",
               not missing, f"{len(created) - len(missing)} of {len(created)} answer 200"
               + (f"; not: {', '.join(missing[:5])}" if missing else ""))
    after = _list_total(service, admin)
    part.check(f"{backend}: the list total grew by exactly the number of 201s", after - before == len(created),
               f"{before} -> {after}, +{after - before} for {len(created)} creates")
    audited = _audit_ids(service, admin, "create")
    ids = collections.Counter(i for i, _ in created)
    unaudited = [i for i in ids if audited[i] != 1]
    extra = [i for i in audited if i not in ids]
    part.check(f"{backend}: the audit log has exactly one city create entry per 201",
               not unaudited and not extra and sum(audited.values()) == len(created),
               f"{sum(audited.values())} create entries for {len(created)} creates"
               + (f"; ids without exactly one: {unaudited[:5]}" if unaudited else "")
               + (f"; entries for ids never answered 201: {extra[:5]}" if extra else ""))
    audited_updates = _audit_ids(service, admin, "update")
    by_id = {c["slug"]: str(c["id"]) for c in seeded}
    wrong = [s for s in updated_ok if audited_updates[by_id[s]] != updated_ok[s]]
    part.check(f"{backend}: the audit log has one city update entry per update answered 200",
               sum(audited_updates.values()) == sum(updated_ok.values()) and not wrong,
               f"{sum(audited_updates.values())} update entries for {sum(updated_ok.values())} "
               "updates answered 200" + (f"; differ for {wrong[:5]}" if wrong else ""))
    return service, accounts


def _editors(ctx, part, backend, service, accounts):
    token = accounts.token("secretariat")
    admin = accounts.admin
    made = service.request("POST", "/api/v1/cities", token=token,
                           body={"name": {"en": f"Contended {backend}"}, "country": "TH",
                                 "population": START_POPULATION})
    if made.status != 201:
        raise SuiteError(f"create the contended city: {made.status} {made.body[:200]!r}")
    slug, city_id = made.json()["slug"], str(made.json()["id"])
    path = f"/api/v1/cities/{slug}"

    lock = threading.Lock()
    answers = collections.Counter()  # (method, status, code)
    acknowledged = []  # the population each 200 PATCH answered with
    gave_up = []
    examples = {}
    barrier = threading.Barrier(EDITORS)
    deadline = time.monotonic() + DEADLINE

    def editor(e):
        barrier.wait()
        for _ in range(INCREMENTS):
            for _ in range(MAX_RETRIES):
                if time.monotonic() > deadline:
                    with lock:
                        gave_up.append(f"editor {e}: deadline")
                    return
                reply, status, code = _send(service, "GET", path, token=token)
                with lock:
                    answers[("GET", status, code)] += 1
                if status != 200 or "etag" not in reply.headers:
                    with lock:
                        examples.setdefault(("GET", status, code), reply.body[:300] if reply else code)
                    continue
                etag, population = reply.headers["etag"], reply.json()["population"]
                reply, status, code = _send(
                    service, "PATCH", path, body={"population": population + 1}, token=token,
                    headers={"Content-Type": MERGE_PATCH, "If-Match": etag})
                with lock:
                    answers[("PATCH", status, code)] += 1
                    if status == 200:
                        acknowledged.append(reply.json()["population"])
                    else:
                        examples.setdefault(("PATCH", status, code), reply.body[:300] if reply else code)
                if status == 200:
                    break
            else:
                with lock:
                    gave_up.append(f"editor {e}: {MAX_RETRIES} tries")
                return

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(EDITORS) as pool:
        for f in [pool.submit(editor, e) for e in range(EDITORS)]:
            f.result()
    took = time.monotonic() - started
    wanted = EDITORS * INCREMENTS
    patches = sum(n for (m, _, _), n in answers.items() if m == "PATCH")
    conflicts = answers[("PATCH", 412, "precondition_failed")]
    part.attempt(f"{backend}: {EDITORS} editors each incrementing the population of one city "
                 f"{INCREMENTS} times by GET, then PATCH with If-Match, retrying on 412: "
                 f"{patches} PATCHes ({conflicts} x 412) and "
                 f"{sum(n for (m, _, _), n in answers.items() if m == 'GET')} GETs in {took:.1f} s")

    final = service.request("GET", path, token=admin).json()["population"]
    part.check(f"{backend}: no update lost: the population ends at start + editors x increments",
               final == START_POPULATION + wanted and not gave_up,
               f"{START_POPULATION} + {len(acknowledged)} acknowledged -> {final}, wanted "
               f"{START_POPULATION + wanted}" + (f"; gave up: {', '.join(gave_up[:3])}" if gave_up else ""))
    expected = list(range(START_POPULATION + 1, START_POPULATION + wanted + 1))
    duplicates = [v for v, n in collections.Counter(acknowledged).items() if n > 1]
    part.check(f"{backend}: the {wanted} PATCHes answered 200 answered each value from "
               f"{START_POPULATION + 1} to {START_POPULATION + wanted} once (no two writes "
               "acknowledged on the same version)", sorted(acknowledged) == expected,
               f"{len(acknowledged)} answers, {len(set(acknowledged))} distinct"
               + (f"; acknowledged twice: {duplicates[:5]}" if duplicates else ""))
    bad = collections.Counter({(f"{m} {s}", c): n for (m, s, c), n in answers.items()
                               if s == 0 or s >= 500})
    odd = {k: n for k, n in answers.items()
           if k not in (("GET", 200, None), ("PATCH", 200, None), ("PATCH", 412, "precondition_failed"))}
    first = [(k, v) for k, v in examples.items() if k[1] == 0 or k[1] >= 500]
    detail = (f"{_summary(bad)}; first: {first[0] if first else ''!r}" if bad
              else "no 5xx and no transport failure")
    if odd and not bad:
        detail += "; other answers: " + ", ".join(f"{m} {s} {c} x {n}" for (m, s, c), n in odd.items())
    part.check(f"{backend}: no request of the editors got a 5xx, and every PATCH answered 200 or "
               "412 precondition_failed", not bad and not odd, detail)
    part.check(f"{backend}: the contention was real: some PATCHes got 412 precondition_failed",
               conflicts > 0, f"{conflicts} x 412 for {len(acknowledged)} increments")
    audited = _audit_ids(service, admin, "update", entity_id=city_id)
    part.check(f"{backend}: the audit log has one update entry per increment",
               audited[city_id] == len(acknowledged),
               f"{audited[city_id]} entries for {len(acknowledged)} increments")


def run(ctx, part):
    for backend in ctx.backends:
        service, accounts = _writers(ctx, part, backend)
        _editors(ctx, part, backend, service, accounts)
        if accounts.crashes:
            part.attempt(f"{backend}: note, not part of the claim: `learning-city user add` ended "
                         f"with exit status {', '.join(map(str, accounts.crashes))} after it had "
                         "created the account (a crash at exit; the account was used)")
        locked = _log_lines(service, "database is locked", "sqlite_busy")
        errors = _log_lines(service, '"level":"error"')
        part.check(f"{backend}: the service log has no error and no locked database",
                   not locked and not errors,
                   f"{len(errors)} error lines, {len(locked)} locked lines"
                   + (f"; first: {(errors or locked)[0][:300]}" if errors or locked else ""))
        service.stop()
