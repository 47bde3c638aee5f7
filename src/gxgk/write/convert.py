"""Lossless dict and JSON forms of a :class:`Report`, and their JSON Schema.

One preconfigured cattrs converter does both directions.  The dict form is
plain JSON data and keeps everything a report holds, provenance and
diagnostics included, so a stored report can be checked against its source
years later:

* dates are ISO strings (``"2020-01-20"``), enums their values (``"2019"``);
* a cell's value keeps its Python type through JSON's own types: an ``int``
  is a JSON integer, a ``Decimal`` a JSON *string* (``"19379.18"``, never a
  float, which would round), a blank ``null``;
* ``disclosure`` is read as the class of the report's ``template``, not
  guessed from its keys;
* the top level carries ``schema_version``, so a reader can refuse data
  written in a form it does not know.

Reading is strict, because a lossless form that quietly coerces is no longer
lossless: ``"12"`` is not a count, ``1.5`` is not an amount, unknown keys are
errors.  Every problem is reported with its path, in cattrs' ``… @ $.path``
style, by one :class:`SerializationError`.
"""

from __future__ import annotations

import enum
import json
import re
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final, TypeAlias

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.v import format_exception

from ..model import DISCLOSURE_CLASSES, Cell, Disclosure2019, Disclosure2021, Provenance, Report, Value
from ..template.spec import Template

__all__ = ["SCHEMA_VERSION", "SerializationError", "from_dict", "from_json", "json_schema", "to_dict", "to_json"]

#: The version of the dict form.  It changes when a key is renamed, removed or
#: changes meaning; readers refuse versions they do not know.
SCHEMA_VERSION: Final = 1

#: The section 二 class each template's reports use (no tables off-template).
_DISCLOSURE_OF: Final[dict[Template, type[Disclosure2019] | type[Disclosure2021] | None]] = {
    **DISCLOSURE_CLASSES, Template.NONE: None}

# What ``str(Decimal)`` writes for a finite number, and an ISO calendar date.
# ``[0-9]``, not ``\d``: Python's ``\d`` also matches other scripts' digits.
_DECIMAL: Final = r"-?[0-9]+(?:\.[0-9]+)?(?:E[+-][0-9]+)?"
_DATE: Final = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

_Hook: TypeAlias = Callable[[Any, Any], Any]


class SerializationError(ValueError):
    """Data that is not a report's dict (or JSON) form, or a report that has none.

    :attr:`errors` lists every problem found, each as ``"what @ $.path"``.

    .. versionadded:: 0.1
    """

    def __init__(self, errors: list[str]) -> None:
        self.errors: tuple[str, ...] = tuple(errors)
        head = errors[0] if len(errors) == 1 else f"{len(errors)} problems:\n  " + "\n  ".join(errors)
        super().__init__(head)


class _Invalid(ValueError):
    """A leaf problem raised by our hooks; its message is shown as is."""


# ---- leaf hooks -------------------------------------------------------------


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _Invalid(f"expected an integer, got {_kind(value)}")


def _structure_str(value: object, _: object) -> str:
    if isinstance(value, str):
        return value
    raise _Invalid(f"expected a string, got {_kind(value)}")


