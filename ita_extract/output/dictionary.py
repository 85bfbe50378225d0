"""The data dictionary (``docs/schema.md``), generated from the Arrow schemas and the problem codes.

Column types come from ``ita_extract.output.schema`` (the schemas the writer uses), the
meanings from ``COLUMNS`` below, the problem codes from ``ita_extract.errors.PROBLEM_CODES``.
``python -m ita_extract.output.dictionary --write`` rewrites ``docs/schema.md``; a test fails
when the file differs from this output, and :func:`render` raises when a column
has no meaning here, so a column cannot be added without its entry.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa

from ita_extract.errors import PROBLEM_CODES
from ita_extract.output.schema import PARTITION, REFERENCE_SCHEMAS, SCHEMAS, UNKNOWN_YEAR

#: Where the generated dictionary lives in the repository.
SCHEMA_MD = Path(__file__).resolve().parents[2] / "docs" / "schema.md"

#: What each table holds (English, Thai).
TABLE_MEANINGS: dict[str, tuple[str, str]] = {
    "documents": ("One row per input file (byte-identical files are one document).",
                  "หนึ่งแถวต่อไฟล์ที่อ่าน (ไฟล์ที่เหมือนกันทุกไบต์นับเป็นเอกสารเดียว)"),
    "scores": ("One row per question with its own code, and its score.",
               "หนึ่งแถวต่อข้อคำถามที่มีรหัสของตนเอง พร้อมคะแนน"),
    "analyses": ("One row per indicator analysed: the lowest question, its cause and the way to raise it.",
                 "หนึ่งแถวต่อตัวชี้วัดที่วิเคราะห์: ข้อที่ได้คะแนนน้อยที่สุด สาเหตุ และแนวทางการยกระดับ"),
    "measures": ("One row per measure, project or activity of the improvement plan.",
                 "หนึ่งแถวต่อมาตรการ โครงการ หรือกิจกรรม"),
    "problems": ("What a careful reader would flag; the codes are listed below.",
                 "สิ่งที่ผู้อ่านควรทราบ รหัสปัญหาอยู่ในตารางด้านล่าง"),
    "questions": ("The ITA questionnaire of each fiscal year (reference table, no doc_id): join it to "
                  "scores on fiscal_year, tool and question, since codes change meaning between years.",
                  "แบบสำรวจ ITA ของแต่ละปีงบประมาณ (ตารางอ้างอิง ไม่มี doc_id) เชื่อมกับ scores ด้วย "
                  "fiscal_year, tool และ question เพราะรหัสข้อเปลี่ยนความหมายระหว่างปี"),
}

_INDICATOR = ("Indicator 1–10 in canonical numbering (decided by its name when the printed number disagrees).",
              "ตัวชี้วัดที่ 1–10 ตามลำดับมาตรฐาน (ตัดสินจากชื่อเมื่อหมายเลขที่พิมพ์ไม่ตรง)")
_INDICATOR_NAME = ("The indicator's canonical name.", "ชื่อมาตรฐานของตัวชี้วัด")
_PAGE = ("1-based page where the row starts.", "หน้าที่แถวนี้เริ่มต้น (นับจาก 1)")
_DOC_ID = ("sha256 (hex) of the file's bytes: joins every table to documents.",
           "ค่า sha256 ของไฟล์ ใช้เชื่อมทุกตารางกับ documents")

#: The meaning of every column, (table, column) -> (English, Thai); ``*`` is any table.
COLUMNS: dict[tuple[str, str], tuple[str, str]] = {
    ("*", "doc_id"): _DOC_ID,
    ("*", PARTITION): (f"Fiscal year, Buddhist era (e.g. 2568); {UNKNOWN_YEAR} when unknown, as for a failed "
                       "file. The Hive partition (folder name), typed by each reader its own way.",
                       f"ปีงบประมาณ พ.ศ. (เช่น 2568) เป็น {UNKNOWN_YEAR} เมื่อไม่ทราบ เช่น ไฟล์ที่อ่านไม่ได้ "
                       "เก็บเป็นชื่อโฟลเดอร์ (Hive partition)"),
    ("*", "indicator"): _INDICATOR,
    ("*", "indicator_name"): _INDICATOR_NAME,
    ("*", "page"): _PAGE,
    ("documents", "source_file"): ("Path of the input, relative to the input root given.",
                                   "ตำแหน่งไฟล์ที่อ่าน เทียบกับโฟลเดอร์ที่ระบุ"),
    ("documents", "agency"): ("Agency name, normalized (abbreviations expanded).",
                              "ชื่อหน่วยงาน ปรับให้เป็นมาตรฐาน (ขยายคำย่อ)"),
    ("documents", "agency_key"): ("The same for one agency across spellings and fiscal years: type:name[:province], "
                                  "tone marks, spaces and dots left out (อบต:หนองกะบู).",
                                  "รหัสหน่วยงานที่คงที่ข้ามการสะกดและปีงบประมาณ: ประเภท:ชื่อ[:จังหวัด] "
                                  "ไม่นับวรรณยุกต์ ช่องว่าง และจุด"),
    ("documents", "pages"): ("Page count.", "จำนวนหน้า"),
    ("documents", "text_source"): ("digital (text layer), ocr or mixed.", "ที่มาของข้อความ: digital, ocr หรือ mixed"),
    ("documents", "status"): ("ok, partial (some tables missing or unreadable) or failed.",
                              "สถานะ: ok, partial (บางตารางหายหรืออ่านไม่ได้) หรือ failed"),
    ("documents", "error"): ("Why the file failed; null unless failed.", "สาเหตุที่อ่านไม่ได้ (ว่างถ้าไม่ failed)"),
    ("documents", "schema_version"): ("Version of the output contract.", "รุ่นของโครงสร้างข้อมูล"),
    ("documents", "extractor_version"): ("ita-extract version that read the file.", "รุ่นของ ita-extract ที่อ่านไฟล์"),
    ("documents", "seconds"): ("Time spent reading the file.", "เวลาที่ใช้อ่านไฟล์ (วินาที)"),
    ("scores", "tool"): ("IIT, EIT or OIT.", "เครื่องมือ: IIT, EIT หรือ OIT"),
    ("scores", "question"): ("Question code: lower-case letter, Arabic digits (i1, e9, o28).",
                             "รหัสข้อคำถาม (i1, e9, o28)"),
    ("scores", "question_no"): ("The code's number (o10 → 10), so codes sort as numbers.",
                                "เลขของรหัสข้อ (o10 → 10) ใช้เรียงลำดับ"),
    ("scores", "question_text"): ("The question as printed, normalized.", "ข้อคำถามตามที่พิมพ์ ปรับให้เป็นมาตรฐาน"),
    ("scores", "score"): ("0–100; null where none is printed. IIT/EIT: survey averages; OIT: 0 or 100.",
                          "คะแนน 0–100 (ว่างถ้าไม่ได้พิมพ์) IIT/EIT เป็นค่าเฉลี่ย OIT เป็น 0 หรือ 100"),
    ("analyses", "lowest_questions"): ("Codes named as lowest-scoring; empty when none.",
                                       "รหัสข้อคำถามที่ได้คะแนนน้อยที่สุด"),
    ("analyses", "cause"): ("The cause (สาเหตุเกิดจาก).", "สาเหตุเกิดจาก"),
    ("analyses", "guideline"): ("The way to raise the score (แนวทางการยกระดับผลการประเมินฯ).",
                                "แนวทางการยกระดับผลการประเมิน"),
    ("analyses", "references"): ("OIT codes cited as sources (อ้างอิงจาก o10), in order of first citation, unique; "
                                 "a code the fiscal year's questionnaire lacks is left out (reference-unknown).",
                                 "รหัส OIT ที่อ้างอิง (อ้างอิงจาก o10) ตามลำดับที่อ้างครั้งแรก "
                                 "รหัสที่ไม่มีในแบบวัดของปีงบประมาณนั้นจะไม่ถูกนำมาใส่ (reference-unknown)"),
    ("measures", "seq"): ("1-based order within its indicator.", "ลำดับภายในตัวชี้วัด (นับจาก 1)"),
    ("measures", "measure"): ("Measure, project or activity.", "มาตรการ โครงการ หรือกิจกรรม"),
    ("measures", "finding"): ("The finding it answers.", "ผลการวิเคราะห์ตัวชี้วัด"),
    ("measures", "steps"): ("Steps.", "ขั้นตอนหรือวิธีการปฏิบัติ"),
    ("measures", "period_text"): ("The period as printed, normalized.", "ช่วงระยะเวลาในการดำเนินการตามที่พิมพ์"),
    ("measures", "period_start"): ("Gregorian start date (a month without a day starts on the 1st); null when "
                                   "the period has no date.", "วันเริ่มต้น (ค.ศ.) ว่างถ้าไม่มีวันที่"),
    ("measures", "period_end"): ("Gregorian end date (a month without a day ends on its last day).",
                                 "วันสิ้นสุด (ค.ศ.)"),
    ("measures", "responsible"): ("Responsible unit.", "ผู้รับผิดชอบ"),
    ("problems", "severity"): ("error or warning (always the one registered for the code).",
                               "ระดับ: error หรือ warning"),
    ("problems", "code"): ("Stable kebab-case code (see Problem codes).", "รหัสปัญหา (ดูตารางรหัสปัญหา)"),
    ("problems", "message"): ("One sentence a person understands.", "คำอธิบายหนึ่งประโยค"),
    ("questions", "tool"): ("IIT, EIT or OIT.", "เครื่องมือ: IIT, EIT หรือ OIT"),
    ("questions", "question"): ("Question code of that year's questionnaire.", "รหัสข้อคำถามในแบบสำรวจปีนั้น"),
    ("questions", "question_no"): ("The code's number.", "เลขของรหัสข้อ"),
    ("questions", "text"): ("The question or OIT item in that year's questionnaire.",
                            "ข้อคำถามหรือรายการ OIT ในแบบสำรวจปีนั้น"),
}

_PROBLEM_NULLS = {"indicator": "null when not about one", "page": "null when not about one"}

_HEADER = """\
# Data dictionary · พจนานุกรมข้อมูล

