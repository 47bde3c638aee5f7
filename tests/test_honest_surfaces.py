"""Issue 15: the surfaces people touch say what the parser could not read, with exact exit codes.

``gxgk check`` lists parser diagnostics beside validation findings and never says "all pass"
about a file it could not read; ``gxgk.parse`` and ``parse_many`` take paths and files; the
command line exits 0, 1 or 2 exactly, with one line and no traceback.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import gxgk
from gxgk.cli import main

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))
GLUED = Path(__file__).parent / "data" / "corpus" / "006_pingtan_2019_flattext.txt"
PDF = Path(__file__).parent / "data" / "corpus" / "001_huaian_city_2024.pdf"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def junk(tmp_path: Path) -> Path:
    """Five seeds, random bytes, a binary program, a PNG and an empty file."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in SEEDS:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "random.bin").write_bytes(bytes(range(256)) * 12)
    (folder / "program").write_bytes(Path(sys.executable).read_bytes()[:20_000])
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200)))
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_check_names_every_file_it_could_not_read(capsys: pytest.CaptureFixture[str], junk: Path) -> None:
    status, out, _ = run(capsys, "check", "--strict", str(junk))
    assert status == 1
    for name in ("random.bin", "program", "image.png", "empty.txt"):
        block = out.split(str(junk / name) + "\n", 1)[1]
        assert block.startswith("  error"), name  # named with its path, and an error
    assert "P-empty" in out and "P-not-a-report" in out
    summary = out.splitlines()[-1]
    assert summary.startswith("9 files: 5 reports read") and "all pass" not in summary


def test_a_pdf_without_the_extra_is_an_error(capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pdfminer(data: bytes) -> object:
        raise ImportError("No module named 'pdfminer'")

    monkeypatch.setattr("gxgk.formats.pdf.load", no_pdfminer)
    status, out, _ = run(capsys, "check", str(PDF))
    assert "P-pdf-extra" in out and "pip install" in out
    assert status == 2  # no report was read
    assert "no report was read" in out


def test_blank_cells_fail_a_strict_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", str(GLUED))[0] in (0, 1)
    status, out, _ = run(capsys, "check", "--strict", str(GLUED))
    assert status == 1
    assert "P-glued-ambiguous" in out


def test_a_cut_input_is_said(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "--strict", "--max-size", "3000", str(SEEDS[1]))
    assert "P-too-large" in out and status in (1, 2)


def test_empty_stdin_is_nothing_read(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    status, out, _ = run(capsys, "check", "-")
    assert status == 2
    assert "all pass" not in out and "no report was read" in out


def test_an_unwritable_output_is_2_in_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "check", str(SEEDS[0]), "-o", str(tmp_path / "missing" / "x.txt"))
    assert status == 2
    assert err.count("\n") == 1 and err.startswith("gxgk: cannot write") and "Traceback" not in err


def test_a_missing_input_is_2_and_never_all_pass(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "check", str(tmp_path / "nope.txt"))
    assert status == 2
    assert "nope.txt" in err and "all pass" not in out


def test_an_ascii_terminal_gets_replacements_not_a_traceback(junk: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LANG": "zh_CN.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "gxgk", "check", str(junk / "empty.txt")],
                          capture_output=True, env=env, timeout=120, check=False)
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    assert b"?" in done.stdout  # the Chinese message (the locale asks for it), replaced


def test_version_help_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as version:
        main(["--version"])
    assert version.value.code == 0 and capsys.readouterr().out.strip() == f"gxgk {gxgk.__version__}"
    status, out, _ = run(capsys, )
    assert status == 2 and out.startswith("usage: gxgk")
    for command in ([], ["demo"], ["parse"], ["check"], ["render"]):
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        text = capsys.readouterr().out
        examples = text.split("examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
        assert len(examples) == 2 and all(line.startswith("  gxgk") for line in examples), command
        assert "exit status: 0" in text


def test_the_locale_decides_the_default_language(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str], junk: Path) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    _, out, _ = run(capsys, "check", str(junk / "empty.txt"))
    assert "输入为空" in out and "没有读到任何报告" in out


# ---- paths and files are inputs ---------------------------------------------------------


def test_parse_reads_paths_and_open_files() -> None:
    text = gxgk.parse(SEEDS[0].read_text("utf-8"))
    assert gxgk.parse(SEEDS[0]) == text
    with SEEDS[0].open("rb") as binary:
        assert gxgk.parse(binary) == text
    with SEEDS[0].open(encoding="utf-8") as handle:
        assert gxgk.parse(handle) == text
    with pytest.raises(FileNotFoundError):
        gxgk.parse(SEEDS[0].with_name("missing.txt"))
    with pytest.raises(TypeError, match=r"pathlib\.Path"):
        gxgk.parse(12)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["reports/x.pdf", "年报.HTML", str(SEEDS[0])])
def test_a_path_given_as_text_is_an_error(text: str) -> None:
    report = gxgk.parse(text)
    assert report.template is gxgk.Template.NONE
    path = [d for d in report.diagnostics if d.code == "P-path"]
    assert path and path[0].severity is gxgk.Severity.ERROR and "pathlib.Path" in path[0].message


def test_report_text_that_mentions_a_file_is_still_text() -> None:
    assert not any(d.code == "P-path" for d in gxgk.parse("某县2021年政府信息公开工作年度报告.pdf").diagnostics)
    assert not any(d.code == "P-path" for d in gxgk.parse(SEEDS[1].read_text("utf-8")).diagnostics)


def test_parse_many_takes_a_folder_and_refuses_a_stray_string(junk: Path) -> None:
    assert len(list(gxgk.parse_many(junk))) == 9
    with pytest.raises(TypeError, match="names no file or folder"):
        gxgk.parse_many("reports/")


def test_every_parser_code_has_a_chinese_message() -> None:
    """Issue 15: parser diagnostics get Chinese messages too: every code the source can emit has one."""
    import re

    from gxgk.read.messages_zh import MESSAGES_ZH

    source = Path(gxgk.__file__).parent
    codes = {code for path in source.rglob("*.py")
             for code in re.findall(r'(?:Diagnostic\(|note\()\s*"(P-[a-z-]+)"', path.read_text("utf-8"))}
    assert len(codes) > 25
    assert codes <= set(MESSAGES_ZH), sorted(codes - set(MESSAGES_ZH))
