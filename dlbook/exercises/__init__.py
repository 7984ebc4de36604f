"""Checked exercises: one declarative spec each, checked by shared machinery.

    >>> from dlbook import exercises
    >>> ex = exercises.get("activations.sigmoid")
    >>> result = ex.check(my_sigmoid)   # a pass or fail box in Jupyter
    >>> ex.hint(); ex.solution()

`ids()` lists every exercise; `chapter(name)` gives a chapter's exercises as attributes;
`with uses("name"):` runs a cell that calls an answer, and says so while it is a stub.
"""

from .registry import chapter, get, ids
from .result import CheckResult
from .spec import Case, Choice, Exercise, Mistake
from .using import uses

__all__ = ["ids", "get", "chapter", "uses", "Exercise", "Case", "Mistake", "Choice", "CheckResult"]
