"""A figure made once and shown as a widget: live under ipympl, a static image elsewhere."""

import ipywidgets as widgets
import matplotlib.pyplot as plt

__all__ = ["new_figure", "figure_widget", "error_text"]


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
