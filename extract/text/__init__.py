"""The text-layer wing: the only importer of pdfplumber and pdfminer.

:mod:`extract.text.pdf` opens a PDF (repairing a damaged one with
:mod:`extract.text.repair`) and hands out the page model of
:mod:`ita_extract.page`; :mod:`extract.text.layer` orders glyphs into lines;
:mod:`extract.text.layout` assembles cell text and page items, once, for text
layers and OCR alike; :mod:`extract.text.trust` decides whether a text layer
can be believed.
"""
