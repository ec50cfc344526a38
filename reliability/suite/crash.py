"""Part 8 (issue 9 point 3): SIGKILL in the middle of a burst of concurrent writes."""

import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

from .service import SuiteError

KEY = "crash"
TITLE = "Crash mid-write"
CLAIM = ("The service is killed with SIGKILL during a burst of concurrent writes, on SQLite and on "
         "PostgreSQL, and restarted: every acknowledged write is there, no half-written record "
         "exists (each write and its audit entry are there together or not at all), and the audit "
         "log matches the data.")

WRITERS = 16
# SIGKILL once this many writes have been acknowledged (2xx).
KILL_AFTER = 200
# How long the main thread waits for that many acknowledgements before killing anyway.
BURST_TIMEOUT = 180.0
# Every how many cities a writer makes a new network for its memberships.
NETWORK_EVERY = 4
# Every how many cities a writer archives the city at the end of its writes.
ARCHIVE_EVERY = 3


class Op:
    """One write request: what it wrote and how it ended (`ack`, `refused` or `unknown`)."""

    def __init__(self, kind, entity, key, body):
        self.kind = kind        # create, update, archive
        self.entity = entity    # city, network, membership
        self.key = key          # the city or network slug (a membership: its city's slug)
        self.body = body
        self.outcome = None
        self.status = None
        self.reply = None
        self.error = None
        self.after_kill = False

    def __repr__(self):
        return f"{self.kind} {self.entity} {self.key} -> {self.outcome} {self.status or self.error}"


class Burst:
    """The shared state of the writers and the main thread."""

    def __init__(self, service, token, prefix):
        self.service = service
        self.token = token
        self.prefix = prefix
        self.lock = threading.Condition()
        self.acked = 0
        self.in_flight = 0
        self.killed = False
        self.ops = []           # every Op, in the order they were sent (per writer: in order)

    def send(self, op, method, path):
        with self.lock:
            self.ops.append(op)
            self.in_flight += 1
            killed_before = self.killed
        try:
            reply = self.service.request(method, path, body=op.body, token=self.token,
                                         timeout=60.0)
        except OSError as e:
            with self.lock:
                self.in_flight -= 1
                op.after_kill = self.killed
            op.error = type(e).__name__
            # A refused connection never reached the service; anything else may have.
            op.outcome = "unknown"
            op.not_sent = isinstance(e, ConnectionRefusedError)
            return None
        op.not_sent = False
        op.status = reply.status
        op.reply = reply.json()
        with self.lock:
            self.in_flight -= 1
            if 200 <= reply.status < 300:
                op.outcome = "ack"
                if not killed_before:
                    self.acked += 1
                self.lock.notify_all()
            else:
                op.outcome = "refused"
        return reply

    def writer(self, w):
        """Per city: create it, add it to the writer's current network, patch it twice and
        archive every third; a new network every few cities. A writer's records are its own,
        so the order of its writes to each record is known."""
        nets = []
        net_no = 0
        city_no = 0
        while True:
            with self.lock:
                if self.killed:
                    return
            if city_no % NETWORK_EVERY == 0:
                slug = f"{self.prefix}-w{w}-n{net_no}"
                net_no += 1
                op = Op("create", "network", slug,
                        {"slug": slug, "name": {"en": f"Crash network {w}.{net_no}"},
                         "scope": "national", "description": {"en": f"writer {w}"}})
                reply = self.send(op, "POST", "/api/v1/networks")
                if reply is None and op.after_kill:
                    return
                if op.outcome == "ack":
                    nets.append(slug)
            slug = f"{self.prefix}-w{w}-c{city_no}"
            n = city_no
            city_no += 1
            base = w * 1_000_000 + n * 10
            steps = [
                (Op("create", "city", slug,
                    {"slug": slug, "name": {"en": f"Crash city {w}.{n}"}, "country": "TH",
                     "population": base, "description": {"en": f"created by writer {w}"}}),
                 "POST", "/api/v1/cities"),
            ]
            if nets:
                steps.append((Op("create", "membership", slug,
                                 {"city": slug, "network": nets[-1], "joined_year": 2000 + n % 25,
                                  "note": f"writer {w} city {n}"}),
                              "POST", "/api/v1/memberships"))
            for i in (1, 2):
                steps.append((Op("update", "city", slug,
                                 {"population": base + i,
                                  "description": {"en": f"patch {i} by writer {w}"}}),
                              "PATCH", f"/api/v1/cities/{slug}"))
            if n % ARCHIVE_EVERY == ARCHIVE_EVERY - 1:
                steps.append((Op("archive", "city", slug, None), "DELETE", f"/api/v1/cities/{slug}"))
            for op, method, path in steps:
                self.send(op, method, path)
                if op.outcome != "ack":
                    break
            if any(op.outcome == "unknown" and op.after_kill for op, _, _ in steps):
                return


