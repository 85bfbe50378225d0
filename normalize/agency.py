"""Agency names in a report's title and headings.

A report can spell its own agency two ways (the seed's title reads
``องค์กรบริหารส่วนตำบลหนองกะปุ``, its later headings
``องค์การบริหารส่วนตำบลหนองกะบู่``): :func:`choose_agency` keeps the most
frequent spelling and returns the others for an ``agency-name-mismatch``
warning.
"""

from __future__ import annotations

import re
from collections import Counter

from normalize.thai import is_wrap_space, normalize_text, thai_tokens
from normalize.thaichars import DIGITS, KEY_MARKS, MARKS, TEXT, charset

__all__ = ["ABBREVIATIONS", "AGENCY_TYPES", "agency_key", "choose_agency", "find_agency_mentions", "normalize_agency"]

#: Abbreviated agency types -> full form.
ABBREVIATIONS: dict[str, str] = {
    "อบต.": "องค์การบริหารส่วนตำบล",
    "อบจ.": "องค์การบริหารส่วนจังหวัด",
    "ทต.": "เทศบาลตำบล",
    "ทม.": "เทศบาลเมือง",
    "ทน.": "เทศบาลนคร",
    "สพป.": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา",
    "สพม.": "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา",
}

# An abbreviation as a word: "อบต.หนองกะบู่", "อบต. หนองกะบู่".
_RE_ABBREVIATION = re.compile(
    f"(?<![{charset(TEXT)}])(" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r")\s*"
)
# The misspelt "องค์กรบริหารส่วน" (องค์กร = organisation) for องค์การ.
_RE_ONGKON = re.compile(r"องค์กร(?=\s*บริหาร\s*ส่วน)")

# Agency-type prefixes; a prefix may break across lines ("ส่วน\nตำบล").
_S = r"\s*"
_PREFIXES = [
    f"องค์{_S}(?:การ|กร){_S}บริหาร{_S}ส่วน{_S}(?:ตำบล|จังหวัด)",
    f"เทศบาล{_S}(?:ตำบล|เมือง|นคร)",
    "กรม", "สำนักงาน", "สำนัก", "โรงเรียน", "โรงพยาบาล", "มหาวิทยาลัย", "สถาบัน", "ศาล", "กองทุน",
    "ธนาคาร", "บริษัท", f"องค์{_S}การ(?!{_S}บริหาร)",
    # state enterprises: "การ" + what they run ("การท่าเรือแห่งประเทศไทย")
    "การไฟฟ้า", "การประปา", "การท่าเรือ", "การรถไฟ", "การยาง", "การเคหะ", "การท่องเที่ยว",
    "การทางพิเศษ", "การกีฬา", "การนิคมอุตสาหกรรม",
    r"อบต\.", r"อบจ\.", r"ทต\.", r"ทม\.", r"ทน\.", r"สพป\.", r"สพม\.",
]
# A prefix starting a word: at a line start, after a space or punctuation,
# or glued to "ของ"/"แห่ง" ("ขององค์การบริหารส่วนตำบล...").
_RE_PREFIX = re.compile(
    r"(?:(?<![^\s(\"'“:])|(?<=ของ)|(?<=แห่ง))(?P<prefix>" + "|".join(_PREFIXES) + ")"
)
# Where a name ends: the year wording, a parenthesis, a line end.
_RE_NAME_END = re.compile(r"ในปี|ประจำปี|ปีงบประมาณ|พ\.ศ\.|\(|\n")
#: Words that start running text, never a name ("สำนักงานเพื่อใช้เป็น...").
_NOT_NAME_START: frozenset[str] = frozenset({
    "ให้", "เพื่อ", "และ", "ที่", "ใน", "ของ", "ได้", "มี", "เป็น", "จะ", "ซึ่ง",
    "โดย", "กับ", "ต่อ", "ไป", "หรือ", "แต่", "ว่า", "จึง", "ก็", "นี้", "นั้น",
    "ดังนี้", "ทุก", "แห่ง", "ตาม", "เพื่อให้", "ไว้", "แล้ว",
})
#: An agency's own divisions, which reports name as responsible units and in
#: signature blocks ("หัวหน้าสำนักปลัด"): never the agency itself. The standard
#: divisions of Thai local government and ministries' offices of the secretary.
#: A unit named alone, or followed by its local government's type
#: ("สำนักปลัดเทศบาล"), is a division; "สำนักงานปลัดกระทรวง..." is an agency.
INTERNAL_UNITS: tuple[str, ...] = (
    "สำนักปลัด", "สำนักงานปลัด", "สำนักงานเลขานุการ", "สำนักการคลัง", "สำนักการช่าง",
    "สำนักการศึกษา", "สำนักการสาธารณสุข",
)
_LOCAL_GOVERNMENT: tuple[str, ...] = ("เทศบาล", "องค์การบริหาร", "องค์กรบริหาร", "อบต", "อบจ")


