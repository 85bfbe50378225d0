"""examples/analysis.ipynb runs top to bottom on the samples' output (nbclient), so it never goes stale."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from tests.conftest import EXPECTED, ROOT

NOTEBOOK = ROOT / "examples" / "analysis.ipynb"


def _text(output) -> str:
    return output.get("text") or output.get("data", {}).get("text/plain", "")


@pytest.mark.slow
def test_notebook_runs_on_the_samples_output(analyst_out, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.setenv("ITA_OUT", str(analyst_out))
    monkeypatch.setenv("ITA_FISCAL_YEAR", "2569")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("application/vnd.plotly.v1+json" in o.get("data", {}) for o in outputs), "no plot"
    text = "\n".join(_text(o) for o in outputs)
    # the measures due in fiscal year 2569 (Oct 2025 - Sep 2026), counted from the hand-written rows
    start, end = dt.date(2025, 10, 1), dt.date(2026, 9, 30)
    due = sum(1 for p in EXPECTED.glob("ita-*.json")
              for m in json.loads(p.read_text(encoding="utf-8"))["measures"]
              if m["period_end"] and start <= dt.date.fromisoformat(m["period_end"]) <= end)
    assert due > 0
    assert f"measures due in fiscal year 2569 (2025-10-01 to 2026-09-30): {due}" in text
    assert "หนองกะบู่" in text and "อบต:หนองกะบู" in text  # the weakest-indicator table, per agency key
