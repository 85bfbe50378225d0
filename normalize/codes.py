"""ITA question codes: ``i1``-``i15`` (IIT), ``e1``... (EIT), ``o1``... (OIT).

Reports print them half-converted (``i๑``, ``e๔``), with the OIT ``o``
turned into a Thai zero (``๐๑๐`` for ``o10``), with the letter lost (``๗``
for ``i7``) or, after OCR, with a thin ``i`` read as ``[``, ``|`` or ``l``.
Every function here accepts raw text (Thai digits) and normalized text
(Arabic digits) alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from normalize import questionnaire
from normalize.thai import strip_html, thai_digits_to_arabic
from normalize.thaichars import CIRCLE_LETTERS, DIGITS, LEAD_VOWELS, LETTERS, TEXT, charset, lookalike_readings

__all__ = [
    "CITE_LABEL",
    "CITE_LABEL_EDITS",
    "CITE_LABEL_TEXT",
    "Citation",
    "QuestionCode",
    "TOOL_LETTERS",
    "find_codes",
    "join_spaced_code",
    "citations",
    "normalize_citations",
    "oit_references",
    "parse_code_range",
    "parse_question_code",
    "split_question",
    "sequence_repairs",
]

#: Tool name -> code letter.
TOOL_LETTERS: dict[str, str] = {"IIT": "i", "EIT": "e", "OIT": "o"}
_LETTER_TOOLS = {v: k for k, v in TOOL_LETTERS.items()}

_D = f"0-9{charset(DIGITS)}"  # Arabic and Thai digits

# A code token, one alternative per spelling:
#   i๑ / I 12 / o๑๒   a letter, an optional space, 1-3 digits
#   ๐๑๐ / ๐๘          a Thai zero printed for the letter o
#   [7 / |7 / l7      OCR noise for a thin i
#   ๗ / 010           a bare number (the letter was lost)
_CODE = f"(?:[iIeEoO] ?[{_D}]{{1,3}}|๐[{_D}]{{1,2}}|[\\[|l!][{_D}]{{1,2}}|[{_D}]{{1,3}})"
_RE_CODE = re.compile(f"(?P<letter>[iIeEoO]|๐|[\\[|l!])? ?(?P<num>[{_D}]+)")
_OCR_THIN_I = "[|l!"
# The contract's form: a lower-case letter, an Arabic number without leading zero.
_RE_CONTRACT = re.compile(r"(?P<letter>[ieo])(?P<num>[1-9][0-9]*)")
#: Numbers a printed code can carry (1-199); anything else is not a code.
_NUMBERS = range(1, 200)


def _tool(tool: str | None) -> str | None:
    return tool.upper() if tool else None


@dataclass(frozen=True)
class QuestionCode:
    """One ITA question code: the tool's letter (``i``, ``e``, ``o``) and a number.

    The one home of the code's grammar: ``parse`` reads a code as reports
    print it, ``of`` reads the contract's form, ``str()`` writes the
    contract's form (``i1``, ``o10``).

    >>> c = QuestionCode.parse("o๑๐")
    >>> c, str(c), c.tool, str(c.next())
    (QuestionCode(letter='o', number=10), 'o10', 'OIT', 'o11')
    >>> QuestionCode.of("i7").indicator(2568), QuestionCode.of("i7").indicator(2565)
    (3, 2)
    """

    letter: str  # i, e or o
    number: int  # 1, 2, ...

    def __post_init__(self) -> None:
        if self.letter not in _LETTER_TOOLS or self.number < 1:
            raise ValueError(f"not a question code: {self.letter!r} {self.number!r}")

    @classmethod
    def parse(cls, token: str, tool: str | None = None) -> QuestionCode | None:
        """Read one code as printed; ``tool`` (IIT/EIT/OIT) fills a lost letter.

        >>> [str(QuestionCode.parse(t)) for t in ("i๑", "i 1", "I12", "e๔", "o๑๒", "O12")]
        ['i1', 'i1', 'i12', 'e4', 'o12', 'o12']
        >>> [str(QuestionCode.parse(t)) for t in ("๐๑๐", "๐๘", "[7", "|7", "l7")]
        ['o10', 'o8', 'i7', 'i7', 'i7']
        >>> str(QuestionCode.parse("๗", "IIT")), str(QuestionCode.parse("010", "OIT"))
        ('i7', 'o10')
        >>> QuestionCode.parse("๗") is None, QuestionCode.parse("ตัวชี้วัด") is None
        (True, True)
        """
        tool = _tool(tool)
        m = _RE_CODE.fullmatch(token.strip().rstrip(".:)"))
        if not m:
            return None
        letter, digits = m.group("letter"), thai_digits_to_arabic(m.group("num"))
        if letter is None and len(digits) > 1 and digits[0] == "0":
            # "010" (a normalized "๐๑๐"): an OIT code once the tool is known
            letter, digits = ("o", digits[1:]) if tool == "OIT" else (None, "")
        elif letter is None:
            letter = TOOL_LETTERS.get(tool or "")
        elif letter == "๐":
            letter = "o"
        elif letter in _OCR_THIN_I:
            letter = "i" if tool in (None, "IIT") else None
        if not letter or not digits or len(digits) > 3:
            return None
        n = int(digits)
        return cls(letter.lower(), n) if n in _NUMBERS else None

    @classmethod
    def of(cls, code: str | None) -> QuestionCode | None:
        """A code in the contract's form (``i1``, ``o10``), else None.

        >>> QuestionCode.of("e9"), QuestionCode.of("i๑"), QuestionCode.of("I1"), QuestionCode.of(None)
        (QuestionCode(letter='e', number=9), None, None, None)
        """
        m = _RE_CONTRACT.fullmatch(code or "")
        return cls(m.group("letter"), int(m.group("num"))) if m else None

    def format(self) -> str:
        """The contract's form: ``i1``, ``e9``, ``o28``."""
        return f"{self.letter}{self.number}"

    __str__ = format

    @property
    def tool(self) -> str:
        """IIT, EIT or OIT."""
        return _LETTER_TOOLS[self.letter]

    def next(self) -> QuestionCode:
        """The code after this one in its tool's numbering."""
        return QuestionCode(self.letter, self.number + 1)

    def indicator(self, fiscal_year: int) -> int | None:
        """The indicator (1-10) this question counts for in ``fiscal_year``'s
        questionnaire (``normalize/questionnaires.json``); None when that
        year has no such question or no questionnaire."""
        try:
            return questionnaire.question(fiscal_year, self.format()).indicator
        except KeyError:  # UnknownFiscalYear is a KeyError too
            return None


