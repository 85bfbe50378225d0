"""export --xlsx / --csv: every table, Thai intact, dates as dates, lists joined, read back."""
from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from tests.conftest import EXPECTED

from ita_extract.output.schema import TABLES


def _expected(name: str) -> dict:
    return json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def exported(analyst_out, tmp_path_factory):
    from pipeline import main

    folder = tmp_path_factory.mktemp("export")
    code = main(["export", str(analyst_out), "--xlsx", str(folder / "ita.xlsx"), "--csv", str(folder / "csv")])
    assert code == 0
    return folder


def test_workbook_has_every_table_with_a_frozen_header(exported):
    import openpyxl

    wb = openpyxl.load_workbook(exported / "ita.xlsx")
    assert wb.sheetnames == [*TABLES, "questions"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.cell(1, 1).value == ("doc_id" if ws.title != "questions" else "tool")
    q = wb["questions"]
    header = [c.value for c in q[1]]
    rows = [dict(zip(header, (c.value for c in r))) for r in q.iter_rows(min_row=2)]
    i4 = next(r for r in rows if (r["fiscal_year"], r["question"]) == (2568, "i4"))
    assert i4["text"].startswith("หน่วยงานของท่าน ใช้จ่ายงบประมาณ") and i4["indicator"] == 2


def test_workbook_cells_thai_dates_and_lists(exported):
    import openpyxl

    nongkabu = _expected("ita-2568-nongkabu")
    wb = openpyxl.load_workbook(exported / "ita.xlsx")
    ws = wb["measures"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in r))) for r in ws.iter_rows(min_row=2)]
    first = next(m for m in nongkabu["measures"] if m["period_start"])
    row = next(r for r in rows if r["agency"] == nongkabu["document"]["agency"]
               and (r["indicator"], r["seq"]) == (first["indicator"], first["seq"]))
    cell = ws.cell(rows.index(row) + 2, header.index("period_start") + 1)
    assert cell.is_date and cell.value.date() == dt.date.fromisoformat(first["period_start"])
    assert row["responsible"] == first["responsible"]  # Thai as written by hand
    ws = wb["analyses"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in r))) for r in ws.iter_rows(min_row=2)]
    want = nongkabu["analyses"][0]
    got = next(r for r in rows if r["agency"] == nongkabu["document"]["agency"] and r["indicator"] == want["indicator"])
    assert got["references"] == ", ".join(want["references"])  # "o10, o8, o9"
    assert got["lowest_questions"] == ", ".join(want["lowest_questions"])
    assert got["fiscal_year"] == 2568


def test_csv_files_are_utf8_with_bom_and_read_back(exported, analyst_out):
    from ita_extract.output.tables import read_tables

    tables = read_tables(analyst_out)
    for name in (*TABLES, "questions"):
        path = exported / "csv" / f"{name}.csv"
        assert path.read_bytes()[:3] == b"\xef\xbb\xbf", name
        back = pd.read_csv(path, encoding="utf-8-sig")
        assert len(back) == len(tables[name]), name
        assert list(back.columns[:2]) == ["doc_id", "agency"] or name in ("documents", "questions")
    docs = pd.read_csv(exported / "csv" / "documents.csv", encoding="utf-8-sig")
    agencies = {_expected(p)["document"]["agency"] for p in
                ("ita-2567-wiangsawan", "ita-2568-nongkabu", "ita-2569-bannasuan")}
    assert agencies <= set(docs["agency"].dropna())
    measures = pd.read_csv(exported / "csv" / "measures.csv", encoding="utf-8-sig", parse_dates=["period_end"])
    assert measures["period_end"].dropna().dt.year.between(2020, 2030).all()  # ISO dates, Gregorian


def test_export_needs_a_target(analyst_out, capsys):
    from pipeline import main

    assert main(["export", str(analyst_out)]) == 2
    assert "--xlsx" in capsys.readouterr().err
