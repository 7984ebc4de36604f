"""The checks measured on answers real learners write: tests/learner_corpus, written by someone who
had not read the checks, 482 wrong answers and 153 right ones written differently.

A wrong answer must fail; a right one must pass; the feedback of a wrong answer is "named" when it
says what the mistake is (a known mistake's message, a diagnosis, or a problem that is itself the
mistake: an input changed in place, a dtype, a transpose). The measure is printed (pytest -s).
"""

import importlib
import math
import warnings
from collections import Counter

import pytest

from dlbook import exercises
from test_exercises import NAMES, answer_from

CHAPTERS = ("welcome", "forward", "activations", "losses", "backprop", "descent", "training")
# problems that name the mistake by themselves
_NAMING = ("changed its input", "float32 in must give float32 out", "returned booleans", "returned None",
           "Python list", "transpose of the expected", "your code called", "must return", "holds integers only",
           "with the keys of params", "each batch must be a pair")
# answers the corpus counts right that the book refuses on purpose: another library does the work
_ANOTHER_LIBRARY = "your code called scipy"


def _told(result):
    """Whether a wrong answer is told: it fails, or it passes with a note (a right value of
    another dtype than its float input's, which the book accepts outside the sigmoid exercise)."""
    return result.status != "passed" or "\nNote: " in result.feedback


def _named(ex, feedback):
    if "\n→ " in feedback or any(words in feedback for words in _NAMING):
        return True
    return ex.kind == "choice" and not feedback.startswith("Answer with the letter")


@pytest.fixture(scope="module")
def measured():
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for chapter in CHAPTERS:
            for answer in importlib.import_module(f"learner_corpus.{chapter}").ANSWERS:
                ex = exercises.get(answer["exercise"])
                try:
                    value = answer_from(answer["code"], answer["exercise"], {**NAMES, "math": math})
                except Exception:  # a cell that fails leaves the stub: not attempted
                    value = Ellipsis
                result = ex.check(value)
                rows.append((chapter, ex, answer, result))
    return rows


def test_the_measure(measured, capsys):
    table = {c: Counter() for c in CHAPTERS + ("all",)}
    for chapter, ex, answer, result in measured:
        for key in (chapter, "all"):
            counts = table[key]
            if answer["right"]:
                counts["right"] += 1
                counts["refused"] += result.status != "passed"
            else:
                counts["wrong"] += 1
                counts["caught"] += _told(result)
                counts["named"] += _told(result) and (_named(ex, result.feedback) or result.status == "passed")
    with capsys.disabled():
        print("\nchapter       wrong  caught  named        right  refused")
        for key, c in table.items():
            print(f"{key:12} {c['wrong']:6} {c['caught']:7} {c['named']:6} ({c['named'] / max(1, c['wrong']):4.0%})"
                  f" {c['right']:6} {c['refused']:8}")
    assert table["all"]["wrong"] >= 450 and table["all"]["right"] >= 150
    assert table["all"]["named"] >= 0.5 * table["all"]["wrong"]  # a floor, raised as the checks name more


def test_every_wrong_answer_is_caught(measured):
    missed = [(a["exercise"], a["mistake"]) for _, _, a, r in measured if not a["right"] and not _told(r)]
    assert not missed


def test_no_right_answer_is_refused(measured):
    refused = [(a["exercise"], a["mistake"], r.feedback[-200:]) for _, _, a, r in measured
               if a["right"] and r.status != "passed" and _ANOTHER_LIBRARY not in r.feedback]
    assert not refused
