"""Marks Tesseract dropped, restored from the dictionary (extract/ocr/text_fixes.py, issue 9); letters of
like shape it read one for another, read again by the dictionary.

Words built by hand the way Tesseract misreads Thai at 150-300 dpi (tone and
vowel marks lost, ``ภ`` for ``ก``); the clean words and names must come out unchanged.
"""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from benchmarks.corpus.compose import compose
from extract.ocr.text_fixes import bracket_as_sara_ai, lookalike_letters, questionnaire_marks, repair_marks, restore_marks


@pytest.mark.parametrize("read,meant", [
    ("ดังนัน", "ดังนั้น"),
    ("อย่างทัวถึง", "อย่างทั่วถึง"),
    ("ตรวจสอบอย่างสมำเสมอ", "ตรวจสอบอย่างสม่ำเสมอ"),
    ("รายงานผลการดำเนนการ", "รายงานผลการดำเนินการ"),
    ("หนวยงาน", "หน่วยงาน"),
    ("ภายในระยะเวลาทีกำหนด", "ภายในระยะเวลาที่กำหนด"),  # every word in the dictionary: ที lost its tone
    ("เห็นวาขั้นตอน", "เห็นว่าขั้นตอน"),
])
def test_marks_tesseract_dropped_are_restored(read, meant):
    assert restore_marks(read) == meant


@pytest.mark.parametrize("word", [
    "เทคโนโลยีมาใช้",  # มา is a word: never ม้า
    "ประชาชนผู้มารับบริการ", "เทอร์บายน์", "E-Service", "o10", "(อ้างอิงจาก", "ต.ค.", "2568",
    "สวนสาธารณะ", "บางสวน",  # สวน is only 9 times rarer than ส่วน: a word of its own
])
def test_words_read_right_and_names_are_left_alone(word):
    assert restore_marks(word) == word


NIKHAHIT_AA = "\u0e4d\u0e32"  # how Tesseract writes sara am


@pytest.mark.parametrize("read,meant", [
    (f"ด{NIKHAHIT_AA}เนินการเพือจัดการความเสี่ยง", "ดำเนินการเพื่อจัดการความเสี่ยง"),  # ำ as Tesseract writes it
    (f"จัดท{NIKHAHIT_AA}สืออินโฟกราฟิก", "จัดทำสื่ออินโฟกราฟิก"),
    (f"นอกจ{NIKHAHIT_AA}กนี", "นอกจากนี้"),  # a speck read as nikhahit: no sara am there
])
def test_a_word_holding_sara_am_as_tesseract_writes_it_is_repaired(read, meant):
    """Issue 9 (dev seeds 16-31, 300 dpi): no word holding ``ำ`` had its marks restored."""
    assert restore_marks(read) == meant


@pytest.mark.parametrize("read,meant", [
    ("ขันตอน", "ขั้นตอน"),  # ขัน + ตอน: each a word as read
    ("การมีสวนรวม", "การมีส่วนร่วม"),  # two tone marks lost
    ("ต่อเนือง", "ต่อเนื่อง"), ("เจ้าหนาที่บางราย", "เจ้าหน้าที่บางราย"), ("ชีแจง", "ชี้แจง"),
    ("เรืองร้องเรียน", "เรื่องร้องเรียน"),  # a five-letter word that lost its tone
    ("ภายไนหน่วยงาน", "ภายในหน่วยงาน"), ("ระบบการไห้บริการ", "ระบบการให้บริการ"),  # ใ read as ไ
])
def test_a_compound_read_as_words_gets_back_its_tone_marks(read, meant):
    """Issue 9: a compound read without its tone mark splits into words that exist."""
    assert restore_marks(read) == meant


@pytest.mark.parametrize("word", ["ไม่ให้นำทรัพย์สิน", "การนำเทคโนโลยีมาใช้", "เสียงดัง", "สวนสาธารณะ"])
def test_two_words_read_right_are_not_joined_into_a_rare_compound(word):
    """``ให้`` + ``นำ`` is no ``ให้น้ำ``: only a common compound is taken."""
    assert restore_marks(word) == word


def test_a_repair_that_would_change_a_letter_is_not_taken():
    assert repair_marks("กำนตัง") == "กำนตัง"


