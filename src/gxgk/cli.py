"""The ``gxgk`` command line: ``gxgk demo``, ``gxgk parse PATH…``.

Also runs as ``python -m gxgk``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from importlib import resources
from pathlib import Path

from ._model import Report
from ._parse import parse
from ._records import to_records
from ._render import appeals_table, disclosure_table, requests_table

__all__ = ["main"]

EXAMPLES = ("liquan_2019.txt", "yongcheng_2023.txt")


def _example(name: str) -> bytes:
    return resources.files("gxgk").joinpath("examples").joinpath(name).read_bytes()


def _show(report: Report, out: list[str]) -> None:
    meta = report.meta
    out.append(f"{meta.title or '(no title)'}")
    out.append(f"template {report.template.value} · year {meta.year} · organ {meta.organ}")
    for heading, table in (("二、主动公开政府信息情况", disclosure_table(report)),
                           ("三、收到和处理政府信息公开申请情况", requests_table(report)),
                           ("四、行政复议、行政诉讼情况", appeals_table(report))):
        out.append("")
        out.append(heading)
        out.extend(" | ".join(cell or "·" for cell in row) for row in table)
    out.append("")
    if report.diagnostics:
        out.append("What the parser had to guess or could not read:")
        out.extend(f"  [{d.severity.value}] {d.code}: {d.message}" + (f" (line {d.line})" if d.line else "")
                   for d in report.diagnostics)
    else:
        out.append("Every table cell was read; nothing had to be guessed.")


def _demo(_args: argparse.Namespace) -> int:
    out: list[str] = []
    for name in EXAMPLES:
        out.append(f"==== gxgk demo: examples/{name} " + "=" * 20)
        _show(parse(_example(name)), out)
        out.append("")
    print("\n".join(out))
    return 0


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


def _parse_command(args: argparse.Namespace) -> int:
    status = 0
    for path in args.paths:
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        except OSError as exc:
            print(f"gxgk: {path}: {exc.strerror or exc}", file=sys.stderr)
            status = 2
            continue
        report = parse(data)
        records = [record._asdict() for record in to_records(report)]
        document = {"path": path, "template": report.template.value, "year": report.meta.year,
                    "title": report.meta.title, "organ": report.meta.organ, "records": records,
                    "diagnostics": [{"code": d.code, "severity": d.severity.value, "message": d.message,
                                     "line": d.line} for d in report.diagnostics]}
        print(json.dumps(document, ensure_ascii=False, default=_json_default))
    return status


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``gxgk`` command."""
    parser = argparse.ArgumentParser(prog="gxgk", description="Read government information disclosure annual "
                                     "reports (政府信息公开工作年度报告) into typed, validated data.")
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="parse the bundled example reports and print what was read")
    demo.set_defaults(run=_demo)
    parse_cmd = commands.add_parser("parse", help="parse reports and print one JSON document per report")
    parse_cmd.add_argument("paths", nargs="+", help="report files ('-' reads standard input)")
    parse_cmd.set_defaults(run=_parse_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
