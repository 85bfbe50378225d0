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
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from normalize.lexicon import reading_cost
from normalize.thai import is_wrap_space, normalize_text, thai_tokens
from normalize.thaichars import DIGITS, KEY_MARKS, MARKS, TEXT, charset

__all__ = [
    "ABBREVIATIONS", "AGENCY_TYPES", "agency_key", "choose_agency", "find_agency_mentions", "normalize_agency",
    "AGENCY_KINDS", "province_names", "with_kind", "with_province",
]

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
#: Words that go on from a name into the sentence around it, never a name's last word: glued to the name when
#: a scan lost the space between (``องค์การสวนสัตว์แห่งประเทศไทยดังนี้``), they are cut off it.
_NOT_NAME_END: frozenset[str] = frozenset({"ดังนี้", "ดังกล่าว", "ได้แก่", "และ", "ซึ่ง", "โดย", "เพื่อ", "จึง"})
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
# What is not Thai in a name (spaces, digits, signs, a scan's debris), and its spaces.
_RE_NOT_THAI = re.compile(f"[^{charset(TEXT)}]+")
_RE_SPACES = re.compile(r"\s+")


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
    name = _without_sentence_tail(name)
    district = _RE_NUMBERED_DISTRICT.match(text, pos) if name else None
    if district:
        name += " เขต " + district.group("n")
    return name


def _without_sentence_tail(name: str) -> str:
    """A name without the words of the sentence it runs on into (:data:`_NOT_NAME_END`).

    >>> _without_sentence_tail("องค์การสวนสัตว์แห่งประเทศไทยดังนี้"), _without_sentence_tail("ดังนี้")
    ('องค์การสวนสัตว์แห่งประเทศไทย', 'ดังนี้')
    """
    tokens = list(thai_tokens(name)) if name else []
    while len(tokens) > 1 and tokens[-1] in _NOT_NAME_END:
        tokens.pop()
    return name[:sum(len(t) for t in tokens)] if tokens else name


#: A name after its kind holds this many Thai letters at least: a lone letter (``เทศบาลตำบลร``) is a line a scan cut
#: or a speck, no agency's name.
MIN_NAME_LETTERS = 2


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
    >>> find_agency_mentions("ของเทศบาลตำบลร ประจำปี")  # a lone letter: no name
    []
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
        if len(_RE_NOT_THAI.sub("", name)) >= MIN_NAME_LETTERS and not is_internal_unit(full):
            mentions.append(full)
    return mentions


