"""Load with wrk (one Lua script counting answers by status) and one-at-a-time downloads."""

import csv
import http.client
import io
import json
import os
import subprocess
import time
import urllib.parse

from . import procs

# One thread: the load has one CPU of its own (`procs.LOAD_CPUS`).
THREADS = 1
CONNECTIONS = 32
# Long enough that slow answers (login, uncached rankings) are measured, not cut off: wrk
# leaves timed-out requests out of its latency figures.
TIMEOUT_S = 30

# Counts every answer by status in each thread; `done` sums the threads and prints one JSON
# line that `run_wrk` parses (latency in microseconds).
LUA = r"""
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local merged = {}
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses")) do merged[code] = (merged[code] or 0) + n end
  end
  local parts = {}
  for code, n in pairs(merged) do table.insert(parts, string.format('"%d":%d', code, n)) end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,' ..
    '"p99_us":%d,"max_us":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"statuses":{%s}}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max, e.connect, e.read, e.write,
    e.timeout, table.concat(parts, ",")))
end
"""


def _script(workdir, method, body, headers):
    lines = [LUA]
    if method != "GET":
        lines.append(f"wrk.method = {json.dumps(method)}")
    if body is not None:
        lines.append(f"wrk.body = {json.dumps(body)}")
    for key, value in (headers or {}).items():
        lines.append(f"wrk.headers[{json.dumps(key)}] = {json.dumps(value)}")
    path = os.path.join(workdir, f"wrk-{time.monotonic_ns()}.lua")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def run_wrk(url, *, duration, workdir, log, pid=None, method="GET", body=None, headers=None,
            warmup=1.0):
    """Drives `url` with `wrk -t1 -c32 -d<duration> --latency`; returns the figures.

    With `pid`, the peak resident memory of that process tree during the measured run is
    included (VmHWM reset before, read after). A short unmeasured warm-up runs first.
    """
    script = _script(workdir, method, body, headers)
    base = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", "--latency", "--timeout", f"{TIMEOUT_S}s",
            "-s", script]
    if warmup > 0:
        subprocess.run(base + [f"-d{warmup}s", url], capture_output=True, check=False)
    if pid:
        procs.reset_peak(pid)
        rss_before = procs.rss_kb(pid)
    done = subprocess.run(base + [f"-d{duration}s", url], capture_output=True, text=True)
    with open(log, "a") as f:
        f.write(f"$ {' '.join(base)} -d{duration}s {url}\n{done.stdout}{done.stderr}\n")
    line = next((l for l in done.stdout.splitlines() if l.startswith("BENCH_RESULT ")), None)
    if done.returncode != 0 or line is None:
        detail = done.stderr.strip() or done.stdout[-300:]
        raise procs.HarnessError(f"wrk failed on {url}: {detail}")
    raw = json.loads(line.split(" ", 1)[1])
    statuses = {int(k): v for k, v in raw["statuses"].items()}
    non2xx = sum(n for code, n in statuses.items() if not 200 <= code < 300)
    socket_errors = raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    seconds = raw["duration_us"] / 1e6
    result = {
        "url": url,
        "method": method,
        "requests": raw["requests"],
        "rps": raw["requests"] / seconds if seconds else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "bytes_per_request": raw["bytes"] / raw["requests"] if raw["requests"] else 0,
        "statuses": statuses,
        "non2xx": non2xx,
        "socket_errors": socket_errors,
        "failed": non2xx > 0 or socket_errors > 0 or raw["requests"] == 0,
    }
    if pid:
        result["rss_before_kb"] = rss_before
        result["peak_rss_kb"] = procs.peak_kb(pid)
    return result


def fetch(url, *, method="GET", body=None, headers=None, timeout=60.0):
    """One request; returns (status, headers dict with lower-case names, body bytes)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        data = body.encode() if isinstance(body, str) else body
        conn.request(method, path, body=data, headers=headers or {})
        resp = conn.getresponse()
        payload = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, payload
    finally:
        conn.close()


def fetch_json(url, **kwargs):
    """GET (or another method) that must answer 2xx with JSON; returns the parsed body."""
    status, _, payload = fetch(url, **kwargs)
    if not 200 <= status < 300:
        raise procs.HarnessError(f"{url} answered {status}: {payload[:300]!r}")
    return json.loads(payload)


def count_csv_rows(payload):
    """Data rows of a CSV body (header excluded; quoted line breaks handled)."""
    text = payload.decode("utf-8-sig", errors="replace")
    return max(sum(1 for _ in csv.reader(io.StringIO(text, newline=""))) - 1, 0)


def export(url, *, pid, repeats, warm=None, headers=None):
    """Downloads `url` one request at a time, `repeats` times; returns the fastest run's
    figures, the first run's time (a server that keeps downloads computes only that one) and the memory of `pid`'s tree: its resident size just before the first download
    and the highest peak (VmHWM) during any of them. `warm`, a small request on the same
    table, is sent once before, so that opening connections is not counted as growth.
    `headers` go with every request (credentials)."""
    if warm:
        fetch(warm, headers=headers)
    best = None
    first = None
    peak = 0
    rows = None
    before = procs.rss_kb(pid)
    for _ in range(repeats):
        procs.reset_peak(pid)
        start = time.monotonic()
        status, _, payload = fetch(url, headers=headers, timeout=600.0)
        seconds = time.monotonic() - start
        peak = max(peak, procs.peak_kb(pid))
        if status != 200:
            return {"url": url, "failed": True, "status": status,
                    "detail": payload[:300].decode("utf-8", "replace")}
        if rows is None:
            rows = count_csv_rows(payload)
            first = seconds
        if best is None or seconds < best:
            best = seconds
            size = len(payload)
    return {
        "url": url,
        "failed": rows == 0,
        "seconds": best,
        "first_seconds": first,
        "bytes": size,
        "rows": rows,
        "rows_per_s": rows / best if best else 0.0,
        "rss_before_kb": before,
        "peak_rss_kb": peak,
        "growth_kb": max(peak - before, 0),
        "repeats": repeats,
    }
