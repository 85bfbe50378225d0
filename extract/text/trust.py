"""Whether a page's text layer can be trusted; the repair of one that cannot.

A text layer that maps every glyph can still be wrong: U+FFFD or private-use
codes where a glyph had no Unicode, า mapped as ำ, marks out of place,
words in the wrong order. :func:`trust_page` judges the page's text as a
whole (the share of its Thai text that falls into dictionary words, and the
fault signatures of :class:`normalize.repair.Faults`), repairs its lines with
:func:`normalize.repair.repair_line` when it shows a fault, and tells the
caller when the page is still unreadable after that (OCR should read it).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from extract.text.layout import Cell, Item, TextLine
from extract.text.layer import Line
from normalize.repair import Faults, RepairStats, dictionary_share, is_unknown_glyph, prepare, repair_line
from normalize.thai import normalize_text
from normalize.thaichars import LETTERS
from ita_extract.model import Problem, problem

#: A page whose Thai text, repaired, still falls into dictionary words for
#: less than this share is not trusted (words in the wrong order, a font
#: whose codes mean other letters).
UNTRUSTED_SHARE = 0.6
#: Thai consonants a page needs before its share is judged at all.
MIN_THAI_CONSONANTS = 40


@dataclass(frozen=True)
class PageTrust:
    """What the text of one page looks like."""

    share: float  # Thai consonants in dictionary words
    faults: Faults
    unknown_glyphs: int  # U+FFFD and private-use codes left
    consonants: int

    @property
    def trusted(self) -> bool:
        return self.consonants < MIN_THAI_CONSONANTS or self.share >= UNTRUSTED_SHARE


def assess(text: str) -> PageTrust:
    """The trust of a page's text.

    >>> assess("การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ " * 2).trusted
    True
    >>> assess("ฐัรคาภนางยวน่หงอขนางนินเำดรากนใสใงร่ปโมาวคะลแมรรธณุค " * 2).trusted
    False
    """
    prepared = prepare(text)
    share = dictionary_share(prepared)
    return PageTrust(
        share=share,
        faults=Faults.of(prepared, share),
        unknown_glyphs=sum(1 for c in prepared if is_unknown_glyph(c)),
        consonants=sum(1 for c in prepared if c in LETTERS),
    )


def _lines(items: list[Item]) -> Iterator[Line]:
    for it in items:
        if isinstance(it, TextLine):
            yield it.line
        else:
            for row in it.rows:
                for cell in row:
                    if cell is not None:
                        yield from cell.lines


def _with_texts(items: list[Item], texts: dict[int, str]) -> list[Item]:
    """The items with the lines whose ``id`` is in ``texts`` given new text."""
    def line(ln: Line) -> Line:
        return dataclasses.replace(ln, text=texts[id(ln)]) if id(ln) in texts else ln

    def cell(c: Cell | None) -> Cell | None:
        return None if c is None else dataclasses.replace(c, lines=tuple(line(ln) for ln in c.lines))

    out: list[Item] = []
    for it in items:
        if isinstance(it, TextLine):
            out.append(dataclasses.replace(it, line=line(it.line)))
        else:
            out.append(dataclasses.replace(it, rows=[[cell(c) for c in row] for row in it.rows]))
    return out


@dataclass
class TrustVerdict:
    items: list[Item]
    problems: list[Problem]
    untrusted: str | None  # why the page should be read by OCR, or None


def trust_page(items: list[Item], page: int) -> TrustVerdict:
    """Repair a page's text layer when it shows a fault; say whether to trust it."""
    lines = list(_lines(items))
    text = "\n".join(ln.text for ln in lines)
    trust = assess(text)
    problems: list[Problem] = []
    if trust.faults.broken:
        stats = RepairStats()
        texts: dict[int, str] = {}
        for ln in lines:
            fixed = repair_line(ln.text, stats, trust.faults)
            if fixed != normalize_text(ln.text).replace("\n", " "):
                texts[id(ln)] = fixed
        if texts:
            items = _with_texts(items, texts)
            problems.append(problem(
                "text-layer-repaired",
                f"Page {page}: its text layer was broken; {len(texts)} of {len(lines)} lines were repaired "
                f"({stats.repaired} runs of Thai text, {stats.unknown_glyphs} unknown glyphs).",
                None, page))
            trust = assess("\n".join(texts.get(id(ln), ln.text) for ln in lines))
    if trust.trusted:
        return TrustVerdict(items, problems, None)
    # not read from this layer after all (OCR reads the page, or the caller says it is untrusted)
    return TrustVerdict(items, [], f"only {trust.share:.0%} of its Thai text layer reads as dictionary words"
                        + (" after repair" if problems else ""))
