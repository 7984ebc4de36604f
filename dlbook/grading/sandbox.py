"""The grader's side of a sandbox: start it, send the job, read back what it says, as hostile.

One sandbox runs one submission's exercises that share a Plan (isolation.py), each exercise in
a forked process of its own (dlbook.sandbox.runner). What comes back is read from an unnamed
file that only the grader holds, so nothing in the sandbox can swap it for a link or a FIFO;
its size is checked before it is read, every record's header and size are checked, and the
payload is decoded by dlbook.sandbox.wire, which builds nothing but plain data. One time limit
covers the whole exchange: past it, the sandbox is killed and its unreported exercises time out.
"""

import json
import os
import resource
import signal
import subprocess
import tempfile
from dataclasses import dataclass

from ..sandbox.runner import MAX_REPORT
from . import isolation

__all__ = ["Outcome", "run_sandbox", "TIMEOUT", "MEMORY_MB"]

TIMEOUT = 60.0  # seconds for one exercise: its cells and every input
MEMORY_MB = 2048  # address space of one exercise's process
_STARTUP = 30.0  # seconds for the sandbox to start and import numpy
_STATUSES = {"ok", "timeout", "crashed", "too large"}


@dataclass
class Outcome:
    """What happened to one exercise in the sandbox: status "ok" with the report (JSON data, not
    yet decoded), or "timeout" or "crashed" with an explanation."""

    status: str
    report: dict
    detail: str = ""
    seconds: float = 0.0


def _limits(file_bytes):
    def apply():
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def _died(code):
    if code < 0:
        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
        what = {"SIGSEGV": "a segmentation fault", "SIGKILL": "it was killed (out of memory?)",
                "SIGXFSZ": "it wrote more than the file-size limit", "SIGABRT": "it aborted",
                "SIGXCPU": "it used more than its CPU time"}.get(name, name)
        return f"the process running the answer died: {what}"
    return f"the process running the answer exited with status {code} before reporting"


def _outcome(header, payload, timeout):
    status, code, seconds = header["status"], header["code"], float(header["seconds"])
    if status == "timeout" or code == -signal.SIGXCPU:
        return Outcome("timeout", {}, f"the answer did not finish within {timeout:g} s (an endless loop?)", seconds)
    if status == "too large":
        return Outcome("crashed", {}, f"the answer's report was larger than {MAX_REPORT // 2 ** 20} MB", seconds)
    if status == "crashed":
        return Outcome("crashed", {}, _died(code), seconds)
    if not payload:
        return Outcome("crashed", {}, "the process running the answer stopped before reporting "
                       "(does the answer call os._exit or sys.exit?)", seconds)
    try:
        report = json.loads(payload)
    except (ValueError, RecursionError):
        report = None
    if not isinstance(report, dict):
        return Outcome("crashed", {}, "the sandbox's report was unreadable", seconds)
    if "runner_error" in report:
        what = str(report["runner_error"])[:40]
        why = " (the answer called sys.exit)" if what == "SystemExit" else ""
        return Outcome("crashed", {}, f"the process running the answer stopped ({what}){why}", seconds)
    return Outcome("ok", report, "", seconds)


def _records(data, ids):
    """{exercise id: (header, payload)} from the runner's output; stops at the first bad record."""
    found, at = {}, 0
    while at < len(data) and len(found) < len(ids):
        end = data.find(b"\n", at, at + 4096)
        if end < 0:
            break
        try:
            header = json.loads(data[at:end])
            ok = (isinstance(header, dict) and header.get("id") == ids[len(found)]
                  and header.get("status") in _STATUSES and type(header.get("code")) is int
                  and type(header.get("size")) is int and 0 <= header["size"] <= MAX_REPORT
                  and isinstance(header.get("seconds"), (int, float)))
        except ValueError:
            ok = False
        if not ok:
            break
        payload = data[end + 1:end + 1 + header["size"]]
        if len(payload) != header["size"]:
            break
        found[header["id"]] = (header, payload)
        at = end + 1 + header["size"] + 1
    return found


def run_sandbox(staged, exercises, isolation_name, timeout=TIMEOUT, memory_mb=MEMORY_MB, budget=None):
    """Run `exercises` (dicts: id, kind, name, collect, cells, others, inputs as wire data) in one
    sandbox holding the staged package, within `budget` seconds in all if given; returns
    {exercise id: Outcome}."""
    for ex in exercises:
        ex.update(timeout=timeout, memory_mb=memory_mb)
    job = json.dumps({"exercises": exercises}).encode()
    ids = [ex["id"] for ex in exercises]
    limit = len(ids) * (MAX_REPORT + 4096) + 4096
    with tempfile.TemporaryDirectory(prefix="dlbook-grade-") as workdir, \
            tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        argv, env, cwd = isolation.command(isolation_name, staged, workdir)
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=out, stderr=err, env=env, cwd=cwd,
                                   preexec_fn=_limits(limit), start_new_session=True)
        limit_seconds = len(ids) * timeout + _STARTUP
        timed_out = False
        try:
            process.communicate(job, timeout=limit_seconds if budget is None else min(limit_seconds, budget))
        except subprocess.TimeoutExpired:
            timed_out = True
        finally:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()
        size = os.fstat(out.fileno()).st_size
        out.seek(0)
        data = out.read(min(size, limit))
    records = _records(data, ids)
    outcomes = {}
    for ex in exercises:
        if ex["id"] in records:
            outcomes[ex["id"]] = _outcome(*records[ex["id"]], timeout)
        elif timed_out:
            outcomes[ex["id"]] = Outcome("timeout", {}, "this notebook used up its time before this answer ran "
                                         "(earlier answers ran long)")
        else:
            outcomes[ex["id"]] = Outcome("crashed", {}, "the sandbox stopped before this answer was run "
                                         "(an earlier answer of this notebook may have stopped it)")
    return outcomes
