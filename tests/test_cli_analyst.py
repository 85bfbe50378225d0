"""The command line as people expect it: --version, --summary-json, failures named under --quiet,
log lines above the progress bar, a warning and exit 2 when the inputs hold no PDF."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT, SAMPLES

from ita_extract.settings import EXTRACTOR_VERSION, SCHEMA_VERSION


def cli(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "pipeline.py"), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def _inputs(tmp_path, *bad: str):
    src = tmp_path / "in"
    src.mkdir()
    (src / "report.pdf").write_bytes(sorted(SAMPLES.glob("*.pdf"))[0].read_bytes())
    for name in bad:
        (src / name).write_bytes((FIXTURES / name).read_bytes())
    return src


def test_version():
    r = cli("--version")
    assert r.returncode == 0
    assert re.fullmatch(rf"ita-extract \S+ \(extractor {re.escape(EXTRACTOR_VERSION)}, schema {SCHEMA_VERSION}\)\n",
                        r.stdout), r.stdout


@pytest.mark.slow
def test_quiet_names_failed_files_and_summary_json_lists_them(tmp_path):
    src = _inputs(tmp_path, "encrypted.pdf", "not-ita.pdf")
    r = cli("run", str(src), "--out", str(tmp_path / "out"), "--quiet", "--no-progress", "--workers", "0",
            "--summary-json", str(tmp_path / "summary.json"))
    assert r.returncode == 3, r.stderr
    warnings = [ln for ln in r.stderr.splitlines() if ln.startswith("WARNING")]
    assert any("encrypted.pdf" in ln and "encrypted-pdf" in ln for ln in warnings), r.stderr
    assert any("not-ita.pdf" in ln and "not-an-ita-report" in ln for ln in warnings), r.stderr
    assert "report.pdf" not in r.stderr  # quiet: the ok document is not logged
    s = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert s["documents"] == {"ok": 1, "partial": 0, "failed": 2}
    assert s["exit_code"] == 3 and s["pages"] > 0 and s["seconds"] > 0
    assert s["rows"]["documents"] == 3 and s["rows"]["scores"] > 0
    assert sorted((f["source_file"], f["code"]) for f in s["failed"]) == [
        ("encrypted.pdf", "encrypted-pdf"), ("not-ita.pdf", "not-an-ita-report")]
    assert all(f["error"] for f in s["failed"])


def test_no_pdf_in_the_inputs_is_a_warning_and_exit_2(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "notes.txt").write_text("no report here")
    r = cli("run", str(src), "--out", str(tmp_path / "out"), "--quiet", "--no-progress",
            "--summary-json", str(tmp_path / "s.json"))
    assert r.returncode == 2
    assert re.search(r"^WARNING no PDF found in .*in", r.stderr, re.M), r.stderr
    assert json.loads((tmp_path / "s.json").read_text())["exit_code"] == 2


@pytest.mark.slow
def test_log_lines_never_share_a_line_with_the_progress_bar(tmp_path):
    src = _inputs(tmp_path, "encrypted.pdf")
    (src / "second.pdf").write_bytes(sorted(SAMPLES.glob("*.pdf"))[1].read_bytes())
    r = cli("run", str(src), "--out", str(tmp_path / "out"), "--progress", "--workers", "0")
    assert r.returncode == 3
    segments = [s for s in re.split(r"[\r\n]", r.stderr) if s.strip()]
    logs = [s for s in segments if re.search(r"(INFO|WARNING) ", s)]
    bars = [s for s in segments if "ita-extract:" in s and "doc" in s]
    assert len(logs) >= 3 and bars, r.stderr
    for s in logs:
        assert re.match(r"(INFO|WARNING) ", s), f"a log line was printed over the progress bar: {s!r}"


def test_readme_documents_report_and_export_and_version():
    import argparse

    from pipeline import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for command in ("report", "export"):
        assert f"ita-extract {command} OUT" in readme, command
        for action in sub.choices[command]._actions:
            for opt in action.option_strings:
                if opt not in ("-h", "--help"):
                    assert re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", readme), f"{command} {opt}"
    assert "ita-extract --version" in readme
