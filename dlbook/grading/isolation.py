"""What a grading sandbox can see, and the operating system's walls around it.

`plan(forbid)` says which of dlbook's modules an exercise's sandbox holds: every module an
answer may use, none of the references it is asked to write (nor the modules that import them),
and never the exercises, the grader, the solutions or the build tools. `stage` writes that
package into a folder of its own. `command` starts the sandbox's runner there:

- "bwrap" (Linux, Debian's `bubblewrap`): new user, PID, mount, network, IPC and UTS namespaces,
  an unprivileged uid, no capabilities; read-only: the system's /usr, Python's prefix and its
  site-packages, and the staged package; hidden: the installed dlbook, this checkout (with its
  solutions), any other Python's packages, and libraries that would answer for the learner (scipy,
  scikit-learn with its datasets, torch...); a private, size-capped folder of its own, the only
  place it can write (the root and /dev are read-only); no environment
  but a few variables. The grader's processes, files and network are not there to reach.
- "none": the same runner as a plain process of the grader's user. Only on request, for a
  machine where every submission is trusted; reports say so.
"""

import ast
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..sandbox.calling import OTHER_LIBRARIES

__all__ = ["Plan", "plan", "stage", "command", "available", "ISOLATIONS", "IsolationUnavailable"]

ISOLATIONS = ("bwrap", "none")
PACKAGE = Path(__file__).resolve().parents[1]
INSIDE = "/dlbook-sandbox/lib"  # where the staged package is, inside the sandbox
WORK = "/dlbook-sandbox/work"  # the answer's own folder, a private tmpfs
WORK_MB = 256
# dlbook's modules an answer may use, unless its exercise forbids them
MODULES = ("activations", "autodiff", "data", "gradcheck", "init", "losses", "nn", "optim", "surfaces",
           "train", "_table", "_validate")
_INIT = '"""dlbook as a grading sandbox holds it: the modules an answer may use."""\n'


class IsolationUnavailable(RuntimeError):
    """The isolation asked for cannot run on this machine; the message says how to fix it."""


@lru_cache(maxsize=None)
def _imports():
    """{module: the dlbook modules it imports}, read from the source."""
    found = {}
    for name in MODULES:
        tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
        uses = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                uses.update([node.module.split(".")[0]] if node.module else [a.name for a in node.names])
        found[name] = uses & set(MODULES)
    return found


@dataclass(frozen=True)
class Plan:
    """The modules a sandbox holds (names in dlbook), and methods cut out of them ("autodiff:Value.__mul__")."""

    modules: tuple
    cut: tuple = ()


def plan(forbid=()):
    """The Plan for an exercise that forbids `forbid` ("dlbook.nn", "dlbook.autodiff:Value.__mul__")."""
    gone, cut = set(), []
    for name in forbid:
        module, _, method = name.removeprefix("dlbook.").partition(":")
        if method:
            cut.append(f"{module}:{method}")
        else:
            gone.add(module)
    changed = True
    while changed:  # a module that imports a missing one cannot be imported either
        changed = False
        for module, uses in _imports().items():
            if module not in gone and uses & gone:
                gone.add(module)
                changed = True
    return Plan(tuple(m for m in MODULES if m not in gone), tuple(sorted(cut)))


def _without(source, cuts):
    """The module's source with the methods in `cuts` (["Value.__mul__"]) removed."""
    tree = ast.parse(source)
    for cut in cuts:
        owner, method = cut.split(".")
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name == owner:
                node.body = [n for n in node.body if not (isinstance(n, ast.FunctionDef) and n.name == method)]
    return ast.unparse(tree) + "\n"


def stage(the_plan, folder):
    """Write the package the Plan describes into folder/dlbook; returns folder."""
    target = Path(folder) / "dlbook"
    (target / "sandbox").mkdir(parents=True)
    (target / "__init__.py").write_text(_INIT, encoding="utf-8")
    for source in (PACKAGE / "sandbox").glob("*.py"):
        shutil.copyfile(source, target / "sandbox" / source.name)
    for module in the_plan.modules:
        text = (PACKAGE / f"{module}.py").read_text(encoding="utf-8")
        cuts = [c.split(":")[1] for c in the_plan.cut if c.split(":")[0] == module]
        (target / f"{module}.py").write_text(_without(text, cuts) if cuts else text, encoding="utf-8")
    return Path(folder)


