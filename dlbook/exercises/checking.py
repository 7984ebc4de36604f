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
from .compare import alike, generic_diagnosis, output_problem, parts_problem, tolerances
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
    for a in args:
        if isinstance(a, np.ndarray):
            return a.dtype.type if a.dtype.kind == "f" else None
    return None


# ---- functions ---------------------------------------------------------------------------

def _check_function(ex, fn, rng, reveal):
    remote = isinstance(fn, RemoteAnswer)  # run in the grader's sandbox, compared here
    if not (fn.callable if remote else callable(fn)):
        return "failed", f"Expected a function {ex.signature}, got {fn.description if remote else describe(fn)}.", []
    names = list(ex.arguments) or _parameters(ex.signature)
    passed = []
    for i, case in enumerate(ex.cases):
        args = case.make(rng)
        expected = ex.reference(*[_float64(a) for a in args])
        run = _remote_run(fn.runs[i], args) if remote else call(fn, args, ex.collect, ex.forbid)
        run = _judged(ex, run, args)
        if run.not_attempted:
            return "not attempted", NOT_ATTEMPTED, []
        problem = _run_problem(ex, args, names, run, expected, reveal)
        if problem:
            given = "; ".join(f"{n} = {describe(a)}" for n, a in zip(names, args))
            feedback = f"On {case.label} ({given}): {problem}" + ("" if problem.endswith((".", "?", "!")) else ".")
            diagnosis = _diagnose(ex, args, run, expected, reveal)
            if diagnosis:
                feedback += f"\n→ {diagnosis}"
            status = "error" if run.error and not (is_error(run.error, ReferenceUsed)
                                                   or is_error(run.error, BadAnswer)) else "failed"
            return status, feedback, passed
        passed.append(case.label)
    if len(passed) == 1:
        return "passed", f"Right on {passed[0]}.", passed
    return "passed", f"Right on all {len(passed)} inputs: {', '.join(passed)}.", passed


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
    dtype = _input_dtype(args) if ex.dtype == "preserve" else None
    options = dict(rtol=rtol, atol=atol, input_dtype=dtype, warnings=run.warnings, reveal=reveal)
    if ex.outputs:
        return parts_problem(run.value, expected, ex.outputs, **options)
    return output_problem(run.value, expected, **options)


def _diagnose(ex, args, run, expected, reveal=True):
    """The message of the known mistake the answer behaves like, else a generic hint.

    A mistake matches when it raises the same exception as the answer, or returns the same
    values while being wrong itself on this input (wrong values, or numpy warnings that the
    answer raised too).
    """
    rtol, atol = tolerances(ex.rtol, ex.atol, *args)
    twins = [(mistake, _judged(ex, call(mistake.wrong, args, ex.collect), args)) for mistake in ex.mistakes]
    if run.error is not None:
        # the same exception with the same message first (two mistakes may both raise a
        # ValueError, about different shapes), then the same kind of exception
        for same in (lambda e: str(e) == str(run.error), lambda e: True):
            for mistake, twin in twins:
                if twin.error is not None and error_type(twin.error) == error_type(run.error) and same(twin.error):
                    return mistake.message
    for mistake, twin in twins:
        if run.error is not None or twin.error is not None:
            continue
        twin_wrong = not alike(twin.value, expected, rtol, atol)
        if alike(run.value, twin.value, rtol, atol) and (twin_wrong or (twin.warnings and run.warnings)):
            return mistake.message
    if run.warnings and ex.overflow:
        return ex.overflow
    if run.error is None:
        return generic_diagnosis(run.value, expected, atol, reveal)
    return ""


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
    if np.isclose(value, -expected, rtol=ex.rtol, atol=ex.atol):
        return "failed", f"{value:.6g} is not right.\n→ check the sign.", []
    direction = "too large" if value > expected else "too small"
    return "failed", f"{value:.6g} is not right: it is {direction}.", []


def _check_array(ex, answer, rng, reveal):
    expected = np.asarray(_expected_value(ex))
    rtol, atol = tolerances(ex.rtol, ex.atol, answer)
    problem = output_problem(answer, expected, rtol=rtol, atol=atol, reveal=reveal)
    if not problem:
        return "passed", "Every value is right.", ["the array"]
    known = next((m.message for m in ex.mistakes if alike(answer, m.wrong, rtol, atol)), "")
    hint = known or generic_diagnosis(answer, expected, atol, reveal)
    return "failed", f"{problem[0].upper()}{problem[1:]}." + (f"\n→ {hint}" if hint else ""), []


def _check_choice(ex, answer, rng, reveal):
    keys = [c.key for c in ex.choices]
    key = answer.strip().strip("()").lower() if isinstance(answer, str) else None
    if key not in keys:
        return "failed", f"Answer with the letter of one option, as a string: one of {', '.join(map(repr, keys))}.", []
    chosen = next(c for c in ex.choices if c.key == key)
    status = "passed" if key == ex.reference else "failed"
    return status, f"({key}) {chosen.text}: {chosen.feedback}", (["the choice"] if status == "passed" else [])


_CHECKERS = {
    "function": _check_function,
    "number": _check_number,
    "array": _check_array,
    "choice": _check_choice,
}
