"""Pinned renderings: does this machine render and scan the held-out reports as the figures were measured?

The generator renders through whatever LibreOffice, Chromium and fonts a machine has, and the
scanner rasterizes with pypdfium2 and encodes with OpenCV. Two machines can therefore make
different held-out scans from the same seeds, and the same code then scores differently on them
(0.13.0 read 300 dpi references 92.9 % on one machine's scans and 94.3 % on another's). Figures
compare only between runs on the same renderings.

A pin is a fingerprint of what a PDF shows, not of its bytes (a producer stamps ids and dates
that change on every run): every page rasterized small in grey, with its text layer. The pins of
the held-out seeds are kept in ``heldout_pins.json`` beside this module, with the tools that made
them; the held-out scan benchmark checks its renderings against them and says which differ.

    python -m benchmarks.corpus.pins WORK [--write]    # check (or pin) WORK/digital and WORK/scans
"""
from __future__ import annotations

import argparse
import hashlib
import json
import platform
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

PINS = Path(__file__).with_name("heldout_pins.json")
#: Rasterizing scale of a fingerprint (36 dpi): small enough to be quick, any visible change shows.
SCALE = 0.5
#: Folders of a work folder whose PDFs are pinned.
FOLDERS = ("digital", "scans")
#: Python packages that decide how a rendering or a scan comes out.
PACKAGES = ("pypdfium2", "numpy", "opencv-python-headless", "Pillow", "fpdf2", "python-docx")


def fingerprint(pdf: Path) -> str:
    """What ``pdf`` shows: each page rasterized at 36 dpi in grey, with its text layer, hashed."""
    import pypdfium2 as pdfium
    h = hashlib.sha256()
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for page in doc:
            pixels = page.render(scale=SCALE, grayscale=True).to_numpy()
            h.update(repr(pixels.shape).encode())
            h.update(pixels.tobytes())
            h.update(page.get_textpage().get_text_range().encode("utf-8"))
    finally:
        doc.close()
    return h.hexdigest()


def fingerprints(work: Path) -> dict[str, str]:
    """``{"scans/part-000/A-scan300.pdf": fingerprint}`` of every PDF of ``work``'s digital and scans folders."""
    return {pdf.relative_to(work).as_posix(): fingerprint(pdf)
            for folder in FOLDERS for pdf in sorted((work / folder).glob("part-*/*.pdf"))}


def _version(exe: str | None) -> str | None:
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out.splitlines()[0] if out else None


def made_with() -> dict[str, str | None]:
    """The tools and packages of this machine that render and scan the reports."""
    tools: dict[str, str | None] = {"python": platform.python_version(), "machine": platform.machine()}
    for name in PACKAGES:
        try:
            tools[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            tools[name] = None
    tools["libreoffice"] = _version(shutil.which("soffice") or shutil.which("libreoffice"))
    tools["chromium"] = _version(shutil.which("chromium") or shutil.which("chromium-browser"))
    return tools


@dataclass(frozen=True)
class PinCheck:
    """How a work folder's renderings compare with the pinned ones."""

    same: tuple[str, ...]
    differ: tuple[str, ...]
    unpinned: tuple[str, ...]

    @property
    def comparable(self) -> bool:
        """Every rendering is pinned and shows what its pin shows."""
        return not self.differ and not self.unpinned

    def summary(self) -> str:
        """One line for the benchmark's output.

        >>> PinCheck(("a", "b"), (), ()).summary()
        'renderings: all 2 as pinned (figures compare with the pinned runs)'
        >>> PinCheck(("a",), ("scans/x.pdf",), ()).summary()
        'renderings: 1 of 2 differ from the pinned ones (scans/x.pdf): figures do not compare with the pinned runs'
        """
        n = len(self.same) + len(self.differ) + len(self.unpinned)
        if self.comparable:
            return f"renderings: all {n} as pinned (figures compare with the pinned runs)"
        parts = []
        if self.differ:
            shown = ", ".join(self.differ[:6]) + (", ..." if len(self.differ) > 6 else "")
            parts.append(f"{len(self.differ)} of {n} differ from the pinned ones ({shown})")
        if self.unpinned:
            parts.append(f"{len(self.unpinned)} of {n} have no pin")
        return "renderings: " + "; ".join(parts) + ": figures do not compare with the pinned runs"


def compare(found: dict[str, str], pinned: dict[str, str]) -> PinCheck:
    """Sort ``found`` fingerprints into same, differing and unpinned ones.

    >>> compare({"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "9"})
    PinCheck(same=('a',), differ=('b',), unpinned=('c',))
    """
    same = tuple(k for k in sorted(found) if pinned.get(k) == found[k])
    differ = tuple(k for k in sorted(found) if k in pinned and pinned[k] != found[k])
    unpinned = tuple(k for k in sorted(found) if k not in pinned)
    return PinCheck(same, differ, unpinned)


def load(path: Path = PINS) -> dict:
    """The pins file: ``{"seeds", "few", "made_with", "files": {path: fingerprint}}`` (empty when absent)."""
    if not path.exists():
        return {"files": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def check(work: Path, seeds: str, path: Path = PINS) -> PinCheck | None:
    """``work``'s renderings against the pins, when the pins are of the same seeds (else None)."""
    pins = load(path)
    if pins.get("seeds") != seeds:
        return None
    return compare(fingerprints(work), pins["files"])


def write(work: Path, seeds: str, few: int, path: Path = PINS) -> int:
    """Pin ``work``'s renderings of ``seeds``: what this machine made becomes the reference."""
    files = fingerprints(work)
    path.write_text(json.dumps({"seeds": seeds, "few": few, "made_with": made_with(), "files": files},
                               ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(files)


def main(argv: list[str] | None = None) -> int:
    from benchmarks.bench_heldout_scans import DEFAULT_SEEDS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("work", type=Path, help="a held-out scans work folder (with digital/ and scans/)")
    ap.add_argument("--seeds", default=DEFAULT_SEEDS, help=f"the seeds it holds (default {DEFAULT_SEEDS})")
    ap.add_argument("--few", type=int, default=3, help="seeds scanned at 150 dpi and as phone photos (default 3)")
    ap.add_argument("--write", action="store_true", help=f"pin these renderings in {PINS.name}")
    args = ap.parse_args(argv)
    if args.write:
        print(f"pinned {write(args.work, args.seeds, args.few)} rendering(s) in {PINS}")
        return 0
    result = check(args.work, args.seeds)
    if result is None:
        print(f"no pins for seeds {args.seeds} in {PINS}")
        return 1
    print(result.summary())
    for name in result.differ:
        print(f"  differs: {name}")
    return 0 if result.comparable else 1


if __name__ == "__main__":
    sys.exit(main())
