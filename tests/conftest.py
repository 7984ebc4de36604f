import os

os.environ.setdefault("MPLBACKEND", "Agg")  # tests draw off screen; notebooks use ipympl

from hypothesis import settings

# seeded: the same examples on every run, so a failure reproduces
settings.register_profile("dlbook", derandomize=True, deadline=None, max_examples=150)
settings.load_profile("dlbook")
