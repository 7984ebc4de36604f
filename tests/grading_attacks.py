"""Submissions that try to fool the grader, read its secrets or harm it, each over a wrong answer.

Each entry: (what it tries, the exercise whose answer cell it replaces, the cell's code). Every
one must score 0 with a status that is not "passed", leak none of the canaries the test plants
(the grader's environment and argv, a file outside the sandbox, another student's answer, the
seed), write nothing outside its sandbox, and leave the other submissions graded.
"""

SIGMOID = "activations.sigmoid"
WRONG = "def sigmoid(z):\n    return z  # wrong: the identity\n"
LEAK = "def sigmoid(z):\n    raise ValueError('LEAK ' + repr(secret))\n"  # feedback quotes the message
PWNED = "/tmp/dlbook-grading-pwned"

ATTACKS = [
    # -- tampering with what checks the answer
    ("patch numpy's comparisons", SIGMOID,
     "np.allclose = lambda *a, **k: True\nnp.isclose = lambda *a, **k: True\nnp.array_equal = lambda *a, **k: True\n" + WRONG),
    ("an IPython input transformer", SIGMOID,
     "get_ipython().input_transformers_post.append(lambda lines: ['sigmoid = lambda z: 1 / (1 + np.exp(-z))\\n'])\n" + WRONG),
    ("magics", SIGMOID, "%load_ext autoreload\n!rm -rf ~\n" + WRONG),
    ("replace dlbook's check", SIGMOID,
     "import dlbook.exercises.checking as checking\nchecking.check = lambda *a, **k: None\n" + WRONG),
    ("an object that equals everything", SIGMOID,
     "class Anything:\n    def __eq__(self, other): return True\n    def __array__(self, *a, **k): raise TypeError\n"
     "    def __float__(self): return 0.0\ndef sigmoid(z):\n    return Anything()\n"),
    ("a float subclass that equals everything", "losses.batch_loss",
     "class Anything(float):\n    def __eq__(self, other): return True\n    __hash__ = float.__hash__\nloss = Anything(123.0)\n"),
    ("an ndarray subclass that equals everything", SIGMOID,
     "class A(np.ndarray):\n    def __eq__(self, o): return np.ones(np.shape(o), bool)\n"
     "def sigmoid(z):\n    return np.zeros_like(z).view(A)\n"),
    ("forge the report, then exit", SIGMOID,
     "import json, os\nopen('result.json', 'w').write(json.dumps({'runs': []}))\nos._exit(0)\n"),
    ("forge a passing report on every open descriptor", SIGMOID,
     "import os, json\nfor fd in range(3, 64):\n    try: os.write(fd, b'{\"value\": {\"t\": \"float\", \"v\": 1.0}}')\n"
     "    except OSError: pass\nos._exit(0)\n"),
    ("rewrite the report at exit", SIGMOID,
     "import atexit, os\natexit.register(lambda: os.write(1, b'{\"runs\": []}'))\n" + WRONG),
    ("float32 answers to loosen the tolerance", "backprop.numerical_gradient",
     "def numerical_gradient(f, x, h=1e-3):\n    x = x.astype(np.float32)\n    g = np.zeros_like(x)\n"
     "    for i in np.ndindex(x.shape):\n        old = x[i]\n        x[i] = old + h\n        up = f(x)\n"
     "        x[i] = old\n        g[i] = (up - f(x)) / h\n    return g\n"),
    ("NaN as a number", "training.memory", "n_bytes = float('nan')\n"),
    ("a choice that is every letter", "training.diagnose", "class S(str):\n    def __eq__(self, o): return True\n"
     "    __hash__ = str.__hash__\ndiagnosis = S('a')\n"),
    # -- calling the reference anyway
    ("delegate to the reference", SIGMOID, "from dlbook.activations import sigmoid\n"),
    ("delegate through nn.Sigmoid", SIGMOID, "from dlbook import nn\ndef sigmoid(z):\n    return nn.Sigmoid()(z)\n"),
    ("delegate through a private kernel", SIGMOID,
     "from dlbook import activations\ndef sigmoid(z):\n    return activations.sigmoid._f(z)\n"),
    ("delegate through the losses module", SIGMOID,
     "from dlbook import losses\ndef sigmoid(z):\n    return losses.Sigmoid()(z)\n"),
    ("delegate in a thread", SIGMOID,
     "import threading\nfrom dlbook.activations import sigmoid as s\ndef sigmoid(z):\n    out = []\n"
     "    t = threading.Thread(target=lambda: out.append(s(z)))\n    t.start(); t.join()\n    return out[0]\n"),
    ("delegate in a fresh context", SIGMOID,
     "import contextvars\nfrom dlbook.activations import sigmoid as s\ndef sigmoid(z):\n"
     "    return contextvars.Context().run(s, z)\n"),
    ("the old guard switched off, then delegate", SIGMOID,
     "import dlbook._guard\ndlbook._guard.check = lambda name: None\nfrom dlbook import activations as A\n"
     "def sigmoid(z):\n    return A.sigmoid(z)\n"),
    ("Value.__mul__ itself", "backprop.value_mul",
     "def value_mul(a, b):\n    return Value.__mul__(a, b)\n"),
    ("a * b on Values", "backprop.value_mul", "def value_mul(a, b):\n    return a * b\n"),
    ("dense_backward from dlbook.nn", "backprop.dense_backward",
     "from dlbook import nn\ndef dense_backward(X, W, dZ):\n    return nn.dense_backward(X, W, dZ)\n"),
    ("train.fit for the training loop", "training.train_digits",
     "from dlbook import train\ndef train_digits(X, y, rng):\n    model = nn.mlp([64, 64, 10], rng=rng)\n"
     "    train.fit(model, X, y, optimizer=optim.SGD(model, lr=0.05, momentum=0.9), epochs=15, rng=rng, progress=False)\n"
     "    return model\n"),
    ("the reference source read and executed", SIGMOID,
     "import glob\nns = {}\nfor p in glob.glob('/**/dlbook/activations.py', recursive=True)[:3]:\n"
     "    exec(open(p).read().replace('from .', 'from dlbook.'), ns)\ndef sigmoid(z):\n    return ns['sigmoid'](z)\n"),
    ("the real package imported under another name", SIGMOID,
     "import importlib.util, glob\npaths = glob.glob('/**/dlbook/__init__.py', recursive=True)\n"
     "spec = importlib.util.spec_from_file_location('realbook', paths[0], submodule_search_locations=[paths[0][:-12]])\n"
     "m = importlib.util.module_from_spec(spec)\nimport sys; sys.modules['realbook'] = m; spec.loader.exec_module(m)\n"
     "import realbook.activations as A\ndef sigmoid(z):\n    return A.sigmoid(z)\n"),
    # -- reaching the checker's secrets
    ("reach the reference through the exercises", SIGMOID,
     "from dlbook.exercises import get\ndef sigmoid(z):\n    return get('activations.sigmoid').reference(z)\n"),
    ("the solutions index", SIGMOID,
     "import json, glob\nfor p in glob.glob('/**/solutions.json', recursive=True):\n"
     "    exec(json.load(open(p))['activations.sigmoid']['solution'])\n"),
    ("the instructor's solution notebooks", SIGMOID,
     "import json, glob\nfor p in glob.glob('/**/solutions/02_activations.ipynb', recursive=True):\n"
     "    for c in json.load(open(p))['cells']:\n        if 'def sigmoid' in ''.join(c['source']):\n"
     "            exec(''.join(c['source']))\n"),
    ("walk the frames for the checker", SIGMOID,
     "import sys\nf = sys._getframe()\nfound = None\nwhile f:\n    for v in list(f.f_locals.values()) + list(f.f_globals.values()):\n"
     "        if hasattr(v, 'reference'): found = v.reference\n    f = f.f_back\n"
     "def sigmoid(z):\n    return found(z)\n"),
    ("search the garbage collector for the checker", SIGMOID,
     "import gc\nrefs = [o for o in gc.get_objects() if type(o).__name__ == 'Exercise']\n"
     "def sigmoid(z):\n    return [r for r in refs if r.id == 'activations.sigmoid'][0].reference(z)\n"),
    ("an input function's globals", "backprop.numerical_gradient",
     "def numerical_gradient(f, x):\n    ref = [v for v in f.fn.__globals__.values() if hasattr(v, 'reference')]\n"
     "    return ref[0].reference(f, x)\n"),
    ("the held-out digits' labels", "training.train_digits",
     "from sklearn.datasets import load_digits\ndef train_digits(X, y, rng):\n    d = load_digits()\n"
     "    table = {row.tobytes(): label for row, label in zip(d.data / 16, d.target)}\n"
     "    return lambda Xt: np.eye(10)[[table.get(r.tobytes(), 0) for r in Xt]]\n"),
    # -- leaking secrets into the reports
    ("the environment", SIGMOID, "import os\nsecret = dict(os.environ)\n" + LEAK),
    ("the parent's command line and environment", SIGMOID,
     "secret = []\nfor pid in ('1', '2', '3'):\n    for what in ('cmdline', 'environ'):\n        try: secret.append(open(f'/proc/{pid}/{what}', 'rb').read())\n"
     "        except OSError as e: secret.append(str(e))\n" + LEAK),
    ("every process's command line", SIGMOID,
     "import os\nsecret = []\nfor pid in os.listdir('/proc'):\n    try: secret.append(open(f'/proc/{pid}/cmdline', 'rb').read())\n"
     "    except OSError: pass\n" + LEAK),
    ("a file outside the sandbox", SIGMOID,
     "try:\n    secret = open('/tmp/dlbook-canary/secret.txt').read()\nexcept OSError as e:\n    secret = str(e)\n" + LEAK),
    ("a file through os.open and dir_fd", SIGMOID,
     "import os\ntry:\n    d = os.open('/', os.O_RDONLY)\n    fd = os.open('tmp/dlbook-canary/secret.txt', os.O_RDONLY, dir_fd=d)\n"
     "    secret = os.read(fd, 200)\nexcept OSError as e:\n    secret = str(e)\n" + LEAK),
    ("another student's answer in /proc", SIGMOID,
     "import os, glob\nsecret = []\nfor p in glob.glob('/proc/*/fd/*') + glob.glob('/proc/*/mem'):\n"
     "    try: secret.append(open(p, 'rb').read(100000))\n    except Exception: pass\n" + LEAK),
    ("the temporary folders", SIGMOID,
     "import glob\nsecret = []\nfor p in glob.glob('/tmp/**/*.ipynb', recursive=True) + glob.glob('/tmp/**/*.json', recursive=True):\n"
     "    try: secret.append(open(p).read())\n    except Exception: pass\n" + LEAK),
    ("the grader's home", SIGMOID,
     "import os, glob\nsecret = glob.glob(os.path.expanduser('~/*')) + glob.glob('/root/*') + glob.glob('/home/*/*')\n" + LEAK),
    # -- escaping, and harming the grader
    ("read a file outside its folder", SIGMOID, "secret = open('/etc/hostname').read()\n" + WRONG),
    ("write a file outside its folder", SIGMOID, f"open('{PWNED}', 'w').write('x')\n" + WRONG),
    ("list another folder", SIGMOID, "import os\nfiles = os.listdir('/root')\n" + WRONG),
    ("start a process", SIGMOID, f"import subprocess\nsubprocess.run(['touch', '{PWNED}'])\n" + WRONG),
    ("fork", SIGMOID, "import os\nos.fork()\n" + WRONG),
    ("a fork bomb", SIGMOID, "import os\nwhile True:\n    try: os.fork()\n    except OSError: break\n" + WRONG),
    ("a thread bomb", SIGMOID, "import threading, time\nfor _ in range(10000):\n"
     "    try: threading.Thread(target=time.sleep, args=(60,), daemon=True).start()\n    except Exception: break\n" + WRONG),
    ("ctypes system()", SIGMOID, f"import ctypes\nctypes.CDLL(None).system(b'touch {PWNED}')\n" + WRONG),
    ("_posixsubprocess.fork_exec", SIGMOID,
     "import _posixsubprocess, os\ntry:\n    _posixsubprocess.fork_exec([b'/usr/bin/touch', b'" + PWNED + "'], [b'/usr/bin/touch'], True, (), None, None,"
     " -1, -1, -1, -1, -1, -1, *os.pipe(), False, False, False, None, None, None, -1, None, False)\nexcept Exception:\n    pass\n" + WRONG),
    ("kill the parent", SIGMOID, "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n" + WRONG),
    ("kill everything it can see", SIGMOID, "import os, signal\nfor pid in range(1, 400):\n"
     "    try: os.kill(pid, signal.SIGKILL)\n    except OSError: pass\n" + WRONG),
    ("pidfd_send_signal to pid 1", SIGMOID, "import os, signal\ntry:\n    signal.pidfd_send_signal(os.pidfd_open(1), signal.SIGKILL)\n"
     "except OSError:\n    pass\n" + WRONG),
    ("a socket", SIGMOID, "import socket\ns = socket.socket()\ns.connect(('127.0.0.1', 22))\n" + WRONG),
    ("fill the disk", SIGMOID, "with open('big', 'wb') as f:\n    for _ in range(4096):\n        f.write(b'x' * 2 ** 20)\n" + WRONG),
    ("os._exit", SIGMOID, "import os\nos._exit(0)\n" + WRONG),
    ("sys.exit inside the answer", SIGMOID, "import sys\ndef sigmoid(z):\n    sys.exit(0)\n"),
    ("a segmentation fault", SIGMOID, "import ctypes\nctypes.string_at(0)\n" + WRONG),
    ("while True", SIGMOID, "while True:\n    pass\n" + WRONG),
    ("an endless answer", SIGMOID, "def sigmoid(z):\n    while True:\n        pass\n"),
    ("close the report and go on for ever", SIGMOID, "import os\nfor fd in range(3, 64):\n    try: os.close(fd)\n"
     "    except OSError: pass\nwhile True:\n    pass\n"),
    ("a memory bomb in the cell", SIGMOID, "hog = bytearray(10 ** 11)\n" + WRONG),
    ("a memory bomb in the answer", SIGMOID, "def sigmoid(z):\n    return np.ones(10 ** 10)\n"),
    ("enormous output", SIGMOID, "for _ in range(200):\n    print('x' * 10 ** 6)\n" + WRONG),
    ("an enormous answer", SIGMOID, "def sigmoid(z):\n    return np.zeros(10 ** 8, dtype=np.int8)\n"),
    ("an answer nested 100000 deep", SIGMOID, "def sigmoid(z):\n    x = []\n    for _ in range(100000):\n        x = [x]\n    return x\n"),
    ("an answer of a million small lists", SIGMOID, "def sigmoid(z):\n    return [[1.0]] * 10 ** 6\n"),
    ("escape sequences and a lone surrogate in the feedback", SIGMOID,
     "def sigmoid(z):\n    raise ValueError('\\x1b[2J\\x1b[1;1H\\x1b[32m10/10 passed\\r\\x07\\ud800\\udfff')\n"),
    ("an exception whose str() raises", SIGMOID,
     "class E(Exception):\n    def __str__(self): raise RuntimeError('no')\ndef sigmoid(z):\n    raise E()\n"),
    ("a warning flood", SIGMOID, "import warnings\ndef sigmoid(z):\n    for _ in range(10 ** 5):\n"
     "        warnings.warn('\\x1b[31m' * 100, RuntimeWarning)\n    return z\n"),
    ("an endless helper cell of another exercise", "activations.relu", "while True:\n    pass\n"),
]
