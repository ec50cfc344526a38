"""The products a user might pick instead (Datasette, Directus) and the nginx ceiling, each
started on loopback on the same data as the service under test."""

import json
import os
import secrets
import subprocess
import time

from . import install, load, procs
from .procs import HarnessError

PG = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]


def psql(sql, *, database="postgres", log=None):
    """Runs SQL through psql as the local superuser; returns its output."""
    done = subprocess.run(["psql", *PG, "-d", database, "-v", "ON_ERROR_STOP=1", "-qAtc", sql],
                          capture_output=True, text=True)
    if log:
        with open(log, "a") as f:
            f.write(f"psql {database}: {sql}\n{done.stdout}{done.stderr}")
    if done.returncode != 0:
        raise HarnessError(f"psql failed on {database}: {done.stderr.strip()}")
    return done.stdout.strip()


def recreate_database(name, log):
    """Drops (disconnecting any session) and creates an empty PostgreSQL database."""
    psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', log=log)
    psql(f'CREATE DATABASE "{name}"', log=log)


def copy_database(source, target, log):
    """A copy of `source` in a fresh `target` (pg_dump piped into psql)."""
    recreate_database(target, log)
    with open(log, "ab") as out:
        dump = subprocess.Popen(["pg_dump", *PG, "--no-owner", source], stdout=subprocess.PIPE,
                                stderr=out)
        restore = subprocess.run(["psql", *PG, "-q", "-v", "ON_ERROR_STOP=1", "-d", target],
                                 stdin=dump.stdout, stdout=out, stderr=out)
        dump.stdout.close()
        dump.wait()
    if dump.returncode != 0 or restore.returncode != 0:
        raise HarnessError(f"copying {source} into {target} failed; see {log}")


class Datasette:
    """Datasette serving the benchmark's SQLite file."""

    def __init__(self, sup, exe, sqlite_path, workdir):
        self.sup, self.exe, self.path, self.workdir = sup, exe, sqlite_path, workdir
        self.db = os.path.splitext(os.path.basename(sqlite_path))[0]
        self.proc = None
        self.port = None

    def start(self):
        """Starts it (facet suggestions off, no CSV size cap); returns seconds to ready."""
        self.port = procs.free_port()
        since = time.monotonic()
        self.proc = self.sup.start(
            [self.exe, "serve", self.path, "-h", "127.0.0.1", "-p", str(self.port),
             "--setting", "suggest_facets", "off", "--setting", "max_csv_mb", "0"],
            log=os.path.join(self.workdir, "datasette.log"))
        return procs.wait_ready(self.proc, self.port, "/-/versions.json", timeout=60, since=since,
                                what="Datasette")

    def url(self, path):
        """An absolute URL on it."""
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        """Stops it."""
        if self.proc:
            self.sup.stop(self.proc)
            self.proc = None


