"""The dict and JSON forms: lossless on real reports, strict and precise on bad input.

Report equality ignores provenance and cannot tell ``Cell(5)`` from
``Cell(Decimal(5))``, so round trips here are checked with :func:`fingerprint`,
which sees both.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import gxgk
from gxgk import SCHEMA_VERSION, SerializationError, from_dict, from_json, json_schema, to_dict, to_json

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))


def fingerprint(obj: object) -> object:
    """Everything in ``obj``, provenance included, with each leaf's type and exact text."""
    cls: Any = type(obj)
    if attrs.has(cls):
        return (cls.__name__, tuple((f.name, fingerprint(getattr(obj, f.name))) for f in attrs.fields(cls)))
    if isinstance(obj, (tuple, list)):
        return tuple(fingerprint(item) for item in obj)
    return (type(obj).__name__, repr(obj))


def schema_errors(instance: Any, schema: dict[str, Any], root: dict[str, Any] | None = None,
                  path: str = "$") -> list[str]:
    """A validator for the subset of JSON Schema that :func:`json_schema` writes."""
    root = schema if root is None else root
    if "$ref" in schema:
        return schema_errors(instance, root["$defs"][schema["$ref"].removeprefix("#/$defs/")], root, path)
    errors: list[str] = []
    if "type" in schema and not _has_type(instance, schema["type"]):
        return [f"{path}: not {schema['type']}"]
    if "const" in schema and not (instance == schema["const"] and type(instance) is type(schema["const"])):
        errors.append(f"{path}: not {schema['const']!r}")
    if "enum" in schema and instance not in schema["enum"]:
        errors.append(f"{path}: not one of {schema['enum']}")
    if "pattern" in schema and not re.search(schema["pattern"], instance):
        errors.append(f"{path}: does not match {schema['pattern']}")
    if "anyOf" in schema and all(schema_errors(instance, sub, root, path) for sub in schema["anyOf"]):
        errors.append(f"{path}: matches none of anyOf")
    for sub in schema.get("allOf", ()):
        errors += schema_errors(instance, sub, root, path)
    if "if" in schema and not schema_errors(instance, schema["if"], root, path):
        errors += schema_errors(instance, schema["then"], root, path)
    if isinstance(instance, dict):
        errors += _object_errors(instance, schema, root, path)
    if isinstance(instance, list) and "items" in schema:
        for index, item in enumerate(instance):
            errors += schema_errors(item, schema["items"], root, f"{path}[{index}]")
    return errors


def _object_errors(instance: dict[str, Any], schema: dict[str, Any], root: dict[str, Any], path: str) -> list[str]:
    properties = schema.get("properties", {})
    errors = [f"{path}: {key} missing" for key in schema.get("required", ()) if key not in instance]
    if schema.get("additionalProperties") is False:
        errors += [f"{path}: {key} not allowed" for key in instance if key not in properties]
    for key, sub in properties.items():
        if key in instance:
            errors += schema_errors(instance[key], sub, root, f"{path}.{key}")
    return errors


def _has_type(instance: object, name: str) -> bool:
    kinds: dict[str, Any] = {"object": dict, "array": list, "string": str, "null": type(None), "integer": int}
    return isinstance(instance, kinds[name]) and not isinstance(instance, bool)


@pytest.fixture(scope="module", params=[p.name for p in SEEDS])
def seed(request: pytest.FixtureRequest) -> gxgk.Report:
    return gxgk.parse((SEEDS[0].parent / request.param).read_bytes())


# ---- round trips ------------------------------------------------------------


def test_seed_reports_round_trip_with_provenance_and_diagnostics(seed: gxgk.Report) -> None:
    back = from_dict(to_dict(seed))
    assert back == seed
    assert fingerprint(back) == fingerprint(seed)


def test_seed_reports_round_trip_through_json(seed: gxgk.Report) -> None:
    back = from_json(to_json(seed, indent=2))
    assert fingerprint(back) == fingerprint(seed)
    assert fingerprint(from_json(to_json(seed).encode())) == fingerprint(seed)


def test_seed_reports_keep_their_provenance() -> None:
    report = gxgk.parse(SEEDS[0].read_bytes())
    back = from_dict(to_dict(report))
    assert report.requests is not None and back.requests is not None
    cell, copied = report.requests.rows[0].natural_person, back.requests.rows[0].natural_person
    assert copied.source is not None and copied.source == cell.source
    assert report.overview is not None and back.overview is not None
    assert back.overview.source == report.overview.source


def test_seed_4_keeps_its_diagnostics() -> None:
    report = gxgk.parse(SEEDS[4].read_bytes())
    assert report.diagnostics
    assert from_dict(to_dict(report)).diagnostics == report.diagnostics


