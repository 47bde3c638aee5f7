"""Issue 21: a template is data. A test-only third template, defined here purely as data, is parsed,
validated, rendered and turned into records and dicts with no change to gxgk's code.

The template is a 2019 variant: section 二's column 本年新制作数量 renamed 本年制作数量, and one row
added to section 三 (（五）不予处理 / 6.其他不予处理情形). Its report is a seed rendered in pipe layout
and edited as such a report would print: the renamed header, and the new row carrying a request that
the totals count (一、本年新收 and （七）总计 one more for 自然人), so every identity still holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import gxgk
from gxgk.template.spec import (
    DISCLOSURE_ROWS,
    REQUEST_ROWS,
    TEMPLATE_MARKERS,
    RequestRowSpec,
    register_template,
    unregister_template,
)

SEED = Path(__file__).parent / "data" / "seeds" / "000_162678df96faa959.txt"  # a 2019 report
OLD_COLUMN, NEW_COLUMN = "本年新制作数量", "本年制作数量"
NEW_ROW = ("三、本年度办理结果", "（五）不予处理", "6.其他不予处理情形")
AFTER = "5.要求行政机关确认或重新出具已获取信息"


@pytest.fixture
def variant() -> Iterator[gxgk.Template]:
    """The third template: nothing but data handed to register_template."""
    base = gxgk.Template.V2019
    disclosure = tuple(
        attrs.evolve(row, columns=tuple(attrs.evolve(column, label=NEW_COLUMN) if column.label == OLD_COLUMN
                                        else column for column in row.columns))
        for row in DISCLOSURE_ROWS[base])
    position = next(i for i, spec in enumerate(REQUEST_ROWS[base]) if spec.name == AFTER) + 1
    requests = (*REQUEST_ROWS[base][:position], RequestRowSpec(NEW_ROW, r"其他不予处理(?:情形)?"),
                *REQUEST_ROWS[base][position:])
    markers = tuple(NEW_COLUMN if word == OLD_COLUMN else word for word in TEMPLATE_MARKERS[base])
    template = register_template("V2019X", "2019x", base, disclosure_rows=disclosure, request_rows=requests,
                                 markers=(*markers, "其他不予处理情形"),
                                 row_keys={NEW_ROW[-1]: "not_processed_other"}, column_keys={NEW_COLUMN: "issued"})
    yield template
    unregister_template(template)


def _plus_one(line: str, column: int) -> str:
    """A pipe row with one more in value column ``column`` and in its total (the last)."""
    label, *cells = [part.strip() for part in line.rstrip(" |").split("|")]
    values = [int(cell) for cell in cells]
    values[column] += 1
    values[-1] += 1
    return " | ".join([label, *map(str, values)]) + " |"


def _variant_text() -> str:
    """The seed as a report on the variant prints it."""
    lines = gxgk.render(gxgk.parse(SEED), "pipe").replace(OLD_COLUMN, NEW_COLUMN).split("\n")
    out = []
    for line in lines:
        if line.startswith(("一、本年新收", "（七）总计")):
            line = _plus_one(line, 0)
        out.append(line)
        if line.startswith(AFTER):
            out.append(f"{NEW_ROW[-1]} | 1 | 0 | 0 | 0 | 0 | 0 | 1 |")
    return "\n".join(out)


def test_a_template_defined_as_data_is_read_checked_written_and_recorded(variant: gxgk.Template) -> None:
    assert gxgk.Template("2019x") is variant and variant.family is gxgk.Template.V2019
    assert variant in list(gxgk.Template)
    text = _variant_text()
    report = gxgk.parse(text)
    assert report.template is variant
    # parsed: the new row with its values, the other rows as the seed's
    assert report.requests is not None
    assert report.requests.row(NEW_ROW[-1]).values == (1, 0, 0, 0, 0, 0, 1)
    seed = gxgk.parse(SEED)
    assert report.disclosure == seed.disclosure and report.appeals == seed.appeals
    # validated: every identity holds, with the new row counted in （七）总计, and no row is missing or extra
    errors = [f.code for f in gxgk.validate(report) if f.severity is gxgk.Severity.ERROR]
    assert errors == []
    # records: the official labels of the variant
    records = gxgk.to_records(report)
    columns = {r.column for r in records if r.section == 2}
    assert NEW_COLUMN in columns and OLD_COLUMN not in columns
    assert [r.value for r in records if r.row == " / ".join(NEW_ROW)] == [1, 0, 0, 0, 0, 0, 1]
    assert len(records) == len(gxgk.to_records(seed)) + 7
    # rendered and read back, in every layout the writers have
    for layout in gxgk.LAYOUTS:
        written = gxgk.render(report, layout)
        assert NEW_COLUMN in written and NEW_ROW[-1] in written, layout
        again = gxgk.parse(written)
        assert again.template is variant, layout
        assert [r[:5] for r in gxgk.to_records(again)] == [r[:5] for r in records], layout  # (lines differ)
    # the dict form names the template by its value and reads it back
    assert gxgk.to_dict(report)["template"] == "2019x"
    assert gxgk.from_dict(gxgk.to_dict(report)) == report


def test_the_same_text_without_the_template_is_a_2019_report_that_says_what_it_lacks() -> None:
    """Without the data, the variant's text reads as the 2019 template, and its extra row is not invented."""
    report = gxgk.parse(_variant_text())
    assert report.template is gxgk.Template.V2019
    assert all(NEW_ROW[-1] not in r.row for r in gxgk.to_records(report))
    assert "H2" in {f.code for f in gxgk.validate(report)}  # （七）总计 counts a request no row of 2019 holds


def test_a_registered_name_or_value_cannot_be_taken_twice(variant: gxgk.Template) -> None:
    with pytest.raises(ValueError, match="exists already"):
        register_template("V2019X", "other", gxgk.Template.V2019, disclosure_rows=(), request_rows=(), markers=())
    with pytest.raises(ValueError, match="official"):
        unregister_template(gxgk.Template.V2019)
    assert gxgk.parse(SEED).template is gxgk.Template.V2019 and DISCLOSURE_ROWS[gxgk.Template.V2019]
    assert re.fullmatch(r"<Template\.V2019X: '2019x'>", repr(variant))
