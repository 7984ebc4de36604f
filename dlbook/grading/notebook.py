"""Reading a submitted notebook: its answer cells, found by their exercise marker, not position.

An answer cell is a code cell whose metadata names its exercise (dlbook.exercise) or whose
source has the line `# exercise: <id>`. Cells moved around are found where they are; a cell
turned into Markdown or deleted leaves its exercise unanswered; a duplicated cell runs twice,
in notebook order, as it would in the notebook. Lines of IPython syntax (magics, shell
escapes) are commented out: the sandbox runs plain Python.
"""

import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..exercises import registry

__all__ = ["Submission", "read_submission", "MAX_BYTES"]

MAX_BYTES = 20 * 2 ** 20  # a chapter with outputs is well under 1 MB
_MARKER = re.compile(r"^\s*#\s*exercise:\s*(\S+)\s*$", re.MULTILINE)
_IPYTHON = re.compile(r"^(\s*)([%!].*)$", re.MULTILINE)


@dataclass
class Submission:
    """path; cells: [(exercise id, code)] in notebook order; chapters: the chapters it answers;
    problem: why it cannot be graded at all (not a notebook, too large), or ''."""

    path: Path
    cells: list = field(default_factory=list)
    chapters: list = field(default_factory=list)
    problem: str = ""

    def answered(self, exercise_id):
        return any(i == exercise_id for i, _ in self.cells)


def _exercise_of(cell, known):
    meta = cell.get("metadata")
    meta = meta.get("dlbook") if isinstance(meta, dict) else None
    found = meta.get("exercise") if isinstance(meta, dict) else None
    if not isinstance(found, str) or found not in known:
        match = _MARKER.search(_source(cell))
        found = match.group(1) if match else None
    return found if found in known else None


def _source(cell):
    source = cell.get("source", "")
    if isinstance(source, list) and all(isinstance(line, str) for line in source):
        return "".join(source)  # as stored on disk: a list of lines
    return source if isinstance(source, str) else ""  # a hand-made notebook may hold anything


def _chapter_from_name(path):
    notebooks = {record["notebook"]: exercise_id for exercise_id, record in registry.solutions().items()}
    exercise_id = notebooks.get(path.name)
    return [registry.get(exercise_id).chapter] if exercise_id else []


def read_submission(path):
    """A Submission for the file at `path`; never raises on a bad file (see `problem`)."""
    path = Path(path)
    try:
        # a link or a FIFO is not a submission: never follow it, never read from it
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as err:
        what = "a symbolic link" if path.is_symlink() else f"not readable ({err.strerror})"
        return Submission(path, problem=f"it is {what}; submit the notebook file itself")
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            return Submission(path, problem="it is not a regular file")
        if info.st_size > MAX_BYTES:
            return Submission(path, problem=f"the file is larger than {MAX_BYTES // 2 ** 20} MB")
        data = f.read(MAX_BYTES + 1)
    try:  # plain JSON: nbformat's validation costs a second of imports and reads nothing we use
        nb = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as err:
        return Submission(path, problem=f"not a readable notebook ({type(err).__name__})")
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        return Submission(path, problem="not a notebook of format 4 (no list of cells); open and save it in JupyterLab")
    known = set(registry.ids())
    cells = []
    for cell in nb["cells"]:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        exercise_id = _exercise_of(cell, known)
        if exercise_id:
            cells.append((exercise_id, _IPYTHON.sub(r"\1# \2", _source(cell))))
    chapters = list(dict.fromkeys(registry.get(i).chapter for i, _ in cells)) or _chapter_from_name(path)
    if not chapters:
        return Submission(path, problem="no answer cells of any dlbook exercise, and not named like a chapter")
    return Submission(path, cells, chapters)
