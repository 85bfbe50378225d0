"""Cited codes garbled beside a readable label, read again from their ink in several views.

A guideline cites OIT items after a label: ``(อ้างอิงจาก ๐๗,๐๘)``. Tesseract's
Thai model reads the label well but has no ``๗ ๘ ๙ ๔ ๖``: the codes after it
come out as Thai letters or signs (``๐ฒ,๐๕)``, ``0 ฒ,0 7@08)``, ``๐๑ว)``),
and the word re-read of :mod:`extract.ocr.tokens` leaves a word holding Thai
letters as it stands. Sometimes no word is read at all between the label and
the text after it (``(อ้างอิงจาก ให้มี``).

Here the ink after a label that was read, up to the word closing the bracket
(:func:`cited_span`), is read again when what Tesseract wrote there is no
clean list of codes (:func:`clean_list`) or cites a code no questionnaire has.
The numeral recognizer reads it at several levels of thinning
(:data:`CODE_THIN_SHARES`, :func:`extract.ocr.votes.thinned`): at each, every
code of the list (a circle and one or two digits, :func:`extract.ocr.tokens.code_runs`)
must read surely. The list is kept only when enough levels read the very same
list (:data:`CODE_AGREE`), no other list as often, and every code is an item a
questionnaire holds (``known``); records then check it against the report's
own fiscal year. Anything less sure keeps the words as Tesseract read them.

Three more places hold a cited code's ink with no word for it, read the same way
(:func:`read_citation`): the blank gap after a label on its line, or at the next
line's start when the label ends its line; and the gap after a clean list no
bracket closes (``o12 ▯▯▯ บนเว็บไซต์``: it must read on from the words' codes), or
the ink after such a list that ends its line (``o10 ▯▯▯ │``, up to a blank or a rule).
Where no word was read, the Thai engine's own reading of the gap may stand when
every scale (:data:`ENGINE_SCALES`) reads one clean list and the recognizer no
other, and no list the thinner views read most is backed by heavier views. A clean
list Tesseract read unsurely (:data:`CLEAN_SURE`) is replaced only when every sure
view reads one other list, never a shorter one; one read surely too, when the ink
as it stands reads a digit Tesseract's Thai model lacks where it wrote another
(:func:`engine_lacked`). A list holding a one-digit code, read surely or not, is replaced by the list most views
read by a margin when that list reads each such code on by a digit and is otherwise the same
(:func:`read_on_by_a_digit`): at 150 dpi two digits set close blur into one blob, and Tesseract or the token reader
writes the first alone (``o1)`` for ``o17)``).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from extract.numerals.recognizer import meaning_in_number
from extract.ocr.ink import heavy_views
from extract.ocr.readings import ENGINE_LACKS
from extract.ocr.votes import thinned
from extract.ocr.engine import OcrWord
from extract.ocr.scan import components
from extract.ocr.tokens import (bare_reading_stands, bracket_cut, bracket_joined, code_crop, code_runs, is_cite_label,
                               label_start, word_image)
from normalize import questionnaire
from normalize.codes import CITE_LIST_JOINERS, parse_question_code
from normalize.thai import thai_digits_to_arabic
from normalize.thaichars import DIGIT_LOOKALIKES, DIGITS, TEXT, charset

log = logging.getLogger(__name__)

__all__ = ["CODE_AGREE", "CODE_THIN_SHARES", "ENGINE_SCALES", "clean_list", "cited_span", "code_list_votes",
           "engine_code_list", "heavier_decided", "known_oit_code", "listed_codes", "read_citation", "read_on_by_a_digit",
           "reread_cited_codes", "voted_code_list"]

#: Views of the code ink read: as it stands, and thinned to darker cores at these shares (blur joins glyphs).
CODE_THIN_SHARES = (None, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6)
#: A view's list counts when every code of it reads at least this surely ...
CODE_READ_MIN = 0.6
#: ... and a list replaces the words when this many views read it ...
CODE_AGREE = 4
#: ... and this many times as many as read any other list (views split between two lists decide nothing).
CODE_MARGIN = 2
#: At most so many words after a label hold its list (``0 | ฒ,0 | 7@08)``).
SPAN_WORDS = 4
#: A gap after a label wider than this share of the label's height may hold a code no word was read for ...
GAP_MIN = 0.8
#: ... and no wider than this (a list of three codes and its bracket): further on lies another column's text.
GAP_MAX = 6.0

_D = f"0-9{charset(DIGITS)}"
#: One cited item as a clean reading writes it: a circle (``o``, ``๐``, ``0``), read twice perhaps, and 1-2 digits.
_RE_CLEAN_ITEM = re.compile(f"^(?:[0๐]\\s?)?[oO๐0]\\s?[{_D}]{{1,2}}$")
#: The circle of a clean item (the letter o), read once or twice.
_RE_CIRCLE = re.compile("^(?:[0๐]\\s?)?[oO๐0]\\s?")
_RE_SEP = re.compile(r"\s*(?:,|\.|และ|\s)\s*")
#: A Thai character (letter, vowel, mark) that is no digit's lookalike: two in a word are the running text's
#: words (``และ``), not a code (``๐๑ว)``: ๖ read as a letter).
_RE_THAI_CHAR = re.compile(f"[{charset(TEXT, exclude=DIGIT_LOOKALIKES)}]")


def _running_text(text: str) -> bool:
    """Whether a word is the running text's (two Thai characters before its bracket: ``และ``), no code.

    >>> _running_text("และเผยแพร่"), _running_text("Oe)"), _running_text("๐๑ว)"), _running_text("o12)ให้")
    (True, False, False, False)
    """
    return len(_RE_THAI_CHAR.findall(text.split(")", 1)[0])) >= 2


_RE_OIT = re.compile(r"^o[1-9]\d?$")


def known_oit_code(code: str) -> bool:
    """Whether ``code`` is an OIT item of some fiscal year's questionnaire.

    >>> known_oit_code("o7"), known_oit_code("o43"), known_oit_code("o82"), known_oit_code("i7")
    (True, True, False, False)
    """
    return any(code == q.code for y in questionnaire.fiscal_years() for q in questionnaire.questions(y, "OIT"))


def clean_list(text: str, known: Callable[[str], bool] = known_oit_code) -> bool:
    """Whether the words after a label, up to the closing bracket, are a clean list of known codes.

    >>> [clean_list(t) for t in ("o21)", "0 o5)", "o20,o21)", "๐๑๐)", "o23 ,o24)", "o14 และ o15)")]
    [True, True, True, True, True, True]
    >>> [clean_list(t) for t in ("0 ฒ,0 7@08)", "๐ฒ,๐๕)", "๐๑ว)</6>", "o82)", ")", "04.0)")]
    [False, False, False, False, False, False]
    """
    codes = _clean_items(text)
    return bool(codes) and all(known(c) for c in codes)


def _clean_items(text: str) -> list[str] | None:
    """The codes of the items up to the closing bracket, in order and as often as they stand; None when an item is
    no code.

    >>> _clean_items("0 o5, o8,o8)"), _clean_items("๐ฒ,๐๕)"), _clean_items(")")
    (['o5', 'o8', 'o8'], None, [])
    """
    body = text.split(")", 1)[0].strip()
    merged: list[str] = []
    for item in (i for i in _RE_SEP.split(body) if i):
        # a circle read apart from its digits ("0 o5"): one item
        if merged and re.fullmatch("[0๐]", merged[-1]):
            merged[-1] += item
        else:
            merged.append(item)
    codes = []
    for item in merged:
        if not _RE_CLEAN_ITEM.match(item):
            return None
        code = parse_question_code("o" + _RE_CIRCLE.sub("", item), "OIT")
        if code is None:
            return None
        codes.append(code)
    return codes


#: A word closing a cited list after its joiner (``และ``) whose text before the bracket is this short is the ink of
#: one code however Tesseract read it: three glyphs (``๐๑๓``), with a mark or two it read among them.
CODE_WORD_MAX = 5


def cited_span(words: Sequence[OcrWord], label: int) -> list[int]:
    """The words after the label at ``label`` that hold its cited list: on the line the first of them stands on,
    up to the word closing the bracket, at most :data:`SPAN_WORDS`; none when a word of running text comes first.

    >>> w = lambda t, line=1: OcrWord(t, 0, 0, 9, 9, 90.0, (1, 1, line))
    >>> cited_span([w("(อ้างอิงจาก"), w("0"), w("ฒ,0"), w("7@08)"), w("บนเว็บไซต์")], 0)
    [1, 2, 3]
    >>> cited_span([w("(อ้างอิงจาก"), w("๐๑ฒ,", 1), w("018)", 1)], 0), cited_span([w("(อ้างอิงจาก"), w("ให้มี")], 0)
    ([1, 2], [])
    >>> cited_span([w("(อ้างอิงจาก"), w("o5"), w("และรายงาน")], 0), cited_span([w("(อ้างอิงจาก"), w("o14"), w("และ")], 0)
    ([1], [1])
    >>> cited_span([w("(อ้างอิงจาก"), w("o23"), w("และ"), w("Oe)")], 0), cited_span([w("(อ้างอิงจาก"), w("o6"), w("และ"), w("รายงาน")], 0)
    ([1, 2, 3], [1])
    >>> cited_span([w("(อ้างอิงจาก"), w("0"), w("o20"), w("และ"), w("0"), w("o21)")], 0)  # no closing word after it
    [1, 2]
    >>> cited_span([w("(อ้างอิงจาก"), w("o12"), w("และ"), w("กิจค)")], 0), cited_span([w("(อ้างอิงจาก"), w("o6"), w("และ"), w("รายงานผล)")], 0)
    ([1, 2, 3], [1])
    """
    out: list[int] = []
    line = None
    for j in range(label + 1, min(len(words), label + 1 + SPAN_WORDS)):
        w = words[j]
        if line is not None and w.line_key != line:
            break
        if out and w.text in CITE_LIST_JOINERS and j + 1 < len(words) and words[j + 1].line_key == w.line_key \
                and ")" in words[j + 1].text and (not _running_text(words[j + 1].text)
                                                  or len(words[j + 1].text.split(")", 1)[0]) <= CODE_WORD_MAX):
            # ``o23 และ Oe)``: the list goes on past its joiner to the word closing it, a code whatever Tesseract
            # read it as (``o12 และ กิจค)`` for ``๐๑๒ และ ๐๑๓)``: a list names only codes)
            out += [j, j + 1]
            break
        if _running_text(w.text) or is_cite_label(w.text):
            break
        line = w.line_key
        out.append(j)
        if ")" in w.text:
            break
    return out


def _list_reading(recognizer, img: np.ndarray, whole: bool = False) -> tuple[str, ...] | None:
    """The codes a view of the ink reads, each surely (:data:`CODE_READ_MIN`) and once, or None; ``whole``: None
    too when a digit read surely stands in no code (a code whose circle the view lost: ``o12`` read of
    ``๐๑๑ และ ๐๑๒`` is a list cut short)."""
    glyphs = recognizer.classify_glyphs(img)
    runs = code_runs(glyphs)
    if not runs:
        return None
    if whole and any(g.confidence >= CODE_READ_MIN and meaning_in_number(g.char).isdigit()
                     and not any(a <= k <= b for a, b in runs) for k, g in enumerate(glyphs)):
        return None
    codes = []
    for a, b in runs:
        view, x0, x1 = code_crop(img, glyphs, a, b)
        r = recognizer.read_code(view[:, x0:x1], "o")
        if b == len(glyphs) - 1 and bracket_joined(glyphs[a:b + 1]):
            # the list's closing bracket joined to its last digit (``๔)`` read ``๘``): read without it, if it stands
            bare = recognizer.read_code(view[:, x0:bracket_cut(glyphs[b])], "o")
            r = bare if bare_reading_stands(r, bare) else r
        if r.confidence < CODE_READ_MIN or not _RE_OIT.match(r.text) or r.text in codes:
            return None  # unsure, no code, or a code named twice (a list cites each once)
        codes.append(r.text)
    return tuple(codes)


#: A line's bodies are its glyphs at least this share of its tallest glyph's height (consonants, digits, brackets;
#: not marks, points or specks) ...
BODY_SHARE = 0.5
#: ... and ink wholly above their middle top or below their middle bottom by more than this share of their middle
#: height is a mark (a Thai vowel or tone mark of the label, or of the line above or below): a code has none.
OFF_LINE_SHARE = 0.15


def without_marks(crop: np.ndarray) -> np.ndarray:
    """``crop`` (a citation's ink, 0 = ink) with what lies wholly above or below its line's bodies painted paper
    (:data:`OFF_LINE_SHARE`): a mark of the line above over a code's circle joins it into one glyph for the
    recognizer (``๐`` with the ``ุ`` of the line above on it read as ``8``). A code's circle and digits sit on
    the line and have no marks.

    >>> crop = np.full((40, 60), 255, np.uint8)
    >>> crop[15:30, 5:15] = 0; crop[15:30, 20:30] = 0; crop[15:30, 35:45] = 0   # three bodies
    >>> crop[8:11, 22:26] = 0                                                    # a mark above the second
    >>> out = without_marks(crop); bool((out[8:11, 22:26] == 255).all()), bool((out[15:30, 20:30] == 0).all())
    (True, True)
    """
    import cv2

    if crop.size == 0:
        return crop
    ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    n, labels, stats = components(ink, 8)
    if n < 3:
        return crop
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    body = np.flatnonzero(heights >= BODY_SHARE * heights.max()) + 1
    tops, bottoms = stats[body, cv2.CC_STAT_TOP], stats[body, cv2.CC_STAT_TOP] + stats[body, cv2.CC_STAT_HEIGHT]
    top, bottom = float(np.median(tops)), float(np.median(bottoms))
    margin = OFF_LINE_SHARE * (bottom - top)
    lo, hi = stats[:, cv2.CC_STAT_TOP], stats[:, cv2.CC_STAT_TOP] + stats[:, cv2.CC_STAT_HEIGHT]
    off = (hi <= top + margin) | (lo >= bottom - margin)
    off[0] = False
    if not off.any():
        return crop
    out = crop.copy()
    out[off[labels]] = 255
    return out


def code_list_votes(recognizer, crop: np.ndarray, heavy: bool = False) -> dict[tuple[str, ...], int]:
    """How many views of ``crop`` (:data:`CODE_THIN_SHARES`; ``heavy``: its ink made heavier instead,
    :func:`extract.ocr.ink.heavy_views`) read each list of codes surely; the marks above and below its line's bodies
    are no part of a code (:func:`without_marks`)."""
    crop = without_marks(crop)
    votes: dict[tuple[str, ...], int] = {}
    views = heavy_views(crop) if heavy else (crop if share is None else thinned(crop, share) for share in CODE_THIN_SHARES)
    for img in views:
        if img is None or img.size == 0:
            continue
        found = _list_reading(recognizer, img, whole=heavy)
        if found:
            votes[found] = votes.get(found, 0) + 1
    return votes


def voted_code_list(recognizer, crop: np.ndarray) -> tuple[str, ...] | None:
    """The list of codes :data:`CODE_AGREE` views of ``crop`` or more read alike (:data:`CODE_THIN_SHARES`),
    :data:`CODE_MARGIN` times as many as any other list; else None."""
    return _decided(code_list_votes(recognizer, crop), strict=False)


#: Scales the engine reads a blank gap's ink at (:func:`engine_code_list`): every one must read the same list ...
ENGINE_SCALES = (1.0, 1.5, 2.0)
#: ... and no other list read surely by so many views of the recognizer (a digit the engine misreads).
ENGINE_VETO = 3
#: Where a clean list no bracket closes reads on (:func:`_read_on`), the engine reads at these scales ...
READ_ON_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
#: ... and this many of them must read one clean list, none another: the words' own codes, read first and surely,
#: already vouch for the ink (a Latin-shaped circle read ``20๑๒`` at some scales, never another clean list).
READ_ON_QUORUM = 2


def listed_codes(text: str, known: Callable[[str], bool] = known_oit_code) -> tuple[str, ...] | None:
    """The codes of a clean list (:func:`clean_list`) up to its closing bracket, or None; a list that names a code
    twice is none (a list cites each code once: ``o8 ,o8)`` for ``๐๘,๐๙``, a misread digit, is read again from
    its ink).

    >>> listed_codes("๐๓)"), listed_codes("0 o5, o6)"), listed_codes("๐ฆ,๐๕)"), listed_codes("จาก ๐๓๑)แล")
    (('o3',), ('o5', 'o6'), None, None)
    >>> listed_codes("o8 ,o8)")
    """
    items = _clean_items(text)
    if not items or not all(known(c) for c in items) or len(set(items)) < len(items):
        return None
    return tuple(items)


def engine_code_list(engine, crop: np.ndarray, dpi: float, known: Callable[[str], bool] = known_oit_code,
                     scales: Sequence[float] = ENGINE_SCALES, quorum: int | None = None) -> tuple[str, ...] | None:
    """The clean list of known codes the engine reads in ``crop`` alone at every scale of ``scales`` (or at
    ``quorum`` of them, the others reading no clean list), or None. Its Thai model lacks ``๔ ๖ ๗ ๘ ๙``:
    trusted only where no word was read at all (a blank gap) and the recognizer reads no other list
    (:func:`reread_cited_codes`), or where a list the words began reads on (:func:`_read_on`)."""
    import cv2

    readings = []
    for scale in scales:
        img = crop if scale == 1.0 else cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        text, _ = engine.read_word(img, int(round(dpi * scale)))
        readings.append(listed_codes(text, known))
    clean = {r for r in readings if r is not None}
    if len(clean) != 1:
        return None
    codes = clean.pop()
    return codes if readings.count(codes) >= (len(readings) if quorum is None else quorum) else None


#: A clean list Tesseract read this surely (its least sure word) stands, whatever the ink reads.
CLEAN_SURE = 90.0


def _first_reading(recognizer, crop: np.ndarray) -> tuple[str, ...] | None:
    """The list the first view of ``crop`` that reads one reads (:data:`CODE_THIN_SHARES` in turn), or None."""
    crop = without_marks(crop)
    for share in CODE_THIN_SHARES:
        found = _list_reading(recognizer, crop if share is None else thinned(crop, share))
        if found:
            return found
    return None


def engine_lacked(clean: tuple[str, ...], read: tuple[str, ...] | None) -> bool:
    """Whether the ink's reading ``read`` (the recognizer's first, :func:`_first_reading`) has, where Tesseract's clean
    list has another digit, a digit Tesseract's Thai model has no class for (:data:`extract.ocr.readings.ENGINE_LACKS`):
    its ``๐๑๕)`` read surely over ``๐๑๘)`` is then no sure reading at all, and every view of the ink decides.

    >>> engine_lacked(("o15",), ("o18",)), engine_lacked(("o18",), ("o15",)), engine_lacked(("o15",), None)
    (True, False, False)
    >>> engine_lacked(("o3", "o15"), ("o3", "o19")), engine_lacked(("o15",), ("o15", "o18")), engine_lacked(("o5",), ("o15",))
    (True, False, False)
    """
    if read is None or len(read) != len(clean):
        return False
    return any(len(a) == len(b) and any(x != y and y in _LACKS for x, y in zip(a, b)) for a, b in zip(clean, read))


_LACKS = thai_digits_to_arabic(ENGINE_LACKS)


def read_on_by_a_digit(clean: tuple[str, ...], read: tuple[str, ...] | None) -> bool:
    """Whether the ink's list ``read`` is Tesseract's clean list with a digit more on one or more of its one-digit
    codes, and every other code the same: the second digit of a code that Tesseract dropped (at 150 dpi two digits
    set close blur into one blob, which it reads as the first: ``o1)`` for ``o17)``, ``o4)`` for ``o41)``).

    >>> read_on_by_a_digit(("o1",), ("o17",)), read_on_by_a_digit(("o23", "o4"), ("o23", "o41"))
    (True, True)
    >>> read_on_by_a_digit(("o1",), ("o1",)), read_on_by_a_digit(("o1",), ("o7",)), read_on_by_a_digit(("o12",), ("o1",))
    (False, False, False)
    >>> read_on_by_a_digit(("o1",), ("o17", "o18")), read_on_by_a_digit(("o1", "o2"), ("o17", "o3")), read_on_by_a_digit(("o1",), None)
    (False, False, False)
    """
    if read is None or len(read) != len(clean) or read == clean:
        return False
    return all(a == b or (_one_digit(a) and b.startswith(a) and len(b) == len(a) + 1) for a, b in zip(clean, read))


def _one_digit(code: str) -> bool:
    """Whether a code has one digit (``o1``, not ``o17``): the codes whose second digit may be lost."""
    return sum(ch.isdigit() for ch in code) == 1


def _span_box(words: Sequence[OcrWord], label: int, span: list[int]) -> OcrWord | None:
    """A word whose box spans the cited list's ink: the span's words; else the blank gap between the label and
    the word after it on its line, or, the label ending its line, between the next line's start (the label
    line's first word) and its first word read (no word was read for the code)."""
    if span:
        ws = [words[j] for j in span]
        return OcrWord("", min(w.x0 for w in ws), min(w.top for w in ws), max(w.x1 for w in ws),
                       max(w.bottom for w in ws), min(w.conf for w in ws), ws[0].line_key)
    lab = words[label]
    after = words[label + 1] if label + 1 < len(words) else None
    if after is None:
        return None
    h = lab.bottom - lab.top
    if after.line_key == lab.line_key:
        x0, x1, top, bottom = lab.x1 + int(0.15 * h), after.x0 - int(0.15 * h), lab.top, lab.bottom
    elif after.top >= (lab.top + lab.bottom) / 2:  # the next line: below the label, not beside it
        start = min(w.x0 for w in words if w.line_key == lab.line_key)
        x0, x1, top, bottom = start, after.x0 - int(0.15 * h), after.top, after.bottom
    else:
        return None
    if not GAP_MIN * h <= x1 - x0 <= GAP_MAX * h:
        return None
    return OcrWord("", x0, top, x1, bottom, 0.0, after.line_key if after.line_key != lab.line_key else lab.line_key)


