"""The shared checking machinery: one `check` for every exercise, whatever its kind.

A check never raises on a learner's answer. An untouched stub (`...`, or a function that
raises NotImplementedError) is "not attempted"; an answer that raises is "error"; a wrong
answer is "failed", with feedback naming the input that exposed it, what was wrong, and,
when the answer behaves like a known mistake, what that mistake is.
"""

import numbers
import re

import numpy as np

from ..sandbox.calling import ReferenceUsed
from .compare import alike, output_problem, parts_problem, tolerances
from .diagnosis import diagnose, diagnose_error, diagnose_number
from .result import CheckResult
from .running import RemoteAnswer, Run, call, describe, error_type, is_error, same
from .spec import BadAnswer

__all__ = ["check"]

NOT_ATTEMPTED = "Write your answer in the cell above (replace the ... or the raise line), run it, then run this check again."


def check(ex, answer, *, seed=None, reveal=True, record=True):
    """Check `answer` against exercise `ex`. Returns a CheckResult; never raises on the answer.

    seed: the seed of the random inputs (the exercise's own by default; a grader uses another).
    reveal: whether feedback may show expected values.
    record: whether the learner's progress store notes the result (the grader's checks do not).
    """
    if answer is Ellipsis:
        return _result(ex, "not attempted", NOT_ATTEMPTED)
    rng = np.random.default_rng(ex.seed if seed is None else seed)
    try:
        status, feedback, passed_cases = _CHECKERS[ex.kind](ex, answer, rng, reveal)
    except Exception as err:  # a bug in dlbook, never the learner's fault
        return _result(ex, "error", f"The checker itself failed ({type(err).__name__}: {err}). "
                       "This is a bug in dlbook, not in your answer: please report it.")
    if record and status != "not attempted":
        _note(ex.id, status)
    return _result(ex, status, feedback, passed_cases)


def _note(exercise_id, status):
    from ..progress import record

    try:
        record(exercise_id, status)
    except OSError:  # a read-only home must not stop a check
        pass


def _result(ex, status, feedback, passed_cases=()):
    points = ex.points if status == "passed" else 0
    return CheckResult(ex.id, ex.title, status, feedback, points, ex.points, list(passed_cases))


def _parameters(signature):
    inside = re.search(r"\((.*)\)", signature)
    return [p.strip().split("=")[0] for p in inside.group(1).split(",")] if inside else []


def _float64(a):
    if isinstance(a, np.ndarray) and a.dtype.kind in "biuf":
        return a.astype(np.float64)
    if isinstance(a, (list, tuple)):
        return type(a)(_float64(v) for v in a)
    return a


def _input_dtype(args):
    """The float dtype of the first array among the arguments (inside dicts and lists too)."""
    for a in args:
        if isinstance(a, dict):
            a = list(a.values())
        if isinstance(a, (list, tuple)):
            found = _input_dtype(a)
            if found is not None:
                return found
        if isinstance(a, np.ndarray):
            return a.dtype.type if a.dtype.kind == "f" else None
    return None


# ---- functions ---------------------------------------------------------------------------

