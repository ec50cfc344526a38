"""The service under test: the `learning-city` binary on a fresh database of either backend.

Everything a part needs to start, sign in to, load and stop the service, with the standard
library only (the suite runs before anything else is installed into its virtual environment).
"""

import http.client
import json
import os
import signal
import socket
import subprocess
import time
import uuid

READY_TIMEOUT = 60.0


class SuiteError(Exception):
    """A failure of the suite itself (the service did not start, a tool is missing)."""


def until(condition, limit):
    """Polls `condition` until it is true or `limit` seconds have passed; its last answer."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Database:
    """A new, empty database: a SQLite file in `workdir`, or a PostgreSQL database created
    through `admin_url` (dropped by `drop`)."""

    def __init__(self, backend, workdir, admin_url):
        self.backend = backend
        self.admin_url = admin_url
        name = f"lc_rel_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        if backend == "sqlite":
            self.url = os.path.join(workdir, f"{name}.sqlite3")
        elif backend == "postgres":
            psql(admin_url, f'CREATE DATABASE "{name}"')
            base = admin_url.rsplit("/", 1)[0]
            self.url = f"{base}/{name}"
        else:
            raise SuiteError(f"unknown backend {backend}")
        self.name = name

    def drop(self):
        if self.backend == "postgres":
            psql(self.admin_url, f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)', check=False)


class ExternalDatabase:
    """A database a part manages itself (such as its own PostgreSQL server)."""

    def __init__(self, backend, url, name):
        self.backend = backend
        self.url = url
        self.name = name

    def drop(self):
        """Nothing: the part removes what it made."""


def psql(url, sql, *, check=True):
    """Runs one statement with `psql`; returns its output (unaligned, tuples only)."""
    done = subprocess.run(
        ["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False)
    if check and done.returncode != 0:
        raise SuiteError(f"psql {sql!r}: {done.stderr.strip()}")
    return done.stdout.strip()


class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    @property
    def code(self):
        """The problem `code` of an RFC 9457 answer, or None."""
        data = self.json()
        return data.get("code") if isinstance(data, dict) else None


class Service:
    """One `learning-city serve` process on `database`, on a free loopback port."""

    def __init__(self, binary, database, workdir, *, env=None, name="service"):
        self.binary = binary
        self.database = database
        self.port = free_port()
        self.log_path = os.path.join(workdir, f"{name}-{self.port}.log")
        self.env = {
            **os.environ,
            "DATABASE_URL": database.url,
            "BIND": f"127.0.0.1:{self.port}",
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "warn",
            "RATE_LIMITS": "false",
            "FRONTEND_DIR": os.path.join(workdir, "no-web-app"),
            **(env or {}),
        }
        self.proc = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        """Starts the process and waits until `/readyz` answers 200."""
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [self.binary, "serve"], env=self.env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SuiteError(f"the service exited with {self.proc.returncode}; see {self.log_path}")
            try:
                if self.request("GET", "/readyz", timeout=1.0).status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.02)
        raise SuiteError(f"the service was not ready within {READY_TIMEOUT} s; see {self.log_path}")

    def signal(self, sig):
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, sig)

    def wait(self, timeout):
        """The exit status once the process has ended, or None if it still runs after `timeout`."""
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        """SIGTERM, then SIGKILL if it has not ended within 15 s."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.signal(signal.SIGTERM)
        if self.wait(15) is None:
            self.signal(signal.SIGKILL)
            self.proc.wait()

    def request(self, method, path, *, body=None, token=None, headers=None, raw=None,
                timeout=30.0):
        """One HTTP request on a new connection; `body` is sent as JSON, `raw` as given."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            sent = dict(headers or {})
            data = raw
            if body is not None:
                data = json.dumps(body).encode()
                sent.setdefault("Content-Type", "application/json")
            if token:
                sent["Authorization"] = f"Bearer {token}"
            conn.request(method, path, body=data, headers=sent)
            answer = conn.getresponse()
            # Header names in lower case, as HTTP/1.1 treats them case-insensitively.
            headers = {name.lower(): value for name, value in answer.getheaders()}
            return Reply(answer.status, headers, answer.read())
        finally:
            conn.close()

    def add_user(self, role, *, city=None, email=None, password=None):
        """Creates an account with `learning-city user add`; returns (email, password)."""
        email = email or f"{role}-{uuid.uuid4().hex[:8]}@example.org"
        password = password or f"reliability {uuid.uuid4().hex}"
        cmd = [self.binary, "user", "add", "--email", email, "--role", role]
        if city:
            cmd += ["--city", city]
        done = subprocess.run(cmd, input=password + "\n", capture_output=True, text=True,
                              env={**self.env, "LOG_LEVEL": "error"}, check=False)
        if done.returncode != 0:
            raise SuiteError(f"user add {role}: {done.stderr.strip()}")
        return email, password

    def login(self, email, password):
        reply = self.request("POST", "/api/v1/auth/login",
                             body={"email": email, "password": password})
        if reply.status != 200:
            raise SuiteError(f"login {email}: {reply.status} {reply.body[:200]!r}")
        return reply.json()["access_token"]

    def token(self, role, *, city=None):
        """A new account of `role`, signed in: its access token."""
        return self.login(*self.add_user(role, city=city))
