"""The analysis-text rules: what an OCR'd analysis or finding cell holds that is no text, and where its
parts begin and end.

Pure ``str -> str`` functions over text OCR read: the debris between a label and its text
(:func:`trim_debris`), runs and lines of specks (:func:`drop_speck_runs`, :func:`drop_specks`), the end of a
quoted question and the cause after it when its label was lost (:func:`quote_end`,
:func:`cause_after_quote`, with the questionnaire's wordings from :func:`question_wordings`), and a finding
that quotes a question read back as the questionnaire's wording (:func:`quoted_question`).
:mod:`ita_extract.report.records` composes them into rows.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from normalize import questionnaire, tags
from normalize.catalog import CODE_MARGIN, CODE_MIN, snap_question
from normalize.codes import CITE_LABEL_EDITS, CITE_LABEL_TEXT
from normalize.thai import normalize_text
from normalize.thaichars import LETTERS, TEXT, charset
from ita_extract.report.labels import CAUSE, LABELS

#: Whitespace and punctuation do not count when a text is set against a question's wording
#: (as :mod:`normalize.catalog` compares them).
_RE_MATCH_IGNORED = re.compile(r"[\s*/()\-–.,]+")


#: What may stand between a label and its text and is no text: colons and
#: OCR's specks (``.`` ``'`` ``|``), or a ``<p>`` remnant OCR read as a
#: number (``<20>``) or lost its ``<`` from (``30>``). A part's text starts with a letter, a digit, a
#: bracket or a bullet, never with these.
_RE_LEAD_DEBRIS = re.compile(r"^(?:[\s.,:;'`|*!_>]|<?[0-9A-Za-z/]{1,3}>)+")
#: Specks OCR read as signs standing alone at a part's end (``ไม่โปร่งใส .``).
_RE_TRAIL_SPECKS = re.compile(r"(?:\s+[.,:;'\"`|*!~_^]+)+$")


def drop_trail_specks(text: str) -> str:
    """An OCR'd text without the specks standing alone at its end.

    >>> drop_trail_specks("ไม่โปร่งใส ."), drop_trail_specks("ต.ค. 68 - ก.ย. 69 | '"), drop_trail_specks("1. ประชุม")
    ('ไม่โปร่งใส', 'ต.ค. 68 - ก.ย. 69', '1. ประชุม')
    """
    return _RE_TRAIL_SPECKS.sub("", text)


#: A garbled label OCR left before a part's text: two or more short tokens with no Thai letter, a Latin
#: letter among them (``vw as 12 12 ve a ~ & va``, ``0 1 YU wv :``), then the text's first Thai letter.
_RE_LEAD_SPECK_WORDS = re.compile(
    rf"^(?=[^{charset(LETTERS)}]*?[A-Za-z])(?:[^\s{charset(LETTERS)}]{{1,4}}\s+){{2,}}(?=[{charset(LETTERS)}เแโใไ])")


def trim_debris(text: str, ocr: bool = False) -> str:
    """A labelled part without the colons and specks before its text; for OCR, without lone specks after it.

    >>> trim_debris(".\\n' ผู้ตอบแบบวัด"), trim_debris("30>\\nไม่ได้เผยแพร่"), trim_debris("(อ้างอิงจาก o8)")
    ('ผู้ตอบแบบวัด', 'ไม่ได้เผยแพร่', '(อ้างอิงจาก o8)')
    >>> trim_debris("ไม่โปร่งใส .", ocr=True), trim_debris("งบประมาณ\\n:", ocr=True), trim_debris("ไม่โปร่งใส .")
    ('ไม่โปร่งใส', 'งบประมาณ', 'ไม่โปร่งใส .')
    >>> trim_debris("1. ประชุมชี้แจง"), trim_debris("- ไม่มี"), trim_debris("<20>ดังนั้น")
    ('1. ประชุมชี้แจง', '- ไม่มี', 'ดังนั้น')
    >>> trim_debris("vw as 12 12 ve a ~ & va ผู้รับบริการ", ocr=True), trim_debris("1. ประชุม 2. ติดตาม", ocr=True)
    ('ผู้รับบริการ', '1. ประชุม 2. ติดตาม')
    >>> trim_debris("อย่างสม่ำเสมอ42> “2>", ocr=True), trim_debris("ให้สาธารณชนทราบ </020>", ocr=True)
    ('อย่างสม่ำเสมอ', 'ให้สาธารณชนทราบ')
    >>> trim_debris("OIT ในแต่ละปี", ocr=True), trim_debris("- 1 ครั้ง", ocr=True)
    ('OIT ในแต่ละปี', '- 1 ครั้ง')
    >>> trim_debris("อย่างสม่ำเสมอ</08", ocr=True), trim_debris("สม่ำเสมอ<11>มอบหมายผู้รับผิดชอบ", ocr=True)
    ('อย่างสม่ำเสมอ', 'สม่ำเสมอ\\nมอบหมายผู้รับผิดชอบ')
    >>> trim_debris("<2ะจัดทำคู่มือ", ocr=True), trim_debris("<อ2จัดทำ", ocr=True)
    ('จัดทำคู่มือ', '<อ2จัดทำ')
    """
    text = _RE_LEAD_DEBRIS.sub("", text)
    if not ocr:
        return text
    text = tags.LEAD_OPEN.sub("", tags.INLINE_REMNANT.sub("\n", tags.TRAIL_REMNANTS.sub("", text)))
    return _RE_LEAD_SPECK_WORDS.sub("", drop_trail_specks(text))


#: Speck tokens in a row that make a run of specks inside a line of text ...
SPECK_RUN_MIN = 3
#: ... of which this many at least hold a Latin letter or a sign text has no use for alone;
SPECK_RUN_STRANGE = 2
#: this many in a row are specks whatever they hold (``1 1 5 0 0 มบ``): text has a word among so many.
SPECK_RUN_LONG = 5
_RE_CODE_TOKEN = re.compile(r"^[ieoIEO]\d+[,.)]?$")
_RE_STRANGE = re.compile(r"[A-Za-z&©“”«»=~^*<>|_¥®‘’\"'`!?%#@\[\]{}]")


def _is_speck_token(tok: str) -> bool:
    return len(tok) <= 2 and not _RE_CODE_TOKEN.match(tok)


def drop_speck_runs(line: str) -> str:
    """A line of OCR'd text without its runs of specks: :data:`SPECK_RUN_MIN` or more tokens of one or two
    characters in a row (dust, a stamp's edge read as ``ฆ ม & va 1 a``), :data:`SPECK_RUN_STRANGE` of them
    with a Latin letter or a stray sign. Words, codes (``o5``), dates and numbers (``68 - 30``) stay.

    >>> drop_speck_runs("เป็นระยะ 2 aA © © ve และรายงานผล"), drop_speck_runs("ให้บุคลากร ฆ ม & va 1 a")
    ('เป็นระยะ และรายงานผล', 'ให้บุคลากร')
    >>> drop_speck_runs("เห็น 1 1 5 0 0 มบ “ ว่ามี"), drop_speck_runs("ก 1 a b")
    ('เห็น ว่ามี', '')
    >>> drop_speck_runs("1 ต.ค. 68 - 30 ก.ย. 69"), drop_speck_runs("No Gift Policy (อ้างอิงจาก o1 - o2)")
    ('1 ต.ค. 68 - 30 ก.ย. 69', 'No Gift Policy (อ้างอิงจาก o1 - o2)')
    """
    toks = line.split(" ")
    words = [t for t in toks if t]
    if len(words) < SPECK_RUN_MIN:
        return line
    drop: set[int] = set()
    i = 0
    while i < len(toks):
        if not toks[i] or not _is_speck_token(toks[i]):
            i += 1
            continue
        j, n = i, []
        while j < len(toks) and (not toks[j] or _is_speck_token(toks[j])):
            if toks[j]:
                n.append(j)
            j += 1
        if len(n) >= SPECK_RUN_LONG or (len(n) >= SPECK_RUN_MIN and
                                          sum(bool(_RE_STRANGE.search(toks[k])) for k in n) >= SPECK_RUN_STRANGE):
            drop.update(n)
        i = j
    if not drop:
        return line
    return " ".join(t for k, t in enumerate(toks) if k not in drop and t)


#: A question code (``o12``, ``i3``) inside a token: Latin letters that are text.
_RE_CODE_IN_TOKEN = re.compile(r"(?<![A-Za-z])[ieoIEO]\d+")
#: Where a token's Latin letters may be a web or mail address or a term (``www.x.go.th``, ``e-mail``): text.
_RE_ADDRESS = re.compile(r"[A-Za-z0-9][.@/:-][A-Za-z0-9]")
_RE_LOWER_RUN = re.compile(r"[a-z]+")
#: A cited code whose digits OCR read as letters (``oom)``, ``(oe``, ``om,``): a code's letter, or a bracket
#: or a comma around it, as a citation has.
_RE_GARBLED_CODE = re.compile(r"^[(\[]?[ieo]|.*[),]")
#: The fewest and most characters of a token of Latin letters with no capital (``via``, ``eae``, ``vwiecda``)
#: taken for specks alone: a longer one may be a word; a shorter one (``to`` for ``ข้อ``) only in a run of
#: specks (:func:`drop_speck_runs`).
LATIN_SPECK_MIN, LATIN_SPECK_MAX = 3, 8


def _latin_speck(tok: str) -> str:
    """``tok`` without the Latin letters a stamp's or a signature's strokes were read as: a token of them
    alone with no capital (a report's Latin words are names and terms, ``E-Service``, ``No Gift Policy``)
    goes, and in a token of Thai letters they go, the rest stays."""
    bare = _RE_CODE_IN_TOKEN.sub("", tok)
    if not _RE_LOWER_RUN.search(bare) or re.search("[A-Z]", bare) or _RE_ADDRESS.search(bare):
        return tok
    if re.search(f"[{charset(LETTERS)}]", bare):
        if _RE_CODE_IN_TOKEN.search(tok):
            return tok  # a code joined to its words (``จากo12``): its letters are the code's
        # a run opening with a code's letter is a code OCR garbled (``จากome)`` for ``จาก o๘)``): it stays
        return _RE_LOWER_RUN.sub(lambda m: m.group() if m.group()[0] in "ieo" else "", tok)
    if _RE_GARBLED_CODE.match(tok):
        return tok
    return "" if LATIN_SPECK_MIN <= len(tok) <= LATIN_SPECK_MAX else tok


def drop_latin_specks(text: str) -> str:
    """An OCR'd cell's words without the Latin letters no Thai report writes: lowercase ones with no
    capital in their word, that are no question code (:func:`_latin_speck`). Codes, capitalised words,
    addresses stay.

    >>> drop_latin_specks("พัฒนา\\n, via 3 8 aa ช่องทางการให้บริการ"), drop_latin_specks("การมอบ veฉ« หมายงาน")
    ('พัฒนา\\n, 3 8 aa ช่องทางการให้บริการ', 'การมอบ ฉ« หมายงาน')
    >>> drop_latin_specks("ระบบ E-Service (อ้างอิงจาก o12, o13) และ No Gift Policy")
    'ระบบ E-Service (อ้างอิงจาก o12, o13) และ No Gift Policy'
    >>> drop_latin_specks("ทาง www.abc.go.th และ e-mail"), drop_latin_specks("(อ้างอิงจากo12)")
    ('ทาง www.abc.go.th และ e-mail', '(อ้างอิงจากo12)')
    >>> drop_latin_specks("(อ้างอิงจาก oom) และ"), drop_latin_specks("(อ้างอิงจากome) และ")  # codes OCR garbled
    ('(อ้างอิงจาก oom) และ', '(อ้างอิงจากome) และ')
    """
    out = []
    for line in text.split("\n"):
        toks = [_latin_speck(t) if t else t for t in line.split(" ")]
        kept = " ".join(t for t, orig in zip(toks, line.split(" ")) if t or not orig)
        out.append(kept if kept.strip() or not line.strip() else line)
    return "\n".join(out)


_THAI_LETTER = "\u0e01-\u0e2e\u0e40-\u0e44"  # consonants and lead vowels: where a Thai word opens
_THAI_RUN = "\u0e01-\u0e3a\u0e40-\u0e4e"
#: Signs a speck was read as, standing in Thai words where no Thai text writes them: a quote or a comma
#: between two letters, a full stop after a word of three letters or more with a vowel (an abbreviation's
#: stop follows one or two letters, ``ก.ย.``, ``มี.ค.``, or bare consonants, ``สนง.``), one of them alone
#: between two words, or opening a line before a letter.
_RE_STRAY_SIGN = re.compile(
    rf"(?<=[{_THAI_RUN}])['`‘’,](?=[{_THAI_LETTER}])"
    rf"|(?<=[{_THAI_RUN}]{{3}})(?P<stop>\.)(?=[{_THAI_LETTER}])"
    rf"|(?<=[{_THAI_RUN}]) [.,'`‘’](?= [{_THAI_LETTER}])"
    rf"|(?<=[{_THAI_RUN}])['`‘’](?= ?[{_THAI_LETTER}])"
    rf"|^[^\S\n]*[.,'`‘’]+[^\S\n]*(?=[{_THAI_LETTER}])", re.MULTILINE)


_RE_WORD_BEFORE = re.compile(rf"[{_THAI_RUN}]+$")
_RE_VOWEL_OR_MARK = re.compile("[\u0e30-\u0e3a\u0e40-\u0e4e]")


def drop_stray_signs(text: str) -> str:
    """An OCR'd text without the full stops, commas and quotes specks made inside its Thai words.

    >>> drop_stray_signs("ประเมิน'ผล ทั่วถึง.นอกจากนี้ ร้อง.เรียน มารับ,บริการ"), drop_stray_signs(".กองนโยบาย\\n'เผยแพร่")
    ('ประเมินผล ทั่วถึงนอกจากนี้ ร้องเรียน มารับบริการ', 'กองนโยบาย\\nเผยแพร่')
    >>> drop_stray_signs("ต.ค. 2568 - ก.ย. 2569"), drop_stray_signs("มี.ค.-เม.ย. 2569"), drop_stray_signs("1.ประชุม 2.อบรม")
    ('ต.ค. 2568 - ก.ย. 2569', 'มี.ค.-เม.ย. 2569', '1.ประชุม 2.อบรม')
    >>> drop_stray_signs("สนง.ปลัด อบต.บ้านนา"), drop_stray_signs("จัด.ทำ")
    ('สนง.ปลัด อบต.บ้านนา', 'จัดทำ')
    >>> drop_stray_signs("ข้าราชการ, ลูกจ้าง (อ้างอิงจาก o12, o13) E-Service, และ"), drop_stray_signs("ปีงบประมาณ . พ.ศ. 2567")
    ('ข้าราชการ, ลูกจ้าง (อ้างอิงจาก o12, o13) E-Service, และ', 'ปีงบประมาณ พ.ศ. 2567')
    """
    def sub(m: re.Match[str]) -> str:
        if m.group("stop") is None:
            return ""
        word = _RE_WORD_BEFORE.search(text, 0, m.start())
        # a word has a vowel or a mark; an abbreviation's letters (``สนง.``, ``อบต.``) have none
        return "" if word and _RE_VOWEL_OR_MARK.search(word.group()) else m.group()

    return _RE_STRAY_SIGN.sub(sub, text)


#: A zero standing before a cited code's letter (``จาก 0 o29``, ``0o8``): the code's ``o`` read a second
#: time, as a digit, from the same ink; no number is written against a code.
_RE_CODE_ECHO = re.compile(r"(?<![0-9๐-๙.,/])0\s?(?=o[0-9๐-๙])")


def drop_code_echo(text: str) -> str:
    """An OCR'd text without the zero read beside a cited code's letter.

    >>> drop_code_echo("(อ้างอิงจาก 0 o29 และ 0o30)"), drop_code_echo("ข้อ 10 o12 และ 2.0 o3")
    ('(อ้างอิงจาก o29 และ o30)', 'ข้อ 10 o12 และ 2.0 o3')
    """
    return _RE_CODE_ECHO.sub("", text)


#: Characters OCR reads for the letters of a tool's name (``0`` for O, ``1`` ``l`` ``|`` for I, ``7`` ``F`` for T).
_TOOL_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "l": "I", "|": "I", "7": "T", "F": "T", "f": "T"})
# A token of three signs standing alone; the word before it when it is แบบวัด (the questionnaire's word
# for a tool: ``แบบวัด OIT``).
_RE_TOOL_TOKEN = re.compile(r"(?P<before>แบบวัด[^\S\n]*)?(?<![0-9A-Za-z])(?P<tok>[0-9A-Za-z|]{3})(?![0-9A-Za-z])")


def tool_names(text: str) -> str:
    """An OCR'd text with the names of the questionnaire's tools (IIT, EIT, OIT) read back where OCR read
    their letters as lookalikes: a token of capitals and lookalikes (``OIF``, ``0IT``), or one of digits too
    right after ``แบบวัด`` (``แบบวัด 017``); a number or a code elsewhere (``011``, ``o17``) stays.

    >>> tool_names("ศึกษาหลักเกณฑ์การประเมินแบบวัด 017 ในแต่ละปี"), tool_names("ก่อนส่งตรวจ OIF")
    ('ศึกษาหลักเกณฑ์การประเมินแบบวัด OIT ในแต่ละปี', 'ก่อนส่งตรวจ OIT')
    >>> tool_names("(อ้างอิงจาก 011) และ o17 ปี 2568 ได้ 100 คะแนน"), tool_names("ระบบ ABC และ OIT")
    ('(อ้างอิงจาก 011) และ o17 ปี 2568 ได้ 100 คะแนน', 'ระบบ ABC และ OIT')
    """
    def sub(m: re.Match[str]) -> str:
        tok = m.group("tok")
        tool = tok.translate(_TOOL_LOOKALIKES)
        if tool == tok or tool not in questionnaire.TOOLS:
            return m.group()
        capitals = sum(c.isupper() for c in tok)
        if capitals >= 2 or m.group("before"):
            return (m.group("before") or "") + tool
        return m.group()

    return _RE_TOOL_TOKEN.sub(sub, text)


#: Letters a word after an opening bracket may be longer or shorter than the citation label and still be it.
CITE_LABEL_LENGTH_SLACK = 2
#: The citation label's last word, which a garbled label keeps but for a letter (``อ้างอิงจาถ``); a word that
#: ends otherwise (``อ้างอิงถึง``) is a wording of its own.
_CITE_LABEL_END = CITE_LABEL_TEXT[-3:]
# A word of Thai text right after an opening bracket, up to the next sign, space or code.
_RE_BRACKET_WORD = re.compile(rf"(?<=\()(?P<word>[{charset(TEXT)}]{{4,16}})(?![{charset(TEXT)}])")


def cite_label(text: str) -> str:
    """An OCR'd text with the citation label (:data:`normalize.codes.CITE_LABEL_TEXT`) read back where OCR
    misread a letter or a mark of it: the word right after an opening bracket, within
    :data:`normalize.codes.CITE_LABEL_EDITS` edits of the label, ending as it does but for a letter.

    >>> cite_label("ประจำปี (ค้างถึงจาก o5) และ (อ้างอิงจาถ 1) และ (ล้างลิงจาก o7,o8)")
    'ประจำปี (อ้างอิงจาก o5) และ (อ้างอิงจาก 1) และ (อ้างอิงจาก o7,o8)'
    >>> cite_label("(อ้างอิง o5) (อ้างอิงถึง o6) (อ้างอิงจาก o7) (อ้างอิงจากและรายงาน)")
    '(อ้างอิง o5) (อ้างอิงถึง o6) (อ้างอิงจาก o7) (อ้างอิงจากและรายงาน)'
    """
    def sub(m: re.Match[str]) -> str:
        w = m.group("word")
        if (w == CITE_LABEL_TEXT or abs(len(w) - len(CITE_LABEL_TEXT)) > CITE_LABEL_LENGTH_SLACK
                or Levenshtein.distance(w[-len(_CITE_LABEL_END):], _CITE_LABEL_END) > 1
                or Levenshtein.distance(w, CITE_LABEL_TEXT, score_cutoff=CITE_LABEL_EDITS) > CITE_LABEL_EDITS):
            return w
        return CITE_LABEL_TEXT

    return _RE_BRACKET_WORD.sub(sub, text)


def drop_specks(text: str) -> str:
    """An OCR'd part's text without its runs of specks inside lines (:func:`drop_speck_runs`), and without
    the lines that held nothing else; a text that is nothing else stays.

    >>> drop_specks("ช่องทางแจ้งเรื่องร้อง\\n47 a 12 1 2a vo a ม\\nเรียน"), drop_specks("ก 1 a b")
    ('ช่องทางแจ้งเรื่องร้อง\\nเรียน', 'ก 1 a b')
    """
    lines = [drop_speck_runs(ln) for ln in text.split("\n")]
    kept = [ln for ln in lines if ln.strip()]
    return "\n".join(kept) if kept else text


#: The share of a quoted question's letters (spaces left out) that must come back in order where the
#: analysis quotes it, for its end to be trusted: OCR garbles some, or loses a line of it.
QUOTED_MIN_MATCH = 0.6
#: Letters past the quoted question's length the quote may take (OCR's debris, a code read twice).
QUOTE_SLACK = 0.15
#: A run of this many letters read as the question has them ends the quote; one or two letters
#: alike are chance (a lost ``มากน้อยเพียงใด`` set against the cause's first words).
QUOTE_END_RUN = 3


def quote_end(question_text: str, text: str) -> int | None:
    """The index in ``text`` after its quote of ``question_text`` (the questionnaire's wording), or ``None``
    when ``text`` does not quote it; what OCR lost of the question's end is not sought in what follows.

    >>> q = "หน่วยงานของท่าน มีการใช้งบประมาณหรือการจัดซื้อจัดจ้าง มากน้อยเพียงใด"
    >>> t = "i6 หน่วยงานของท่าน มีการใช้งบประมาณหรือการจัดซื้อจัดจ้าง มากน้อยเพียงใด บุคลากรบางส่วนเข้าใจว่า"
    >>> t[quote_end(q, t):]
    ' บุคลากรบางส่วนเข้าใจว่า'
    >>> t = "i6 หน่วยงานของท่าน มีการใช้งบประมาณหรือการจุ๊ดซื่อจั ni\\nพนักงานและลูกจ้างบางส่วน"  # its end lost
    >>> t[quote_end(q, t):]
    ' ni\\nพนักงานและลูกจ้างบางส่วน'
    >>> t = "i6 หน่วยงานของท่าน มีการใช้งบประมาณหรือการจัดซื้อจัดจ้าง\\nมากกว่าที่ผ่านมา"  # its end lost
    >>> t[quote_end(q, t):]
    '\\nมากกว่าที่ผ่านมา'
    >>> quote_end(q, "i6 การเผยแพร่ข้อมูลข่าวสารของหน่วยงาน") is None
    True
    """
    at = [i for i, ch in enumerate(text) if not ch.isspace()]
    hay = "".join(text[i] for i in at)
    needle = re.sub(r"\s+", "", question_text)
    if len(needle) < 8 or len(hay) < QUOTED_MIN_MATCH * len(needle):
        return None
    m = fuzz.partial_ratio_alignment(needle, hay)
    if m is None:
        return None
    start = m.dest_start if len(hay) > len(needle) else 0
    window = hay[start:start + int(len(needle) * (1 + QUOTE_SLACK)) + 2]
    runs = [op for op in Levenshtein.opcodes(needle, window) if op.tag == "equal"]
    if sum(op.src_end - op.src_start for op in runs) < QUOTED_MIN_MATCH * len(needle):
        return None
    last = max((op for op in runs if op.dest_end - op.dest_start >= QUOTE_END_RUN), key=lambda op: op.dest_end,
               default=None)
    if last is None:
        return None
    end = at[start + last.dest_end - 1] + 1
    if last.src_end < len(needle) and end < len(text) and not text[end].isspace():
        # the question's end lost, and the run found in a word of what follows: that word is not the question's
        end = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end), at[start])
    return end


#: The fewest Thai letters the text after a quoted question must hold to be the cause whose label
#: OCR lost (less is the question's own debris).
UNLABELLED_CAUSE_MIN_LETTERS = 12
# What OCR left of a lost cause label before the cause's text: a garbled label closed by a colon
# (``aiing :``, at most three Thai letters in it), or signs and Latin letters with no digit (``A (``).
_RE_LOST_LABEL = re.compile(
    rf"^\s*(?:[^\n:：{charset(LETTERS)}]*(?:[{charset(LETTERS)}][^\n:：{charset(LETTERS)}]*){{0,3}}[:：]"
    rf"|[^\s\d{charset(LETTERS)}เแโใไ][^\d{charset(LETTERS)}เแโใไ]{{0,5}}(?=[{charset(LETTERS)}เแโใไ]))")


#: The lines after a quoted question where a lost cause label's line may stand (the rest of a second
#: quoted question OCR garbled may come first).
LOST_LABEL_LINES = 3
_RE_LATIN_LINE = re.compile(r"^[^\S\n]*[A-Za-z][A-Za-z0-9 .,'`|]{1,11}[:：]?[^\S\n]*$")


def cause_after_quote(lowest_text: str, question_texts: Sequence[str]) -> str | None:
    """The cause when OCR lost its label: the text after the lowest question(s) the analysis quotes.

    An analysis names its lowest question by code and wording, then gives the cause: when no cause
    label was read, the lowest part runs on past the question's wording into the cause. The
    questionnaire's wording says where the quote ends; a first line that is what is left of the
    label (``สาเห``), or a garbled label before a colon, is no cause.

    >>> q = "หน่วยงานของท่าน มีการทบทวนนโยบายเพื่อปรับปรุงการป้องกันการทุจริต มากน้อยเพียงใด"
    >>> cause_after_quote("i27 " + q + "\\naiing : บุคลากรบางส่วนเห็นว่าผู้บริหารยังไม่ให้ความสำคัญ", [q])
    'บุคลากรบางส่วนเห็นว่าผู้บริหารยังไม่ให้ความสำคัญ'
    >>> cause_after_quote("i27 " + q + "\\nสาเห\\nบุคลากรบางส่วนเห็นว่า", [q])
    'บุคลากรบางส่วนเห็นว่า'
    >>> cause_after_quote("i27 " + q + "\\no25 การนำผลการประเมิน ITA\\nALANS\\nบุคลากรบางส่วนเห็นว่า", [q])
    'บุคลากรบางส่วนเห็นว่า'
    >>> cause_after_quote("i27 " + q + " ni", [q]) is None  # the question's debris, no cause
    True
    """
    ends = [e for q in question_texts if (e := quote_end(q, lowest_text)) is not None]
    if not ends:
        return None
    rest = lowest_text[max(ends):].strip()
    lines = rest.split("\n")
    # the lost label's line read as Latin letters (``ALANS``): the cause starts after it
    stand_in = next((k for k, ln in enumerate(lines[:LOST_LABEL_LINES])
                     if k + 1 < len(lines) and _RE_LATIN_LINE.match(ln)), None)
    if stand_in is not None:
        rest = "\n".join(lines[stand_in + 1:])
    first, _, after = rest.partition("\n")
    if after and _is_cause_label_rest(first):
        rest = after
    rest = _RE_LOST_LABEL.sub("", rest, count=1)
    rest = trim_debris(normalize_text(rest), ocr=True)
    if len(re.findall(f"[{charset(LETTERS)}]", rest)) < UNLABELLED_CAUSE_MIN_LETTERS:
        return None
    return rest


def _is_cause_label_rest(line: str) -> bool:
    """Whether a line is what OCR left of a cause label (its first letters, ``สาเห``), or a few letters
    of debris with no word in them."""
    got = re.sub(f"[^{charset(LETTERS)}เแโใไ]", "", line)
    if len(got) <= 2:
        return True
    return any(re.sub(f"[^{charset(LETTERS)}เแโใไ]", "", p.text).startswith(got) for p in LABELS[CAUSE])


def question_wordings(codes: Sequence[str], questions: Sequence[tuple[str, str]],
                       fiscal_year: int | None) -> list[str]:
    """The wordings of ``codes``: the questionnaire's (the reference year's when the report's year has
    none), else the table's own rows' as OCR read them."""
    out = []
    year = fiscal_year if fiscal_year in questionnaire.fiscal_years() else questionnaire.REFERENCE_YEAR
    for code in codes:
        try:
            out.append(questionnaire.question(year, code).text)
        except KeyError:
            out += [text for c, text in questions if c == code and text]
    return out


def quoted_question(text: str, fiscal_year: int | None) -> str:
    """An OCR'd finding that quotes a question of the questionnaire (a finding names the question that
    scored lowest, or states a cause): the questionnaire's wording when the text is clearly that question
    (:func:`normalize.catalog.snap_question`, which never forces a match), else the text as read.

    >>> from normalize.questionnaire import question
    >>> q = question(2568, "e9").text
    >>> quoted_question(q.replace("ออนไลน์", "ออบไลบ์").replace("ระบบ", "ระuu"), 2568) == q
    True
    >>> o = question(2568, "o11").text
    >>> quoted_question(o[:-2] + "ฉ" + o[-1:], 2568) == o, quoted_question(o, None) == o
    (True, True)
    >>> quoted_question("พนักงานบางส่วนเห็นว่าการให้บริการยังไม่เป็นไปตามขั้นตอน", 2568)
    'พนักงานบางส่วนเห็นว่าการให้บริการยังไม่เป็นไปตามขั้นตอน'
    """
    snap = snap_question(None, text, fiscal_year)
    if snap.changed and snap.code:
        return snap.text
    if fiscal_year not in questionnaire.fiscal_years():
        return text
    # an OIT item (the catalog holds IIT and EIT questions): as clearly the closest, by the catalog's measures
    key = _RE_MATCH_IGNORED.sub("", text)
    ranked = sorted(((fuzz.ratio(key, _RE_MATCH_IGNORED.sub("", q.text)), q.text)
                     for q in questionnaire.questions(fiscal_year, tool="OIT")), reverse=True)
    if len(ranked) > 1 and ranked[0][0] >= CODE_MIN and ranked[0][0] - ranked[1][0] >= CODE_MARGIN:
        return ranked[0][1]
    return text