def _structure_date(value: object, _: object) -> date:
    if isinstance(value, str) and re.fullmatch(_DATE, value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _Invalid(f"expected an ISO date (YYYY-MM-DD), got {_kind(value)}")


def _structure_value(value: object, _: object) -> Value:
    """A cell value: JSON integer → ``int``, decimal string → ``Decimal``, ``null`` → blank."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str) and re.fullmatch(_DECIMAL, value):
        return Decimal(value)
    raise _Invalid(f"expected an integer, a decimal string or null, got {_kind(value)}")


def _unstructure_value(value: Value) -> int | str | None:
    if value is None or (type(value) is int):
        return value
    if isinstance(value, Decimal) and value.is_finite():
        return str(value)
    raise SerializationError([f"a cell value must be an int, a finite Decimal or None, not {value!r}"])


def _kind(value: object) -> str:
    shown = repr(value)
    return f"{type(value).__name__} {shown if len(shown) <= 40 else shown[:37] + '...'}"


def _is_enumeration(type_: Any) -> bool:
    """An enum, or :class:`Template` (an open enumeration: templates may be registered later)."""
    return isinstance(type_, type) and (issubclass(type_, enum.Enum) or type_ is Template)


def _enum_hook(cls: type[enum.Enum] | type[Template]) -> _Hook:
    def structure(value: object, _: object) -> object:
        by_value = {member.value: member for member in cls}  # now: a template registered later counts
        if isinstance(value, str) and value in by_value:
            return by_value[value]
        raise _Invalid(f"expected one of {', '.join(map(repr, by_value))}, got {_kind(value)}")

    return structure


def _object_hook(cls: Any, converter: cattrs.Converter) -> _Hook:
    return _mapping_only(make_dict_structure_fn(cls, converter))


def _named_tuple_hook(cls: type[tuple[Any, ...]], converter: cattrs.Converter, **overrides: Any) -> _Hook:
    """A named tuple from a JSON object, read as strictly as a class (through an attrs twin of it)."""
    defaults = cls._field_defaults  # type: ignore[attr-defined]
    twin = attrs.make_class(cls.__name__, {
        name: attrs.field(type=hint, default=defaults.get(name, attrs.NOTHING))
        for name, hint in typing.get_type_hints(cls).items()
    })
    fields = _mapping_only(make_dict_structure_fn(twin, converter, **overrides))
    return lambda value, _: cls(*attrs.astuple(fields(value, twin), recurse=False))


def _unstructure_cell(cell: Cell) -> dict[str, Any]:
    source = cell.source
    return {"value": _unstructure_value(cell.value), "source": None if source is None else source._asdict()}


def _mapping_only(fields: _Hook) -> _Hook:
    """Classes come from JSON objects only, with one message for anything else."""

    def structure(value: object, cls: Any) -> object:
        if not isinstance(value, Mapping):
            raise _Invalid(f"expected an object, got {_kind(value)}")
        return fields(value, cls)

    return structure


def _is_homogeneous_tuple(type_: object) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _array_hook(type_: Any, converter: cattrs.Converter) -> _Hook:
    """Tuples come from JSON arrays only: cattrs alone would split a string into characters."""
    item_type = typing.get_args(type_)[0]
    item = converter.get_structure_hook(item_type)

    def structure(value: object, _: object) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise _Invalid(f"expected an array, got {_kind(value)}")
        items, errors = [], []
        for index, element in enumerate(value):
            try:
                items.append(item(element, item_type))
            except Exception as exc:  # collected, like cattrs' own hooks, so every bad item is reported
                note = IterableValidationNote(f"Structuring {type_} @ index {index}", index, item_type)
                errors.append(_with_note(exc, note))
        if errors:
            raise IterableValidationError(f"While structuring {type_}", errors, type_)
        return tuple(items)

    return structure


# ---- the report -------------------------------------------------------------


def _report_unstructure_hook(converter: cattrs.Converter) -> Callable[[Report], dict[str, Any]]:
    fields = make_dict_unstructure_fn(Report, converter)

    def unstructure(report: Report) -> dict[str, Any]:
        expected = _DISCLOSURE_OF[report.template.family]
        if report.disclosure is not None and type(report.disclosure) is not expected:
            raise SerializationError([f"a {report.template.value!r} report cannot hold a "
                                      f"{type(report.disclosure).__name__} @ $.disclosure"])
        return {"schema_version": SCHEMA_VERSION, **fields(report)}

    return unstructure


def _report_structure_hook(converter: cattrs.Converter) -> _Hook:
    """Read ``disclosure`` as the class the report's template names."""
    by_template = {
        template.value: make_dict_structure_fn(Report, converter, disclosure=override(
            struct_hook=_optional(converter, cls)))
        for template, cls in _DISCLOSURE_OF.items()
    }

    def structure(data: object, _: object) -> Report:
        if not isinstance(data, Mapping):
            raise _Invalid(f"expected an object, got {_kind(data)}")
        _check_version(data)
        fields = {key: value for key, value in data.items() if key != "schema_version"}
        template = fields.get("template")
        family = _family(template) if isinstance(template, str) else "none"
        read = by_template.get(family, by_template["none"])
        return read(fields, Report)

    return structure


def _family(value: str) -> str:
    """The value of the official template whose section 二 class a template's reports use."""
    try:
        return Template(value).family.value
    except ValueError:
        return value  # not a template: the template field's own hook says so


def _optional(converter: cattrs.Converter, cls: type | None) -> _Hook:
    if cls is None:
        def nothing(value: object, _: object) -> None:
            if value is not None:
                raise _Invalid("a report off the official templates has no section 二 table; expected null")

        return nothing
    inner = converter.get_structure_hook(cls)
    return lambda value, _: None if value is None else inner(value, cls)


def _check_version(data: Mapping[Any, Any]) -> None:
    if "schema_version" not in data:
        problem: Exception = KeyError("schema_version")
    elif type(data["schema_version"]) is not int or data["schema_version"] != SCHEMA_VERSION:
        problem = _Invalid(f"this gxgk reads schema_version {SCHEMA_VERSION}, got {_kind(data['schema_version'])}")
    else:
        return
    note = AttributeValidationNote("schema_version", "schema_version", int)
    raise ClassValidationError("While structuring Report", [_with_note(problem, note)], Report)


def _with_note(exc: Any, note: str) -> Exception:
    """``exc`` with the note that places it for ``transform_error`` (``add_note`` needs Python 3.11)."""
    exc.__notes__ = [*getattr(exc, "__notes__", []), note]
    result: Exception = exc
    return result


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for cls, structure in ((int, _structure_int), (str, _structure_str), (date, _structure_date)):
        converter.register_structure_hook(cls, structure)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook_factory(_is_enumeration, _enum_hook)
    converter.register_unstructure_hook(Template, str)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _array_hook)
    converter.register_structure_hook_factory(attrs.has, _object_hook)
    # before Cell, whose hook takes the one of its field
    converter.register_structure_hook(Provenance, _named_tuple_hook(Provenance, converter))
    converter.register_unstructure_hook(Provenance, Provenance._asdict)
    converter.register_structure_hook(Cell, _named_tuple_hook(Cell, converter,
                                                              value=override(struct_hook=_structure_value)))
    converter.register_unstructure_hook(Cell, _unstructure_cell)
    converter.register_unstructure_hook(Report, _report_unstructure_hook(converter))
    converter.register_structure_hook(Report, _report_structure_hook(converter))
    return converter


