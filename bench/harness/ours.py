"""The service under test: build, data, start-up, memory and the scenarios it is measured on."""

import json
import os
import secrets
import statistics
import subprocess
import time
import urllib.parse

from . import load, peers, procs
from .procs import HarnessError

PG_DATABASE = "bench_learning_city"
BENCH_EMAIL = "bench-secretariat@example.org"


def build(repo, log):
    """`cargo build --release --bin learning-city`; returns the binary."""
    print("bench: cargo build --release --bin learning-city")
    with open(log, "ab") as out:
        done = subprocess.run(["cargo", "build", "--release", "--bin", "learning-city"], cwd=repo,
                              stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise HarnessError(f"cargo build failed; see {log}")
    return os.path.join(repo, "target", "release", "learning-city")


def has_synthetic_seed(binary):
    """Whether this build's `seed` knows `--synthetic`."""
    done = subprocess.run([binary, "seed", "--help"], capture_output=True, text=True)
    return "--synthetic" in done.stdout


def database_url(backend, workdir):
    """Where the backend's benchmark database is. PostgreSQL on loopback without TLS, as
    Directus connects to its copy: libpq's default (`sslmode=prefer`) would encrypt every
    answer between two processes on one machine, against a server with `ssl = on`."""
    if backend == "sqlite":
        return os.path.join(workdir, "bench.sqlite3")
    return f"postgres://postgres@127.0.0.1:5432/{PG_DATABASE}?sslmode=disable"


def fresh_database(backend, workdir, log):
    """Removes the SQLite file (and its WAL and secret) or recreates the PostgreSQL database."""
    if backend == "sqlite":
        path = database_url(backend, workdir)
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        secret = os.path.join(workdir, "jwt-secret")
        if os.path.exists(secret):
            os.remove(secret)
    else:
        peers.recreate_database(PG_DATABASE, log)


def seed(binary, url, sizes, synthetic, log):
    """Loads the data set; returns the seed command's output."""
    cmd = [binary, "seed"]
    if synthetic:
        cmd += ["--synthetic", "--cities", str(sizes["cities"]), "--networks",
                str(sizes["networks"]), "--scores", str(sizes["scores"])]
    else:
        cmd += ["--demo"]
    env = dict(os.environ, DATABASE_URL=url, LOG_LEVEL="warn")
    start = time.monotonic()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    with open(log, "a") as f:
        f.write(f"$ {' '.join(cmd)}\n{done.stdout}{done.stderr}")
    if done.returncode != 0:
        raise HarnessError(f"seed failed: {done.stderr.strip()[-500:]}")
    return done.stdout.strip(), time.monotonic() - start


def add_user(binary, url, log):
    """Creates the secretariat account used by the login scenario; returns its password."""
    password = "bench-" + secrets.token_urlsafe(24)
    env = dict(os.environ, DATABASE_URL=url, LOG_LEVEL="warn")
    done = subprocess.run([binary, "user", "add", "--email", BENCH_EMAIL, "--role", "secretariat"],
                          env=env, input=password + "\n", capture_output=True, text=True)
    with open(log, "a") as f:
        f.write(f"$ learning-city user add --email {BENCH_EMAIL}\n{done.stdout}{done.stderr}")
    if done.returncode != 0:
        raise HarnessError(f"user add failed: {done.stderr.strip()}")
    return password


class Service:
    """One running `learning-city serve`."""

    def __init__(self, sup, binary, url, workdir, *, cache):
        self.sup, self.binary, self.url_db, self.workdir = sup, binary, url, workdir
        self.cache = cache
        self.proc = None
        self.port = None

    def start(self):
        """Spawns it and polls /readyz every few ms; returns seconds from spawn to ready."""
        self.port = procs.free_port()
        env = dict(os.environ, DATABASE_URL=self.url_db, BIND=f"127.0.0.1:{self.port}",
                   RATE_LIMITS="false", LOG_LEVEL="warn")
        if not self.cache:
            env["RESPONSE_CACHE_MB"] = "0"
        since = time.monotonic()
        self.proc = self.sup.start([self.binary, "serve"], env=env, cwd=self.workdir,
                                   log=os.path.join(self.workdir, "service.log"))
        return procs.wait_ready(self.proc, self.port, "/readyz", timeout=60, since=since,
                                what="learning-city serve")

    @property
    def pid(self):
        """The process id."""
        return self.proc.pid

    def url(self, path):
        """An absolute URL on it."""
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        """Stops it."""
        if self.proc:
            self.sup.stop(self.proc)
            self.proc = None


def measure_startup(sup, binary, url, workdir, repeats):
    """Starts the service `repeats` times on the migrated database; returns the start-to-ready
    seconds of each and the last service, left running, with its idle resident memory."""
    times = []
    service = None
    for i in range(repeats):
        service = Service(sup, binary, url, workdir, cache=True)
        times.append(service.start())
        if i < repeats - 1:
            service.stop()
    time.sleep(0.5)
    return times, service, procs.rss_kb(service.pid)


def discover(service):
    """The concrete requests of each scenario, found through the public API."""
    api = service.url("/api/v1")
    countries = load.fetch_json(f"{api}/stats/cities-by-country")["items"]
    code = max(countries, key=lambda c: c["count"])["key"]
    list_path = f"/api/v1/cities?country={code}&sort=name&limit=50"
    page = load.fetch_json(service.url(list_path))
    city = max(page["items"], key=lambda c: len(c.get("memberships") or []))
    networks = load.fetch_json(f"{api}/networks?limit=200")["items"]
    network = max(networks, key=lambda n: n.get("member_count", 0))
    network_id = network["id"]
    targets = {
        "country": code,
        "list": list_path,
        "city_slug": city["slug"],
        "city_id": city["id"],
        "detail": f"/api/v1/cities/{urllib.parse.quote(city['slug'])}",
        "network_slug": network["slug"],
        "network_id": network_id,
        "members": f"/api/v1/networks/{urllib.parse.quote(network['slug'])}/members?limit=50",
        "list_rows": len(page["items"]),
    }
    ranking = _ranking(api)
    if ranking:
        targets["ranking"] = ranking
    return targets


def _ranking(api):
    """The ranking path of the largest category of the synthetic cycle (the newest published
    cycle with "synthetic" in its title; else any published cycle with a ranking)."""
    cycles = load.fetch_json(f"{api}/award-cycles?status=published&limit=200")["items"]
    cycles.sort(key=lambda c: ("synthetic" not in (c["title"].get("en") or "").lower(), -c["id"]))
    root = api[: -len("/api/v1")]
    for cycle in cycles:
        best = None
        for category in cycle.get("categories") or []:
            path = f"/api/v1/award-cycles/{cycle['id']}/rankings?category={category['slug']}"
            status, _, body = load.fetch(root + path)
            if status == 200:
                entries = len(json.loads(body).get("entries") or [])
                if best is None or entries > best[0]:
                    best = (entries, path)
        if best and best[0] > 0:
            return best[1]
    return None


READS = ("list", "detail", "members", "ranking")


def run_reads(service, targets, duration, workdir, log, warmup):
    """The public read scenarios under wrk."""
    results = {}
    for name in READS:
        if name not in targets:
            continue
        print(f"bench:   {name}: {targets[name]}")
        results[name] = load.run_wrk(service.url(targets[name]), duration=duration,
                                     workdir=workdir, log=log, pid=service.pid, warmup=warmup)
    return results


def run_login(service, password, duration, workdir, log, warmup):
    """POST /api/v1/auth/login under wrk (argon2id: slow by design)."""
    print("bench:   login: POST /api/v1/auth/login")
    body = f'{{"email":"{BENCH_EMAIL}","password":"{password}"}}'
    return load.run_wrk(service.url("/api/v1/auth/login"), duration=duration, workdir=workdir,
                        log=log, pid=service.pid, method="POST", body=body,
                        headers={"Content-Type": "application/json"}, warmup=warmup)


# name: (export, small request on the same data sent first, needs a signed-in analyst or staff)
EXPORTS = {
    "cities_csv": ("/api/v1/cities?format=csv", "/api/v1/cities?limit=1", False),
    "scores_csv": ("/api/v1/scores?format=csv", "/api/v1/scores?limit=1", True),
}


def sign_in(sup, binary, url, workdir, password):
    """An access token of the benchmark's secretariat account, from a throwaway instance on the
    same database (tokens hold across instances), so that the argon2id memory of the sign-in
    does not count in the measured instance's resident size."""
    service = Service(sup, binary, url, workdir, cache=True)
    try:
        service.start()
        body = json.dumps({"email": BENCH_EMAIL, "password": password})
        token = load.fetch_json(service.url("/api/v1/auth/login"), method="POST", body=body,
                                headers={"Content-Type": "application/json"})
        return token["access_token"]
    finally:
        service.stop()


def run_exports(service, token, repeats):
    """The full CSV exports, one request at a time, on a service that has served nothing else
    yet (so its peak RSS compares with the idle size); `token` signs in where needed."""
    auth = {"Authorization": f"Bearer {token}"}
    results = {}
    for name, (path, warm, signed_in) in EXPORTS.items():
        print(f"bench:   export {path}" + (" (signed in)" if signed_in else ""))
        results[name] = load.export(service.url(path), pid=service.pid, repeats=repeats,
                                    warm=service.url(warm), headers=auth if signed_in else None)
    return results


def median(values):
    """The median, or None for no values."""
    return statistics.median(values) if values else None
