"""Driving the book in a real browser: JupyterLab on a free port, Chromium through Playwright.

What was found to work here is in ../shared/guide/NOTEBOOKS.md: Debian's chromium launched by
its path (no browser download), JupyterLab with the app exposed on `window.jupyterapp`, runs
started through the app once the notebook's context and session are ready, sliders moved with
the keyboard, and figures compared as canvas pixels.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

__all__ = ["CHROMIUM", "CHROMIUM_FLAGS", "chromium_path", "jupyter_lab", "open_notebook", "run_all", "notebook_report",
           "widget_boxes", "move_slider", "close_notebook", "running_kernels", "canvas_sizes"]

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"]
CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def chromium_path():
    """Debian's Chromium, or None when it is not installed."""
    for path in CHROMIUM:
        if os.path.exists(path):
            return path
    return shutil.which("chromium")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def jupyter_lab(root):
    """A JupyterLab server on a copy of `root`; yields (base url, token, path of its log).

    Stopped (and its kernels with it) when the block ends, however it ends."""
    token, port = secrets.token_hex(16), _free_port()
    with tempfile.TemporaryDirectory(prefix="dlbook-lab-") as tmp:
        served = Path(tmp) / "book"
        for part in ("chapters", "solutions"):
            shutil.copytree(Path(root) / part, served / part)
        env = {**os.environ, "JUPYTER_CONFIG_DIR": str(Path(tmp) / "config"),
               "JUPYTERLAB_WORKSPACES_DIR": str(Path(tmp) / "workspaces"),
               "JUPYTERLAB_SETTINGS_DIR": str(Path(tmp) / "settings"),
               "DLBOOK_PROGRESS": str(Path(tmp) / "progress.jsonl")}
        command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
                   f"--port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={served}",
                   "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                   "--LabApp.expose_app_in_browser=True", "--ServerApp.disable_check_xsrf=False"]
        # render every cell, not only those in view (JupyterLab 4's windowing), so that every
        # output can be found on the page
        tracker = Path(tmp) / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
        tracker.parent.mkdir(parents=True)
        tracker.write_text('{"windowingMode": "none"}')
        log_path = Path(tmp) / "lab.log"
        log = open(log_path, "wb")
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        log.flush()
                        raise RuntimeError("JupyterLab did not start:\n" +
                                           log_path.read_text(errors="replace")[-3000:])
                    time.sleep(0.3)
            yield url, token, log_path
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, 9)
                server.wait()
            log.close()


# the notebook's panel, found by its path: the current widget depends on focus, which a
# headless browser does not always give
_PANEL = """const panelOf = (path) => [...window.jupyterapp.shell.widgets('main')]
  .find(w => w.context && w.context.path === path && w.content && w.sessionContext);"""

_READY = "async (path) => {" + _PANEL + """
  if (!window.jupyterapp) return false;
  const panel = panelOf(path);
  if (!panel) return false;
  await panel.context.ready;
  await panel.sessionContext.ready;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  // a restart while the new kernel is still starting races its websocket (the server answers 500)
  return Boolean(kernel) && kernel.status === 'idle' && kernel.connectionStatus === 'connected';
}"""

_RUN_ALL = "async (path) => {" + _PANEL + """
  const panel = panelOf(path);
  await panel.sessionContext.restartKernel();
  window.jupyterapp.shell.activateById(panel.id);
  await window.jupyterapp.commands.execute('notebook:run-all-cells');
  return true;
}"""

_DONE = "(path) => {" + _PANEL + """
  const panel = panelOf(path);
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  const pending = cells.filter(c => c.model.executionCount === null || c.promptNode.textContent.includes('*'));
  return Boolean(kernel) && kernel.status === 'idle' && pending.length === 0;
}"""