def parse_question_code(token: str, tool: str | None = None) -> str | None:
    """Read one question code in the contract's form (see ``QuestionCode.parse``).

    >>> [parse_question_code(t) for t in ("i๑", "๐๑๐", "[7")], parse_question_code("๗", "IIT")
    (['i1', 'o10', 'i7'], 'i7')
    >>> parse_question_code("๗") is None
    True
    """
    code = QuestionCode.parse(token, tool)
    return code.format() if code else None


# A code at the start of a cell, then the question. Letter codes may touch
# the text ("i๑การ..."), and so may a zero standing for the o ("๐๓อำนาจ" after
# OCR lost the space); a bare number needs a space ("๑.สร้าง" is a list).
_RE_LEADING_CODE = re.compile(
    f"^\\s*(?P<code>[iIeEoO] ?[{_D}]{{1,3}}(?![{_D}A-Za-z])[.:)]?"
    f"|[๐0][{_D}]{{1,2}}(?=[{charset(LETTERS, LEAD_VOWELS)}])"
    f"|(?:๐[{_D}]{{1,2}}|[\\[|l!][{_D}]{{1,2}}|[{_D}]{{1,3}})(?=\\s|$))\\s*"
)


# A code whose digits are letter-spaced ("o ๑ ๒", "i 1 0"): a code letter,
# then single digits one space apart, then no further digit.
_RE_SPACED_CODE = re.compile(f"(?<![A-Za-z0-9])(?P<letter>[iIeEoO]) ?(?P<digits>[{_D}](?: [{_D}]){{1,2}})(?![{_D}])")


def join_spaced_code(text: str) -> str:
    """Codes whose digits a letter-spaced run set apart, written whole.

    >>> join_spaced_code("o ๑ ๒ รายงานผล"), join_spaced_code("ข้อ i 1 0 และ e 4")
    ('o๑๒ รายงานผล', 'ข้อ i10 และ e 4')
    """
    if " " not in text:
        return text
    return _RE_SPACED_CODE.sub(lambda m: m.group("letter") + m.group("digits").replace(" ", ""), text)


