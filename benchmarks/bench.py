"""Speed, scaling, hostile-input cost, import time and memory of ``gxgk.parse`` (issue 7).

    .venv/bin/python benchmarks/bench.py               # table of figures vs targets
    .venv/bin/python benchmarks/bench.py --profile     # also cProfile top 15 on the seeds

Every figure is a ratio measured inside one process (except import time, which
needs a fresh interpreter, and the hostile inputs, each of which runs in a
child process that times a normal report too, so a quadratic case cannot hang
the benchmark: past ``--hostile-timeout`` seconds the child is killed and the
figure is reported as a lower bound).  A hostile input is timed warm, like
every other figure: the median of three runs after a first one, each in turn
with runs of the normal report.  Not a test: timings depend on the machine and
on what else it runs.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import regex

import gxgk

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
CORPUS = sorted(path for pattern in ("*.txt", "*.md") for path in CORPUS_DIR.glob(pattern)
                if path.name != "README.md") if CORPUS_DIR.is_dir() else []
TOKENS = regex.compile(r"[^\s|]+")
HOSTILE_BYTES = 200_000

#: Adversarial inputs: a repeated unit, grown to about ``HOSTILE_BYTES`` of UTF-8.
HOSTILE_UNITS: dict[str, str] = {
    "pipes": "|",
    "digits": "7",
    "row label": "一、本年新收政府信息公开申请数量 ",
    "zero cells": "0 | ",
    "newlines": "\n",
    "unclosed html": "<table><tr><td>",
    "pipe space": "| ",
    "gt pipe": ">|",
    "tabs": "\t",
    "a table row": "（二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n",
}


#: Put before a unit, it makes the input a report on a template, so that the
#: tables are read from it too (a bare unit is on no template, and only
#: decoding, normalising, headings and metadata see it).
REPORT_HEAD = "某县2021年政府信息公开工作年度报告\n本年制发件数 本年新收\n"
IN_A_REPORT = ", in a report"


def hostile_names() -> list[str]:
    """Each unit alone, as issue 7 lists them, and each after :data:`REPORT_HEAD`."""
    return [*HOSTILE_UNITS, *(name + IN_A_REPORT for name in HOSTILE_UNITS)]


def hostile_text(unit: str, size: int = HOSTILE_BYTES) -> str:
    return unit * (size // len(unit.encode()) + 1)


def hostile_input(name: str) -> str:
    bare = name.removesuffix(IN_A_REPORT)
    return (REPORT_HEAD if name != bare else "") + hostile_text(HOSTILE_UNITS[bare])


def median_time(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired_medians(text: str, repeat: int) -> tuple[float, float]:
    """Median times of ``gxgk.parse(text)`` and of the floor, timed in turns.

    A burst of load on a shared machine then slows both alike, and the ratio
    holds; timed in two blocks, one may catch the burst and the other not.
    """
    times: dict[Callable[[str], object], list[float]] = {gxgk.parse: [], TOKENS.findall: []}
    for round_ in range(repeat):
        # each goes first in every other round: the second one runs with the caches the first left
        for func in (gxgk.parse, TOKENS.findall) if round_ % 2 else (TOKENS.findall, gxgk.parse):
            start = time.perf_counter()
            func(text)
            times[func].append(time.perf_counter() - start)
    return statistics.median(times[gxgk.parse]), statistics.median(times[TOKENS.findall])


def texts() -> list[tuple[str, str]]:
    return [(path.name, path.read_text(encoding="utf-8")) for path in [*SEEDS, *CORPUS]]


def grown(seed: str, times: int = 100, one_line: bool = False) -> str:
    """``seed`` with a paragraph of section 一 repeated until the text is ``times`` its size.

    ``one_line``: the whole report on one line, as crawlers save pages (the
    grown narrative and the tables after it alike).
    """
    lines = seed.split("\n")
    # the overview's longest line before the first table (a report whose headings were lost, like
    # seed 004, has no "一、总体情况": its "一、" line is a row of section 三's table, not narrative)
    tables = next(i for i, line in enumerate(lines) if regex.search(r"第二十条|信息内容|本年新收", line))
    para = max(range(tables), key=lambda i: len(lines[i]))
    paragraph = lines[para]
    copies = max(1, (times - 1) * len(seed.encode()) // (len(paragraph.encode()) + 1))
    text = "\n".join([*lines[: para + 1], *([paragraph] * copies), *lines[para + 1 :]])
    return text.replace("\n", " ") if one_line else text


def growth(seed: str, one_line: bool, repeat: int) -> float:
    """Time per byte of the grown report over the original's (both on one line, or both not)."""
    small = seed.replace("\n", " ") if one_line else seed
    big = grown(seed, one_line=one_line)
    size_ratio = len(big.encode()) / len(small.encode())
    return median_time(lambda: gxgk.parse(big), 5) / median_time(lambda: gxgk.parse(small), repeat) / size_ratio