def _site_dirs():
    dirs = list(site.getsitepackages()) + [sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    return [d for d in dict.fromkeys(os.path.realpath(d) for d in dirs) if os.path.isdir(d)]


_RUN = "from dlbook.sandbox.runner import main; main()"


def _start(path_entries, then=_RUN):
    # isolated mode without site: no user site, no .pth files, no PYTHON* variables
    return [sys.executable, "-I", "-S", "-B", "-c", f"import sys; sys.path[:0] = {path_entries!r}; {then}"]


def _environment(home):
    keep = {k: os.environ[k] for k in ("LANG", "LC_ALL") if k in os.environ}
    # one BLAS thread: sandboxes run side by side, and threads reserve address space
    return {**keep, "PATH": "/usr/bin:/bin", "HOME": home, "MPLCONFIGDIR": home, "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _hidden(mounted):
    """What must not be seen even where a mounted folder holds it: dlbook itself and this
    checkout (with its solutions); every site-packages this Python does not use (another
    Python's scikit-learn holds the digits' labels too); and, in those it uses, the libraries
    that would answer the exercises (scipy, scikit-learn, torch, ...)."""
    hidden = [PACKAGE]
    checkout = PACKAGE.parent
    if (checkout / "solutions").exists() or (checkout / "pyproject.toml").exists():
        hidden.append(checkout)
    used = set(_site_dirs())
    for root in mounted + ["/usr", "/usr/local"]:
        for pattern in ("lib/python3*/site-packages", "lib/python3*/dist-packages", "lib/python3/dist-packages",
                        "local/lib/python3*/site-packages", "local/lib/python3*/dist-packages"):
            hidden.extend(p for p in Path(root).glob(pattern) if os.path.realpath(p) not in used)
    for site_dir in used:
        hidden.extend(Path(site_dir) / name for name in OTHER_LIBRARIES)
    return [str(p) for p in dict.fromkeys(hidden) if p.exists()]


def _bwrap(staged, then=_RUN, work_mb=WORK_MB):
    args = ["bwrap", "--unshare-all", "--unshare-user", "--uid", "65534", "--gid", "65534", "--disable-userns",
            "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv",
            "--ro-bind", "/usr", "/usr"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    args += ["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    python = {sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.path.dirname(os.path.realpath(sys.executable)))}
    mounted = sorted(p for p in {os.path.realpath(p) for p in python} | set(_site_dirs()) if not p.startswith("/usr/"))
    for path in mounted:
        args += ["--ro-bind", path, path]
    for path in _hidden(mounted):
        if any(path == m or path.startswith(m + os.sep) for m in mounted + ["/usr"]):
            args += ["--tmpfs", path, "--remount-ro", path]
    args += ["--ro-bind", str(staged), INSIDE, "--proc", "/proc", "--dev", "/dev",
             "--size", str(work_mb * 2 ** 20), "--tmpfs", WORK,
             # nothing else is writable: a tmpfs of bwrap's own (the root, /dev with /dev/shm) would
             # take the host's memory without a bound
             "--remount-ro", "/dev", "--remount-ro", "/", "--chdir", WORK]
    for key, value in _environment(WORK).items():
        args += ["--setenv", key, value]
    return args + ["--"] + _start([INSIDE] + _site_dirs(), then)


def command(isolation, staged, workdir):
    """(argv, env, cwd) that start the runner in the staged package under `isolation`."""
    if isolation == "bwrap":
        return _bwrap(staged), {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}, workdir
    if isolation == "none":
        return _start([str(staged)] + _site_dirs()), _environment(workdir), workdir
    raise ValueError(f"isolation must be one of {ISOLATIONS}, got {isolation!r}")


@lru_cache(maxsize=None)
def available(isolation):
    """Raise IsolationUnavailable, with the fix, when `isolation` cannot run here."""
    if isolation == "none":
        return True
    if isolation != "bwrap":
        raise ValueError(f"isolation must be one of {ISOLATIONS}, got {isolation!r}")
    fix = ("dlbook grade runs every submission in a bubblewrap sandbox (Linux). Install it "
           "(Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap) on a system "
           "that allows user namespaces, or, only where you trust every submission, pass --isolation none")
    if shutil.which("bwrap") is None:
        raise IsolationUnavailable(f"bwrap was not found. {fix}.")
    with tempfile.TemporaryDirectory(prefix="dlbook-probe-") as folder:
        staged = stage(plan(), folder)
        argv = _bwrap(staged, then="import numpy, dlbook.sandbox.runner")
        done = subprocess.run(argv, capture_output=True, timeout=60, env={"PATH": os.environ.get("PATH", "")})
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise IsolationUnavailable(f"bwrap could not start a sandbox here ({said[0][:200]}). {fix}.")
    return True