# A code that opens a question cell with its o written as a zero and every
# character letter-spaced ("๐ ๑", "0 1 0"): single digits one space apart.
_RE_SPACED_ZERO_CODE = re.compile(f"^(?P<code>\\s*[๐0](?: [{_D}]){{1,2}})(?=\\s|$)")


def split_question(cell: str, tool: str | None) -> tuple[str | None, str]:
    """Split a question cell into (code, question text).

    >>> split_question("i๑ การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่", "IIT")
    ('i1', 'การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่')
    >>> split_question("๗ ท่านเคยถูกผู้บังคับบัญชา*ของท่าน", "IIT")
    ('i7', 'ท่านเคยถูกผู้บังคับบัญชา*ของท่าน')
    >>> split_question("๑.สร้างการเรียนรู้ให้แก่บุคลากร", "IIT")
    (None, '๑.สร้างการเรียนรู้ให้แก่บุคลากร')
    >>> split_question("03อำนาจหน้าที่", "OIT"), split_question("๑๒การจัดซื้อ", "OIT")[0]
    (('o3', 'อำนาจหน้าที่'), None)
    >>> split_question("๐ ๑ โครงสร้าง", "OIT"), split_question("0 1 0 E-Service", "OIT")
    (('o1', 'โครงสร้าง'), ('o10', 'E-Service'))
    """
    cell = _RE_SPACED_ZERO_CODE.sub(lambda m: m.group("code").replace(" ", ""), join_spaced_code(cell))
    m = _RE_LEADING_CODE.match(cell)
    if m:
        code = parse_question_code(m.group("code"), tool)
        if code:
            return code, cell[m.end():].strip()
    return None, cell.strip()


# "๐๑ - ๐๒๘", "o1 – o28", "O1-O28", "o1 ถึง o28": the whole cell; OCR may lose the dash ("o1 o33": then
# a space and a lettered second code) and read specks around it ("- 019 .").
_RE_RANGE = re.compile(
    f"\\s*(?P<a>{_CODE})(?:\\s*(?P<dash>-|–|—|‐|−|ถึง|to)\\s*|\\s+(?=[oO๐0]))(?P<b>{_CODE})\\s*", re.IGNORECASE
)
#: A side of a range row letter-spaced, its o printed as ๐ (``๐ ๑ - ๐ ๒ ๘``, ``0 1 -0 28``).
_RE_SPACED_ZERO_SIDE = re.compile(f"(?<![^\\s\\-–—])[๐0](?: ?[{_D}]){{1,2}}(?![{_D}])")
#: Specks OCR reads around a range row's codes.
_RANGE_SPECKS = " .,'`:;"


def parse_code_range(cell: str) -> tuple[str, str] | None:
    """Read a range row's codes, e.g. OIT items o1-o28 with one score.

    >>> parse_code_range("<p>๐๑ - ๐๒๘</p>")
    ('o1', 'o28')
    >>> parse_code_range("o1 – o28"), parse_code_range("O1-O28")
    (('o1', 'o28'), ('o1', 'o28'))
    >>> parse_code_range("ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙") is None
    True
    >>> parse_code_range("o1 o33"), parse_code_range("o1 - 019 ."), parse_code_range("o5 o5"), parse_code_range("o5 12")
    (('o1', 'o33'), ('o1', 'o19'), None, None)
    >>> parse_code_range("๐ ๑ - ๐๒๘"), parse_code_range("0 1 -0 28")  # letter-spaced, o printed as ๐
    (('o1', 'o28'), ('o1', 'o28'))
    >>> parse_code_range("01 - 033 1"), parse_code_range("01 - 033 |"), parse_code_range("o1 - o3 x")  # specks after
    (('o1', 'o33'), ('o1', 'o33'), None)
    """
    cell = _RE_SPACED_ZERO_SIDE.sub(lambda z: z.group(0).replace(" ", ""), join_spaced_code(strip_html(cell)))
    cell = cell.strip(_RANGE_SPECKS).rstrip(_RANGE_SPECKS + "|")  # a table rule's remnant after it
    m = _RE_RANGE.fullmatch(cell)
    if not m:
        # a speck read as one character after a range whose last code is whole (``๐๑ - ๐๓๓ 1``): no digit of it
        head, _, last = cell.rpartition(" ")
        got = parse_code_range(head) if len(last) == 1 and head.strip() else None
        return got if got is not None and len(got[1]) >= 3 else None
    a, b = m.group("a"), m.group("b")
    # A letter (or a leading zero, o's stand-in) on one side names the tool.
    tool = None
    for side in (a, b):
        first = side.strip()[0]
        if first in "0๐oO":
            tool = "OIT"
        elif first.lower() in _LETTER_TOOLS:
            tool = _LETTER_TOOLS[first.lower()]
    if tool is None:
        return None
    ca, cb = QuestionCode.parse(a, tool), QuestionCode.parse(b, tool)
    if not ca or not cb or ca.letter != cb.letter or ca.number > cb.number:
        return None
    if m.group("dash") is None and ca.number == cb.number:
        return None  # a code read twice, no range
    return ca.format(), cb.format()


