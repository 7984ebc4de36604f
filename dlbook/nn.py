"""Layers and networks: the forward pass over a batch, with PyTorch's batch-first shapes.

A dense (fully connected) layer computes, for a batch of N examples with D_in features each,

    Z = X @ W + b        X (N, D_in), W (D_in, D_out), b (D_out,), Z (N, D_out)

row by row the weighted sum z_j = sum_i x_i w_ij + b_j of every neuron j. An activation layer
applies a = f(z) element-wise (or softmax along each row). A `Sequential` network chains
layers: input layer (the features X), hidden layers, output layer.

The backward pass runs the chain rule the other way. Given dZ = dL/dZ (N, D_out):

    dW = X.T @ dZ   (D_in, D_out)    each weight's gradient sums over the batch
    db = dZ.sum(0)  (D_out,)         b was added to every row, so its rows' gradients add up
    dX = dZ @ W.T   (N, D_in)        passed on to the layer before

and an activation layer turns dA into dZ = dA * f'(Z) (softmax: its vector-Jacobian product).

Every layer is called `layer(X)` (or `layer.forward(X)`), which keeps what `backward(dY)` needs;
`backward` returns dX and fills `grads`, a dict with the keys of `params` ({"W", "b"} for
Dense, empty for activations). Models are reproducible: Dense takes an explicit `rng`.
"""

import numpy as np

from . import activations
from . import init as _init
from ._validate import as_float_array

__all__ = ["dense", "dense_backward", "parameter_count", "Layer", "Dense", "Activation", "ReLU", "Sigmoid", "Tanh",
           "Softmax", "Sequential", "mlp"]


def dense(X, W, b):
    """Z = X @ W + b, a dense layer's forward pass on a batch.

    X: (N, D_in), one example per row. W: (D_in, D_out). b: (D_out,).
    Returns Z: (N, D_out). float32 stays float32 when X, W and b all are.
    """
    X, W, b = _check_dense(X, W, b)
    return X @ W + b


def _check_dense(X, W, b, finite_params=True):
    # a layer's own parameters turn NaN only when training diverged, which the loss reports
    W, b = as_float_array(W, "W", finite=finite_params), as_float_array(b, "b", finite=finite_params)
    X = as_float_array(X, "X")
    if X.ndim != 2:
        raise ValueError(f"X has shape {X.shape}: it must be a batch of shape (N, D_in); "
                         "one example x of shape (D,) is the batch x.reshape(1, -1)")
    if W.ndim != 2:
        raise ValueError(f"W has shape {W.shape}: it must have shape (D_in, D_out)")
    if W.shape[0] != X.shape[1]:
        hint = ": it looks transposed, use W.T" if W.shape[1] == X.shape[1] else ""
        raise ValueError(f"W has shape {W.shape} but X has D_in = {X.shape[1]} features "
                         f"(shape {X.shape}): W must have shape ({X.shape[1]}, D_out){hint}")
    if b.shape != (W.shape[1],):
        raise ValueError(f"b has shape {b.shape}: it must have shape ({W.shape[1]},), one bias "
                         "per output neuron, added to every row of X @ W")
    return X, W, b


def dense_backward(X, W, dZ):
    """The backward pass of Z = X @ W + b: (dX, dW, db) from dZ = dL/dZ.

    X: (N, D_in), the layer's input. W: (D_in, D_out). dZ: (N, D_out).
    Returns dX (N, D_in) = dZ @ W.T, dW (D_in, D_out) = X.T @ dZ, db (D_out,) = dZ summed over N.
    """
    X, W, _ = _check_dense(X, W, np.zeros(np.shape(W)[-1:]))
    dZ = _check_upstream(dZ, (X.shape[0], W.shape[1]), "dZ")
    return _dense_backward(X, W, dZ)


def _dense_backward(X, W, dZ, input_grad=True):
    dX = dZ @ W.T.astype(dZ.dtype, copy=False) if input_grad else None
    return dX, X.T @ dZ, dZ.sum(axis=0)


def _check_upstream(dY, shape, name):
    dY = as_float_array(dY, name)
    if dY.shape != shape:
        raise ValueError(f"{name} has shape {dY.shape}: the gradient of a layer's output must "
                         f"have the output's shape {shape}")
    return dY


