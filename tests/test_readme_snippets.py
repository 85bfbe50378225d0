"""The README's reading snippets run exactly as printed and give fiscal_year as an integer."""
from __future__ import annotations

import os
import re

import pytest
from tests.conftest import ROOT


def _snippets() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## The tables", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```(python|sql)\n(.*?)```", section, re.S)


@pytest.fixture
def in_out_parent(analyst_out, monkeypatch):
    """The current folder holds ``out/`` (the samples and two failed files), as the README assumes."""
    monkeypatch.chdir(analyst_out.parent)
    assert (analyst_out.parent / "out").is_dir()


def test_readme_has_the_four_readers():
    blocks = _snippets()
    text = "\n".join(code for _, code in blocks)
    assert [lang for lang, _ in blocks].count("python") == 3 and "duckdb" in text
    for reader in ("pd.read_parquet", "pl.read_parquet", "ds.dataset", "read_parquet('out/"):
        assert reader in text


@pytest.mark.parametrize("i", range(4))
def test_snippet_runs_and_types_fiscal_year_as_integer(i, in_out_parent):
    import duckdb
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    lang, code = _snippets()[i]
    if lang == "sql":
        rel = duckdb.sql(code.strip().rstrip(";"))
        assert dict(zip(rel.columns, map(str, rel.types)))["fiscal_year"] in ("BIGINT", "INTEGER")
        rows = rel.fetchall()
        assert rows and all(r[0] == 2568 and r[4] < 90 for r in rows)
        return
    ns: dict = {}
    exec(compile(code, f"README snippet {i}", "exec"), ns)
    scores = ns["scores"]
    if isinstance(scores, pd.DataFrame):
        assert pd.api.types.is_integer_dtype(scores["fiscal_year"])
        assert set(scores[scores.fiscal_year > 0]["fiscal_year"]) == {2567, 2568, 2569}
        assert len(ns["low"]) == 10 and ns["low"]["agency"].notna().all()
        meaning = ns["meaning"]
        assert len(meaning) == len(scores)
        known = meaning[meaning.fiscal_year > 0]
        assert known["text"].notna().all()  # every code of the samples is in its year's questionnaire
        i4 = known[(known.fiscal_year == 2568) & (known.question == "i4")]["text"].iat[0]
        assert i4.startswith("หน่วยงานของท่าน ใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์")
    elif isinstance(scores, pl.DataFrame):
        assert scores.schema["fiscal_year"].is_integer()
        assert set(scores.filter(pl.col("fiscal_year") > 0)["fiscal_year"].to_list()) == {2567, 2568, 2569}
    else:
        assert isinstance(scores, pa.Table)
        assert pa.types.is_integer(scores.schema.field("fiscal_year").type)
    assert os.path.isdir("out/scores")


def test_every_table_is_readable_after_a_run_where_every_document_failed(tmp_path, monkeypatch):
    """No score, analysis or measure was written: each table is still there, empty, with its columns."""
    import duckdb
    import pandas as pd
    import polars as pl
    import pyarrow.dataset as ds

    from ita_extract.output.schema import REFERENCE_SCHEMAS, SCHEMAS, TABLES
    from pipeline import main

    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.pdf").write_bytes(b"")
    assert main(["run", str(src), "--out", str(tmp_path / "out"), "--quiet", "--no-progress"]) == 3
    monkeypatch.chdir(tmp_path)
    for table in (*TABLES, "questions"):
        names = set({**SCHEMAS, **REFERENCE_SCHEMAS}[table].names) | {"fiscal_year"}
        assert set(pd.read_parquet(f"out/{table}").columns) == names, table
        assert set(ds.dataset(f"out/{table}", partitioning="hive").schema.names) == names, table
        assert set(pl.read_parquet(f"out/{table}/**/*.parquet", hive_partitioning=True).columns) == names
        assert set(duckdb.sql(f"SELECT * FROM read_parquet('out/{table}/**/*.parquet', "
                              "hive_partitioning = true)").columns) == names
    assert len(pd.read_parquet("out/scores")) == 0 and len(pd.read_parquet("out/documents")) == 1