# Where the lowest-scoring question(s) are named, and where that part ends.
_RE_LOWEST = re.compile(r"คะแนน\s*น้อย\s*ที่สุด\s*[:：]?")
_RE_LOWEST_END = re.compile(r"สาเหตุ|แนวทางการยกระดับ")
#: The citation label as OCR reads it on a scan too: "จำก" (ำ for า), or with
#: its first letter lost to a speck ("(8 างอิงจาก ๐๖)"; then "จาก" must follow), or
#: its first syllable lost, a word of its own (" อิงจาก 022 023)").
#: Its last word may come out of the Latin model (``(อ้างอิง qin o17)``: จาก
#: after a line break read as Latin letters), or after a speck read as a sign or a Latin letter
#: (``(อ้างอิง, จาก 04.05)``, ``(อ้างอิง: จาก o14)``, ``(อ้างอิง x\nจาก 08)``).
CITE_LABEL = (f"(?:อ้?าง\\s?อิง(?:\\s?(?:[A-Za-z,.:;|!']\\s?)?จ[าำะ]ก|\\s?[A-Za-z]{{2,4}}(?=\\s))?"
              f"|(?<![{charset(LETTERS)}])้?าง\\s?อิง\\s?จ[าำะ]ก"
              f"|(?<![{charset(TEXT)}])อิง\\s?จ[าำะ]ก)")
#: Words that join the items of a cited list (``(อ้างอิงจาก o13 และ o14)``): the list goes on after them.
CITE_LIST_JOINERS = ("และ", "หรือ")
# A citation "(อ้างอิงจาก ๐๑๐)": a source, not a lowest question.
_RE_CITATION = re.compile(f"\\(?\\s*{CITE_LABEL}[^)\\n]*\\)?")
# A code token that starts a word, with what precedes it.
_RE_CODE_TOKEN = re.compile(
    f"(?<![^\\s:>(\\-])(?P<code>{_CODE})(?![{_D}A-Za-z.])"
)


def find_codes(text: str, tool: str | None = None) -> list[str]:
    """Codes of the lowest-scoring question(s) named in an analysis text.

    Letter codes (``i๒``, ``๐๑๒``) are read anywhere in the lowest-question
    part; a bare number only where an item starts (after ``:`` or a break).

    >>> find_codes("ข้อคำถามที่ได้คะแนนน้อยที่สุด : i๒ ในหน่วยงานของท่าน มีเจ้าหน้าที่ สาเหตุเกิดจาก : บุคลากร")
    ['i2']
    >>> find_codes("<p>ข้อคำถามที่ได้คะแนนน้อยที่สุด :</p> <p>i๑๐ เจ้าหน้าที่ในหน่วยงาน</p> <p>i๑๑ เจ้าหน้าที่หน่วยงานของท่าน</p>")
    ['i10', 'i11']
    >>> find_codes("<p>ข้อคำถามที่ได้คะแนนน้อยที่สุด :</p> <p>๘ ท่านเคยถูกผู้บังคับบัญชา*ของท่าน</p>", "IIT")
    ['i8']
    >>> find_codes("<p>ข้อคำถามที่ได้คะแนนน้อยที่สุด :</p> <p>-ไม่มี</p>")
    []
    """
    tool = _tool(tool)
    text = join_spaced_code(strip_html(text))
    m = _RE_LOWEST.search(text)
    if m:
        end = _RE_LOWEST_END.search(text, m.end())
        text = text[m.end():end.start() if end else len(text)]
    text = _RE_CITATION.sub(" ", text)
    codes: list[str] = []
    for t in _RE_CODE_TOKEN.finditer(text):
        token = t.group("code")
        has_letter = token[0] in "iIeEoO๐" or (token[0] in "0" and tool == "OIT")
        before = text[:t.start()].rstrip(" \t")
        item_start = not before.strip() or before[-1] in "\n:-•"
        if not (has_letter or item_start):
            continue
        code = parse_question_code(token, tool)
        if code and code not in codes:
            codes.append(code)
    return codes


