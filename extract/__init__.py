"""Reading PDFs: the text layer, table grids and (later) OCR.

Only :mod:`extract.pdf` imports pdfplumber/pdfminer; the other modules work on
the plain dataclasses it returns, so they can be tested without a PDF.
"""
