"""The progress store: checks and viewed solutions are recorded, concurrent writers never
corrupt it, a torn line is skipped, and the grader records nothing."""

import multiprocessing
import os

import numpy as np
import pytest

import dlbook
from dlbook import exercises
from dlbook import progress as _unused  # noqa: F401  (dlbook.progress is the function)
from dlbook.progress import events, record, store_path, summary


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "deep" / "progress.jsonl"
    monkeypatch.setenv("DLBOOK_PROGRESS", str(path))
    return path


def test_the_store_lives_where_the_environment_says(store, monkeypatch):
    assert store_path() == store
    monkeypatch.delenv("DLBOOK_PROGRESS")
    monkeypatch.setenv("XDG_DATA_HOME", "/somewhere")
    assert str(store_path()).endswith("dlbook/progress.jsonl")


def test_checks_and_solutions_are_recorded_and_summarised(store):
    ex = exercises.chapter("activations")
    ex.relu.check(lambda z: np.maximum(z, 0))
    ex.sigmoid.check(lambda z: z)
    ex.softmax.check(...)  # not attempted: nothing to record
    ex.tanh_derivative.solution()
    assert [(e["id"], e["event"]) for e in events()] == [
        ("activations.relu", "passed"), ("activations.sigmoid", "failed"), ("activations.tanh_derivative", "viewed")]
    row = summary()["activations"]
    assert row == {"done": 1, "attempted": 2, "not started": 5, "viewed": 1, "total": 8}
    shown = dlbook.progress()
    assert "activations     1     2     5" in repr(shown) and "1 solution(s) viewed" in repr(shown)
    assert "<table>" in shown._repr_html_()


def test_a_torn_line_is_skipped_and_the_rest_survives(store):
    record("forward.neuron", "passed")
    with open(store, "ab") as f:
        f.write(b'\n{"id": "forward.dense_forw')  # a kernel killed in the middle of record()
    record("forward.forward", "failed")
    assert [e["id"] for e in events()] == ["forward.neuron", "forward.forward"]
    assert summary()["forward"]["done"] == 1


def _writer(args):
    path, k = args
    os.environ["DLBOOK_PROGRESS"] = path
    for i in range(200):
        record(f"losses.w{k}_{i}", "failed")


def test_kernels_writing_at_once_lose_nothing(store):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        pool.map(_writer, [(str(store), k) for k in range(4)])
    found = events()
    assert len(found) == 800 and len({e["id"] for e in found}) == 800


def test_bad_events_are_refused(store):
    with pytest.raises(ValueError, match="event must be one of"):
        record("forward.neuron", "cheated")


def test_the_grader_records_nothing(store, tmp_path):
    from dlbook.exercises.checking import check

    check(exercises.get("activations.relu"), lambda z: np.maximum(z, 0), record=False)
    assert not store.exists()