# "อ้างอิงจาก ๐๑๒ ,๐๑๓", "อ้างอิงจาก o8 และ o9": the cited list. An item's
# digits may be letter-spaced ("๐ ๑ ๐", "o 1 0"): single digits one space apart;
# a letter-spaced item of one digit ("๐ ๘", o8) keeps its ๐ (o0 is no item).
# A circle read twice, the second time as the letter ("0o21"), is one circle.
# A speck read as a point between its letter and digits or inside its digits ("0.7", "o1.4") is no part of it.
# After a Latin o, a Latin l, I or | is a 1 the Latin model read (``oll`` for o11, ``ol7`` for o17).
# A Thai letter shaped like the circle (:data:`normalize.thaichars.CIRCLE_LETTERS`: ``อ38`` for o38), glued to its
# digits, is the circle.
# Two items with ๐ for their o, the sign between them lost ("015015" for ๐๑๔,๐๑๕), are one item read (split by
# :func:`_ref_codes`).
_REF_ITEM = (f"(?:[0๐](?=[oO]))?"
             f"(?:[0๐][{_D}]{{2}}[0๐][{_D}]{{2}}|[oO][{_D}]\\.[{_D}](?![{_D}])|[0๐]\\.[{_D}]{{1,2}}(?![{_D}])"
             f"|[oO๐0] ?[{_D}](?: [{_D}]){{1,2}}|[oO๐0] [{_D}]{{1,2}}|[oO](?=[{_D}]?[lI|])[{_D}lI|]{{1,2}}(?![A-Za-z])"
             f"|[oO] ?[{_D}]{{1,3}}|[0๐]{{2}}[{_D}]{{2}}|[{CIRCLE_LETTERS}][{_D}]{{1,2}}"
             f"|[{_D}]{{1,3}})"
             f"(?![{_D}])")
# OCR adds a point to a comma or reads a comma as one ("o14.,015", "o21.o22"), also before an item whose
# letter it lost, after a space ("o8 .9"); or it loses the sign between two lettered items ("o13o13,o14").
#: ``และ`` may be read with a letter of like shape, and glued to the next item (``o9 แสะ010`` for ``o9 และ o10``).
_REF_SEP = (f"\\s*(?:\\.?,|\\.(?=[oO๐0])|(?<=\\s)\\.(?=[{_D}])|{'|'.join(lookalike_readings('และ'))}|/|、|\\s"
            f"|(?<=[{_D}])(?=[oO][{_D}]))\\s*")
# Before the list, a bar, a "!", a quote, a point or a dash a speck gave ("(อ้างอิงจาก | 042)",
# "(อ้างอิงจาก' 09)", "(อ้างอิงจาก.03)", "(อ้างอิงจาก\"05,06)", "(อ้างอิงจาก-09,010)").
_REF_LIST = f"(?:[|!'’‘\"“”.\\-]\\s*)?(?P<list>{_REF_ITEM}(?:{_REF_SEP}{_REF_ITEM})*)"
_RE_REFERENCES = re.compile(f"{CITE_LABEL}\\s*(?:ข้อ\\s*)?[:：]?\\s*{_REF_LIST}")
#: A label OCR garbled beyond :data:`CITE_LABEL` ("(ล้างลิงจาก 015)",
#: "(อัจงอิงจาก 010)"): a word of Thai text right after an opening bracket,
#: within ``CITE_LABEL_EDITS`` edits of the label, followed by a cited list; a speck before it may be read as
#: a Latin letter or two (``(wiวิ่งอิงจาก“525)``).
_RE_GARBLED_CITATION = re.compile(f"\\(\\s*[A-Za-z]{{0,2}}(?P<label>[{charset(TEXT)}]{{7,13}})\\s*{_REF_LIST}")
#: A citation whose label OCR lost altogether: an OIT code written with its
#: letter, standing alone before the closing bracket (``ชัดเจน o14) และ``), or a
#: list of such codes or of codes with ๐ for their o (``นการ o26,o27)``,
#: ``นการ 026,027))``: two or more, one comma apart).
_RE_UNLABELLED_CITATION = re.compile(
    r"(?<![^\s])(?P<list>[oO][1-9][0-9]?(?:\s?,\s?[oO][1-9][0-9]?)*|0[0-9]{2}(?:\s?,\s?0[0-9]{2})+)\)")
