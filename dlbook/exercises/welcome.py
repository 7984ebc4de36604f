"""Exercises of the welcome chapter: one warm-up that shows how checks, hints and solutions work."""

import numpy as np

from .inputs import batch_cases
from .spec import Exercise, Mistake

__all__ = ["EXERCISES"]

row_means = Exercise(
    id="welcome.row_means",
    kind="function",
    title="The mean of each row",
    name="row_means",
    signature="row_means(X)",
    reference=lambda X: X.mean(axis=1),
    cases=batch_cases(),
    mistakes=[
        Mistake("columns", lambda X: X.mean(axis=0),
                "axis=0 averages down each column, over the batch. A row is one example: "
                "average along axis 1 (or -1), across its D features."),
        Mistake("keepdims", lambda X: X.mean(axis=1, keepdims=True),
                "keepdims=True keeps a column of shape (N, 1); the exercise asks for shape (N,)."),
        Mistake("everything", lambda X: np.asarray(X.mean()),
                "X.mean() averages every number in the array into one; give one mean per row."),
        Mistake("sum", lambda X: X.sum(axis=1),
                "that is each row's sum: divide by the number of columns D, or use .mean."),
    ],
    hints=[
        "numpy's mean takes an axis: the axis you name is the one that disappears.",
        "X has shape (N, D): rows are examples along axis 0, features along axis 1. "
        "You want to average the features away.",
        "return X.mean(axis=1)",
    ],
    points=1,
)

EXERCISES = [row_means]
