"""Plain data across the sandbox's walls: JSON, with numeric arrays inline as base64.

`encode` turns a value (numbers, strings, numeric arrays, and lists, tuples and dicts of them;
a numpy Generator by its state; a catalogue function by its name) into JSON-able data; anything
else becomes a description, so no code and no pickle crosses. `decode` rebuilds a value and
trusts nothing: types from a short list, arrays checked for dtype, shape and byte count before
they are made, sizes and depth bounded, text made printable. The grader decodes what the
sandbox sends with it; the sandbox decodes its inputs with it.
"""

import base64
import math
import unicodedata

import numpy as np

__all__ = ["encode", "decode", "Opaque", "WireError", "printable", "MAX_ELEMENTS"]

MAX_ELEMENTS = 1_000_000  # a larger array is an answer gone wrong, not one to copy back
MAX_ITEMS, MAX_DEPTH, MAX_TEXT = 10_000, 20, 2_000
_DTYPES = {np.dtype(t).str: np.dtype(t) for t in
           ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
            "float16", "float32", "float64")}


class WireError(ValueError):
    """What came over the wire is not plain data as `encode` writes it."""


class Opaque:
    """Stands in for a value that was not plain data: it equals nothing."""

    def __init__(self, type_name, text=""):
        self.type_name, self.text = type_name, text

    def __repr__(self):
        return f"<{self.type_name}>"

    __eq__ = object.__eq__
    __hash__ = object.__hash__


def printable(text, limit=MAX_TEXT):
    """`text` made safe for a report or a terminal: control characters shown as escapes, lone
    surrogates escaped, at most `limit` characters. Newlines and tabs stay."""
    if not isinstance(text, str):
        text = str(text)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates
    out = []
    for ch in text[:limit]:
        if ch in "\n\t" or not unicodedata.category(ch).startswith(("C", "Zl", "Zp")):
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out) + ("…" if len(text) > limit else "")


def _text(value):
    try:
        return printable(str(value))
    except Exception:  # a learner's __str__ that raises
        return "(no text)"


def encode(value, depth=0):
    """JSON-able data for `value`."""
    from .functions import Named

    if depth > MAX_DEPTH:
        return {"t": "object", "type": "nesting", "text": "nested too deeply"}
    if value is None or value is Ellipsis:
        return {"t": "none" if value is None else "ellipsis"}
    if isinstance(value, bool):
        return {"t": "bool", "v": bool(value)}
    if isinstance(value, int):
        return {"t": "int", "v": int(value)} if abs(int(value)) < 2 ** 63 else {"t": "float", "v": float(value)}
    if isinstance(value, float):
        return {"t": "float", "v": _float(float(value))}
    if isinstance(value, str):
        return {"t": "str", "v": printable(str.__str__(value))}
    if isinstance(value, (np.ndarray, np.generic)):
        a = np.asarray(value)
        if a.dtype.kind in "biuf" and not a.dtype.isnative:
            a = a.astype(a.dtype.newbyteorder("="))  # big-endian numbers are numbers too
        if a.dtype.str not in _DTYPES or a.size > MAX_ELEMENTS:
            what = f"an array of {a.size} elements" if a.size > MAX_ELEMENTS else f"an array of dtype {a.dtype}"
            return {"t": "object", "type": "ndarray", "text": what}
        a = np.array(a, order="C")  # a plain ndarray, whatever its class was (0-d stays 0-d)
        return {"t": "scalar" if isinstance(value, np.generic) else "array", "dtype": a.dtype.str,
                "shape": list(a.shape), "b64": base64.b64encode(a.tobytes()).decode("ascii")}
    if isinstance(value, np.random.Generator):
        return {"t": "rng", "state": value.bit_generator.state}
    if isinstance(value, Named):
        return {"t": "fn", "name": value.name, "params": {k: float(v) for k, v in value.params.items()}}
    if getattr(value, "wire_name", None) == "same":  # the value_mul case "b is a itself"
        return {"t": "same"}
    if isinstance(value, (list, tuple)):
        return {"t": "tuple" if isinstance(value, tuple) else "list",
                "v": [encode(v, depth + 1) for v in list(value)[:MAX_ITEMS]]}
    if isinstance(value, dict):
        pairs = [(k, v) for k, v in list(value.items())[:MAX_ITEMS] if isinstance(k, str)]
        return {"t": "dict", "v": [[printable(str.__str__(k), 200), encode(v, depth + 1)] for k, v in pairs]}
    return {"t": "object", "type": printable(type(value).__name__, 100), "text": ""}


