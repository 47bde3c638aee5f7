"""The ``gxgk`` command line: ``parse``, ``check``, ``render`` and ``demo``.

Also runs as ``python -m gxgk``.  Exit status: 0 when all went well, 1 when
``check`` found errors (warnings too with ``--strict``), 2 when some input
could not be read (the rest of the batch is still processed and written).
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from importlib import resources
from typing import IO, Any, Final, TypeAlias

from ._batch import ParseFailure, SourcedRecord, parse_many, to_records_many
from ._convert import to_dict
from ._model import Report, Severity
from ._parse import parse
from ._render import LAYOUTS, appeals_table, disclosure_table, render, requests_table
from ._rules import Finding
from ._validate import FindingRecord, findings_records, validate

__all__ = ["build_parser", "main"]

EXAMPLES: Final = ("liquan_2019.txt", "yongcheng_2023.txt")
STDIN: Final = "-"
#: Exit statuses.
OK, FINDINGS, FAILED = 0, 1, 2
#: A progress bar is drawn (on a terminal) from this many files on.
PROGRESS_FROM: Final = 20

Result: TypeAlias = "Report | ParseFailure"
Results: TypeAlias = Iterator[tuple[str, Result]]


# ---- Inputs -------------------------------------------------------------------


def expand(args: Sequence[str]) -> list[str]:
    """The files named by ``args``: files as given, folders walked, globs matched, ``-`` kept.

    Hidden files and folders (names starting with ``.``) inside a folder are
    skipped; an argument that names nothing is kept, to be reported as unreadable.
    """
    paths: list[str] = []
    for arg in args:
        if arg == STDIN or os.path.isfile(arg):
            paths.append(arg)
        elif os.path.isdir(arg):
            paths.extend(_walk(arg))
        elif glob.has_magic(arg) and (matches := sorted(glob.glob(arg, recursive=True))):
            paths.extend(path for match in matches for path in ([match] if os.path.isfile(match) else _walk(match)))
        else:
            paths.append(arg)
    return paths


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        found.extend(os.path.join(root, name) for name in sorted(files) if not name.startswith("."))
    return found


def results(paths: Sequence[str], jobs: int) -> Results:
    """``(path, report or failure)`` in input order; ``-`` is standard input, read in this process."""
    start = 0
    while start < len(paths):
        end = paths.index(STDIN, start) if STDIN in paths[start:] else len(paths)
        if end > start:
            yield from parse_many(paths[start:end], jobs=min(jobs, end - start))
        if end < len(paths):
            yield STDIN, _read_stdin()
        start = end + 1


def _read_stdin() -> Result:
    try:
        return parse(sys.stdin.buffer.read())
    except OSError as exc:
        return ParseFailure(STDIN, f"cannot read standard input: {exc.strerror or exc}")


class Batch:
    """Walks the results: reports failures on stderr, draws progress, remembers the exit status."""

    def __init__(self, paths: Sequence[str], jobs: int) -> None:
        self.paths = paths
        self.jobs = jobs
        self.failed = 0
        self.progress = len(paths) >= PROGRESS_FROM and sys.stderr.isatty()

    def reports(self) -> Iterator[tuple[str, Report]]:
        """The reports, in input order; failures are told on stderr as they come."""
        for done, (path, result) in enumerate(results(self.paths, self.jobs), start=1):
            if isinstance(result, ParseFailure):
                self.failed += 1
                self._say(f"gxgk: {path}: {result.reason}")
            else:
                yield path, result
            if self.progress:
                self._bar(done)
        if self.progress:
            self._say("")

    def status(self) -> int:
        return FAILED if self.failed else OK

    def _say(self, message: str) -> None:
        if self.progress:
            sys.stderr.write("\r\x1b[K")
        if message:
            print(message, file=sys.stderr)

    def _bar(self, done: int) -> None:
        total, width = len(self.paths), 30
        filled = width * done // total
        sys.stderr.write(f"\r{done}/{total} [{'#' * filled}{'.' * (width - filled)}] {100 * done // total}%")
        sys.stderr.flush()


@contextmanager
def output(path: str | None) -> Iterator[IO[str]]:
    """``--output FILE`` (UTF-8) or standard output."""
    if path is None or path == STDIN:
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            yield stream


def _plain(value: object) -> object:
    """JSON for what :mod:`json` does not know: decimals as exact strings."""
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _dumps(data: object, indent: int | None = None) -> str:
    return json.dumps(data, ensure_ascii=False, default=_plain, indent=indent)


# ---- gxgk parse -------------------------------------------------------------------


def _document(path: str, report: Report) -> dict[str, Any]:
    return {"path": path, "report": to_dict(report)}


def _write_jsonl(batch: Batch, out: IO[str]) -> None:
    for path, report in batch.reports():
        out.write(_dumps(_document(path, report)) + "\n")


class JsonArray:
    """A JSON array written item by item, so a long batch is never held in memory."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.count = 0
        out.write("[")

    def extend(self, items: Iterable[object]) -> None:
        for item in items:
            self.out.write(("," if self.count else "") + "\n" + _dumps(item))
            self.count += 1

    def close(self) -> None:
        self.out.write("\n]\n" if self.count else "]\n")


