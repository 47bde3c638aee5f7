"""Patterns of the ``regex`` module, compiled (and the module imported) on first use.

``import gxgk`` should cost what a caller who only imports it needs (issue 7):
importing ``regex`` and compiling its patterns takes ~20 ms, and the first
parse pays it instead.  The standard ``re`` patterns stay eager: ``re`` is
imported anyway, and they compile quickly.
"""

from __future__ import annotations

from typing import Any

__all__ = ["LazyRegex"]


class LazyRegex:
    """``regex.compile(pattern)``, done when a method of the pattern is first asked for.

    Each method is then kept on the instance, so later calls cost what they
    cost on the compiled pattern (one attribute lookup).
    """

    def __init__(self, pattern: str | bytes) -> None:
        self.pattern = pattern

    def __getattr__(self, name: str) -> Any:
        import regex  # deferred on purpose, see the module docstring

        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = regex.compile(self.pattern)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r})"
