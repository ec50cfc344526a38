"""Processes the harness starts, their memory, free ports and readiness polling.

Every process is started in a session of its own, so that stopping it ends its children too
(nginx workers, npm scripts). `Supervisor.stop_all` runs on exit, on failure and on Ctrl-C.
"""

import http.client
import os
import signal
import socket
import subprocess
import time


def _split_cpus():
    """The CPUs for the load (wrk, the harness, downloads) and for the servers under test.

    With two or more CPUs the load gets the first one and every server the others, so that
    the load generator never takes a server's CPU in the middle of an answer (which shows up
    as tail latency of the generator, not of the server). With one CPU both share it.
    """
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return set(cpus), set(cpus)
    return {cpus[0]}, set(cpus[1:])


LOAD_CPUS, SERVER_CPUS = _split_cpus()


def pin_load():
    """Moves the harness itself (and so wrk and every download it starts) to `LOAD_CPUS`."""
    os.sched_setaffinity(0, LOAD_CPUS)


class HarnessError(Exception):
    """A failure of the harness itself (not a slow or failing service under test)."""


class Supervisor:
    """Starts processes and guarantees they are stopped again."""

    def __init__(self):
        self.procs = []

    def start(self, cmd, *, env=None, cwd=None, log=None, stdin=None):
        """Starts `cmd` in its own session on `SERVER_CPUS`; output goes to the file `log`."""
        out = open(log, "ab") if log else subprocess.DEVNULL
        try:
            proc = subprocess.Popen(
                cmd,
                env=env,
                cwd=cwd,
                stdin=stdin if stdin is not None else subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=lambda: os.sched_setaffinity(0, SERVER_CPUS),
            )
        finally:
            if log:
                out.close()
        self.procs.append(proc)
        return proc

    def stop(self, proc, timeout=10.0):
        """Stops one process group: SIGTERM, then SIGKILL after `timeout` seconds."""
        if proc in self.procs:
            self.procs.remove(proc)
        if proc.poll() is None:
            _signal_group(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                _signal_group(proc.pid, signal.SIGKILL)
                proc.wait(5)
        # Children that outlived their leader (same process group id) are ended too.
        _signal_group(proc.pid, signal.SIGKILL)

    def stop_all(self):
        """Stops everything still running, newest first."""
        for proc in reversed(list(self.procs)):
            try:
                self.stop(proc, timeout=5.0)
            except Exception as err:  # cleanup must go on for the others
                print(f"bench: could not stop pid {proc.pid}: {err}")


def _signal_group(pgid, sig):
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _status_field(pid, name):
    """A `kB` field of /proc/PID/status, in kB (0 when the process is gone)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(name + ":"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def tree(pid):
    """`pid` and all its descendants."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def rss_kb(pid):
    """Resident memory of the process tree under `pid`, in kB."""
    return sum(_status_field(p, "VmRSS") for p in tree(pid))


def reset_peak(pid):
    """Resets the peak resident size (VmHWM) of every process in the tree to its current size."""
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/clear_refs", "w") as f:
                f.write("5")
        except OSError:
            pass


def peak_kb(pid):
    """Peak resident memory (VmHWM) since the last `reset_peak`, summed over the tree, in kB."""
    return sum(_status_field(p, "VmHWM") for p in tree(pid))


def http_status(port, path, timeout=1.0):
    """The status of a GET on 127.0.0.1:port, or None when nothing answers."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        resp.read()
        return resp.status
    except OSError:
        return None
    finally:
        conn.close()


def wait_ready(proc, port, path, *, timeout, since=None, interval=0.003, what="service"):
    """Polls GET `path` every few ms until it answers 200; returns the seconds since `since`
    (a `time.monotonic()` value, by default the call).

    Raises HarnessError when the process exits or `timeout` passes first.
    """
    start = time.monotonic() if since is None else since
    while True:
        if http_status(port, path, timeout=2.0) == 200:
            return time.monotonic() - start
        if proc.poll() is not None:
            raise HarnessError(f"{what} exited with status {proc.returncode} before it was ready")
        if time.monotonic() - start > timeout:
            raise HarnessError(f"{what} not ready on port {port} after {timeout:.0f} s")
        time.sleep(interval)
