"""Every notebook runs top to bottom in a fresh kernel, and its checks say what they should:
"passed" in solutions/, "not attempted" in chapters/. (nbval also runs each notebook; this test
reads the check results, which nbval cannot compare once outputs are stripped.)"""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "solutions").glob("*.ipynb")) + sorted((ROOT / "chapters").glob("*.ipynb"))
EXPECTED = {"solutions": "✓ Passed", "chapters": "… Not attempted"}


def _text(output):
    if output.output_type == "stream":
        return output.text
    if output.output_type == "error":
        return f"{output.ename}: {output.evalue}"
    return output.get("data", {}).get("text/plain", "")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_runs_and_checks_report_as_expected(path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [_text(o) for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == [], errors
    checks = [c for c in nb.cells if c.cell_type == "code" and ".check(" in c.source]
    assert checks, "a chapter without a checked exercise"
    for cell in checks:
        shown = "".join(_text(o) for o in cell.outputs)
        assert shown.startswith(EXPECTED[path.parent.name]), f"{cell.source!r} showed {shown!r}"
