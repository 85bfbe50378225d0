"""ita-extract's home for everything but the design's folders.

Floors, each importing only the floors below it (checked by import-linter in
``make test``, see ``[tool.importlinter]`` in pyproject.toml):

* ground floor, these modules: :mod:`ita_extract.settings`,
  :mod:`ita_extract.errors` (typed errors and the problem-code registry),
  :mod:`ita_extract.page` (the page model) and :mod:`ita_extract.model`
  (the contract's rows);
* ``normalize/`` (Thai text, codes, dates, indicators), then ``extract/``
  (reading PDFs: text layer, OCR, numeral recognizer);
* :mod:`ita_extract.report` (page items to rows), :mod:`ita_extract.output`
  (Parquet and exports), :mod:`ita_extract.batch` (one document's work and the
  executors);
* ``pipeline.py``, the command line.

This file imports nothing, so importing the ground floor never pulls an upper one.
"""
