"""While an exercise is checked, the reference it is checked against refuses to run.

An answer that only calls `dlbook.activations.sigmoid` would pass the sigmoid exercise
without teaching anything. The exercise engine names the references it forbids; each
reference function calls `check(name)` first, which raises `ReferenceUsed` inside the
`refuse(...)` block and costs one context-variable read outside it.
"""

from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["ReferenceUsed", "check", "refuse"]

_refused: ContextVar[frozenset] = ContextVar("dlbook_refused", default=frozenset())


class ReferenceUsed(Exception):
    """Raised when an answer calls the reference implementation it is checked against."""

    def __init__(self, name):
        super().__init__(
            f"{name} is dlbook's reference implementation: the exercise asks you to write it "
            "yourself with numpy"
        )
        self.name = name


def check(name):
    """Raise ReferenceUsed when `name` is refused in the current context."""
    refused = _refused.get()
    if refused and name in refused:
        raise ReferenceUsed(name)


@contextmanager
def refuse(names):
    """Within the block, the references called `names` raise ReferenceUsed."""
    token = _refused.set(_refused.get() | frozenset(names))
    try:
        yield
    finally:
        _refused.reset(token)