def import_ms(repeat: int = 5, *, bytecode: bool = True) -> float:
    """Milliseconds ``import gxgk`` adds to a fresh interpreter's start.

    ``bytecode=True`` measures an installed package as pip leaves it: its
    modules compiled to bytecode once (into a private cache, written by a
    first run), as ``pip install`` does at install time.  ``bytecode=False``
    compiles every module from source on each run, as an environment with
    ``PYTHONDONTWRITEBYTECODE`` and no cache does (an editable install on
    such a machine): that is reported too, but the target is for the former.
    """
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ)
        if bytecode:  # a private cache: the checkout's own folders stay free of bytecode
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"

        def run(code: str) -> float:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            return time.perf_counter() - start

        run("import gxgk")  # writes the bytecode (when allowed)
        bare = statistics.median(run("pass") for _ in range(repeat))
        full = statistics.median(run("import gxgk") for _ in range(repeat))
    return (full - bare) * 1000


def hostile_child(name: str) -> None:
    """Child mode: print time-per-KB of the hostile input ÷ time-per-KB of a normal report."""
    normal = SEEDS[0].read_text(encoding="utf-8")
    text = hostile_input(name)
    gxgk.parse(normal)
    gxgk.parse(text)  # a first run, cold; if it hangs, the parent's timeout kills it and says so
    normal_times, hostile_times = [], []
    for _ in range(3):  # in turns, so that a burst of load slows both (see paired_medians)
        normal_times.append(median_time(lambda: gxgk.parse(normal), 7))
        hostile_times.append(median_time(lambda: gxgk.parse(text), 1))
    normal_per_kb = statistics.median(normal_times) / (len(normal.encode()) / 1000)
    elapsed = statistics.median(hostile_times)
    print(f"{elapsed / (len(text.encode()) / 1000) / normal_per_kb} {elapsed} {normal_per_kb}")


def hostile(timeout: float) -> tuple[float, list[str]]:
    worst = 0.0
    lines = []
    normal = SEEDS[0].read_text(encoding="utf-8")
    per_kb = median_time(lambda: gxgk.parse(normal), 20) / (len(normal.encode()) / 1000)
    for name in hostile_names():
        try:
            out = subprocess.run([sys.executable, __file__, "--hostile-child", name], check=True,
                                 capture_output=True, text=True, timeout=timeout).stdout.split()
            ratio, elapsed = float(out[0]), float(out[1])
            lines.append(f"  {name:26} {elapsed * 1000:10.1f} ms  ratio {ratio:8.1f}")
        except subprocess.TimeoutExpired:
            ratio = timeout / (HOSTILE_BYTES / 1000) / per_kb
            lines.append(f"  {name:26} > {timeout * 1000:8.0f} ms  ratio > {ratio:6.1f} (killed)")
        worst = max(worst, ratio)
    return worst, lines


