"""A batch of reports: the CLI, ``parse_many`` and the Dask recipe on the same files (issue 20).

    .venv/bin/python benchmarks/batch.py                    # 10,000 reports, jobs 1 and 2
    .venv/bin/python benchmarks/batch.py --reports 2000     # a quicker look

The files are the seed reports and the corpus texts, repeated to
``--reports`` files in a temporary folder (writing them is not timed;
reading them is, as a real batch does).  Each way is timed once, in turn:

* ``gxgk parse DIR --jobs N -f csv -o FILE`` as a child process (wall time,
  and its peak resident memory from ``wait4``);
* ``gxgk.parse_many(DIR, jobs=N)`` streamed into ``to_records_many`` and
  counted, in this process (peak RSS of the workers from ``RUSAGE_CHILDREN``);
* the Dask recipe of the docs (``dask.bag`` over the paths, partitions of
  100, ``parse_many`` + ``to_records_many`` per partition) on Dask's local
  process scheduler with N workers, if Dask is installed.

Then the figures against the targets: reports/s, how 2 jobs scale over 1,
a national year (100,000 reports) extrapolated from the 2-job CLI rate, and
whether memory stays flat (the CLI's peak RSS for the whole batch against
one report's).  Not a test: timings depend on the machine and on what else
it runs; compare ratios from one run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import gxgk

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
SOURCES = [*SEEDS, *(sorted(p for p in CORPUS_DIR.glob("*.txt") if p.name != "README.md")
                     if CORPUS_DIR.is_dir() else [])]
NATIONAL_YEAR = 100_000
NATIONAL_TARGET_S = 120.0


def make_batch(folder: Path, count: int) -> list[Path]:
    paths = []
    for index in range(count):
        source = SOURCES[index % len(SOURCES)]
        path = folder / f"{index:06d}{source.suffix}"
        shutil.copyfile(source, path)
        paths.append(path)
    return paths


def cli(folder: Path, jobs: int, out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``gxgk parse FOLDER --jobs N -f csv``, as a child process."""
    command = [sys.executable, "-m", "gxgk", "parse", str(folder), "--jobs", str(jobs), "-f", "csv", "-o", str(out)]
    start = time.perf_counter()
    process = subprocess.Popen(command)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"gxgk parse failed with status {status}")
    return seconds, usage.ru_maxrss / 1024  # the largest of the process and the workers it waited for


def in_process(folder: Path, jobs: int) -> tuple[float, int]:
    start = time.perf_counter()
    rows = sum(1 for _ in gxgk.to_records_many(gxgk.parse_many(folder, jobs=jobs)))
    return time.perf_counter() - start, rows


def _records(paths: list[str]) -> list[gxgk.SourcedRecord]:
    return list(gxgk.to_records_many(gxgk.parse_many(paths)))


def with_dask(paths: list[Path], jobs: int) -> float | None:
    try:
        import dask
        import dask.bag as db
    except ImportError:
        return None
    start = time.perf_counter()
    names = [str(p) for p in paths]
    bag = db.from_sequence(names, partition_size=100).map_partitions(_records)  # type: ignore[no-untyped-call]
    with dask.config.set(scheduler="processes", num_workers=jobs):
        bag.count().compute()
    return time.perf_counter() - start


def one_report_rss(path: Path) -> float:
    """Peak RSS (MB) of ``gxgk parse`` on one report: the baseline a streaming batch should stay near."""
    process = subprocess.Popen([sys.executable, "-m", "gxgk", "parse", str(path), "-f", "csv", "-o", os.devnull])
    _pid, _status, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=10_000, help="how many files (default 10,000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="jobs settings (default 1 2)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask recipe")
    args = parser.parse_args()
    print(f"{args.reports:,} files from {len(SOURCES)} texts (seeds and corpus); {os.cpu_count()} CPUs")
    rows: list[tuple[str, float, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        paths = make_batch(folder, args.reports)
        gxgk.parse(paths[0])  # warm up imports in this process
        cli_rate: dict[int, float] = {}
        for jobs in args.jobs:
            seconds, rss = cli(folder, jobs, Path(tmp) / f"cells{jobs}.csv")
            cli_rate[jobs] = args.reports / seconds
            print(f"CLI        jobs={jobs}: {seconds:7.2f} s  {cli_rate[jobs]:8,.0f} reports/s  peak RSS {rss:6.1f} MB")
            baseline = one_report_rss(paths[0])
            rows.append((f"CLI memory, jobs={jobs} (× one report)", rss / baseline, 2.0, "≤"))
        for jobs in args.jobs:
            seconds, records = in_process(folder, jobs)
            print(f"parse_many jobs={jobs}: {seconds:7.2f} s  {args.reports / seconds:8,.0f} reports/s  "
                  f"({records:,} records)")
        if not args.no_dask:
            for jobs in args.jobs:
                seconds_or_none = with_dask(paths, jobs)
                if seconds_or_none is None:
                    print("dask: not installed")
                    break
                rate = args.reports / seconds_or_none
                print(f"Dask bag   jobs={jobs}: {seconds_or_none:7.2f} s  {rate:8,.0f} reports/s")
    last = args.jobs[-1]
    national = NATIONAL_YEAR / cli_rate[last]
    if len(args.jobs) > 1:
        print(f"\nscaling jobs {args.jobs[0]} → {last} (CLI): {cli_rate[last] / cli_rate[args.jobs[0]]:.2f}×")
    rows.append((f"national year, {NATIONAL_YEAR:,} reports (s)", national, NATIONAL_TARGET_S, "≤"))
    _print(rows)


def _print(rows: list[tuple[str, float, float, str]]) -> None:
    check: dict[str, Callable[[float, float], bool]] = {"≤": lambda v, t: v <= t, "≥": lambda v, t: v >= t}
    print(f"\n{'figure':40} {'value':>9} {'target':>9}  result")
    for label, value, target, sense in rows:
        print(f"{label:40} {value:9.2f} {sense}{target:8.1f}  {'PASS' if check[sense](value, target) else 'FAIL'}")


if __name__ == "__main__":
    main()
