"""Optimizers: the seed's update w = w - alpha * dL/dw, and what came after it.

Each optimizer updates a model's parameters in place from their gradients, with the same
update rules (and defaults) as torch.optim, so a learner who moves on finds the same numbers:

    SGD        v = mu v + g  (v = g at the first step),   w -= lr v
               Nesterov: w -= lr (g + mu v)
    RMSProp    s = alpha s + (1 - alpha) g^2,              w -= lr g / (sqrt(s) + eps)
    Adam       m = b1 m + (1 - b1) g,  v = b2 v + (1 - b2) g^2,   t = 1, 2, ...
               w -= lr m_hat / (sqrt(v_hat) + eps),  m_hat = m / (1 - b1^t),  v_hat = v / (1 - b2^t)

with g the gradient, plus weight_decay * w when weight decay is on (L2, as torch.optim).

An optimizer is made from a dlbook.nn model (it reads `model.params` and `model.grads` at
every step) or from a dict of parameter arrays (pass the gradients to `step`). `StepLR` and
`CosineLR` change the learning rate by epoch.
"""

import math

import numpy as np

__all__ = ["Optimizer", "SGD", "RMSProp", "Adam", "StepLR", "CosineLR"]


def _positive(value, name, allow_zero=False):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be a finite number {bound}, got {value!r}")
    return float(value)


def _fraction(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
        raise ValueError(f"{name} must be in [0, 1), got {value!r}")
    return float(value)


class Optimizer:
    """The shared part: which parameters, their gradients, per-parameter state, the step."""

    def __init__(self, params, lr, weight_decay=0.0):
        self._model = params if hasattr(params, "params") and hasattr(params, "grads") else None
        named = self._model.params if self._model is not None else params
        if not isinstance(named, dict) or not named:
            raise TypeError("params must be a dlbook.nn model or a non-empty dict of parameter arrays, "
                            f"got {type(params).__name__}")
        for key, p in named.items():
            if not isinstance(p, np.ndarray) or p.dtype.kind != "f":
                kind = f"dtype {p.dtype}" if isinstance(p, np.ndarray) else type(p).__name__
                raise TypeError(f"parameter {key!r} has {kind}: parameters are updated in place, so "
                                "they must be float arrays (an integer array would round every update "
                                "away); use np.asarray(p, dtype=float)")
        self.params = named
        self.lr = _positive(lr, "lr")
        self.weight_decay = _positive(weight_decay, "weight_decay", allow_zero=True)
        self.state = {key: {} for key in named}
        self.steps = 0

    def _grads(self, grads):
        if grads is None:
            if self._model is None:
                raise TypeError("step() needs the gradients: opt.step(grads), a dict with the keys of params")
            grads = self._model.grads
        missing = [k for k in self.params if k not in grads]
        if missing:
            raise ValueError(f"no gradient for {missing}: run the backward pass before step() "
                             f"(the gradients have keys {list(grads)})")
        for key, p in self.params.items():
            g = np.asarray(grads[key])
            if g.shape != p.shape:
                raise ValueError(f"the gradient of {key!r} has shape {g.shape}, its parameter {p.shape}")
            if not math.isfinite(np.add.reduce(g, axis=None)):  # NaN or inf anywhere spoils the sum
                raise ValueError(f"the gradient of {key!r} contains NaN or inf at step {self.steps + 1}: "
                                 "the loss diverged; try a smaller learning rate")
        return grads

    def step(self, grads=None):
        """Update every parameter in place. grads: a dict like params (read from the model if omitted)."""
        self._apply(self._grads(grads))

    def _apply(self, grads):
        """The update itself, on gradients already checked (a training loop checks the loss instead)."""
        self.steps += 1
        for key, p in self.params.items():
            g = np.asarray(grads[key], dtype=p.dtype)
            if self.weight_decay:
                g = g + self.weight_decay * p
            p -= self._update(g, self.state[key])

    def _update(self, g, state):
        """The change to subtract from a parameter, given its gradient g and its state dict."""
        raise NotImplementedError

    def __repr__(self):
        options = ", ".join(f"{k}={v!r}" for k, v in vars(self).items()
                            if k not in ("params", "state", "steps", "_model"))
        return f"{type(self).__name__}({options})"


class SGD(Optimizer):
    """Gradient descent, with momentum mu (PyTorch's heavy ball) and optionally Nesterov's.

    momentum = 0: w -= lr g, the seed's rule. Otherwise the buffer v = mu v + g (v = g at the
    first step) and w -= lr v, or w -= lr (g + mu v) with nesterov=True.
    """

    def __init__(self, params, lr, momentum=0.0, nesterov=False, weight_decay=0.0):
        super().__init__(params, lr, weight_decay)
        self.momentum = _fraction(momentum, "momentum")
        if nesterov and not self.momentum:
            raise ValueError("nesterov=True needs a momentum > 0")
        self.nesterov = bool(nesterov)

    def _update(self, g, state):
        if not self.momentum:
            return self.lr * g
        v = state.get("v")
        if v is None:
            v = state["v"] = g.copy()
        else:  # v = mu v + g, in place: the buffer is the optimizer's own
            v *= self.momentum
            v += g
        return self.lr * (g + self.momentum * v if self.nesterov else v)


class RMSProp(Optimizer):
    """Divide each step by a running root mean square of the gradient (PyTorch's RMSprop).

    s = alpha s + (1 - alpha) g^2 (s starts at 0), w -= lr g / (sqrt(s) + eps).
    """

    def __init__(self, params, lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0.0):
        super().__init__(params, lr, weight_decay)
        self.alpha = _fraction(alpha, "alpha")
        self.eps = _positive(eps, "eps", allow_zero=True)

    def _update(self, g, state):
        s = state.get("s", 0.0)
        s = self.alpha * s + (1 - self.alpha) * g * g
        state["s"] = s
        return self.lr * g / (np.sqrt(s) + self.eps)


class Adam(Optimizer):
    """Momentum and RMSProp together, with bias correction (Kingma & Ba; PyTorch's Adam).

    m and v start at 0, so early averages are too small by a factor 1 - beta^t; dividing by it
    (bias correction) makes the first steps the right size.
    """

    def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        super().__init__(params, lr, weight_decay)
        self.betas = (_fraction(betas[0], "betas[0]"), _fraction(betas[1], "betas[1]"))
        self.eps = _positive(eps, "eps", allow_zero=True)

    def _update(self, g, state):
        b1, b2 = self.betas
        t = state["t"] = state.get("t", 0) + 1
        m = state["m"] = b1 * state.get("m", 0.0) + (1 - b1) * g
        v = state["v"] = b2 * state.get("v", 0.0) + (1 - b2) * g * g
        m_hat, v_hat = m / (1 - b1 ** t), v / (1 - b2 ** t)
        return self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


class _Schedule:
    """Sets optimizer.lr from the epoch: call `step()` once at the end of every epoch."""

    def __init__(self, optimizer):
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"optimizer must be a dlbook.optim optimizer, got {type(optimizer).__name__}")
        self.optimizer, self.base_lr, self.epoch = optimizer, optimizer.lr, 0

    def step(self):
        self.epoch += 1
        self.optimizer.lr = self.lr_at(self.epoch)
        return self.optimizer.lr


