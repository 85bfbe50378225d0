"""Text that is safe to store (valid UTF-8) and to log (one line, no control characters).

File names come from the file system as they are: bytes that are not UTF-8
(Python hands them over as lone surrogates), and any character but ``/``,
newlines included. Stored as they are, they crash Parquet; logged as they
are, a name holding a newline forges log lines.
"""
from __future__ import annotations

import re

#: Control characters (C0, DEL, C1) and the line and paragraph separators.
_RE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def storable(text: str) -> str:
    """``text`` as valid UTF-8: bytes that were not UTF-8 become ``\\xNN`` escapes.

    >>> storable("รายงาน.pdf"), storable("caf\\udce9.pdf")
    ('รายงาน.pdf', 'caf\\\\xe9.pdf')
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        if all("\udc80" <= c <= "\udcff" for c in text if "\ud800" <= c <= "\udfff"):
            # surrogateescape made them: each stands for one raw byte
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def printable(text: str) -> str:
    """``text`` on one line: control characters escaped, then :func:`storable`.

    >>> printable("a.pdf\\nINFO b.pdf: ok")
    'a.pdf\\\\nINFO b.pdf: ok'
    >>> printable("ตัวชี้วัด\\t1")
    'ตัวชี้วัด\\\\t1'
    """
    return storable(_RE_CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text))
