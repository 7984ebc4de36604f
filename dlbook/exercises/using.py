"""Cells that use the learner's own answers, which must still run while an answer is a stub."""

from contextlib import contextmanager

__all__ = ["uses"]


@contextmanager
def uses(*names):
    """`with uses("numerical_gradient"):` runs a cell that calls your answers.

    While one of them is still the stub of the learners' notebook, the cell says which one to
    write instead of failing with a traceback. Any other error is yours to see, so it is raised.
    """
    try:
        yield
    except NotImplementedError as err:
        message = str(err)
        if not message.startswith("exercise "):  # not a stub: a real error in the answer
            raise
        exercise = message.split(":")[0].removeprefix("exercise ")
        print(f"This cell runs your {', '.join(names)}. {exercise} is not written yet: "
              "write it above, check it, then run this cell again.")
