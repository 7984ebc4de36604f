"""The exercise engine: every solution passes, every stub is "not attempted", every wrong
answer in the corpus fails with its own message, and nothing a learner writes crashes a check."""

import json

import numpy as np
import pytest

from dlbook import activations, data, exercises, losses, nn, optim
from dlbook.autodiff import Value
from dlbook.exercises import registry
from dlbook.exercises.result import CheckResult

from answers import NOTED, RIGHT, WRONG

ALL = exercises.ids()
# what the notebooks import before their exercises
NAMES = {"np": np, "activations": activations, "Value": Value, "nn": nn, "optim": optim, "losses": losses, "data": data}


def answer_from(code, exercise_id, namespace=None):
    namespace = dict(NAMES) if namespace is None else namespace
    exec(compile(code, f"<answer to {exercise_id}>", "exec"), namespace)
    return namespace[exercises.get(exercise_id).name]


def chapter_namespace(exercise_id, key):
    """The names a notebook has when it reaches this exercise: every earlier answer's code."""
    namespace = dict(NAMES)
    chapter = exercises.get(exercise_id).chapter
    for earlier in exercises.ids(chapter):
        if earlier == exercise_id:
            break
        exec(registry.solutions()[earlier][key], namespace)
    return namespace


def test_registry():
    assert len(ALL) == len(set(ALL)) >= 9
    assert len(exercises.ids("activations")) >= 6
    for exercise_id in ALL:
        ex = exercises.get(exercise_id)
        assert ex.points > 0 and len(ex.hints) >= 2, exercise_id
    with pytest.raises(KeyError, match="no exercise 'activations.nope'"):
        exercises.get("activations.nope")
    handle = exercises.chapter("activations")
    assert handle.sigmoid is exercises.get("activations.sigmoid")
    with pytest.raises(AttributeError, match="has no exercise 'sigmoidd'"):
        handle.sigmoidd


@pytest.mark.parametrize("exercise_id", ALL)
def test_every_solution_passes(exercise_id):
    code = registry.solution_code(exercise_id)
    assert code, f"no solution recorded for {exercise_id}"
    namespace = chapter_namespace(exercise_id, "solution")
    result = exercises.get(exercise_id).check(answer_from(code, exercise_id, namespace))
    assert result.status == "passed", result
    assert result.points == exercises.get(exercise_id).points


@pytest.mark.parametrize("exercise_id", ALL)
def test_every_stub_is_not_attempted(exercise_id):
    stub = registry.solutions()[exercise_id]["stub"]
    namespace = chapter_namespace(exercise_id, "stub")
    result = exercises.get(exercise_id).check(answer_from(stub, exercise_id, namespace))
    assert result.status == "not attempted", result
    assert result.points == 0


@pytest.mark.parametrize("exercise_id, code, words", WRONG, ids=[f"{w[0]}:{w[2][:30]}" for w in WRONG])
def test_wrong_answers_fail_with_their_own_message(exercise_id, code, words):
    result = exercises.get(exercise_id).check(answer_from(code, exercise_id))
    assert result.status in ("failed", "error"), result
    assert result.points == 0
    assert words in result.feedback, result


def test_every_exercise_has_wrong_answers_in_the_corpus():
    assert {w[0] for w in WRONG} == set(ALL)


@pytest.mark.parametrize("exercise_id, code", RIGHT)
def test_right_answers_written_differently_pass(exercise_id, code):
    result = exercises.get(exercise_id).check(answer_from(code, exercise_id))
    assert result.status == "passed", result


def _raises_keyboard_like(z):
    raise SystemError("boom")


class EqualsEverything:
    def __eq__(self, other):
        return True

    def __array__(self, *args, **kwargs):
        raise RuntimeError("no array here")


WEIRD = [None, 1, "sigmoid", [1, 2], EqualsEverything(), lambda: 1, lambda z, w: z, _raises_keyboard_like,
         lambda z: EqualsEverything(), lambda z: "a string", lambda z: np.array(["a"] * z.size).reshape(z.shape),
         lambda z: (z for _ in range(3)), lambda z: np.full(z.shape, np.nan), lambda z: z.astype(object)]


@pytest.mark.parametrize("exercise_id", ALL)
@pytest.mark.parametrize("answer", WEIRD, ids=range(len(WEIRD)))
def test_weird_answers_never_crash_the_check(exercise_id, answer):
    result = exercises.get(exercise_id).check(answer)
    assert isinstance(result, CheckResult)
    assert result.status in ("failed", "error"), result
    assert "bug in dlbook" not in result.feedback, result


def test_an_unfinished_earlier_exercise_is_not_this_one_unattempted():
    namespace = chapter_namespace("activations.sigmoid_derivative", "stub")  # sigmoid is a stub
    answer = answer_from("def sigmoid_derivative(z):\n    s = sigmoid(z)\n    return s * (1 - s)",
                         "activations.sigmoid_derivative", namespace)
    result = exercises.get("activations.sigmoid_derivative").check(answer)
    assert result.status == "error"
    assert "activations.sigmoid" in result.feedback and "finish that exercise first" in result.feedback


