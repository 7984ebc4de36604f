"""The learner's progress: every check and every solution viewed, kept in a small local file.

The store is one JSON line per event, appended: {"id": "activations.sigmoid", "event":
"passed", "time": ...}. Each event is one small write, starting with a newline, to a file
opened for appending, so kernels writing at once interleave whole lines, and a kernel killed
mid-write can at worst leave one torn line, which reading skips: the store is never corrupted.

Where: $DLBOOK_PROGRESS (a file) if set, else dlbook/progress.jsonl in the user's data
directory ($XDG_DATA_HOME or ~/.local/share; %APPDATA% on Windows; ~/Library/Application
Support on macOS).

`progress()` shows a table per chapter (done, attempted, not started, with a bar);
`dlbook progress` prints the same in a terminal.
"""

import html
import json
import os
import sys
import time
from pathlib import Path

__all__ = ["store_path", "record", "events", "summary", "progress", "Progress", "EVENTS"]

EVENTS = ("passed", "failed", "error", "viewed")


def store_path():
    """The file that holds the progress (it may not exist yet)."""
    explicit = os.environ.get("DLBOOK_PROGRESS")
    if explicit:
        return Path(explicit)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "dlbook" / "progress.jsonl"


def record(exercise_id, event):
    """Append one event ("passed", "failed", "error" or "viewed") for an exercise."""
    if event not in EVENTS:
        raise ValueError(f"event must be one of {EVENTS}, got {event!r}")
    path = store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # a leading newline: even after another writer's torn line, this event starts a line of its own
    line = ("\n" + json.dumps({"id": exercise_id, "event": event, "time": round(time.time(), 3)})).encode()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)  # one write of one line: appends never interleave inside it
    finally:
        os.close(fd)


def events():
    """Every well-formed event in the store, oldest first (torn or foreign lines are skipped)."""
    path = store_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    found = []
    for line in raw.splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if isinstance(event, dict) and isinstance(event.get("id"), str) and event.get("event") in EVENTS:
            found.append(event)
    return found


def summary():
    """{chapter: {"done", "attempted", "not started", "viewed", "total"}} in book order.

    done: passed at least once. attempted: checked, or its solution viewed, but never passed.
    viewed: solutions viewed (of any exercise of the chapter, done or not).
    """
    from .exercises import registry

    passed, touched, viewed = set(), set(), set()
    for e in events():
        touched.add(e["id"])
        if e["event"] == "passed":
            passed.add(e["id"])
        elif e["event"] == "viewed":
            viewed.add(e["id"])
    table = {}
    for chapter in registry.CHAPTERS:
        ids = registry.ids(chapter)
        done = sum(i in passed for i in ids)
        attempted = sum(i in touched and i not in passed for i in ids)
        table[chapter] = {"done": done, "attempted": attempted, "not started": len(ids) - done - attempted,
                          "viewed": sum(i in viewed for i in ids), "total": len(ids)}
    return table


class Progress:
    """A per-chapter progress table: text in a terminal, a table with bars in Jupyter."""

    def __init__(self, table):
        self.table = table

    def __repr__(self):
        lines = [f"{'chapter':12} {'done':>4} {'tried':>5} {'to do':>5}  progress"]
        for chapter, row in self.table.items():
            width = 20
            full = round(width * row["done"] / row["total"]) if row["total"] else 0
            bar = "█" * full + "·" * (width - full)
            viewed = f"  ({row['viewed']} solution(s) viewed)" if row["viewed"] else ""
            lines.append(f"{chapter:12} {row['done']:>4} {row['attempted']:>5} {row['not started']:>5}  "
                         f"{bar} {row['done']}/{row['total']}{viewed}")
        return "\n".join(lines)

    def _repr_html_(self):
        rows = []
        for chapter, row in self.table.items():
            share = 100 * row["done"] / row["total"] if row["total"] else 0
            tried = 100 * row["attempted"] / row["total"] if row["total"] else 0
            bar = (f'<div style="width:200px;height:12px;background:#eee;display:flex">'
                   f'<div style="width:{share:.0f}%;background:#2e7d32"></div>'
                   f'<div style="width:{tried:.0f}%;background:#ffb74d"></div></div>')
            viewed = f" ({row['viewed']} viewed)" if row["viewed"] else ""
            rows.append(f"<tr><td>{html.escape(chapter)}</td><td>{row['done']}</td><td>{row['attempted']}</td>"
                        f"<td>{row['not started']}</td><td>{bar}</td><td>{row['done']}/{row['total']}{viewed}</td></tr>")
        head = ("<tr><th>chapter</th><th>done</th><th>attempted</th><th>not started</th><th></th><th></th></tr>")
        return f"<table>{head}{''.join(rows)}</table>"


def progress():
    """Your progress through the book, chapter by chapter."""
    return Progress(summary())