def _check_function(ex, fn, rng, reveal):
    remote = isinstance(fn, RemoteAnswer)  # run in the grader's sandbox, compared here
    if not (fn.callable if remote else callable(fn)):
        return "failed", f"Expected a function {ex.signature}, got {fn.description if remote else describe(fn)}.", []
    names = list(ex.arguments) or _parameters(ex.signature)
    inputs = [case.make(rng) for case in ex.cases]  # in order: the grader's sandbox made the same

    def run_on(i):
        run = _remote_run(fn.runs[i], inputs[i]) if remote else call(fn, inputs[i], ex.collect, ex.forbid)
        return _judged(ex, run, inputs[i])

    passed, note = [], ""
    for i, (case, args) in enumerate(zip(ex.cases, inputs)):
        expected = _expected(ex, args)
        run = run_on(i)
        if run.not_attempted:
            return "not attempted", NOT_ATTEMPTED, []
        problem = _run_problem(ex, args, names, run, expected, reveal)
        if problem:
            given = "; ".join(f"{n} = {describe(a)}" for n, a in zip(names, args))
            feedback = f"On {case.label} ({given}): {problem}" + ("" if problem.endswith((".", "?", "!")) else ".")
            diagnosis = _diagnose(ex, inputs, i, run, run_on, reveal)
            if diagnosis:
                feedback += f"\n→ {diagnosis}"
            status = "error" if run.error and not (is_error(run.error, ReferenceUsed)
                                                   or is_error(run.error, BadAnswer)) else "failed"
            return status, feedback, passed
        passed.append(case.label)
        note = note or (_dtype_note(args, run.value) if ex.dtype == "note" else "")
    right = f"Right on {passed[0]}." if len(passed) == 1 else f"Right on all {len(passed)} inputs: {', '.join(passed)}."
    return "passed", right + (f"\nNote: {note}" if note else ""), passed


def _expected(ex, args):
    return ex.reference(*[_float64(a) for a in args])


def _dtype_note(args, value):
    """A line about a right result whose dtype is not its float input's, or ''."""
    dtype = _input_dtype(args)
    values = value if isinstance(value, tuple) else (value,)
    got = [np.asarray(v).dtype for v in values if isinstance(v, (np.ndarray, np.generic, float, int))]
    if dtype is None or not got or all(g == dtype for g in got):
        return ""
    other = next(g for g in got if g != dtype)
    return (f"for {np.dtype(dtype)} input your result is {other}. It is accepted here, but PyTorch keeps "
            "float32 as float32 (it halves memory): a float64 constant or array, or float(), widens it.")


def _remote_run(run, args):
    """A Run from the sandbox, with whether the inputs changed decided here, from the inputs
    as the answer left them."""
    after = run.after if isinstance(run.after, (list, tuple)) and len(run.after) == len(args) else args
    run.mutated = [i for i, (a, b) in enumerate(zip(args, after)) if not same(a, b)]
    return run


def _judged(ex, run, args):
    """The Run with its value judged by the exercise (see Exercise.judge), or its BadAnswer."""
    if ex.judge is None or run.error is not None:
        return run
    judged = Run(**{**run.__dict__})
    try:
        judged.value = ex.judge(run.value, *args)
    except BadAnswer as err:
        judged.value, judged.error = None, err
    except Exception as err:  # what came back cannot be read as this exercise's answer
        judged.value = None
        judged.error = BadAnswer(f"{ex.name} returned something of the wrong form ({type(err).__name__}: {err})")
    return judged


def _run_problem(ex, args, names, run, expected, reveal):
    if is_error(run.error, ReferenceUsed):
        where = f" (in the line `{run.error_line}`)" if run.error_line else ""
        whose = "dlbook's own reference implementation" if run.error.name.startswith("dlbook") else \
            "another library's implementation"
        return (f"your code called {run.error.name}{where}, {whose}: "
                "the exercise asks you to write it yourself with numpy")
    if is_error(run.error, BadAnswer):
        return str(run.error)
    if is_error(run.error, NotImplementedError):
        return (f"your function called code that is not written yet ({run.error}); "
                "finish that exercise first")
    if run.error is not None:
        line = f" in the line `{run.error_line}`" if run.error_line else ""
        return f"your function raised {error_type(run.error).rpartition('.')[2]}: {run.error}{line}"
    if run.mutated:
        changed = ", ".join(names[i] if i < len(names) else f"argument {i}" for i in run.mutated)
        return (f"your function changed its input {changed} in place; it must leave its "
                "inputs as they were and return a new array (work on a copy, or use "
                "operations like np.maximum that return new arrays)")
    rtol, atol = tolerances(ex.rtol, ex.atol, *args)  # from the inputs, never from the answer
    dtype = _input_dtype(args) if ex.dtype == "preserve" else ex.dtype  # None, or "float": any float
    options = dict(rtol=rtol, atol=atol, input_dtype=dtype, warnings=run.warnings, reveal=reveal)
    if ex.outputs:
        return parts_problem(run.value, expected, ex.outputs, **options)
    return output_problem(run.value, expected, **options)