def parameter_count(sizes):
    """The number of weights and biases of a dense network with these layer sizes.

    sizes: [D_in, H_1, ..., D_out], input layer first. Each layer from n_in to n_out neurons has
    n_in * n_out weights and n_out biases; the input layer has none.
    """
    sizes = list(sizes)
    if not sizes or any(isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1 for n in sizes):
        raise ValueError(f"sizes must be a non-empty list of positive integers, got {sizes!r}")
    return sum(int(n_in) * int(n_out) + int(n_out) for n_in, n_out in zip(sizes, sizes[1:]))


class Layer:
    """A step of the network. Subclasses define `forward(X)`, which keeps what the backward pass
    needs, and `backward(dY)`, which returns dX and fills `grads` (the keys of `params`).

    The public methods check their arguments, then call the unchecked kernels `_forward` and
    `_backward`; a Sequential checks its input once and chains the kernels.
    """

    def __init__(self):
        self.params, self.grads = {}, {}
        self._cache = None

    def forward(self, X):
        return self._forward(self._checked_input(X))

    def backward(self, dY, input_grad=True):
        return self._backward(self._checked_grad(dY), input_grad)

    def _cached(self):
        if self._cache is None:
            raise RuntimeError(f"{self!r}.backward needs the forward pass first: call the layer on "
                               "a batch, then backward with the gradient of its output")
        return self._cache

    def __call__(self, X):
        return self.forward(X)

    @property
    def n_params(self):
        """How many numbers the layer learns."""
        return sum(p.size for p in self.params.values())


class Dense(Layer):
    """A fully connected layer: Z = X @ W + b.

    in_features = D_in, out_features = D_out. Parameters: W (D_in, D_out), drawn by the scheme
    `init` (see dlbook.init: "he_normal" suits ReLU, "xavier_uniform" tanh and sigmoid), and
    b (D_out,), zeros. rng: a numpy Generator or an int seed.
    """

    def __init__(self, in_features, out_features, *, rng, init="he_normal"):
        super().__init__()
        W = _init.get(init)(in_features, out_features, rng)
        self.params = {"W": W, "b": np.zeros(W.shape[1])}
        self.init = init

    @property
    def in_features(self):
        return self.params["W"].shape[0]

    @property
    def out_features(self):
        return self.params["W"].shape[1]

    def forward(self, X):
        """Z = X @ W + b. X: (N, D_in). Returns Z: (N, D_out), in X's float dtype."""
        return super().forward(X)

    def backward(self, dZ, input_grad=True):
        """Fills grads["W"] (D_in, D_out) and grads["b"] (D_out,). dZ: (N, D_out).

        Returns dX (N, D_in), or None with input_grad=False (the first layer of a network: the
        data needs no gradient, and dZ @ W.T would cost as much as the forward pass)."""
        return super().backward(dZ, input_grad)

    def _checked_input(self, X):
        return _check_dense(X, self.params["W"], self.params["b"], finite_params=False)[0]

    def _checked_grad(self, dZ):
        return _check_upstream(dZ, (len(self._cached()), self.out_features), "dZ")

    def _forward(self, X):
        self._cache = X
        Z = X @ self.params["W"].astype(X.dtype, copy=False)
        Z += self.params["b"].astype(X.dtype, copy=False)  # in place: one pass less over Z
        return Z

    def _backward(self, dZ, input_grad=True):
        W = self.params["W"]
        dX, dW, db = _dense_backward(self._cache, W, dZ, input_grad)
        # gradients take their parameter's dtype, as in PyTorch; dX takes the data's
        self.grads = {"W": dW.astype(W.dtype, copy=False), "b": db.astype(self.params["b"].dtype, copy=False)}
        return dX

    def __repr__(self):
        return f"Dense({self.in_features}, {self.out_features})"


class Activation(Layer):
    """An activation layer a = f(z), f one of dlbook.activations by name (e.g. "relu")."""

    name = None  # the subclasses below set it

    def __init__(self, name=None):
        super().__init__()
        self.name = name or type(self).name
        self.f = activations.get(self.name)

    def forward(self, Z):
        """A = f(Z). Z: (N, D). Returns A (N, D)."""
        return super().forward(Z)

    def backward(self, dA, input_grad=True):
        """dZ = dA * f'(Z), element-wise; for softmax, the vector-Jacobian product.

        dA: (N, D), the gradient of this layer's output. Returns dZ (N, D).
        """
        return super().backward(dA, input_grad)

    def _checked_input(self, Z):
        return as_float_array(Z, "Z")

    def _checked_grad(self, dA):
        return _check_upstream(dA, self._cached().shape, "dA")

    def _forward(self, Z):
        self._cache = Z
        return self.f._f(Z)

    def _backward(self, dA, input_grad=True):
        return self.f._vjp(self._cache, dA)

    def __repr__(self):
        return f"{type(self).__name__}()" if type(self) is not Activation else f"Activation({self.name!r})"


