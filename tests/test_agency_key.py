"""agency_key: one key per agency across spellings and years, never one key for two agencies."""
from __future__ import annotations

import pytest

from normalize.agency import agency_key

NONGKABU = "องค์การบริหารส่วนตำบลหนองกะบู่"


@pytest.mark.parametrize("spelling", [
    NONGKABU,
    "อบต.หนองกะบู่",
    "อบต. หนองกะบู่",
    "องค์กรบริหารส่วนตำบลหนองกะบู่",            # องค์กร for องค์การ
    "องค์การบริหารส่วนตำบลหนองกะบู",             # OCR lost the tone mark
    "องค์การบริหารส่วนตําบลหนองกะบู่",            # sara am as nikhahit + sara aa
    "องค์การบริหารส่วนตำบล หนองกะบู่ อำเภอเมือง",  # a district
])
def test_spellings_of_one_agency_share_a_key(spelling):
    assert agency_key(spelling) == "อบต:หนองกะบู"


@pytest.mark.parametrize("a,b", [
    (NONGKABU, "เทศบาลตำบลหนองกะบู่"),                  # another type of agency
    (NONGKABU, "องค์การบริหารส่วนตำบลหนองกะปุ"),         # another letter: not guessed
    ("เทศบาลตำบลบ้านนาสวน จังหวัดขอนแก่น", "เทศบาลตำบลบ้านนาสวน จังหวัดสกลนคร"),  # two provinces
    ("องค์การบริหารส่วนตำบลทุ่งใหญ่", "องค์การบริหารส่วนตำบลทั่งใหญ่"),  # vowels count
])
def test_two_agencies_never_share_a_key(a, b):
    assert agency_key(a) != agency_key(b)


def test_province_is_part_of_the_key():
    assert agency_key("เทศบาลเมืองบ้านไผ่ จังหวัดขอนแก่น") == "ทม:บานไผ:ขอนแกน"
    assert agency_key("ทน.ขอนแก่น") == "ทน:ขอนแกน"


def test_no_name_no_key():
    assert agency_key(None) is None
    assert agency_key("  ") is None
