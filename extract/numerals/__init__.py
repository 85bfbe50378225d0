"""The Thai-numeral recognizer.

:mod:`extract.numerals.recognizer` segments glyphs and reads them with the
model shipped in ``models/`` (checked by sha256) at run time;
:mod:`extract.numerals.train` rebuilds that model offline
(``python -m extract.numerals.train``). The recognizer never imports the
trainer: nothing trains at run time.
"""