class Directus:
    """Directus 12 on a copy of the benchmark's PostgreSQL database."""

    ADMIN_EMAIL = "bench-admin@example.com"

    def __init__(self, sup, folder, node_home, database, workdir):
        self.sup, self.folder, self.node_home = sup, folder, node_home
        self.database, self.workdir = database, workdir
        self.password = secrets.token_urlsafe(18)
        self.log = os.path.join(workdir, "directus.log")
        self.proc = None
        self.port = None
        self.token = None

    def _env(self):
        env = install.node_env(self.node_home)
        off = "http://127.0.0.1:9"  # Node refuses port 9 before it opens a socket
        env.update({
            "DB_CLIENT": "pg", "DB_HOST": "127.0.0.1", "DB_PORT": "5432",
            "DB_DATABASE": self.database, "DB_USER": "postgres", "DB_PASSWORD": "",
            "HOST": "127.0.0.1", "PORT": str(self.port),
            "PUBLIC_URL": f"http://127.0.0.1:{self.port}",
            "KEY": "learning-city-bench-key", "SECRET": secrets.token_hex(32),
            "ADMIN_EMAIL": self.ADMIN_EMAIL, "ADMIN_PASSWORD": self.password,
            "LOG_LEVEL": "warn", "TELEMETRY": "false", "TELEMETRY_URL": off,
            "COMPLIANCE_URL": off, "MARKETPLACE_REGISTRY": off, "AI_ENABLED": "false",
            "MCP_ENABLED": "false", "PROJECT_OWNER_ENABLED": "false",
            "EMAIL_VERIFY_SETUP": "false", "PRESSURE_LIMITER_ENABLED": "false",
            "WEBSOCKETS_ENABLED": "false",
            "STORAGE_LOCAL_ROOT": os.path.join(self.workdir, "directus-uploads"),
            "EXTENSIONS_PATH": os.path.join(self.workdir, "directus-extensions"),
        })
        return env

    def _node(self, *args):
        run_js = os.path.join(self.folder, "node_modules", "@directus", "api", "dist", "cli",
                              "run.js")
        return [os.path.join(self.node_home, "bin", "node"), run_js, *args]

    def start(self, collections):
        """Bootstraps the copy (first time on this database), starts Directus, and gives the
        public policy read access to `collections`; returns seconds from spawn to ready."""
        if os.path.exists(os.path.join(self.folder, ".env")):
            raise HarnessError(f"{self.folder}/.env would override the harness's settings")
        self.port = procs.free_port()
        env = self._env()
        os.makedirs(env["STORAGE_LOCAL_ROOT"], exist_ok=True)
        os.makedirs(env["EXTENSIONS_PATH"], exist_ok=True)
        with open(self.log, "ab") as out:
            done = subprocess.run(self._node("bootstrap"), env=env, cwd=self.folder, stdout=out,
                                  stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise HarnessError(f"Directus bootstrap failed; see {self.log}")
        since = time.monotonic()
        self.proc = self.sup.start(self._node("start"), env=env, cwd=self.folder, log=self.log)
        ready = procs.wait_ready(self.proc, self.port, "/server/ping", timeout=120, since=since,
                                 what="Directus")
        self._grant_public_read(collections)
        return ready

    def _grant_public_read(self, collections):
        credentials = json.dumps({"email": self.ADMIN_EMAIL, "password": self.password})
        login = load.fetch_json(self.url("/auth/login"), method="POST", body=credentials,
                                headers={"Content-Type": "application/json"})
        self.token = login["data"]["access_token"]
        auth = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        policies = load.fetch_json(self.url("/policies?limit=-1&fields=id,name"), headers=auth)
        public = [p for p in policies["data"] if "public" in (p.get("name") or "").lower()]
        if not public:
            raise HarnessError(f"Directus has no public policy: {policies}")
        for collection in collections:
            body = ('{"policy":"%s","collection":"%s","action":"read","fields":["*"]}'
                    % (public[0]["id"], collection))
            load.fetch_json(self.url("/permissions"), method="POST", body=body, headers=auth)

    def url(self, path):
        """An absolute URL on it."""
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        """Stops it."""
        if self.proc:
            self.sup.stop(self.proc)
            self.proc = None


class Nginx:
    """nginx serving static files, run by hand with a configuration of its own."""

    def __init__(self, sup, exe, folder):
        self.sup, self.exe, self.folder = sup, exe, folder
        self.proc = None
        self.port = None

    def start(self, files):
        """Serves each body of `files` (name -> bytes) at `/name`; returns seconds to ready."""
        www = os.path.join(self.folder, "www")
        temp = os.path.join(self.folder, "temp")
        os.makedirs(www, exist_ok=True)
        os.makedirs(temp, exist_ok=True)
        for name, body in files.items():
            with open(os.path.join(www, name), "wb") as f:
                f.write(body)
        first = next(iter(files))
        self.port = procs.free_port()
        user = "user root;\n" if os.geteuid() == 0 else ""  # the cache may be under /root
        conf = os.path.join(self.folder, "nginx.conf")
        with open(conf, "w") as f:
            f.write(f"""{user}worker_processes auto;
daemon off;
pid {self.folder}/nginx.pid;
error_log {self.folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    default_type application/json;
    keepalive_requests 1000000;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    server {{
        listen 127.0.0.1:{self.port};
        root {www};
    }}
}}
""")
        since = time.monotonic()
        self.proc = self.sup.start([self.exe, "-p", self.folder, "-c", conf],
                                   log=os.path.join(self.folder, "nginx.log"))
        return procs.wait_ready(self.proc, self.port, f"/{first}", timeout=20, since=since,
                                what="nginx")

    def url(self, path):
        """An absolute URL on it."""
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        """Stops it."""
        if self.proc:
            self.sup.stop(self.proc)
            self.proc = None