def test_real_clean_strings_are_never_changed():
    pairs = Path(__file__).resolve().parents[2] / "shared" / "real-text" / "dev_pairs.json"
    if not pairs.exists():
        pytest.skip("../shared/real-text/dev_pairs.json is not here")
    for p in json.loads(pairs.read_text(encoding="utf-8")):
        clean = p["correct"]
        assert " ".join(restore_marks(w) for w in clean.split(" ")) == clean


def test_restore_marks_repairs_a_word_once(monkeypatch):
    """A pure function of the word, remembered: the same word on the next page is not repaired again."""
    import extract.ocr.text_fixes as tf

    calls = []
    inner = tf.repair_marks
    monkeypatch.setattr(tf, "repair_marks", lambda w: calls.append(w) or inner(w))
    restore_marks.cache_clear()
    assert restore_marks("ตรวจสอบอย่างสมำเสมอ") == restore_marks("ตรวจสอบอย่างสมำเสมอ") == "ตรวจสอบอย่างสม่ำเสมอ"
    assert calls == ["ตรวจสอบอย่างสมำเสมอ"]
    restore_marks.cache_clear()


@pytest.mark.parametrize("read,meant", [
    ("ผู้มีส่วน(ด้ส่วนเสียบางส่วน", "ผู้มีส่วนได้ส่วนเสียบางส่วน"),  # ไ's tall stroke read as a bracket
    ("บริหารทั่ว[ป", "บริหารทั่วไป"),
    ("การ[ช้งบประมาณ", "การใช้งบประมาณ"),  # ใ, where it makes the words
])
def test_a_bracket_read_for_sara_ai_inside_a_word_is_put_back(read, meant):
    assert bracket_as_sara_ai(read) == meant


@pytest.mark.parametrize("word", ["(อ้างอิงจาก", "คู่มือ(อ้างอิงจาก", "(o8)", "ข้อ(1)", "[ก]"])
def test_brackets_of_text_are_left_alone(word):
    assert bracket_as_sara_ai(word) == word


def test_every_word_of_the_dev_corpus_ground_truth_comes_back_unchanged():
    """The OCR word fixes (stray marks, brackets for sara ai, lost marks) leave every word the
    composed dev reports print as it is (seeds below the held-out range)."""
    from benchmarks.corpus.compose import compose
    from extract.ocr.text_fixes import drop_stray_ocr_marks

    changed = {}
    for seed in range(16, 32):
        r = compose(seed).report
        texts = [s.question_text for s in r.scores] + [t for a in r.analyses for t in (a.cause, a.guideline)] + [
            t for m in r.measures for t in (m.measure, m.finding, m.steps, m.period_text, m.responsible)]
        for w in {w for t in texts if t for w in t.split()}:
            got = restore_marks(bracket_as_sara_ai(drop_stray_ocr_marks(w)))
            if got != w:
                changed[w] = got
    assert not changed


@pytest.mark.parametrize("read,meant", [
    ("ความเสียงการทุจริต", "ความเสี่ยงการทุจริต"),  # เสียง is a word: only the questionnaire's wording tells
    ("การประเมินความเสียงและ", "การประเมินความเสี่ยงและ"),
    ("การจัดซื่อจัดจ้าง", "การจัดซื้อจัดจ้าง"),  # a tone mark misread
    ("ผู้บังคับบัญชาสังการ", "ผู้บังคับบัญชาสั่งการ"),
    ("การกระทำที่ประพฤติมีชอบ", "การกระทำที่ประพฤติมิชอบ"),  # a vowel mark misread (มี is a word)
])
def test_words_of_the_questionnaire_take_back_the_marks_ocr_lost_or_misread(read, meant):
    assert restore_marks(read) == meant


@pytest.mark.parametrize("word", [
    "ประโยชน์ส่วนรวม",  # a dictionary word beside the questionnaire's ส่วนร่วม
    "รับฟังเสียงของประชาชน",  # เสียง, no wording of the questionnaire around it
    "ขันน้ำ",  # short words: other words as often as the questionnaire's
    "ความเสี่ยงการทุจริต",  # read right
])
def test_words_that_are_not_a_misread_wording_keep_their_marks(word):
    assert questionnaire_marks(word) == word
    assert restore_marks(word) == word