Generated by `python -m ita_extract.output.dictionary --write` from the Arrow schemas (`ita_extract/output/schema.py`)
and the problem-code registry (`ita_extract.errors.PROBLEM_CODES`); do not edit by hand (a test fails when this
file and the code differ).

Every table is a Parquet dataset in `OUT/<table>/`, Hive-partitioned by `fiscal_year`
(`OUT/scores/fiscal_year=2568/…`). Every string column is normalized text (NFC, Thai digits as
Arabic digits, line-wrap spaces removed, paragraphs joined by a newline).
"""


def _meaning(table: str, column: str) -> tuple[str, str]:
    for key in ((table, column), ("*", column)):
        if key in COLUMNS:
            return COLUMNS[key]
    raise KeyError(f"{table}.{column} has no meaning in ita_extract.output.dictionary.COLUMNS: add one")


def _type(t: pa.DataType) -> str:
    return str(t).replace("list<item: string>", "list<string>").replace("date32[day]", "date32")


def table_markdown(table: str, schema: pa.Schema) -> str:
    """One table: what it holds, then its columns with type and meaning in English and Thai."""
    en, th = TABLE_MEANINGS[table]
    lines = [f"## {table}", "", f"{en}  ", th, "", "| column | type | meaning | ความหมาย |", "|---|---|---|---|"]
    fields = [*schema, pa.field(PARTITION, pa.int32())]
    for f in fields:
        m_en, m_th = _meaning(table, f.name)
        if table == "problems" and f.name in _PROBLEM_NULLS:
            m_en = f"{m_en.rstrip('.')}; {_PROBLEM_NULLS[f.name]}."
        lines.append(f"| `{f.name}` | {_type(f.type)} | {m_en} | {m_th} |")
    return "\n".join(lines) + "\n"


def problem_codes_markdown() -> str:
    """The problem codes as a Markdown table: code, severity, meaning in English and in Thai."""
    lines = [
        "## Problem codes · รหัสปัญหา",
        "",
        "Every `code` a `problems` row can carry (`severity` is always the one given here).",
        "",
        "| code | severity | meaning | ความหมาย |",
        "|---|---|---|---|",
    ]
    for c in PROBLEM_CODES.values():
        lines.append(f"| `{c.code}` | {c.severity} | {c.meaning} | {c.meaning_th} |")
    return "\n".join(lines) + "\n"


def render() -> str:
    """The whole of ``docs/schema.md``."""
    parts = [_HEADER]
    parts += [table_markdown(t, s) for t, s in {**SCHEMAS, **REFERENCE_SCHEMAS}.items()]
    parts.append(problem_codes_markdown())
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    if argv == ["--write"]:
        SCHEMA_MD.write_text(render(), encoding="utf-8")
        print(SCHEMA_MD)
    else:
        sys.stdout.write(render())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
