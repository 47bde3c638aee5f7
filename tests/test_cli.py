"""The command line: every subcommand and format, batches that go on past bad inputs, exit statuses."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import gxgk
from gxgk.cli import main

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))
CLEAN = SEEDS[0]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two seeds, a binary file, a truncated report, and hidden files that must be skipped."""
    root = tmp_path / "reports"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_bytes(SEEDS[0].read_bytes())
    (root / "sub" / "b.txt").write_bytes(SEEDS[1].read_bytes())
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00" * 20)
    seed = SEEDS[1].read_bytes()
    (root / "truncated.txt").write_bytes(seed[: len(seed) // 2])
    (root / ".hidden.txt").write_bytes(SEEDS[2].read_bytes())
    (root / ".git").mkdir()
    (root / ".git" / "c.txt").write_bytes(SEEDS[2].read_bytes())
    return root


def broken(tmp_path: Path) -> Path:
    """A pipe-layout report whose 行政复议 总计 is 0 beside 10 + 1 + 0 + 0."""
    report = gxgk.parse(SEEDS[1].read_bytes())
    review = gxgk.AppealBlock(*(gxgk.Cell(v) for v in (10, 1, 0, 0, 0)))
    assert report.appeals is not None
    report = attrs.evolve(report, appeals=attrs.evolve(report.appeals, review=review))
    path = tmp_path / "broken.txt"
    path.write_text(gxgk.render(report, "pipe"), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# ---- parse ---------------------------------------------------------------------


def test_parse_jsonl_documents_round_trip(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "parse", str(SEEDS[0]), str(SEEDS[1]))
    assert (status, err) == (0, "")
    documents = [json.loads(line) for line in out.splitlines()]
    assert [d["path"] for d in documents] == [str(SEEDS[0]), str(SEEDS[1])]
    assert gxgk.from_dict(documents[0]["report"]) == gxgk.parse(SEEDS[0].read_bytes())


def test_parse_json_is_one_array(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "--format", "json", *map(str, SEEDS))
    assert status == 0
    documents = json.loads(out)
    assert [d["path"] for d in documents] == [str(path) for path in SEEDS]
    assert documents[1]["report"] == gxgk.to_dict(gxgk.parse(SEEDS[1].read_bytes()))


def test_parse_json_of_nothing_readable_is_an_empty_array(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "parse", "-f", "json", str(tmp_path / "missing.txt"))
    assert (status, json.loads(out)) == (2, [])
    assert "missing.txt" in err


def test_parse_csv_is_the_tidy_records(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "-f", "csv", str(CLEAN))
    assert status == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == list(gxgk.SourcedRecord._fields)
    expected = list(gxgk.to_records_many([(str(CLEAN), gxgk.parse(CLEAN.read_bytes()))]))
    assert len(rows) == len(expected) + 1
    assert rows[1] == ["" if v is None else str(v) for v in expected[0]]


def test_parse_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    status, out, _ = run(capsys, "parse", "-f", "csv", "-o", str(target), str(CLEAN))
    assert (status, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("source,organ,year,")


def test_parse_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CLEAN.read_bytes())))
    status, out, _ = run(capsys, "parse", "-")
    assert status == 0
    assert json.loads(out)["path"] == "-"
    assert json.loads(out)["report"] == gxgk.to_dict(gxgk.parse(CLEAN.read_bytes()))


def test_folder_with_bad_files_goes_on(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, out, err = run(capsys, "parse", str(folder))
    assert (status, err) == (0, "")
    paths = [json.loads(line)["path"] for line in out.splitlines()]
    assert [Path(p).relative_to(folder).as_posix() for p in paths] == [
        "a.txt", "image.png", "truncated.txt", "sub/b.txt"]
    binary = gxgk.from_dict(json.loads(out.splitlines()[1])["report"])
    assert "P-not-a-report" in {d.code for d in binary.diagnostics}


def test_unreadable_input_is_reported_and_the_batch_goes_on(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    missing = folder / "missing.txt"
    status, out, err = run(capsys, "parse", str(missing), str(folder), str(folder / "no-match-*.txt"))
    assert status == 2
    assert len(out.splitlines()) == 4  # nothing parsed is lost
    assert f"gxgk: {missing}: " in err and "No such file" in err
    assert "no-match-*.txt" in err


def test_globs(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    status, out, _ = run(capsys, "parse", str(folder / "**" / "*.txt"))
    assert status == 0
    assert sorted(Path(json.loads(line)["path"]).name for line in out.splitlines()) == [
        "a.txt", "b.txt", "truncated.txt"]


def test_jobs_give_the_same_output(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    one = run(capsys, "parse", "-f", "csv", "--jobs", "1", str(folder), *map(str, SEEDS))
    two = run(capsys, "parse", "-f", "csv", "--jobs", "2", str(folder), *map(str, SEEDS))
    assert one == two
    assert one[0] == 0


def test_bad_jobs_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["parse", "--jobs", "0", str(CLEAN)])
    assert exit_.value.code == 2
    assert "positive integer" in capsys.readouterr().err


# ---- check ---------------------------------------------------------------------


def test_check_clean_seed(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", str(CLEAN))
    assert status == 0
    assert out.startswith("1 file: 1 report read, 0 unreadable; 0 errors, 0 warnings")
    assert out.rstrip().endswith("— all pass")


def test_check_broken_identity(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = broken(tmp_path)
    status, out, _ = run(capsys, "check", str(path), str(CLEAN))
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == str(path)
    assert any(line.split()[:1] == ["error"] for line in lines[1:])
    assert str(CLEAN) not in out  # a clean report lists nothing
    assert lines[-1].endswith("— 1 failing")


def test_check_json_and_chinese(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = broken(tmp_path)
    status, out, _ = run(capsys, "check", "-f", "json", str(path))
    records = json.loads(out)
    assert status == 1
    errors = [r for r in records if r["severity"] == "error"]
    assert errors and errors[0]["path"] == str(path)
    assert {"code", "message", "message_zh", "row", "column", "expected", "actual"} <= set(errors[0])
    _, zh, _ = run(capsys, "check", "--lang", "zh", str(path))
    assert errors[0]["message_zh"] in zh


def test_check_strict_fails_on_warnings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = gxgk.parse(CLEAN.read_bytes())
    warned = attrs.evolve(report, problems=gxgk.Narrative("无。"))
    path = tmp_path / "warned.txt"
    path.write_text(gxgk.render(warned, "pipe"), encoding="utf-8")
    severities = {f.severity for f in gxgk.validate(gxgk.parse(path.read_bytes()))}
    if gxgk.Severity.WARNING not in severities or gxgk.Severity.ERROR in severities:
        pytest.skip("no warning-only report to hand")
    assert run(capsys, "check", str(path))[0] == 0
    assert run(capsys, "check", "--strict", str(path))[0] == 1


def test_check_missing_input_is_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "check", str(tmp_path / "nope.txt"), str(broken(tmp_path)))
    assert status == 2
    assert "nope.txt" in err


# ---- render and demo -------------------------------------------------------------


@pytest.mark.parametrize("layout", sorted(gxgk.LAYOUTS))
def test_render(capsys: pytest.CaptureFixture[str], layout: str) -> None:
    status, out, _ = run(capsys, "render", str(CLEAN), "--layout", layout)
    assert status == 0
    report = gxgk.parse(CLEAN.read_bytes())
    assert out == gxgk.render(report, layout)
    assert gxgk.parse(out) == gxgk.parse(gxgk.render(report, layout))


def test_render_several(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "render", "--no-headings", str(SEEDS[0]), str(SEEDS[1]))
    assert status == 0
    assert out.count("==== ") == 2 and "一、总体情况\n" not in out


def test_demo(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "demo")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "gxgk demo: two bundled reports"  # the summary first
    assert "0 errors" in lines[2] and "1 error" in lines[3] and "split from glued digits" in lines[3]
    assert out.count("==== ") == 2
    assert "Every cell was read as printed" in out  # the clean one
    assert "P-glued" in out and "check   H4:" in out  # the messy one: a guess and a broken total
    assert lines[-1].startswith("Next: gxgk check 你的文件夹 --format html")


def test_python_m_gxgk_demo() -> None:
    done = subprocess.run([sys.executable, "-m", "gxgk", "demo"], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "gxgk demo" in done.stdout


def test_progress_bar_only_on_a_terminal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    paths = []
    for number in range(25):
        path = tmp_path / f"{number:02}.txt"
        path.write_bytes(CLEAN.read_bytes())
        paths.append(str(path))
    _, quiet, err = run(capsys, "parse", "-f", "csv", *paths)
    assert err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    _, out, err = run(capsys, "parse", "-f", "csv", *paths)
    assert out == quiet  # the bar never touches the output
    assert "25/25" in err and "100%" in err
