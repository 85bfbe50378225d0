"""The HTML report: self-contained, opens in headless Chromium with its plots and no console error."""
from __future__ import annotations

import datetime as dt
import io
import json
import re

import pandas as pd
import pytest
from tests.browser import chromium, open_page
from tests.conftest import EXPECTED

from ita_extract.output import report_data as rd
from ita_extract.output.html_report import render_html, write_html_report
from ita_extract.output.tables import read_tables


@pytest.fixture(scope="module")
def report(analyst_out, tmp_path_factory):
    return write_html_report(analyst_out, tmp_path_factory.mktemp("report") / "report.html")


def test_page_is_self_contained(report):
    text = report.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", text), "a script is loaded from elsewhere"
    assert not re.search(r"<link[^>]+href=[\"']?https?:", text), "a style sheet is loaded from elsewhere"
    assert not re.search(r"@import|url\([\"']?https?:", text)
    assert "Plotly.newPlot" in text


def test_every_problem_row_is_listed_with_its_file(analyst_out, report):
    text = report.read_text(encoding="utf-8")
    problems = read_tables(analyst_out)["problems"]
    rows = re.findall(r'<tr class="(error|warning)">(.*?)</tr>', text, re.S)
    assert len(rows) == len(problems) > 0
    assert sum(1 for s, _ in rows if s == "error") == 2  # the encrypted file and the one that is no report
    assert any("encrypted.pdf" in r and "encrypted-pdf" in r for _, r in rows)


@pytest.mark.slow
@pytest.mark.skipif(chromium() is None, reason="chromium is not installed (scripts/setup.sh installs it)")
def test_opens_in_chromium_with_plots_and_no_console_error(report, tmp_path):
    from PIL import Image, ImageStat

    page = open_page(report)
    assert page.console_errors == []
    assert all(u.startswith(("file:", "data:", "blob:")) for u in page.requests), page.requests
    c = page.counts
    assert c["plots"] == 8 and c["drawn"] == 8, c
    assert c["svg"] >= 8 and c["marks"] >= 100, c
    # Thai drawn as text, hand-checked names from the samples
    assert "ทุกหน่วยงาน" in c["text"] and "การปรับปรุงการทำงาน" in c["text"]
    shot = Image.open(io.BytesIO(page.screenshot)).convert("RGB")
    (tmp_path / "report.png").write_bytes(page.screenshot)
    assert shot.size[1] > 2000
    # not blank: many colours, and every band of the page has ink
    assert len(shot.getcolors(1 << 24)) > 500
    for top in range(0, shot.size[1] - 400, 400):
        band = shot.crop((0, top, shot.size[0], top + 400)).convert("L")
        assert ImageStat.Stat(band).stddev[0] > 5, f"the band at {top}px is blank"


def test_an_output_with_no_row_still_renders(tmp_path):
    from ita_extract.output.parquet import ensure_tables

    ensure_tables(tmp_path)
    text = render_html(tmp_path)
    assert "Problems · ปัญหาที่พบ (0)" in text


# --- the views, on hand-made rows --------------------------------------------------

def _scores(rows):
    return pd.DataFrame(rows, columns=["doc_id", "fiscal_year", "indicator", "indicator_name", "tool", "question",
                                       "question_no", "question_text", "score"])


def test_weakest_indicator_and_questions_keep_years_and_oit_apart():
    s = _scores([
        ("a", 2568, 1, "ก", "IIT", "i1", 1, "q1", 90.0), ("a", 2568, 6, "ข", "EIT", "e1", 1, "q2", 80.0),
        ("a", 2568, 9, "ค", "OIT", "o1", 1, "x", 0.0),
        ("b", 2569, 1, "ก", "IIT", "i1", 1, "q1'", 70.0), ("b", 2569, 6, "ข", "EIT", "e1", 1, "q2", 95.0),
        ("b", 2569, 9, "ค", "OIT", "o1", 1, "y", 100.0),
    ])
    weakest = rd.weakest_indicator_counts(s)
    assert dict(zip(weakest["indicator"], weakest["documents"])) == {1: 1, 6: 1}  # OIT's 0 is not the weakest
    q = rd.weakest_questions(s)
    assert list(zip(q["fiscal_year"], q["question"], q["mean"])) == [
        (2569, "i1", 70.0), (2568, "e1", 80.0), (2568, "i1", 90.0), (2569, "e1", 95.0)]
    oit = rd.oit_missed(s)
    assert list(zip(oit["fiscal_year"], oit["question"], oit["missed"])) == [(2568, "o1", 1.0)]


def test_measures_by_month_counts_running_and_starting_months():
    m = pd.DataFrame({"period_start": [dt.date(2025, 11, 1), dt.date(2026, 1, 15), None],
                      "period_end": [dt.date(2026, 1, 31), dt.date(2026, 1, 31), None]})
    got = rd.measures_by_month(m)
    assert [d.isoformat() for d in got["month"]] == ["2025-11-01", "2025-12-01", "2026-01-01"]
    assert got["running"].tolist() == [1, 1, 2]
    assert got["starting"].tolist() == [1, 0, 1]


def test_cause_words_are_thai_words_counted_once_per_cause():
    a = pd.DataFrame({"doc_id": ["a", "a", "b"],
                      "cause": ["เจ้าหน้าที่ให้บริการล่าช้า", "เจ้าหน้าที่ให้บริการล่าช้า",
                                "ผู้รับบริการไม่ทราบขั้นตอน และเจ้าหน้าที่ไม่เพียงพอ"]})
    words = dict(zip(*rd.cause_words(a).T.values))
    assert words["เจ้าหน้าที่"] == 2  # a's cause is one merged cell printed for two indicators
    assert words["ล่าช้า"] == 1
    assert "และ" not in words and "ไม่" not in words  # stop words


def test_views_of_the_samples_match_their_hand_written_rows(analyst_out):
    t = read_tables(analyst_out)
    assert rd.status_counts(t["documents"]).set_index("status")["documents"].to_dict() == \
        {"ok": 3, "partial": 0, "failed": 2}
    expected = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXPECTED.glob("ita-*.json"))]
    measures = [m for e in expected for m in e["measures"]]
    units = rd.measures_by_unit(t["measures"], 100).set_index("responsible")["measures"].to_dict()
    for unit in {m["responsible"] for m in measures if m["responsible"]}:
        assert units[unit] == sum(1 for m in measures if m["responsible"] == unit), unit
