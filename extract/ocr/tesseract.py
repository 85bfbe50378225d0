"""The one module that talks to Tesseract.

Tesseract runs in process through tesserocr, so the engine and its Thai
model load once per worker and stay loaded between pages (a ``tesseract``
process per page would reload the model every time). Three concerns:

* :func:`probe` — run once at start: the library, its version, the tessdata
  folder and the ``tha`` model; raises :class:`ita_extract.errors.MissingDependency`.
* :func:`tesseract_variables` — the settings we pass, as pure data.
* :class:`Engine` — the :class:`extract.ocr.engine.OcrEngine` of Tesseract:
  page reads, word re-reads and orientation, each outcome sorted the same
  way: timeout → :class:`extract.ocr.engine.OcrTimeout` (the caller records
  a warning), a failure → :class:`ita_extract.errors.OcrFailed`, and, for
  orientation, ``None`` when Tesseract cannot tell.

Set ``OMP_THREAD_LIMIT=1`` when pages run in parallel (see TRAPS.md);
:func:`probe` sets it when unset.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from extract.ocr.engine import OcrTimeout, OcrWord, Orientation
from ita_extract.errors import MissingDependency, OcrFailed

log = logging.getLogger(__name__)

#: Where Debian, Ubuntu, Fedora and Homebrew keep traineddata files.
TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)
DEFAULT_LANG = "tha+eng"
#: Single words are read again with the Thai model alone (Thai abbreviations
#: that the page read took for Latin: ``A.A.`` for ``ต.ค.``).
WORD_LANG = "tha"
#: What tesserocr raises when Tesseract fails on an image (``RuntimeError``:
#: "Failed to recognize"; ``ValueError``/``SystemError``: an image it cannot take).
_TESSERACT_FAILURES = (RuntimeError, ValueError, SystemError)


@dataclass(frozen=True)
class TesseractInfo:
    version: str
    tessdata: str
    languages: tuple[str, ...]


def _tessdata() -> str | None:
    env = os.environ.get("TESSDATA_PREFIX")
    for folder in ([env] if env else []) + list(TESSDATA_CANDIDATES):
        if folder and (Path(folder) / "tha.traineddata").exists():
            return folder.rstrip("/") + "/"
    return None


@lru_cache(maxsize=1)
def probe(lang: str = DEFAULT_LANG) -> TesseractInfo:
    """Check once that Tesseract and its models are usable."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        import tesserocr
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise MissingDependency(
            "OCR needs the Python package tesserocr (pip install tesserocr); "
            "install the project with `make setup`.") from exc
    folder = _tessdata()
    if folder is None:
        raise MissingDependency(
            "OCR needs Tesseract's Thai model (tha.traineddata): install the Debian packages "
            "tesseract-ocr and tesseract-ocr-tha, or set TESSDATA_PREFIX.")
    _, langs = tesserocr.get_languages(folder)
    missing = [code for code in lang.split("+") if code not in langs]
    if missing:
        raise MissingDependency(f"Tesseract has no model for {', '.join(missing)} in {folder}: "
                                "install tesseract-ocr-tha (and tesseract-ocr-eng).")
    version = tesserocr.tesseract_version().splitlines()[0]
    return TesseractInfo(version, folder, tuple(langs))


def tesseract_variables(dpi: int) -> dict[str, str]:
    """The Tesseract settings used for report pages (pure)."""
    return {
        "user_defined_dpi": str(int(dpi)),
        "preserve_interword_spaces": "1",
        "thresholding_method": "2",  # Sauvola: robust to uneven scan illumination
        # no second reading of an unsure line as light print on dark: about 3 % of a page's recognition, and on
        # report pages it changed only what specks were read as (dev scans); a header printed light on a dark
        # fill reads as garbage either way (tried at fills of 40, 90 and 130 grey levels)
        "tessedit_do_invert": "0",
        # paragraphs found before recognition, on the layout's words: after it (the default), Tesseract walks
        # each line's text with its result iterator, which starts again from the page's first word at every word
        # (Thai: one "word" a grapheme), 7-10 % of a page read; the words, their boxes, confidences and lines
        # are the same (checked on 20 dev pages at 150, 200 and 300 dpi and phone photos), only paragraph
        # breaks may fall elsewhere, and nothing here reads them but as a line's key
        "paragraph_text_based": "0",
    }


