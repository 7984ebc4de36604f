"""Submissions that try to fool the grader or to break it, each with a wrong answer underneath.

Each entry: (what it tries, the exercise whose answer cell it replaces, the cell's code, the
statuses it may end with). Every one must score 0 on that exercise and leave the grader running.
"""

SIGMOID = "activations.sigmoid"
WRONG = "def sigmoid(z):\n    return z  # wrong: the identity\n"

ATTACKS = [
    ("patch numpy's comparisons", SIGMOID,
     "np.allclose = lambda *a, **k: True\nnp.isclose = lambda *a, **k: True\nnp.array_equal = lambda *a, **k: True\n" + WRONG,
     ("failed",)),
    ("an IPython input transformer that rewrites later cells", SIGMOID,
     "get_ipython().input_transformers_post.append(lambda lines: ['sigmoid = lambda z: 1 / (1 + np.exp(-z))\\n'])\n" + WRONG,
     ("error", "failed")),
    ("magics", SIGMOID, "%load_ext autoreload\n!rm -rf ~\n" + WRONG, ("failed",)),
    ("replace dlbook's check", SIGMOID,
     "import dlbook.exercises.checking as checking\nchecking.check = lambda *a, **k: None\n" + WRONG, ("error", "failed")),
    ("switch off the reference guard, then delegate", SIGMOID,
     "import dlbook._guard\ndlbook._guard.check = lambda name: None\nfrom dlbook import activations as A\n"
     "def sigmoid(z):\n    return A.sigmoid(z)\n", ("failed",)),
    ("delegate to the reference", SIGMOID, "from dlbook.activations import sigmoid\n", ("failed",)),
    ("an object that equals everything", SIGMOID,
     "class Anything:\n    def __eq__(self, other): return True\n    def __array__(self, *a, **k): raise TypeError\n"
     "    def __float__(self): return 0.0\ndef sigmoid(z):\n    return Anything()\n", ("failed",)),
    ("a float subclass that equals everything", "losses.batch_loss",
     "class Anything(float):\n    def __eq__(self, other): return True\n    __hash__ = float.__hash__\nloss = Anything(123.0)\n",
     ("failed",)),
    ("read a file outside its folder", SIGMOID, "secret = open('/etc/hostname').read()\n" + WRONG, ("error",)),
    ("write a file outside its folder", SIGMOID, "open('/tmp/dlbook-grading-pwned', 'w').write('x')\n" + WRONG, ("error",)),
    ("list another folder", SIGMOID, "import os\nfiles = os.listdir('/root')\n" + WRONG, ("error",)),
    ("start a process", SIGMOID, "import subprocess\nsubprocess.run(['true'])\n" + WRONG, ("error",)),
    ("fork", SIGMOID, "import os\nos.fork()\n" + WRONG, ("error",)),
    ("os._exit", SIGMOID, "import os\nos._exit(0)\n" + WRONG, ("crashed",)),
    ("sys.exit inside the answer", SIGMOID, "import sys\ndef sigmoid(z):\n    sys.exit(0)\n", ("crashed",)),
    ("a segmentation fault", SIGMOID, "import ctypes\nctypes.string_at(0)\n" + WRONG, ("crashed",)),
    ("while True", SIGMOID, "while True:\n    pass\n" + WRONG, ("timeout",)),
    ("an endless answer", SIGMOID, "def sigmoid(z):\n    while True:\n        pass\n", ("timeout",)),
    ("a memory bomb in the cell", SIGMOID, "hog = bytearray(10 ** 11)\n" + WRONG, ("error",)),
    ("a memory bomb in the answer", SIGMOID, "def sigmoid(z):\n    return np.ones(10 ** 10)\n", ("error",)),
    ("enormous output", SIGMOID, "for _ in range(200):\n    print('x' * 10 ** 6)\n" + WRONG, ("failed",)),
    ("an enormous answer", SIGMOID, "def sigmoid(z):\n    return np.zeros(10 ** 8, dtype=np.int8)\n", ("failed",)),
    ("forge the report, then exit", SIGMOID,
     "import json, os\nimport numpy as np\nnp.savez('arrays.npz')\nopen('result.json', 'w').write(json.dumps({'runs': []}))\nos._exit(0)\n",
     ("crashed",)),
    ("reach the reference through the exercises", SIGMOID,
     "from dlbook.exercises import get\ndef sigmoid(z):\n    return get('activations.sigmoid').reference(z)\n", ("error",)),
]