def test_seed_dicts_are_valid_against_the_schema(seed: gxgk.Report) -> None:
    assert schema_errors(to_dict(seed), json_schema()) == []


# ---- the form ----------------------------------------------------------------


def _report_with(value: int | Decimal | None) -> gxgk.Report:
    row = gxgk.ProcurementRow2019(gxgk.Cell(3), gxgk.Cell(value, gxgk.Provenance(10, 18, 2, "19379.18", "note")))
    meta = gxgk.Meta(title="报告", year=2019, written_date=date(2020, 1, 20))
    diagnostic = gxgk.Diagnostic("P-x", "guessed", gxgk.Severity.INFO, 4, 1)
    return gxgk.Report(gxgk.Template.V2019, meta, disclosure=gxgk.Disclosure2019(procurement=row),
                       diagnostics=(diagnostic,))


def test_the_dict_form() -> None:
    data = to_dict(_report_with(Decimal("19379.18")))
    assert list(data)[:2] == ["schema_version", "template"]
    assert data["schema_version"] == SCHEMA_VERSION == 1
    assert data["template"] == "2019"
    assert data["meta"]["written_date"] == "2020-01-20"
    assert data["disclosure"]["procurement"] == {
        "projects": {"value": 3, "source": None},
        "amount": {"value": "19379.18",
                   "source": {"start": 10, "end": 18, "line": 2, "raw": "19379.18", "note": "note"}},
    }
    assert data["diagnostics"] == [{"code": "P-x", "message": "guessed", "severity": "info", "start": 4, "line": 1,
                                    "cells": []}]
    assert json.loads(json.dumps(data)) == data  # plain JSON data: no tuples, Decimals or dates


@pytest.mark.parametrize("value", [0, -37, 10**30, Decimal("0"), Decimal("5"), Decimal("5.00"), Decimal("-0"),
                                   Decimal("0.038"), Decimal("1E+3"), Decimal("1.5E-7"), None])
def test_cell_values_keep_their_type_and_digits(value: int | Decimal | None) -> None:
    report = _report_with(value)
    assert fingerprint(from_json(to_json(report))) == fingerprint(report)


def test_json_keeps_chinese_readable() -> None:
    assert "报告" in to_json(_report_with(None))


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), True, 1.5])
def test_to_dict_refuses_values_it_could_not_read_back(value: Any) -> None:
    with pytest.raises(SerializationError, match="cell value"):
        to_dict(_report_with(value))


def test_to_dict_refuses_a_disclosure_of_the_wrong_template() -> None:
    report = gxgk.Report(gxgk.Template.V2021, disclosure=gxgk.Disclosure2019())
    with pytest.raises(SerializationError, match=r"cannot hold a Disclosure2019 @ \$\.disclosure"):
        to_dict(report)
    with pytest.raises(SerializationError, match=r"\$\.disclosure"):
        to_dict(gxgk.Report(disclosure=gxgk.Disclosure2021()))


def test_missing_keys_with_defaults_are_filled_in() -> None:
    assert from_dict({"schema_version": 1}) == gxgk.Report()


# ---- malformed input -----------------------------------------------------------


def _seed_dict() -> dict[str, Any]:
    return to_dict(gxgk.parse(SEEDS[1].read_bytes()))