def _poll(page, js, arg, timeout_s, every=0.3):
    # page.wait_for_function takes an async predicate's promise for a truthy answer: poll instead
    deadline = time.monotonic() + timeout_s
    while not page.evaluate("() => typeof window.jupyterapp !== 'undefined'") or not page.evaluate(js, arg):
        if time.monotonic() > deadline:
            raise TimeoutError(f"JupyterLab did not get there within {timeout_s} s: {js[:80]}...")
        time.sleep(every)


def open_notebook(page, url, token, path):
    """Open a notebook in JupyterLab and wait until its kernel is idle and connected.

    Each notebook gets a workspace of its own: the default one would reopen every notebook
    opened before it, each with a fresh kernel, and the server grew by gigabytes."""
    workspace = path.replace("/", "-").removesuffix(".ipynb")
    page.goto(f"{url}/lab/workspaces/{workspace}/tree/{path}?token={token}", wait_until="domcontentloaded")
    _poll(page, _READY, path, 90)


def run_all(page, path, timeout_s=120):
    """Restart the kernel, run every cell, and wait until every code cell has run."""
    page.evaluate(_RUN_ALL, path)
    _poll(page, _DONE, path, timeout_s)
    page.wait_for_timeout(1500)  # widgets and figures render after the last reply


def notebook_report(page, path):
    """What the page shows: error outputs, widget errors, and the check results' first lines."""
    return page.evaluate("(path) => {" + _PANEL + """
      const area = panelOf(path).content.node;
      const errors = [...area.querySelectorAll('[data-mime-type="application/vnd.jupyter.error"]')]
        .map(e => e.innerText.slice(0, 500));
      const text = area.innerText;
      const widgetErrors = ['Error displaying widget', 'model not found', 'Failed to load model class']
        .filter(s => text.includes(s));
      const checks = [...area.querySelectorAll('.jp-OutputArea-output')]
        .map(o => o.innerText.trim()).filter(t => /^(✓ Passed|✗ Failed|! Error|… Not attempted)/.test(t))
        .map(t => t.split('\\n')[0]);
      return {errors, widgetErrors, checks};
    }""", path)


def running_kernels(url, token):
    """The ids of the kernels the server runs now."""
    request = urllib.request.Request(f"{url}/api/kernels", headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return [k["id"] for k in json.load(answer)]


def close_notebook(page, path):
    """Shut the notebook's kernel down and close its tab, unsaved: the next one starts clean."""
    page.evaluate("async (path) => {" + _PANEL + """
      const panel = panelOf(path);
      if (!panel) return;
      await panel.sessionContext.shutdown();
      panel.context.model.dirty = false;
      panel.dispose();
    }""", path)


def widget_boxes(page, path):
    """The output areas of this notebook that hold an interactive figure (a slider and a
    canvas), each tagged so that its locator stays on it while other outputs come and go."""
    count = page.evaluate("(path) => {" + _PANEL + """
      const outputs = [...panelOf(path).content.node.querySelectorAll('.jp-OutputArea-output')]
        .filter(o => o.querySelector('.noUi-handle') && o.querySelector('canvas'));
      outputs.forEach((o, k) => o.setAttribute('data-dlbook-widget', String(k)));
      return outputs.length;
    }""", path)
    return [page.locator(f"[data-dlbook-widget='{k}']") for k in range(count)]


def canvas_sizes(page):
    """The (width, height) of every canvas in each tagged widget, to tell what a failure saw."""
    return page.evaluate("""() => [...document.querySelectorAll('[data-dlbook-widget]')]
      .map(o => [...o.querySelectorAll('canvas')].map(c => [c.width, c.height]))""")


def move_slider(page, box, key="End"):
    """Move the box's first visible slider with the keyboard, as a learner would: End takes it
    to its largest value, Home to its smallest (noUiSlider's keys)."""
    handle = box.locator(".noUi-handle:visible").first  # a hidden control (another mode's) is skipped
    handle.scroll_into_view_if_needed()
    handle.focus()
    handle.press(key)
    page.wait_for_timeout(1500)  # the kernel's reply and the new frame
