"""Part 5: hostile input. Every attempt must get a clean 4xx problem and change nothing."""

import base64
import os
import hashlib
import hmac
import json
import time

KEY = "hostile"
TITLE = "Hostile input"
CLAIM = ("Oversized bodies, deeply nested JSON, invalid UTF-8, huge or negative paging values, "
         "forged cursors, path traversal on the static files, forged, expired, `alg: none` and "
         "other-key JWTs and a brute-force login all get clean 4xx answers (RFC 9457 problems, "
         "never a 5xx) and change nothing.")

SECRET = "reliability-suite-signing-secret-of-48-bytes-ok!"
MAX_BODY = 65536


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(claims, *, key=SECRET, alg="HS256"):
    """A JWT signed with `key` (HS256), or unsigned for `alg: none`."""
    header = _b64(json.dumps({"alg": alg, "typ": "JWT"}).encode())
    payload = _b64(json.dumps(claims).encode())
    signing_input = f"{header}.{payload}".encode()
    if alg == "none":
        return f"{header}.{payload}."
    signature = hmac.new(key.encode(), signing_input, hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(signature)}"


def _snapshot(service, token):
    """What a successful hostile request could have changed."""
    return {
        "cities": service.request("GET", "/api/v1/cities?limit=1", token=token).json()["total"],
        "users": service.request("GET", "/api/v1/users?limit=1", token=token).json()["total"],
        "audit": service.request("GET", "/api/v1/audit-log?limit=1", token=token).json()["total"],
        "networks": service.request("GET", "/api/v1/networks?limit=1").json()["total"],
    }