class StepLR(_Schedule):
    """lr = base_lr * gamma ** (epoch // step_size): divide by 1/gamma every step_size epochs."""

    def __init__(self, optimizer, step_size, gamma=0.1):
        super().__init__(optimizer)
        if isinstance(step_size, bool) or not isinstance(step_size, int) or step_size < 1:
            raise ValueError(f"step_size must be a positive integer, got {step_size!r}")
        self.step_size, self.gamma = step_size, _positive(gamma, "gamma")

    def lr_at(self, epoch):
        return self.base_lr * self.gamma ** (epoch // self.step_size)


class CosineLR(_Schedule):
    """lr = min_lr + (base_lr - min_lr) (1 + cos(pi epoch / T)) / 2: from base_lr down to min_lr
    over T epochs, smoothly (PyTorch's CosineAnnealingLR, without restarts)."""

    def __init__(self, optimizer, T, min_lr=0.0):
        super().__init__(optimizer)
        if isinstance(T, bool) or not isinstance(T, int) or T < 1:
            raise ValueError(f"T must be a positive integer, got {T!r}")
        self.T, self.min_lr = T, _positive(min_lr, "min_lr", allow_zero=True)

    def lr_at(self, epoch):
        e = min(epoch, self.T)
        return self.min_lr + (self.base_lr - self.min_lr) * (1 + math.cos(math.pi * e / self.T)) / 2
