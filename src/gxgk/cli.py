"""The ``gxgk`` command line: ``parse``, ``check``, ``render`` and ``demo``.

Also runs as ``python -m gxgk``.  Exit status, exactly:

* 0 — every input was read and nothing failed;
* 1 — ``check`` found what fails (errors; warnings too with ``--strict``);
* 2 — an input could not be read, nothing was read, the command line was
  wrong, or the output cannot be written.  A one-line message says which;
  the rest of a batch is still processed and written.

Text that the terminal cannot show (Chinese on an ASCII console) is written
with ``?`` in its place rather than stopping the command.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from importlib import resources
from typing import IO, Any, Final, TypeAlias, TypeVar

from . import __version__
from .batch import ParseFailure, expand_paths, map_reports, parse_many
from .model import Report, Severity
from .pipeline import MAX_SIZE, parse
from .rules.base import Finding
from .rules.problems import Problem, problems
from .rules.validate import validate, validate_aggregate, validate_series
from .template.spec import Template
from .write.audit import Checked, write_csv, write_html, write_xlsx
from .write.convert import to_dict
from .write.records import SourcedRecord, to_records, to_records_many
from .write.render import LAYOUTS, render

__all__ = ["build_parser", "main"]

EXAMPLES: Final = ("liquan_2019.txt", "flattened_2022.txt")
STDIN: Final = "-"
#: Exit statuses.
OK, FINDINGS, FAILED = 0, 1, 2
#: A progress bar is drawn (on a terminal) from this many files on.
PROGRESS_FROM: Final = 20

Result: TypeAlias = "Report | ParseFailure"
T = TypeVar("T")
Results: TypeAlias = Iterator[tuple[str, Result]]


# ---- Inputs -------------------------------------------------------------------


def expand(args: Sequence[str]) -> list[str]:
    """The files named by ``args`` (see :func:`gxgk.batch.expand_paths`); ``-`` is standard input."""
    return [os.fspath(path) for path in expand_paths(args)]


def results(paths: Sequence[str], jobs: int, max_size: int, then: Callable[[str, Report], T]
            ) -> Iterator[tuple[str, T | ParseFailure]]:
    """``(path, then(path, report) or failure)`` in input order, ``then`` run in the worker that parsed the
    report (:func:`_the_report` for the report itself); ``-`` is standard input, read in this process."""
    start = 0
    while start < len(paths):
        end = paths.index(STDIN, start) if STDIN in paths[start:] else len(paths)
        if end > start:
            yield from map_reports(paths[start:end], then, jobs=min(jobs, end - start), max_size=max_size)
        if end < len(paths):
            result = _read_stdin(max_size)
            yield STDIN, result if isinstance(result, ParseFailure) else then(STDIN, result)
        start = end + 1


def _the_report(_path: str, report: Report) -> Report:
    return report


def _read_stdin(max_size: int = MAX_SIZE) -> Result:
    try:
        return parse(sys.stdin.buffer.read(max_size + 1), max_size=max_size)
    except OSError as exc:
        return ParseFailure(STDIN, f"cannot read standard input: {exc.strerror or exc}")


class Batch:
    """Walks the results: reports failures on stderr, draws progress, remembers the exit status."""

    def __init__(self, paths: Sequence[str], jobs: int, max_size: int = MAX_SIZE) -> None:
        self.paths = paths
        self.jobs = jobs
        self.max_size = max_size
        self.failed = 0
        self.progress = len(paths) >= PROGRESS_FROM and sys.stderr.isatty()

    def reports(self) -> Iterator[tuple[str, Report]]:
        """The reports, in input order; failures are told on stderr as they come."""
        return self.mapped(_the_report)

    def mapped(self, then: Callable[[str, Report], T]) -> Iterator[tuple[str, T]]:
        """``then(path, report)`` of each report, made in the worker that parsed it (see ``reports``)."""
        for done, (path, result) in enumerate(results(self.paths, self.jobs, self.max_size, then), start=1):
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


class OutputError(Exception):
    """The output file cannot be written (exit status 2, one line, no traceback)."""


@contextmanager
def output(path: str | None, *, bom: bool = False) -> Iterator[IO[str]]:
    """``--output FILE`` (UTF-8, with a BOM if ``bom``) or standard output."""
    if path is None or path == STDIN:
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        stream = open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    with stream:
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
    csv.writer(out, lineterminator="\n").writerow(SourcedRecord._fields)
    for _path, rows in batch.mapped(csv_rows):
        out.write(rows)


def csv_rows(path: str, report: Report) -> str:
    """A report's tidy records as CSV lines (made where it was parsed: see :func:`gxgk.batch.map_reports`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for record in to_records_many([(path, report)]):
        writer.writerow("" if value is None else value for value in record)
    return buffer.getvalue()


