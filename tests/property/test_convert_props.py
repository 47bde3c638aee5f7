"""Properties of the dict form: ``from_dict(to_dict(r)) == r`` for every report, provenance included.

The generated reports of :mod:`tests.strategies` are what a clean parse gives;
here they are dressed with what a real parse adds (provenance on every cell
and narrative, dates and numbers in the metadata, diagnostics, off-template
reports) and with cell values of any magnitude and exponent.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gxgk
from gxgk import SerializationError, from_dict, from_json, json_schema, to_dict, to_json
from gxgk.model import Value
from tests.strategies import reports
from tests.test_convert import fingerprint, schema_errors

provenances = st.builds(gxgk.Provenance, start=st.integers(0, 10**7), end=st.integers(0, 10**7),
                        line=st.integers(1, 10**5), raw=st.text(max_size=12), note=st.none() | st.text(max_size=20))
any_values = st.one_of(st.none(), st.integers(), st.decimals(allow_nan=False, allow_infinity=False))
metas = st.builds(gxgk.Meta, title=st.none() | st.text(max_size=30), year=st.none() | st.integers(),
                  organ=st.none() | st.text(max_size=20), index_number=st.none() | st.text(max_size=20),
                  document_number=st.none() | st.text(max_size=20), publisher=st.none() | st.text(max_size=20),
                  written_date=st.none() | st.dates(), published_date=st.none() | st.dates(),
                  url=st.none() | st.text(max_size=40))
diagnostics = st.builds(gxgk.Diagnostic, code=st.text(max_size=10), message=st.text(max_size=40),
                        severity=st.sampled_from(gxgk.Severity), start=st.none() | st.integers(0, 10**7),
                        line=st.none() | st.integers(1, 10**5))


@attrs.frozen
class _Dressing:
    """Pools to dress a report from: a few draws, spread over hundreds of cells by ``rng``."""

    rng: random.Random
    sources: list[gxgk.Provenance | None]
    values: list[Value]
    headings: list[str]


dressings = st.builds(_Dressing, st.randoms(use_true_random=False), st.lists(st.none() | provenances, min_size=1,
                      max_size=6), st.lists(any_values, max_size=6), st.lists(st.text(max_size=10), max_size=4))


def _dress(obj: Any, how: _Dressing) -> Any:
    """``obj`` with provenance on its cells and narratives, and now and then an unusual value."""
    if isinstance(obj, gxgk.Cell):
        unusual = how.values and how.rng.random() < 0.1
        return gxgk.Cell(how.rng.choice(how.values) if unusual else obj.value, how.rng.choice(how.sources))
    if isinstance(obj, tuple):
        return tuple(_dress(item, how) for item in obj)
    if not attrs.has(type(obj)):
        return obj
    changes = {f.name: _dress(getattr(obj, f.name), how) for f in attrs.fields(type(obj))}
    if isinstance(obj, gxgk.Narrative):
        changes["source"] = how.rng.choice(how.sources)
        changes["headings"] = tuple(how.rng.sample(how.headings, how.rng.randint(0, len(how.headings))))
    return attrs.evolve(obj, **changes)


@st.composite
def parsed_reports(draw: st.DrawFn) -> gxgk.Report:
    """Reports as a real parse gives them, on a template or off it."""
    report: gxgk.Report = _dress(draw(reports()), draw(dressings))
    report = attrs.evolve(report, meta=draw(metas), diagnostics=tuple(draw(st.lists(diagnostics, max_size=4))))
    missing = draw(st.sets(st.sampled_from(_SECTIONS), max_size=2))
    sections: dict[str, Any] = dict.fromkeys(missing)
    if draw(st.integers(0, 5)) == 0:
        sections.update(template=gxgk.Template.NONE, disclosure=None, requests=None, appeals=None)
    return attrs.evolve(report, **sections)


_SECTIONS = ("overview", "disclosure", "requests", "appeals", "problems", "other_matters")


@given(report=parsed_reports())
def test_from_dict_inverts_to_dict(report: gxgk.Report) -> None:
    """The issue: ``from_dict(to_dict(r)) == r`` for every report; and provenance comes back too."""
    back = from_dict(to_dict(report))
    assert back == report
    assert fingerprint(back) == fingerprint(report)


@given(report=parsed_reports())
def test_from_json_inverts_to_json(report: gxgk.Report) -> None:
    assert fingerprint(from_json(to_json(report))) == fingerprint(report)


@given(report=parsed_reports())
def test_the_dict_form_is_plain_json_valid_against_the_schema(report: gxgk.Report) -> None:
    data = to_dict(report)
    assert json.loads(json.dumps(data)) == data
    assert schema_errors(data, json_schema()) == []


def _paths(data: Any, path: str = "$") -> list[str]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, f"{path}[{index}]")
    return found


def _replace(data: Any, path: str, steps: list[str], value: object) -> Any:
    if not steps:
        return value
    step, rest = steps[0], steps[1:]
    if isinstance(data, dict):
        return {key: _replace(item, path, rest, value) if key == step else item for key, item in data.items()}
    return [_replace(item, path, rest, value) if str(index) == step else item for index, item in enumerate(data)]


@given(report=parsed_reports(), data=st.data())
def test_a_bad_value_anywhere_is_reported_at_its_path(report: gxgk.Report, data: st.DataObject) -> None:
    """No float belongs anywhere in the dict form: one planted anywhere is named by its path."""
    document = to_dict(report)
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    steps = [part for part in path[1:].replace("[", ".").replace("]", "").split(".") if part]
    with pytest.raises(SerializationError) as caught:
        from_dict(_replace(document, path, steps, 0.5))
    assert any(error.endswith(f" @ {path}") for error in caught.value.errors), caught.value.errors


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
report_keys = st.sampled_from(["schema_version", *attrs.fields_dict(gxgk.Report)])


@given(data=st.dictionaries(report_keys, json_values, max_size=6) | json_values,
       version=st.sampled_from([None, 1]))
def test_arbitrary_json_gives_a_report_or_a_serialization_error(data: Any, version: int | None) -> None:
    """A fuzzer that accepts only the library's own error (tomli's habit)."""
    if version is not None and isinstance(data, dict):
        data = {**data, "schema_version": version}
    try:
        report = from_dict(data)
    except SerializationError as error:
        assert error.errors and all(" @ $" in line for line in error.errors)
    else:
        assert fingerprint(from_dict(to_dict(report))) == fingerprint(report)


@given(value=st.decimals(allow_nan=False, allow_infinity=False) | st.integers())
def test_cell_values_survive_exactly(value: int | Decimal) -> None:
    report = gxgk.Report(gxgk.Template.V2021, disclosure=gxgk.Disclosure2021(fees=gxgk.FeeRow2021(gxgk.Cell(value))))
    back = from_json(to_json(report))
    assert isinstance(back.disclosure, gxgk.Disclosure2021)
    assert repr(back.disclosure.fees.amount.value) == repr(value)
