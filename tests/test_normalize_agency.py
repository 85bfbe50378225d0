"""normalize/agency.py: the agency named in a report, spelled two ways in the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalize.agency import choose_agency, find_agency_mentions, normalize_agency

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "ita-2568-nongkabu.txt"
NONGKABU = "องค์การบริหารส่วนตำบลหนองกะบู่"
NONGKAPU = "องค์การบริหารส่วนตำบลหนองกะปุ"


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "แสดงการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานขององค์กรบริหารส่วน\n"
            "ตำบลหนองกะปุ ในปีงบประมาณพ.ศ.๒๕๖๘(๑๐ ตัวชี้วัด)",
            ["องค์กรบริหารส่วนตำบลหนองกะปุ"],
        ),
        ("ของ องค์การบริหารส่วนตำบลหนองกะบู่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", [NONGKABU]),
        (
            "นำไปสู่การปฏิบัติหรือกำหนดมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสขององค์การบริหารส่วนตำบลหนองกะบู่ ให้ดีขึ้น ดังนี้",
            [NONGKABU],
        ),
        ("อบต.หนองกะบู่ ประจำปี 2568", [NONGKABU]),
        ("ของ อบจ. ขอนแก่น (ITA)", ["องค์การบริหารส่วนจังหวัดขอนแก่น"]),
        ("ทต.บ้านใหม่", ["เทศบาลตำบลบ้านใหม่"]),
        ("เทศบาลเมืองแสนสุข(ชลบุรี)", ["เทศบาลเมืองแสนสุข"]),
        ("เทศบาลนครขอนแก่น ประจำปีงบประมาณ 2568", ["เทศบาลนครขอนแก่น"]),
        ("สำนักงานสาธารณสุขจังหวัดขอนแก่น", ["สำนักงานสาธารณสุขจังหวัดขอนแก่น"]),
        ("โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนา ปีงบประมาณ 2568", ["โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนา"]),
        ("มหาวิทยาลัยเชียงใหม่\nประจำปี", ["มหาวิทยาลัยเชียงใหม่"]),
        ("กรมบัญชีกลาง ในปีงบประมาณ 2568", ["กรมบัญชีกลาง"]),
        ("การไฟฟ้าส่วนภูมิภาค", ["การไฟฟ้าส่วนภูมิภาค"]),
        ("ของโรงเรียนบ้านหนองบัว จัดซื้อจัด จ้าง", ["โรงเรียนบ้านหนองบัว"]),
    ],
)
def test_find_agency_mentions(text: str, expected: list[str]) -> None:
    assert find_agency_mentions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
        "อนุญาตทรัพย์สินของ สำนักงานเพื่อไปใช้ใน การปฏิบัติงานของอบต. ให้มีความสะดวกรวมทั้ง",
        "วิธีปฏิบัติแนวทางการ ขอยืมทรัพย์สินของ สำนักงาน เพื่อใช้เป็น แนวทางการปฏิบัติ",
        "กิจกรรมเสริมสร้าง จิตสำนึกที่ดีในการ รับผิดชอบต่อหน้าที่",
        "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่",
        "",
    ],
)
def test_find_agency_mentions_none(text: str) -> None:
    assert find_agency_mentions(text) == []


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("องค์กรบริหารส่วนตำบลหนองกะปุ", NONGKAPU),
        ("อบต.หนองกะบู่", NONGKABU),
        ("อบต. หนองกะบู่", NONGKABU),
        ("  องค์การบริหารส่วนตำบลหนองกะบู่ ", NONGKABU),
        ("ทน.ขอนแก่น", "เทศบาลนครขอนแก่น"),
        ("ทม.แสนสุข", "เทศบาลเมืองแสนสุข"),
        ("องค์กรปกครองส่วนท้องถิ่น", "องค์กรปกครองส่วนท้องถิ่น"),  # only before บริหารส่วน
    ],
)
def test_normalize_agency(raw: str, expected: str) -> None:
    assert normalize_agency(raw) == expected


def test_choose_agency_seed_example() -> None:
    mentions = ["องค์กรบริหารส่วนตำบลหนองกะปุ", NONGKABU, NONGKABU]
    assert choose_agency(mentions) == (NONGKABU, [NONGKAPU])


def test_choose_agency_tie_goes_to_the_later_mention() -> None:
    # two spellings that read as well as words (the same words, in another order): the later mention's
    a, b = "เทศบาลตำบลบ้านนา", "เทศบาลตำบลนาบ้าน"
    assert choose_agency([a, b]) == (b, [a])
    assert choose_agency([b, a]) == (a, [b])


def test_choose_agency_tie_goes_to_the_spelling_that_reads_as_words() -> None:
    # a scan's misread letter breaks a word in one mention of two: whichever comes last, the words win
    for pair in ((NONGKAPU, NONGKABU), ("สำนักงานพัฒนาชุมชนจังหวัดกาฬสินธุ์", "สำนักงานพัฒนาซุ้มชนจังหวัดกาฬสินธุ์")):
        assert choose_agency(list(pair))[0] == choose_agency(list(reversed(pair)))[0]
    assert choose_agency(["สำนักงานพัฒนาซุ้มชนจังหวัดกาฬสินธุ์", "สำนักงานพัฒนาชุมชนจังหวัดกาฬสินธุ์"])[0] \
        == "สำนักงานพัฒนาชุมชนจังหวัดกาฬสินธุ์"
    assert choose_agency([NONGKABU, "องค์กรบริหารส่วนตำบลหนองกะปุ"]) == (NONGKABU, [NONGKAPU])


def test_choose_agency_a_mention_cut_short_or_with_debris_loses_the_tie() -> None:
    whole = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพิษณุโลก"
    assert choose_agency([whole, "สำนักงานส่งเสริมการ1"]) == (whole, [])
    district = "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาร้อยเอ็ด เขต 3"
    assert choose_agency([district, "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาร้อยเอ็ดเขต"]) == (district, [])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a scan's letters wrong in a kind of agency's long standard name
        ("สำนักงดนเขตพื้นที่การศึกษามัธยมศึกษาเลย เขต 1", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเลย เขต 1"),
        ("สำนักงานพัฒนาสังคมและความมันคงของมนุษย์จังหวัดราชบุรี",
         "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดราชบุรี"),
        ("มหาวิทยาลัยแท้คโนโลยีราชมงคลนครศรีธรรมราช", "มหาวิทยาลัยเทคโนโลยีราชมงคลนครศรีธรรมราช"),
        # ... and in a province's name
        ("องค์การบริหารส่วนจังหวัดภาพสินธุ์", "องค์การบริหารส่วนจังหวัดกาฬสินธุ์"),
        ("เทศบาลนครกาฬิสินธุ์", "เทศบาลนครกาฬสินธุ์"),
        # names as printed stay: a university of another kind, a subdistrict, no province, two provinces as near
        ("มหาวิทยาลัยเทคโนโลยีสุรนารี", "มหาวิทยาลัยเทคโนโลยีสุรนารี"),
        ("เทศบาลตำบลหนองปลาค้าว", "เทศบาลตำบลหนองปลาค้าว"),
        ("ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้", "ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้"),
        ("สำนักงานจังหวัดระงอง", "สำนักงานจังหวัดระงอง"),
    ],
)
def test_normalize_agency_reads_kinds_and_provinces_again(raw: str, expected: str) -> None:
    assert normalize_agency(raw) == expected


def test_every_province_and_kind_is_left_as_printed() -> None:
    from normalize.agency import AGENCY_KINDS, province_names

    assert len(province_names()) == 77
    for p in sorted(province_names()):
        assert normalize_agency("สำนักงานจังหวัด" + p) == "สำนักงานจังหวัด" + p
        assert normalize_agency("องค์การบริหารส่วนจังหวัด" + p) == "องค์การบริหารส่วนจังหวัด" + p
    for kind in AGENCY_KINDS:
        assert normalize_agency(kind + "หนองบัว") == kind + "หนองบัว"


def test_a_name_runs_on_into_the_sentence_no_further() -> None:
    assert find_agency_mentions("ขององค์การสวนสัตว์แห่งประเทศไทยดังนี้ ๑.") == ["องค์การสวนสัตว์แห่งประเทศไทย"]


def test_choose_agency_one_spelling() -> None:
    assert choose_agency(["อบต.หนองกะบู่", NONGKABU]) == (NONGKABU, [])


def test_choose_agency_nothing() -> None:
    assert choose_agency([]) == (None, [])
    assert choose_agency(["  "]) == (None, [])


def test_seed_agency() -> None:
    if not SEED.exists():
        pytest.skip("seed text missing")
    mentions = find_agency_mentions(SEED.read_text(encoding="utf-8"))
    assert mentions == ["องค์กรบริหารส่วนตำบลหนองกะปุ", NONGKABU, NONGKABU]
    assert choose_agency(mentions) == (NONGKABU, [NONGKAPU])


# --- issue 8: agency names kept whole ------------------------------------------------------------

@pytest.mark.parametrize("title, want", [
    ("ของ สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครพนม เขต ๒ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
     "สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครพนม เขต 2"),
    ("ของสพม.ลำปาง เขต 12 ประจำปี", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง เขต 12"),
    ("ของ การประปาส่วนภูมิภาค ประจำปีงบประมาณ", "การประปาส่วนภูมิภาค"),
    ("ของการรถไฟแห่งประเทศไทย ประจำปี", "การรถไฟแห่งประเทศไทย"),
    ("ของ องค์การสวนพฤกษศาสตร์ ประจำปี", "องค์การสวนพฤกษศาสตร์"),
])
def test_agency_names_whole(title, want):
    assert choose_agency(find_agency_mentions(title))[0] == want


def test_a_district_word_without_a_number_is_not_part_of_the_name():
    assert choose_agency(find_agency_mentions("ของ เทศบาลตำบลโนนสูง เขตเทศบาล ประจำปี"))[0] == "เทศบาลตำบลโนนสูง"