def _shape_free(err):
    return re.sub(r"\d+", "#", str(err))


def _twin(ex, mistake, args):
    return _judged(ex, call(mistake.wrong, args, ex.collect), args)


def _agrees(ex, mistake, args, run):
    """Whether the answer and the known mistake do the same on `args`: the same kind of
    exception, or the same values (right or wrong)."""
    twin = _twin(ex, mistake, args)
    if run.error is not None or twin.error is not None:
        return run.error is not None and twin.error is not None and error_type(twin.error) == error_type(run.error)
    rtol, atol = tolerances(ex.rtol, ex.atol, *args)
    return alike(run.value, twin.value, rtol, atol)


def _agreement(ex, mistake, args, run):
    """(whether the answer and the mistake do the same on `args`, whether that says anything: it
    does unless both are right there)."""
    twin = _twin(ex, mistake, args)
    rtol, atol = tolerances(ex.rtol, ex.atol, *args)
    expected = _expected(ex, args)

    def right(r):
        return r.error is None and alike(r.value, expected, rtol, atol)
    return _agrees(ex, mistake, args, run), not (right(run) and right(twin))


def _likeness(ex, mistake, args, run, expected):
    """How surely the answer's run on `args` is this known mistake: 3 the same exception and
    message, 2 the same exception and message but for its numbers (shapes), 1 the same kind of
    exception (confirmed on the other inputs by the caller) or the same wrong values (or right
    values with the same numpy warnings), 0 not this mistake."""
    twin = _twin(ex, mistake, args)
    if run.error is not None or twin.error is not None:
        if run.error is None or twin.error is None or error_type(twin.error) != error_type(run.error):
            return 0
        return 3 if str(twin.error) == str(run.error) else 2 if _shape_free(twin.error) == _shape_free(run.error) else 1
    rtol, atol = tolerances(ex.rtol, ex.atol, *args)
    if not alike(run.value, twin.value, rtol, atol):
        return 0
    twin_wrong = not alike(twin.value, expected, rtol, atol)
    return 1 if twin_wrong or (twin.warnings and twin.warnings == run.warnings) else 0


def _diagnose(ex, inputs, i, run, run_on, reveal=True):
    """The message of the known mistake the answer behaves like on input i, else a generic hint.

    An exception of the same kind but another message counts only when the answer and the
    mistake also do the same on every other input. When several known mistakes look alike on
    input i, the one the answer agrees with on the most other inputs is named (ties: the first
    listed).
    """
    args, expected = inputs[i], _expected(ex, inputs[i])
    likeness = [(_likeness(ex, m, args, run, expected), m) for m in ex.mistakes]
    others = None

    def other_runs():
        nonlocal others
        others = others if others is not None else [(inputs[j], run_on(j)) for j in range(len(inputs)) if j != i]
        return others

    # a look-alike on one input can be a coincidence: on the other inputs where the answer or the
    # mistake goes wrong, they must go wrong alike (inputs both get right say nothing)
    candidates = []
    for score, m in likeness:
        if score > 0:
            told = [agrees for agrees, informative in (_agreement(ex, m, a, r) for a, r in other_runs()) if informative]
            if not told or sum(told) >= 0.75 * len(told):
                candidates.append((score, sum(told) / max(1, len(told)), m))
    if candidates:
        return max(candidates, key=lambda c: (c[0], c[1]))[2].message  # ties: the first listed
    overflowed = any("overflow" in w or "divide by zero" in w for w in run.warnings)
    if ex.overflow and overflowed and (run.error is not None or not np.all(np.isfinite(_numbers(run.value)))
                                       or alike(run.value, expected, *tolerances(ex.rtol, ex.atol, *args))):
        return ex.overflow  # numpy warned, and the result is not finite, or right by luck: the overflow explained
    if run.error is None and ex.collect == "plain":  # what the data says of an answer's own values
        return diagnose(run.value, expected, args, tolerances(ex.rtol, ex.atol, *args)[1], reveal)
    return diagnose_error(run.error) if run.error is not None else ""


