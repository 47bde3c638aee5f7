"""Issue 17: the auditor's workbench — `gxgk check` as CSV, HTML and Excel, series and aggregates.

Every output is tried on a folder holding clean seeds, a report with a broken total and a junk
file: each file is named in each output, and the broken total with its rule code.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import attrs
import pytest

import gxgk
from gxgk.cli import main

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _broken(folder: Path) -> Path:
    """A pipe-layout 2023 report whose 行政复议 总计 is 0 beside 10 + 1 + 0 + 0 (H4)."""
    report = gxgk.parse(SEEDS[1])
    assert report.appeals is not None
    review = gxgk.AppealBlock(*(gxgk.Cell(v) for v in (10, 1, 0, 0, 0)))
    report = attrs.evolve(report, appeals=attrs.evolve(report.appeals, review=review))
    path = folder / "broken.txt"
    path.write_text(gxgk.render(report, "pipe"), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    root.mkdir()
    shutil.copyfile(SEEDS[0], root / "clean_2019.txt")
    shutil.copyfile(SEEDS[2], root / "clean_2020.txt")
    _broken(root)
    (root / "junk.bin").write_bytes(bytes(range(256)) * 8)
    return root


NAMES = ("clean_2019.txt", "clean_2020.txt", "broken.txt", "junk.bin")


def test_csv_has_a_bom_and_a_row_per_problem(capsys: pytest.CaptureFixture[str], folder: Path,
                                             tmp_path: Path) -> None:
    target = tmp_path / "audit.csv"
    status, _, _ = run(capsys, "check", str(folder), "--format", "csv", "-o", str(target), "--lang", "zh")
    assert status == 1
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == ["file", "organ", "year", "code", "severity", "section", "row", "column", "expected",
                             "actual", "message", "cells"]
    h4 = [row for row in rows if row["code"] == "H4"]
    assert h4 and h4[0]["file"].endswith("broken.txt") and h4[0]["severity"] == "error"
    assert h4[0]["expected"] and h4[0]["cells"].count("·") >= 2 and "总计" in h4[0]["message"]
    junk = [row for row in rows if row["file"].endswith("junk.bin")]
    assert any(row["code"] == "P-not-a-report" and row["severity"] == "error" for row in junk)
    assert len({row["code"] + row["file"] for row in h4}) == len(h4)  # a row per finding, not per cell


def test_html_is_one_self_contained_page(capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "audit.html"
    status, _, _ = run(capsys, "check", str(folder), "--format", "html", "-o", str(target), "--lang", "zh")
    assert status == 1
    page = target.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "@media print" in page
    assert "<script" not in page and "http" not in page.replace("http-equiv", "")  # no network, no JavaScript
    for name in NAMES:
        assert name in page
    assert "H4" in page and "class='failing'" in page and "✗" in page and "∅ 空白" in page
    assert page.count("<section class='report'") == 4
    assert "不是按官方模板编写" in page  # the junk file's reason, in Chinese


def test_xlsx_has_a_summary_and_a_findings_sheet(capsys: pytest.CaptureFixture[str], folder: Path,
                                                 tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "audit.xlsx"
    status, _, _ = run(capsys, "check", str(folder), "--format", "xlsx", "-o", str(target))
    assert status == 1
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Summary", "Findings"]
    summary, findings = book["Summary"], book["Findings"]
    assert summary.freeze_panes == "A2" and findings.auto_filter.ref
    files = [summary.cell(row=r, column=1).value for r in range(2, summary.max_row + 1)]
    assert sorted(os.path.basename(str(f)) for f in files) == sorted(NAMES)  # the folder's files, sorted by path
    codes = [findings.cell(row=r, column=4).value for r in range(2, findings.max_row + 1)]
    assert "H4" in codes and "P-not-a-report" in codes
    assert run(capsys, "check", str(folder), "--format", "xlsx")[0] == 2  # a workbook needs -o


def test_json_names_every_file(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, out, _ = run(capsys, "check", str(folder), "-f", "json")
    problems = json.loads(out)
    assert status == 1
    assert {os.path.basename(p["path"]) for p in problems} >= {"broken.txt", "junk.bin"}
    h4 = next(p for p in problems if p["code"] == "H4")
    assert h4["section"] == 4 and h4["cells"] and h4["expected"] is not None


def _year(report: gxgk.Report, year: int, carried_in: int) -> gxgk.Report:
    """``report`` as the agency's report of ``year``, with 上年结转 · 自然人 set."""
    assert report.requests is not None and report.meta.title is not None
    rows = tuple(attrs.evolve(row, natural_person=gxgk.Cell(carried_in)) if row.name.startswith("二、上年结转")
                 else row for row in report.requests)
    title = report.meta.title.replace(str(report.meta.year), str(year))
    return attrs.evolve(report, meta=attrs.evolve(report.meta, title=title, year=year),
                        requests=gxgk.Requests(rows))


