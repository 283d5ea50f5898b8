"""The markers: ``____`` (the blank a learner replaces in a starter cell) and the "no value given" marker.

``answer = ____`` runs, and a check of it says "not attempted yet", never raises. :data:`_MISSING` marks a
definition's argument that was not given (a question's ``expected``, a mistake's ``example``), so that
``None`` stays a possible answer.
"""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = ["BLANK", "Blank", "____", "is_blank"]


class Blank:
    """The ``____`` placeholder in starter cells: ``answer = ____`` runs and counts as "not attempted".

    Arithmetic, indexing, attribute access and calls on the blank give the blank back, so a half-filled
    starter such as ``rate = ____ / followers * 100`` still runs top to bottom.
    """

    _instance: ClassVar[Blank | None] = None
    # Make numpy and pandas defer to our reflected operators instead of broadcasting over the blank.
    __array_ufunc__ = None
    __pandas_priority__ = 10_000

    def __new__(cls) -> Blank:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"

    def __reduce__(self) -> str:
        return "BLANK"

    def _absorb(self, *args: Any, **kwargs: Any) -> Blank:
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _absorb
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _absorb
    __pow__ = __rpow__ = __neg__ = __pos__ = __abs__ = __round__ = _absorb
    __getitem__ = __call__ = _absorb

    def __getattr__(self, name: str) -> Blank:
        if name.startswith("__"):
            raise AttributeError(name)
        return self


#: The placeholder learners replace: ``answer = ____``.
____ = Blank()
#: The same placeholder under a readable name.
BLANK = ____


def is_blank(answer: Any) -> bool:
    """True for an untouched starter: ``____``, ``None``, ``...``, or a non-empty list/tuple/set of them."""
    if answer is BLANK or answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, list | tuple | set | frozenset) and answer:
        return all(is_blank(item) for item in answer)
    return False


class _Missing:
    def __repr__(self) -> str:
        return "<no value>"


_MISSING: Any = _Missing()
