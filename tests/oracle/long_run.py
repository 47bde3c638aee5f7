"""Run every deviation N times with deterministic seeds and print the outcome table.

    python -m tests.oracle.long_run --examples 2000 [--deviation NAME ...] [--show 2]

Columns: cells right, blank (named by a diagnostic), blank (UNNAMED), WRONG; plus cases whose
template was misread and cases where ``gxgk.parse`` raised.  ``--show`` prints the shortest
texts that produced WRONG cells.
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
import traceback
import zlib
from decimal import Decimal

import gxgk
from tests.oracle.compare import Tally, compare, describe
from tests.oracle.deviations import DEVIATIONS, Case
from tests.oracle.labels import FEE_2021, PROCUREMENT_2019
from tests.oracle.values import RandomSource
from tests.oracle.writer import AGENCIES, write


def seed_of(deviation: str, index: int) -> int:
    return zlib.crc32(deviation.encode()) * 1_000_003 + index


def run(deviation: str, examples: int, first_seed: int = 0) -> tuple[Tally, list[tuple[Case, Tally]]]:
    """Tally of ``examples`` cases of ``deviation``, and the cases with WRONG cells."""
    total = Tally()
    failures: list[tuple[Case, Tally]] = []
    make = DEVIATIONS[deviation]
    crashes: set[str] = set()
    for index in range(first_seed, first_seed + examples):
        case = make(RandomSource(seed_of(deviation, index)))
        try:
            tally = compare(case.truth, gxgk.parse(case.text))
        except Exception as error:  # a crash is a finding: counted, and its last frame shown once
            frame = traceback.extract_tb(error.__traceback__)[-1]
            message = f"  crash in {deviation}: {type(error).__name__}: {error} ({frame.filename}:{frame.lineno})"
            if message not in crashes:
                crashes.add(message)
                print(message, file=sys.stderr)
            total.cases += 1
            total.crashed += 1
            continue
        total.add(tally)
        if tally.wrong or tally.template_wrong:
            failures.append((case, tally))
    return total, failures


def _wrong(case: Case) -> bool:
    try:
        return bool(compare(case.truth, gxgk.parse(case.text)).wrong)
    except Exception:  # a crash is not the failure being minimised
        return False


def minimize(case: Case) -> Case:
    """Greedily set true values to 0 (then small) while the case still reads a WRONG cell."""
    truth = copy.deepcopy(case.truth)
    current = case
    for key, value in list(truth.cells.items()):
        for simpler in (0, 1):
            amount = key.column in (FEE_2021, PROCUREMENT_2019)
            if value == simpler or (amount and simpler == 1):
                continue
            truth.cells[key] = Decimal(simpler) if amount else simpler
            trial = current.replace(truth=copy.deepcopy(truth), text=write(truth, current.style, agency=AGENCIES[0]))
            if _wrong(trial):
                current = trial
                break
            truth.cells[key] = value
        else:
            continue
    return current


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=200)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--deviation", action="append", choices=sorted(DEVIATIONS))
    parser.add_argument("--show", type=int, default=0, help="print the N shortest WRONG texts per deviation")
    parser.add_argument("--minimize", action="store_true", help="simplify the shown cases' values first")
    args = parser.parse_args(argv)
    names = args.deviation or list(DEVIATIONS)
    header = f"{'deviation':<28} {'cases':>6} {'right':>9} {'blank named':>12} {'blank UNNAMED':>14} " \
             f"{'WRONG':>7} {'bad cases':>9} {'tmpl':>5} {'crash':>5} {'s':>6}"
    print(header)
    print("-" * len(header))
    grand = Tally()
    shown: list[tuple[str, Case, Tally]] = []
    for name in names:
        start = time.perf_counter()
        tally, failures = run(name, args.examples, args.first_seed)
        grand.add(tally)
        print(f"{name:<28} {tally.cases:>6} {tally.right:>9} {tally.named:>12} {tally.unnamed:>14} "
              f"{tally.wrong:>7} {len(failures):>9} {tally.template_wrong:>5} {tally.crashed:>5} "
              f"{time.perf_counter() - start:>6.1f}", flush=True)
        failures.sort(key=lambda f: len(f[0].text))
        shown.extend((name, case, t) for case, t in failures[:args.show])
    print("-" * len(header))
    print(f"{'TOTAL':<28} {grand.cases:>6} {grand.right:>9} {grand.named:>12} {grand.unnamed:>14} "
          f"{grand.wrong:>7} {'':>9} {grand.template_wrong:>5} {grand.crashed:>5}")
    for name, case, tally in shown:
        if args.minimize:
            case = minimize(case)
            tally = compare(case.truth, gxgk.parse(case.text))
        print(f"\n===== {name}: {tally.wrong} WRONG =====")
        print(describe(tally))
        print(repr(case))
    return 1 if grand.wrong or grand.crashed else 0


if __name__ == "__main__":
    sys.exit(main())