def test_series_finds_a_break_between_two_years(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    base = gxgk.parse(SEEDS[0])  # 礼泉县 2019
    assert base.requests is not None
    carried_out = base.requests.row("四、结转下年度继续办理").natural_person.value
    assert isinstance(carried_out, int)
    (tmp_path / "2019.txt").write_text(gxgk.render(base, "pipe"), encoding="utf-8")
    (tmp_path / "2020.txt").write_text(gxgk.render(_year(base, 2020, carried_out + 7), "pipe"), encoding="utf-8")
    _, plain, _ = run(capsys, "check", str(tmp_path))
    assert "X1" not in plain
    status, out, _ = run(capsys, "check", "--series", str(tmp_path))
    assert " X1 " in out.replace("X1  ", " X1 ") and "2020.txt" in out.split(" X1")[0]
    assert status in (0, 1)


def test_parent_finds_an_aggregate_break(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    child = gxgk.parse(SEEDS[0])
    (tmp_path / "a.txt").write_text(gxgk.render(child, "pipe"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(gxgk.render(child, "pipe"), encoding="utf-8")
    parent = tmp_path.parent / f"{tmp_path.name}_parent.txt"
    parent.write_text(gxgk.render(child, "pipe"), encoding="utf-8")  # not the sum of two copies of itself
    _, out, _ = run(capsys, "check", "--parent", str(parent), str(tmp_path), "-f", "json")
    problems = json.loads(out)
    a1 = [p for p in problems if p["code"].startswith("A1") and p["code"] != "A1-missing"]
    assert a1 and all(p["path"] == str(parent) for p in a1)


def test_markdown_is_github_flavoured(capsys: pytest.CaptureFixture[str]) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    status, out, _ = run(capsys, "render", str(SEEDS[1]), "-l", "markdown")
    assert status == 0
    parser = markdown_it.MarkdownIt("commonmark").enable("table")  # GitHub's tables on CommonMark
    tokens = parser.parse(out)
    tables = [t for t in tokens if t.type == "table_open"]
    headings = [t for t in tokens if t.type == "heading_open"]
    assert len(tables) >= 3 and len(headings) >= 7  # the title and the six sections
    html = parser.render(out)
    assert "<th>行政复议</th>" in html and "<td>一、本年新收政府信息公开申请数量</td>" in html
    assert "一、本年新收政府信息公开申请数量" in html


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_chromium() is None and not os.environ.get("CI"),
                    reason="no Chromium here (.ci/run installs Debian's chromium)")
def test_the_audit_page_renders_in_a_real_browser(capsys: pytest.CaptureFixture[str], folder: Path,
                                                  tmp_path: Path) -> None:
    browser = _chromium()
    assert browser is not None, "CI must have Chromium: .ci/run installs it"
    page = tmp_path / "audit.html"
    run(capsys, "check", str(folder), "--format", "html", "-o", str(page), "--lang", "zh")
    shot = tmp_path / "audit.png"
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,1600",
                           f"--screenshot={shot}", page.as_uri()],
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a rendered page, not a blank one
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 1600)
