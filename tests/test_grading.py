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

from grading_attacks import ATTACKS as OURS
from grading_attacks_independent import ATTACKS as INDEPENDENT

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


ATTACKS = OURS + [a[:3] for a in INDEPENDENT]
CANARY = "c4n4ry7x"  # each secret below contains it; no report may
SECRET_SEED = 1987654321


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    """One `dlbook grade` run over every attack, beside an honest student, with secrets planted:
    in the grader's environment, its argv, a file outside the sandbox, the honest student's cells."""
    root = tmp_path_factory.mktemp("attacked")
    subs = root / "subs"
    subs.mkdir()
    canary_file = Path("/tmp/dlbook-canary/secret.txt")
    canary_file.parent.mkdir(exist_ok=True)
    canary_file.write_text(f"canary-file-{CANARY}")
    canary_file.chmod(0o644)
    nb = nbformat.read(ROOT / "solutions" / "02_activations.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("dlbook", {}).get("exercise"):
            cell.source += f"\n# canary-peer-{CANARY}"
    nbformat.write(nb, subs / "honest.ipynb")
    for i, (what, exercise_id, code) in enumerate(ATTACKS):
        _submission(subs, exercise_id, code, name=f"attack{i:03d}.ipynb")
    env = {**os.environ, "DLBOOK_CANARY": f"canary-env-{CANARY}"}
    out = subprocess.run([sys.executable, "-m", "dlbook", "grade", str(subs), "--jobs", "2", "--timeout", "5",
                          "--seed", str(SECRET_SEED), "--json", str(root / f"canary-argv-{CANARY}.json"), "--csv", str(root / "g.csv"),
                          "--feedback", str(root / "fb"), "--quiet"], capture_output=True, env=env, timeout=1200)
    (root / f"canary-argv-{CANARY}.json").rename(root / "g.json")
    report = json.loads((root / "g.json").read_text())
    texts = [out.stdout.decode("utf-8", "replace"), out.stderr.decode("utf-8", "replace"),
             (root / "g.json").read_text(), (root / "g.csv").read_text()]
    texts += [p.read_text() for p in (root / "fb").iterdir()]
    rows = {(Path(n["notebook"]).name, e["exercise"]): e for n in report["notebooks"] for e in n["exercises"]}
    yield out, report, rows, texts


@pytest.mark.parametrize("i, what, exercise_id, code", [(i, *a) for i, a in enumerate(ATTACKS)],
                         ids=[a[0] for a in ATTACKS])
def test_an_attack_scores_zero(attacked, i, what, exercise_id, code):
    _, _, rows, _ = attacked
    row = rows[(f"attack{i:03d}.ipynb", exercise_id)]
    assert row["points"] == 0 and row["status"] != "passed", (row["status"], row["feedback"])


def test_the_attacks_leak_nothing_harm_nothing_and_the_honest_student_gets_full_marks(attacked):
    out, report, rows, texts = attacked
    assert out.returncode == 0, out.stderr
    assert report["isolation"] == "bwrap"
    for text in texts:
        assert CANARY not in text
        assert "\x1b" not in text and "\x07" not in text  # no escape reaches a terminal or a file
    feedback = [e["feedback"] for n in report["notebooks"] for e in n["exercises"]]
    assert not any(str(SECRET_SEED) in f for f in feedback)
    honest = [e for (name, _), e in rows.items() if name == "honest.ipynb"]
    assert len(honest) == 8 and all(e["status"] == "passed" for e in honest)
    assert not os.path.exists("/tmp/dlbook-grading-pwned")


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


def test_links_fifos_and_strange_names_are_refused_without_being_read(tmp_path):
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "solution-link.ipynb").symlink_to(ROOT / "solutions" / "02_activations.ipynb")
    (subs / "passwd.ipynb").symlink_to("/etc/passwd")
    os.mkfifo(subs / "fifo.ipynb")
    strange = subs / "\x1b[31mred\nline\udcff.ipynb"
    strange.write_text((ROOT / "chapters" / "02_activations.ipynb").read_text())
    seed, rows = grade_paths([subs], seed=SEED)
    by_name = {Path(r.notebook).name: r for r in rows}
    for name in ("solution-link.ipynb", "passwd.ipynb", "fifo.ipynb"):
        assert by_name[name].status == "error" and by_name[name].points == 0
    assert "symbolic link" in by_name["passwd.ipynb"].feedback and "root:" not in by_name["passwd.ipynb"].feedback
    assert "not a regular file" in by_name["fifo.ipynb"].feedback
    strange_rows = [r for r in rows if "red" in r.notebook]
    assert strange_rows and all("\x1b" not in r.notebook and "\udcff" not in r.notebook for r in strange_rows)
    from dlbook.grading import report

    report.write_json(rows, seed, tmp_path / "g.json")
    report.write_csv(rows, seed, tmp_path / "g.csv")
    written = report.write_feedback(rows, tmp_path / "fb")
    assert all(p.parent == tmp_path / "fb" and "\x1b" not in p.name for p in written)
    assert "\x1b" not in report.table(rows, seed)