def _write_json(batch: Batch, out: IO[str]) -> None:
    array = JsonArray(out)
    array.extend(_document(path, report) for path, report in batch.reports())
    array.close()


def _write_csv(batch: Batch, out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SourcedRecord._fields)
    for record in to_records_many(batch.reports()):
        writer.writerow("" if value is None else value for value in record)


WRITERS: Final[dict[str, Callable[[Batch, IO[str]], None]]] = {
    "jsonl": _write_jsonl, "json": _write_json, "csv": _write_csv}


def _parse_command(args: argparse.Namespace) -> int:
    batch = Batch(expand(args.paths), args.jobs)
    with output(args.output) as out:
        WRITERS[args.format](batch, out)
    return batch.status()


# ---- gxgk check -------------------------------------------------------------------


def _failing(findings: Sequence[Finding], strict: bool) -> bool:
    levels = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(finding.severity in levels for finding in findings)


def _finding_lines(path: str, findings: Sequence[Finding], lang: str, info: bool) -> list[str]:
    findings = [finding for finding in findings if info or finding.severity is not Severity.INFO]
    if not findings:
        return []
    lines = [path]
    for finding in findings:
        message = finding.message_zh if lang == "zh" else finding.message
        lines.append(f"  {finding.severity.value:<7}  {finding.code:<16}  {message}")
    return lines


def _finding_dict(path: str, record: FindingRecord) -> dict[str, Any]:
    return {"path": path, **record._asdict()}


def _check_command(args: argparse.Namespace) -> int:
    batch = Batch(expand(args.paths), args.jobs)
    counts = dict.fromkeys(Severity, 0)
    failing = checked = 0
    with output(args.output) as out:
        array = JsonArray(out) if args.format == "json" else None
        for path, report in batch.reports():
            findings = validate(report)
            checked += 1
            failing += _failing(findings, args.strict)
            for finding in findings:
                counts[finding.severity] += 1
            if array is None:
                out.write("".join(line + "\n" for line in _finding_lines(path, findings, args.lang, args.info)))
            else:
                array.extend(_finding_dict(path, record) for record in findings_records(findings))
        if array is None:
            out.write(_summary(checked, counts, failing, args.strict) + "\n")
        else:
            array.close()
    return batch.status() or (FINDINGS if failing else OK)


def _summary(checked: int, counts: dict[Severity, int], failing: int, strict: bool) -> str:
    tally = ", ".join(f"{count} {severity.value}" for severity, count in counts.items())
    verdict = f"{failing} with {'errors or warnings' if strict else 'errors'}" if failing else "all pass"
    return f"{checked} report{'s' if checked != 1 else ''} checked: {tally} — {verdict}"