def _attacks(admin_id):
    """(label, method, path, request keyword arguments), each a request that must be refused."""
    now = int(time.time())
    good = {"sub": str(admin_id), "iss": "learning-city", "aud": "learning-city-api",
            "iat": now, "exp": now + 600, "epoch": 0}
    city = {"name": {"en": "Hostile"}, "country": "TH"}
    nested = "[" * 10_000 + "]" * 10_000
    deep_object = '{"name":' * 5_000 + "1" + "}" * 5_000
    forged = [
        ("JWT with alg none", jwt(good, alg="none")),
        ("JWT signed with another key", jwt(good, key="another-key-" * 4)),
        ("expired JWT", jwt({**good, "iat": now - 7200, "exp": now - 3600})),
        ("JWT of another issuer", jwt({**good, "iss": "someone-else"})),
        ("JWT for another audience", jwt({**good, "aud": "other-api"})),
        ("JWT without exp", jwt({k: v for k, v in good.items() if k != "exp"})),
        ("JWT with a tampered payload", jwt(good).rsplit(".", 1)[0][:-2] + "xx." + jwt(good).rsplit(".", 1)[1]),
        ("JWT with alg HS512 header", jwt(good, alg="HS512")),
        ("not a JWT", "garbage"),
        ("empty bearer", ""),
    ]
    attacks = [(f"POST /cities with a {label}", "POST", "/api/v1/cities",
                {"body": city, "token": token}) for label, token in forged]
    attacks += [(f"GET /users with a {label}", "GET", "/api/v1/users", {"token": token})
                for label, token in forged[:6]]
    body = json.dumps({**city, "description": {"en": "x" * (MAX_BODY * 2)}}).encode()
    attacks += [
        ("oversized body (2x the limit)", "POST", "/api/v1/cities",
         {"raw": body, "headers": {"Content-Type": "application/json"}, "auth": True}),
        ("deeply nested JSON array", "POST", "/api/v1/cities",
         {"raw": nested.encode(), "headers": {"Content-Type": "application/json"}, "auth": True}),
        ("deeply nested JSON object", "POST", "/api/v1/cities",
         {"raw": deep_object.encode(), "headers": {"Content-Type": "application/json"}, "auth": True}),
        ("invalid UTF-8 in a JSON body", "POST", "/api/v1/cities",
         {"raw": b'{"name": {"en": "\xff\xfe"}, "country": "TH"}',
          "headers": {"Content-Type": "application/json"}, "auth": True}),
        ("a JSON body sent as text/plain", "POST", "/api/v1/cities",
         {"raw": json.dumps(city).encode(), "headers": {"Content-Type": "text/plain"}, "auth": True}),
        ("invalid UTF-8 in the query", "GET", "/api/v1/cities?q=%ff%fe", {}),
        ("invalid UTF-8 in a path segment", "GET", "/api/v1/cities/%ff%fe", {}),
        ("limit=-1", "GET", "/api/v1/cities?limit=-1", {}),
        ("limit=0", "GET", "/api/v1/cities?limit=0", {}),
        ("limit=10^30", "GET", "/api/v1/cities?limit=1000000000000000000000000000000", {}),
        ("limit not a number", "GET", "/api/v1/cities?limit=ten", {}),
        ("repeated limit", "GET", "/api/v1/cities?limit=1&limit=2", {}),
        ("unknown parameter", "GET", "/api/v1/cities?drop=table", {}),
        ("forged cursor (random base64)", "GET", "/api/v1/cities?cursor=" + _b64(b"x" * 40), {}),
        ("forged cursor (JSON)", "GET", "/api/v1/cities?cursor=" + _b64(b'{"id":1,"name":"a"}'), {}),
        ("forged cursor (huge)", "GET", "/api/v1/cities?cursor=" + "A" * 20_000, {}),
        ("cursor of another list", "GET", "/api/v1/networks?cursor=CURSOR", {}),
        ("SQL in a filter", "GET", "/api/v1/cities?country=TH'%20OR%20'1'='1", {}),
        ("SQL in a sort", "GET", "/api/v1/cities?sort=name;DROP%20TABLE%20cities", {}),
        ("SQL in a path", "GET", "/api/v1/cities/phayao'%20OR%201=1--", {}),
        ("negative id", "GET", "/api/v1/memberships/-1", {}),
        ("id beyond 64 bits", "GET", "/api/v1/memberships/99999999999999999999999", {}),
        ("path traversal ../", "GET", "/../../../../etc/passwd", {}),
        ("path traversal %2e%2e", "GET", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", {}),
        ("path traversal %2f", "GET", "/assets/..%2f..%2f..%2fetc%2fpasswd", {}),
        ("path traversal to the database", "GET", "/..%2f..%2fdata%2flearning-city.sqlite3", {}),
        ("path traversal with a backslash", "GET", "/assets/..\\..\\etc\\passwd", {}),
        ("PATCH with a forged If-Match", "PATCH", "/api/v1/cities/phayao",
         {"body": {"population": 1}, "auth": True,
          "headers": {"If-Match": '"forged"', "Content-Type": "application/merge-patch+json"}}),
    ]
    return attacks


def run(ctx, part):
    for backend in ctx.backends:
        service = ctx.started(backend, env={"JWT_SECRET": SECRET, "MAX_BODY_BYTES": str(MAX_BODY),
                                             "FRONTEND_DIR": _spa(ctx)})
        email, password = service.add_user("admin")
        admin = service.login(email, password)
        me = service.request("GET", "/api/v1/me", token=admin).json()
        cursor = service.request("GET", "/api/v1/cities?limit=1").json()["next_cursor"]
        before = _snapshot(service, admin)
        outcomes = []
        for label, method, path, kwargs in _attacks(me["id"]):
            kwargs = dict(kwargs)
            if kwargs.pop("auth", False):
                kwargs["token"] = admin
            path = path.replace("CURSOR", cursor)
            try:
                reply = service.request(method, path, **kwargs)
                status, code, body = reply.status, reply.code, reply.body
                problem = reply.headers.get("content-type", "").startswith("application/problem+json")
            except OSError as e:
                status, code, body, problem = 0, type(e).__name__, b"", False
            outcomes.append((label, status, code, problem, body))
        after = _snapshot(service, admin)
        part.attempt(f"{backend}: {len(outcomes)} hostile requests (forged tokens, bodies, paging, "
                     "cursors, SQL in parameters, path traversal)")
        # A page path of the web app is answered with its index.html (the app shows its own
        # "not found"); a normalised traversal path is such a path.
        index = open(os.path.join(_spa(ctx), "index.html"), "rb").read()
        bad = [(label, status, code) for label, status, code, problem, body in outcomes
               if not ((400 <= status < 500 and problem and code)
                       or (label.startswith("path traversal") and status == 200 and body == index))]
        leaked = [label for label, _, _, _, body in outcomes if b"root:x:0:0" in body]
        codes = sorted({f"{status} {code}" for _, status, code, _, _ in outcomes})
        part.check(f"{backend}: every hostile request got a 4xx RFC 9457 problem with a code (or, "
                   "for a traversal path, the web app's own index.html)",
                   not bad, "; ".join(f"{l}: {s} {c}" for l, s, c in bad) or ", ".join(codes))
        part.check(f"{backend}: no file outside the web app was served", not leaked, ", ".join(leaked))
        part.check(f"{backend}: nothing changed (cities, users, networks, audit log)",
                   before == after, f"{before} -> {after}")
        _brute_force(ctx, part, backend)


def _spa(ctx):
    """A web app folder with one file, so that the static file route is live."""
    folder = os.path.join(ctx.workdir, "web")
    os.makedirs(os.path.join(folder, "assets"), exist_ok=True)
    with open(os.path.join(folder, "index.html"), "w") as f:
        f.write("<!doctype html><title>app</title>")
    with open(os.path.join(folder, "assets", "app.js"), "w") as f:
        f.write("console.log('app');")
    return folder


def _brute_force(ctx, part, backend):
    """Login attempts with wrong passwords, rate limits on as deployed."""
    service = ctx.started(backend, env={"RATE_LIMITS": "true"}, name=f"brute-{backend}")
    email, password = service.add_user("secretariat")
    statuses = {}
    tries = 60
    for i in range(tries):
        reply = service.request("POST", "/api/v1/auth/login",
                                body={"email": email, "password": f"wrong password {i:04d}"})
        key = f"{reply.status} {reply.code}"
        statuses[key] = statuses.get(key, 0) + 1
    part.attempt(f"{backend}: {tries} logins with wrong passwords for one account from one address")
    limited = statuses.get("429 too_many_requests", 0)
    only_refusals = set(statuses) <= {"401 invalid_credentials", "429 too_many_requests"}
    part.check(f"{backend}: a brute-force login is refused and then rate limited (429)",
               only_refusals and limited > 0, ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    right = service.request("POST", "/api/v1/auth/login", body={"email": email, "password": password})
    part.check(f"{backend}: the attacked account is not signed in by the right password while "
               "the limit lasts (no oracle)", right.status == 429, f"{right.status} {right.code}")