#: Thai symbols of one run further apart than this share of the line height
#: belong to different runs even when Tesseract put no space between them.
RUN_GAP = 1.2


def _runs(iterator, RIL) -> list[OcrWord]:
    """Space-delimited runs of a page, from Tesseract's "words".

    For Thai, Tesseract reports each grapheme as a word of its own (the boxes
    of marks are approximate) and marks real spaces with
    ``BlanksBeforeWord``. Words with no blank between them are merged into
    one run with the union of their boxes and their lowest confidence.
    """
    out: list[OcrWord] = []
    current: list[tuple[str, tuple[int, int, int, int], float]] = []
    key = (0, 0, 0)
    counters = [0, 0, 0]

    def flush() -> None:
        if current:
            boxes = [b for _, b, _ in current]
            out.append(OcrWord("".join(t for t, _, _ in current), min(b[0] for b in boxes),
                               min(b[1] for b in boxes), max(b[2] for b in boxes),
                               max(b[3] for b in boxes), min(c for _, _, c in current), key))
            current.clear()

    line = None
    for word in _iterate(iterator, RIL.WORD):
        # a word begins a line when its line's box is not the word before's (kept or not): asked of
        # the box, not with IsAtBeginningOf, which orders the line's words again for every word
        # (a third of the walk through a page's words); no two lines of a page share one box
        was, line = line, word.BoundingBox(RIL.TEXTLINE)
        text = word.GetUTF8Text(RIL.WORD) or ""
        box = word.BoundingBox(RIL.WORD)
        if box is None or not text.strip():
            continue
        new_line = line != was
        if new_line:  # a block or paragraph begins with a line: asked only then
            if word.IsAtBeginningOf(RIL.BLOCK):
                counters = [counters[0] + 1, 0, 0]
            if word.IsAtBeginningOf(RIL.PARA):
                counters[1] += 1
                counters[2] = 0
            counters[2] += 1
        if current:
            last = current[-1][1]
            height = max(1, box[3] - box[1], last[3] - last[1])
            if new_line or word.BlanksBeforeWord() or box[0] - last[2] > RUN_GAP * height:
                flush()
        key = tuple(counters)
        current.append((text.strip(), box, float(word.Confidence(RIL.WORD))))
    flush()
    return out


def _iterate(iterator, level):
    if iterator is None:
        return
    while True:
        yield iterator
        if not iterator.Next(level):
            return


