"""The test tiers gate: ``needs_tesseract`` tests skip, with the reason, where Tesseract is missing."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from tests.conftest import ROOT

PROBE_TEST = textwrap.dedent("""
    import pytest

    @pytest.mark.needs_tesseract
    def test_reads_with_tesseract():
        from extract.ocr.tesseract import Engine
        Engine().close()

    def test_needs_nothing():
        assert True
""")


def _pytest(tmp_path, extra_path: list[str]) -> subprocess.CompletedProcess:
    """pytest in a fresh process on a probe test file, with the project's conftest and markers."""
    test = tmp_path / "test_tier_probe.py"
    test.write_text(PROBE_TEST, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([*extra_path, str(ROOT)])}
    return subprocess.run([sys.executable, "-m", "pytest", str(test), "-p", "tests.conftest",
                           "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path), "-o", "addopts=",
                           "-rs", "-q", "-p", "no:cacheprovider"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_needs_tesseract_is_skipped_with_the_reason_when_tesseract_is_missing(tmp_path):
    shadow = tmp_path / "shadow"
    (shadow / "tesserocr").mkdir(parents=True)  # a tesserocr that cannot load, as on a machine without it
    (shadow / "tesserocr" / "__init__.py").write_text("raise ImportError('libtesseract is not installed')\n")
    run = _pytest(tmp_path, [str(shadow)])
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed, 1 skipped" in run.stdout, run.stdout
    assert "needs Tesseract with its tha model" in run.stdout and "tesserocr" in run.stdout, run.stdout


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_needs_tesseract_runs_where_tesseract_is(tmp_path):
    run = _pytest(tmp_path, [])
    assert run.returncode == 0 and "2 passed" in run.stdout, run.stdout + run.stderr
