"""Part 7: graceful shutdown on SIGTERM."""

import csv
import http.client
import io
import signal
import socket
import time

from .service import SuiteError, psql, until

KEY = "shutdown"
TITLE = "Graceful shutdown"
CLAIM = ("SIGTERM while downloads are in flight: new connections are refused at once, every "
         "download in flight still ends complete, API-key usage counted in memory is written, "
         "the process exits 0 and leaves no database connection open.")

DOWNLOADS = 4
KEY_REQUESTS = 25
# How long the checks below wait for something that should happen at once.
DEADLINE = 10.0


def _refused(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0):
            return False
    except ConnectionRefusedError:
        return True


def run(ctx, part):
    for backend in ctx.backends:
        db = ctx.database(backend)
        seeded = ctx.command("seed", "--synthetic", "--cities", "2000", "--networks", "5",
                             "--scores", "40000", env={"DATABASE_URL": db.url})
        if seeded.returncode != 0:
            raise SuiteError(f"seed --synthetic: {seeded.stderr}")
        service = ctx.service(db, name=f"shutdown-{backend}").start()
        analyst = service.token("analyst")
        admin = service.token("admin")
        total = service.request("GET", "/api/v1/scores?limit=1", token=analyst).json()["total"]
        issued = service.request("POST", "/api/v1/api-keys", token=admin,
                                 body={"name": "Shutdown check", "owner": "reliability suite"})
        key, key_id = issued.json()["key"], issued.json()["api_key"]["id"]
        for _ in range(KEY_REQUESTS):
            service.request("GET", "/api/v1/networks?limit=1", headers={"X-API-Key": key})

        # Downloads of every score as CSV, started and left unread so that they stay in flight.
        downloads = []
        for _ in range(DOWNLOADS):
            conn = http.client.HTTPConnection("127.0.0.1", service.port, timeout=30)
            conn.request("GET", "/api/v1/scores?format=csv",
                         headers={"Authorization": f"Bearer {analyst}"})
            answer = conn.getresponse()
            downloads.append((conn, answer, answer.read(4096)))
        part.attempt(f"{backend}: SIGTERM with {DOWNLOADS} CSV downloads of {total:,} scores in "
                     f"flight (4 KiB of each read) and {KEY_REQUESTS} API-key requests not yet "
                     "written")
        service.signal(signal.SIGTERM)
        part.check(f"{backend}: new connections are refused while the downloads are in flight",
                   until(lambda: _refused(service.port), DEADLINE))

        complete = 0
        for conn, answer, first in downloads:
            try:
                body = first + answer.read()
                rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
                if len(rows) - 1 == total:
                    complete += 1
            except (http.client.IncompleteRead, OSError):
                pass
            finally:
                conn.close()
        part.check(f"{backend}: every download in flight ended complete",
                   complete == DOWNLOADS, f"{complete} of {DOWNLOADS} with all {total:,} rows")
        status = service.wait(30)
        part.check(f"{backend}: the process exits 0", status == 0, f"exit status {status}")
        if backend == "postgres":
            left = lambda: psql(ctx.admin_url, "SELECT count(*) FROM pg_stat_activity "  # noqa: E731
                                f"WHERE datname = '{db.name}'")
            part.check("postgres: no connection of the service is left open",
                       until(lambda: left() == "0", DEADLINE), f"{left()} connections")

        restarted = ctx.service(db, name=f"shutdown-{backend}-again").start()
        usage = restarted.request("GET", f"/api/v1/api-keys/{key_id}/usage",
                                  token=restarted.login(*restarted.add_user("admin"))).json()
        part.check(f"{backend}: API-key usage counted before SIGTERM was written",
                   usage["total"] == KEY_REQUESTS, f"{usage['total']} of {KEY_REQUESTS} after restart")
        restarted.stop()
