"""One source for every notebook: chapters/ is exactly what solutions/ generates, and clean."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from dlbook import build

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "solutions").glob("*.ipynb")) + sorted((ROOT / "chapters").glob("*.ipynb"))


def test_generated_files_are_up_to_date():
    assert build.stale(ROOT) == [], "run `python -m dlbook build-chapters` and commit the result"


def test_every_solution_has_its_chapter():
    names = lambda folder: sorted(p.name for p in (ROOT / folder).glob("*.ipynb"))  # noqa: E731
    assert names("solutions") == names("chapters") and len(names("chapters")) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebooks_are_clean_and_valid(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert set(nb.metadata) <= {"kernelspec"}
    for cell in nb.cells:
        assert set(cell.metadata) <= {"dlbook", "tags"}, cell.metadata
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    if path.parent.name == "chapters":
        text = path.read_text()
        assert build.BEGIN not in text and build.END not in text


def _notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                   "widgets": {"state": {}}}
    nb.cells = [nbformat.v4.new_code_cell(c) if not c.startswith("MD:") else nbformat.v4.new_markdown_cell(c[3:])
                for c in cells]
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", text="hi")]
    nb.cells[0].execution_count = 3
    return nb


def test_stubs_by_where_the_region_is():
    nb = build.clean(_notebook(
        "# exercise: t.f\ndef f(z):\n    '''doc'''\n    ### BEGIN SOLUTION\n    return z\n    ### END SOLUTION",
        "# exercise: t.n\n### BEGIN SOLUTION\nx = 2\ny: int = 3\n### END SOLUTION\nprint(x)",
        "MD:Why?\n### BEGIN SOLUTION\nBecause.\n### END SOLUTION",
    ))
    assert nb.metadata == {"kernelspec": nb.metadata["kernelspec"]}
    assert nb.cells[0].outputs == [] and nb.cells[0].execution_count is None
    chapter, records = build.learner_version(nb, "99_test.ipynb")
    f, n, md = (c.source for c in chapter.cells)
    assert f == ("# exercise: t.f\ndef f(z):\n    '''doc'''\n"
                 '    raise NotImplementedError("exercise t.f: replace this line with your code")')
    assert n == "# exercise: t.n\nx = ...  # replace ... with your answer\ny = ...  # replace ... with your answer\nprint(x)"
    assert md == "Why?\n*Write your answer here.*"
    assert records["t.f"]["solution"] == "def f(z):\n    '''doc'''\n    return z"
    assert chapter.cells[0].metadata["dlbook"] == {"exercise": "t.f"}
    assert nb.cells[0].metadata["dlbook"] == {"exercise": "t.f"}  # the solution cell is marked too
    namespace = {}
    exec(n, namespace)
    assert namespace["x"] is Ellipsis  # a stub value the checks call "not attempted"


@pytest.mark.parametrize("source, words", [
    ("def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION", "needs a first line '# exercise: <id>'"),
    ("# exercise: t.a\n### BEGIN SOLUTION\nx = 1", "without ### END SOLUTION"),
    ("# exercise: t.a\nx = 1\n### END SOLUTION", "without ### BEGIN SOLUTION"),
    ("# exercise: t.a\n### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "inside another"),
    ("# exercise: t.a\n### BEGIN SOLUTION\nx = (\n### END SOLUTION", "not valid Python"),
])
def test_malformed_solutions_are_refused(source, words):
    with pytest.raises(build.BuildError, match=None) as info:
        build.learner_version(_notebook(source), "99_test.ipynb")
    assert words in str(info.value)


def test_unknown_exercise_ids_are_refused():
    nb = _notebook("# exercise: activations.nope\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION")
    with pytest.raises(build.BuildError, match="no exercise 'activations.nope'"):
        build.learner_version(nb, "99_test.ipynb", known_ids={"activations.sigmoid"})


def _copy_repo(tmp_path):
    for name in ("solutions", "chapters"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "dlbook" / "exercises").mkdir(parents=True)
    shutil.copy(ROOT / "dlbook" / "exercises" / "solutions.json", tmp_path / "dlbook" / "exercises")
    return tmp_path


def _cli(*args, cwd):
    # run from the real repository so that the copy's dlbook/ folder does not shadow the package
    return subprocess.run([sys.executable, "-m", "dlbook", "build-chapters", "--root", str(cwd), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_command_checks_and_regenerates(tmp_path):
    repo = _copy_repo(tmp_path)
    assert _cli("--check", cwd=repo).returncode == 0
    path = repo / "solutions" / "02_activations.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source += "\nAn edit by an author."
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="stale output")]
    nbformat.write(nb, path)
    check = _cli("--check", cwd=repo)
    assert check.returncode == 1 and "out of date" in check.stdout and "02_activations" in check.stdout
    assert _cli(cwd=repo).returncode == 0
    assert _cli("--check", cwd=repo).returncode == 0
    chapter = nbformat.read(repo / "chapters" / "02_activations.ipynb", as_version=4)
    assert chapter.cells[0].source.endswith("An edit by an author.")
    assert "stale output" not in path.read_text()


def test_the_command_explains_a_missing_answer_cell(tmp_path):
    repo = _copy_repo(tmp_path)
    (repo / "solutions" / "00_welcome.ipynb").unlink()
    result = _cli("--check", cwd=repo)
    assert result.returncode == 2 and "no answer cell in solutions/ for welcome.row_means" in result.stderr
    assert json.loads((repo / "dlbook" / "exercises" / "solutions.json").read_text())  # untouched
