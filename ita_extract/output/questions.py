"""The ``questions`` reference table: each fiscal year's questionnaire, written beside the tables.

``OUT/questions/fiscal_year=<year>/questions.parquet`` for every year of
``normalize/questionnaires.json``, rewritten by each run (atomically), so it
always matches the questionnaire this version of ita-extract knows. Join it to
``scores`` on ``fiscal_year``, ``tool`` and ``question``.
"""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from ita_extract.errors import OutputNotWritable
from normalize.indicators import CANONICAL
from normalize.questionnaire import fiscal_years, questions
from ita_extract.output.parquet import _replace_atomically
from ita_extract.output.schema import PARTITION, REFERENCE_SCHEMAS

TABLE = "questions"


def questionnaire_table(fiscal_year: int) -> pa.Table:
    """One fiscal year's questions in questionnaire order."""
    rows = [{"tool": q.tool, "question": q.code, "question_no": q.number, "indicator": q.indicator,
             "indicator_name": CANONICAL[q.indicator], "text": q.text} for q in questions(fiscal_year)]
    return pa.Table.from_pylist(rows, schema=REFERENCE_SCHEMAS[TABLE])


def write_questions(out: Path) -> int:
    """Write every year's questionnaire into ``out``; returns the rows written."""
    n = 0
    try:
        for year in fiscal_years():
            folder = out / TABLE / f"{PARTITION}={year}"
            folder.mkdir(parents=True, exist_ok=True)
            table = questionnaire_table(year)
            _replace_atomically(table, folder / f"{TABLE}.parquet")
            n += table.num_rows
    except OSError as exc:
        raise OutputNotWritable(f"Cannot write to {out}: {exc.strerror or exc}.") from exc
    return n
