"""The OCR wing: a scanned page to the same page model a text layer gives.

:mod:`extract.ocr.raster` renders and checks page images (pypdfium2);
:mod:`extract.ocr.scan` straightens a page and finds its table grid (OpenCV);
:mod:`extract.ocr.tesseract` is the one module that talks to Tesseract, behind
the :class:`extract.ocr.engine.OcrEngine` protocol; :mod:`extract.ocr.tokens`
and :mod:`extract.ocr.cells` read numbers and blank cells again with the
numeral recognizer; :mod:`extract.ocr.reader` puts the page together.
"""
