"""Learner corpus for chapter 00 (welcome): answers real learners write for `welcome.row_means`.

Each entry of ANSWERS is the code a learner pastes into the answer cell, whether it is right, and,
for a wrong answer, the mistake in plain words (for a right one, how it is written differently).
Written independently of the exercise checks, to measure how well they catch and name mistakes.
"""


def _wrong(exercise, mistake, code):
    return {"exercise": exercise, "code": code, "right": False, "mistake": mistake}


def _right(exercise, how, code):
    return {"exercise": exercise, "code": code, "right": True, "mistake": how}


ANSWERS = [
    # ---- welcome.row_means: wrong -------------------------------------------------------------
    _wrong("welcome.row_means", "averages the columns (axis=0) instead of the rows", '''
def row_means(X):
    return X.mean(axis=0)
'''),
    _wrong("welcome.row_means", "sums each row instead of averaging it", '''
def row_means(X):
    return X.sum(axis=1)
'''),
    _wrong("welcome.row_means", "divides each row's sum by N (the number of rows) instead of D", '''
def row_means(X):
    return X.sum(axis=1) / X.shape[0]
'''),
    _wrong("welcome.row_means", "takes the mean of the whole array, one number", '''
def row_means(X):
    return np.mean(X)
'''),
    _wrong("welcome.row_means", "keeps the reduced axis: returns shape (N, 1) instead of (N,)", '''
def row_means(X):
    return X.mean(axis=1, keepdims=True)
'''),
    _wrong("welcome.row_means", "floor division by D truncates the means", '''
def row_means(X):
    return X.sum(axis=1) // X.shape[1]
'''),
    _wrong("welcome.row_means", "returns a Python list instead of a numpy array", '''
def row_means(X):
    return [sum(row) / len(row) for row in X]
'''),
    _wrong("welcome.row_means", "casts the means back to X's dtype: integer input is truncated", '''
def row_means(X):
    return (X.sum(axis=1) / X.shape[1]).astype(X.dtype)
'''),
    _wrong("welcome.row_means", "converts to float64 first: float32 input comes back as float64", '''
def row_means(X):
    return np.asarray(X, dtype=np.float64).mean(axis=1)
'''),
    _wrong("welcome.row_means", "takes the median of each row instead of the mean", '''
def row_means(X):
    return np.median(X, axis=1)
'''),
    _wrong("welcome.row_means", "rounds the means to 2 decimals", '''
def row_means(X):
    return np.round(X.mean(axis=1), 2)
'''),
    _wrong("welcome.row_means", "off by one: drops the last column from each row's mean", '''
def row_means(X):
    return X[:, :-1].mean(axis=1)
'''),
    _wrong("welcome.row_means", "squeezes the result: a batch of one gives a 0-d array, not shape (1,)", '''
def row_means(X):
    return np.squeeze(X.mean(axis=1, keepdims=True))
'''),
    _wrong("welcome.row_means", "averages the row's max and min (the midrange), not all its values", '''
def row_means(X):
    return (X.max(axis=1) + X.min(axis=1)) / 2
'''),
    _wrong("welcome.row_means", "divides X in place by D before summing: modifies the caller's array", '''
def row_means(X):
    X /= X.shape[1]
    return X.sum(axis=1)
'''),
    _wrong("welcome.row_means", "loops over X.T: averages the columns", '''
def row_means(X):
    return np.array([col.mean() for col in X.T])
'''),
    # ---- welcome.row_means: right -------------------------------------------------------------
    _right("welcome.row_means", "uses np.mean with axis=1", '''
def row_means(X):
    return np.mean(X, axis=1)
'''),
    _right("welcome.row_means", "sums each row and divides by the number of columns", '''
def row_means(X):
    return X.sum(axis=1) / X.shape[1]
'''),
    _right("welcome.row_means", "uses np.average over the last axis", '''
def row_means(X):
    return np.average(X, axis=-1)
'''),
    _right("welcome.row_means", "uses einsum to sum each row, then divides by D", '''
def row_means(X):
    return np.einsum("nd->n", X) / X.shape[1]
'''),
    _right("welcome.row_means", "loops over the rows and stacks the results into an array", '''
def row_means(X):
    return np.array([row.mean() for row in X])
'''),
]
