"""Repair the ToUnicode maps of a rendered PDF from the fonts it was drawn with.

LibreOffice 7.4 gives each glyph the Unicode of its first use (../shared/TRAPS.md):
after ``ไปสู่`` the shifted tone glyph reads ``ู``, the nikhahit of a sara am reads
``ำ`` (``นำา``). Chromium leaves some shaped variants without any Unicode. Both are
repaired the same way: every embedded (subset) glyph is matched by its outline to a
glyph of the installed font file, whose Unicode comes from the font's own cmap
(legacy private-use codes mapped to the standard marks) or, for a glyph reached only
through shaping, from the GSUB substitution that produces it. The PDF keeps its
pages; only the ToUnicode streams are rewritten (pikepdf).
"""
from __future__ import annotations

import io
import logging
import re
from functools import lru_cache
from pathlib import Path

import pikepdf
from fontTools.ttLib import TTFont

from benchmarks.corpus.look import FONT_ROOT
from normalize.thai import map_legacy_glyphs

logging.getLogger("fontTools").setLevel(logging.ERROR)  # subset fonts carry odd head timestamps

_RE_SUBSET = re.compile(r"^[A-Z]{6}\+")
_RE_HEX = re.compile(r"<([0-9A-Fa-f]+)>")


@lru_cache(maxsize=1)
def _installed() -> dict[str, Path]:
    """PostScript name -> font file, for the Thai fonts under FONT_ROOT."""
    out = {}
    for path in sorted(FONT_ROOT.glob("*/*.ttf")):
        if not (path.parent.name in ("tlwg", "noto") and ("Thai" in path.name or path.parent.name == "tlwg")):
            continue
        try:
            name = TTFont(str(path), lazy=True)["name"].getDebugName(6)
        except Exception:  # noqa: BLE001 - a broken font file is simply not a candidate
            continue
        if name:
            out[name] = path
    return out


def _outline(font: TTFont, gname: str) -> tuple | None:
    glyf = font["glyf"]
    try:
        coords, ends, _flags = glyf[gname].getCoordinates(glyf)
    except Exception:  # noqa: BLE001
        return None
    if not len(coords):
        return None
    return tuple(coords), tuple(ends)


@lru_cache(maxsize=32)
def _original(path: Path) -> tuple[dict, dict]:
    """(outline -> Unicode text, glyph name -> Unicode text) of an installed font."""
    font = TTFont(str(path))
    text: dict[str, str] = {}
    for cp, g in sorted(font.getBestCmap().items()):
        ch = map_legacy_glyphs(chr(cp))
        if g not in text or (0xF700 <= ord(text[g][0]) <= 0xF8FF and not 0xF700 <= cp <= 0xF8FF):
            text[g] = ch
    if "GSUB" in font:
        for _ in range(2):  # substitutions of substitutions
            for lookup in font["GSUB"].table.LookupList.Lookup:
                for sub in lookup.SubTable:
                    kind = sub.LookupType if lookup.LookupType != 7 else sub.ExtSubTable.LookupType
                    sub = sub if lookup.LookupType != 7 else sub.ExtSubTable
                    if kind == 1:
                        for src, dst in sub.mapping.items():
                            if src in text and dst not in text:
                                text[dst] = text[src]
                    elif kind == 4:
                        for first, ligs in sub.ligatures.items():
                            for lig in ligs:
                                parts = [first, *lig.Component]
                                if lig.LigGlyph not in text and all(p in text for p in parts):
                                    text[lig.LigGlyph] = "".join(text[p] for p in parts)
    by_outline: dict[tuple, str] = {}
    for g, t in text.items():
        key = _outline(font, g)
        if key is not None and key not in by_outline:
            by_outline[key] = t
    return by_outline, text


def _parse_cmap(data: bytes) -> tuple[int, dict[int, str]]:
    """(code length in bytes, code -> text) of a ToUnicode CMap (bfchar and bfrange)."""
    text = data.decode("latin-1")
    out: dict[int, str] = {}
    width = 1
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        hexes = _RE_HEX.findall(block)
        for src, dst in zip(hexes[::2], hexes[1::2]):
            width = max(width, len(src) // 2)
            out[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be", errors="replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for line in block.strip().splitlines():
            hexes = _RE_HEX.findall(line)
            if len(hexes) == 3 and "[" not in line:
                lo, hi, dst = int(hexes[0], 16), int(hexes[1], 16), int(hexes[2], 16)
                width = max(width, len(hexes[0]) // 2)
                for k, code in enumerate(range(lo, hi + 1)):
                    out[code] = chr(dst + k)
    return width, out


def _write_cmap(width: int, mapping: dict[int, str]) -> bytes:
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def", "1 begincodespacerange",
             f"<{'00' * width}> <{'FF' * width}>", "endcodespacerange"]
    items = sorted(mapping.items())
    for i in range(0, len(items), 100):
        chunk = items[i:i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        for code, t in chunk:
            lines.append(f"<{code:0{2 * width}X}> <{t.encode('utf-16-be').hex().upper()}>")
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return ("\n".join(lines) + "\n").encode("ascii")


def _code_glyphs(font_obj, subset: TTFont) -> dict[int, str]:
    """Character code -> subset glyph name."""
    order = subset.getGlyphOrder()
    if font_obj.get("/Subtype") == "/Type0":
        desc = font_obj.DescendantFonts[0]
        cid2gid = desc.get("/CIDToGIDMap")
        if isinstance(cid2gid, pikepdf.Stream):
            raw = cid2gid.read_bytes()
            return {cid: order[(raw[2 * cid] << 8) | raw[2 * cid + 1]] for cid in range(len(raw) // 2)
                    if ((raw[2 * cid] << 8) | raw[2 * cid + 1]) < len(order)}
        return dict(enumerate(order))
    out: dict[int, str] = {}
    for table in subset["cmap"].tables:
        for code, g in table.cmap.items():
            out.setdefault(code & 0xFF if table.platformID == 3 and table.platEncID == 0 else code, g)
    return out


def _font_file(font_obj):
    desc = font_obj.DescendantFonts[0] if font_obj.get("/Subtype") == "/Type0" else font_obj
    fd = desc.get("/FontDescriptor")
    return None if fd is None else fd.get("/FontFile2")


def repair(path: Path) -> int:
    """Rewrite wrong or missing ToUnicode entries of ``path`` in place; returns how many changed."""
    changed = 0
    installed = _installed()
    with pikepdf.open(str(path), allow_overwriting_input=True) as pdf:
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font" or "/DescendantFonts" not in obj \
                    and obj.get("/Subtype") != "/TrueType":
                continue
            ff = _font_file(obj)
            base = _RE_SUBSET.sub("", str(obj.get("/BaseFont", ""))[1:])
            if ff is None or base not in installed:
                continue
            by_outline, _ = _original(installed[base])
            subset = TTFont(io.BytesIO(ff.read_bytes()))
            old = obj.get("/ToUnicode")
            width, mapping = _parse_cmap(old.read_bytes()) if old is not None else (
                2 if obj.get("/Subtype") == "/Type0" else 1, {})
            new = dict(mapping)
            for code, g in _code_glyphs(obj, subset).items():
                key = _outline(subset, g)
                t = by_outline.get(key) if key is not None else None
                if t and new.get(code) != t:
                    new[code] = t
            if new != mapping:
                changed += sum(1 for c in new if mapping.get(c) != new[c])
                obj.ToUnicode = pdf.make_stream(_write_cmap(width, new))
        if changed:
            pdf.save(str(path))
    return changed
