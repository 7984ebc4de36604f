"""What comes back from the sandbox: plain data only, JSON plus numeric arrays in an .npz file.

`encode` turns an answer's value (numbers, numeric arrays, and lists, tuples and dicts of them)
into JSON-able data, putting arrays aside; anything else (a learner's object, an object array)
becomes a description, so no code and no pickle crosses over. `decode` rebuilds the value in
the grader, with `Opaque` standing for what was described.
"""

import numpy as np

from ..exercises.running import RemoteError, Run, error_type

__all__ = ["encode", "decode", "encode_run", "decode_run", "Opaque", "MAX_ELEMENTS"]

MAX_ELEMENTS = 2_000_000  # a larger array is an answer gone wrong, not one to copy back
_MAX_ITEMS, _MAX_DEPTH, _MAX_TEXT = 10_000, 20, 2_000


class Opaque:
    """Stands in the grader for a value that was not plain data: it equals nothing."""

    def __init__(self, type_name, text):
        self.type_name, self.text = type_name, text

    def __repr__(self):
        return f"<{self.type_name}>"

    __eq__ = object.__eq__
    __hash__ = object.__hash__


def _text(value):
    try:
        return str(value)[:_MAX_TEXT]
    except Exception:
        return "(no text)"


def encode(value, arrays, depth=0):
    """JSON-able data for `value`; numeric arrays are added to `arrays` ({key: ndarray})."""
    if depth > _MAX_DEPTH:
        return {"t": "object", "type": "nesting", "text": "nested too deeply"}
    if value is None:
        return {"t": "none"}
    if value is Ellipsis:
        return {"t": "ellipsis"}
    if isinstance(value, bool):
        return {"t": "bool", "v": bool(value)}
    if isinstance(value, int):
        return {"t": "int", "v": int(value)} if abs(int(value)) < 2 ** 63 else {"t": "float", "v": float(value)}
    if isinstance(value, float):
        return {"t": "float", "v": float(value)}
    if isinstance(value, str):
        return {"t": "str", "v": str.__str__(value)[:_MAX_TEXT]}
    if isinstance(value, (np.ndarray, np.generic)):
        a = np.asarray(value)
        if a.dtype.kind not in "biuf" or a.size > MAX_ELEMENTS:
            what = f"an array of {a.size} elements" if a.size > MAX_ELEMENTS else f"an array of dtype {a.dtype}"
            return {"t": "object", "type": "ndarray", "text": what}
        key = f"a{len(arrays)}"
        arrays[key] = np.array(a, copy=True)  # a plain ndarray, whatever its class was
        return {"t": "scalar" if isinstance(value, np.generic) else "array", "k": key}
    if isinstance(value, (list, tuple)):
        items = list(value)[:_MAX_ITEMS]
        return {"t": "tuple" if isinstance(value, tuple) else "list",
                "v": [encode(v, arrays, depth + 1) for v in items]}
    if isinstance(value, dict):
        pairs = [(k, v) for k, v in list(value.items())[:_MAX_ITEMS] if isinstance(k, str)]
        return {"t": "dict", "v": [[str.__str__(k), encode(v, arrays, depth + 1)] for k, v in pairs]}
    return {"t": "object", "type": type(value).__name__[:100], "text": ""}


def decode(data, arrays):
    """The value `encode` described, rebuilt from plain data only."""
    t = data.get("t")
    if t == "none":
        return None
    if t == "ellipsis":
        return Ellipsis
    if t == "bool":
        return bool(data["v"])
    if t == "int":
        return int(data["v"])
    if t == "float":
        return float(data["v"])
    if t == "str":
        return str(data["v"])
    if t == "array":
        return arrays[data["k"]]
    if t == "scalar":
        return arrays[data["k"]][()]
    if t in ("list", "tuple"):
        items = [decode(v, arrays) for v in data["v"]]
        return tuple(items) if t == "tuple" else items
    if t == "dict":
        return {str(k): decode(v, arrays) for k, v in data["v"]}
    return Opaque(str(data.get("type", "object")), str(data.get("text", "")))


def encode_run(run, arrays):
    """JSON-able data for a Run of the learner's function on one input."""
    error = None
    if run.error is not None:
        error = {"type": error_type(run.error), "message": _text(run.error)}
        name = getattr(run.error, "name", None)
        if isinstance(name, str):
            error["name"] = name[:200]  # ReferenceUsed says which reference was called
    return {"value": encode(run.value, arrays), "error": error, "line": _text(run.error_line),
            "warnings": [_text(w) for w in run.warnings[:5]], "mutated": [int(i) for i in run.mutated],
            "not_attempted": bool(run.not_attempted)}


def decode_run(data, arrays):
    """A Run rebuilt in the grader; an exception becomes a RemoteError with its type's name."""
    error = None
    if data.get("error"):
        e = data["error"]
        extra = {"name": str(e["name"])} if "name" in e else {}
        error = RemoteError(str(e["type"]), str(e["message"]), **extra)
    value = decode(data["value"], arrays)
    return Run(value=value, error=error, error_line=str(data.get("line", "")),
               warnings=[str(w) for w in data.get("warnings", [])],
               mutated=[int(i) for i in data.get("mutated", [])], not_attempted=bool(data.get("not_attempted")))
