"""Content of the sample reports, one module per sample.

The dataclasses below are the layout model that samples/make_samples.py
renders; each content module has a ``sample()`` function returning a
``Sample``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from normalize import questionnaire
from normalize.thaichars import ABOVE_VOWELS, DIGITS, LETTERS

@dataclass
class Para:
    """A paragraph outside tables.  ``\\n`` in text starts a new line."""

    text: str
    size: float = 16
    bold: bool = False
    align: str = "L"          # "L" or "C"
    indent: float = 0.0       # first-line indent, mm
    space_before: float = 0.0  # mm
    space_after: float = 1.5   # mm
    keep_with_next: bool = False


@dataclass
class Row:
    """One table row.  Cell text: ``\\n`` separates paragraphs;
    ``{ls:WORD}`` puts WORD on its own line, letter-spaced across the cell."""

    cells: list[str]
    tag: str = ""
    aligns: list[str] | None = None


@dataclass
class MergedRows:
    """Rows whose last column is ONE vertically merged cell.

    ``subrows`` give the cells of the other columns, one list per row;
    ``merged`` is the text of the merged cell (paragraphs separated by ``\\n``).
    """

    subrows: list[list[str]]
    merged: str
    tags: list[str] = field(default_factory=list)
    aligns: list[str] | None = None


@dataclass
class Table:
    widths: list[float]
    header: list[str]
    rows: list  # Row | MergedRows
    size: float = 14
    header_twice: bool = False  # the header row typed twice (a real-world mistake)
    tag: str = ""


@dataclass
class Sample:
    stem: str
    title: str
    blocks: list
    author: str = ""




# --------------------------------------------------------------------------
# Helpers shared by the content modules
# --------------------------------------------------------------------------
ANALYSIS_HEADER = ["ประเด็นข้อคำถาม", "คะแนน", "การวิเคราะห์ผลการประเมินฯ"]
ANALYSIS_WIDTHS = [78.0, 16.0, 76.0]
MEASURES_HEADER = [
    "มาตรการ โครงการ หรือกิจกรรม",
    "ผลการวิเคราะห์ ตัวชี้วัด",
    "ขั้นตอนหรือวิธีการ ปฏิบัติ",
    "ช่วงระยะเวลา ในการ ดำเนินการ",
    "ผู้รับผิดชอบ",
]
MEASURES_WIDTHS = [34.0, 33.0, 45.0, 30.0, 28.0]


def heading(text: str, size: float = 16, **kw) -> Para:
    """A bold heading kept with the table after it."""
    kw.setdefault("space_before", 2.0)
    return Para(text, size=size, bold=True, keep_with_next=True, **kw)


def analysis_table(
    questions: list[tuple[str, str, str]],
    analysis: str,
    tag: str,
    merged: bool = True,
    per_row: list[str] | None = None,
    header_twice: bool = False,
    size: float = 14,
) -> Table:
    """An analysis table.  ``questions``: (code as printed, question text,
    score as printed); the code is typed in front of the text.  With
    ``merged`` the analysis is one vertically merged cell; otherwise
    ``per_row`` gives the third-column text of each row."""
    tags = [f"{tag}/q{i + 1}" for i in range(len(questions))]
    cells = [[(f"{c} {q}" if c else q), s] for c, q, s in questions]
    if merged:
        rows = [MergedRows(cells, analysis, tags=tags, aligns=["L", "C"])]
    else:
        assert per_row is not None and len(per_row) == len(questions)
        rows = [Row(c + [a], tag=t, aligns=["L", "C", "L"]) for c, a, t in zip(cells, per_row, tags)]
    return Table(list(ANALYSIS_WIDTHS), list(ANALYSIS_HEADER), rows, size=size, header_twice=header_twice, tag=tag)


def measures_table(
    rows: list[list[str]],
    tag: str,
    header: list[str] | None = None,
    header_twice: bool = False,
    size: float = 14,
) -> Table:
    return Table(
        list(MEASURES_WIDTHS),
        list(header or MEASURES_HEADER),
        [Row(r, tag=f"{tag}/m{i + 1}") for i, r in enumerate(rows)],
        size=size,
        header_twice=header_twice,
        tag=tag,
    )


# The IIT/EIT questions as the samples written for this project print them:
# the questionnaire's wording (normalize/questionnaires.json, the one home of
# the questionnaire), except where an agency's retyping differs from it (a
# space, a word). Only those differences are listed; tests/test_questionnaire.py
# checks that each is still a printing of the questionnaire's question.
RETYPED: dict[str, str] = {
    "i1": "การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่าน เป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด",
    "i2": "ในหน่วยงานของท่าน มีเจ้าหน้าที่ที่ปฏิบัติงานหรือให้บริการแก่ผู้มาติดต่อหรือผู้มารับบริการอย่างเท่าเทียมกัน มากน้อยเพียงใด",
    "i5": "ในหน่วยงานของท่าน มีเจ้าหน้าที่เบิกจ่ายเงินเป็นเท็จ เช่น ค่าทำงานล่วงเวลา ค่าวัสดุอุปกรณ์ หรือค่าเดินทาง ฯลฯ มากน้อยเพียงใด",
    "i7": "ท่านเคยถูกผู้บังคับบัญชาของท่านสั่งให้ทำธุระส่วนตัวของผู้บังคับบัญชาหรือพวกพ้องบ่อยครั้ง มากน้อยเพียงใด",
    "i8": "ท่านเคยถูกผู้บังคับบัญชาของท่านสั่งให้ทำในสิ่งที่เป็นการทุจริตหรือประพฤติมิชอบบ่อยครั้ง มากน้อยเพียงใด",
    "i9": "การบริหารงานบุคคลในหน่วยงานของท่าน มีการให้หรือรับสินบน เพื่อแลกกับการบรรจุ แต่งตั้ง โยกย้าย หรือเลื่อนตำแหน่งหรือไม่",
    "i10": "เจ้าหน้าที่ในหน่วยงานของท่าน มีการขอยืมหรือขอใช้ทรัพย์สินของหน่วยงานอย่างถูกต้องตามขั้นตอน/แนวปฏิบัติ มากน้อยเพียงใด",
    "i11": "เจ้าหน้าที่ในหน่วยงานของท่าน เคยนำทรัพย์สินของหน่วยงานไปใช้เพื่อประโยชน์ส่วนตัวบ่อยครั้ง มากน้อยเพียงใด",
    "i12": "การกำกับดูแลและตรวจสอบทรัพย์สินของหน่วยงาน สามารถป้องกันการนำทรัพย์สินของหน่วยงานไปใช้เพื่อประโยชน์ส่วนตัวได้ มากน้อยเพียงใด",
    "i15": "ท่านเชื่อมั่นในกระบวนการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบภายในหน่วยงานของท่าน มากน้อยเพียงใด",
    "e2": "เจ้าหน้าที่ปฏิบัติงานหรือให้บริการแก่ท่านและผู้อื่นอย่างเท่าเทียมกัน",
}


def printed_question(fiscal_year: int, code: str) -> str:
    """An IIT/EIT question (``i4``, ``e9``) as the samples print it.

    >>> printed_question(2569, "i4") == questionnaire.question(2569, "i4").text
    True
    """
    return RETYPED.get(code) or questionnaire.question(fiscal_year, code).text


_THAI_DIGITS = str.maketrans("0123456789", DIGITS)


def thai_digits(text: str) -> str:
    """Arabic digits to Thai digits, as agencies type them."""
    return text.translate(_THAI_DIGITS)


# Legacy private-use glyph codes of TH SarabunPSK-era fonts (the mapping of
# HarfBuzz's hb-ot-shaper-thai.cc): shift down (SD), shift down-left (SDL),
# shift left (SL).
_ASCENDERS = set("ปฝฟฬ")
_ABOVE = set(ABOVE_VOWELS)
_TONES = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
_SD = dict(zip(_TONES, "\uf70a\uf70b\uf70c\uf70d\uf70e"))
_SDL = dict(zip(_TONES, "\uf705\uf706\uf707\uf708\uf709"))
_SL = dict(zip(_TONES, "\uf713\uf714\uf715\uf716\uf717"))
_SL.update(zip("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4d", "\uf710\uf701\uf702\uf703\uf704\uf712\uf711"))


def legacy(word: str) -> str:
    """A word as an old Word document's text layer carries it: marks that the
    font shifts are written with their private-use glyph codes.

    >>> [hex(ord(c)) for c in legacy("ได้")]
    ['0xe44', '0xe14', '0xf70b']
    """
    out: list[str] = []
    base = ""
    above = False
    for ch in word:
        if ch in _TONES:
            if base in _ASCENDERS:
                out.append(_SL[ch] if above else _SDL[ch])
            elif not above:
                out.append(_SD[ch])
            else:
                out.append(ch)
        elif ch in _ABOVE:
            above = True
            out.append(_SL[ch] if base in _ASCENDERS else ch)
        elif ch in LETTERS:
            base, above = ch, False
            out.append(ch)
        else:
            out.append(ch)
    return "".join(out)
