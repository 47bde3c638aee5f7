"""``parse_many`` and ``to_records_many``: order, failures in place, streaming, and the Dask recipe."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import gxgk
from gxgk import ParseFailure, SourcedRecord, parse_many, to_records_many
from gxgk.batch import _AHEAD, _CHUNK
from gxgk.write.records import Record
from tests.test_convert import fingerprint

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """40 copies of the seeds with an unreadable path and a directory among them."""
    folder = tmp_path_factory.mktemp("batch")
    paths = []
    for index in range(40):
        path = folder / f"{index:03d}.txt"
        shutil.copyfile(SEEDS[index % len(SEEDS)], path)
        paths.append(path)
    paths[7] = folder / "missing.txt"
    paths[23] = folder / "gone" / "report.txt"
    return paths


def expected(path: Path) -> object:
    return fingerprint(gxgk.parse(path.read_bytes())) if path.is_file() else None


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_input_order_with_failures_in_place(batch: list[Path], jobs: int) -> None:
    results = list(parse_many(batch, jobs=jobs))
    assert [path for path, _ in results] == batch
    for path, result in results:
        if path.is_file():
            assert isinstance(result, gxgk.Report)
            assert fingerprint(result) == expected(path)  # provenance survives the trip from a worker
        else:
            assert isinstance(result, ParseFailure)
            assert result.path == os.fspath(path)
    failures = {result.path: result.reason for _, result in results if isinstance(result, ParseFailure)}
    assert failures == {os.fspath(batch[7]): "cannot read the file: No such file or directory",
                        os.fspath(batch[23]): "cannot read the file: No such file or directory"}


def test_folders_and_patterns_are_read_as_the_command_line_reads_them(tmp_path: Path) -> None:
    """Issue 15: a folder (recursively, hidden files skipped), a glob, or one path, as the CLI takes them."""
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("a.txt", "sub/b.txt", ".hidden/c.txt", "sub/.d.txt"):
        shutil.copyfile(SEEDS[0], tmp_path / name)
    folder = [os.path.relpath(path, tmp_path) for path, _ in parse_many(str(tmp_path))]
    assert folder == ["a.txt", os.path.join("sub", "b.txt")]
    assert [path for path, _ in parse_many(tmp_path / "sub")] == [tmp_path / "sub" / "b.txt"]
    assert [path for path, _ in parse_many([tmp_path / "sub"])] == [tmp_path / "sub" / "b.txt"]
    assert len(list(parse_many(str(tmp_path / "**" / "*.txt")))) == 2
    with pytest.raises(TypeError, match="names no file or folder"):
        parse_many("reports/")


@pytest.mark.parametrize("jobs", [1, 2])
def test_paths_come_back_as_given(batch: list[Path], jobs: int) -> None:
    given: list[str | Path] = [os.fspath(batch[0]), batch[1]]
    assert [path for path, _ in parse_many(given, jobs=jobs)] == given
    assert [type(path) for path, _ in parse_many(given, jobs=jobs)] == [str, type(batch[1])]


def counting(paths: list[Path], pulled: list[Path]) -> Iterator[Path]:
    for path in paths:
        pulled.append(path)
        yield path


@pytest.mark.parametrize("jobs", [1, 2])
def test_paths_are_pulled_as_work_is_needed(batch: list[Path], jobs: int) -> None:
    """Memory is bounded: the input is not read ahead of the workers' queue."""
    pulled: list[Path] = []
    results = parse_many(counting(batch * 5, pulled), jobs=jobs)
    assert pulled == []
    next(results)
    bound = 1 if jobs == 1 else _CHUNK * _AHEAD * jobs
    assert len(pulled) <= bound < len(batch * 5)
    results.close()  # stopping early does not wait for the rest of the batch


def test_stopping_early_ends_the_workers(batch: list[Path]) -> None:
    for _path, _result in parse_many(batch * 10, jobs=2):
        break
    assert multiprocessing.active_children() == []
    assert list(parse_many([], jobs=2)) == []


