"""``dataclass``: :func:`dataclasses.dataclass` for our classes, made cheaper to define.

For every class, ``@dataclass`` writes its methods (``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, and ``__setattr__``/``__delattr__`` when frozen) as
source text and compiles each with ``exec()``: ~0.3 ms a frozen class, over
15 ms for the model and the recognisers' helper classes, paid again by every
``pressconv`` process before it reads a byte.  This drop-in compiles only
``__init__`` (its parameters are the fields, so it has to be); the other
methods are closures over the class and its field names that behave as the
generated ones do: equality on the tuple of compared fields of the same class,
hash, recursion-safe repr, :class:`dataclasses.FrozenInstanceError`, pickling
of frozen classes with slots.  ``dataclasses.fields``, ``replace``,
``is_dataclass``, ``__match_args__``, ``__dataclass_params__``, ``__doc__`` and
``inspect.signature`` see what ``@dataclass`` gives.  Only ``frozen`` and
``slots`` are taken; any other option, inherited fields, ``InitVar``/``KW_ONLY``,
``field(init=False)`` or a method written in the class body go to
:func:`dataclasses.dataclass` itself.  One difference, on purpose: setting an
attribute that is not a field on a frozen instance with slots raises
FrozenInstanceError, where the method Python 3.11 generates fails with a
TypeError from ``super()`` (it refers to the class before slots were added).
"""

from __future__ import annotations

import dataclasses
import inspect
import reprlib
from functools import lru_cache
from operator import attrgetter
from typing import Any, Callable

_GENERATED = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__",
              "__getstate__", "__setstate__")


def dataclass(cls: Any = None, /, *, frozen: bool = False, slots: bool = False) -> Any:
    """``@dataclass``, ``@dataclass(frozen=True, slots=True)`` ... (see the module docstring)."""
    def wrap(cls: type) -> type:
        if not _simple(cls):
            return dataclasses.dataclass(cls, frozen=frozen, slots=slots)
        return _build(cls, frozen, slots)

    return wrap if cls is None else wrap(cls)


def _simple(cls: type) -> bool:
    """True for the classes handled here: plain fields, no base class, no method of our own."""
    body = cls.__dict__
    if cls.__bases__ != (object,) or any(name in body for name in _GENERATED):
        return False
    for name, kind in body.get("__annotations__", {}).items():
        value = body.get(name)
        if "InitVar" in str(kind) or "KW_ONLY" in str(kind) \
                or (isinstance(value, dataclasses.Field) and (value.kw_only is True or not value.init)):
            return False
    return True


def _build(cls: type, frozen: bool, slots: bool) -> type:
    documented = bool(cls.__doc__)
    if not documented:  # a placeholder: else dataclasses reads object's signature (~7 ms
        cls.__doc__ = "-"  # of tokenize) to word a docstring replaced below anyway
    # fields, __match_args__ and __slots__ from dataclasses itself, with no method written
    cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)
    every = dataclasses.fields(cls)
    names = tuple(f.name for f in every)
    compared = _key(tuple(f.name for f in every if f.compare))
    hashed = _key(tuple(f.name for f in every if (f.compare if f.hash is None else f.hash)))
    shown = tuple(f.name for f in every if f.repr)

    # What dataclasses' _cmp_fn, _hash_fn, _repr_fn, _frozen_get_del_attr and (frozen with
    # slots) _dataclass_getstate/_setstate give; unannotated, like theirs.
    def __eq__(self, other):  # type: ignore[no-untyped-def]
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self):  # type: ignore[no-untyped-def]
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self):  # type: ignore[no-untyped-def]
        return "%s(%s)" % (self.__class__.__qualname__,
                           ", ".join("%s=%r" % (name, getattr(self, name)) for name in shown))

    def __setattr__(self, name, value):  # type: ignore[no-untyped-def]
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):  # type: ignore[no-untyped-def]
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    def __getstate__(self):  # type: ignore[no-untyped-def]
        return [getattr(self, name) for name in names]

    def __setstate__(self, state):  # type: ignore[no-untyped-def]
        for name, value in zip(names, state):
            object.__setattr__(self, name, value)

    methods: dict[str, Callable[..., Any]] = {
        "__init__": _init(cls, every, frozen), "__repr__": __repr__, "__eq__": __eq__}
    if frozen:
        methods.update(__hash__=__hash__, __setattr__=__setattr__, __delattr__=__delattr__)
        if slots:
            methods.update(__getstate__=__getstate__, __setstate__=__setstate__)
    for name, method in methods.items():
        method.__qualname__ = "%s.%s" % (cls.__qualname__, name)
        method.__module__ = cls.__module__
        setattr(cls, name, method)
    if not frozen:
        cls.__hash__ = None  # type: ignore[assignment]  # eq without frozen: unhashable
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    params.init = params.repr = params.eq = True
    params.frozen = frozen
    if not documented:  # as dataclasses words it, from the real signature
        cls.__doc__ = cls.__name__ + str(inspect.signature(cls)).replace(" -> None", "")
    return cls


def _key(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The fields as a tuple, as the generated methods compare and hash them."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return lambda obj: ()


def _init(cls: type, every: tuple[dataclasses.Field, ...], frozen: bool) -> Callable[..., None]:
    """``__init__`` as @dataclass writes it: the one exec() per class."""
    namespace: dict[str, Any] = {"__name__": cls.__module__, "__set": object.__setattr__,
                                 "__FACTORY": _HAS_FACTORY}
    params = ["self"]
    lines = []
    annotations: dict[str, Any] = {}
    for f in every:  # every field is a parameter (_simple sends init=False fields away)
        value = f.name
        if f.default is not dataclasses.MISSING:
            namespace["__dflt_" + f.name] = f.default
            params.append("%s=__dflt_%s" % (f.name, f.name))
        elif f.default_factory is not dataclasses.MISSING:
            namespace["__factory_" + f.name] = f.default_factory
            params.append("%s=__FACTORY" % f.name)
            value = "__factory_%s() if %s is __FACTORY else %s" % (f.name, f.name, f.name)
        else:
            params.append(f.name)
        annotations[f.name] = f.type
        lines.append("__set(self, %r, %s)" % (f.name, value) if frozen else "self.%s = %s" % (f.name, value))
    if hasattr(cls, "__post_init__"):
        lines.append("self.__post_init__()")
    source = "def __init__(%s):\n    %s\n" % (", ".join(params), "\n    ".join(lines or ["pass"]))
    exec(_compiled(source), namespace)  # noqa: S102 - text built from the field names above
    init = namespace["__init__"]
    annotations["return"] = None
    init.__annotations__ = annotations
    return init


@lru_cache(maxsize=None)
def _compiled(source: str) -> Any:
    """Classes with the same fields (``children``, ``text`` ...) share one compilation."""
    return compile(source, "<string>", "exec")


class _HasFactory:
    def __repr__(self) -> str:
        return "<factory>"


_HAS_FACTORY = _HasFactory()