def _decided(votes: dict[tuple[str, ...], int], strict: bool) -> tuple[str, ...] | None:
    """The list the votes decide (:func:`voted_code_list`); ``strict``: every sure view reads it."""
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if ranked[0][1] < CODE_AGREE or (len(ranked) > 1 and (strict or ranked[0][1] < CODE_MARGIN * ranked[1][1])):
        return None
    return ranked[0][0]


def heavier_decided(recognizer, crop: np.ndarray, votes: dict[tuple[str, ...], int], joiners: int = 0
                    ) -> tuple[tuple[str, ...] | None, dict[tuple[str, ...], int]]:
    """The list a garbled list's ink reads when its thinner views (``votes``: :func:`code_list_votes`) leave it
    undecided, views of the ink made heavier voting too (``heavy``); and all the votes. A thin serif face's code
    circle is two hairlines that the thinner views break (``()``, no digit). Only the list the thinner views read
    most, if they read one, and of more codes than the list's words hold ``joiners`` (``และ``, commas).

    (``test_heavier_views_only_back_the_thinner_views_list_of_a_garbled_span`` in tests/test_ocr_code_cells.py.)
    """
    merged = dict(votes)
    for k, n in code_list_votes(recognizer, crop, heavy=True).items():
        merged[k] = merged.get(k, 0) + n
    codes = _decided(merged, strict=False)
    if codes is not None and (len(codes) <= joiners or (votes and votes.get(codes, 0) < max(votes.values()))):
        codes = None
    return codes, merged