# ---- gxgk render ------------------------------------------------------------------


def _render_command(args: argparse.Namespace) -> int:
    paths = expand(args.paths)
    batch = Batch(paths, args.jobs)
    with output(args.output) as out:
        for path, report in batch.reports():
            if len(paths) > 1:
                out.write(f"==== {path}\n")
            out.write(render(report, args.layout, headings=not args.no_headings,
                             header_rows=not args.no_header_rows, blank=args.blank))
    return batch.status()


# ---- gxgk demo --------------------------------------------------------------------


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
    _show_findings(validate(report), out)


def _show_findings(findings: Sequence[Finding], out: list[str]) -> None:
    if findings:
        out.append("What does not add up (gxgk.validate):")
        out.extend(f"  [{f.severity.value}] {f.code}: {f.message}" for f in findings)
    else:
        out.append("Everything adds up: every total and identity gxgk.validate checks holds.")


def _demo(_args: argparse.Namespace) -> int:
    out: list[str] = []
    for name in EXAMPLES:
        out.append(f"==== gxgk demo: examples/{name} " + "=" * 20)
        _show(parse(_example(name)), out)
        out.append("")
    print("\n".join(out))
    return OK


# ---- The parser ---------------------------------------------------------------------


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {text!r}")
    return jobs


def _inputs() -> argparse.ArgumentParser:
    """The options every batch command shares."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("paths", nargs="+", metavar="PATH",
                        help="report files, folders (read recursively, hidden files skipped), "
                             "glob patterns, or '-' for standard input")
    common.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                        help="parse in N worker processes (default 1); output order is the same")
    common.add_argument("-o", "--output", metavar="FILE", help="write to FILE (UTF-8) instead of standard output")
    return common


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``gxgk`` command."""
    parser = argparse.ArgumentParser(prog="gxgk", description="Read government information disclosure annual "
                                     "reports (政府信息公开工作年度报告) into typed, validated data.",
                                     epilog="exit status: 0 ok, 1 check found errors, 2 some input failed")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = _inputs()
    demo = commands.add_parser("demo", help="parse the bundled example reports; print their tables and findings")
    demo.set_defaults(run=_demo)
    parse_cmd = commands.add_parser("parse", parents=[common], help="parse reports into JSON, JSON Lines or CSV")
    parse_cmd.add_argument("-f", "--format", choices=tuple(WRITERS), default="jsonl",
                           help="jsonl (default): one {path, report} document a line; json: an array of them; "
                                "csv: tidy records, one cell a row, with a header")
    parse_cmd.set_defaults(run=_parse_command)
    check = commands.add_parser("check", parents=[common], help="validate reports; exit 1 if any error is found")
    check.add_argument("-f", "--format", choices=("table", "json"), default="table",
                       help="table (default): readable findings; json: an array of finding records")
    check.add_argument("--strict", action="store_true", help="warnings fail the check too")
    check.add_argument("--info", action="store_true",
                       help="list info findings (what could not be assessed) in the table too; they are always counted")
    check.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the messages in the table")
    check.set_defaults(run=_check_command)
    render_cmd = commands.add_parser("render", parents=[common], help="write reports back as text in a layout")
    render_cmd.add_argument("-l", "--layout", choices=tuple(LAYOUTS), default="pipe", help="default: pipe")
    render_cmd.add_argument("--no-headings", action="store_true", help="leave out the six section headings")
    render_cmd.add_argument("--no-header-rows", action="store_true", help="leave out the tables' header rows")
    render_cmd.add_argument("--blank", metavar="TEXT", help="how a blank cell is written (default: per layout)")
    render_cmd.set_defaults(run=_render_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except BrokenPipeError:  # `gxgk parse folder | head`: the reader left; not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    except KeyboardInterrupt:
        print("gxgk: interrupted", file=sys.stderr)
        return 130
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