class ReLU(Activation):
    name = "relu"


class Sigmoid(Activation):
    name = "sigmoid"


class Tanh(Activation):
    name = "tanh"


class Softmax(Activation):
    name = "softmax"


class Sequential(Layer):
    """Layers applied one after another: Sequential(Dense(2, 4, rng=0), ReLU(), Dense(4, 1, rng=1)).

    `params` names each parameter by its layer's index, as PyTorch does: {"0.W", "0.b", "2.W", ...}.
    Its input and the gradient of its output are checked once; inside, the layers' widths were
    checked when the model was built.
    """

    def __init__(self, *layers):  # no Layer.__init__: its params come from its layers
        width = None
        for i, layer in enumerate(layers):
            if not isinstance(layer, Layer):
                raise TypeError(f"layer {i} is {layer!r}, not a dlbook.nn layer")
            if isinstance(layer, Dense):
                if width is not None and layer.in_features != width:
                    raise ValueError(f"layer {i}, {layer!r}, expects {layer.in_features} inputs but the "
                                     f"layer before it gives {width}")
                width = layer.out_features
        self.layers = list(layers)

    def _named(self, attribute):
        return {f"{i}.{k}": v for i, layer in enumerate(self.layers)
                for k, v in getattr(layer, attribute).items()}

    @property
    def params(self):
        return self._named("params")

    @property
    def grads(self):
        """dL/d(parameter) after `backward`, with the keys of `params`."""
        return self._named("grads")

    def forward(self, X):
        """Each layer's output is the next one's input. X: (N, D_in). Returns the last output."""
        return super().forward(X)

    def backward(self, dY, input_grad=True):
        """The backward pass: each layer, last first, turns the gradient of its output into the
        gradient of its input. dY: the gradient of the model's output. Returns dX (N, D_in), or
        None with input_grad=False, which spares the first dense layer's dX (training needs none)."""
        return super().backward(dY, input_grad)

    def _checked_input(self, X):
        return self.layers[0]._checked_input(X) if self.layers else as_float_array(X, "X")

    def _checked_grad(self, dY):
        return self.layers[-1]._checked_grad(dY) if self.layers else as_float_array(dY, "dY")

    def _forward(self, X):
        for layer in self.layers:
            X = layer._forward(X)
        return X

    def _backward(self, dY, input_grad=True):
        for i in reversed(range(len(self.layers))):
            dY = self.layers[i]._backward(dY, input_grad or i > 0)
        return dY

    def activations(self, X):
        """The input and every layer's output, in order: [X, Z_1, A_1, ...] (for drawings)."""
        outputs = [as_float_array(X, "X")]
        for layer in self.layers:
            outputs.append(layer(outputs[-1]))
        return outputs

    def __repr__(self):
        inner = ",\n".join(f"  {layer!r}" for layer in self.layers)
        return f"Sequential(\n{inner}\n)"


def mlp(sizes, *, activation="relu", output=None, rng, init=None):
    """A dense network with these layer sizes: activation after each hidden layer.

    sizes: [D_in, H_1, ..., D_out]. output: the output layer's activation ("sigmoid" for binary,
    "softmax" for multiclass), or None for logits, which the losses from logits expect.
    init: the weight scheme, by default He for ReLU and Xavier otherwise.
    """
    if len(sizes) < 2:
        raise ValueError(f"sizes must list at least an input and an output size, got {sizes!r}")
    parameter_count(sizes)  # validates sizes
    rng = _init.as_rng(rng)
    init = init or ("he_normal" if activation in ("relu", "leaky_relu") else "xavier_uniform")
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        layers.append(Dense(n_in, n_out, rng=rng, init=init))
        last = i == len(sizes) - 2
        if not last:
            layers.append(Activation(activation))
        elif output is not None:
            layers.append(Activation(output))
    return Sequential(*layers)