@pytest.mark.parametrize("jobs", [0, -1, 1.5, True])
def test_jobs_must_be_a_positive_integer(jobs: int) -> None:
    with pytest.raises(ValueError, match="jobs must be a positive integer"):
        parse_many(SEEDS, jobs=jobs)


def test_parser_crashes_are_failures_not_the_end_of_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(source: str | bytes, max_size: int = 0) -> gxgk.Report:
        raise RuntimeError("boom")

    monkeypatch.setattr("gxgk.batch.parse", crash)
    (_, result), = parse_many(SEEDS[:1])
    assert result == ParseFailure(os.fspath(SEEDS[0]), "the parser failed: RuntimeError: boom")


# ---- records ------------------------------------------------------------------


def test_records_carry_their_report_identity(batch: list[Path]) -> None:
    records = list(to_records_many(parse_many(batch[:5])))
    reports = [gxgk.parse(path.read_bytes()) for path in batch[:5]]
    assert len(records) == sum(len(gxgk.to_records(report)) for report in reports)
    first = records[0]
    assert (first.source, first.organ, first.year) == (os.fspath(batch[0]), "礼泉县", 2019)
    assert Record(*first[3:]) == gxgk.to_records(reports[0])[0]
    assert SourcedRecord._fields[:3] == ("source", "organ", "year")
    assert SourcedRecord._fields[3:] == Record._fields


def test_failures_have_no_records_and_bare_reports_use_their_url(batch: list[Path]) -> None:
    assert list(to_records_many(parse_many(batch[7:8]))) == []
    report = gxgk.parse(SEEDS[1].read_bytes())
    with_url = gxgk.Report(report.template, gxgk.Meta(year=2023, url="https://example.gov.cn/1.html"),
                           requests=report.requests)
    records = list(to_records_many([with_url]))
    assert records and {(r.source, r.organ, r.year) for r in records} == {("https://example.gov.cn/1.html", None, 2023)}


def test_records_make_a_tidy_dataframe(batch: list[Path]) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(to_records_many(parse_many(batch, jobs=2)))
    files = [path for path in batch if path.is_file()]
    rows = sum(len(gxgk.to_records(gxgk.parse(path.read_bytes()))) for path in files)
    assert frame.shape == (rows, len(SourcedRecord._fields))
    assert list(frame.columns) == list(SourcedRecord._fields)
    assert frame["source"].nunique() == len(files)
    assert set(frame["section"]) == {2, 3, 4}


# ---- beyond one machine ---------------------------------------------------------


def _records(paths: list[Path]) -> list[SourcedRecord]:
    """The recipe's partition function (see the ``gxgk.batch`` module docstring)."""
    return list(to_records_many(parse_many(paths)))


def test_the_dask_recipe_gives_the_records_of_parse_many(batch: list[Path]) -> None:
    bag_module = pytest.importorskip("dask.bag")
    bag = bag_module.from_sequence(batch, partition_size=7).map_partitions(_records)
    assert bag.npartitions > 1
    assert bag.compute(scheduler="threads") == list(to_records_many(parse_many(batch, jobs=2)))


def _cells(path: str, report: gxgk.Report) -> tuple[str, int]:
    """A module-level function (it must pickle to reach the workers)."""
    return Path(path).name, len(gxgk.to_records(report))


@pytest.mark.parametrize("jobs", [1, 2])
def test_map_reports_turns_each_report_where_it_was_parsed(tmp_path: Path, jobs: int) -> None:
    """Issue 20: workers send back ``then``'s result (CSV rows for the CLI), in input order; failures stay failures."""
    from gxgk.batch import map_reports

    missing = str(tmp_path / "missing.txt")
    paths = [str(seed) for seed in SEEDS] + [missing]
    found = list(map_reports(paths, _cells, jobs=jobs))
    assert [path for path, _ in found] == paths
    expected = [(Path(p).name, len(gxgk.to_records(gxgk.parse(Path(p))))) for p in paths[:-1]]
    assert [result for _, result in found[:-1]] == expected
    assert isinstance(found[-1][1], gxgk.ParseFailure)
