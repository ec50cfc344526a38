"""A PostgreSQL server of the suite's own, from the local binaries, that a part may stop and
start (the machine's shared server must stay up for everyone else)."""

import glob
import os
import shutil
import subprocess
import tempfile

from .service import SuiteError, free_port


def bindir():
    """The newest PostgreSQL server installation's bin folder (Debian keeps them versioned)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    if initdb:
        return os.path.dirname(initdb)
    raise SuiteError("no PostgreSQL server binaries (initdb) found")


class Cluster:
    """`initdb` into a temporary folder, served on a free loopback port; `stop` and `start`
    it at will; `remove` stops it and deletes it."""

    def __init__(self):
        self.bin = bindir()
        self.as_postgres = os.geteuid() == 0
        self.dir = tempfile.mkdtemp(prefix="lc-outage-")
        self.data = os.path.join(self.dir, "data")
        self.log = os.path.join(self.dir, "server.log")
        self.port = free_port()
        if self.as_postgres:
            # initdb refuses to run as root: the server runs as `postgres`, in a folder it owns.
            subprocess.run(["chown", "postgres:", self.dir], check=True)
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--no-locale",
                  "--encoding=UTF8", "--no-sync")
        with open(os.path.join(self.data, "postgresql.conf"), "a") as conf:
            conf.write(f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\n"
                       f"unix_socket_directories = '{self.dir}'\nmax_connections = 40\n"
                       "shared_buffers = 16MB\nfsync = off\n")
        self.start()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/outage"
        self.psql("postgres", "CREATE DATABASE outage")

    def _run(self, tool, *args):
        cmd = [os.path.join(self.bin, tool), *args]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=self.dir, env=env,
                              stdin=subprocess.DEVNULL, check=False)
        if done.returncode != 0:
            raise SuiteError(f"{tool} {' '.join(args)}: {done.stderr.strip() or done.stdout.strip()}")
        return done.stdout

    def psql(self, database, sql):
        done = subprocess.run(
            ["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
             f"postgres://postgres@127.0.0.1:{self.port}/{database}", "-c", sql],
            capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False)
        if done.returncode != 0:
            raise SuiteError(f"psql {sql!r}: {done.stderr.strip()}")
        return done.stdout.strip()

    def start(self):
        self._run("pg_ctl", "-w", "-t", "60", "-D", self.data, "-l", self.log, "start")

    def stop(self, mode="fast"):
        """`pg_ctl stop -m fast` ends every session at once, as a crash or failover would."""
        self._run("pg_ctl", "-w", "-t", "60", "-D", self.data, "-m", mode, "stop")

    def remove(self):
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "stop")
        except SuiteError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)
