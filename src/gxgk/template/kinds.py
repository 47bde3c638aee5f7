"""Which template a report follows: the official ones, and any other registered as data.

:class:`Template` reads like an enumeration (``Template.V2019``,
``Template("2019")``, ``.value``, ``.name``, ``list(Template)``) but is open:
:func:`gxgk.template.spec.register_template` adds a template defined purely as
data (its rows, columns and marker words), so a new template year is a data
change.  Each template has a *family*, the official template whose rules it
follows where the two differ in more than labels (which section 二 class
holds its table, which cross-year identities apply); an official template is
its own family.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

__all__ = ["Template"]


class _Members(type):
    """Iteration over the registered templates, in the order they were registered."""

    def __iter__(cls) -> Iterator[Template]:
        return iter(list(Template._registry.values()))

    def __len__(cls) -> int:
        return len(Template._registry)


class Template(metaclass=_Members):
    """Which template a report follows.

    ``V2019`` and ``V2021`` are the official formats; ``NONE`` is for
    documents that are not on an official template: reports from before
    2019, letters filed under the annual-report column, or pages that are not
    reports at all.  ``Template("2021")`` is the template of that value (a
    :class:`ValueError` for none), and ``str(template)`` its value.

    >>> Template("2021") is Template.V2021, str(Template.V2019), Template.NONE
    (True, '2019', <Template.NONE: 'none'>)

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       Open to templates registered as data (see :attr:`family`).
    """

    __slots__ = ("family", "name", "value")

    _registry: ClassVar[dict[str, Template]] = {}
    V2019: ClassVar[Template]
    V2021: ClassVar[Template]
    NONE: ClassVar[Template]

    name: str  #: the template's name, as ``Template.<name>``
    value: str  #: the template's value, as reports and the dict form give it
    family: Template  #: the official template whose rules it follows (itself for an official one)

    def __new__(cls, value: str) -> Template:
        try:
            return cls._registry[value]
        except (KeyError, TypeError):
            raise ValueError(f"{value!r} is not a valid Template") from None

    @classmethod
    def _add(cls, name: str, value: str, family: Template | None = None) -> Template:
        """Register a template (see :func:`gxgk.template.spec.register_template`, which also adds its data)."""
        if value in cls._registry or hasattr(cls, name):
            raise ValueError(f"a template named {name!r} or of value {value!r} exists already")
        member = object.__new__(cls)
        member.name, member.value = name, value
        member.family = member if family is None else family.family
        cls._registry[value] = member
        setattr(cls, name, member)
        return member

    @classmethod
    def _remove(cls, member: Template) -> None:
        if member.family is member:
            raise ValueError("an official template cannot be removed")
        del cls._registry[member.value]
        delattr(cls, member.name)

    def __repr__(self) -> str:
        return f"<Template.{self.name}: {self.value!r}>"

    def __str__(self) -> str:
        return self.value

    def __reduce__(self) -> tuple[type[Template], tuple[str]]:
        return Template, (self.value,)


Template._add("V2019", "2019")
Template._add("V2021", "2021")
Template._add("NONE", "none")
