"""The comparison, hash and repr of a dataclass, made without compiling code.

Python 3.11's :mod:`dataclasses` writes each method it adds as source text and compiles it
with ``exec``: for the 30 dataclasses a start of the app defines, ``__eq__``, ``__hash__``
and ``__repr__`` took some 35 M instructions (3 % of a start). :func:`compared` gives a
class declared ``@dataclass(..., repr=False, eq=False)`` the same three methods as shared
functions over its fields: what ``repr``, ``==`` and ``hash`` return is what the dataclass
would have returned (a mutable class stays unhashable, as a dataclass with ``eq`` is).
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving an object's values of ``names`` as a tuple (the tuple the
    dataclass's generated methods compare and hash)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def compared(cls: type[T]) -> type[T]:
    """Add ``__repr__``, ``__eq__`` and ``__hash__`` to the dataclass ``cls`` as
    ``@dataclass`` would have (``ClassName(field=value, ...)``, a recursive repr shown as
    ``...``; equal when of the same class with equal compared fields; a frozen class
    hashed by those fields, a mutable one unhashable). ``cls`` must be declared with
    ``repr=False, eq=False``, so that dataclasses does not compile its own."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or params.repr or params.eq:
        raise TypeError(f"{cls.__qualname__}: @compared needs @dataclass(repr=False, eq=False)")
    every = fields(cls)  # type: ignore[arg-type]
    shown = tuple(f.name for f in every if f.repr)
    key = _values(tuple(f.name for f in every if f.compare))

    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({values})"

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    methods: dict[str, Any] = {"__repr__": __repr__, "__eq__": __eq__, "__hash__": None}
    if params.frozen:
        hashed = _values(tuple(f.name for f in every
                               if (f.compare if f.hash is None else f.hash)))

        def __hash__(self: Any) -> int:
            return hash(hashed(self))

        methods["__hash__"] = __hash__
    for name, method in methods.items():
        if method is not None:
            method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    return cls
