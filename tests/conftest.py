import os

import tempfile

os.environ.setdefault("MPLBACKEND", "Agg")  # tests draw off screen; notebooks use ipympl
# checks record progress: never in the user's own store, also not from the notebooks' kernels
os.environ["DLBOOK_PROGRESS"] = os.path.join(tempfile.mkdtemp(prefix="dlbook-test-"), "progress.jsonl")

from hypothesis import settings

# seeded: the same examples on every run, so a failure reproduces
settings.register_profile("dlbook", derandomize=True, deadline=None, max_examples=150)
settings.load_profile("dlbook")


import sys  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    """Widgets' figures live through pyplot: let each test start with none open (matplotlib
    warns past 20, and the suite turns warnings into errors)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
