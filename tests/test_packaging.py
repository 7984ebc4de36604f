"""What a new user and CI rely on: README's two commands, CI running the same test command,
and `import dlbook` staying as light as numpy."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup_commands():
    readme = (ROOT / "README.md").read_text()
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.*?)\n```", setup, flags=re.S)


def test_readme_gives_exactly_two_setup_commands():
    commands = _setup_commands()
    assert len(commands) == 2 and all("\n" not in c for c in commands)
    open_book, run_tests = commands
    assert "pip install" in open_book and "jupyter lab" in open_book
    assert 'pip install -e ".[test]"' in run_tests and "pytest" in run_tests


def test_ci_runs_the_readme_test_command_in_a_fresh_venv():
    ci = (ROOT / ".ci" / "run").read_text()
    assert _setup_commands()[1] in ci.splitlines()
    assert "python3 -m venv" in ci and "set -euo pipefail" in ci


def test_import_dlbook_loads_no_plotting_or_widget_library():
    code = ("import sys, dlbook, dlbook.activations, dlbook.gradcheck; "
            "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'IPython', 'nbformat', 'sklearn', 'tqdm') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_module_declares_its_public_api():
    for path in (ROOT / "dlbook").rglob("*.py"):
        if path.name not in ("__main__.py",):
            assert "__all__" in path.read_text(), path