def test_a_wording_is_only_taken_when_one_alone_is_nearest_and_letters_never_change():
    # the letters differ (ซ for ช): not a mark's fault, left to the reader
    assert questionnaire_marks("ความเสียงการทุจรัต") == "ความเสี่ยงการทุจรัต"
    assert questionnaire_marks("การจัดชื้อจัดจ้าง") == "การจัดชื้อจัดจ้าง"


SARA_U, SARA_UU, SARA_I, SARA_II, MAI_EK = "\u0e38", "\u0e39", "\u0e34", "\u0e35", "\u0e48"


@pytest.mark.parametrize("read,meant", [
    ("เทศบาลนครส" + SARA_UU + SARA_U + "ราษฎร์ธานี", "เทศบาลนครสุราษฎร์ธานี"),  # two vowels below one letter
    ("ส" + SARA_U + SARA_UU + "ราษฎร์ธานี", "สุราษฎร์ธานี"),
    ("ท" + SARA_II + SARA_I + MAI_EK + "กำหนด", "ที่กำหนด"),  # two vowels above one letter
    ("ส" + SARA_U + SARA_U + "ด", "สุด"),  # one vowel read twice
])
def test_a_letter_read_with_two_vowels_in_one_place_keeps_the_one_that_makes_a_word(read, meant):
    from extract.ocr.text_fixes import one_vowel_per_place

    assert one_vowel_per_place(read) == meant
    assert restore_marks(read) == meant


@pytest.mark.parametrize("word", ["สุราษฎร์ธานี", "ที่สุด", "ปู่", "กั้น", "ชื่อ", "บูรณาการ"])
def test_letters_with_one_vowel_in_each_place_are_left_alone(word):
    from extract.ocr.text_fixes import one_vowel_per_place

    assert one_vowel_per_place(word) == word


@pytest.mark.parametrize("read,meant", [
    ("ให้บริภาร", "ให้บริการ"),  # ภ read for ก
    ("บนเว็มไซต์", "บนเว็บไซต์"),  # ม for บ
    ("รวดเว็ว", "รวดเร็ว"),  # ว for ร
    ("ภาหนด", "กำหนด"),  # ภ for ก, and า for ำ
    ("ผู้มาติตต่อราชการ", "ผู้มาติดต่อราชการ"),  # ต for ด
])
def test_letters_a_scan_confuses_are_read_again_by_the_dictionary(read, meant):
    assert lookalike_letters(read) == meant


@pytest.mark.parametrize("word", [
    "กราบเรียน",  # ก may stand for ท: but every word of it is a word
    "ออฟโรด",  # a name's last letter is no word of its own: not read into โรค
    "สม่าเสมบอ",  # only a mark would make words here: left to restore_marks
    "E-Service", "o12", "๒๕๖๘",
])
def test_words_lookalike_letters_leaves_alone(word):
    assert lookalike_letters(word) == word


def _strings(x) -> list[str]:
    if isinstance(x, str):
        return [x]
    if dataclasses.is_dataclass(x):
        x = [getattr(x, f.name) for f in dataclasses.fields(x)]
    if isinstance(x, dict):
        x = list(x.values())
    return [s for v in x for s in _strings(v)] if isinstance(x, (list, tuple)) else []


def test_lookalike_letters_changes_no_word_the_generator_printed():
    """Correct text, written by the evaluation generator (120 dev seeds: agencies, questions, analyses,
    measures): a letter of like shape is read again only where the word is no word, never in correct text."""
    words = {w for seed in range(120) for s in _strings(compose(seed).report) for w in s.split()}
    assert len(words) > 1000
    assert {w: lookalike_letters(w) for w in words if lookalike_letters(w) != w} == {}


def test_lookalike_letters_changes_no_word_of_real_clean_strings():
    pairs = Path(__file__).resolve().parents[2] / "shared" / "real-text" / "dev_pairs.json"
    if not pairs.exists():
        pytest.skip("../shared/real-text/dev_pairs.json is not here")
    words = {w for p in json.loads(pairs.read_text(encoding="utf-8")) for w in p["correct"].split()}
    assert {w: lookalike_letters(w) for w in words if lookalike_letters(w) != w} == {}
