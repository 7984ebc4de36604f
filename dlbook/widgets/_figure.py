"""A figure made once and shown as a widget: live under ipympl, a static image elsewhere."""

import ipywidgets as widgets
import matplotlib.pyplot as plt

__all__ = ["new_figure", "figure_widget", "redraw", "error_text", "Blitter", "Shown"]


def new_figure(nrows=1, ncols=1, figsize=(8, 3.2), **kwargs):
    """(fig, axes), made under plt.ioff() so that Jupyter does not show it a second time."""
    with plt.ioff():
        fig, axes = plt.subplots(nrows, ncols, figsize=figsize, **kwargs)
    canvas = fig.canvas
    if isinstance(canvas, widgets.DOMWidget):  # ipympl: a live canvas without the chrome
        canvas.header_visible = False
        canvas.footer_visible = False
        canvas.toolbar_visible = False
        canvas.resizable = False
        # the browser sizes a new view from _size, which ipympl sets only once the kernel has
        # answered the view's first message: until then the canvas is 0 x 0 and shows nothing
        canvas._size = tuple(float(v) for v in fig.bbox.size / canvas.device_pixel_ratio)
        _paced_frames(canvas)
    return fig, axes


def _paced_frames(canvas, interval=0.08):
    """Send the browser at most one frame every `interval` seconds, and the latest one always.

    ipympl sends only the pixels that changed since its last frame, and the browser paints
    them over its picture. When frames come faster than the browser decodes them it drops one
    (a new image replaces one still loading), and from then on it paints differences onto the
    wrong picture: old tick labels and curves stay on screen (seen in Chromium). Sending whole
    frames instead broke the canvas outright at that rate. So frames are paced: one asked for
    too soon is held back, and the latest picture goes out when the interval has passed."""
    if not hasattr(canvas, "_force_full"):
        return
    import asyncio
    import time

    diff_image, state = canvas.get_diff_image, {"sent": 0.0, "timer": None}

    def flush():
        state["timer"] = None
        canvas.manager.refresh_all()  # the held-back picture, now

    def frame():
        wait = state["sent"] + interval - time.monotonic()
        if wait > 0:
            try:
                loop = asyncio.get_running_loop()  # the kernel's; none outside Jupyter
            except RuntimeError:
                loop = None
            if loop is not None:
                if state["timer"] is None:
                    state["timer"] = loop.call_later(wait, flush)
                return None  # the buffer stays "new": flush() sends it
        state["sent"] = time.monotonic()
        return diff_image()
    canvas.get_diff_image = frame


def redraw(fig, settle=0.2):
    """Redraw the figure: draw_idle now, and under ipympl a last full draw `settle` seconds after
    the changes stop. draw_idle asks the browser to ask for a frame, and the browser ignores
    the asking while it waits for the previous frame: after a quick burst of clicks the last
    picture never came (seen in Chromium). The settling draw sends it."""
    fig.canvas.draw_idle()
    canvas = fig.canvas
    if not isinstance(canvas, widgets.DOMWidget) or getattr(canvas, "syncing_data_url", True):
        return  # not ipympl, or not on screen yet: the browser's first request draws it
    import asyncio

    try:
        loop = asyncio.get_running_loop()  # the kernel's
    except RuntimeError:
        return
    pending = getattr(canvas, "_dlbook_settle", None)
    if pending is not None:
        pending.cancel()
    canvas._dlbook_settle = loop.call_later(settle, canvas.draw)


def figure_widget(fig):
    """The widget that shows `fig`: its live canvas under ipympl, else an Output holding it."""
    if isinstance(fig.canvas, widgets.DOMWidget):
        return fig.canvas
    out = widgets.Output()
    with out:
        from IPython.display import display

        display(fig)
    return out


def error_text(err):
    """HTML for an error raised inside a callback, which JupyterLab would otherwise hide."""
    import html

    return f'<span style="color: #c62828">Could not update: {html.escape(f"{type(err).__name__}: {err}")}</span>'


class Blitter:
    """Redraw only a few moving artists over a cached background (matplotlib's blitting).

    A full render of a figure with two axes takes ~35 ms, mostly laying out tick labels; a
    slider that moves a marker needs only that marker redrawn. The artists passed in are
    marked animated: full draws skip them, and every full draw (ours, or one the front end
    asks for) caches the background and then draws them on top.

    Use `full()` after changing what the background shows (limits, static curves) and
    `fast()` after changing only the animated artists.
    """

    def __init__(self, fig, artists):
        self.fig, self.artists, self._background = fig, list(artists), None
        for artist in self.artists:
            artist.set_animated(True)
        fig.canvas.mpl_connect("draw_event", self._on_draw)

    def _on_draw(self, event):
        canvas = self.fig.canvas
        self._background = canvas.copy_from_bbox(self.fig.bbox)
        self._draw_artists()

    def _draw_artists(self):
        for artist in self.artists:
            self.fig.draw_artist(artist)

    def full(self):
        """The background changed: redraw it all now (which re-caches it)."""
        self._background = None
        redraw(self.fig)

    def fast(self):
        """Only the animated artists changed: paint them over the cached background."""
        if self._background is None:  # not drawn yet, or the background is stale
            return self.full()
        canvas = self.fig.canvas
        canvas.restore_region(self._background)
        self._draw_artists()
        canvas.blit(self.fig.bbox)


class Shown:
    """Shows an explorer in Jupyter as its `widget` (controls, readout and figure in one box)."""

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