WRITERS: Final[dict[str, Callable[[Batch, IO[str]], None]]] = {
    "jsonl": _write_jsonl, "json": _write_json, "csv": _write_csv}


def _parse_command(args: argparse.Namespace) -> int:
    batch = Batch(expand(args.paths), args.jobs, args.max_size)
    with output(args.output) as out:
        WRITERS[args.format](batch, out)
    return batch.status()


# ---- gxgk check -------------------------------------------------------------------


_RANK: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_LEVELS: Final = {False: frozenset({Severity.ERROR}), True: frozenset({Severity.ERROR, Severity.WARNING})}


class Tally:
    """What ``check`` counted: files, reports read, problems by severity, failing files."""

    def __init__(self) -> None:
        self.files = self.read = self.unreadable = self.failing = 0
        self.counts = dict.fromkeys(Severity, 0)

    def add(self, found: Sequence[Problem], strict: bool, is_report: bool) -> None:
        self.files += 1
        self.read += is_report
        for problem in found:
            self.counts[problem.severity] += 1
        self.failing += any(problem.severity in _LEVELS[strict] for problem in found)

    def status(self) -> int:
        if self.unreadable or not self.read:
            return FAILED
        return FINDINGS if self.failing else OK

    def summary(self, lang: str) -> str:
        e, w, i = (self.counts[s] for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        if lang == "zh":
            verdict = ("没有读到任何报告" if not self.read else f"{self.failing} 个文件未通过" if self.failing
                       else f"{self.unreadable} 个文件无法读取" if self.unreadable else "全部通过")
            return (f"共 {self.files + self.unreadable} 个文件：读取报告 {self.read} 份，"
                    f"无法读取 {self.unreadable} 个；错误 {e}，警告 {w}，提示 {i} — {verdict}")
        verdict = ("no report was read" if not self.read else f"{self.failing} failing" if self.failing
                   else f"{self.unreadable} unreadable" if self.unreadable else "all pass")
        files = self.files + self.unreadable
        return (f"{_count(files, 'file')}: {_count(self.read, 'report')} read, {self.unreadable} unreadable; "
                f"{_count(e, 'error')}, {_count(w, 'warning')}, {i} info — {verdict}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _problem_lines(path: str, found: Sequence[Problem], lang: str, info: bool) -> list[str]:
    shown = sorted((problem for problem in found if info or problem.severity is not Severity.INFO),
                   key=lambda problem: _RANK[problem.severity])  # errors first
    if not shown:
        return []
    return [path, *(f"  {p.severity.value:<7}  {p.code:<18}  {p.message_zh if lang == 'zh' else p.message}"
                    for p in shown)]


def _check_command(args: argparse.Namespace) -> int:
    paths = expand(args.paths)
    if args.format == "xlsx" and args.output in (None, STDIN):
        print("gxgk: --format xlsx writes a workbook: name it with -o FILE.xlsx", file=sys.stderr)
        return FAILED
    tally = Tally()
    checked = _checked(args, paths, tally)
    with output(None if args.format == "xlsx" else args.output, bom=args.format == "csv") as out:
        if args.format in ("table", "json"):
            array = JsonArray(out) if args.format == "json" else None
            for item in checked:
                if array is None:
                    out.write("".join(f"{line}\n" for line in _problem_lines(item.path, item.problems, args.lang,
                                                                              args.info)))
                else:
                    array.extend(problem.as_dict(item.path) for problem in item.problems)
            if array is None:
                out.write(tally.summary(args.lang) + "\n")
            else:
                array.close()
        else:
            _write_audit(args, list(checked), out)
    if not paths:
        print("gxgk: no input files", file=sys.stderr)
    return tally.status()


def _checked(args: argparse.Namespace, paths: Sequence[str], tally: Tally) -> Iterator[Checked]:
    """Each input's problems, as they come; with ``--series`` or ``--parent``, once all are read."""
    pairs: Iterable[tuple[str, Result]] = results(paths, args.jobs, args.max_size, _the_report)
    cross: dict[int, list[Finding]] | None = None
    if args.series or args.parent:
        pairs = list(pairs)
        if args.parent:
            pairs = [(args.parent, _parse_one(args.parent, args.max_size)), *pairs]
        cross = _cross_findings(pairs, args)
    for path, result in pairs:
        if isinstance(result, ParseFailure):
            tally.unreadable += 1
            print(f"gxgk: {path}: {result.reason}", file=sys.stderr)
            yield Checked(path, None, [Problem(Severity.ERROR, "P-unreadable", result.reason,
                                               f"无法读取：{result.reason}")])
            continue
        found = problems(result, None if cross is None else cross.get(id(result), []))
        tally.add(found, args.strict, result.template is not Template.NONE)
        yield Checked(path, result, found)


def _parse_one(path: str, max_size: int) -> Result:
    return next(iter(parse_many([path], max_size=max_size)))[1]


def _cross_findings(pairs: Sequence[tuple[str, Result]], args: argparse.Namespace) -> dict[int, list[Finding]]:
    """The validation findings of each report (by ``id``), with the cross-year or aggregate rules run."""
    reports = [result for _, result in pairs if isinstance(result, Report)]
    by_report: dict[int, list[Finding]] = {id(report): [] for report in reports}
    if args.series:
        for finding in validate_series(reports):
            if finding.report is not None:
                by_report.setdefault(id(finding.report), []).append(finding)
    else:
        by_report = {id(report): list(validate(report)) for report in reports}
    if args.parent and reports and isinstance(pairs[0][1], Report):
        parent = pairs[0][1]
        by_report[id(parent)] += validate_aggregate(parent, reports[1:])
    return by_report


def _write_audit(args: argparse.Namespace, checked: list[Checked], out: IO[str]) -> None:
    if args.format == "csv":
        write_csv(out, checked, args.lang)
    elif args.format == "html":
        write_html(out, checked, args.lang, title="gxgk check — 政府信息公开工作年度报告核查")
    else:
        try:
            write_xlsx(args.output, checked, args.lang)
        except ImportError as exc:
            raise OutputError(str(exc)) from exc


# ---- gxgk render ------------------------------------------------------------------


def _render_command(args: argparse.Namespace) -> int:
    paths = expand(args.paths)
    batch = Batch(paths, args.jobs, args.max_size)
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


def _demo(_args: argparse.Namespace) -> int:
    """A clean report and a messy one: what was read, what was guessed, what does not add up, and what next."""
    shown = [(name, parse(_example(name))) for name in EXAMPLES]
    out = ["gxgk demo: two bundled reports", ""]
    for name, report in shown:
        found = problems(report)
        records = [record.value for record in to_records(report)]
        recovered = sum(d.code == "P-glued" for d in report.diagnostics)
        errors = [p for p in found if p.severity is Severity.ERROR]
        out.append(f"  {name}: {report.meta.title} (template {report.template.value}, year {report.meta.year}); "
                   f"{sum(v is not None for v in records)} cells read, {records.count(None)} left blank, "
                   f"{recovered} rows split from glued digits, {_count(len(errors), 'error')}")
    for name, report in shown:
        out += ["", f"==== {name}", *_demo_details(report)]
    out += ["", "Next: gxgk check 你的文件夹 --format html -o audit.html   (one page per folder, in Chinese with "
                "--lang zh)"]
    print("\n".join(out))
    return OK


def _demo_details(report: Report) -> list[str]:
    lines = []
    total = report.requests.row("（七）总计") if report.requests is not None else None
    if total is not None:
        lines.append(f"三（七）总计: {' | '.join('·' if v is None else str(v) for v in total.values)}")
    guesses = [d for d in report.diagnostics if d.code in ("P-glued", "P-glued-ambiguous", "P-row-cells")]
    for diagnostic in guesses[:3]:
        lines.append(f"  parser  {diagnostic.code}: {diagnostic.message[:110]}")
    if len(guesses) > 3:
        lines.append(f"  … and {len(guesses) - 3} more such notes")
    findings = [f for f in validate(report) if f.severity is not Severity.INFO]
    for finding in findings[:3]:
        lines.append(f"  check   {finding.code}: {finding.message[:110]}")
    if not guesses and not findings:
        lines.append("  Every cell was read as printed, and every total adds up.")
    return lines


# ---- The parser ---------------------------------------------------------------------


def _positive(text: str) -> int:
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
    common.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N",
                        help="parse in N worker processes (default 1); output order is the same")
    common.add_argument("-o", "--output", metavar="FILE", help="write to FILE (UTF-8) instead of standard output")
    common.add_argument("--max-size", type=_positive, default=MAX_SIZE, metavar="BYTES",
                        help=f"read at most BYTES of each input (default {MAX_SIZE:,}); a longer input is cut, "
                             "with a warning")
    return common


_EXIT_CODES: Final = ("exit status: 0 every input read and nothing failing; 1 check found what fails; 2 an input "
                      "could not be read, nothing was read, a usage error, or the output cannot be written")


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines) + "\n\n" + _EXIT_CODES


