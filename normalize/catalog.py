"""Canonical ITA question texts, to correct OCR noise (never to force a match).

The Integrity and Transparency Assessment asks every agency the same IIT
(internal) and EIT (external) questions; the texts below are those of the
fiscal-year 2568 questionnaire as agencies print them. An OCR'd question
is replaced by its canonical text only when it is already very close to it
(``SNAP_MIN``), and a code that OCR lost is taken from the text only when
one catalog entry is clearly closest (``CODE_MIN`` and ``CODE_MARGIN``), so
a question that differs (another year's wording, another questionnaire)
keeps its own text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

#: Similarity (0–100, rapidfuzz ratio without spaces) needed to snap a text.
SNAP_MIN = 85.0
#: Similarity and lead over the runner-up needed to recover a lost code.
CODE_MIN = 88.0
CODE_MARGIN = 8.0

QUESTIONS: dict[str, str] = {
    "i1": "การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด",
    "i2": "ในหน่วยงานของท่าน มีเจ้าหน้าที่ที่ปฏิบัติงานหรือให้บริการแก่ผู้มาติดต่อหรือผู้มารับบริการอย่างเท่าเทียมกันมากน้อยเพียงใด",
    "i3": "เจ้าหน้าที่ในหน่วยงานของท่าน มีการเรียกรับสินบนเพื่อแลกกับการปฏิบัติงานหรือการให้บริการหรือไม่",
    "i4": "หน่วยงานของท่าน ใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด",
    "i5": "ในหน่วยงานของท่านมีเจ้าหน้าที่ เบิกจ่ายเงินเป็นเท็จ เช่น ค่าทำงานล่วงเวลา ค่าวัสดุอุปกรณ์ หรือค่าเดินทาง ฯลฯ มากน้อยเพียงใด",
    "i6": "หน่วยงานของท่าน มีการใช้งบประมาณหรือการจัดซื้อจัดจ้างที่เอื้อประโยชน์ให้บุคคลใดบุคคลหนึ่ง มากน้อยเพียงใด",
    "i7": "ท่านเคยถูกผู้บังคับบัญชา*ของท่านสั่งให้ทำธุระส่วนตัวของผู้บังคับบัญชาหรือพวกพ้องบ่อยครั้ง มากน้อยเพียงใด",
    "i8": "ท่านเคยถูกผู้บังคับบัญชา*ของท่าน สั่งให้ทำในสิ่งที่เป็นการทุจริตหรือประพฤติมิชอบ บ่อยครั้งมากน้อยเพียงใด",
    "i9": "การบริหารงานบุคคล ในหน่วยงานของท่าน มีการให้หรือรับสินบน เพื่อแลกกับการบรรจุ แต่งตั้ง โยกย้าย หรือเลื่อนตำแหน่งหรือไม่",
    "i10": "เจ้าหน้าที่ในหน่วยงานของท่านมีการขอยืมหรือขอใช้ทรัพย์สินของหน่วยงานอย่างถูกต้องตามขั้นตอน/แนวปฏิบัติมากน้อยเพียงใด",
    "i11": "เจ้าหน้าที่หน่วยงานของท่าน เคยนำทรัพย์สินของหน่วยงานไปใช้เพื่อประโยชน์ส่วนตัว บ่อยครั้งมากน้อยเพียงใด",
    "i12": "การกำกับดูแลและตรวจสอบทรัพย์สินของหน่วยงาน สามารถป้องกันการนำทรัพย์สินของหน่วยงานไปใช้เพื่อประโยชน์ส่วนตัวเป็นประจำ มากน้อยเพียงใด",
    "i13": "ผู้บริหารสูงสุดของหน่วยงานของท่าน ให้ความสำคัญกับการแก้ไขปัญหาการทุจริต มากน้อยเพียงใด",
    "i14": "ท่านคิดว่าการดำเนินการเพื่อป้องกันการทุจริตของหน่วยงานของท่าน สามารถป้องกันการทุจริตได้ มากน้อยเพียงใด",
    "i15": "ท่านเชื่อมั่นในกระบวนการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบภายในหน่วยงานของท่านมากน้อยเพียงใด",
    "e1": "เจ้าหน้าที่ปฏิบัติงานหรือให้บริการแก่ท่าน เป็นไปตามขั้นตอนและระยะเวลา",
    "e2": "เจ้าหน้าที่ปฏิบัติงาน หรือให้บริการแก่ท่านและผู้อื่นอย่างเท่าเทียมกัน",
    "e3": "ท่านเคยถูกเจ้าหน้าที่เรียกรับสินบน เพื่อแลกกับการปฏิบัติงานหรือให้บริการแก่ท่าน หรือไม่",
    "e4": "หน่วยงานมีช่องทางการเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย",
    "e5": "หน่วยงานมีการประชาสัมพันธ์ข้อมูลข่าวสารที่ประชาชนหรือผู้รับบริการควรได้รับทราบอย่างชัดเจน",
    "e6": "เจ้าหน้าที่สามารถสื่อสาร ตอบข้อซักถามหรือให้คำอธิบายแก่ท่านได้อย่างชัดเจน",
    "e7": "หน่วยงานมีการเปิดโอกาสให้บุคคลภายนอกได้เข้าไปมีส่วนร่วมในการปรับปรุงพัฒนาการดำเนินงานของหน่วยงาน",
    "e8": "หน่วยงานมีการปรับปรุงการดำเนินงานให้ตอบสนองต่อประชาชน",
    "e9": "ท่านเคยใช้งานระบบการให้บริการออนไลน์ (E-Service) ของหน่วยงานหรือไม่",
}

# Whitespace and punctuation do not count when comparing texts.
_RE_IGNORED = re.compile(r"[\s*/()\-–.,]+")


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    return _RE_IGNORED.sub("", text)


_KEYS = {code: _key(text) for code, text in QUESTIONS.items()}


@dataclass(frozen=True)
class Snap:
    code: str | None
    text: str
    score: float  # similarity to the catalog text chosen (0 when none)
    changed: bool


def snap_question(code: str | None, text: str) -> Snap:
    """The catalog's code and text for an OCR'd question, when it is clearly one.

    >>> snap_question("i4", "หน่วยงานของท่าน ใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค มากน้อยเพียงไใด").text == QUESTIONS["i4"]
    True
    >>> snap_question(None, "ท่านเคยใช้งานระบบการให้บริการออนไลน์ (E-Service) ของหน่วยงานหรือไม").code
    'e9'
    >>> snap_question("i4", "คำถามอื่นที่ไม่อยู่ในแบบสำรวจเลย").changed
    False
    >>> snap_question("i7", QUESTIONS["i1"]).code  # a misread code, a clear text
    'i1'
    """
    key = _key(text)
    if not key:
        return Snap(code, text, 0.0, False)
    if code in _KEYS:
        score = fuzz.ratio(key, _KEYS[code])
        if score >= SNAP_MIN:
            return Snap(code, QUESTIONS[code], score, QUESTIONS[code] != text)
    ranked = sorted(((fuzz.ratio(key, k), c) for c, k in _KEYS.items()), reverse=True)
    (best, best_code), (second, _) = ranked[0], ranked[1]
    if best >= CODE_MIN and best - second >= CODE_MARGIN:
        # the code was lost or misread (``io`` for i๑): the text says which it is
        return Snap(best_code, QUESTIONS[best_code], best, True)
    return Snap(code, text, 0.0, False)