def profile(corpus: list[tuple[str, str]]) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20):
        for _name, text in corpus:
            gxgk.parse(text)
    profiler.disable()
    for key in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(key).print_stats(15)
        print(f"\n--- cProfile, seeds × 20, top 15 by {key} ---")
        print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[:6000])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=41, help="timings per text (median is taken)")
    parser.add_argument("--hostile-timeout", type=float, default=20.0, help="seconds before a hostile child is killed")
    parser.add_argument("--profile", action="store_true", help="print cProfile top 15 on the seeds")
    parser.add_argument("--hostile-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.hostile_child:
        hostile_child(args.hostile_child)
        return

    corpus = texts()
    for _name, text in corpus:  # warm up regex caches and lazy imports
        gxgk.parse(text)

    seed_names = {path.name for path in SEEDS}
    paired = {name: paired_medians(text, args.repeat) for name, text in corpus}
    parse_times = {name: times[0] for name, times in paired.items()}
    findall_times = {name: times[1] for name, times in paired.items()}

    def ratio_of(names: set[str]) -> float:
        return sum(parse_times[n] for n in names) / sum(findall_times[n] for n in names)

    all_names = set(parse_times)
    ratio, ratio_all = ratio_of(seed_names), ratio_of(all_names)
    ratio_corpus = ratio_of(all_names - seed_names) if all_names - seed_names else float("nan")
    per_second = len(seed_names) / sum(parse_times[n] for n in seed_names)
    per_second_all = len(all_names) / sum(parse_times.values())

    scale = max(growth(path.read_text(encoding="utf-8"), False, args.repeat) for path in SEEDS)
    scale_one_line = max(growth(path.read_text(encoding="utf-8"), True, args.repeat) for path in SEEDS)

    peaks = {}
    for name, text in corpus:
        tracemalloc.start()
        gxgk.parse(text)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        peaks[name] = peak / len(text.encode())
    memory = max(peaks[n] for n in seed_names)

    worst, hostile_lines = hostile(args.hostile_timeout)
    imported = import_ms()
    from_source = import_ms(bytecode=False)

    rows = [
        ("ratio parse / findall (seeds)", ratio, 7.0, "≤"),
        ("ratio parse / findall (corpus texts)", ratio_corpus, 12.0, "≤"),
        ("growth 100×, multi-line (per byte)", scale, 1.5, "≤"),
        ("growth 100×, one-line page (per byte)", scale_one_line, 1.5, "≤"),
        ("hostile (worst per-KB ratio)", worst, 10.0, "≤"),
        ("import time (ms, bytecode as installed)", imported, 80.0, "≤"),
        ("reports/s, one core (seeds)", per_second, 1000.0, "≥"),
        ("peak memory (× input, seeds)", memory, 20.0, "≤"),
    ]
    print(f"texts: {len(corpus)} ({len(SEEDS)} seeds, {len(CORPUS)} corpus)")
    print(f"{'figure':34} {'value':>10} {'target':>10}  result")
    for label, value, target, sense in rows:
        ok = value <= target if sense == "≤" else value >= target
        print(f"{label:34} {value:10.2f} {sense}{target:9.1f}  {'PASS' if ok else 'FAIL'}")
    print(f"{'ratio (seeds and corpus)':34} {ratio_all:10.2f}")
    print(f"{'reports/s (seeds and corpus)':34} {per_second_all:10.2f}")
    print(f"{'peak memory (× input, all)':34} {max(peaks.values()):10.2f}")
    print(f"{'import time (ms, from source)':34} {from_source:10.2f}")
    print("\nper text:")
    for name, _text in corpus:
        print(f"  {name[:38]:40} parse {parse_times[name] * 1000:7.2f} ms  findall {findall_times[name] * 1000:6.3f} ms"
              f"  ratio {parse_times[name] / findall_times[name]:6.1f}  memory {peaks[name]:5.1f}×")
    print("\nhostile inputs (~200 KB each; \"in a report\": after a title and template words):")
    print("\n".join(hostile_lines))
    if args.profile:
        profile([(path.name, path.read_text(encoding="utf-8")) for path in SEEDS])


if __name__ == "__main__":
    main()
