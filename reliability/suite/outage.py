"""Part 2: the database stops and starts again under steady load."""

import concurrent.futures
import threading
import time
import uuid

from .pgcluster import Cluster
from .service import ExternalDatabase, until

KEY = "outage"
TITLE = "Database outage"
CLAIM = ("With the service under steady load on PostgreSQL, the database is stopped and started "
         "again: during the outage requests fail fast with a 503 `database_unavailable` problem "
         "(none waits past the configured timeout) and `/readyz` says not ready; within seconds of "
         "the database's return everything works again without restarting the service, and no "
         "write acknowledged with 2xx is missing.")

TIMEOUT_SECS = 2
# A request may take the pool's wait plus the time to notice a dead connection.
HANG_LIMIT = TIMEOUT_SECS + 3.0
WRITERS = 3
READERS = 3
BEFORE_WRITES = 40
# Answers within the outage of requests that need the database (writes and signed-in reads).
# Public reads are not counted: the response cache may answer them at once for the whole
# outage, and counting them would end the outage before any 503 had time to come back.
OUTAGE_REQUESTS = 24
AFTER_WRITES = 40
RECOVERY_LIMIT = 10.0


class Load:
    """Writers creating cities and readers of uncached (signed-in) and cached (public) lists,
    each answer recorded with the phase it started in."""

    def __init__(self, service, token):
        self.service = service
        self.token = token
        self.phase = "before"
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.answers = []  # (phase or "start->end" phases, kind, status, code, seconds)
        self.acknowledged = []  # slugs of cities created with 201

    def record(self, phase, kind, status, code, seconds):
        with self.lock:
            self.answers.append((phase, kind, status, code, seconds))

    def count(self, phase, kind=None, status_class=None):
        with self.lock:
            return sum(1 for p, k, s, _, _ in self.answers
                       if p == phase and (kind is None or k == kind)
                       and (status_class is None or s // 100 == status_class))

    def _one(self, kind, method, path, body=None, token=None):
        phase = self.phase
        started = time.monotonic()
        try:
            reply = self.service.request(method, path, body=body, token=token, timeout=30)
            status, code = reply.status, reply.code
        except OSError as e:
            reply, status, code = None, 0, type(e).__name__
        # An answer counts for a phase only if it began and ended in it: a request that waited
        # for a connection through the restart may rightly succeed.
        ended = self.phase
        self.record(phase if ended == phase else f"{phase}->{ended}", kind, status, code,
                    time.monotonic() - started)
        return reply

    def writer(self, n):
        i = 0
        while not self.stop.is_set():
            i += 1
            name = f"Outage {n}-{i} {uuid.uuid4().hex[:6]}"
            reply = self._one("write", "POST", "/api/v1/cities", token=self.token,
                              body={"name": {"en": name}, "country": "TH"})
            if reply is not None and reply.status == 201:
                with self.lock:
                    self.acknowledged.append(reply.json()["slug"])

    def reader(self, n):
        while not self.stop.is_set():
            if n % 2:
                self._one("read", "GET", "/api/v1/users?limit=5", token=self.token)
            else:
                self._one("public read", "GET", "/api/v1/cities?limit=5")


def run(ctx, part):
    cluster = Cluster()
    try:
        _run(ctx, part, cluster)
    finally:
        cluster.remove()


def _run(ctx, part, cluster):
    db = ExternalDatabase("postgres", cluster.url, "outage")
    service = ctx.service(db, name="outage",
                          env={"DATABASE_TIMEOUT_SECS": str(TIMEOUT_SECS)}).start()
    pid = service.proc.pid
    load = Load(service, service.token("admin"))
    pool = concurrent.futures.ThreadPoolExecutor(WRITERS + READERS)
    workers = [pool.submit(load.writer, n) for n in range(WRITERS)]
    workers += [pool.submit(load.reader, n) for n in range(READERS)]
    try:
        until(lambda: len(load.acknowledged) >= BEFORE_WRITES, 120)

        load.phase = "stopping"
        cluster.stop("fast")
        load.phase = "outage"
        stopped = time.monotonic()
        readyz = []
        def outage_seen():
            started = time.monotonic()
            reply = service.request("GET", "/readyz", timeout=30)
            readyz.append((reply.status, reply.code, time.monotonic() - started))
            return (load.count("outage", "write")
                    + load.count("outage", "read")) >= OUTAGE_REQUESTS
        until(outage_seen, 120)
        outage_for = time.monotonic() - stopped

        load.phase = "after"
        cluster.start()
        back = time.monotonic()
        recovered = until(lambda: load.count("after", "write", 2) > 0
                           and service.request("GET", "/readyz").status == 200, RECOVERY_LIMIT)
        recovery = time.monotonic() - back
        load.phase = "recovered"
        until(lambda: load.count("recovered", "write", 2) >= AFTER_WRITES, 120)
    finally:
        load.stop.set()
        for w in workers:
            w.result()
        pool.shutdown()

    outage = [a for a in load.answers if a[0] == "outage"]
    part.attempt(f"{WRITERS} writers and {READERS} readers on PostgreSQL (pool timeout "
                 f"{TIMEOUT_SECS} s); the server stopped (`pg_ctl stop -m fast`) after "
                 f"{BEFORE_WRITES} acknowledged writes, for {outage_for:.1f} s and {len(outage)} "
                 f"requests begun and answered within it, then started again")
    by_answer = {}
    for _, kind, status, code, _ in outage:
        by_answer[(kind, status, code)] = by_answer.get((kind, status, code), 0) + 1
    described = ", ".join(f"{kind} {status} {code or ''}".strip() + f": {n}"
                          for (kind, status, code), n in sorted(by_answer.items(), key=str))
    clean = all((status == 503 and code == "database_unavailable")
                or (kind == "public read" and status == 200)
                for (kind, status, code) in by_answer)
    part.check("during the outage every request needing the database gets a 503 "
               "`database_unavailable` problem (cached public reads may still answer 200)",
               clean and any(s == 503 for (_, s, _) in by_answer), described)
    slowest = max((a[4] for a in load.answers), default=0.0)
    part.check(f"no request waits past the {TIMEOUT_SECS} s pool timeout plus 3 s",
               slowest <= HANG_LIMIT, f"slowest answer {slowest:.2f} s")
    part.check("`/readyz` says not ready (503) during the outage",
               readyz and all(s == 503 for s, _, _ in readyz),
               f"{len(readyz)} probes: " + ", ".join(sorted({str(s) for s, _, _ in readyz})))
    part.check(f"within {RECOVERY_LIMIT:.0f} s of the database's return, writes succeed and "
               "`/readyz` is 200, without restarting the service",
               recovered and service.proc.poll() is None and service.proc.pid == pid,
               f"recovered {recovery:.2f} s after the server was back")
    after = [a for a in load.answers if a[0] == "recovered"]
    failed_after = [a for a in after if a[2] // 100 != 2]
    part.check("after recovery every request succeeds", not failed_after,
               f"{len(after)} requests, {len(failed_after)} failed")
    missing = [slug for slug in load.acknowledged
               if service.request("GET", f"/api/v1/cities/{slug}").status != 200]
    part.check("no acknowledged write is missing", not missing,
               f"{len(load.acknowledged)} acknowledged cities, {len(missing)} missing")
