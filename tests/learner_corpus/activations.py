"""Learner corpus for chapter 02 (activations): answers real learners write for its exercises.

sigmoid, sigmoid_derivative, relu, relu_derivative, tanh_derivative, softmax (functions),
vanishing (a number) and output_layer (a letter). Each entry of ANSWERS is the code a learner pastes
into the answer cell, whether it is right, and, for a wrong answer, the mistake in plain words (for
a right one, how it is written differently). Every answer is self-contained: where a learner would
call their own sigmoid from an earlier cell, the cell defines it. Written independently of the
exercise checks, to measure how well they catch and name mistakes.
"""


def _wrong(exercise, mistake, code):
    return {"exercise": exercise, "code": code, "right": False, "mistake": mistake}


def _right(exercise, how, code):
    return {"exercise": exercise, "code": code, "right": True, "mistake": how}


# a learner's own stable sigmoid from the earlier cell, reused by the derivative answers
_STABLE = '''
def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
'''

ANSWERS = [
    # ---- activations.sigmoid -------------------------------------------------------------------
    _wrong("activations.sigmoid", "the textbook formula: np.exp(-z) overflows (warns) for very negative z", '''
def sigmoid(z):
    return 1 / (1 + np.exp(-z))
'''),
    _wrong("activations.sigmoid", "e^z / (1 + e^z): inf / inf gives nan for large positive z", '''
def sigmoid(z):
    return np.exp(z) / (1 + np.exp(z))
'''),
    _wrong("activations.sigmoid", "np.where over two naive formulas: both branches are computed, so it still overflows and warns", '''
def sigmoid(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
'''),
    _wrong("activations.sigmoid", "clips z to [-500, 500] then uses the naive formula: float32 still overflows (e^500)", '''
def sigmoid(z):
    z = np.clip(z, -500, 500)
    return 1 / (1 + np.exp(-z))
'''),
    _wrong("activations.sigmoid", "converts z to float64: float32 input comes back as float64", '''
def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
'''),
    _wrong("activations.sigmoid", "fills np.zeros_like(z): integer input gives an integer array of 0s and 1s", '''
def sigmoid(z):
    out = np.zeros_like(z)
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1 + e)
    return out
'''),
    _wrong("activations.sigmoid", "writes the result back into z to save memory: modifies the caller's array", '''
def sigmoid(z):
    e = np.exp(-np.abs(z))
    z[...] = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return z
'''),
    _wrong("activations.sigmoid", "swaps the two branches of np.where", '''
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e / (1 + e), 1 / (1 + e))
'''),
    _wrong("activations.sigmoid", "keeps only the z >= 0 branch: computes sigmoid(|z|)", '''
def sigmoid(z):
    return 1 / (1 + np.exp(-np.abs(z)))
'''),
    _wrong("activations.sigmoid", "loops over z with math.exp and returns a flat array: loses the shape of a matrix", '''
def sigmoid(z):
    out = []
    for v in np.ravel(z):
        if v >= 0:
            out.append(1 / (1 + math.exp(-v)))
        else:
            out.append(math.exp(v) / (1 + math.exp(v)))
    return np.array(out)
'''),
    _wrong("activations.sigmoid", "adds .astype(float) at the end: float32 input comes back as float64", '''
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e)).astype(float)
'''),
    _wrong("activations.sigmoid", "clips z to [-15, 15]: sigmoid(-1000) comes out as 3e-7, not 0", '''
def sigmoid(z):
    z = np.clip(z, -15, 15)
    return 1 / (1 + np.exp(-z))
'''),
    _wrong("activations.sigmoid", "forgets the minus sign: e = e^{|z|} overflows and the values are wrong", '''
def sigmoid(z):
    e = np.exp(np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
'''),
    _wrong("activations.sigmoid", "naive formula with the sign of the exponent flipped: computes sigmoid(-z)", '''
def sigmoid(z):
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(z))
'''),
    _right("activations.sigmoid", "boolean masks into an array of the result's float dtype", '''
def sigmoid(z):
    z = np.asarray(z)
    out = np.empty(z.shape, dtype=np.result_type(z, 0.0))
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1 + e)
    return out
'''),
    _right("activations.sigmoid", "exp(-log(1 + e^{-z})) with np.logaddexp", '''
def sigmoid(z):
    return np.exp(-np.logaddexp(0, -z))
'''),
    _right("activations.sigmoid", "scipy.special.expit", '''
from scipy.special import expit

def sigmoid(z):
    return expit(z)
'''),
    _right("activations.sigmoid", "np.where with z < 0 as the condition", '''
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z < 0, e / (1 + e), 1 / (1 + e))
'''),
    _right("activations.sigmoid", "one formula: e^{min(z,0)} / (1 + e^{-|z|})", '''
def sigmoid(z):
    return np.exp(np.minimum(z, 0)) / (1 + np.exp(-np.abs(z)))
'''),

    # ---- activations.sigmoid_derivative --------------------------------------------------------
    _wrong("activations.sigmoid_derivative", "uses the naive sigmoid: overflows (warns) for very negative z", '''
def sigmoid_derivative(z):
    s = 1 / (1 + np.exp(-z))
    return s * (1 - s)
'''),
    _wrong("activations.sigmoid_derivative", "multiplies by (1 - z) instead of (1 - sigmoid(z))", _STABLE + '''
def sigmoid_derivative(z):
    return _sigmoid(z) * (1 - z)
'''),
    _wrong("activations.sigmoid_derivative", "applies the formula to z itself: z (1 - z)", '''
def sigmoid_derivative(z):
    return z * (1 - z)
'''),
    _wrong("activations.sigmoid_derivative", "sign slip: s (1 + s)", _STABLE + '''
def sigmoid_derivative(z):
    s = _sigmoid(z)
    return s * (1 + s)
'''),
    _wrong("activations.sigmoid_derivative", "e^{-z} / (1 + e^{-z})^2 as written: inf / inf is nan for very negative z", '''
def sigmoid_derivative(z):
    e = np.exp(-z)
    return e / (1 + e) ** 2
'''),
    _wrong("activations.sigmoid_derivative", "uses tanh's derivative form: 1 - s^2", _STABLE + '''
def sigmoid_derivative(z):
    return 1 - _sigmoid(z) ** 2
'''),
    _wrong("activations.sigmoid_derivative", "converts to float64: float32 input comes back as float64", _STABLE + '''
def sigmoid_derivative(z):
    s = _sigmoid(np.array(z, dtype=float))
    return s * (1 - s)
'''),
    _wrong("activations.sigmoid_derivative", "central difference instead of the formula: only approximate, garbage in float32", _STABLE + '''
def sigmoid_derivative(z):
    h = 1e-5
    return (_sigmoid(z + h) - _sigmoid(z - h)) / (2 * h)
'''),
    _wrong("activations.sigmoid_derivative", "forgets the square in e / (1 + e)^2: returns sigmoid(-|z|)", '''
def sigmoid_derivative(z):
    e = np.exp(-np.abs(z))
    return e / (1 + e)
'''),
    _wrong("activations.sigmoid_derivative", "applies the sigmoid twice: sigma'(sigma(z))", _STABLE + '''
def sigmoid_derivative(z):
    a = _sigmoid(z)
    s = _sigmoid(a)
    return s * (1 - s)
'''),
    _wrong("activations.sigmoid_derivative", "fills np.zeros_like(z): integer input gives all zeros", _STABLE + '''
def sigmoid_derivative(z):
    out = np.zeros_like(z)
    s = _sigmoid(z)
    out[...] = s * (1 - s)
    return out
'''),
    _wrong("activations.sigmoid_derivative", "its sigmoid writes into z: modifies the caller's array", '''
def sigmoid_derivative(z):
    e = np.exp(-np.abs(z))
    z[...] = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return z * (1 - z)
'''),
    _wrong("activations.sigmoid_derivative", "halves the derivative: s (1 - s) / 2", _STABLE + '''
def sigmoid_derivative(z):
    s = _sigmoid(z)
    return s * (1 - s) / 2
'''),
    _wrong("activations.sigmoid_derivative", "returns sigmoid(z) itself, not its derivative", _STABLE + '''
def sigmoid_derivative(z):
    return _sigmoid(z)
'''),
    _right("activations.sigmoid_derivative", "sigma(z) sigma(-z), since 1 - sigma(z) = sigma(-z)", _STABLE + '''
def sigmoid_derivative(z):
    return _sigmoid(z) * _sigmoid(-z)
'''),
    _right("activations.sigmoid_derivative", "e / (1 + e)^2 with e = e^{-|z|} (the derivative is symmetric)", '''
def sigmoid_derivative(z):
    e = np.exp(-np.abs(z))
    return e / (1 + e) ** 2
'''),
    _right("activations.sigmoid_derivative", "s - s^2", _STABLE + '''
def sigmoid_derivative(z):
    s = _sigmoid(z)
    return s - s * s
'''),
    _right("activations.sigmoid_derivative", "scipy.special.expit for the sigmoid", '''
from scipy.special import expit

def sigmoid_derivative(z):
    s = expit(z)
    return s * (1 - s)
'''),

    # ---- activations.relu ----------------------------------------------------------------------
    _wrong("activations.relu", "zeroes the negatives of z in place: modifies the caller's array", '''
def relu(z):
    z[z < 0] = 0
    return z
'''),
    _wrong("activations.relu", "np.maximum with out=z: modifies the caller's array", '''
def relu(z):
    return np.maximum(z, 0, out=z)
'''),
    _wrong("activations.relu", "uses abs: negatives come out positive", '''
def relu(z):
    return np.abs(z)
'''),
    _wrong("activations.relu", "np.max(z, 0) reduces over axis 0 instead of comparing with 0", '''
def relu(z):
    return np.max(z, 0)
'''),
    _wrong("activations.relu", "Python's max(0, z): fails on arrays", '''
def relu(z):
    return max(0, z)
'''),
    _wrong("activations.relu", "returns the mask (the derivative) instead of z where positive", '''
def relu(z):
    return (z > 0).astype(z.dtype)
'''),
    _wrong("activations.relu", "leaky ReLU (0.01 z for negatives) instead of ReLU", '''
def relu(z):
    return np.maximum(z, 0.01 * z)
'''),
    _wrong("activations.relu", "clips to [0, 1]: large positives are cut at 1", '''
def relu(z):
    return np.clip(z, 0, 1)
'''),
    _wrong("activations.relu", "list comprehension: returns a list, and fails on a matrix", '''
def relu(z):
    return [max(0, v) for v in z]
'''),
    _wrong("activations.relu", "np.vectorize with a Python if: when the first element is negative the output dtype is int", '''
def relu(z):
    return np.vectorize(lambda v: v if v > 0 else 0)(z)
'''),
    _wrong("activations.relu", "compares with a float64 array of zeros: float32 input comes back as float64", '''
def relu(z):
    return np.maximum(z, np.zeros(z.shape))
'''),
    _wrong("activations.relu", "flattens z in a loop: a matrix comes back 1-D", '''
def relu(z):
    return np.array([v if v > 0 else 0 * v for v in z.ravel()])
'''),
    _wrong("activations.relu", "np.sign(z) * z: that is abs again", '''
def relu(z):
    return np.sign(z) * z
'''),
    _wrong("activations.relu", "boolean indexing z[z > 0]: drops the negatives and the shape", '''
def relu(z):
    return z[z > 0]
'''),
    _right("activations.relu", "z * (z > 0)", '''
def relu(z):
    return z * (z > 0)
'''),
    _right("activations.relu", "np.where(z > 0, z, 0)", '''
def relu(z):
    return np.where(z > 0, z, 0)
'''),
    _right("activations.relu", "copies z, then zeroes the negatives of the copy", '''
def relu(z):
    out = z.copy()
    out[out < 0] = 0
    return out
'''),
    _right("activations.relu", "z.clip(min=0)", '''
def relu(z):
    return z.clip(min=0)
'''),
    _right("activations.relu", "np.maximum(0, z), arguments the other way round", '''
def relu(z):
    return np.maximum(0, z)
'''),

    # ---- activations.relu_derivative -----------------------------------------------------------
    _wrong("activations.relu_derivative", ">= instead of >: relu'(0) comes out as 1", '''
def relu_derivative(z):
    return (z >= 0).astype(z.dtype)
'''),
    _wrong("activations.relu_derivative", "returns the boolean mask: dtype bool, not z's", '''
def relu_derivative(z):
    return z > 0
'''),
    _wrong("activations.relu_derivative", "astype(float): float32 input comes back as float64", '''
def relu_derivative(z):
    return (z > 0).astype(float)
'''),
    _wrong("activations.relu_derivative", "astype(int): float input comes back as integers", '''
def relu_derivative(z):
    return (z > 0).astype(int)
'''),
    _wrong("activations.relu_derivative", "np.where(z > 0, 1, 0): an integer array whatever z's dtype", '''
def relu_derivative(z):
    return np.where(z > 0, 1, 0)
'''),
    _wrong("activations.relu_derivative", "np.where(z > 0, 1.0, 0.0): float64 whatever z's dtype", '''
def relu_derivative(z):
    return np.where(z > 0, 1.0, 0.0)
'''),
    _wrong("activations.relu_derivative", "np.sign(z): -1 for negative z instead of 0", '''
def relu_derivative(z):
    return np.sign(z)
'''),
    _wrong("activations.relu_derivative", "returns relu(z) instead of its derivative", '''
def relu_derivative(z):
    return np.maximum(z, 0)
'''),
    _wrong("activations.relu_derivative", "np.heaviside(z, 1): the value at 0 is 1", '''
def relu_derivative(z):
    return np.heaviside(z, 1)
'''),
    _wrong("activations.relu_derivative", "np.heaviside(z, 0.5): the value at 0 is 0.5", '''
def relu_derivative(z):
    return np.heaviside(z, 0.5)
'''),
    _wrong("activations.relu_derivative", "overwrites z with the mask: modifies the caller's array", '''
def relu_derivative(z):
    z[z > 0] = 1
    z[z <= 0] = 0
    return z
'''),
    _wrong("activations.relu_derivative", "z / |z|: -1 for negatives, and 0/0 = nan (with a warning) at 0", '''
def relu_derivative(z):
    return z / np.abs(z)
'''),
    _wrong("activations.relu_derivative", "np.clip(z, 0, 1): returns z itself between 0 and 1", '''
def relu_derivative(z):
    return np.clip(z, 0, 1)
'''),
    _wrong("activations.relu_derivative", "multiplies the mask by 1.0: float32 input comes back as float64, integers as float", '''
def relu_derivative(z):
    return (z > 0) * 1.0 + np.zeros(z.shape)
'''),
    _wrong("activations.relu_derivative", "astype(np.float32): float64 and integer input lose their dtype", '''
def relu_derivative(z):
    return (z > 0).astype(np.float32)
'''),
    _right("activations.relu_derivative", "np.greater, then astype(z.dtype)", '''
def relu_derivative(z):
    return np.greater(z, 0).astype(z.dtype)
'''),
    _right("activations.relu_derivative", "np.ones_like(z) times the mask", '''
def relu_derivative(z):
    return np.ones_like(z) * (z > 0)
'''),
    _right("activations.relu_derivative", "np.zeros_like(z), then sets 1 where z > 0", '''
def relu_derivative(z):
    d = np.zeros_like(z)
    d[z > 0] = 1
    return d
'''),
    _right("activations.relu_derivative", "np.where choosing between ones_like and zeros_like", '''
def relu_derivative(z):
    return np.where(z > 0, np.ones_like(z), np.zeros_like(z))
'''),
    _right("activations.relu_derivative", "np.array(mask, dtype=z.dtype)", '''
def relu_derivative(z):
    return np.array(z > 0, dtype=z.dtype)
'''),

    # ---- activations.tanh_derivative -----------------------------------------------------------
    _wrong("activations.tanh_derivative", "forgets the square: 1 - tanh(z)", '''
def tanh_derivative(z):
    return 1 - np.tanh(z)
'''),
    _wrong("activations.tanh_derivative", "squares z instead of tanh(z): 1 - z^2", '''
def tanh_derivative(z):
    return 1 - z ** 2
'''),
    _wrong("activations.tanh_derivative", "sign slip: 1 + tanh(z)^2", '''
def tanh_derivative(z):
    return 1 + np.tanh(z) ** 2
'''),
    _wrong("activations.tanh_derivative", "sign flipped: tanh(z)^2 - 1", '''
def tanh_derivative(z):
    return np.tanh(z) ** 2 - 1
'''),
    _wrong("activations.tanh_derivative", "tanh of z squared: 1 - tanh(z^2)", '''
def tanh_derivative(z):
    return 1 - np.tanh(z ** 2)
'''),
    _wrong("activations.tanh_derivative", "tanh from the exponential formula: inf / inf = nan for large |z|", '''
def tanh_derivative(z):
    t = (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))
    return 1 - t ** 2
'''),
    _wrong("activations.tanh_derivative", "1 / cosh(z)^2: cosh overflows (warns) for large |z|", '''
def tanh_derivative(z):
    return 1 / np.cosh(z) ** 2
'''),
    _wrong("activations.tanh_derivative", "squares after subtracting: (1 - tanh(z))^2", '''
def tanh_derivative(z):
    return (1 - np.tanh(z)) ** 2
'''),
    _wrong("activations.tanh_derivative", "uses the sigmoid's derivative instead", '''
def tanh_derivative(z):
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return s * (1 - s)
'''),
    _wrong("activations.tanh_derivative", "converts z to float64: float32 input comes back as float64", '''
def tanh_derivative(z):
    t = np.tanh(np.asarray(z, dtype=np.float64))
    return 1 - t ** 2
'''),
    _wrong("activations.tanh_derivative", "np.tanh(z, out=z): overwrites the caller's array", '''
def tanh_derivative(z):
    t = np.tanh(z, out=z)
    return 1 - t ** 2
'''),
    _wrong("activations.tanh_derivative", "central difference instead of the formula: only approximate, garbage in float32", '''
def tanh_derivative(z):
    h = 1e-5
    return (np.tanh(z + h) - np.tanh(z - h)) / (2 * h)
'''),
    _wrong("activations.tanh_derivative", "np.arctanh instead of np.tanh", '''
def tanh_derivative(z):
    return 1 - np.arctanh(z) ** 2
'''),
    _wrong("activations.tanh_derivative", "writes the power as ^, which is XOR in Python", '''
def tanh_derivative(z):
    return 1 - np.tanh(z) ^ 2
'''),
    _right("activations.tanh_derivative", "(1 - t)(1 + t)", '''
def tanh_derivative(z):
    t = np.tanh(z)
    return (1 - t) * (1 + t)
'''),
    _right("activations.tanh_derivative", "np.square", '''
def tanh_derivative(z):
    return 1 - np.square(np.tanh(z))
'''),
    _right("activations.tanh_derivative", "through the sigmoid: tanh(z) = 2 sigma(2z) - 1, so tanh' = 4 sigma(2z) sigma(-2z)", '''
def tanh_derivative(z):
    e = np.exp(-np.abs(2 * z))
    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))        # sigma(2z)
    s_neg = np.where(z >= 0, e / (1 + e), 1 / (1 + e))    # sigma(-2z) = 1 - sigma(2z)
    return 4 * s * s_neg
'''),
    _right("activations.tanh_derivative", "sech^2 written with e^{-2|z|}, stable", '''
def tanh_derivative(z):
    e = np.exp(-2 * np.abs(z))
    return 4 * e / (1 + e) ** 2
'''),
    _right("activations.tanh_derivative", "1 - t * t", '''
def tanh_derivative(z):
    t = np.tanh(z)
    return 1 - t * t
'''),

    # ---- activations.softmax -------------------------------------------------------------------
    _wrong("activations.softmax", "no max subtraction: e^1000 overflows to inf and gives nan", '''
def softmax(z):
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)
'''),
    _wrong("activations.softmax", "subtracts the global max instead of each row's max: a row far below underflows to 0/0", '''
def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum(axis=-1, keepdims=True)
'''),
    _wrong("activations.softmax", "normalises over the whole array instead of each row", '''
def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum()
'''),
    _wrong("activations.softmax", "sums without keepdims: (N, C) / (N,) broadcasts wrongly", '''
def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1)
'''),
    _wrong("activations.softmax", "takes the row max without keepdims: it broadcasts along the wrong axis", '''
def softmax(z):
    e = np.exp(z - z.max(axis=-1))
    return e / e.sum(axis=-1, keepdims=True)
'''),
    _wrong("activations.softmax", "hard-codes axis=1: fails on a single vector (C,)", '''
def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
'''),
    _wrong("activations.softmax", "subtracts the max in place (z -= ...): modifies the caller's array", '''
def softmax(z):
    z -= z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)
'''),
    _wrong("activations.softmax", "converts to float64: float32 input comes back as float64", '''
def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
'''),
    _wrong("activations.softmax", "forgets to divide by the sum: the rows do not sum to 1", '''
def softmax(z):
    return np.exp(z - z.max(axis=-1, keepdims=True))
'''),
    _wrong("activations.softmax", "divides by the max instead of subtracting it", '''
def softmax(z):
    e = np.exp(z / z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
'''),
    _wrong("activations.softmax", "subtracts the row min instead of the max: a wide row still overflows", '''
def softmax(z):
    e = np.exp(z - z.min(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
'''),
    _wrong("activations.softmax", "forgets the exponential: divides z by its row sum", '''
def softmax(z):
    return z / z.sum(axis=-1, keepdims=True)
'''),
    _wrong("activations.softmax", "subtracts each column's max (axis 0): a row below every column max gives 0/0", '''
def softmax(z):
    e = np.exp(z - z.max(axis=0))
    return e / e.sum(axis=-1, keepdims=True)
'''),
    _wrong("activations.softmax", "loops over the rows: a single vector is treated as C rows of one", '''
def softmax(z):
    out = []
    for row in z:
        e = np.exp(row - np.max(row))
        out.append(e / np.sum(e))
    return np.array(out)
'''),
    _wrong("activations.softmax", "returns the log of the softmax", '''
def softmax(z):
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))
'''),
    _right("activations.softmax", "exp(z - logsumexp(z)) with its own stable log-sum-exp", '''
def softmax(z):
    m = np.max(z, axis=-1, keepdims=True)
    lse = m + np.log(np.sum(np.exp(z - m), axis=-1, keepdims=True))
    return np.exp(z - lse)
'''),
    _right("activations.softmax", "the row max expanded with [..., None] instead of keepdims", '''
def softmax(z):
    e = np.exp(z - z.max(axis=-1)[..., None])
    return e / e.sum(axis=-1)[..., None]
'''),
    _right("activations.softmax", "scipy.special.softmax along the last axis", '''
from scipy.special import softmax as _scipy_softmax

def softmax(z):
    return _scipy_softmax(z, axis=-1)
'''),
    _right("activations.softmax", "a stable row function applied with np.apply_along_axis", '''
def softmax(z):
    def row(v):
        e = np.exp(v - v.max())
        return e / e.sum()
    return np.apply_along_axis(row, -1, z)
'''),
    _right("activations.softmax", "out-of-place shift on a copy, then np.exp and np.sum", '''
def softmax(z):
    shifted = z - np.amax(z, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)
'''),

    # ---- activations.vanishing -----------------------------------------------------------------
    _wrong("activations.vanishing", "multiplies instead of taking the power: 0.25 * 10", '''
surviving_fraction = 0.25 * 10
'''),
    _wrong("activations.vanishing", "counts one layer too few: 0.25^9", '''
surviving_fraction = 0.25 ** 9
'''),
    _wrong("activations.vanishing", "uses 0.5 as sigmoid's largest derivative", '''
surviving_fraction = 0.5 ** 10
'''),
    _wrong("activations.vanishing", "gives the factor of shrinking, 4^10, not the fraction", '''
surviving_fraction = 4 ** 10
'''),
    _wrong("activations.vanishing", "uses 1 - 0.25 = 0.75 per layer", '''
surviving_fraction = 0.75 ** 10
'''),
    _wrong("activations.vanishing", "gives a percentage", '''
surviving_fraction = 100 * 0.25 ** 10
'''),
    _wrong("activations.vanishing", "rounds to one in a million", '''
surviving_fraction = 1e-6
'''),
    _right("activations.vanishing", "1 / 4^10", '''
surviving_fraction = 1 / 4 ** 10
'''),
    _right("activations.vanishing", "the value written out", '''
surviving_fraction = 9.5367431640625e-07
'''),
    _right("activations.vanishing", "math.pow, with sigma'(0) computed", '''
s0 = 0.5 * (1 - 0.5)
surviving_fraction = math.pow(s0, 10)
'''),

    # ---- activations.output_layer --------------------------------------------------------------
    _wrong("activations.output_layer", "one sigmoid neuron (a): only two classes", '''
output_layer = "a"
'''),
    _wrong("activations.output_layer", "ten independent sigmoids (b): the probabilities need not sum to 1", '''
output_layer = "b"
'''),
    _wrong("activations.output_layer", "ten ReLUs (d)", '''
output_layer = "d"
'''),
    _wrong("activations.output_layer", "writes the activation's name instead of the letter", '''
output_layer = "softmax"
'''),
    _right("activations.output_layer", "the letter c", '''
output_layer = "c"
'''),
    _right("activations.output_layer", "the letter c, in single quotes", '''
output_layer = 'c'
'''),
]
