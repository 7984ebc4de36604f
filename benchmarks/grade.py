"""Grading speed: one submission against Python's own start, each chapter, and a batch.

    python benchmarks/grade.py [--batch 100] [--repeat 7]

The budget: grading one 6-exercise submission of 01_forward, as `dlbook grade` does for each
submission of a batch (a bubblewrap sandbox per submission and plan, a forked process per
exercise, the comparison in the grader), costs at most 4x `python -c "import numpy"` measured in
the same run (medians). The whole command, with the grader's own start, is shown beside it.
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dlbook.grading import grade_paths

ROOT = Path(__file__).resolve().parents[1]


def _median_seconds(argv, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    numpy = _median_seconds([sys.executable, "-c", "import numpy"], args.repeat)
    command = _median_seconds([sys.executable, "-m", "dlbook", "grade", str(ROOT / "solutions" / "01_forward.ipynb"),
                               "--seed", "1", "--quiet"], args.repeat)
    one = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        grade_paths([ROOT / "solutions" / "01_forward.ipynb"], seed=1)
        one.append(time.perf_counter() - t)
    one = statistics.median(one)
    print(f"{'what':58} {'median':>10}")
    baseline = 'python -c "import numpy" (the baseline)'
    print(f"{baseline:58} {numpy:8.3f} s")
    print(f"{'one submission of 01_forward (6 exercises)':58} {one:8.3f} s  = {one / numpy:.2f}x (budget 4x)")
    print(f"{'the whole command: dlbook grade solutions/01_forward.ipynb':58} {command:8.3f} s")
    for name in sorted(p.name for p in (ROOT / "solutions").glob("*.ipynb")):
        times = []
        for _ in range(3):
            t = time.perf_counter()
            _, rows = grade_paths([ROOT / "solutions" / name], seed=1)
            times.append(time.perf_counter() - t)
        print(f"{'grade solutions/' + name + f' ({len(rows)} exercises), in-process':58} {statistics.median(times):8.2f} s")
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
