"""The machine description, the targets and the Markdown report (RESULTS.md and stdout)."""

import datetime
import os
import re
import sqlite3
import subprocess

from . import install

MB = 1_000_000
# An export "keeps memory flat" when its peak resident size rises above the size just before
# it by at most half the bytes it sends, with at least FLAT_SLACK_MB and at most FLAT_GROWTH_MB.
FLAT_GROWTH_MB = 10
FLAT_SLACK_MB = 4
FLAT_SHARE = 0.5

TARGETS = {
    "directus": 30,
    "datasette": 10,
    "p99_ms": 5.0,
    "nginx_share": 0.5,
    "export_ratio": 10,
    "idle_rss_mb": 30,
    "ready_s": 0.3,
}


def _out(cmd):
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (done.stdout + done.stderr).strip() or None


def _git_commit(repo):
    """HEAD's commit, read from the .git folder (the harness never runs git)."""
    git = os.path.join(repo, ".git")
    try:
        with open(os.path.join(git, "HEAD")) as f:
            head = f.read().strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        path = os.path.join(git, ref)
        if os.path.exists(path):
            with open(path) as f:
                return f"{f.read().strip()} ({ref.rsplit('/', 1)[-1]})"
        with open(os.path.join(git, "packed-refs")) as f:
            for line in f:
                if line.rstrip().endswith(" " + ref):
                    return f"{line.split()[0]} ({ref.rsplit('/', 1)[-1]})"
    except OSError:
        pass
    return "unknown"


def _bundled_sqlite(binary, repo):
    """The SQLite version compiled into the service binary, and the crate that bundles it."""
    crate = None
    try:
        with open(os.path.join(repo, "Cargo.lock")) as f:
            m = re.search(r'name = "libsqlite3-sys"\nversion = "([^"]+)"', f.read())
            crate = m and m.group(1)
    except OSError:
        pass
    version = "unknown"
    try:
        with open(binary, "rb") as f:
            data = f.read()
        pattern = rb"[^\d.](3\.[3-9]\d\.\d{1,2})\x00"
        found = {m.group(1).decode() for m in re.finditer(pattern, data)}
        source = re.search(rb"(20\d\d-\d\d-\d\d) \d\d:\d\d:\d\d [0-9a-f]{40,}", data)
        if len(found) == 1:
            version = found.pop()
        if source:
            version += f", source id of {source.group(1).decode()}"
    except OSError:
        pass
    return f"{version} (bundled by libsqlite3-sys {crate or '?'})"


def machine(repo, binary, cache, node_home):
    """What the figures were measured on."""
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) * 1024
    datasette = os.path.join(cache, "datasette", "bin", "datasette")
    node = os.path.join(node_home or install.node_home(cache), "bin", "node")
    info = {
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "RAM": f"{ram / 2**30:.1f} GiB",
        "Kernel": f"{os.uname().sysname} {os.uname().release}",
        "OS": _os_name(),
        "PostgreSQL": _out(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qAtc",
                            "show server_version"]),
        "SQLite (service)": _bundled_sqlite(binary, repo) if binary else None,
        "SQLite (Datasette)": sqlite3.sqlite_version,
        "wrk": (_out(["wrk", "-v"]) or "").splitlines()[0:1],
        "nginx": _out([install.nginx_binary(), "-v"]),
        "Datasette": os.path.exists(datasette) and _out([datasette, "--version"]),
        "Directus": install.directus_version(os.path.join(cache, "directus")),
        "Node (Directus)": os.path.exists(node) and _out([node, "--version"]),
        "Rust": _out(["rustc", "--version"]),
        "Repository commit": _git_commit(repo),
    }
    if isinstance(info["wrk"], list):
        info["wrk"] = info["wrk"][0].split(" [")[0] if info["wrk"] else None
    if info["nginx"]:
        info["nginx"] = info["nginx"].replace("nginx version: ", "")
    return {k: (v if v else "not installed") for k, v in info.items()}


def _os_name():
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return "unknown"