def _default_lang() -> str:
    """``zh`` where the locale is Chinese, else ``en`` (the first of LC_ALL, LC_MESSAGES, LANG that is set)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``gxgk`` command."""
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog="gxgk", description="Read government information disclosure annual "
                                     "reports (政府信息公开工作年度报告) into typed, validated data.",
                                     formatter_class=raw,
                                     epilog=_examples("gxgk demo", "gxgk check reports/ --strict --lang zh"))
    parser.add_argument("--version", action="version", version=f"gxgk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _inputs()
    demo = commands.add_parser("demo", help="parse the bundled example reports; print their tables and findings",
                               formatter_class=raw, epilog=_examples("gxgk demo", "gxgk demo | less"))
    demo.set_defaults(run=_demo)
    parse_cmd = commands.add_parser("parse", parents=[common], help="parse reports into JSON, JSON Lines or CSV",
                                    formatter_class=raw,
                                    epilog=_examples("gxgk parse reports/ -f csv -o cells.csv",
                                                     "gxgk parse report.pdf -f json"))
    parse_cmd.add_argument("-f", "--format", choices=tuple(WRITERS), default="jsonl",
                           help="jsonl (default): one {path, report} document a line; json: an array of them; "
                                "csv: tidy records, one cell a row, with a header")
    parse_cmd.set_defaults(run=_parse_command)
    check = commands.add_parser("check", parents=[common], formatter_class=raw,
                                help="list what could not be read and what does not add up; exit 1 if any fails",
                                epilog=_examples("gxgk check reports/ --strict",
                                                 "gxgk check 你的文件夹 --format html -o audit.html"))
    check.add_argument("-f", "--format", choices=("table", "json", "csv", "html", "xlsx"), default="table",
                       help="table (default): readable lines per file; json: an array of problems; csv: one row "
                            "per problem, UTF-8 with a BOM for Excel; html: one self-contained audit page; xlsx: a "
                            "Summary and a Findings sheet (needs the extra: pip install 'gxgk[xlsx]', and -o)")
    check.add_argument("--series", action="store_true",
                       help="also check consecutive years of each agency against each other (X1–X4)")
    check.add_argument("--parent", metavar="FILE",
                       help="also check FILE, a government's own report, against PATHS, its departments and lower "
                            "governments (A1: each cell the sum of theirs)")
    check.add_argument("--strict", action="store_true",
                       help="warnings fail too: cells left blank, units unknown, input cut, template guessed")
    check.add_argument("--info", action="store_true",
                       help="list info notes (what could not be assessed) in the table too; they are always counted")
    check.add_argument("--lang", choices=("en", "zh"), default=_default_lang(),
                       help="language of the messages (default: zh where the locale is Chinese, else en)")
    check.set_defaults(run=_check_command)
    render_cmd = commands.add_parser("render", parents=[common], help="write reports back as text in a layout",
                                     formatter_class=raw, epilog=_examples("gxgk render report.html -l markdown",
                                                                           "gxgk render reports/ -l html -o out.html"))
    render_cmd.add_argument("-l", "--layout", choices=tuple(LAYOUTS), default="pipe", help="default: pipe")
    render_cmd.add_argument("--no-headings", action="store_true", help="leave out the six section headings")
    render_cmd.add_argument("--no-header-rows", action="store_true", help="leave out the tables' header rows")
    render_cmd.add_argument("--blank", metavar="TEXT", help="how a blank cell is written (default: per layout)")
    render_cmd.set_defaults(run=_render_command)
    return parser


def _tolerant_streams() -> None:
    """Standard output and error write ``?`` for what their encoding cannot show, instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    _tolerant_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return FAILED
    try:
        status: int = args.run(args)
    except OutputError as exc:
        print(f"gxgk: {exc}", file=sys.stderr)
        return FAILED
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
