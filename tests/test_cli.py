"""The command line: help, a real run, argument errors, exit codes, and the README."""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import ROOT, SAMPLES

PIPELINE = ROOT / "pipeline.py"
README = ROOT / "README.md"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(PIPELINE), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def main(*args: str) -> int:
    from pipeline import main as _main

    return _main(list(args))


def one_sample() -> Path:
    pdfs = sorted(SAMPLES.glob("*.pdf"))
    if not pdfs:
        pytest.fail("samples/*.pdf are missing: run `make samples`")
    return pdfs[0]


def run_options() -> list[str]:
    """Every option string of ``run`` (``--help`` aside), from the real parser."""
    from pipeline import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    run = sub.choices["run"]
    return [s for a in run._actions if not isinstance(a, argparse._HelpAction) for s in a.option_strings]


# --- subprocess: the real entry point ---------------------------------------

def test_help():
    r = cli("--help")
    assert r.returncode == 0, r.stderr
    assert "run" in r.stdout
    assert "usage" in r.stdout.lower()


def test_run_help_lists_every_option():
    r = cli("run", "--help")
    assert r.returncode == 0, r.stderr
    for opt in run_options():
        assert opt in r.stdout, f"{opt} missing from `run --help`"
    assert "INPUT" in r.stdout


def test_no_command_is_bad_args():
    r = cli()
    assert r.returncode == 2
    assert "usage" in r.stderr.lower()


def test_real_run_on_one_sample(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copyfile(one_sample(), src / "report.pdf")
    out = tmp_path / "out"
    r = cli("run", str(src), "--out", str(out), "--no-progress", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    summary = [ln for ln in r.stdout.splitlines() if "document" in ln]
    assert summary, f"no summary line in {r.stdout!r}"
    assert re.search(r"\b1 ok\b", summary[0]), summary[0]
    assert re.search(r"\b0 failed\b", summary[0]), summary[0]
    assert list((out / "documents").glob("fiscal_year=*/*.parquet"))


# --- in-process main: argument and environment errors -----------------------

def test_missing_input_is_bad_args(tmp_path, capsys):
    missing = tmp_path / "no-such-folder"
    code = main("run", str(missing), "--out", str(tmp_path / "out"), "--quiet", "--no-progress")
    assert code == 2
    err = capsys.readouterr().err
    assert "not found" in err.lower() and "no-such-folder" in err
    assert not (tmp_path / "out").exists(), "a run with bad arguments created its output folder"


def test_missing_out_option_is_bad_args(tmp_path):
    with pytest.raises(SystemExit) as exc:
        main("run", str(one_sample()))
    assert exc.value.code == 2


def test_out_is_an_existing_file(tmp_path, capsys):
    target = tmp_path / "out.parquet"
    target.write_text("not a folder")
    code = main("run", str(one_sample()), "--out", str(target), "--quiet", "--no-progress")
    assert code == 2
    err = capsys.readouterr().err
    assert str(target) in err and "folder" in err
    assert target.read_text() == "not a folder"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root ignores file permissions, so a chmod 0o500 folder is still writable")
def test_unwritable_out_folder_exits_5(tmp_path, capsys):
    out = tmp_path / "locked"
    out.mkdir()
    out.chmod(0o500)
    try:
        code = main("run", str(one_sample()), "--out", str(out), "--quiet", "--no-progress")
    finally:
        out.chmod(0o700)
    assert code == 5
    assert "cannot write" in capsys.readouterr().err.lower()
    assert list(out.iterdir()) == []


def test_out_below_a_file_exits_5(tmp_path, capsys):
    """An output folder that cannot be created (its parent is a file): works as root too."""
    parent = tmp_path / "a-file"
    parent.write_text("x")
    code = main("run", str(one_sample()), "--out", str(parent / "out"), "--quiet", "--no-progress")
    assert code == 5
    assert "cannot write" in capsys.readouterr().err.lower()


# --- README -----------------------------------------------------------------

def _readme() -> str:
    if not README.exists():
        pytest.skip("README.md does not exist yet: the CLI documentation cannot be checked")
    return README.read_text(encoding="utf-8")


def test_readme_documents_every_run_option():
    text = _readme()
    options = run_options()
    assert "--out" in options
    missing = [o for o in options if not re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", text)]
    assert not missing, f"options of `run` not in README.md: {missing}"


def test_readme_exit_code_table_lists_every_exit_code():
    from ita_extract.errors import ExitCode

    text = _readme()
    m = re.search(r"^#+\s*Exit codes\s*$(.*?)(?=^#|\Z)", text, flags=re.M | re.S | re.I)
    assert m, "README.md has no 'Exit codes' section"
    table = {}
    for line in m.group(1).splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].isdigit():
            table[int(cells[0])] = cells[1]
    assert table, "the 'Exit codes' section has no table of codes"
    for code in ExitCode:
        assert int(code) in table, f"exit code {int(code)} ({code.name}) is not in README.md"
        assert table[int(code)] == code.name, (
            f"README.md names exit code {int(code)} {table[int(code)]!r}, errors.ExitCode says {code.name!r}")
    extra = set(table) - {int(c) for c in ExitCode}
    assert not extra, f"README.md lists exit codes errors.ExitCode does not have: {sorted(extra)}"


@pytest.mark.slow
def test_installed_console_script_runs_outside_the_repo(tmp_path):
    """`ita-extract` as installed by setup imports every package from anywhere."""
    script = Path(sys.executable).parent / "ita-extract"
    if not script.exists():
        pytest.skip("the project is not installed in this environment (run `make setup`)")
    sample = sorted(SAMPLES.glob("*.pdf"))[0]
    proc = subprocess.run([str(script), "run", str(sample), "--out", str(tmp_path / "out"), "--quiet",
                           "--workers", "1"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "1 ok" in proc.stdout


# --- issue 12: a return-code policy for the unexpected ---------------------------

def test_unexpected_failure_of_the_run_exits_15(tmp_path, monkeypatch, capsys):
    """Before: an exception that is no ItaError escaped main (exit 1, undocumented)."""
    import pipeline

    def broken(settings):
        raise RuntimeError("a bug outside any one document")

    monkeypatch.setattr(pipeline, "run_batch", broken)
    assert main("run", str(one_sample()), "--out", str(tmp_path / "out"), "--quiet", "--no-progress") == 15
    err = capsys.readouterr().err
    assert "internal error" in err and "RuntimeError" in err and "a bug outside any one document" in err


def test_readme_how_it_fails_lists_every_error_code():
    """Every typed failure (the ``code`` of each leaf class) has a line in the README's "How it fails"."""
    import ita_extract.errors

    text = _readme()
    m = re.search(r"^#+\s*How it fails\s*$(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert m, "README.md has no 'How it fails' section"
    section = m.group(1)

    def leaves(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from leaves(sub)

    codes = {c.code for c in leaves(ita_extract.errors.ItaError) if not c.__subclasses__()}
    missing = sorted(c for c in codes if f"`{c}`" not in section)
    assert not missing, f"codes missing from README 'How it fails': {missing}"
