"""The book's speed budgets, measured in one run on this machine: medians and ratios, never
absolute thresholds (these machines are noisy). Run from the repository root:

    python benchmarks/run.py [--repeat 15]

1. `import dlbook` against `import numpy`, each in a fresh interpreter (budget: at most 1.5x).
2. The activation explorer's update callback, in a kernel under ipympl (budget: median at most
   20 ms), and the frame the front end then receives.
3. Each notebook, executed top to bottom in a fresh kernel (budget: at most 20 s).
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _import_time(module, repeat):
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        times.append(float(out.stdout))
    return times


def bench_import(repeat):
    numpy_t, dlbook_t = [], []
    for _ in range(repeat):  # interleaved, so drift in machine load hits both alike
        numpy_t += _import_time("numpy", 1)
        dlbook_t += _import_time("dlbook", 1)
    n, d = statistics.median(numpy_t), statistics.median(dlbook_t)
    return [("import numpy (baseline)", n * 1e3, "ms", ""),
            ("import dlbook", d * 1e3, "ms", f"{d / n:.2f}x numpy (budget 1.5x)")]


_EXPLORER_CELL = """
%matplotlib widget
import json, statistics, time
from dlbook.widgets import ActivationExplorer

ex = ActivationExplorer("sigmoid")
canvas = ex.fig.canvas
# what JupyterLab sends once the figure is on screen; it stops ipympl re-encoding every frame
# as a base64 data URL for a front end that is not there yet
canvas._handle_message(canvas, {{"type": "initialized"}}, [])
canvas.draw()

def median_ms(step, values):
    times = []
    for _ in range({repeat}):
        for v in values:
            t = time.perf_counter()
            step(v)
            times.append(time.perf_counter() - t)
    return 1e3 * statistics.median(times)

def slide(v):
    ex.z0.value = v

def choose(name):
    ex.activation.value = name

def choose_and_frame(name):  # the callback, then the full render and frame the front end asks for
    ex.activation.value = name
    canvas.draw()
    canvas.get_diff_image()

names = ["tanh", "relu", "softplus", "sigmoid"]
points = [-3.0, -1.0, 0.5, 2.0]
print(json.dumps({{
    "slide": median_ms(slide, points),
    "choose": median_ms(choose, names),
    "choose_frame": median_ms(choose_and_frame, names),
}}))
"""


def bench_explorer(repeat):
    """Timed inside a real kernel with ipympl, where draw_idle only posts a message."""
    import json

    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(_EXPLORER_CELL.format(repeat=repeat))]
    NotebookClient(nb, timeout=300, kernel_name="python3").execute()
    t = json.loads(nb.cells[0].outputs[-1]["text"])
    return [
        ("explorer: slide z0, callback incl. its blitted PNG frame", t["slide"], "ms", "budget 20 ms"),
        ("explorer: change activation, callback", t["choose"], "ms", "budget 20 ms"),
        ("explorer: change activation, then full render + PNG", t["choose_frame"], "ms",
         "when the front end asks"),
    ]


def bench_notebooks():
    import nbformat
    from nbclient import NotebookClient

    rows = []
    for path in sorted((ROOT / "solutions").glob("*.ipynb")) + sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        t = time.perf_counter()
        NotebookClient(nb, timeout=120, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        rows.append((f"run {path.parent.name}/{path.name}, fresh kernel (one run)",
                     time.perf_counter() - t, "s", "budget 20 s"))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    rows = bench_import(args.repeat) + bench_explorer(args.repeat) + bench_notebooks()
    print(f"{'what':58} {'median':>9}  note")
    for what, value, unit, note in rows:
        print(f"{what:58} {value:7.2f} {unit:2}  {note}")


if __name__ == "__main__":
    main()