def test_without_bubblewrap_grading_refuses_and_says_how_to_fix_it(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path)}  # no bwrap on this PATH
    (tmp_path / "python").symlink_to(sys.executable)
    out = subprocess.run([sys.executable, "-m", "dlbook", "grade", str(ROOT / "chapters" / "00_welcome.ipynb")],
                         capture_output=True, text=True, env=env)
    assert out.returncode == 2 and "bubblewrap" in out.stderr and "--isolation none" in out.stderr
    out = subprocess.run([sys.executable, "-m", "dlbook", "grade", str(ROOT / "solutions" / "00_welcome.ipynb"),
                          "--isolation", "none", "--quiet"], capture_output=True, text=True, env=env)
    assert out.returncode == 0 and "isolation: NONE" in out.stdout and "1/1 points" in out.stdout


def test_the_sandbox_holds_no_reference_and_no_secret(tmp_path):
    from dlbook.grading import isolation

    the_plan = isolation.plan(registry.get("activations.sigmoid").forbid)
    assert "activations" not in the_plan.modules and "nn" not in the_plan.modules and "losses" not in the_plan.modules
    staged = isolation.stage(the_plan, tmp_path)
    names = {p.relative_to(staged).as_posix() for p in staged.rglob("*")}
    assert not any(n.startswith(("dlbook/exercises", "dlbook/grading", "dlbook/activations")) for n in names)
    assert "Value.sigmoid" not in (staged / "dlbook" / "autodiff.py").read_text().replace("def sigmoid", "")
    assert "def sigmoid" not in (staged / "dlbook" / "autodiff.py").read_text()


def test_feedback_files_are_named_by_the_path_below_the_common_folder(tmp_path):
    from dlbook.grading import report

    rows = [registry_row(tmp_path / "subs" / "a" / "bob.ipynb", 0.0), registry_row(tmp_path / "subs" / "bob.ipynb", 1.0)]
    written = report.write_feedback(rows, tmp_path / "fb")
    assert [p.name for p in written] == ["a__bob.feedback.md", "bob.feedback.md"]
    assert written[0].read_text().startswith("# Feedback on a/bob.ipynb")


def registry_row(path, points):
    from dlbook.grading import Grade

    return Grade(str(path), "welcome.row_means", "Row means", "passed" if points else "failed", points, 1, "")


def test_planted_links_in_the_feedback_folder_are_never_written_through(tmp_path):
    from dlbook.grading import report

    fb = tmp_path / "fb"
    fb.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    (fb / "mallory.feedback.md").symlink_to(victim)
    (fb / "alice.feedback.md").mkdir()
    rows = [registry_row(tmp_path / "subs" / "mallory.ipynb", 0.0), registry_row(tmp_path / "subs" / "alice.ipynb", 1.0)]
    written = report.write_feedback(rows, fb)
    assert victim.read_text() == "untouched"
    assert [p.name for p in written] == ["mallory.2.feedback.md", "alice.2.feedback.md"]


def test_a_hard_link_to_another_submission_is_reported(tmp_path):
    subs = tmp_path / "subs"
    (subs / "alice").mkdir(parents=True)
    (subs / "mallory").mkdir()
    (subs / "alice" / "hw.ipynb").write_text((ROOT / "solutions" / "00_welcome.ipynb").read_text())
    os.link(subs / "alice" / "hw.ipynb", subs / "mallory" / "hw.ipynb")
    _, rows = grade_paths([subs], seed=SEED)
    flagged = [r for r in rows if "same file on disk" in r.feedback]
    assert {Path(r.notebook).parent.name for r in flagged} == {"alice", "mallory"}


def test_a_notebook_claiming_every_chapter_gets_one_chapters_time(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f"# exercise: {i}\nwhile True:\n    pass") for i in registry.ids()]
    nbformat.write(nb, tmp_path / "everything.ipynb")
    import time

    start = time.monotonic()
    rows = grade_notebook(tmp_path / "everything.ipynb", SEED, timeout=1)
    assert len(rows) == len(registry.ids()) and {r.status for r in rows} == {"timeout"}
    assert time.monotonic() - start < 8 * 1 + 20