#: The kinds of public agency whose names begin with their kind (full forms, as printed): the registry a
#: scanned name's first words are read against (:func:`with_kind`). Local government, the provincial and
#: district offices of the ministries, schools' and universities' kinds; kinds shorter than ten letters
#: (``กรม``, ``ศาล``) are never read against it (no edit is allowed in them).
AGENCY_KINDS: tuple[str, ...] = (
    *ABBREVIATIONS.values(),  # local government's kinds and the education areas', abbreviated in reports
    "สำนักงานจังหวัด", "ที่ทำการปกครองจังหวัด", "ที่ทำการปกครองอำเภอ",
    "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด", "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ",
    "สำนักงานพัฒนาชุมชนจังหวัด", "สำนักงานพัฒนาชุมชนอำเภอ",
    "สำนักงานสาธารณสุขจังหวัด", "สำนักงานสาธารณสุขอำเภอ", "โรงพยาบาลส่งเสริมสุขภาพตำบล",
    "สำนักงานเกษตรจังหวัด", "สำนักงานเกษตรอำเภอ", "สำนักงานเกษตรและสหกรณ์จังหวัด",
    "สำนักงานปศุสัตว์จังหวัด", "สำนักงานปศุสัตว์อำเภอ", "สำนักงานประมงจังหวัด", "สำนักงานประมงอำเภอ",
    "สำนักงานสหกรณ์จังหวัด", "สำนักงานตรวจบัญชีสหกรณ์", "สำนักงานการปฏิรูปที่ดินจังหวัด",
    "สำนักงานที่ดินจังหวัด", "สำนักงานคลังจังหวัด", "สำนักงานพาณิชย์จังหวัด", "สำนักงานแรงงานจังหวัด",
    "สำนักงานจัดหางานจังหวัด", "สำนักงานประกันสังคมจังหวัด", "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัด",
    "สำนักงานพัฒนาฝีมือแรงงาน", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด",
    "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด", "สำนักงานวัฒนธรรมจังหวัด",
    "สำนักงานการท่องเที่ยวและกีฬาจังหวัด", "สำนักงานอุตสาหกรรมจังหวัด", "สำนักงานพลังงานจังหวัด",
    "สำนักงานสถิติจังหวัด", "สำนักงานยุติธรรมจังหวัด", "สำนักงานคุมประพฤติจังหวัด", "สำนักงานบังคับคดีจังหวัด",
    "สำนักงานประชาสัมพันธ์จังหวัด", "สำนักงานโยธาธิการและผังเมืองจังหวัด",
    "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัด", "สำนักงานศึกษาธิการจังหวัด", "สำนักงานศึกษาธิการภาค",
    "สำนักงานพระพุทธศาสนาจังหวัด", "สำนักงานขนส่งจังหวัด", "สำนักงานทางหลวงชนบทจังหวัด",
    "สำนักงานส่งเสริมการเรียนรู้จังหวัด", "สำนักงานส่งเสริมการเรียนรู้อำเภอ", "สำนักงานสรรพากรพื้นที่",
    "สำนักงานสรรพสามิตพื้นที่", "สำนักงานธนารักษ์พื้นที่", "สำนักงานอัยการจังหวัด", "สำนักงานปลัดกระทรวง",
    "สำนักงานคณะกรรมการ", "มหาวิทยาลัยราชภัฏ", "มหาวิทยาลัยเทคโนโลยีราชมงคล", "มหาวิทยาลัย",
    "วิทยาลัยชุมชน", "วิทยาลัยเทคนิค", "วิทยาลัยอาชีวศึกษา", "วิทยาลัยการอาชีพ", "วิทยาลัยพยาบาลบรมราชชนนี",
    "การไฟฟ้าส่วนภูมิภาค", "การประปาส่วนภูมิภาค",
)
#: A kind is read in a name's first letters with at most this share of its letters' edits (three in
#: ``สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา``, one in ``เทศบาลตำบล``, none in a kind under ten letters).
KIND_EDIT_SHARE = 0.1


def with_kind(name: str) -> str:
    """A name whose first letters read as a kind of :data:`AGENCY_KINDS` with a few letters wrong
    (:data:`KIND_EDIT_SHARE`), those letters as the kind's; of kinds read so, the longest (the university's kind
    over ``มหาวิทยาลัย``), and none when two as long read as well. As it is otherwise. A scan misreads letters in
    the long standard names (``สำนักงดนเขตพื้นที่``, ``มหาวิทยาลัยแท้คโนโลยี``) that no dictionary word corrects.

    >>> with_kind("สำนักงดนเขตพื้นที่การศึกษามัธยมศึกษาเลย เขต 1")
    'สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเลย เขต 1'
    >>> with_kind("มหาวิทยาลัยเทคโนโลยียีราชมงคลนครศรีธรรมราช")
    'มหาวิทยาลัยเทคโนโลยีราชมงคลนครศรีธรรมราช'
    >>> with_kind("มหาวิทยาลัยเทคโนโลยีสุรนารี"), with_kind("เทศบาลตำบลหนองปลาค้าว")  # as printed
    ('มหาวิทยาลัยเทคโนโลยีสุรนารี', 'เทศบาลตำบลหนองปลาค้าว')
    """
    found: list[tuple[int, int, str, int]] = []  # (-kind's length, edits, kind, letters of the name it takes)
    for kind in AGENCY_KINDS:
        allowed = int(KIND_EDIT_SHARE * len(kind))
        if name.startswith(kind):
            found.append((-len(kind), 0, kind, len(kind)))
            continue
        if allowed < 1:
            continue
        reads = [(Levenshtein.distance(kind, name[:n], score_cutoff=allowed), n)
                 for n in range(len(kind) - allowed, min(len(name), len(kind) + allowed) + 1)]
        d, n = min(reads, default=(allowed + 1, 0))
        if d <= allowed:
            found.append((-len(kind), d, kind, n))
    if not found:
        return name
    found.sort()
    (length, d, kind, n) = found[0]
    if d == 0 or (len(found) > 1 and found[1][:2] == (length, d)):
        return name
    return kind + name[n:]