#: A citation whose label OCR read as its last word alone (``Policy จาก 021)``), or as that word at the end of a
#: garbled one (``ระบบ 3-55-ฯ0หถื้างฮิงจำก 017)``: ``E-Service (อ้างอิงจาก`` run together): one code or more, with its
#: letter or with ๐ for its o, closing a bracket right after that word.
_RE_FROM_CITATION = re.compile(r"จ[าำะ]ก\s?(?P<list>[oO0][1-9][0-9]?(?:\s?,\s?[oO0][1-9][0-9]?)*)\)")
#: The citation label as printed.
CITE_LABEL_TEXT = "อ้างอิงจาก"
CITE_LABEL_EDITS = 3
_RE_REF_ITEM = re.compile(_REF_ITEM)


#: Three digits with no letter: the o printed as ๐ and two digits; a first
#: digit other than 0 is that circle misread (``923`` for ``๐๒๓``, ``611`` for
#: ``๐๑๑``): no OIT item has three digits.
_RE_CIRCLE_MISREAD = re.compile(f"^[{_D}](?P<num>[{_D}]{{2}})$|^[0๐]{{2}}(?P<num2>[{_D}]{{2}})$")


#: Latin letters the Latin model writes for a 1 after a code's Latin o.
_LATIN_ONES = str.maketrans("lI|", "111")


def _ref_code(item: str) -> str | None:
    """A cited item as a code.

    The circle of ``๐๑๐`` read twice (``0010``, ``0o21``) is one circle.

    >>> _ref_code("๐๑๐"), _ref_code("o 2 3"), _ref_code("923"), _ref_code("611"), _ref_code("0010"), _ref_code("0o21")
    ('o10', 'o23', 'o23', 'o11', 'o10', 'o21')
    >>> _ref_code("o1.4"), _ref_code("0.7")  # a speck read as a point
    ('o14', 'o7')
    >>> _ref_code("oll"), _ref_code("ol7"), _ref_code("oI")  # a 1 read as a Latin l or I
    ('o11', 'o17', 'o1')
    >>> _ref_code("อ38")  # the circle read as the Thai letter it looks like
    'o38'
    """
    item = item.replace(" ", "").replace(".", "")
    if item[:1] and item[0] in CIRCLE_LETTERS:
        item = "o" + item[1:]
    if item[:1] in "oO":
        item = item[0] + item[1:].translate(_LATIN_ONES)
    if item[:1] in "0๐" and item[1:2] in "oO":
        item = item[1:]
    circle = _RE_CIRCLE_MISREAD.match(item)
    return parse_question_code("0" + (circle.group("num") or circle.group("num2")) if circle else item, "OIT")


#: Two items of three digits each with ๐ for their o, read as one (the sign between them lost).
_RE_GLUED_ITEMS = re.compile(f"^([0๐][{_D}]{{2}})([0๐][{_D}]{{2}})$")


def _ref_codes(items: str) -> list[str | None]:
    """The codes of a cited list as read (:func:`_ref_code` each), two items read as one split.

    >>> _ref_codes("o14, 015015 ,๐๑๖")
    ['o14', 'o15', 'o15', 'o16']
    """
    out: list[str | None] = []
    for item in _RE_REF_ITEM.findall(items):
        glued = _RE_GLUED_ITEMS.match(item)
        out += [_ref_code(i) for i in glued.groups()] if glued else [_ref_code(item)]
    return out