def _numbers(value):
    """The answer's numbers as one float array (its parts flattened), or [nan] when it has none."""
    parts = value if isinstance(value, (tuple, list)) else (value,)
    try:
        return np.concatenate([np.asarray(p, dtype=np.float64).ravel() for p in parts]) if parts else np.array([np.nan])
    except (TypeError, ValueError):
        return np.array([0.0])


# ---- numbers, arrays, choices ------------------------------------------------------------

def _expected_value(ex):
    return ex.reference() if callable(ex.reference) else ex.reference


def _check_number(ex, answer, rng, reveal):
    if isinstance(answer, str):
        return "failed", f"Your answer is the string {answer!r}: write it as a number, without quotes.", []
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.reshape(()).item()
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return "failed", f"Your answer must be a number, got {describe(answer)}.", []
    value, expected = float(answer), float(_expected_value(ex))
    if not np.isfinite(value):
        return "failed", f"Your answer is {value}: it must be a finite number.", []
    if np.isclose(value, expected, rtol=ex.rtol, atol=ex.atol):
        return "passed", f"{value:.6g} is right.", ["the number"]
    for mistake in ex.mistakes:
        if np.isclose(value, float(mistake.wrong), rtol=ex.rtol, atol=ex.atol):
            return "failed", f"{value:.6g} is not right.\n→ {mistake.message}", []
    if not reveal:  # a direction or a sign would let a grade be found by bisection
        return "failed", f"{value:.6g} is not right.", []
    slip = diagnose_number(value, expected, ex.rtol)
    if slip:
        return "failed", f"{value:.6g} is not right.\n→ {slip}.", []
    direction = "too large" if value > expected else "too small"
    return "failed", f"{value:.6g} is not right: it is {direction}.", []


def _check_array(ex, answer, rng, reveal):
    expected = np.asarray(_expected_value(ex))
    rtol, atol = tolerances(ex.rtol, ex.atol, answer)
    problem = output_problem(answer, expected, rtol=rtol, atol=atol, reveal=reveal)
    if not problem:
        return "passed", "Every value is right.", ["the array"]
    known = next((m.message for m in ex.mistakes if alike(answer, m.wrong, rtol, atol)), "")
    hint = known or diagnose(answer, expected, (), atol, reveal)
    return "failed", f"{problem[0].upper()}{problem[1:]}." + (f"\n→ {hint}" if hint else ""), []


def _check_choice(ex, answer, rng, reveal):
    keys = [c.key for c in ex.choices]
    key = answer.strip().strip("()").lower() if isinstance(answer, str) else None
    if key not in keys:
        named = [c for c in ex.choices if isinstance(answer, str) and len(answer.strip()) > 2
                 and answer.strip().lower() in c.text.lower()]
        said = f" {answer.strip()!r} is in option ({named[0].key}): answer with its letter." if len(named) == 1 else ""
        return "failed", f"Answer with the letter of one option, as a string: one of {', '.join(map(repr, keys))}.{said}", []
    chosen = next(c for c in ex.choices if c.key == key)
    status = "passed" if key == ex.reference else "failed"
    return status, f"({key}) {chosen.text}: {chosen.feedback}", (["the choice"] if status == "passed" else [])


_CHECKERS = {
    "function": _check_function,
    "number": _check_number,
    "array": _check_array,
    "choice": _check_choice,
}
