"""What a part tried and what held, printed as it happens and written to docs/reliability.md."""

import sys


class Part:
    """The record of one part: what was tried (with counts) and each claim checked."""

    def __init__(self, key, title, claim):
        self.key = key
        self.title = title
        self.claim = claim
        self.tried = []
        self.checks = []
        self.error = None

    def say(self, text):
        print(f"  [{self.key}] {text}", flush=True)

    def attempt(self, text):
        """Records something tried, such as `40 concurrent writers on SQLite, 2,000 writes`."""
        self.tried.append(text)
        self.say(f"tried: {text}")

    def check(self, claim, held, detail=""):
        """Records whether `claim` held; `detail` says what was seen."""
        self.checks.append((claim, bool(held), detail))
        mark = "held" if held else "FAILED"
        self.say(f"{mark}: {claim}" + (f" ({detail})" if detail else ""))
        return held

    @property
    def held(self):
        return self.error is None and all(ok for _, ok, _ in self.checks) and bool(self.checks)


def markdown(parts, meta):
    lines = [
        "# Reliability and security results",
        "",
        f"Written by `reliability/run` on {meta['date']} (`{meta['command']}`), commit "
        f"`{meta['commit']}`, against the `learning-city` binary on SQLite and PostgreSQL "
        f"{meta['postgres']}. Do not edit by hand: run the suite again.",
        "",
        "| part | result |",
        "|---|---|",
    ]
    for part in parts:
        result = "held" if part.held else ("suite error" if part.error else "**did not hold**")
        lines.append(f"| [{part.title}](#{anchor(part.title)}) | {result} |")
    for part in parts:
        lines += ["", f"## {part.title}", "", part.claim, "", "Tried:", ""]
        lines += [f"- {t}" for t in part.tried] or ["- nothing (the part stopped early)"]
        lines += ["", "Checked:", ""]
        for claim, ok, detail in part.checks:
            mark = "held" if ok else "**did not hold**"
            lines.append(f"- {mark}: {claim}" + (f" ({detail})" if detail else ""))
        if part.error:
            lines.append(f"- **suite error**: {part.error}")
    return "\n".join(lines) + "\n"


def anchor(title):
    keep = "".join(c for c in title.lower() if c.isalnum() or c in " -")
    return keep.replace(" ", "-")


def fail(message):
    print(f"reliability: {message}", file=sys.stderr, flush=True)
