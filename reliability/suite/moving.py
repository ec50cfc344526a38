"""Part 6: moving a whole database SQLite -> PostgreSQL -> SQLite with export and import."""

import hashlib
import os
import time

from .service import SuiteError

KEY = "moving"
TITLE = "Moving up: export and import between backends"
CLAIM = ("`learning-city export` writes the whole database, users, audit log and archived rows "
         "included, and `learning-city import` loads it into an empty database of either backend: "
         "SQLite -> PostgreSQL -> SQLite gives identical API answers, both backends write the "
         "same file, and a damaged file or a non-empty target changes nothing.")

# Reads compared between the databases, as an admin; whole lists as downloads.
READS = [
    "/api/v1/cities?format=ndjson",
    "/api/v1/cities?archived=true&limit=200",
    "/api/v1/networks?format=ndjson",
    "/api/v1/memberships/1",
    "/api/v1/countries",
    "/api/v1/provinces",
    "/api/v1/award-programmes",
    "/api/v1/award-cycles?limit=200",
    "/api/v1/award-categories?limit=200",
    "/api/v1/frameworks",
    "/api/v1/monitoring-rounds",
    "/api/v1/nominations?limit=200",
    "/api/v1/evaluations?limit=200",
    "/api/v1/scores?format=ndjson",
    "/api/v1/stats/overview",
    "/api/v1/stats/awards",
    "/api/v1/stats/membership-growth",
    "/api/v1/changes",
    "/api/v1/users?limit=200",
    "/api/v1/api-keys",
    "/api/v1/audit-log?limit=200",
]


def _answers(service, token):
    return {path: service.request("GET", path, token=token) for path in READS}


def _export(ctx, db, path):
    started = time.monotonic()
    done = ctx.command("export", "-o", path, env={"DATABASE_URL": db.url})
    if done.returncode != 0:
        raise SuiteError(f"export from {db.backend}: {done.stderr}")
    return time.monotonic() - started


def _import(ctx, db, path):
    started = time.monotonic()
    done = ctx.command("import", "-i", path, env={"DATABASE_URL": db.url})
    return done, time.monotonic() - started


def _failure(done):
    """The error of a failed command (nothing for one that succeeded)."""
    return done.stderr.strip().splitlines()[-1] if done.returncode != 0 and done.stderr.strip() else ""


def _body_digest(path):
    """The file without its header line (source backend and time), as a digest."""
    with open(path, "rb") as f:
        f.readline()
        return hashlib.sha256(f.read()).hexdigest()


def run(ctx, part):
    source = ctx.database("sqlite")
    seeded = ctx.command("seed", "--demo", "--synthetic", "--cities", "3000", "--networks", "10",
                         "--scores", "30000", env={"DATABASE_URL": source.url})
    if seeded.returncode != 0:
        raise SuiteError(f"seed: {seeded.stderr}")
    service = ctx.service(source, name="moving-source").start()
    email, password = service.add_user("admin", email="mover@example.org")
    admin = service.login(email, password)
    service.request("POST", "/api/v1/api-keys", token=admin,
                    body={"name": "Portal", "owner": "reliability suite"})
    first_city = service.request("GET", "/api/v1/cities?limit=1").json()["items"][0]["slug"]
    archived = service.request("DELETE", f"/api/v1/cities/{first_city}", token=admin)
    if archived.status != 204:
        raise SuiteError(f"archive {first_city}: {archived.status}")
    expected = _answers(service, admin)
    part.check("the source answers every compared read", all(r.status == 200 for r in expected.values()),
               ", ".join(p for p, r in expected.items() if r.status != 200))

    files = os.path.join(ctx.workdir, "moving")
    os.makedirs(files, exist_ok=True)
    first = os.path.join(files, "from-sqlite.jsonl")
    took = _export(ctx, source, first)
    lines = sum(1 for _ in open(first, "rb"))
    part.attempt(f"export of SQLite with the demo cycle and 3,000 synthetic cities, 30,000 scores, "
                 f"accounts, an API key and an archived city: {lines:,} lines, "
                 f"{os.path.getsize(first) / 1e6:.1f} MB in {took:.1f} s")

    postgres = ctx.database("postgres")
    done, took = _import(ctx, postgres, first)
    part.check("import into an empty PostgreSQL database", done.returncode == 0, _failure(done))
    part.attempt(f"import into PostgreSQL in {took:.1f} s")
    second = os.path.join(files, "from-postgres.jsonl")
    _export(ctx, postgres, second)
    part.check("PostgreSQL writes the same file as SQLite (after the header)",
               _body_digest(first) == _body_digest(second))
    on_postgres = ctx.service(postgres, name="moving-postgres").start()
    # The signing secret stays behind: sign in again (the password hash moved).
    actual = _answers(on_postgres, on_postgres.login(email, password))
    differ = [p for p in READS if (actual[p].status, actual[p].body) != (expected[p].status, expected[p].body)]
    part.check(f"PostgreSQL answers all {len(READS)} reads byte for byte as SQLite did, to the "
               "same admin signed in with the same password", not differ, ", ".join(differ))

    back = ctx.database("sqlite")
    done, took = _import(ctx, back, second)
    part.check("import back into an empty SQLite file", done.returncode == 0, _failure(done))
    on_sqlite = ctx.service(back, name="moving-back").start()
    actual = _answers(on_sqlite, on_sqlite.login(email, password))
    differ = [p for p in READS if (actual[p].status, actual[p].body) != (expected[p].status, expected[p].body)]
    part.check("SQLite after the round trip answers every read as before", not differ, ", ".join(differ))
    for name, svc in (("PostgreSQL", on_postgres), ("SQLite", on_sqlite)):
        created = svc.request("POST", "/api/v1/cities", token=svc.login(email, password),
                              body={"name": {"en": "Moved city"}, "country": "TH"})
        part.check(f"{name}: a record created after the import gets a new id", created.status == 201,
                   f"{created.status}")

    # Failures leave the target as it was.
    text = open(first, "rb").read()
    cut = os.path.join(files, "cut.jsonl")
    with open(cut, "wb") as f:
        f.write(text[: len(text) * 9 // 10].rsplit(b"\n", 1)[0] + b"\n")
    for backend in ctx.backends:
        target = ctx.database(backend)
        done, _ = _import(ctx, target, cut)
        refused = done.returncode != 0 and "cut off" in done.stderr
        done, _ = _import(ctx, target, first)
        part.check(f"{backend}: a file cut off at 90 % is refused and leaves the target empty "
                   "(the whole file loads afterwards)", refused and done.returncode == 0,
                   _failure(done))
        done, _ = _import(ctx, target, first)
        part.check(f"{backend}: a target that holds data is refused", done.returncode != 0
                   and "not empty" in done.stderr, done.stderr.strip().splitlines()[-1])
    part.attempt("imports of a file cut off at 90 % and into non-empty databases, on both backends")
