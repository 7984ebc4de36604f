"""Every exercise of the book, by id, and the chapters' short handles.

Each chapter's exercises live in the module of that name beside this one, in a list
called EXERCISES. The solutions come from `solutions.json`, which `dlbook build-chapters`
writes from the solution notebooks (the one hand-edited copy).
"""

import importlib
import json
from functools import lru_cache
from importlib import resources

__all__ = ["CHAPTERS", "ids", "get", "chapter", "solution_code", "solutions"]

CHAPTERS = ("welcome", "forward", "activations", "losses", "backprop", "descent", "training")  # modules of exercises, in book order


@lru_cache(maxsize=None)
def _all():
    found = {}
    for name in CHAPTERS:
        module = importlib.import_module(f"{__package__}.{name}")
        for ex in module.EXERCISES:
            if ex.id in found:
                raise RuntimeError(f"exercise id {ex.id} is defined twice")
            if ex.chapter != name:
                raise RuntimeError(f"exercise {ex.id} is in the module of chapter {name}")
            found[ex.id] = ex
    return found


def ids(chapter=None):
    """Every exercise id in book order, or those of one chapter."""
    return [i for i, ex in _all().items() if chapter is None or ex.chapter == chapter]


def get(exercise_id):
    """The Exercise with this id, e.g. get("activations.sigmoid")."""
    try:
        return _all()[exercise_id]
    except KeyError:
        raise KeyError(f"no exercise {exercise_id!r}; dlbook.exercises.ids() lists them") from None


class Chapter:
    """A chapter's exercises as attributes: `ex = chapter("activations"); ex.sigmoid.check(f)`."""

    def __init__(self, name):
        if name not in CHAPTERS:
            raise ValueError(f"no chapter {name!r}; the chapters are {list(CHAPTERS)}")
        self._name = name
        self._exercises = {get(i).short: get(i) for i in ids(name)}

    def __getattr__(self, short):
        try:
            return self.__dict__["_exercises"][short]
        except KeyError:
            raise AttributeError(
                f"chapter {self._name} has no exercise {short!r}; it has {list(self._exercises)}"
            ) from None

    def __dir__(self):
        return list(self._exercises) + ["exercises"]

    @property
    def exercises(self):
        return list(self._exercises.values())

    def __repr__(self):
        rows = "\n".join(f"  {ex.short}: {ex.title} ({ex.points} points)" for ex in self.exercises)
        return f"Exercises of chapter {self._name}:\n{rows}"


def chapter(name):
    """The exercises of one chapter, as attributes by short name."""
    return Chapter(name)


@lru_cache(maxsize=None)
def solutions():
    """{id: {"notebook", "name", "solution", "stub"}} as built from the solution notebooks."""
    path = resources.files(__package__).joinpath("solutions.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def solution_code(exercise_id):
    """The code of the exercise's answer cell in its solution notebook, or ''."""
    return solutions().get(exercise_id, {}).get("solution", "")