def normalize_agency(name: str) -> str:
    """Expand abbreviations, fix องค์กรบริหารส่วน, normalize the text.

    >>> normalize_agency("องค์กรบริหารส่วนตำบลหนองกะปุ")
    'องค์การบริหารส่วนตำบลหนองกะปุ'
    >>> normalize_agency("อบต. หนองกะบู่")
    'องค์การบริหารส่วนตำบลหนองกะบู่'
    """
    name = _RE_ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], name.strip())
    name = _RE_ONGKON.sub("องค์การ", name)
    return with_province(with_kind(normalize_text(name)))


@lru_cache(maxsize=1)
def province_names() -> frozenset[str]:
    """Thailand's 77 provinces, as PyThaiNLP ships their names (the registry of provinces)."""
    from pythainlp.corpus import provinces

    return frozenset(normalize_text(p) for p in provinces())


#: A province's name read wrong by at most this share of its letters' edits (two of ``กาฬสินธุ์``'s nine) is read
#: as that province, when no other province is as near: a short name (``ตาก``, ``เลย``) never is.
PROVINCE_EDIT_SHARE = 0.25
# The name after จังหวัด, or a city's or town's own (named after their province's capital, mostly): Thai letters
# and marks up to a space, a digit or a sign, to the end of the name.
_RE_IN_PROVINCE = re.compile(f"(?P<before>จังหวัด|^เทศบาลนคร|^เทศบาลเมือง)(?P<province>[{charset(TEXT)}]+)(?=\\s|$)")


def with_province(name: str) -> str:
    """An agency's name whose province (after ``จังหวัด``; a city's or town's name after ``เทศบาลนคร`` or
    ``เทศบาลเมือง``) is no province of :func:`province_names`, with the one
    province it is nearest to (Levenshtein edits), when that is near (:data:`PROVINCE_EDIT_SHARE`) and no other is
    as near; as it is otherwise. A scan reads letters for others of like shape (``ภาพสินธุ์`` for ``กาฬสินธุ์``);
    the names of the provinces are a closed list.

    >>> with_province("องค์การบริหารส่วนจังหวัดภาพสินธุ์"), with_province("สำนักงานพัฒนาชุมชนจังหวัดกาฬสินธุ")
    ('องค์การบริหารส่วนจังหวัดกาฬสินธุ์', 'สำนักงานพัฒนาชุมชนจังหวัดกาฬสินธุ์')
    >>> with_province("ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้")  # no province: far from every one
    'ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้'
    >>> with_province("สำนักงานจังหวัดระงอง")  # ระนอง and ระยอง are as near: left as read
    'สำนักงานจังหวัดระงอง'
    >>> with_province("เทศบาลนครกาฬิสินธุ์"), with_province("เทศบาลตำบลนาน")  # a city; a subdistrict's name
    ('เทศบาลนครกาฬสินธุ์', 'เทศบาลตำบลนาน')
    """
    def nearest(m: re.Match[str]) -> str:
        read = m.group("province")
        names = province_names()
        if read in names:
            return m.group(0)
        (d0, best), (d1, _) = sorted((Levenshtein.distance(read, p), p) for p in names)[:2]
        if d0 <= PROVINCE_EDIT_SHARE * len(best) and d1 > d0:
            return m.group("before") + best
        return m.group(0)

    return _RE_IN_PROVINCE.sub(nearest, name)


# Thai vowel and tone marks, which OCR drops or adds.
_RE_MARKS = re.compile(f"[{MARKS}]")