_CONVERTER: Final = _make_converter()


def _describe(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, _Invalid):
        return str(exc)
    if isinstance(exc, ForbiddenExtraKeysError):  # cattrs' own wording fails on keys that are not strings
        return f"extra fields found ({', '.join(sorted(map(str, exc.extra_fields)))})"
    return format_exception(exc, type_)


# ---- public API -------------------------------------------------------------


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON data, provenance and diagnostics included.

    ``from_dict(to_dict(report)) == report``, and the provenance that report
    equality ignores comes back too.

    >>> to_dict(Report())["schema_version"]
    1

    .. versionadded:: 0.1
    """
    result: dict[str, Any] = _CONVERTER.unstructure(report, Report)
    return result


def from_dict(data: Mapping[str, Any]) -> Report:
    """The report whose dict form is ``data``.

    Raises :class:`SerializationError` listing every malformed field with its
    path.  Keys the model gives a default may be left out.

    .. versionadded:: 0.1
    """
    try:
        return _CONVERTER.structure(data, Report)
    except (cattrs.BaseValidationError, _Invalid) as exc:
        raise SerializationError(cattrs.transform_error(exc, "$", _describe)) from exc


def to_json(report: Report, *, indent: int | None = None) -> str:
    """The report's dict form as JSON text (Chinese kept as is, not ``\\u`` escaped).

    .. versionadded:: 0.1
    """
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Report:
    """The report whose JSON form is ``text``; see :func:`from_dict`.

    .. versionadded:: 0.1
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SerializationError([f"not JSON ({exc}) @ $"]) from exc
    return from_dict(data)