class Engine:
    """A loaded Tesseract, an :class:`extract.ocr.engine.OcrEngine`; one per process (workers each make their own)."""

    def __init__(self, lang: str = DEFAULT_LANG, timeout_s: float = 120.0) -> None:
        info = probe(lang)  # first: without tesserocr, MissingDependency (not an ImportError)
        import tesserocr

        self.info = info
        self.timeout_ms = int(timeout_s * 1000)
        self._tesserocr = tesserocr
        self._api = tesserocr.PyTessBaseAPI(path=info.tessdata, lang=lang, psm=tesserocr.PSM.AUTO)
        self._word_api = None  # Thai-only engine for single words, made on first use
        self._line_api = None  # single lines, made on first use
        self._block_api = None  # single blocks (a cell), made on first use
        self._osd_api = None  # orientation detection, made on first use

    def _set_image(self, api, gray: np.ndarray, dpi: int) -> None:
        for k, v in tesseract_variables(dpi).items():
            api.SetVariable(k, v)
        # the pixels as they are (one byte each, rows one after the other): a PIL image
        # would be written out as a BMP and read back, a copy each way of the same gray values
        gray = np.ascontiguousarray(gray, np.uint8)
        api.SetImageBytes(gray.tobytes(), gray.shape[1], gray.shape[0], 1, gray.shape[1])
        api.SetSourceResolution(int(dpi))

    def page_words(self, gray: np.ndarray, dpi: int) -> list[OcrWord]:
        """Every word of a page image (uint8, 0 = ink), recognized once."""
        return self._words(self._api, gray, dpi, "a page")

    def _words(self, api, gray: np.ndarray, dpi: int, what: str) -> list[OcrWord]:
        """The words ``api`` (set up with its page segmentation) reads in ``gray``."""
        try:
            self._set_image(api, gray, dpi)
            self._recognize(api, what)
            # a blank page has nothing to iterate; asked of the iterator, not by
            # rendering the page's whole text (GetUTF8Text walks every word: 5-8 %
            # of a 300-dpi page's time, for an answer the iterator has at once)
            iterator, RIL = api.GetIterator(), self._tesserocr.RIL
            if iterator is None or iterator.Empty(RIL.WORD):
                return []
            return _runs(iterator, RIL)
        except _TESSERACT_FAILURES as exc:
            raise OcrFailed(f"Tesseract failed on {what}: {exc}.") from exc
        finally:
            api.Clear()

    def _recognize(self, api, what: str) -> None:
        if not api.Recognize(self.timeout_ms):
            raise OcrTimeout(f"Tesseract took longer than {self.timeout_ms / 1000:g} s on {what}.")

    def read_word(self, gray: np.ndarray, dpi: int) -> tuple[str, float]:
        """One word image read alone with the Thai model (page segmentation: single word)."""
        if self._word_api is None:
            self._word_api = self._tesserocr.PyTessBaseAPI(path=self.info.tessdata, lang=WORD_LANG,
                                                           psm=self._tesserocr.PSM.SINGLE_WORD)
        api = self._word_api
        try:
            self._set_image(api, gray, dpi)
            self._recognize(api, "a word")
            return api.GetUTF8Text().strip(), float(api.MeanTextConf())
        except _TESSERACT_FAILURES as exc:
            raise OcrFailed(f"Tesseract failed on a word: {exc}.") from exc
        finally:
            api.Clear()

    def line_words(self, gray: np.ndarray, dpi: int) -> list[OcrWord]:
        """The words of an image holding one line of text (page segmentation: single line)."""
        if self._line_api is None:
            self._line_api = self._tesserocr.PyTessBaseAPI(path=self.info.tessdata, lang=DEFAULT_LANG,
                                                           psm=self._tesserocr.PSM.SINGLE_LINE)
        return self._words(self._line_api, gray, dpi, "a line")

    def block_words(self, gray: np.ndarray, dpi: int) -> list[OcrWord]:
        """The words of an image holding one block of text, a cell's lines (page segmentation: single block)."""
        if self._block_api is None:
            self._block_api = self._tesserocr.PyTessBaseAPI(path=self.info.tessdata, lang=DEFAULT_LANG,
                                                            psm=self._tesserocr.PSM.SINGLE_BLOCK)
        return self._words(self._block_api, gray, dpi, "a cell")

    def orientation(self, gray: np.ndarray, dpi: int) -> Orientation | None:
        """How the page stands (degrees to turn it counter-clockwise, 0/90/180/270, and
        Tesseract's confidence), or ``None`` when Tesseract cannot tell.

        Tesseract cannot tell without its ``osd`` model, or when the page
        holds too little text: tesserocr's ``DetectOrientationScript`` then
        returns ``None`` (it raises nothing for that; checked with tesserocr
        2.13 on blank and tiny images). Anything it raises is a failure:
        :class:`ita_extract.errors.OcrFailed`, as for a page read.
        Tesseract's orientation detection reads Thai pages right (on the
        scanned samples turned by 0/90/180/270°: all 16 right, confidence 28-50).
        """
        if self._osd_api is None:
            if "osd" not in self.info.languages:
                return None
            self._osd_api = self._tesserocr.PyTessBaseAPI(path=self.info.tessdata, lang="osd",
                                                          psm=self._tesserocr.PSM.OSD_ONLY)
        api = self._osd_api
        try:
            self._set_image(api, gray, dpi)
            res = api.DetectOrientationScript()
        except _TESSERACT_FAILURES as exc:
            raise OcrFailed(f"Tesseract failed detecting a page's orientation: {exc}.") from exc
        finally:
            api.Clear()
        if not res:
            return None
        return Orientation(int(res["orient_deg"]) % 360, float(res["orient_conf"]))

    def close(self) -> None:
        for api in (self._api, self._word_api, self._line_api, self._block_api, self._osd_api):
            if api is not None:
                api.End()
