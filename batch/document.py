"""One input file to its rows: discovery, identity (sha256) and the work itself.

:func:`process_document` never raises for a bad file: every
:class:`errors.DocumentError` becomes a ``failed`` result with the reason.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from errors import DocumentError, NoReadablePage, NotAnItaReport
from extract.ocr import PageOcr
from extract.pages import read_pages
from extract.pdf import open_pdf
from report.document import read_report
from report.model import DocumentResult, DocumentRow, Problem, problem
from settings import Settings

# --- discover ---------------------------------------------------------------

@dataclass(frozen=True)
class InputFile:
    path: Path
    source_file: str  # relative to the input root the user gave


def discover(inputs: tuple[Path, ...]) -> list[InputFile]:
    """PDF files under the inputs (folders searched recursively, ``*.pdf`` in any case)."""
    found: list[InputFile] = []
    seen: set[Path] = set()
    for root in inputs:
        root = Path(root)
        if root.is_dir():
            paths = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
            pairs = [(p, p.relative_to(root).as_posix()) for p in paths]
        else:
            pairs = [(root, root.name)]
        for p, rel in pairs:
            if p.resolve() not in seen:
                seen.add(p.resolve())
                found.append(InputFile(p, rel))
    return found


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --- one document -----------------------------------------------------------

def process_document(f: InputFile, doc_id: str, settings: Settings, ocr: PageOcr | None = None) -> DocumentResult:
    """One file to its rows; a broken file becomes a ``failed`` result, never an exception."""
    t0 = time.perf_counter()
    problems: list[Problem] = []
    pages: int | None = None
    try:
        with open_pdf(f.path) as pdf:
            pages = pdf.page_count
            read = read_pages(pdf, f.path, settings, ocr)
        problems += read.problems
        if read.unreadable:
            problems.append(problem(
                "ocr-needed",
                f"Page(s) {', '.join(str(p) for p, _ in read.unreadable)} could not be read "
                f"({read.unreadable[0][1]}).", None, read.unreadable[0][0]))
        if len(read.unreadable) == pages:
            raise NoReadablePage(f"None of the {pages} page(s) could be read: {read.unreadable[0][1]}.")
        if not read.items:
            raise NoReadablePage(f"No text was found on any of the {pages} page(s): blank pages, "
                                 "or scans too faint for OCR.")
        content = read_report(read.items)
        if not content.looks_like_ita or content.n_tables == 0:
            raise NotAnItaReport(
                f"{f.path.name} is not an ITA report: no indicator table (ตัวชี้วัด with scores or measures) was found.")
        problems += content.problems
        status = "partial" if read.unreadable or content.missing_part else "ok"
        if content.missing_part:
            problems.append(problem("part-missing",
                                    f"The {content.missing_part} part of the report was not found."))
        doc = DocumentRow(f.source_file, content.agency, pages, read.text_source, status, None, content.fiscal_year)
        return DocumentResult(doc_id, doc, content.scores, content.analyses, content.measures, problems,
                              time.perf_counter() - t0)
    except DocumentError as exc:
        problems.append(problem(exc.code, str(exc)))
        doc = DocumentRow(f.source_file, None, pages, None, "failed", str(exc), None)
        return DocumentResult(doc_id, doc, problems=problems, seconds=time.perf_counter() - t0)