def _pages(service, token, path):
    """Every item of a paged list."""
    items, cursor = [], None
    sep = "&" if "?" in path else "?"
    while True:
        url = f"{path}{sep}limit=200" + (f"&cursor={quote(cursor)}" if cursor else "")
        reply = service.request("GET", url, token=token)
        if reply.status != 200:
            raise SuiteError(f"GET {url}: {reply.status} {reply.body[:300]!r}")
        data = reply.json()
        items += data["items"]
        cursor = data.get("next_cursor")
        if not cursor:
            return items


# The fields of a record compared between its latest audit entry and the record as read.
CITY_FIELDS = ("id", "slug", "name", "country", "population", "description", "created_at",
               "updated_at", "archived_at")
NETWORK_FIELDS = ("id", "slug", "name", "scope", "description", "created_at", "updated_at")
MEMBERSHIP_FIELDS = ("id", "network", "joined_year")


def _city_state(ops):
    """What a city is after `ops` were applied: None if not created."""
    state = None
    for op in ops:
        if op.kind == "create":
            state = {"population": op.body["population"], "description": op.body["description"]["en"],
                     "archived": False}
        elif op.kind == "update":
            state = {**state, "population": op.body["population"],
                     "description": op.body["description"]["en"]}
        elif op.kind == "archive":
            state = {**state, "archived": True}
    return state


def _seen_city(city):
    if city is None:
        return None
    return {"population": city["population"], "description": (city.get("description") or {}).get("en"),
            "archived": bool(city.get("archived_at"))}


def _split(ops):
    """The acknowledged writes (a prefix: a writer moves on after any other answer) and the
    write after them, if any."""
    acked = []
    for op in ops:
        if op.outcome != "ack":
            return acked, op
        acked.append(op)
    return acked, None


def _fields(record, names):
    return {n: record.get(n) for n in names}


def _sample(items, limit=5):
    items = list(items)
    text = "; ".join(str(i) for i in items[:limit])
    return text + (f"; and {len(items) - limit} more" if len(items) > limit else "")


def _burst(ctx, part, backend):
    db = ctx.database(backend)
    service = ctx.service(db, name=f"crash-{backend}").start()
    token = service.token("admin")
    burst = Burst(service, token, "crash")
    started = time.monotonic()
    pool = ThreadPoolExecutor(max_workers=WRITERS)
    futures = [pool.submit(burst.writer, w) for w in range(WRITERS)]
    with burst.lock:
        burst.lock.wait_for(lambda: burst.acked >= KILL_AFTER
                            or all(f.done() for f in futures), timeout=BURST_TIMEOUT)
        burst.killed = True
        acked_at_kill, in_flight_at_kill = burst.acked, burst.in_flight
        service.signal(signal.SIGKILL)
    burst_took = time.monotonic() - started
    status = service.wait(15)
    pool.shutdown(wait=True)
    for f in futures:
        f.result()  # a writer's own failure is the suite's
    ops = burst.ops
    unknown = [op for op in ops if op.outcome == "unknown"]
    in_flight = [op for op in unknown if op.after_kill and not op.not_sent]
    before_kill = [op for op in unknown if not op.after_kill]
    refused = [op for op in ops if op.outcome == "refused"]
    kinds = {}
    for op in ops:
        if op.outcome == "ack":
            kinds[f"{op.kind} {op.entity}"] = kinds.get(f"{op.kind} {op.entity}", 0) + 1
    part.attempt(
        f"{backend}: SIGKILL after {acked_at_kill} acknowledged writes of {WRITERS} writers "
        f"({burst_took:.1f} s into the burst), {in_flight_at_kill} requests in flight at the signal; "
        f"{sum(kinds.values())} acknowledged in all ("
        + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        + f"), {len(in_flight)} ended without an answer, {len(unknown) - len(in_flight) - len(before_kill)} "
        f"refused connection after the kill, {len(refused)} answered non-2xx, "
        f"{len(before_kill)} failed before the kill")
    part.check(f"{backend}: the service was killed during the burst (exit by SIGKILL, writes in "
               "flight)", status == -signal.SIGKILL and acked_at_kill >= KILL_AFTER,
               f"exit status {status}, {acked_at_kill} acknowledged at the signal, "
               f"{in_flight_at_kill} in flight")
    if before_kill or refused:
        part.say(f"{backend}: not acknowledged before the kill: {_sample(before_kill + refused)}")
    return db, service, token, ops