def is_internal_unit(name: str) -> bool:
    """Whether a name found after an agency-type prefix is one of the agency's divisions.

    >>> is_internal_unit("สำนักปลัด"), is_internal_unit("สำนักปลัดองค์การบริหารส่วนตำบล")
    (True, True)
    >>> is_internal_unit("สำนักงานปลัดกระทรวงมหาดไทย")
    False
    """
    for unit in INTERNAL_UNITS:
        if name == unit or (name.startswith(unit) and name[len(unit):].startswith(_LOCAL_GOVERNMENT)):
            return True
    return False
# The name's next chunk: up to a space or the end.
_RE_CHUNK = re.compile(r"[^\s]+")
# Characters a name may hold (Thai letters and marks, digits, a few signs).
_RE_NAME_CHARS = re.compile(rf"^[{charset(TEXT, '๏', DIGITS)}0-9.\-]+")
# A numbered district closing a name ("... ศรีสะเกษ เขต ๕"): part of the name.
_RE_NUMBERED_DISTRICT = re.compile(rf"\s*เขต\s*(?P<n>[0-9{charset(DIGITS)}]{{1,2}})(?![0-9{charset(DIGITS)}])")


def _name_after(text: str) -> str:
    """The name right after a prefix: chunks joined across wrap spaces."""
    end = _RE_NAME_END.search(text)
    text = text[: end.start() if end else len(text)]
    name = ""
    pos = 0
    while True:
        m = _RE_CHUNK.search(text, pos)
        if not m:
            break
        chunk = _RE_NAME_CHARS.match(m.group(0))
        if not chunk:
            break
        first = thai_tokens(chunk.group(0))[0]
        glued = not name and m.start() == 0
        if first in _NOT_NAME_START and not (glued and first == "แห่ง"):  # "การท่าเรือแห่งประเทศไทย"
            break
        if name and not is_wrap_space(name, chunk.group(0)):
            break
        if not name and m.start() > 0 and not text[: m.start()].isspace():
            break
        name += chunk.group(0)
        if chunk.end() < len(m.group(0)):
            break  # punctuation inside the chunk ends the name
        pos = m.end()
    district = _RE_NUMBERED_DISTRICT.match(text, pos) if name else None
    if district:
        name += " เขต " + district.group("n")
    return name


