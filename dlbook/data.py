"""Data for training: datasets, their splits, and mini-batches shuffled with an explicit rng.

    moons, circles, xor, spirals   two-class problems in two dimensions, with noise
    digits()                       scikit-learn's handwritten digits on a fixed stratified split
    batches(X, y, batch_size, rng) one epoch of shuffled mini-batches

One epoch visits every example once. Shuffling each epoch stops the network from learning
the order of the data, and X and y must be shuffled with the same permutation, or every
example gets another example's label. Nothing is downloaded: the digits ship with
scikit-learn, the rest is generated.
"""

from dataclasses import dataclass

import numpy as np

from .init import as_rng

__all__ = ["batches", "batch_indices", "moons", "circles", "xor", "spirals", "DATASETS", "Split", "stratified_split",
           "digits", "SPLIT_SEED"]


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
    rows = batch_indices(len(X), batch_size, rng=rng, shuffle=shuffle, drop_last=drop_last)
    return ((X[r], y[r]) for r in rows)  # one permutation for both: pairs stay together


def batch_indices(N, batch_size, *, rng, shuffle=True, drop_last=False):
    """The row indices of each mini-batch of one epoch over N examples: a list of int arrays."""
    order = as_rng(rng).permutation(N) if shuffle else np.arange(N)
    stop = N - N % batch_size if drop_last else N
    return [order[start:start + batch_size] for start in range(0, stop, batch_size)]


# ---- two-dimensional datasets, for pictures and the playground ---------------------------------

def _check_size(n, noise):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError(f"n must be an integer of at least 2, got {n!r}")
    if isinstance(noise, bool) or not isinstance(noise, (int, float)) or not 0 <= noise < 10:
        raise ValueError(f"noise must be a number in [0, 10), got {noise!r}")


def _halves(n):
    return n - n // 2, n // 2  # class 0 gets the odd one


def _finish(X, y, noise, rng):
    X = X + rng.normal(0.0, noise, size=X.shape)
    order = rng.permutation(len(y))  # classes interleaved, as a real dataset would be
    return X[order], y[order]


def moons(n=200, noise=0.1, *, rng):
    """Two interleaving half circles. Returns X (n, 2) float64 and labels y (n,) in {0, 1}."""
    _check_size(n, noise)
    rng = as_rng(rng)
    n0, n1 = _halves(n)
    t0, t1 = np.pi * rng.uniform(size=n0), np.pi * rng.uniform(size=n1)
    X = np.concatenate([np.column_stack([np.cos(t0), np.sin(t0)]),
                        np.column_stack([1 - np.cos(t1), 0.5 - np.sin(t1)])])
    return _finish(X - [0.5, 0.25], np.repeat([0, 1], [n0, n1]), noise, rng)


def circles(n=200, noise=0.05, factor=0.5, *, rng):
    """A ring (class 0, radius 1) around a disc's edge (class 1, radius `factor`)."""
    _check_size(n, noise)
    rng = as_rng(rng)
    n0, n1 = _halves(n)
    t = 2 * np.pi * rng.uniform(size=n)
    r = np.concatenate([np.ones(n0), np.full(n1, float(factor))])
    return _finish(np.column_stack([r * np.cos(t), r * np.sin(t)]), np.repeat([0, 1], [n0, n1]), noise, rng)


def xor(n=200, noise=0.05, *, rng):
    """Points in [-1, 1]^2, class 1 where x and y have the same sign: no line separates them."""
    _check_size(n, noise)
    rng = as_rng(rng)
    n0, n1 = _halves(n)
    y = np.repeat([0, 1], [n0, n1])
    magnitude = rng.uniform(0.1, 1.0, size=(n, 2))  # a margin of 0.1 around the axes
    sx = rng.choice([-1.0, 1.0], size=n)
    sy = np.where(y == 1, sx, -sx)  # same sign for class 1, opposite for class 0
    return _finish(magnitude * np.column_stack([sx, sy]), y, noise, rng)


def spirals(n=200, noise=0.05, turns=1.5, *, rng):
    """Two interleaved spirals, the hardest of the four: it needs depth or width."""
    _check_size(n, noise)
    rng = as_rng(rng)
    n0, n1 = _halves(n)
    t = np.sqrt(rng.uniform(0.02, 1, size=n)) * turns * 2 * np.pi  # more points where arms are long
    sign = np.repeat([1.0, -1.0], [n0, n1])
    X = sign[:, None] * np.column_stack([t * np.cos(t), t * np.sin(t)]) / (turns * 2 * np.pi)
    return _finish(X, np.repeat([0, 1], [n0, n1]), noise, rng)


# ---- handwritten digits, on a fixed split ---------------------------------------------------

@dataclass(frozen=True)
class Split:
    """A dataset split into training, validation and test sets. X: (N, D) float64; y: (N,) int."""

    X_train: np.ndarray
    y_train: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    images_test: np.ndarray  # the test images as (N, 8, 8), for looking at mistakes

    def __repr__(self):
        return (f"Split(train {self.X_train.shape}, validation {self.X_val.shape}, "
                f"test {self.X_test.shape})")


SPLIT_SEED = 20240101  # fixed: everyone's train/validation/test sets are the same


def stratified_split(y, fractions=(0.6, 0.2, 0.2), *, rng):
    """Index arrays (train, val, test) with every class in the same proportions in each part.

    y: (N,) labels. fractions: of each class, rounded down; the test set takes the rest.
    """
    y = np.asarray(y)
    rng = as_rng(rng)
    if len(fractions) != 3 or abs(sum(fractions) - 1) > 1e-9 or min(fractions) <= 0:
        raise ValueError(f"fractions must be three positive numbers that add up to 1, got {fractions!r}")
    parts = ([], [], [])
    for label in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == label))
        a = int(len(members) * fractions[0])
        b = a + int(len(members) * fractions[1])
        for part, chunk in zip(parts, (members[:a], members[a:b], members[b:])):
            part.append(chunk)
    return tuple(rng.permutation(np.concatenate(p)) for p in parts)


def digits():
    """scikit-learn's 1,797 handwritten digits (8x8, 0-9), pixels scaled to [0, 1], split
    60/20/20 into training, validation and test sets, stratified and the same every time.
    Nothing is downloaded: the images ship inside scikit-learn."""
    from sklearn.datasets import load_digits  # imported here: `import dlbook` stays light

    bunch = load_digits()
    X, y, images = bunch.data / 16.0, bunch.target.astype(np.int64), bunch.images / 16.0
    train, val, test = stratified_split(y, rng=SPLIT_SEED)
    return Split(X[train], y[train], X[val], y[val], X[test], y[test], images[test])


DATASETS = {"moons": moons, "circles": circles, "xor": xor, "spirals": spirals}