def oit_references(text: str) -> list[str]:
    """OIT codes cited as sources, in order of first citation, unique.

    >>> oit_references("ออนไลน์ หรือ E-Service (อ้างอิงจาก ๐๑๐) เพื่อลด")
    ['o10']
    >>> oit_references("แผนการจัดซื้อจัดจ้างฯ (อ้างอิงจาก ๐๑๒ ,๐๑๓) พร้อมทั้ง")
    ['o12', 'o13']
    >>> oit_references("อ้างอิงจาก o8 และ o9 (อ้างอิงจาก ๐๘)")
    ['o8', 'o9']
    >>> oit_references("(อ้างอิงจาก ๐ ๑ ๐) และ (อ้าง อิง จาก o 2 3) และ (อ้างอิงจาก ๐ ๘)")  # letter-spaced
    ['o10', 'o23', 'o8']
    >>> oit_references("(อ้างอิงจำก 014) และ")  # OCR's ำ for า in the label
    ['o14']
    >>> oit_references("(8 างอิงจาก 06) อีกทั้ง"), oit_references("ทางอิงจาก 06")  # the label's first letter lost
    (['o6'], [])
    >>> oit_references("(ล้างลิงจาก 015) และ (อ้างอิง qin o17)")  # the label garbled, its จาก read as Latin
    ['o15', 'o17']
    >>> oit_references("(wiวิ่งอิงจาก“525) ให้")  # garbled, after a speck read as Latin letters
    ['o25']
    >>> oit_references("(อ้างอิงจาก o14.,015) และ (อ้างอิงจาก | 042)")  # a point by the comma, a bar
    ['o14', 'o15', 'o42']
    >>> oit_references("(อ้างอิงจาก-09,010) และ")  # a dash a speck gave before the list
    ['o9', 'o10']
    >>> oit_references("(อ้างอิงจเถ o9 แสะ010) และ")  # the joiner read with ส for ล, glued to the next item
    ['o9', 'o10']
    >>> oit_references("ประชาสัมพันธ์ (อ้างอิง, จาก 04.05) ผ่าน")  # a speck read as a comma inside the label
    ['o4', 'o5']
    >>> oit_references("(อ้างอิง: จาก o14 ,015) และ (อ้างอิง x\\nจาก 08) ให้")  # a colon, a Latin letter
    ['o14', 'o15', 'o8']
    >>> oit_references("No Gift Policy จาก 021) ให้"), oit_references("ร้องเรียนจาก 2 ช่องทาง (ฉบับที่ 012)")
    (['o21'], [])
    >>> oit_references("ประชาสัมพันธ์ระบบ 3-55-ฯ0หถื้างฮิงจำก 017) และ")  # the label run into the word before it
    ['o17']
    >>> oit_references("(อ้างอิงจาก o13o13,o14) ให้")  # the sign between two lettered items lost
    ['o13', 'o14']
    >>> oit_references("(อ้างอิงจาก 0o21) และ (อ้างอิงจาก 0 o24)")  # the circle read twice, as 0 and o
    ['o21', 'o24']
    >>> oit_references("ประมวลจริยธรรม (อ้างอิงจาก อ38,อ39) อีกทั้ง")  # the circle read as a Thai letter
    ['o38', 'o39']
    >>> oit_references("(ประกาศฉบับที่ 5)")  # a word in brackets far from the label is no citation
    []
    >>> oit_references("ให้ชัดเจน o14) และเผยแพร่")  # the label lost: a lettered OIT code closing a bracket
    ['o14']
    >>> oit_references("การดำเนินการ o26,o27)ให้"), oit_references("การดำเนินการ 026,027)) ให้")  # or a list
    (['o26', 'o27'], ['o26', 'o27'])
    """
    refs: list[str] = []
    garbled = [m for m in _RE_GARBLED_CITATION.finditer(text)
               if Levenshtein.distance(m.group("label"), CITE_LABEL_TEXT) <= CITE_LABEL_EDITS]
    lists = sorted([*_RE_REFERENCES.finditer(text), *garbled, *_RE_UNLABELLED_CITATION.finditer(text),
                    *_RE_FROM_CITATION.finditer(text)],
                   key=lambda m: m.start("list"))
    for m in lists:
        for code in _ref_codes(m.group("list")):
            if code and code not in refs:
                refs.append(code)
    return refs


#: A comma closing a cited list (no item read after it: ``(อ้างอิงจาก o23, ให้ครบถ้วน``): OCR lost the item
#: after it, and the closing bracket with it.
_RE_LIST_SIGN_LEFT = re.compile(r"\s*\.?,(?!\s*[^\s\u0e01-\u0e4e])")
#: A citation label with an opening bracket, whatever follows it.
_RE_LABEL_OPEN = re.compile(f"\\(\\s*{CITE_LABEL}")


@dataclass(frozen=True)
class Citation:
    """One citation in running text: where it starts and ends, and its items as read
    (``None`` for an item read as no code, as a lone ``0``); no items when a label was
    read with no code after it (``(อ้างอิงจาก am)``)."""

    start: int
    end: int
    items: tuple[str | None, ...]