# ---------------------------------------------------------------- formatting helpers


def _mb(kb):
    return "—" if kb is None else f"{kb * 1024 / MB:.1f}"


def _num(x, digits=0):
    if x is None:
        return "—"
    return f"{x:,.{digits}f}"


def _ms(x):
    if x is None:
        return "—"
    return f"{x:.2f}" if x < 10 else f"{x:,.0f}"


def _ratio(a, b):
    if not a or not b:
        return None
    return a / b


def _fmt_ratio(r):
    if r is None:
        return "—"
    return f"{r:.2f}x" if r < 1 else (f"{r:,.1f}x" if r < 100 else f"{r:,.0f}x")


def loadavg():
    """The 1-, 5- and 15-minute load averages."""
    with open("/proc/loadavg") as f:
        return tuple(float(x) for x in f.read().split()[:3])


def _errors(r):
    if r.get("failed") and "requests" not in r:
        return f"FAILED ({r.get('status', '?')})"
    n = r.get("non2xx", 0) + r.get("socket_errors", 0)
    text = f"{n:,}"
    if r.get("failed"):
        codes = ", ".join(f"{c}: {k:,}" for c, k in sorted(r.get("statuses", {}).items())
                          if not 200 <= c < 300)
        sock = r.get("socket_errors", 0)
        detail = "; ".join(x for x in (codes, f"socket {sock:,}" if sock else "") if x)
        text += f" **FAILED** ({detail})" if detail else " **FAILED**"
    return text


LABELS = {
    "list": "city list",
    "detail": "city detail",
    "members": "network members",
    "ranking": "ranking",
    "login": "login (argon2id)",
    "cities_csv": "CSV export: cities",
    "scores_csv": "CSV export: scores",
}


def flat(export):
    """Whether an export kept memory flat (see FLAT_GROWTH_MB and FLAT_SHARE)."""
    allowed = min(FLAT_GROWTH_MB * MB, max(FLAT_SLACK_MB * MB, FLAT_SHARE * export["bytes"]))
    return export["growth_kb"] * 1024 <= allowed


def _table_load(rows):
    lines = ["| scenario | cache | req/s | p50 ms | p99 ms | errors | bytes/answer "
             "| peak RSS MB |",
             "|---|---|---:|---:|---:|---|---:|---:|"]
    for label, cache, r in rows:
        lines.append(f"| {label} | {cache} | {_num(r.get('rps'))} | {_ms(r.get('p50_ms'))} | "
                     f"{_ms(r.get('p99_ms'))} | {_errors(r)} | "
                     f"{_num(r.get('bytes_per_request'))} | {_mb(r.get('peak_rss_kb'))} |")
    return lines