def _cut_short(short: str, whole: str) -> bool:
    """Whether ``short`` is ``whole`` cut short: what it begins with, spaces aside (``...ร้อยเอ็ดเขต``, the district's
    number lost), or its Thai letters aside from a scan's debris after them (``...การศึกษา19``).

    >>> _cut_short("สำนักงานเขตร้อยเอ็ดเขต", "สำนักงานเขตร้อยเอ็ด เขต 3"), _cut_short("สำนักงานส่งเสริมการ1", "สำนักงานส่งเสริมการปกครอง")
    (True, True)
    >>> _cut_short("เทศบาลตำบลร", "เทศบาลตำบลหนองปลาค้าว"), _cut_short("เทศบาลตำบลนา", "เทศบาลตำบลนา")
    (False, False)
    """
    a, b = _RE_SPACES.sub("", short), _RE_SPACES.sub("", whole)
    if a != b and b.startswith(a):
        return True
    a, b = _RE_NOT_THAI.sub("", short), _RE_NOT_THAI.sub("", whole)
    return a != b and bool(a) and b.startswith(a)


def _cost_per_letter(name: str) -> float:
    """:func:`normalize.lexicon.reading_cost` per Thai letter: spellings of one name compared whatever their
    length (a letter lost or added)."""
    letters = len(_RE_NOT_THAI.sub("", name))
    return reading_cost(name) / letters if letters else float("inf")


def choose_agency(mentions: list[str]) -> tuple[str | None, list[str]]:
    """The agency's normalized name and the other spellings seen.

    The most frequent spelling wins; of spellings seen as often, the whole
    name over one a line cut short, then the one that reads better as words
    (:func:`normalize.lexicon.reading_cost`: a scan's misread letter breaks a
    word), then the one seen last (the formal "ของ ... ประจำปี" heading comes
    after the title).

    >>> choose_agency(["องค์กรบริหารส่วนตำบลหนองกะปุ", "องค์การบริหารส่วนตำบลหนองกะบู่", "องค์การบริหารส่วนตำบลหนองกะบู่"])
    ('องค์การบริหารส่วนตำบลหนองกะบู่', ['องค์การบริหารส่วนตำบลหนองกะปุ'])
    >>> choose_agency(["เทศบาลตำบลบ้านนาสวน", "เทศบาลตําบลบ้านนาสวน".replace("้", "")])  # OCR lost a mark
    ('เทศบาลตำบลบ้านนาสวน', [])
    >>> choose_agency(["สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดสุโขทัย", "สำนักงานส่งเสริมการปกครองท้องถิ่น"])
    ('สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดสุโขทัย', [])
    >>> choose_agency(["สำนักงานพัฒนาชุมชนจังหวัดกาฬสินธุ์", "สำนักงานพัฒนาซุ้มชนจังหวัดกาฬสินธุ์"])[0]
    'สำนักงานพัฒนาชุมชนจังหวัดกาฬสินธุ์'
    >>> choose_agency(["มหาวิทยาลัยเทคโนโลยีราชมงคลนครศรีธรรมราช", "มหาวิทยาลัยแท้คโนโลยีราชมงคลนครศรีธรรมราช"])[0]
    'มหาวิทยาลัยเทคโนโลยีราชมงคลนครศรีธรรมราช'
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
    whole = {k: any(_cut_short(o, k) for o in groups) for k in groups}

    def fullest(group: list[str]) -> str:
        counts = Counter(group)
        return max(counts, key=lambda n: (len(_RE_MARKS.findall(n)), counts[n]))

    last_seen = {k: max(i for i, n in enumerate(names) if _RE_MARKS.sub("", n) == k) for k in groups}
    # Two spellings seen as often, neither the other cut short: the one that reads better as words wins (a
    # scan's letter of like shape breaks a word: ``ชุมชน`` read ``ซุ้มชน`` in one mention of two), then the last seen
    cost = {k: -_cost_per_letter(fullest(g)) for k, g in groups.items()}
    best = max(groups, key=lambda k: (len(groups[k]), whole[k], cost[k], last_seen[k]))

    chosen = fullest(groups[best])
    # a name cut short, or run on into the text, is no other spelling
    others = [fullest(g) for k, g in groups.items() if not (k == best or _cut_short(k, best) or _cut_short(best, k))]
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