def _set(data: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    data = copy.deepcopy(data)
    *parents, last = re.findall(r"\.(\w+)|\[(\d+)\]", path)
    target: Any = data
    for key, index in parents:
        target = target[key] if key else target[int(index)]
    target[last[0] if last[0] else int(last[1])] = value
    return data


BAD = [
    ("$.schema_version", 2, "this gxgk reads schema_version 1, got int 2"),
    ("$.schema_version", "1", "this gxgk reads schema_version 1, got str '1'"),
    ("$.template", "2022", "expected one of '2019', '2021', 'none', got str '2022'"),
    ("$.meta.year", "2023", "expected an integer, got str '2023'"),
    ("$.meta.year", 2023.0, "expected an integer, got float 2023.0"),
    ("$.meta.year", True, "expected an integer, got bool True"),
    ("$.meta.written_date", "2024/01/15", "expected an ISO date (YYYY-MM-DD), got str '2024/01/15'"),
    ("$.meta.written_date", "2024-02-30", "expected an ISO date (YYYY-MM-DD), got str '2024-02-30'"),
    ("$.meta.title", 5, "expected a string, got int 5"),
    ("$.meta", [], "expected an object, got list []"),
    ("$.disclosure.fees.amount.value", 1.5, "expected an integer, a decimal string or null, got float 1.5"),
    ("$.disclosure.fees.amount.value", "1,5", "expected an integer, a decimal string or null, got str '1,5'"),
    ("$.disclosure.fees.amount.value", "NaN", "expected an integer, a decimal string or null, got str 'NaN'"),
    ("$.requests.rows[3].total.source.line", None, "expected an integer, got NoneType None"),
    ("$.requests.rows[3].total.source.raw", ["1"], "expected a string, got list ['1']"),
    ("$.requests.rows", "abc", "expected an array, got str 'abc'"),
    ("$.overview.headings", {"a": 1}, "expected an array, got dict {'a': 1}"),
    ("$.diagnostics", [{"code": "x"}], "required field missing"),
]


@pytest.mark.parametrize(("path", "value", "message"), BAD, ids=[f"{p}={v!r}" for p, v, _ in BAD])
def test_malformed_fields_are_reported_with_their_path(path: str, value: object, message: str) -> None:
    with pytest.raises(SerializationError) as caught:
        from_dict(_set(_seed_dict(), path, value))
    where = "$.diagnostics[0].message" if path == "$.diagnostics" else path
    assert f"{message} @ {where}" in caught.value.errors
    assert isinstance(caught.value, ValueError)


def test_every_problem_is_listed() -> None:
    data = _set(_set(_seed_dict(), "$.meta.year", "x"), "$.appeals.review.total.value", "y")
    data["meta"]["colour"] = "red"
    with pytest.raises(SerializationError) as caught:
        from_dict(data)
    assert sorted(caught.value.errors) == [
        "expected an integer, a decimal string or null, got str 'y' @ $.appeals.review.total.value",
        "expected an integer, got str 'x' @ $.meta.year",
        "extra fields found (colour) @ $.meta",
    ]
    assert str(caught.value).startswith("3 problems:\n  ")


def test_the_disclosure_is_read_as_the_template_says() -> None:
    data = _seed_dict()  # a 2021 report
    data["template"] = "2019"
    with pytest.raises(SerializationError, match=r"extra fields found \(in_force, issued, repealed\) @ "
                                                 r"\$\.disclosure\.rules"):
        from_dict(data)
    data["template"] = "none"
    with pytest.raises(SerializationError, match=r"no section 二 table; expected null @ \$\.disclosure"):
        from_dict(data)


@pytest.mark.parametrize(("data", "message"), [
    (5, "expected an object, got int 5 @ $"),
    ({}, "required field missing @ $.schema_version"),
    ({"schema_version": 1, "tables": []}, "extra fields found (tables) @ $"),
    ({"schema_version": 1, 2: 3}, "extra fields found (2) @ $"),
])
def test_malformed_top_level(data: Any, message: str) -> None:
    with pytest.raises(SerializationError) as caught:
        from_dict(data)
    assert caught.value.errors == (message,)
    assert str(caught.value) == message


@pytest.mark.parametrize("text", ["{", "", b"\xff\xfe{", "[1, 2"])
def test_from_json_reports_bad_json(text: str | bytes) -> None:
    with pytest.raises(SerializationError, match=r"^not JSON \(.*\) @ \$$"):
        from_json(text)


# ---- the schema -----------------------------------------------------------------


def test_the_schema_describes_the_model() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["required"]) == {"schema_version", *attrs.fields_dict(gxgk.Report)}
    assert set(schema["$defs"]["Cell"]["properties"]) == {"value", "source"}
    assert schema["$defs"]["Template"]["enum"] == ["2019", "2021", "none"]
    assert json.loads(json.dumps(schema)) == schema
    assert json_schema() is not json_schema()  # a fresh copy each time: callers may edit it


@pytest.mark.parametrize(("path", "value"), [
    ("$.disclosure.fees.amount.value", 1.5),
    ("$.disclosure.fees.amount.value", "1e3"),
    ("$.meta.written_date", "15 Jan 2024"),
    ("$.template", "2019"),  # a 2021 table under a 2019 template
    ("$.schema_version", 2),
])
def test_the_schema_rejects_what_from_dict_rejects(path: str, value: object) -> None:
    data = _set(_seed_dict(), path, value)
    assert schema_errors(data, json_schema())
    with pytest.raises(SerializationError):
        from_dict(data)


def test_the_schema_is_valid_draft_2020_12_and_accepts_the_seeds() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(json_schema())
    validator = jsonschema.Draft202012Validator(json_schema())
    for path in SEEDS:
        validator.validate(to_dict(gxgk.parse(path.read_bytes())))
    assert not validator.is_valid(_set(_seed_dict(), "$.requests.rows[0].total.value", 1.5))
