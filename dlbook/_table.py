"""A family of functions by name (the activations, the losses, the initialisations), so a
widget or a config can say "relu" and get the function, or a clear error naming the choices."""

__all__ = ["Table"]


class Table:
    """Items by name, in the order given (the order the book teaches them)."""

    def __init__(self, kind, items, key=lambda item: item.name):
        self.kind = kind
        self._items = {key(item): item for item in items}

    def names(self):
        """The names, in book order."""
        return list(self._items)

    def get(self, name):
        """The item called `name`; a ValueError listing the choices if there is none."""
        try:
            return self._items[name]
        except KeyError:
            raise ValueError(f"unknown {self.kind} {name!r}; choose one of {self.names()}") from None
