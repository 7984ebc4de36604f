"""What runs inside a grading sandbox, and nothing else: it holds no reference and no secret.

The grader (dlbook.grading) builds each exercise's inputs from its secret seed and sends them
here as plain data. The runner (runner.py) runs a submission's answer cells, calls each answer on
those inputs the way its exercise asks (conventions.py), and sends back plain data (wire.py).
Functions given as inputs come from functions.py. The comparison with the reference, the known
mistakes and the points stay in the grader, outside the sandbox.

The notebooks' own checks call answers with the same code (calling.py), in the learner's kernel.
"""

__all__ = []
