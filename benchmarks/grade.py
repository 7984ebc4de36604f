"""Grading speed: one chapter's notebook, and a batch of 100 submissions at 1 and 2 jobs.

    python benchmarks/grade.py [--batch 100]

Every exercise runs in its own sandbox process (about 0.2 s to start: Python, numpy, dlbook),
so a batch scales with the workers until the cores are busy.
"""

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from dlbook.grading import grade_paths

ROOT = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    print(f"{'what':58} {'median':>10}")
    for name in sorted(p.name for p in (ROOT / "solutions").glob("*.ipynb")):
        times = []
        for _ in range(3):
            t = time.perf_counter()
            _, rows = grade_paths([ROOT / "solutions" / name], seed=1)
            times.append(time.perf_counter() - t)
        print(f"{'grade solutions/' + name + f' ({len(rows)} exercises)':58} {statistics.median(times):8.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        for i in range(args.batch):  # half right, half untouched: both kinds of submission
            source = ROOT / ("solutions" if i % 2 == 0 else "chapters") / "01_forward.ipynb"
            shutil.copy(source, Path(folder) / f"student{i:03d}.ipynb")
        for jobs in (1, 2):
            t = time.perf_counter()
            _, rows = grade_paths([folder], seed=1, jobs=jobs)
            seconds = time.perf_counter() - t
            print(f"{f'{args.batch} submissions of 01_forward, --jobs {jobs}':58} {seconds:8.2f} s  "
                  f"= {args.batch / seconds:.2f} submissions/s")


if __name__ == "__main__":
    main()
