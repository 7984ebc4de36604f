"""Grades for people and for machines: a terminal table, JSON, CSV, and one feedback file per
submission that names what failed and why, never the hidden expected values."""

import csv
import json
from collections import defaultdict
from pathlib import Path

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


def table(rows, seed):
    """The terminal summary: each notebook's total, then a line per exercise."""
    lines = [f"graded with secret seed {seed}"]
    for notebook, grades in by_notebook(rows).items():
        got, most = _total(grades)
        lines.append(f"\n{notebook}: {got:g}/{most} points")
        for g in grades:
            name = g.exercise or "(whole file)"
            first = g.feedback.splitlines()[0] if g.feedback else ""
            note = f"  {first[:90]}" if g.status != "passed" else ""
            lines.append(f"  {_SYMBOL.get(g.status, '?')} {name:38} {g.status:14} {g.points:g}/{g.max_points}{note}")
    counts = defaultdict(int)
    for r in rows:
        counts[r.status] += 1
    lines.append("\n" + ", ".join(f"{n} {status}" for status, n in counts.items()) +
                 f" in {len(by_notebook(rows))} notebook(s)")
    return "\n".join(lines)


def write_json(rows, seed, path):
    notebooks = [{"notebook": nb, "points": _total(g)[0], "max_points": _total(g)[1],
                  "exercises": [r.as_dict() for r in g]} for nb, g in by_notebook(rows).items()]
    Path(path).write_text(json.dumps({"seed": seed, "notebooks": notebooks}, indent=1, ensure_ascii=False) + "\n",
                          encoding="utf-8")


def write_csv(rows, seed, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["notebook", "exercise", "title", "status", "points", "max_points", "feedback", "seed"])
        for r in rows:
            writer.writerow([r.notebook, r.exercise, r.title, r.status, r.points, r.max_points, r.feedback, seed])


def write_feedback(rows, folder):
    """One Markdown file per notebook, named after it, for its author. Returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for notebook, grades in by_notebook(rows).items():
        got, most = _total(grades)
        parts = [f"# Feedback on {Path(notebook).name}", "", f"**{got:g} of {most} points.**", ""]
        for g in grades:
            parts += [f"## {g.title or 'The file'} ({g.exercise or 'whole file'}): {g.status}, {g.points:g}/{g.max_points}",
                      "", g.feedback.replace("\n→", "\n\n→"), ""]
        stem = Path(notebook).stem
        target = folder / f"{stem}.feedback.md"
        n = 2
        while target in written:  # two submissions with the same file name in different folders
            target = folder / f"{stem}.{n}.feedback.md"
            n += 1
        target.write_text("\n".join(parts), encoding="utf-8")
        written.append(target)
    return written
