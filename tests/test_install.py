"""The install lives beside an analyst's own modules (issue 13).

Before, the package installed generic top-level names (``settings``, ``errors``,
``report``, ...): in a folder holding a ``settings.py``, ``import pipeline`` took
the analyst's module. Now everything but the design's folders lives in
``ita_extract/``; these tests run the console script and ``import`` from a folder
whose own ``settings.py``, ``report.py`` and ``errors.py`` explode when imported.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from tests.conftest import SAMPLES

SHADOWS = ("settings", "report", "errors", "output", "batch")


@pytest.fixture
def analyst_folder(tmp_path: Path) -> Path:
    for name in SHADOWS:
        (tmp_path / f"{name}.py").write_text(f"raise ImportError('the analyst\\'s own {name}.py was imported')\n")
    return tmp_path


def test_import_from_a_folder_with_an_analysts_modules(analyst_folder):
    code = ("import pipeline, ita_extract.settings, ita_extract.errors, ita_extract.report.document\n"
            "from ita_extract.settings import Settings\n"
            "print(pipeline.__file__)\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=analyst_folder, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert Path(r.stdout.strip()).parent != analyst_folder


def test_console_script_from_a_folder_with_an_analysts_modules(analyst_folder):
    script = shutil.which("ita-extract", path=str(Path(sys.executable).parent))
    assert script, "the ita-extract console script is not installed beside this Python"
    pdf = sorted(SAMPLES.glob("*.pdf"))[0]
    shutil.copyfile(pdf, analyst_folder / pdf.name)
    r = subprocess.run([script, "run", pdf.name, "--out", "out", "--quiet", "--workers", "0"],
                       cwd=analyst_folder, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    rows = ds.dataset(analyst_folder / "out" / "documents", partitioning="hive").to_table().to_pylist()
    assert [row["status"] for row in rows] == ["ok"]


def test_no_module_patches_sys_path():
    """Imports come from the install, never from a patched sys.path (issue 13)."""
    root = Path(__file__).resolve().parents[1]
    offenders = [str(p.relative_to(root)) for folder in ("extract", "ita_extract", "normalize", "tests", "benchmarks", "samples")
                 for p in (root / folder).rglob("*.py") if "sys.path.insert" in p.read_text(encoding="utf-8")
                 and p.name != "test_install.py"]
    offenders += ["pipeline.py"] if "sys.path.insert" in (root / "pipeline.py").read_text(encoding="utf-8") else []
    assert offenders == []
