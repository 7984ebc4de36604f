"""One source for every notebook: the learners' chapters are generated from solutions/.

In a solution notebook, an exercise's answer cell starts with `# exercise: <id>` and holds
its solution between `### BEGIN SOLUTION` and `### END SOLUTION` (nbgrader's markers).
`build` writes, from solutions/NN_slug.ipynb:

- chapters/NN_slug.ipynb, each solution region replaced by a stub the checks call
  "not attempted": inside a function, `raise NotImplementedError(...)`; at the top level,
  `name = ...` for each name the solution assigns. In Markdown, an answer prompt.
- dlbook/exercises/solutions.json: each answer cell's code, which `.solution()` shows.
- solutions/ itself, cleaned.

Every notebook is stored clean: no outputs, no execution counts, only the kernelspec in
the notebook's metadata and dlbook's exercise id (and tags) in a cell's.
"""

import ast
import copy
import json
import re
from pathlib import Path

import nbformat

__all__ = ["BEGIN", "END", "BuildError", "clean", "learner_version", "build", "stale", "write"]

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
_EXERCISE = re.compile(r"^#\s*exercise:\s*(\S+)\s*$", re.MULTILINE)
_NOTEBOOK_METADATA = ("kernelspec",)
_CELL_METADATA = ("dlbook", "tags")
_MARKDOWN_STUB = "*Write your answer here.*"


class BuildError(Exception):
    """A solution notebook that cannot be turned into a chapter, and why."""


def clean(nb):
    """Strip outputs, execution counts and metadata outside the allow-lists, in place."""
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in _NOTEBOOK_METADATA}
    for cell in nb.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in _CELL_METADATA}
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def _stub_for(region, indent, exercise_id):
    if indent:
        return [f'{indent}raise NotImplementedError("exercise {exercise_id}: replace this line with your code")']
    try:
        tree = ast.parse("\n".join(region))
    except SyntaxError as err:
        raise BuildError(f"the solution of {exercise_id} is not valid Python: {err}") from None
    names = [t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
             for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
             if isinstance(t, ast.Name)]
    if not names:
        return ["# YOUR CODE HERE"]
    return [f"{name} = ...  # replace ... with your answer" for name in dict.fromkeys(names)]


def _split(source, exercise_id, markdown, where):
    """(learner source, solution source) of one cell's text."""
    learner, solution, region, indent = [], [], None, ""
    for line in source.splitlines():
        stripped = line.strip()
        if stripped == BEGIN:
            if region is not None:
                raise BuildError(f"{where}: {BEGIN} inside another solution region")
            region, indent = [], line[: len(line) - len(line.lstrip())]
        elif stripped == END:
            if region is None:
                raise BuildError(f"{where}: {END} without {BEGIN}")
            learner += [_MARKDOWN_STUB] if markdown else _stub_for(region, indent, exercise_id)
            region = None
        elif region is not None:
            region.append(line)
            solution.append(line)
        else:
            learner.append(line)
            if not _EXERCISE.match(line):
                solution.append(line)
    if region is not None:
        raise BuildError(f"{where}: {BEGIN} without {END}")
    return "\n".join(learner), "\n".join(solution).strip("\n")


def learner_version(nb, notebook_name, known_ids=None):
    """The learners' copy of a clean solution notebook, and its answer cells' records.

    Returns (chapter notebook, {exercise id: {"notebook", "solution", "stub"}}). Marks each
    answer cell, in both notebooks, with its exercise id in the cell's metadata.
    """
    chapter = copy.deepcopy(nb)
    records = {}
    for index, cell in enumerate(chapter.cells):
        if BEGIN not in cell.source and END not in cell.source:
            continue
        where = f"{notebook_name}, cell {index}"
        markdown = cell.cell_type == "markdown"
        found = _EXERCISE.search(cell.source)
        if not found and not markdown:
            raise BuildError(f"{where}: a solution region needs a first line '# exercise: <id>'")
        exercise_id = found.group(1) if found else ""
        if exercise_id and known_ids is not None and exercise_id not in known_ids:
            raise BuildError(f"{where}: no exercise {exercise_id!r} in dlbook.exercises")
        stub, solution = _split(cell.source, exercise_id, markdown, where)
        cell.source = stub
        if exercise_id:
            if exercise_id in records:
                raise BuildError(f"{where}: a second answer cell for {exercise_id}")
            cell.metadata["dlbook"] = {"exercise": exercise_id}
            nb.cells[index].metadata["dlbook"] = {"exercise": exercise_id}
            records[exercise_id] = {"notebook": notebook_name, "solution": solution, "stub": stub}
    return chapter, records


def _text(nb):
    return nbformat.writes(nb, version=4) + "\n"


def build(root="."):
    """What the generated files should hold: {path: text} for every notebook and the JSON.

    root: the repository, with solutions/, chapters/ and dlbook/ in it.
    Raises BuildError on a malformed solution notebook or a missing answer cell.
    """
    from .exercises import registry

    root = Path(root)
    sources = sorted((root / "solutions").glob("*.ipynb"))
    if not sources:
        raise BuildError(f"no notebooks in {root / 'solutions'}: run this from the repository root")
    known = registry.ids()
    files, records = {}, {}
    for path in sources:
        nb = clean(nbformat.read(path, as_version=4))
        chapter, found = learner_version(nb, path.name, known)
        clash = sorted(found.keys() & records.keys())
        if clash:
            raise BuildError(f"{path.name}: {clash[0]} has an answer cell in another notebook too")
        records.update(found)
        nbformat.validate(nb)
        files[path] = _text(nb)
        files[root / "chapters" / path.name] = _text(chapter)
    missing = [i for i in known if i not in records]
    if missing:
        raise BuildError(f"no answer cell in solutions/ for {', '.join(missing)}")
    ordered = {i: {"name": registry.get(i).name, **records[i]} for i in known}
    files[root / "dlbook" / "exercises" / "solutions.json"] = json.dumps(ordered, indent=1, ensure_ascii=False) + "\n"
    return files


def _stale(files, root):
    out = [p for p, text in files.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
    extra = [p for p in sorted((Path(root) / "chapters").glob("*.ipynb")) if p not in files]
    return out + extra


def stale(root="."):
    """The generated files that differ from what `build` makes, and chapters it would not make."""
    return _stale(build(root), root)


def write(root="."):
    """Write every generated file; returns the paths that changed."""
    files = build(root)
    changed = _stale(files, root)
    for path in changed:
        if path in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(files[path], encoding="utf-8")
        else:
            path.unlink()  # a chapter whose solution notebook is gone
    return changed
