"""A figure made once and shown as a widget: live under ipympl, a static image elsewhere."""

import ipywidgets as widgets
import matplotlib.pyplot as plt

__all__ = ["new_figure", "figure_widget", "error_text", "Blitter", "Shown"]


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
    return fig, axes


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
        """The background changed: ask for a full redraw (which re-caches it)."""
        self._background = None
        self.fig.canvas.draw_idle()

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
