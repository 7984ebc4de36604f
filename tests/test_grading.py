"""The grader: solutions score full marks, learners' notebooks score 0 as "not attempted", and
no submission can fake a grade or stop the grader. Learner code runs in sandboxes only."""

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from dlbook.exercises import registry
from dlbook.grading import grade_notebook, grade_paths
from dlbook.grading.notebook import read_submission

from grading_attacks import ATTACKS

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261121  # not any exercise's own seed: the grader's inputs differ from the notebooks'


def test_every_solution_scores_full_marks_on_secret_inputs():
    seed, rows = grade_paths([ROOT / "solutions"], seed=SEED, jobs=2)
    assert seed == SEED and {r.exercise for r in rows} == set(registry.ids())
    failing = [(r.exercise, r.status, r.feedback) for r in rows if r.status != "passed"]
    assert not failing
    assert sum(r.points for r in rows) == sum(registry.get(i).points for i in registry.ids())


def test_every_learners_notebook_scores_zero_as_not_attempted():
    _, rows = grade_paths([ROOT / "chapters"], seed=SEED, jobs=2)
    assert {r.exercise for r in rows} == set(registry.ids())
    assert {r.status for r in rows} == {"not attempted"} and sum(r.points for r in rows) == 0


def _submission(tmp_path, exercise_id, code, name="submission.ipynb"):
    """The chapter's learners' notebook with one answer cell replaced by `code`."""
    record = registry.solutions()[exercise_id]
    nb = nbformat.read(ROOT / "chapters" / record["notebook"], as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("dlbook", {}).get("exercise") == exercise_id)
    cell.source = f"# exercise: {exercise_id}\n{code}"
    path = tmp_path / name
    nbformat.write(nb, path)
    return path


@pytest.mark.parametrize("what, exercise_id, code, statuses", ATTACKS, ids=[a[0] for a in ATTACKS])
def test_attacks_score_zero_and_the_grader_goes_on(tmp_path, what, exercise_id, code, statuses):
    path = _submission(tmp_path, exercise_id, code)
    [row] = grade_notebook(path, SEED, timeout=5, only={exercise_id})
    assert row.points == 0 and row.status in statuses, (row.status, row.feedback)
    assert not os.path.exists("/tmp/dlbook-grading-pwned")
    if exercise_id == "activations.sigmoid" and row.status == "failed":
        assert not re.search(r"expected -?\d", row.feedback)  # no expected value leaks (reveal=False)


def test_the_right_answer_still_passes_beside_the_attacks(tmp_path):
    code = registry.solutions()["activations.sigmoid"]["solution"]
    [row] = grade_notebook(_submission(tmp_path, "activations.sigmoid", code), SEED, only={"activations.sigmoid"})
    assert row.status == "passed" and row.points == 2


def _solution_nb():
    return nbformat.read(ROOT / "solutions" / "02_activations.ipynb", as_version=4)


def _answer_cells(nb):
    return [i for i, c in enumerate(nb.cells) if c.metadata.get("dlbook", {}).get("exercise")]


def test_cells_moved_duplicated_turned_into_markdown_or_deleted(tmp_path):
    nb = _solution_nb()
    answers = _answer_cells(nb)
    moved = [nb.cells[i] for i in answers][::-1] + [c for i, c in enumerate(nb.cells) if i not in answers]
    nb.cells = moved  # every answer cell first, in reverse order
    nbformat.write(nb, tmp_path / "moved.ipynb")
    assert {r.status for r in grade_notebook(tmp_path / "moved.ipynb", SEED)} == {"passed"}

    nb = _solution_nb()
    relu = next(i for i in answers if nb.cells[i].metadata["dlbook"]["exercise"] == "activations.relu")
    right, wrong = nb.cells[relu], nbformat.v4.new_code_cell("# exercise: activations.relu\ndef relu(z):\n    return z")
    nb.cells.insert(relu + 1, wrong)  # a wrong copy after the right one: the later definition counts
    sigmoid = next(i for i in answers if nb.cells[i].metadata["dlbook"]["exercise"] == "activations.sigmoid")
    nb.cells[sigmoid] = nbformat.v4.new_markdown_cell(nb.cells[sigmoid].source)
    softmax = next(i for i, c in enumerate(nb.cells) if c.metadata.get("dlbook", {}).get("exercise") == "activations.softmax")
    del nb.cells[softmax]
    nbformat.write(nb, tmp_path / "edited.ipynb")
    rows = {r.exercise: r for r in grade_notebook(tmp_path / "edited.ipynb", SEED)}
    assert rows["activations.relu"].status == "failed"
    assert rows["activations.sigmoid"].status == "not attempted" and "turned into Markdown" in rows["activations.sigmoid"].feedback
    assert rows["activations.softmax"].status == "not attempted"
    assert rows["activations.tanh_derivative"].status == "passed"
    assert right.source  # untouched