def find_agency_mentions(text: str) -> list[str]:
    """Agency names named in a title or headings, in order, as printed
    (abbreviations such as อบต. expanded).

    Spaces and line breaks inside the type prefix are dropped; inside the
    name only wrap spaces are. Meant for titles and headings, not body text.

    >>> find_agency_mentions("ขององค์กรบริหารส่วน\\nตำบลหนองกะปุ ในปีงบประมาณพ.ศ.๒๕๖๘(๑๐ ตัวชี้วัด)")
    ['องค์กรบริหารส่วนตำบลหนองกะปุ']
    >>> find_agency_mentions("ของ องค์การบริหารส่วนตำบลหนองกะบู่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    ['องค์การบริหารส่วนตำบลหนองกะบู่']
    >>> find_agency_mentions("แผนของอบต.หนองกะบู่ ประจำปี")
    ['องค์การบริหารส่วนตำบลหนองกะบู่']
    >>> find_agency_mentions("การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร")
    []
    >>> find_agency_mentions("ผู้รับผิดชอบ สำนักปลัด")  # a division, not the agency
    []
    >>> find_agency_mentions("หัวหน้าสำนักปลัดเทศบาล")
    []
    >>> find_agency_mentions("สำนักงานปลัดกระทรวงสาธารณสุข")  # a ministry's office is an agency
    ['สำนักงานปลัดกระทรวงสาธารณสุข']
    """
    mentions = []
    for m in _RE_PREFIX.finditer(text):
        prefix = re.sub(r"\s+", "", m.group("prefix"))
        glued = text[m.end(): m.end() + 1]
        if prefix in ABBREVIATIONS and glued.isspace():
            rest = text[m.end():].lstrip(" ")
        else:
            rest = text[m.end():]
        name = _name_after(rest)
        full = ABBREVIATIONS.get(prefix, prefix) + name
        if name and not is_internal_unit(full):
            mentions.append(full)
    return mentions


def normalize_agency(name: str) -> str:
    """Expand abbreviations, fix องค์กรบริหารส่วน, normalize the text.

    >>> normalize_agency("องค์กรบริหารส่วนตำบลหนองกะปุ")
    'องค์การบริหารส่วนตำบลหนองกะปุ'
    >>> normalize_agency("อบต. หนองกะบู่")
    'องค์การบริหารส่วนตำบลหนองกะบู่'
    """
    name = _RE_ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], name.strip())
    name = _RE_ONGKON.sub("องค์การ", name)
    return normalize_text(name)


# Thai vowel and tone marks, which OCR drops or adds.
_RE_MARKS = re.compile(f"[{MARKS}]")


def choose_agency(mentions: list[str]) -> tuple[str | None, list[str]]:
    """The agency's normalized name and the other spellings seen.

    The most frequent spelling wins; a tie goes to the one seen last (the
    formal "ของ ... ประจำปี" heading comes after the title).

    >>> choose_agency(["องค์กรบริหารส่วนตำบลหนองกะปุ", "องค์การบริหารส่วนตำบลหนองกะบู่", "องค์การบริหารส่วนตำบลหนองกะบู่"])
    ('องค์การบริหารส่วนตำบลหนองกะบู่', ['องค์การบริหารส่วนตำบลหนองกะปุ'])
    >>> choose_agency(["เทศบาลตำบลบ้านนาสวน", "เทศบาลตําบลบ้านนาสวน".replace("้", "")])  # OCR lost a mark
    ('เทศบาลตำบลบ้านนาสวน', [])
    >>> choose_agency(["สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดสุโขทัย", "สำนักงานส่งเสริมการปกครองท้องถิ่น"])
    ('สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดสุโขทัย', [])
    >>> choose_agency([])
    (None, [])
    """
    names = [n for n in (normalize_agency(m) for m in mentions) if n]
    if not names:
        return None, []
    # Spellings that differ only in marks are one spelling read with and
    # without OCR's dropped marks: the group counts together, and its most
    # fully marked form stands for it ("หนองกะบู่", not "หนองกะบู").
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(_RE_MARKS.sub("", n), []).append(n)
    # A name a line wrap cut short ("...ท้องถิ่น" / "จังหวัดสุโขทัย ดังนี้") is the
    # start of a longer spelling seen elsewhere: on a tie the whole name wins.
    whole = {k: any(o != k and k.startswith(o) for o in groups) for k in groups}
    last_seen = {k: max(i for i, n in enumerate(names) if _RE_MARKS.sub("", n) == k) for k in groups}
    best = max(groups, key=lambda k: (len(groups[k]), whole[k], last_seen[k]))

    def fullest(group: list[str]) -> str:
        counts = Counter(group)
        return max(counts, key=lambda n: (len(_RE_MARKS.findall(n)), counts[n]))

    chosen = fullest(groups[best])
    # a name cut short, or run on into the text, is no other spelling
    others = [fullest(g) for k, g in groups.items() if not (k.startswith(best) or best.startswith(k))]
    return chosen, others


