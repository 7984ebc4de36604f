"""The book's speed budgets, measured in one run on this machine: medians and ratios, never
absolute thresholds (these machines are noisy). Run from the repository root:

    python benchmarks/run.py [--repeat 15]

1. `import dlbook` against `import numpy`, each in a fresh interpreter (budget: at most 1.5x).
2. Each widget's update callbacks, in a kernel under ipympl (budget: median at most 20 ms),
   and the full frame the front end then receives.
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


_WIDGETS_CELL = """
%matplotlib widget
import json, statistics, time
from dlbook.widgets import (ActivationExplorer, BackpropStepper, BatchLossExplorer, DescentExplorer, LossExplorer,
                            NetworkExplorer, OptimizerComparison, Playground)

def shown(widget):
    canvas = widget.fig.canvas
    canvas.__dict__.pop("get_diff_image", None)  # unpaced: time every frame's PNG, none held back
    # what JupyterLab sends once the figure is on screen; it stops ipympl re-encoding every
    # frame as a base64 data URL for a front end that is not there yet
    canvas._handle_message(canvas, {{"type": "initialized"}}, [])
    canvas.draw()
    return widget

def median_ms(step, values, frame=None):
    times = []
    for _ in range({repeat}):
        for v in values:
            t = time.perf_counter()
            step(v)
            if frame is not None:  # the full render and frame the front end then asks for
                frame.canvas.draw()
                frame.canvas.get_diff_image()
            times.append(time.perf_counter() - t)
    return 1e3 * statistics.median(times)

act, net, loss, batch = (shown(w) for w in (ActivationExplorer("sigmoid"), NetworkExplorer(),
                                            LossExplorer(), BatchLossExplorer()))
stepper = shown(BackpropStepper())
descent, race = shown(DescentExplorer()), shown(OptimizerComparison())

# the playground's Play loop: frames (5 training steps + blitted heat map and curves each) per second
fps = []
for _ in range(3):
    pg = shown(Playground())
    t = time.perf_counter()
    await pg.run(frames=60, fps=1000)  # unpaced: what the machine can do (Play paces at 25)
    fps.append(60 / (time.perf_counter() - t))
def set_(control):
    return lambda v: setattr(control, "value", v)

names = ["tanh", "relu", "softplus", "sigmoid"]
points = [-3.0, -1.0, 0.5, 2.0]
print(json.dumps({{
    "act_slide": median_ms(set_(act.z0), points),
    "act_choose": median_ms(set_(act.activation), names),
    "act_choose_frame": median_ms(set_(act.activation), names, act.fig),
    "net_move": median_ms(set_(net.x1), points),
    "net_weight": median_ms(set_(net.value), [-2.0, 1.0, 0.3, 2.5]),
    "net_weight_frame": median_ms(set_(net.value), [-2.0, 1.0, 0.3, 2.5], net.fig),
    "loss_slide": median_ms(set_(loss.p), [0.1, 0.4, 0.7, 0.9]),
    "batch_drag": median_ms(set_(batch.p), [0.9, 0.5, 0.1, 0.01]),
    "step": median_ms(stepper.go, [1, 2, 3, 4, 5, 6]),
    "step_frame": median_ms(stepper.go, [7, 8, 9, 10, 11, 12], stepper.fig),
    "descent_lr": median_ms(set_(descent.lr), [0.02, 0.05, 0.08, 0.095]),
    "descent_lr_frame": median_ms(set_(descent.lr), [0.03, 0.06, 0.07, 0.09], descent.fig),
    "race_steps": median_ms(set_(race.steps), [100, 200, 300, 400]),
    "playground_fps": statistics.median(fps),
}}))
"""


def bench_widgets(repeat):
    """Each widget's callbacks, timed inside a real kernel with ipympl, where draw_idle only
    posts a message; "+ frame" adds the full render and PNG the front end then asks for."""
    import json

    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(_WIDGETS_CELL.format(repeat=repeat))]
    NotebookClient(nb, timeout=600, kernel_name="python3").execute()
    t = json.loads(nb.cells[0].outputs[-1]["text"])
    budget = "budget 20 ms"
    return [
        ("activations: slide z0, callback + blitted PNG frame", t["act_slide"], "ms", budget),
        ("activations: change activation, callback", t["act_choose"], "ms", budget),
        ("activations: change activation + frame", t["act_choose_frame"], "ms", "when the front end asks"),
        ("network: move the input, callback + blitted frame", t["net_move"], "ms", budget),
        ("network: change a weight, callback (boundary recomputed)", t["net_weight"], "ms", budget),
        ("network: change a weight + frame", t["net_weight_frame"], "ms", "when the front end asks"),
        ("loss: slide p, callback + blitted frame", t["loss_slide"], "ms", budget),
        ("batch loss: drag one p, callback + blitted frame", t["batch_drag"], "ms", budget),
        ("backprop stepper: Next, callback (22 boxes restyled)", t["step"], "ms", budget),
        ("backprop stepper: Next + frame", t["step_frame"], "ms", "a click: budget 150 ms"),
        ("descent: slide lr, callback (40 steps rerun)", t["descent_lr"], "ms", budget),
        ("descent: slide lr + frame", t["descent_lr_frame"], "ms", "when the front end asks"),
        ("optimizer race: slide steps, callback (4 runs)", t["race_steps"], "ms", budget),
        ("playground: frames per second, unpaced (5 steps each)", t["playground_fps"], "/s", "at least 10 /s; Play paces at 25"),
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
    rows = bench_import(args.repeat) + bench_widgets(args.repeat) + bench_notebooks()
    print(f"{'what':60} {'median':>9}  note")
    for what, value, unit, note in rows:
        print(f"{what:60} {value:7.2f} {unit:2}  {note}")


if __name__ == "__main__":
    main()