def _verify(ctx, part, backend, db, token, ops):
    started = time.monotonic()
    restarted = ctx.service(db, name=f"crash-{backend}-again").start()
    restart_took = time.monotonic() - started
    if restarted.request("GET", "/api/v1/audit-log?limit=1", token=token).status != 200:
        part.say(f"{backend}: the token from before the crash was refused after the restart; "
                 "signing in again")
        token = restarted.token("admin")
    prefix = "crash-"
    cities = {c["slug"]: c for c in _pages(restarted, token, "/api/v1/cities")
              + _pages(restarted, token, "/api/v1/cities?archived=true")
              if c["slug"].startswith(prefix)}
    networks = {n["slug"]: n for n in _pages(restarted, token, "/api/v1/networks")
                if n["slug"].startswith(prefix)}
    audit = {}
    for entity in ("city", "network", "membership"):
        entries = _pages(restarted, token, f"/api/v1/audit-log?entity={entity}")
        entries.sort(key=lambda e: e["id"])
        audit[entity] = entries
    # Audit entries per record: cities and networks by slug, memberships by their city's slug.
    by_slug = {"city": {}, "network": {}, "membership": {}}
    for entity, entries in audit.items():
        for e in entries:
            rec = e.get("after") or e.get("before") or {}
            slug = rec.get("city") if entity == "membership" else rec.get("slug")
            if isinstance(slug, str) and slug.startswith(prefix):
                by_slug[entity].setdefault(slug, []).append(e)
    memberships = {}  # city slug -> its memberships as read with the city
    for slug, city in cities.items():
        if city.get("memberships"):
            memberships[slug] = city["memberships"]

    ops_by = {}
    for op in ops:
        ops_by.setdefault((op.entity, op.key), []).append(op)

    missing_create, wrong_patch, not_archived, refused_trace = [], [], [], []
    half, audit_mismatch, orphan = [], [], []
    applied_unknown = absent_unknown = 0

    # Cities.
    for slug in sorted(set(k for e, k in ops_by if e == "city") | set(cities) | set(by_slug["city"])):
        city_ops = ops_by.get(("city", slug), [])
        acked, rest = _split(city_ops)
        city = cities.get(slug)
        seen = _seen_city(city)
        entries = by_slug["city"].get(slug, [])
        if not city_ops:
            orphan.append(f"city {slug} that no writer wrote")
            continue
        # How many writes the data and the audit log each say were applied.
        allowed = [len(acked)] + ([len(acked) + 1] if rest is not None and rest.outcome == "unknown" else [])
        n_data = next((n for n in allowed if _city_state(city_ops[:n]) == seen), None)
        n_audit = len(entries)
        if acked and acked[0].kind == "create" and city is None:
            missing_create.append(f"city {slug} (201 at create) is not there")
        elif acked and acked[0].kind == "create":
            want = acked[0].body
            if city["name"]["en"] != want["name"]["en"] or city["country"] != want["country"]:
                missing_create.append(f"city {slug}: name/country {city['name']}, {city['country']} "
                                      f"instead of {want['name']}, {want['country']}")
        for i, op in enumerate(acked):
            if op.kind == "update":
                later = [_city_state(city_ops[:n]) for n in allowed if n > i]
                if seen is None or (seen["population"], seen["description"]) not in [
                        (s["population"], s["description"]) for s in later]:
                    wrong_patch.append(f"city {slug}: PATCH population {op.body['population']} "
                                       f"acknowledged, read {seen}")
            if op.kind == "archive" and (seen is None or not seen["archived"]):
                not_archived.append(f"city {slug}: DELETE answered {op.status}, read {seen}")
        if rest is not None and rest.outcome == "refused" and (n_data != len(acked) or n_audit != len(acked)):
            refused_trace.append(f"city {slug}: {rest.kind} answered {rest.status} but the data "
                                 f"reads {seen} with {n_audit} audit entries")
        if rest is not None and rest.outcome == "unknown":
            if n_data == len(acked) + 1:
                applied_unknown += 1
            elif n_data == len(acked):
                absent_unknown += 1
        actions = [e["action"] for e in entries]
        if n_data is None:
            half.append(f"city {slug}: reads {seen}, which no prefix of its writes "
                        f"{[o.kind + ':' + str(o.outcome) for o in city_ops]} gives")
        elif [o.kind for o in city_ops[:n_data]] != actions:
            audit_mismatch.append(f"city {slug}: data shows {n_data} writes "
                                  f"{[o.kind for o in city_ops[:n_data]]}, audit log has {actions}")
        elif entries and city is not None:
            last = _fields(entries[-1].get("after") or {}, CITY_FIELDS)
            now = _fields(city, CITY_FIELDS)
            if last != now:
                audit_mismatch.append(f"city {slug}: latest audit entry's after {last} != record {now}")

    # Networks.
    for slug in sorted(set(k for e, k in ops_by if e == "network") | set(networks) | set(by_slug["network"])):
        net_ops = ops_by.get(("network", slug), [])
        acked, rest = _split(net_ops)
        net = networks.get(slug)
        entries = by_slug["network"].get(slug, [])
        if not net_ops:
            orphan.append(f"network {slug} that no writer wrote")
            continue
        if acked and net is None:
            missing_create.append(f"network {slug} (201) is not there")
        elif acked and (net["name"]["en"] != acked[0].body["name"]["en"] or net["scope"] != "national"
                       or (net.get("description") or {}).get("en") != acked[0].body["description"]["en"]):
            missing_create.append(f"network {slug}: read {net['name']} {net['scope']}")
        if rest is not None and rest.outcome == "refused" and (net is not None or entries):
            refused_trace.append(f"network {slug}: create answered {rest.status} but it is there "
                                 f"({len(entries)} audit entries)")
        if not acked and rest is not None and rest.outcome == "unknown":
            applied_unknown += net is not None
            absent_unknown += net is None
        actions = [e["action"] for e in entries]
        if actions != (["create"] if net is not None else []):
            (half if bool(net) != bool(entries) else audit_mismatch).append(
                f"network {slug}: {'there' if net else 'absent'} with audit entries {actions}")
        elif net is not None:
            last = _fields(entries[-1].get("after") or {}, NETWORK_FIELDS)
            now = _fields(net, NETWORK_FIELDS)
            if last != now:
                audit_mismatch.append(f"network {slug}: latest audit entry's after {last} != record {now}")

    # Memberships (read with their city).
    for slug in sorted(set(k for e, k in ops_by if e == "membership") | set(memberships)
                       | set(by_slug["membership"])):
        m_ops = ops_by.get(("membership", slug), [])
        acked, rest = _split(m_ops)
        read = memberships.get(slug, [])
        entries = by_slug["membership"].get(slug, [])
        if not m_ops:
            orphan.append(f"membership of {slug} that no writer wrote: {read or entries}")
            continue
        want = m_ops[0].body
        if acked:
            got = acked[0].reply or {}
            match = [m for m in read if m.get("id") == got.get("id")]
            if not match or match[0]["network"] != want["network"] or match[0]["joined_year"] != want["joined_year"]:
                missing_create.append(f"membership {got.get('id')} of {slug} in {want['network']} "
                                      f"(201) reads {read}")
        if rest is not None and rest.outcome == "refused" and (read or entries):
            refused_trace.append(f"membership of {slug}: create answered {rest.status} but reads "
                                 f"{read} with audit entries {[e['id'] for e in entries]}")
        if not acked and rest is not None and rest.outcome == "unknown":
            applied_unknown += bool(read)
            absent_unknown += not read
        if slug not in cities and (read or entries):
            orphan.append(f"membership of {slug} without its city")
        ids_read = sorted(m["id"] for m in read)
        ids_audit = sorted(int(e["entity_id"]) for e in entries if e["action"] == "create")
        actions = [e["action"] for e in entries]
        if ids_read != ids_audit or actions not in ([], ["create"]):
            half.append(f"membership of {slug}: read ids {ids_read}, audit create entries for "
                        f"{ids_audit}, actions {actions}")
        elif read:
            last = _fields(entries[-1].get("after") or {}, MEMBERSHIP_FIELDS)
            now = _fields(read[0], MEMBERSHIP_FIELDS)
            if last != now:
                audit_mismatch.append(f"membership of {slug}: audit after {last} != read {now}")

    acked_ops = [op for op in ops if op.outcome == "ack"]
    count = lambda kind: sum(1 for op in acked_ops if op.kind == kind)  # noqa: E731
    part.check(f"{backend}: every acknowledged create is there with the values written",
               not missing_create,
               _sample(missing_create) or f"{count('create')} creates of cities, networks and "
               f"memberships, {len(cities)} crash cities read after the restart")
    part.check(f"{backend}: every acknowledged PATCH's value is there (or that of the writer's "
               "next write to the record)", not wrong_patch,
               _sample(wrong_patch) or f"{count('update')} PATCHes")
    part.check(f"{backend}: every acknowledged archive shows as archived", not not_archived,
               _sample(not_archived) or f"{count('archive')} DELETEs")
    part.check(f"{backend}: no half-written record: each record's state is that of a whole "
               "sequence of its writes, with an audit entry for each of them, and every "
               "membership with its city", not half and not orphan,
               _sample(half + orphan) or f"{len(cities)} cities, {len(networks)} networks, "
               f"{sum(len(v) for v in memberships.values())} memberships; of the writes in flight "
               f"{applied_unknown} were applied whole and {absent_unknown} left no trace")
    part.check(f"{backend}: the audit log matches the data: one entry per applied write, in "
               "order, none for a write that is not in the data, and the latest entry's record "
               "equals the record as read", not audit_mismatch and not refused_trace,
               _sample(audit_mismatch + refused_trace) or
               f"{sum(len(v) for v in by_slug['city'].values())} city, "
               f"{sum(len(v) for v in by_slug['network'].values())} network and "
               f"{sum(len(v) for v in by_slug['membership'].values())} membership entries")

    ready = restarted.request("GET", "/readyz")
    created = restarted.request("POST", "/api/v1/cities", token=token,
                                body={"slug": "after-the-crash", "name": {"en": "After the crash"},
                                      "country": "TH"})
    entry = restarted.request("GET", "/api/v1/audit-log?entity=city&action=create&limit=1", token=token)
    last = (entry.json() or {}).get("items") or [{}]
    part.check(f"{backend}: the restarted service answers /readyz 200 and accepts a new write "
               "(with its audit entry)",
               ready.status == 200 and created.status == 201
               and (last[0].get("after") or {}).get("slug") == "after-the-crash",
               f"restarted in {restart_took:.1f} s; /readyz {ready.status}, POST /cities "
               f"{created.status} {created.body[:200]!r}" if created.status != 201 else
               f"restarted in {restart_took:.1f} s; /readyz {ready.status}, POST /cities 201")
    restarted.stop()


def run(ctx, part):
    for backend in ctx.backends:
        db, _, token, ops = _burst(ctx, part, backend)
        _verify(ctx, part, backend, db, token, ops)
