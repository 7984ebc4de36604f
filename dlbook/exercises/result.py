"""What a check, a hint and a solution show: plain text in a terminal, a box in Jupyter."""

import html
from dataclasses import dataclass, field

__all__ = ["STATUSES", "CheckResult", "Hint", "Solution"]

STATUSES = ("passed", "failed", "not attempted", "error")

_STYLE = {  # status: (symbol, border colour, background)
    "passed": ("✓", "#2e7d32", "#e8f5e9"),
    "failed": ("✗", "#c62828", "#ffebee"),
    "error": ("!", "#e65100", "#fff3e0"),
    "not attempted": ("…", "#757575", "#f5f5f5"),
}


def _box(border, background, inner):
    return (
        f'<div style="border-left: 6px solid {border}; background: {background}; '
        f'padding: 0.5em 1em; margin: 0.3em 0; color: #212121; white-space: pre-wrap">{inner}</div>'
    )


@dataclass
class CheckResult:
    """The outcome of checking one answer.

    status: one of STATUSES. feedback: what went wrong, on which input, and what to try.
    passed_cases: the labels of the inputs the answer got right.
    """

    exercise_id: str
    title: str
    status: str
    feedback: str
    points: float
    max_points: int
    passed_cases: list = field(default_factory=list)

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, got {self.status!r}")

    @property
    def passed(self):
        return self.status == "passed"

    def __bool__(self):
        return self.passed

    def _headline(self):
        return f"{self.status.capitalize()}: {self.title} ({self.exercise_id}), " \
               f"{self.points:g}/{self.max_points} points"

    def __repr__(self):
        symbol = _STYLE[self.status][0]
        return f"{symbol} {self._headline()}\n{self.feedback}"

    def _repr_html_(self):
        symbol, border, background = _STYLE[self.status]
        inner = (
            f"<b>{symbol} {html.escape(self._headline())}</b><br>"
            f"{html.escape(self.feedback)}"
        )
        return _box(border, background, inner)


@dataclass
class Hint:
    """Hint number `level` of `of` for one exercise."""

    exercise_id: str
    level: int
    of: int
    text: str

    def _headline(self):
        if not self.of:
            return f"Hint ({self.exercise_id})"
        more = " Ask again for the next one." if self.level < self.of else ""
        return f"Hint {self.level} of {self.of} ({self.exercise_id}).{more}"

    def __repr__(self):
        return f"{self._headline()}\n{self.text}"

    def _repr_html_(self):
        inner = f"<b>💡 {html.escape(self._headline())}</b><br>{html.escape(self.text)}"
        return _box("#f9a825", "#fffde7", inner)


@dataclass
class Solution:
    """A worked solution: the code of the solution notebook's answer cell."""

    exercise_id: str
    code: str
    kind: str
    reference: object

    def _body(self):
        if self.code:
            return self.code
        if self.kind == "choice":
            return f"The answer is ({self.reference})."
        return f"The answer is {self.reference!r}."

    def __repr__(self):
        return f"Solution ({self.exercise_id}):\n{self._body()}"

    def _repr_html_(self):
        inner = (
            f"<b>Solution ({html.escape(self.exercise_id)})</b>"
            f"<pre style='margin: 0.4em 0 0 0'>{html.escape(self._body())}</pre>"
        )
        return _box("#1565c0", "#e3f2fd", inner)