def test_feedback_names_the_input_shape_before_values():
    result = exercises.get("activations.softmax").check(lambda z: z)
    assert result.feedback.startswith("On a non-square batch of logits (z = float64 array of shape (3, 5))")


def test_reveal_false_hides_expected_values():
    ex = exercises.get("activations.relu")
    shown = ex.check(lambda z: np.abs(z))
    hidden = exercises.checking.check(ex, lambda z: np.abs(z), reveal=False)
    assert "expected" in shown.feedback and "expected" not in hidden.feedback.split("→")[0]


def test_a_grader_seed_gives_other_inputs():
    ex = exercises.get("activations.sigmoid")
    seen = []
    def spy(z):
        seen.append(np.array(z, copy=True))
        return 0.5 * (1 + np.tanh(0.5 * z))
    ex.check(spy)
    ex.check(spy, seed=12345)
    assert not np.array_equal(seen[0], seen[7])  # the first random case differs by seed


def test_result_display():
    ex = exercises.get("activations.output_layer")
    good, bad, todo = ex.check("c"), ex.check("a"), ex.check(...)
    assert good and not bad and not todo
    assert "✓ Passed" in repr(good) and "#2e7d32" in good._repr_html_()
    assert "✗ Failed" in repr(bad) and "#c62828" in bad._repr_html_()
    assert "Not attempted" in repr(todo)
    assert "<script>" not in exercises.get("activations.sigmoid").check(lambda z: "<script>")._repr_html_()


def test_hints_come_in_levels_and_solutions_show_the_notebook_code():
    ex = exercises.get("welcome.row_means")
    assert ex.hint(1).level == 1
    assert ex.hint().level == 2  # the next one
    assert ex.hint(99).level == len(ex.hints)
    assert "X.mean(axis=1)" in repr(ex.solution())
    assert "<pre" in ex.solution()._repr_html_()


def test_solutions_index_is_in_book_order_with_names():
    data = json.loads((registry.resources.files("dlbook.exercises") / "solutions.json").read_text())
    assert list(data) == ALL
    assert all(entry["name"] == exercises.get(i).name for i, entry in data.items())


def test_array_exercises_name_known_mistakes_and_constant_factors():
    ex = exercises.Exercise(id="t.identity", kind="array", title="the identity", name="I",
                            reference=np.eye(2), hints=["a", "b"],
                            mistakes=[exercises.Mistake("zeros", np.zeros((2, 2)), "that is the zero matrix")])
    assert ex.check(np.eye(2)).passed
    assert "that is the zero matrix" in ex.check(np.zeros((2, 2))).feedback
    assert "every value is 2 times" in ex.check(2 * np.eye(2)).feedback
    assert "shape (3, 3), expected (2, 2)" in ex.check(np.eye(3)).feedback
    assert "not a numpy array" in ex.check([[1.0, 0.0], [0.0, 1.0]]).feedback
    assert ex.check(...).status == "not attempted"


def test_uses_names_the_unwritten_exercise_and_lets_real_errors_through(capsys):
    from dlbook.exercises import uses

    stub = registry.solutions()["backprop.numerical_gradient"]["stub"]
    numerical_gradient = answer_from(stub, "backprop.numerical_gradient")
    with uses("numerical_gradient"):
        numerical_gradient(np.sum, np.ones(3))
        raise AssertionError("the stub should have stopped the block")
    said = capsys.readouterr().out
    assert "This cell runs your numerical_gradient. backprop.numerical_gradient is not written yet" in said
    with pytest.raises(NotImplementedError, match="mine"):
        with uses("f"):
            raise NotImplementedError("mine")
    with pytest.raises(ZeroDivisionError):
        with uses("f"):
            1 / 0


@pytest.mark.parametrize("exercise_id, code", NOTED, ids=[n[0] for n in NOTED])
def test_right_values_of_another_dtype_pass_with_a_note(exercise_id, code):
    result = exercises.get(exercise_id).check(answer_from(code, exercise_id))
    assert result.status == "passed" and "Note: for float32 input your result is float64" in result.feedback, result


def test_the_sigmoid_exercise_asks_for_float32_and_fails_float64():
    result = exercises.get("activations.sigmoid").check(answer_from(
        "def sigmoid(z):\n    z = np.asarray(z, dtype=np.float64)\n    e = np.exp(-np.abs(z))\n"
        "    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))", "activations.sigmoid"))
    assert result.status == "failed" and "float32 in must give float32 out" in result.feedback


SEEDS = range(50)  # the grader's seed is secret: an input that exposes a mistake must expose it under any


@pytest.mark.parametrize("exercise_id", [i for i in ALL if exercises.get(i).kind == "function" and exercises.get(i).mistakes])
def test_every_known_mistake_fails_under_every_seed(exercise_id):
    from dlbook.exercises.checking import check

    ex = exercises.get(exercise_id)
    holes = [(m.name, seed) for m in ex.mistakes for seed in SEEDS
             if check(ex, m.wrong, seed=seed, record=False).status == "passed"]
    assert not holes
