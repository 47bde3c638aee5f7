"""Wall time of ``gxgk.parse_many`` on copies of the seed reports, for several ``jobs``.

    .venv/bin/python benchmarks/batch.py                  # 1,000 copies, jobs 1 and 2
    .venv/bin/python benchmarks/batch.py --copies 5000 --jobs 1 2 4

The copies are written to a temporary folder first, so the timings include
reading files (as a real batch does) but not writing them.  Each ``jobs``
setting is run once, in the order given, after one warm-up parse in this
process.  CPU time (this process and its workers) is printed beside wall
time: on a machine whose cores are busy with other work, CPU time still shows
what parallelism costs.  Not a test: timings depend on the machine and on
what else it runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

import gxgk

SEEDS = sorted((Path(__file__).resolve().parent.parent / "tests" / "data" / "seeds").glob("*.txt"))


def copies(folder: Path, count: int) -> list[Path]:
    paths = []
    for index in range(count):
        path = folder / f"{index:05d}{SEEDS[index % len(SEEDS)].suffix}"
        shutil.copyfile(SEEDS[index % len(SEEDS)], path)
        paths.append(path)
    return paths


def cpu_seconds() -> float:
    """CPU time of this process and its ended children (the workers, once the pool has shut down)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(paths: list[Path], jobs: int) -> tuple[float, float, int]:
    start, start_cpu = time.perf_counter(), cpu_seconds()
    reports = sum(isinstance(result, gxgk.Report) for _, result in gxgk.parse_many(paths, jobs=jobs))
    return time.perf_counter() - start, cpu_seconds() - start_cpu, reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=1000, help="how many files to parse (default 1000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="jobs settings to time (default 1 2)")
    args = parser.parse_args()
    gxgk.parse(SEEDS[0].read_bytes())  # warm up imports and regex caches
    print(f"{args.copies} copies of {len(SEEDS)} seeds; {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as folder:
        paths = copies(Path(folder), args.copies)
        times = {}
        for jobs in args.jobs:
            seconds, cpu, reports = run(paths, jobs)
            times[jobs] = seconds
            print(f"jobs={jobs}: {seconds:6.2f} s wall, {cpu:6.2f} s CPU  "
                  f"({reports} reports, {args.copies / seconds:,.0f} files/s)")
    base = times[args.jobs[0]]
    for jobs in args.jobs[1:]:
        print(f"jobs={jobs} vs jobs={args.jobs[0]}: {base / times[jobs]:.2f}x faster")


if __name__ == "__main__":
    main()