def _joiners(text: str) -> int:
    """How many joiners of a list's codes a word holds (commas, and :data:`normalize.codes.CITE_LIST_JOINERS`).

    >>> _joiners("และ"), _joiners("o12,o13"), _joiners("o12)")
    (1, 1, 0)
    """
    return text.count(",") + sum(text.count(j) for j in CITE_LIST_JOINERS)


def _is_label(words: Sequence[OcrWord], i: int) -> bool:
    return is_cite_label(words[i].text) or label_start(words, i) is not None


def _with_joiner(words: Sequence[OcrWord], span: list[int]) -> list[int]:
    """``span`` and the joiner after it on its line (:data:`normalize.codes.CITE_LIST_JOINERS`), when one follows
    it: the list goes on past it (``(อ้างอิงจาก o36 และ ▯▯▯ และกำหนด``: Tesseract read no word for the last code).

    >>> w = lambda t, line=1: OcrWord(t, 0, 0, 9, 9, 90.0, (1, 1, line))
    >>> _with_joiner([w("(อ้างอิงจาก"), w("o36"), w("และ"), w("และกำหนด")], [1]), _with_joiner([w("o5"), w("และ", 2)], [0])
    ([1, 2], [0])
    """
    if not span:
        return span
    after = span[-1] + 1
    if ")" in words[span[-1]].text or after >= len(words) or words[after].line_key != words[span[-1]].line_key \
            or words[after].text not in CITE_LIST_JOINERS:
        return span
    return [*span, after]