# --- a key that joins one agency across spellings and fiscal years ----------

#: Agency types (full form, after :func:`normalize_agency`) -> the short type in a key.
AGENCY_TYPES: dict[str, str] = {
    "องค์การบริหารส่วนตำบล": "อบต",
    "องค์การบริหารส่วนจังหวัด": "อบจ",
    "เทศบาลตำบล": "ทต",
    "เทศบาลเมือง": "ทม",
    "เทศบาลนคร": "ทน",
}
# The type at the start of a normalized name (longest first: เทศบาลตำบล before เทศบาล).
_RE_TYPE = re.compile("^(" + "|".join(sorted(AGENCY_TYPES, key=len, reverse=True)) + ")")
# "อำเภอเมือง จังหวัดขอนแก่น" after a name: where the district and province start.
_RE_DISTRICT = re.compile(rf"\s*(?:อำเภอ|อ\.)\s*(?P<district>[{charset(TEXT, '๏', DIGITS)}]+)")
_RE_PROVINCE = re.compile(rf"\s*(?:จังหวัด|จ\.)\s*(?P<province>[{charset(TEXT, '๏', DIGITS)}]+)")
# Marks that OCR and typists drop or add (tone marks, ็ and ์): left out of the key.
_RE_KEY_MARKS = re.compile(f"[{charset(KEY_MARKS)}]")
# What never tells two agencies apart: spaces, dots, dashes, quotes, brackets.
_RE_KEY_NOISE = re.compile(r"[\s.\-–\"'“”()]+")


def _key_part(text: str) -> str:
    return _RE_KEY_MARKS.sub("", _RE_KEY_NOISE.sub("", text))


def agency_key(name: str | None) -> str | None:
    """A key that stays the same for one agency across spellings and fiscal years.

    ``type:name`` from the normalized name (abbreviations expanded, องค์กร read as
    องค์การ), with ``:province`` when the name carries one (``จังหวัด…``; an
    อบจ's name is its province already); a district (``อำเภอ…``) is left out; spaces, dots and the marks OCR drops or adds (tone marks, ็, ์)
    do not count. Not a registry of agencies: two spellings that differ in a letter
    get two keys.

    >>> agency_key("องค์การบริหารส่วนตำบลหนองกะบู่")
    'อบต:หนองกะบู'
    >>> agency_key("อบต. หนองกะบู") == agency_key("องค์กรบริหารส่วนตำบล หนองกะบู่")
    True
    >>> agency_key("เทศบาลตำบลบ้านนาสวน อำเภอเมือง จังหวัดขอนแก่น")
    'ทต:บานนาสวน:ขอนแกน'
    >>> agency_key("องค์การบริหารส่วนจังหวัดขอนแก่น") == agency_key("อบจ.ขอนแก่น จังหวัดขอนแก่น")
    True
    >>> agency_key("กรมบัญชีกลาง"), agency_key(None)
    ('กรมบัญชีกลาง', None)
    """
    if not name or not name.strip():
        return None
    text = normalize_agency(name)
    m = _RE_TYPE.match(text)
    kind, text = (AGENCY_TYPES[m.group(1)], text[m.end():]) if m else (None, text)
    province = _RE_PROVINCE.search(text)
    district = _RE_DISTRICT.search(text)
    cut = min((x.start() for x in (province, district) if x), default=len(text))
    base = _key_part(text[:cut])
    where = _key_part(province.group("province")) if province else None
    return ":".join(p for p in (kind, base, where if where != base else None) if p) or None
