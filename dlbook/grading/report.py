"""Grades for people and for machines: a terminal table, JSON, CSV, and one feedback file per
submission that names what failed and why, never the hidden expected values.

Every text that came from a submission (file names, feedback quoting an error) is made printable
before it is written: no control characters for a terminal, no lone surrogates for a file.
"""

import csv
import json
import os
import re
import stat
from collections import defaultdict
from pathlib import Path

from ..sandbox.wire import printable

__all__ = ["by_notebook", "table", "write_json", "write_csv", "write_feedback"]

_SYMBOL = {"passed": "✓", "failed": "✗", "not attempted": "…", "error": "!", "timeout": "⏱", "crashed": "☠"}


def by_notebook(rows):
    """{notebook: [Grade, ...]} in the order the rows came."""
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.notebook].append(row)
    return dict(grouped)


def _total(rows):
    return sum(r.points for r in rows), sum(r.max_points for r in rows)


def table(rows, seed, isolation="bwrap"):
    """The terminal summary: each notebook's total, then a line per exercise."""
    lines = [f"graded with secret seed {seed}, isolation: {_ISOLATION[isolation]}"]
    for notebook, grades in by_notebook(rows).items():
        got, most = _total(grades)
        lines.append(f"\n{printable(notebook, 300).replace(chr(10), ' ')}: {got:g}/{most} points")
        for g in grades:
            name = g.exercise or "(whole file)"
            first = printable(g.feedback.splitlines()[0] if g.feedback else "", 200)
            note = f"  {first[:90]}" if g.status != "passed" else ""
            lines.append(f"  {_SYMBOL.get(g.status, '?')} {name:38} {g.status:14} {g.points:g}/{g.max_points}{note}")
    counts = defaultdict(int)
    for r in rows:
        counts[r.status] += 1
    lines.append("\n" + ", ".join(f"{n} {status}" for status, n in counts.items()) +
                 f" in {len(by_notebook(rows))} notebook(s)")
    return "\n".join(lines)


_ISOLATION = {"bwrap": "bubblewrap sandbox (namespaces, unprivileged uid, seccomp)",
              "none": "NONE: submissions ran as the grader's user, unconfined (--isolation none)"}


def _clean(row):
    return {k: printable(v, 4000) if isinstance(v, str) else v for k, v in row.as_dict().items()}


def write_json(rows, seed, path, isolation="bwrap"):
    notebooks = [{"notebook": printable(nb, 500), "points": _total(g)[0], "max_points": _total(g)[1],
                  "exercises": [_clean(r) for r in g]} for nb, g in by_notebook(rows).items()]
    report = {"seed": seed, "isolation": isolation, "notebooks": notebooks}
    Path(path).write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def write_csv(rows, seed, path, isolation="bwrap"):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["notebook", "exercise", "title", "status", "points", "max_points", "feedback", "seed", "isolation"])
        for r in rows:
            c = _clean(r)
            writer.writerow([c["notebook"], c["exercise"], c["title"], c["status"], c["points"], c["max_points"],
                             c["feedback"], seed, isolation])


def write_feedback(rows, folder):
    """One Markdown file per notebook for its author, named after the notebook's path below the
    folder that holds them all (a/bob.ipynb -> a__bob.feedback.md). Returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    grouped = by_notebook(rows)
    top = os.path.commonpath([os.path.dirname(os.path.abspath(n)) for n in grouped]) if grouped else ""
    written = []
    for notebook, grades in grouped.items():
        got, most = _total(grades)
        where = os.path.relpath(os.path.abspath(notebook), top)
        name = printable(where, 300).replace("\n", " ")
        parts = [f"# Feedback on {name}", "", f"**{got:g} of {most} points.**", ""]
        for g in grades:
            parts += [f"## {g.title or 'The file'} ({g.exercise or 'whole file'}): {g.status}, {g.points:g}/{g.max_points}",
                      "", printable(g.feedback, 4000).replace("\n→", "\n\n→"), ""]
        # a file name of plain characters only: a submission's name cannot steer where this is written
        stem = re.sub(r"[^A-Za-z0-9._-]", "_", where.removesuffix(".ipynb").replace(os.sep, "__")).lstrip(".")[:150]
        written.append(_write_new(folder, stem or "notebook", "\n".join(parts), written))
    return written


def _write_new(folder, stem, text, taken):
    """Write `text` to folder/stem.feedback.md, or stem.2.feedback.md... when that name is taken
    in this run or is not a plain file (a link planted there is never followed). Returns the path."""
    for n in range(1, 1000):
        target = folder / (f"{stem}.feedback.md" if n == 1 else f"{stem}.{n}.feedback.md")
        if target in taken:
            continue
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644)
        except OSError:  # a link, a directory, a FIFO: not ours to write through
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                continue
            f.write(text)
        return target
    raise OSError(f"no free name for the feedback of {stem} in {folder}")
