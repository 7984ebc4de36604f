"""What an exercise is: one declarative entry, checked by shared machinery.

An exercise says what to write (`signature`), what is right (`reference`), the inputs that
expose real bugs (`cases`, in the order they are tried), how close is close enough
(`rtol`, `atol`), the known mistakes and what to say about each (`mistakes`), hints in
levels, and its points. It holds no checking logic: see `checking.py`.
"""

from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ["Case", "Mistake", "Choice", "Exercise", "BadAnswer", "KINDS"]

KINDS = ("function", "number", "array", "choice")


from ..sandbox.calling import BadAnswer  # raised by a judge when an answer has the wrong form


@dataclass(frozen=True)
class Case:
    """One input to try a function answer on.

    label: what makes this input interesting, said in feedback ("a batch of one").
    make: rng -> tuple of arguments. Fixed inputs ignore the rng; random ones use it, so a
    grader with another seed gets other numbers.
    """

    label: str
    make: Callable[[Any], tuple]


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer and what to tell a learner who made it.

    For a function exercise `wrong` is a function reproducing the mistake: an answer that
    behaves like it on the failing input (same values, or the same exception) gets `message`.
    For a number exercise `wrong` is the wrong number.
    """

    name: str
    wrong: Any
    message: str


@dataclass(frozen=True)
class Choice:
    """One option of a choice exercise, with the feedback shown when it is picked."""

    key: str
    text: str
    feedback: str


@dataclass
class Exercise:
    """One checked exercise. Build it in the exercises module of its chapter.

    id: "chapter.name", e.g. "activations.sigmoid".
    kind: "function", "number", "array" or "choice".
    title: a short title for result boxes and tables.
    name: the name the answer has in the notebook: a function's name or a variable's.
    signature: for functions, the call as the learner writes it, e.g. "sigmoid(z)".
    reference: for functions, the right function (it receives float64 arguments); for
        numbers and arrays, the right value (or a zero-argument function computing it);
        for choices, the key of the right option.
    cases: for functions, the inputs to try, in order.
    mistakes: known mistakes, tried in order when an answer fails.
    choices: for choice exercises, the options.
    arguments: for functions, the names of a case's arguments in feedback (by default the
        signature's parameters).
    outputs: for functions returning a tuple, the names of its parts, e.g. ("dX", "dW", "db");
        each part is compared on its own and feedback names the first wrong one.
    collect: how the answer is called when not as answer(*case), a name from
        dlbook.sandbox.conventions ("value_mul": build Values and run the backward rule). It runs
        where the answer runs, and returns plain data.
    judge: for answers whose output is checked by what it must satisfy (batches, a trained
        network), judge(data, *case) turns what `collect` returned into the value compared with
        the reference's. It runs outside the sandbox, and raises BadAnswer to say that the answer
        has the wrong form.
    forbid: the dlbook references the answer may not use: modules ("dlbook.nn") or a method
        ("dlbook.autodiff:Value.__mul__"). A notebook's check says so when an answer calls one;
        the grading sandbox does not hold them at all.
    dtype: for functions, what the result's dtype must be. "preserve": float32 in, float32 out,
        for an exercise that asks for it; "note" (the default): the same, but a right value of
        another dtype passes, with a note; "float": any float dtype; "int": an integer; None: not checked.
    overflow: what to say when numpy warns about overflow or invalid values.
    hints: from a nudge to nearly the answer.
    """

    id: str
    kind: str
    title: str
    name: str
    reference: Any
    signature: str = ""
    cases: list = field(default_factory=list)
    mistakes: list = field(default_factory=list)
    choices: list = field(default_factory=list)
    arguments: tuple = ()
    outputs: tuple = ()
    collect: str = "plain"
    judge: Callable | None = None
    forbid: tuple = ()
    dtype: str | None = "note"
    overflow: str = ""
    rtol: float = 1e-6
    atol: float = 1e-9
    hints: list = field(default_factory=list)
    points: int = 1
    seed: int = 0

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"exercise {self.id}: kind must be one of {KINDS}, got {self.kind!r}")
        chapter, dot, short = self.id.partition(".")
        if not dot or not chapter or not short:
            raise ValueError(f"exercise id must look like 'chapter.name', got {self.id!r}")
        if self.kind == "function" and not self.cases:
            raise ValueError(f"exercise {self.id}: a function exercise needs cases")
        if self.kind == "choice" and self.reference not in {c.key for c in self.choices}:
            raise ValueError(f"exercise {self.id}: reference {self.reference!r} is not a choice")

    @property
    def chapter(self):
        return self.id.partition(".")[0]

    @property
    def short(self):
        return self.id.partition(".")[2]

    def check(self, answer, *, seed=None):
        """Check `answer`; returns a CheckResult that shows itself as a pass or fail box."""
        from .checking import check

        return check(self, answer, seed=seed)

    def hint(self, level=None):
        """The next hint (or hint number `level`, from 1); later hints say more."""
        from .result import Hint

        if not self.hints:
            return Hint(self.id, 0, 0, "There is no hint for this exercise.")
        if level is None:
            level = min(_hints_seen.get(self.id, 0) + 1, len(self.hints))
        level = max(1, min(int(level), len(self.hints)))
        _hints_seen[self.id] = max(_hints_seen.get(self.id, 0), level)
        return Hint(self.id, level, len(self.hints), self.hints[level - 1])

    def solution(self):
        """A worked solution, from the chapter's solution notebook."""
        from . import registry
        from .checking import _note
        from .result import Solution

        _note(self.id, "viewed")
        return Solution(self.id, registry.solution_code(self.id), self.kind, self.reference)

    def __repr__(self):
        return f"<exercise {self.id} ({self.kind}, {self.points} points): {self.title}>"


_hints_seen: dict = {}