def citations(text: str) -> list[Citation]:
    """The citations of ``text`` in order, each once, with the items each cites (the same
    readings as :func:`oit_references`), and the labels read with no code after them.

    >>> [(c.start, c.items) for c in citations("ภายนอก (อ้างอิงจาก 0 o38) และ (อ้างอิงจาก am) ให้")]
    [(8, (None, 'o38')), (30, ())]
    >>> [c.items for c in citations("การดำเนินการ o26,o27)ให้ (อ้างอิงจาก ๐๑๐) และ ( อ้างอิงจาก o18)")]
    [('o26', 'o27'), ('o10',), ('o18',)]
    """
    garbled = [m for m in _RE_GARBLED_CITATION.finditer(text)
               if Levenshtein.distance(m.group("label"), CITE_LABEL_TEXT) <= CITE_LABEL_EDITS]
    found: dict[int, Citation] = {}  # by the end of the list: one list matched by two patterns is one citation
    for m in sorted([*_RE_REFERENCES.finditer(text), *garbled, *_RE_UNLABELLED_CITATION.finditer(text),
                     *_RE_FROM_CITATION.finditer(text)],
                    key=lambda m: m.start("list")):
        if m.end("list") not in found:
            items = tuple(_ref_codes(m.group("list")))
            end = m.end()
            if (sign := _RE_LIST_SIGN_LEFT.match(text, m.end("list"))) is not None:
                items, end = (*items, None), sign.end()  # "o23, ให้": an item after the comma, lost
            found[m.end("list")] = Citation(m.start(), end, items)
    out = list(found.values())
    for m in _RE_LABEL_OPEN.finditer(text):
        if not any(c.start < m.end() <= c.end for c in out):  # the label of a citation read
            out.append(Citation(m.start(), m.end(), ()))
    return sorted(out, key=lambda c: c.start)


def normalize_citations(text: str) -> str:
    """Codes cited in running text written like the ``question`` column.

    ``อ้างอิงจาก ๐๑๐`` is normalized to ``อ้างอิงจาก 010`` by the text rules;
    here the cited items become codes (``o10``); the wording and the
    separators between items stay as printed.

    >>> normalize_citations("E-Service (อ้างอิงจาก 010) เพื่อลด (อ้างอิงจาก 012 ,O13)")
    'E-Service (อ้างอิงจาก o10) เพื่อลด (อ้างอิงจาก o12 ,o13)'
    >>> normalize_citations("(อ้างอิงจาก 0 1 0)"), normalize_citations("ตามคู่มือ 010")
    ('(อ้างอิงจาก o10)', 'ตามคู่มือ 010')
    """
    if "อ" not in text:
        return text

    def items(m: re.Match[str]) -> str:
        start = m.start("list") - m.start()
        head, body = m.group(0)[:start], m.group("list")
        return head + _RE_REF_ITEM.sub(lambda i: _ref_code(i.group(0)) or i.group(0), body)

    return _RE_REFERENCES.sub(items, text)


def sequence_repairs(codes: list[str]) -> dict[int, str]:
    """Codes that break their tool's numbering, and the one code they must be.

    A questionnaire numbers its items ``o1, o2, …`` in print order. A code
    that repeats an earlier one or falls out of order (OCR reads ``o๙`` as
    ``o๕``: ๕ and ๙ look alike), between neighbours that leave room for
    exactly one number not used elsewhere, is that number. Returns
    {index: repaired code}; anything less certain is left alone.

    >>> sequence_repairs(["o7", "o8", "o5", "o10"])
    {2: 'o9'}
    >>> sequence_repairs(["o4", "o5", "o6", "o7", "o8", "o5", "o10"])
    {5: 'o9'}
    >>> sequence_repairs(["o1", "o3", "o4"])     # a gap alone: the item may be absent
    {}
    >>> sequence_repairs(["o1", "o5", "o4", "o9"])   # more than one number would fit
    {}
    >>> sequence_repairs(["o1", "o2", "o3"]), sequence_repairs(["e1", "e5", "e3"])
    ({}, {1: 'e2'})
    """
    by_tool: dict[str, list[tuple[int, QuestionCode]]] = {}  # letter -> [(index, code)] in print order
    for k, c in enumerate(codes):
        code = QuestionCode.of(c)
        if code:
            by_tool.setdefault(code.letter, []).append((k, code))
    used = set(codes)
    out: dict[int, str] = {}
    for seq in by_tool.values():
        for (_, prev), (k, code), (_, nxt) in zip(seq, seq[1:], seq[2:]):
            # a repeated code is out of order too: its number is not between the neighbours'
            missing = prev.next().format()
            if nxt.number - prev.number == 2 and not prev.number < code.number < nxt.number and missing not in used:
                out[k] = missing
    return out
