"""Arrow schemas of the output contract (../shared/CONTRACT.md, schema v1).

``fiscal_year`` is the Hive partition key: it lives in the folder name
(``fiscal_year=2568``), not in the files. Unknown years are written to the
partition ``fiscal_year=0`` because pandas cannot read a Hive dataset with a
null partition value (TRAPS.md); 0 is never a real Buddhist-era year.
"""
from __future__ import annotations

import pyarrow as pa

from normalize.codes import QuestionCode

PARTITION = "fiscal_year"
UNKNOWN_YEAR = 0

_str = pa.string()
_i32 = pa.int32()

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", _str), ("source_file", _str), ("agency", _str), ("agency_key", _str), ("pages", _i32),
        ("text_source", _str), ("status", _str), ("error", _str), ("schema_version", _str),
        ("extractor_version", _str), ("seconds", pa.float64()),
    ]),
    "scores": pa.schema([
        ("doc_id", _str), ("indicator", _i32), ("indicator_name", _str), ("tool", _str),
        ("question", _str), ("question_no", _i32), ("question_text", _str), ("score", pa.float64()),
        ("page", _i32),
    ]),
    "analyses": pa.schema([
        ("doc_id", _str), ("indicator", _i32), ("indicator_name", _str),
        ("lowest_questions", pa.list_(_str)), ("cause", _str), ("guideline", _str),
        ("references", pa.list_(_str)), ("page", _i32),
    ]),
    "measures": pa.schema([
        ("doc_id", _str), ("indicator", _i32), ("indicator_name", _str), ("seq", _i32),
        ("measure", _str), ("finding", _str), ("steps", _str), ("period_text", _str),
        ("period_start", pa.date32()), ("period_end", pa.date32()), ("responsible", _str), ("page", _i32),
    ]),
    "problems": pa.schema([
        ("doc_id", _str), ("severity", _str), ("code", _str), ("message", _str),
        ("indicator", _i32), ("page", _i32),
    ]),
}

TABLES = tuple(SCHEMAS)

#: Reference tables written beside the document tables: no ``doc_id``, the same
#: Hive layout. ``questions`` is the ITA questionnaire of each fiscal year
#: (``normalize/questionnaires.json``), so an analysis can join a question
#: code to its meaning in that year (codes change meaning between years).
REFERENCE_SCHEMAS: dict[str, pa.Schema] = {
    "questions": pa.schema([
        ("tool", _str), ("question", _str), ("question_no", _i32), ("indicator", _i32),
        ("indicator_name", _str), ("text", _str),
    ]),
}


def question_no(code: str | None) -> int | None:
    """The number of a question code, so that codes sort as numbers (``o10`` after ``o9``).

    >>> question_no("o10"), question_no("i3"), question_no(None)
    (10, 3, None)
    """
    parsed = QuestionCode.of(code)
    return parsed.number if parsed else None
