"""Hypothesis strategies that generate reports of both official templates.

Generated reports are what a clean parse of a well-formed report gives:
official labels, values of the right kind per column, blanks (``None``)
anywhere, signed changes, decimal amounts, narratives full of numbers.
``consistent_requests`` builds section 三 matrices where every hard identity
holds, for the validation properties.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import strategies as st

import gxgk
from gxgk.template.spec import (
    APPEAL_COLUMN_FIELDS,
    DISCLOSURE_ROWS,
    REQUEST_ROWS,
    RequestRowSpec,
    Template,
    ValueKind,
    request_rows,
)

ORGANS = ("礼泉县人民政府", "永城市行政审批和政务信息管理局", "都龙镇人民政府", "常德经济技术开发区管理委员会",
          "垫江县司法局", "上海市科学技术委员会", "平潭综合实验区管委会")

# Sentences a narrative may hold: numbers glued and spaced, years, dates,
# percentages, words that are also table labels.
SENTENCES = (
    "全年主动公开政府信息 4979 条，其中政策文件 68 条。",
    "本年度共收到政府信息公开申请12件，已全部办结。",
    "办结率达到100%，群众满意度 98.5% 。",
    "统计期限自2020年1月1日起至2020年12月31日止。",
    "门户网站访问总量达到 460000 余次。",
    "严格落实“三审三校”制度，确保信息准确。",
    "持续推进决策、执行、管理、服务、结果公开。",
    "电话：0736-7320508，邮编：415001。",
    "下一步将进一步加强培训，提高工作人员业务能力。",
    "依法办理行政许可事项，及时公开办理结果。",
)

counts = st.integers(min_value=0, max_value=999_999)
small_counts = st.integers(min_value=0, max_value=60)
deltas = st.integers(min_value=-9_999, max_value=9_999)
amounts = st.one_of(*(st.decimals(min_value=0, max_value=10**8, places=places) for places in (0, 2, 4)))

_BY_KIND = {ValueKind.COUNT: counts, ValueKind.DELTA: deltas, ValueKind.AMOUNT: amounts}


@st.composite
def cells(draw: st.DrawFn, kinds: list[ValueKind], blank_rate: float = 0.08) -> list[gxgk.Cell]:
    """One cell per kind; each is blank with probability about ``blank_rate``."""
    values = [draw(_BY_KIND[kind]) for kind in kinds]
    blanks = draw(st.lists(st.floats(0, 1), min_size=len(kinds), max_size=len(kinds)))
    return [gxgk.Cell(None if roll < blank_rate else value) for value, roll in zip(values, blanks, strict=True)]


@st.composite
def narratives(draw: st.DrawFn) -> gxgk.Narrative:
    lines = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4))
    return gxgk.Narrative("\n".join(lines))


@st.composite
def disclosures(draw: st.DrawFn, template: Template, blank_rate: float = 0.08
                ) -> gxgk.Disclosure2019 | gxgk.Disclosure2021:
    cls = gxgk.Disclosure2019 if template is Template.V2019 else gxgk.Disclosure2021
    fields = attrs.fields_dict(cls)
    rows = {}
    for spec in DISCLOSURE_ROWS[template]:
        row_cls: type[Any] = type(fields[spec.field].default)
        rows[spec.field] = row_cls(*draw(cells([col.kind for col in spec.columns], blank_rate)))
    return cls(**rows)


@st.composite
def request_matrices(draw: st.DrawFn, template: Template, blanks: bool = True) -> gxgk.Requests:
    rate = 0.08 if blanks else 0.0
    rows = [gxgk.RequestRow(spec.label, *draw(cells([ValueKind.COUNT] * 7, rate)))
            for spec in request_rows(template)]
    return gxgk.Requests(tuple(rows))


@st.composite
def consistent_requests(draw: st.DrawFn, template: Template) -> gxgk.Requests:
    """A matrix where H1, H2 and H3 hold in every column and row."""
    specs = request_rows(template)
    result_specs = [s for s in specs if s.path[0].startswith("三、") and s.name != "（七）总计"]
    columns = []
    for _ in range(6):
        results = [draw(small_counts) for _ in result_specs]
        carried_out = draw(small_counts)
        total = sum(results)
        carried_in = draw(st.integers(0, total + carried_out))
        new = total + carried_out - carried_in
        columns.append({"一": new, "二": carried_in, "七": total, "四": carried_out, "results": results})
    return _matrix(specs, columns)


def _matrix(specs: tuple[RequestRowSpec, ...], columns: list[dict[str, Any]]) -> gxgk.Requests:
    """Rows of 三 from per-column figures (一, 二, 七, 四 and the result rows); 总计 is their sum."""
    rows = []
    result_index = 0
    for spec in specs:
        if spec.name == "（七）总计":
            values = [col["七"] for col in columns]
        elif spec.path[0].startswith("三、"):
            values = [col["results"][result_index] for col in columns]
            result_index += 1
        else:
            values = [col[spec.path[0][0]] for col in columns]
        cells = [gxgk.Cell(v) for v in values] + [gxgk.Cell(sum(values))]
        rows.append(gxgk.RequestRow(spec.label, *cells))
    return gxgk.Requests(tuple(rows))


@st.composite
def appeals(draw: st.DrawFn, consistent: bool = False) -> gxgk.Appeals:
    blocks = []
    for _ in range(3):
        if consistent:
            parts = [draw(small_counts) for _ in range(4)]
            values = [*parts, sum(parts)]
            blocks.append(gxgk.AppealBlock(*(gxgk.Cell(v) for v in values)))
        else:
            blocks.append(gxgk.AppealBlock(*draw(cells([ValueKind.COUNT] * len(APPEAL_COLUMN_FIELDS)))))
    return gxgk.Appeals(*blocks)


@st.composite
def reports(draw: st.DrawFn, template: Template | None = None, consistent: bool = False,
            blanks: bool = True) -> gxgk.Report:
    """A report as a clean parse of a well-formed rendering would give it.

    ``consistent`` reports satisfy every hard identity; ``blanks=False`` leaves
    no cell blank (flattened text cannot show a blank cell).
    """
    chosen = template or draw(st.sampled_from([Template.V2019, Template.V2021]))
    year = draw(st.integers(2019, 2020) if chosen is Template.V2019 else st.integers(2021, 2026))
    organ = draw(st.sampled_from(ORGANS))
    title = f"{organ}{year}年政府信息公开工作年度报告"
    requests = draw(consistent_requests(chosen) if consistent else request_matrices(chosen))
    return gxgk.Report(
        template=chosen,
        meta=gxgk.Meta(title=title, year=year, organ=organ),
        overview=draw(narratives()),
        disclosure=draw(disclosures(chosen, 0.08 if blanks else 0.0)),
        requests=requests,
        appeals=draw(appeals(consistent)),
        problems=draw(narratives()),
        other_matters=draw(narratives()),
    )


__all__ = ["REQUEST_ROWS", "appeals", "consistent_requests", "disclosures", "reports"]


# ---- For the validation properties ------------------------------------------


@st.composite
def carried_requests(draw: st.DrawFn, template: Template, carried_in: list[int]) -> gxgk.Requests:
    """A matrix where H1, H2 and H3 hold and 二、上年结转 is ``carried_in`` (six applicant columns).

    Lets a pair of years satisfy X1: this year's 二 is last year's 四.
    """
    specs = request_rows(template)
    results_count = sum(1 for s in specs if s.path[0].startswith("三、") and s.name != "（七）总计")
    columns = []
    for carried in carried_in:
        results = [draw(small_counts) for _ in range(results_count)]
        total = sum(results)
        carried_out = draw(st.integers(max(0, carried - total), max(0, carried - total) + 60))
        columns.append({"一": total + carried_out - carried, "二": carried, "七": total, "四": carried_out,
                        "results": results})
    return _matrix(specs, columns)


def template_of(year: int) -> Template:
    """The template a report on ``year`` uses."""
    return Template.V2019 if year <= 2020 else Template.V2021


@st.composite
def consistent_pairs(draw: st.DrawFn) -> tuple[gxgk.Report, gxgk.Report]:
    """Two consecutive years of one agency, each consistent, with X1 holding between them.

    The pair crosses the 2020→2021 template change about one time in five.
    """
    year = draw(st.integers(2020, 2025))
    previous = draw(reports(template_of(year - 1), consistent=True))
    previous = attrs.evolve(previous, meta=attrs.evolve(previous.meta, year=year - 1))
    assert previous.requests is not None
    carried = list(previous.requests.row("四、结转下年度继续办理").values[:6])
    current = draw(reports(template_of(year), consistent=True))
    requests = draw(carried_requests(template_of(year), carried))  # type: ignore[arg-type]
    current = attrs.evolve(current, requests=requests,
                           meta=attrs.evolve(current.meta, year=year, organ=previous.meta.organ))
    return previous, current


__all__ += ["carried_requests", "consistent_pairs", "template_of"]