def _table_exports(rows):
    lines = ["| export | cache | seconds | first s | bytes | rows | rows/s | RSS before MB "
             "| peak RSS MB | growth MB | flat |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for label, cache, r in rows:
        if r.get("failed"):
            lines.append(f"| {label} | {cache} | FAILED ({r.get('status', '?')}: "
                         f"{(r.get('detail') or '')[:80]}) | | | | | | | | |")
            continue
        first = r.get("first_seconds")
        lines.append(f"| {label} | {cache} | {r['seconds']:.3f} | "
                     f"{'—' if first is None else f'{first:.3f}'} | {r['bytes']:,} | "
                     f"{r['rows']:,} | {_num(r['rows_per_s'])} | {_mb(r['rss_before_kb'])} | "
                     f"{_mb(r['peak_rss_kb'])} | {_mb(r['growth_kb'])} | "
                     f"{'yes' if flat(r) else 'no'} |")
    return lines


def export_rows(b):
    """A backend's export results as (label, cache, result): kept downloads on, then off."""
    rows = []
    for key, cache in (("exports", "on"), ("exports_uncached", "off")):
        rows += [(LABELS[n], cache, r) for n, r in b.get(key, {}).items()]
    return rows


# ---------------------------------------------------------------- targets


def _verdict(ok):
    return "—" if ok is None else ("holds" if ok else "**does not hold**")


def nginx_for(peers, scen):
    """nginx's figures for a static copy of scenario `scen`'s answer; results written before
    there was a copy per scenario have only the city list's (`static`)."""
    nginx = peers.get("nginx") or {}
    return (nginx.get("files") or {}).get(scen) or nginx.get("static")


def targets(results):
    """Each target per backend (and scenario): (target, subject, measured, holds or None)."""
    out = []
    peers = results.get("peers") or {}
    for backend, b in results["backends"].items():
        on = b.get("cache_on", {})
        off = b.get("cache_off", {})
        for scen in ("list", "detail"):
            mine = on.get(scen)
            for peer, factor in (("directus", TARGETS["directus"]),
                                 ("datasette", TARGETS["datasette"])):
                theirs = (peers.get(peer) or {}).get(scen)
                r = _ratio(mine and mine.get("rps"), theirs and theirs.get("rps"))
                r_off = _ratio(off.get(scen, {}).get("rps"), theirs and theirs.get("rps"))
                failed = bool((mine or {}).get("failed") or (theirs or {}).get("failed"))
                ok = None if r is None else (r >= factor and not failed)
                out.append((f"{LABELS[scen]} >= {factor}x {peer.capitalize()} req/s",
                            backend, f"{_fmt_ratio(r)} (cache off {_fmt_ratio(r_off)})"
                            + (" (a run had errors)" if failed else ""), ok))
            if mine:
                p99_off = off.get(scen, {}).get("p99_ms")
                ok = mine["p99_ms"] <= TARGETS["p99_ms"] and not mine["failed"]
                out.append((f"{LABELS[scen]} p99 <= {TARGETS['p99_ms']:g} ms at 32 connections",
                            backend, f"{_ms(mine['p99_ms'])} ms (cache off {_ms(p99_off)} ms)",
                            ok))
        for scen in ("list", "detail", "members", "ranking"):
            mine = on.get(scen)
            if not mine:
                continue
            nginx = nginx_for(peers, scen)
            share = _ratio(mine["rps"], nginx and nginx.get("rps"))
            ok = None if share is None else (share >= TARGETS["nginx_share"] and not mine["failed"])
            measured = "—" if share is None else (
                f"{share:.0%} ({_num(mine['rps'])} vs {_num(nginx['rps'])} req/s; answers of "
                f"{mine['bytes_per_request'] / 1000:,.0f} vs "
                f"{nginx['bytes_per_request'] / 1000:,.0f} kB)")
            out.append((f"cached {LABELS[scen]} >= {TARGETS['nginx_share']:.0%} of nginx static",
                        backend, measured, ok))
        for name in ("cities_csv", "scores_csv"):
            mine = b.get("exports", {}).get(name)
            if not mine:
                continue
            best = None
            for peer in ("datasette", "directus"):
                theirs = (peers.get(peer) or {}).get(name)
                if theirs and not theirs.get("failed") and (best is None or
                                                            theirs["rows_per_s"] > best[1]):
                    best = (peer, theirs["rows_per_s"])
            if mine.get("failed"):
                out.append((f"{LABELS[name]} >= {TARGETS['export_ratio']}x best peer rows/s, "
                            "flat memory", backend, "export failed", False))
                continue
            r = _ratio(mine["rows_per_s"], best and best[1])
            uncached = b.get("exports_uncached", {}).get(name)
            uncached = uncached if uncached and not uncached.get("failed") else None
            is_flat = flat(mine) and (uncached is None or flat(uncached))
            ok = None if r is None else (r >= TARGETS["export_ratio"] and is_flat)
            measured = (f"{_fmt_ratio(r)} of {best[0].capitalize()}" if best else "no peer figure")
            if best and uncached:
                measured += (f" (cache off: "
                             f"{_fmt_ratio(_ratio(uncached['rows_per_s'], best[1]))})")
            measured += f"; +{_mb(mine['growth_kb'])} MB while sending {mine['bytes'] / MB:.1f} MB"
            if uncached:
                measured += f" (cache off: +{_mb(uncached['growth_kb'])} MB)"
            out.append((f"{LABELS[name]} >= {TARGETS['export_ratio']}x best peer rows/s, "
                        "flat memory", backend, measured,
                        ok if best else (False if not is_flat else None)))
        if b.get("idle_rss_kb"):
            mb = b["idle_rss_kb"] * 1024 / MB
            out.append((f"idle RSS <= {TARGETS['idle_rss_mb']} MB", backend, f"{mb:.1f} MB",
                        mb <= TARGETS["idle_rss_mb"]))
        if b.get("startup_s"):
            med = sorted(b["startup_s"])[len(b["startup_s"]) // 2]
            out.append((f"start to ready <= {TARGETS['ready_s']} s (migrated database)", backend,
                        f"{med:.3f} s median of {len(b['startup_s'])} "
                        f"({', '.join(f'{s:.3f}' for s in b['startup_s'])})",
                        med <= TARGETS["ready_s"]))
    return out


# ---------------------------------------------------------------- the document


def markdown(results, notes):
    """RESULTS.md: everything measured, the ratios, the targets, then NOTES.md verbatim.
    Returns (document, summary) where summary is the document without the notes."""
    meta = results["meta"]
    lines = ["# Benchmark results", "",
             f"Written by `bench/run` on {meta['date']} (`{meta['command']}`); "
             f"{meta['duration']} s per load run, `wrk -t1 -c32 --latency`, loopback only; "
             f"{meta.get('cpus', 'the load and the servers share the CPUs')}. "
             "Figures move from run to run by about ±10 %.", ""]
    if meta.get("warnings"):
        lines += ["**Warnings:**", ""] + [f"- {w}" for w in meta["warnings"]] + [""]
    lines += ["## Machine", "", "| | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in meta["machine"].items()]
    lines += ["", "## Data", "", f"Requested: {meta['sizes_text']}. Loaded with `{meta['seed']}`.",
              ""]
    for backend, counts in meta.get("counts", {}).items():
        lines.append(f"- {backend}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    lines.append("")
    for backend, b in results["backends"].items():
        t = b.get("targets", {})
        lines += [f"## Service on {'SQLite' if backend == 'sqlite' else 'PostgreSQL'}", ""]
        startup = ", ".join(f"{s:.3f}" for s in b.get("startup_s", []))
        lines += [f"Start to ready (s, each start on the migrated database): {startup}. "
                  f"Idle RSS after ready: {_mb(b.get('idle_rss_kb'))} MB; after all scenarios: "
                  f"{_mb(b.get('rss_after_kb'))} MB.", ""]
        if t:
            lines += ["Requests: " + "; ".join(f"{k} `{v}`" for k, v in t.items()
                                               if k in ("list", "detail", "members", "ranking")),
                      ""]
        rows = []
        for scen in ("list", "detail", "members", "ranking"):
            for cache in ("cache_on", "cache_off"):
                r = b.get(cache, {}).get(scen)
                if r:
                    rows.append((LABELS[scen], "on" if cache == "cache_on" else "off", r))
        if b.get("login"):
            rows.append((LABELS["login"], "—", b["login"]))
        lines += _table_load(rows) + [""]
        ex = export_rows(b)
        if ex:
            lines += _table_exports(ex) + [""]
    peers = results.get("peers")
    if peers:
        lines += ["## Peers on the same data", ""]
        for name, title in (("datasette", "Datasette (same SQLite file)"),
                            ("directus", "Directus (copy of the PostgreSQL database)"),
                            ("nginx", "nginx static file (the ceiling)")):
            p = peers.get(name)
            if not p:
                continue
            lines += [f"### {title}", ""]
            if p.get("error"):
                lines += [f"Not measured: {p['error']}", ""]
                continue
            extra = []
            if p.get("ready_s") is not None:
                extra.append(f"start to ready {p['ready_s']:.2f} s")
            if p.get("idle_rss_kb"):
                extra.append(f"idle RSS {_mb(p['idle_rss_kb'])} MB")
            if extra:
                text = "; ".join(extra)
                lines += [text[0].upper() + text[1:] + ".", ""]
            if p.get("files"):
                rows = [(f"copy of our {LABELS[k]} answer, {r['bytes']:,} bytes", "—", r)
                        for k, r in p["files"].items()]
            else:
                rows = [(LABELS.get(k, k if k != "static" else
                                    f"static JSON, {p.get('bytes', 0):,} bytes"), "—", r)
                        for k, r in p.items() if isinstance(r, dict) and "rps" in r]
            lines += _table_load(rows) + [""]
            if p.get("urls"):
                lines += ["Requests: " + "; ".join(f"{k} `{v}`" for k, v in p["urls"].items()
                                                   if not k.endswith("_warm")), ""]
            ex = [(LABELS[k], "—", r) for k, r in p.items() if k.endswith("_csv")]
            if ex:
                lines += _table_exports(ex) + [""]
        lines += ["## Ratios (ours / peer)", "",
                  "| scenario | backend | cache | vs Directus | vs Datasette | vs nginx static |",
                  "|---|---|---|---:|---:|---:|"]
        for backend, b in results["backends"].items():
            for scen in ("list", "detail", "members", "ranking"):
                nginx = nginx_for(peers, scen)
                for cache in ("cache_on", "cache_off"):
                    r = b.get(cache, {}).get(scen)
                    if not r:
                        continue
                    cells = [_fmt_ratio(_ratio(r["rps"], ((peers.get(p) or {}).get(scen) or {})
                                               .get("rps"))) for p in ("directus", "datasette")]
                    cells.append(_fmt_ratio(_ratio(r["rps"], nginx and nginx.get("rps"))))
                    lines.append(f"| {LABELS[scen]} req/s | {backend} | "
                                 f"{'on' if cache == 'cache_on' else 'off'} | " + " | ".join(cells)
                                 + " |")
            for key, cache in (("exports", "on"), ("exports_uncached", "off")):
                for name, r in b.get(key, {}).items():
                    if r.get("failed"):
                        continue
                    cells = [_fmt_ratio(_ratio(r["rows_per_s"], ((peers.get(p) or {}).get(name)
                                                                 or {}).get("rows_per_s")))
                             for p in ("directus", "datasette")]
                    lines.append(f"| {LABELS[name]} rows/s | {backend} | {cache} | {cells[0]} | "
                                 f"{cells[1]} | — |")
        lines.append("")
    lines += ["## Targets", "",
              "Not assertions: the harness reports whether each holds. \"Cached\" figures are with "
              "the response cache on (the default); the cache-off figures are shown beside them. "
              "Exports run first on a freshly started server, one request at a time, and the "
              "fastest of the runs is shown; \"first s\" is the first run. With the cache on, the "
              "service keeps a compressed copy of a download that is the same for every caller "
              "until the data changes, so the first run computes the rows and later runs send "
              "the kept copy; with it off every run computes them. \"RSS "
              "before\" is its resident size before the first export. "
              "An export keeps memory flat when its peak RSS rises above that "
              f"by at most {FLAT_SHARE:.0%} of the bytes it sends (at least {FLAT_SLACK_MB} MB, "
              f"at most {FLAT_GROWTH_MB} MB): a server that buffered the whole file would grow by "
              "at least its size.", "",
              "| target | backend | measured | verdict |", "|---|---|---|---|"]
    for target, backend, measured, ok in targets(results):
        lines.append(f"| {target} | {backend} | {measured} | {_verdict(ok)} |")
    lines.append("")
    summary = "\n".join(lines)
    document = summary + "\n## What made the difference\n\n" + \
        "_Verbatim from `bench/NOTES.md`:_\n\n" + notes.rstrip() + "\n"
    return document, summary


def now():
    """The run's date and time, local time zone."""
    return datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