def test_markers_and_metadata_each_suffice(tmp_path):
    nb = _solution_nb()
    for i in _answer_cells(nb)[:2]:
        nb.cells[i].metadata = {}  # metadata stripped by another tool: the marker line remains
    i = _answer_cells(nb)[-1]
    nb.cells[i].source = nb.cells[i].source.split("\n", 1)[1]  # marker deleted: the metadata remains
    nbformat.write(nb, tmp_path / "mixed.ipynb")
    submission = read_submission(tmp_path / "mixed.ipynb")
    assert sorted(i for i, _ in submission.cells) == sorted(registry.ids("activations"))


def test_files_that_are_not_notebooks_get_a_row(tmp_path):
    (tmp_path / "a.ipynb").write_text("not json")
    (tmp_path / "b.ipynb").write_text(json.dumps({"cells": "nope"}))
    (tmp_path / "c.ipynb").write_bytes(b"\x00" * 100)
    _, rows = grade_paths([tmp_path], seed=SEED)
    assert [Path(r.notebook).name for r in rows] == ["a.ipynb", "b.ipynb", "c.ipynb"]
    assert all(r.status == "error" and "cannot be graded" in r.feedback for r in rows)


def test_the_command_grades_a_folder_writes_reports_and_exits_0(tmp_path):
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "alice.ipynb").write_text((ROOT / "solutions" / "01_forward.ipynb").read_text())
    _submission(subs, "forward.neuron", "def neuron(x, w, b):\n    return x @ w + b", name="bob.ipynb")
    (subs / "carol.ipynb").write_text("{")
    out = subprocess.run([sys.executable, "-m", "dlbook", "grade", str(subs), "--jobs", "2", "--seed", "3",
                          "--json", str(tmp_path / "g.json"), "--csv", str(tmp_path / "g.csv"),
                          "--feedback", str(tmp_path / "fb"), "--quiet"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "alice.ipynb: 8/8 points" in out.stdout and "bob.ipynb: 0/8 points" in out.stdout
    report = json.loads((tmp_path / "g.json").read_text())
    assert report["seed"] == 3 and [Path(n["notebook"]).name for n in report["notebooks"]] == ["alice.ipynb", "bob.ipynb", "carol.ipynb"]
    bob = (tmp_path / "fb" / "bob.feedback.md").read_text()
    assert "One neuron's output (forward.neuron): failed, 0/1" in bob and "activation" in bob
    assert not re.search(r"expected -?\d", bob)
    with open(tmp_path / "g.csv", newline="") as f:
        assert len(list(csv.reader(f))) == 1 + 6 + 6 + 1  # a header, 6 exercises twice, one bad file
    missing = subprocess.run([sys.executable, "-m", "dlbook", "grade", str(tmp_path / "none")], capture_output=True, text=True)
    assert missing.returncode == 2 and "no such path" in missing.stderr


def test_another_exercises_endless_cell_does_not_sink_this_one(tmp_path):
    path = _submission(tmp_path, "activations.relu", "while True:\n    pass")
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("dlbook", {}).get("exercise") == "activations.sigmoid")
    cell.source = "# exercise: activations.sigmoid\n" + registry.solutions()["activations.sigmoid"]["solution"]
    nbformat.write(nb, path)
    rows = {r.exercise: r for r in grade_notebook(path, SEED, timeout=20, only={"activations.sigmoid", "activations.relu"})}
    assert rows["activations.sigmoid"].status == "passed"
    assert rows["activations.relu"].status == "timeout"
