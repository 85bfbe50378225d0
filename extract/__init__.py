"""Reading PDFs, in three wings with one job each.

* :mod:`extract.text` — the text layer: the only importer of pdfplumber and
  pdfminer; cell text assembled once, in :mod:`extract.text.layout`.
* :mod:`extract.ocr` — scans: raster, straightening and grid, the OCR engine
  (one module per engine behind a protocol) and OCR-only text fixes.
* :mod:`extract.numerals` — the Thai-numeral recognizer at run time; its
  training is an offline command.

:mod:`extract.pages` chooses, page by page, the text layer or OCR. Every wing
hands out the page model of :mod:`ita_extract.page`.
"""
