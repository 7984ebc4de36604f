"""Data for training: mini-batches of a dataset, shuffled with an explicit rng.

One epoch visits every example once. Shuffling each epoch stops the network from learning
the order of the data, and X and y must be shuffled with the same permutation, or every
example gets another example's label.
"""

import numpy as np

from .init import as_rng

__all__ = ["batches"]


def batches(X, y, batch_size, *, rng, shuffle=True, drop_last=False):
    """Yield (X_batch, y_batch) pairs covering one epoch.

    X: (N, ...), y: (N, ...), one example per row. batch_size: examples per batch; the last
    batch is smaller when batch_size does not divide N (or dropped, with drop_last=True).
    rng: a numpy Generator or int seed, used for one permutation per call.
    Rows are copied (fancy indexing), so changing a batch never changes X or y.
    """
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim == 0 or y.ndim == 0:
        raise ValueError("X and y must have one row per example")
    if len(X) != len(y):
        raise ValueError(f"X has {len(X)} examples but y has {len(y)}: they must match row for row")
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    rng = as_rng(rng)
    N = len(X)
    order = rng.permutation(N) if shuffle else np.arange(N)
    stop = N - N % batch_size if drop_last else N
    return _slices(X, y, order, batch_size, stop)  # checked above, now, not at the first batch


def _slices(X, y, order, batch_size, stop):
    for start in range(0, stop, batch_size):
        rows = order[start:start + batch_size]  # one permutation for both: pairs stay together
        yield X[rows], y[rows]
