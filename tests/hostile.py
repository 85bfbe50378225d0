"""Hostile PDFs for the tests of issue 12, written byte by byte (nothing committed).

Each builder returns the bytes of a small file that once crashed, hung or
misled a run: a 441-byte page of 20000 × 20000 pt, a 1 KB JPEG declaring
30000 × 30000 pixels, a PDF with no page, hundreds of blank pages, and a
report whose cross-reference offsets are shifted.
"""
from __future__ import annotations

import io
import re
import struct


def raw_pdf(objects: list[bytes]) -> bytes:
    """A well-formed PDF of ``objects`` (object 1 is the catalog), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for o in offsets:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"


def page_bomb(size_pt: int = 20000) -> bytes:
    """One page of ``size_pt`` × ``size_pt`` points holding one stroke: 7 billion pixels at 300 dpi."""
    return raw_pdf([
        _CATALOG,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R >>" % (size_pt, size_pt),
        _stream(b"0 0 m 10 10 l S"),
    ])


def jpeg_bomb(pixels: int = 30000) -> bytes:
    """An A4 page showing one 8 × 8 JPEG whose header (and image dictionary) declare ``pixels``²."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (8, 8), 255).save(buf, "JPEG")
    jpeg = bytearray(buf.getvalue())
    sof = jpeg.index(b"\xff\xc0")  # SOF0: marker, length (2), precision (1), height (2), width (2)
    jpeg[sof + 5:sof + 7] = struct.pack(">H", pixels)
    jpeg[sof + 7:sof + 9] = struct.pack(">H", pixels)
    return raw_pdf([
        _CATALOG,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im0 5 0 R >> >> >>",
        _stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
        _stream(bytes(jpeg), b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                             b"/BitsPerComponent 8 /Filter /DCTDecode" % (pixels, pixels)),
    ])


def zero_pages() -> bytes:
    """A valid PDF whose page tree is empty."""
    return raw_pdf([_CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"])


def blank_pages(n: int) -> bytes:
    """``n`` A4 pages with nothing drawn on them."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(n))
    pages = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" for _ in range(n)]
    return raw_pdf([_CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n), *pages])


def white_scans(n: int) -> bytes:
    """``n`` pages that are each a scanned sheet of blank paper (an image, a few light specks)."""
    from PIL import Image

    sheets = []
    for i in range(n):
        im = Image.new("L", (1240, 1754), 247)  # A4 at 150 dpi, off-white
        for k in range(12):  # scanner dust: light gray specks, no ink
            im.putpixel(((97 * k + 31 * i) % 1240, (53 * k + 17 * i) % 1754), 200)
        sheets.append(im)
    buf = io.BytesIO()
    sheets[0].save(buf, "PDF", resolution=150, save_all=True, append_images=sheets[1:])
    return buf.getvalue()


def shifted_xref(pdf: bytes, by: int = 5) -> bytes:
    """``pdf`` with every in-use offset of its last xref table moved by ``by`` bytes.

    What an editor that rewrote the file without fixing the table leaves:
    pdfminer gives up, pdfium, poppler and qpdf rebuild the table and read it.
    """
    at = pdf.rindex(b"\nxref\n")

    def shift(m: re.Match) -> bytes:
        return b"%010d %s" % (int(m.group(1)) + by, m.group(2))

    return pdf[:at] + re.sub(rb"(\d{10}) (\d{5} n)", shift, pdf[at:])