def _float(x):
    # JSON has no inf or NaN: send them as strings
    return x if math.isfinite(x) else repr(x)


def _real(v):
    if isinstance(v, str) and v in ("inf", "-inf", "nan"):
        return float(v)
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise WireError("a number was expected")
    return float(v)


def _array(data):
    dtype = _DTYPES.get(data.get("dtype"))
    shape = data.get("shape")
    if dtype is None or not isinstance(shape, list) or len(shape) > 32 or \
            not all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= MAX_ELEMENTS for n in shape):
        raise WireError("an array's dtype or shape is not plain")
    size = math.prod(shape)
    raw = data.get("b64")
    if size > MAX_ELEMENTS or not isinstance(raw, str) or len(raw) > 4 * (size * dtype.itemsize + 2) // 3 + 4:
        raise WireError("an array is larger than it says")
    buffer = base64.b64decode(raw, validate=True)
    if len(buffer) != size * dtype.itemsize:
        raise WireError("an array's bytes do not match its shape")
    return np.frombuffer(buffer, dtype=dtype).reshape(tuple(shape)).copy()


def decode(data, depth=0):
    """The value `encode` described, rebuilt from plain data only; raises WireError otherwise."""
    if depth > MAX_DEPTH + 1 or not isinstance(data, dict):
        raise WireError("not plain data")
    t = data.get("t")
    if t in ("none", "ellipsis"):
        return None if t == "none" else Ellipsis
    if t == "bool" and isinstance(data.get("v"), bool):
        return data["v"]
    if t == "int" and isinstance(data.get("v"), int) and not isinstance(data["v"], bool):
        return int(data["v"])
    if t == "float":
        return _real(data.get("v"))
    if t == "str" and isinstance(data.get("v"), str):
        return printable(data["v"])
    if t == "array":
        return _array(data)
    if t == "scalar":
        return _array(data)[()]
    if t == "rng":
        rng = np.random.Generator(np.random.PCG64())
        try:
            rng.bit_generator.state = data["state"]
        except Exception:
            raise WireError("an rng's state is not plain") from None
        return rng
    if t == "fn":
        from .functions import named

        params = data.get("params", {})
        if not isinstance(params, dict) or len(params) > 8:
            raise WireError("a function's numbers are not plain")
        try:
            return named(data.get("name"), **{str(k): v for k, v in params.items()})
        except (TypeError, ValueError):
            raise WireError("an unknown function") from None
    if t == "same":
        from .conventions import SAME

        return SAME
    if t in ("list", "tuple") and isinstance(data.get("v"), list) and len(data["v"]) <= MAX_ITEMS:
        items = [decode(v, depth + 1) for v in data["v"]]
        return tuple(items) if t == "tuple" else items
    if t == "dict" and isinstance(data.get("v"), list) and len(data["v"]) <= MAX_ITEMS:
        pairs = data["v"]
        if not all(isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) for p in pairs):
            raise WireError("a dict is not plain")
        return {printable(k, 200): decode(v, depth + 1) for k, v in pairs}
    if t == "object":
        return Opaque(printable(data.get("type", "object"), 100), printable(data.get("text", ""), 200))
    raise WireError(f"unknown data of type {printable(t, 20)!r}")