def _cut_short(words: Sequence[OcrWord], label: int, span: list[int]) -> OcrWord | None:
    """The box from a span's first word to the word after it on its line, when the span closes no bracket and
    a blank gap (:data:`GAP_MIN` to :data:`GAP_MAX` label heights) parts them (``o12 ▯▯▯▯ บนเว็บไซต์``)."""
    last = span[-1]
    if ")" in words[last].text or last + 1 >= len(words) or words[last + 1].line_key != words[last].line_key:
        return None
    h = words[label].bottom - words[label].top
    first, after = words[span[0]], words[last + 1]
    if not GAP_MIN * h <= after.x0 - words[last].x1 <= GAP_MAX * h:
        return None
    if not _running_text(after.text):
        return None  # the list goes on in the word after the gap (``o12 และ ▯ o13)``): a wide space, no code lost
    ws = [words[j] for j in span]
    return OcrWord("", first.x0, min(w.top for w in ws), after.x0 - int(0.15 * h), max(w.bottom for w in ws),
                   min(w.conf for w in ws), first.line_key)


#: A column inked over this share of a line's band (a little above and below it) is a table's rule, no glyph.
RULE_SHARE = 0.9
#: A blank this many line heights wide after a line's last word ends the ink that line's list can read on into.
LINE_END_BLANK = 1.0