# ---- JSON Schema --------------------------------------------------------------


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`to_dict`'s output, generated from the model.

    Every key :func:`to_dict` writes is ``required``; the schema also ties
    ``disclosure``'s shape to ``template``.

    >>> json_schema()["properties"]["schema_version"]
    {'const': 1}

    .. versionadded:: 0.1
    """
    defs: dict[str, Any] = {}
    report = _object_schema(Report, defs)
    report["properties"] = {"schema_version": {"const": SCHEMA_VERSION}, **report["properties"]}
    report["required"] = ["schema_version", *report["required"]]
    report["allOf"] = [_disclosure_rule(template, cls, defs) for template, cls in _DISCLOSURE_OF.items()]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "gxgk report",
        **report,
        "$defs": dict(sorted(defs.items())),
    }


def _disclosure_rule(template: Template, cls: type | None, defs: dict[str, Any]) -> dict[str, Any]:
    shape = {"type": "null"} if cls is None else {"anyOf": [_type_schema(cls, defs), {"type": "null"}]}
    return {"if": {"properties": {"template": {"const": template.value}}},
            "then": {"properties": {"disclosure": shape}}}


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    names = list(getattr(cls, "_fields", ())) if _is_named_tuple(cls) else [field.name for field in attrs.fields(cls)]
    return {
        "type": "object",
        "description": _summary(cls),
        "properties": {name: _type_schema(hints[name], defs) for name in names},
        "required": names,
        "additionalProperties": False,
    }


def _type_schema(type_: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if type_ in _LEAVES:
        return dict(_LEAVES[type_])
    if isinstance(type_, type) and (attrs.has(type_) or _is_named_tuple(type_) or _is_enumeration(type_)):
        return _ref(type_, defs)
    if isinstance(type_, types.UnionType) or typing.get_origin(type_) is typing.Union:
        return {"anyOf": [_type_schema(arg, defs) for arg in typing.get_args(type_)]}
    if _is_homogeneous_tuple(type_):
        return {"type": "array", "items": _type_schema(typing.get_args(type_)[0], defs)}
    raise TypeError(f"no JSON Schema for {type_!r}")


def _is_named_tuple(cls: type) -> bool:
    return issubclass(cls, tuple) and hasattr(cls, "_fields")


def _ref(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    if cls.__name__ not in defs:
        defs[cls.__name__] = {}  # placeholder: recursion stops here
        if _is_enumeration(cls):
            members = list(Template) if cls is Template else list(typing.cast(type[enum.Enum], cls))
            defs[cls.__name__] = {"description": _summary(cls), "enum": [member.value for member in members]}
        else:
            defs[cls.__name__] = _object_schema(cls, defs)
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _summary(cls: type) -> str:
    return (cls.__doc__ or cls.__name__).strip().split("\n\n")[0].replace("\n", " ")


_LEAVES: Final[dict[Any, dict[str, Any]]] = {
    int: {"type": "integer"},
    str: {"type": "string"},
    type(None): {"type": "null"},
    Decimal: {"type": "string", "pattern": f"^{_DECIMAL}$", "description": "a decimal number, as text"},
    date: {"type": "string", "format": "date", "pattern": f"^{_DATE}$"},
}