def _line_end(words: Sequence[OcrWord], label: int, span: list[int], image: np.ndarray) -> OcrWord | None:
    """The box from a span's first word to the end of the ink after it, when the span closes no bracket and
    ends its line though ink follows it there, before a blank of :data:`LINE_END_BLANK` heights or a table's
    rule (``(อ้างอิงจาก o10 ▯▯▯▯▯ │``: Tesseract left the rest of the list out)."""
    import cv2

    last = span[-1]
    if ")" in words[last].text or (last + 1 < len(words) and words[last + 1].line_key == words[last].line_key):
        return None
    ws = [words[j] for j in span]
    first, end = words[span[0]], words[last]
    h = words[label].bottom - words[label].top
    top, bottom = min(w.top for w in ws), max(w.bottom for w in ws)
    pad = int(0.3 * h)
    y0, y1 = max(0, top - pad), min(image.shape[0], bottom + pad)
    x1 = min(image.shape[1], int(end.x1 + GAP_MAX * h))
    window = image[y0:y1, first.x0:x1]
    if window.size == 0 or x1 <= end.x1:
        return None
    ink = cv2.threshold(window, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    cols = ink.sum(axis=0)[end.x1 - first.x0:]
    stop, blank, seen = len(cols), 0, None
    for k, n in enumerate(cols):
        if n >= RULE_SHARE * ink.shape[0]:
            stop = k
            break
        if n:
            seen, blank = k, 0
        elif seen is not None:
            blank += 1
            if blank >= LINE_END_BLANK * h:
                break
    if seen is None or seen >= stop:
        return None
    right = end.x1 + min(seen + 1, stop - int(0.15 * h))
    if right <= end.x1:
        return None
    return OcrWord("", first.x0, top, right, bottom, min(w.conf for w in ws), first.line_key)


def _read_on(box: OcrWord, clean: tuple[str, ...], image: np.ndarray, recognizer, engine, dpi: float,
             known: Callable[[str], bool]) -> tuple[str, ...] | None:
    """The list a cut-short span and the gap after it read (:func:`voted_code_list`; where the recognizer reads
    none or the span's codes alone, the engine at :data:`READ_ON_QUORUM` of :data:`READ_ON_SCALES`, no
    recognizer list read as often against it but its start), when it starts with the span's own codes and
    holds more; else None."""
    crop = word_image(image, box)
    if crop.size == 0:
        return None
    votes = code_list_votes(recognizer, crop)
    codes = _decided(votes, strict=False)
    if (codes is None or codes == clean) and engine is not None:
        # the recognizer reads no list, or the words' codes alone (a code it cannot read surely after them):
        # the engine's, where no view of the recognizer reads a list other than the engine's or its start
        codes = engine_code_list(engine, crop, dpi, known, READ_ON_SCALES, READ_ON_QUORUM)
        if codes is not None and any(n >= ENGINE_VETO for k, n in votes.items() if k != codes[:len(k)]):
            codes = None
    longer = codes is not None and len(codes) > len(clean) and codes[:len(clean)] == clean
    return codes if longer and all(known(c) for c in codes) else None


def read_citation(words: Sequence[OcrWord], label: int, image: np.ndarray, recognizer, engine=None,
                  dpi: float = 300.0, known: Callable[[str], bool] = known_oit_code,
                  ) -> tuple[list[int], tuple[str, ...]] | None:
    """The words after the label at ``label`` that hold its list (:func:`cited_span`; none: a blank gap) and the
    codes their ink reads, when it reads surely otherwise than Tesseract did; else None.

    A list Tesseract wrote garbled (no clean list of known codes) is replaced by the list most views read
    (:func:`voted_code_list`); a clean list read unsurely (under :data:`CLEAN_SURE`) when every sure view reads
    one other list, or, when the recognizer wrote it (one view of the ink, no second reader's), the thinner views
    read another by :data:`CODE_MARGIN` over it (and that many times at least) and heavier views back it
    (:func:`heavier_decided`); one read surely only where the ink reads a digit Tesseract's Thai model lacks in
    its place (:func:`engine_lacked`) and every sure view reads one other list; a blank gap, when the recognizer
    reads nothing there, by the engine's reading (:func:`engine_code_list`), unless the list the thinner views
    read most is backed by heavier views (:func:`heavier_decided`): that list stands then."""
    span = cited_span(words, label)
    text = " ".join(words[j].text for j in span)
    clean = listed_codes(text, known) if span else None
    joined = _with_joiner(words, span) if clean is not None else span
    if clean is not None and ((cut := _cut_short(words, label, joined)) is not None
                              or (cut := _line_end(words, label, joined, image)) is not None):
        # a clean list with no closing bracket, a blank gap after it (or after the joiner that follows it: ``o36
        # และ ▯▯▯``): its further codes' ink, no word read
        codes = _read_on(cut, clean, image, recognizer, engine, dpi, known)
        if codes is not None:
            log.debug("cited codes kept after %r: %r read on as %s", words[label].text, text, ",".join(codes))
            return joined, codes
    box = _span_box(words, label, span)
    crop = word_image(image, box) if box is not None else None
    if crop is None or crop.size == 0:
        return None
    unsure = clean is not None and min(words[j].conf for j in span) < CLEAN_SURE
    votes = None
    if clean is not None and any(_one_digit(c) for c in clean):
        # a one-digit code, read surely or not, may have lost its second digit: the list most views read by a
        # margin stands when it reads each such code on by a digit (:func:`read_on_by_a_digit`)
        votes = code_list_votes(recognizer, crop)
        longer = _decided(votes, strict=False)
        if read_on_by_a_digit(clean, longer) and all(known(c) for c in longer):
            log.debug("cited codes read on after %r: %r read %s", words[label].text, text, ",".join(longer))
            return span, longer
    if clean is not None and not unsure and not engine_lacked(clean, _first_reading(recognizer, crop)):
        return None
    votes = code_list_votes(recognizer, crop) if votes is None else votes
    codes = _decided(votes, strict=clean is not None)
    if codes is None and unsure and all(words[j].source == "numerals" for j in span):
        # a clean list the recognizer wrote unsurely (``o11)`` at 88 over ``๐๑๖)``), no second reader's: one view
        # of the ink among the others, and the list they read by a margin over it, heavier views backing it, stands
        # ... by two views at least: one view against none is no margin (``o24)`` whose thinner views break the
        # Latin ``o`` in two, where only the ink as it stands reads a list, the bracket joined to the ``4``)
        backed, _ = heavier_decided(recognizer, crop, votes)
        if backed is not None and votes.get(backed, 0) >= CODE_MARGIN * max(1, votes.get(clean, 0)):
            codes = backed
    if codes is None and clean is None and span:
        # a garbled list in a thin serif print: its code's circle is two hairlines that the thinner views break
        codes, votes = heavier_decided(recognizer, crop, votes, sum(_joiners(words[j].text) for j in span))
    if codes is None and not span and engine is not None:
        # no word was read in the gap: the engine's own reading, where the recognizer reads no other list
        codes = engine_code_list(engine, crop, dpi, known)
        if codes is not None and any(n >= ENGINE_VETO for k, n in votes.items() if k != codes):
            codes = None
        if votes:
            # ... and no other list the thinner views read most and heavier views back (``O8)`` in a serif face,
            # read ``o5`` by the engine at every scale, ``o8`` by two thinner views and six heavier ones)
            backed, _ = heavier_decided(recognizer, crop, votes)
            codes = backed if backed is not None else codes
    if codes is not None and codes == clean:
        log.debug("cited codes confirmed after %r: %r", words[label].text, text)
        return None
    if codes is None or not all(known(c) for c in codes) or (clean is not None and len(codes) < len(clean)):
        # a clean list is never cut short: each of its codes was ink Tesseract read as one (``O12,`` in a serif
        # face with marks of the line below is no code to the recognizer)
        log.debug("cited codes refused after %r: %r read %s", words[label].text, text, codes)
        return None
    log.debug("cited codes kept after %r: %r read %s", words[label].text, text, ",".join(codes))
    return span, codes


def reread_cited_codes(words: list[OcrWord], image: np.ndarray, recognizer, engine=None, dpi: float = 300.0,
                       known: Callable[[str], bool] = known_oit_code) -> list[OcrWord]:
    """The page's words, the cited lists Tesseract garbled after a readable label read again from their ink
    where enough views agree on known codes (:func:`read_citation`; see the module's doc).

    ``recognizer`` is the numeral recognizer (``classify_glyphs``, ``read_code``); without them nothing changes.
    ``engine`` (Thai model) reads a blank gap after a label that the recognizer cannot read.
    """
    if getattr(recognizer, "read_code", None) is None or getattr(recognizer, "classify_glyphs", None) is None:
        return words
    out = list(words)
    i = 0
    while i < len(out):
        found = read_citation(out, i, image, recognizer, engine, dpi, known) if _is_label(out, i) else None
        if found is None:
            i += 1
            continue
        span, codes = found
        box = _span_box(out, i, span)
        tail = out[span[-1]].text.split(")", 1)[1] if span and ")" in out[span[-1]].text else None
        joiner = next((out[j].text for j in span if out[j].text in CITE_LIST_JOINERS), None) if len(codes) > 1 else None
        listed = (",".join(codes) if joiner is None else f"{','.join(codes[:-1])} {joiner} {codes[-1]}") \
            + ("" if tail is None else ")" + tail)
        out[i + 1:i + 1 + len(span)] = [replace(box, text=listed, conf=100.0 * CODE_READ_MIN, source="numerals")]
        i += 2
    return out
