"""One input file to its rows: discovery, identity (sha256) and the work itself.

:func:`process_document` never raises for a bad file: every
:class:`ita_extract.errors.DocumentError` becomes a ``failed`` result with the reason, and
so does an input that cannot even be listed or hashed (:func:`identify`).
"""
from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ita_extract.errors import (
    DocumentError,
    EnvironmentProblem,
    InternalError,
    NoReadablePage,
    NotAnItaReport,
    OutOfMemory,
    UnreadableFile,
    UnreadableFolder,
)
from extract.ocr.reader import PageOcr
from extract.pages import read_pages
from extract.text.pdf import open_pdf
from ita_extract.report.document import read_report
from ita_extract.output.safe_text import printable, storable
from ita_extract.model import DocumentResult, DocumentRow, Problem, problem
from ita_extract.settings import Settings

log = logging.getLogger(__name__)

# --- discover ---------------------------------------------------------------

@dataclass(frozen=True)
class InputFile:
    path: Path
    source_file: str  # relative to the input root the user gave; stored as is (escaped if not UTF-8)
    error: DocumentError | None = None  # found but not readable: it fails without being opened


def _is_pdf_name(name: str) -> bool:
    return name.lower().endswith(".pdf")


def _walk(root: Path) -> Iterator[tuple[Path, DocumentError | None]]:
    """Every ``*.pdf`` under ``root``, and every place that could not be read, with why.

    Symlinked folders are followed (once: a link back into a folder already
    read is not walked again). An unreadable folder, a dangling link and a
    ``.pdf`` that is no regular file are reported, never skipped silently.
    """
    seen: set[tuple[int, int]] = set()
    errors: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=errors.append, followlinks=True):
        yield from _folder_errors(errors, root)
        here = Path(folder)
        st = here.stat()
        if (st.st_dev, st.st_ino) in seen:
            log.warning("%s leads back into a folder already read; it is not read twice.", printable(str(here)))
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs.sort()
        for name in sorted(files):
            if not _is_pdf_name(name):
                continue
            path = here / name
            if os.path.islink(path) and not os.path.exists(path):
                yield path, UnreadableFile(f"{name} is a link to {os.readlink(path)}, which does not exist.")
            elif not path.is_file():
                yield path, UnreadableFile(f"{name} is not a regular file (a pipe, socket or device).")
            else:
                yield path, None
    yield from _folder_errors(errors, root)


def _folder_errors(errors: list[OSError], root: Path) -> Iterator[tuple[Path, DocumentError]]:
    while errors:
        exc = errors.pop(0)
        bad = Path(exc.filename) if exc.filename else root
        yield bad, UnreadableFolder(f"The folder {bad.name} could not be read ({exc.strerror or exc}); "
                                    "the PDF files in it were not read.")


def discover(inputs: tuple[Path, ...]) -> list[InputFile]:
    """PDF files under the inputs (folders searched recursively, ``*.pdf`` in any case)."""
    found: list[InputFile] = []
    seen: set[Path] = set()
    for root in inputs:
        root = Path(root)
        if root.is_dir():
            pairs = [(p, _relative(p, root), e) for p, e in _walk(root)]
            pairs.sort(key=lambda t: Path(t[1]).parts)
        else:
            pairs = [(root, root.name, None)]
        for p, rel, err in pairs:
            key = p.resolve() if err is None else p.absolute()
            if key not in seen:
                seen.add(key)
                if isinstance(err, UnreadableFolder):
                    rel += "/"
                found.append(InputFile(p, storable(rel), err))
    return found


def _relative(path: Path, root: Path) -> str:
    rel = path.relative_to(root).as_posix()
    return root.name if rel == "." else rel


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def unreadable_id(f: InputFile) -> str:
    """A doc_id for an input whose bytes cannot be read: sha256 of its name.

    The same name keeps the same id, so a re-run replaces its ``failed`` row.
    """
    return hashlib.sha256(b"unreadable:" + f.source_file.encode("utf-8")).hexdigest()


def failed_input(f: InputFile, doc_id: str, exc: DocumentError) -> DocumentResult:
    """The ``failed`` result of an input that was never opened."""
    return DocumentResult(doc_id, DocumentRow(f.source_file, None, None, None, "failed", str(exc), None),
                          problems=[problem(exc.code, str(exc))])


def identify_file(f: InputFile) -> tuple[str, DocumentResult | None]:
    """The input's doc_id (sha256 of its bytes), or a ``failed`` result when it cannot be read."""
    if f.error is not None:
        return unreadable_id(f), failed_input(f, unreadable_id(f), f.error)
    try:
        return sha256_of(f.path), None
    except OSError as exc:
        err = UnreadableFile(f"{f.path.name} cannot be read ({exc.strerror or exc}).")
        return unreadable_id(f), failed_input(f, unreadable_id(f), err)


# --- one document -----------------------------------------------------------

#: Page-level codes that say why a page was not read better than ``ocr-needed``.
_PAGE_REFUSALS = ("page-too-large", "image-too-large")


def process_document(f: InputFile, doc_id: str, settings: Settings, ocr: PageOcr | None = None) -> DocumentResult:
    """One file to its rows; a broken file becomes a ``failed`` result, never an exception.

    Typed failures keep their code; ``MemoryError`` is ``out-of-memory``; any
    other exception is a bug of ours: ``internal-error``, traceback in the log.
    """
    t0 = time.perf_counter()
    problems: list[Problem] = []
    pages: int | None = None
    try:
        with open_pdf(f.path) as pdf:
            pages = pdf.page_count
            if pages == 0:
                raise NoReadablePage(f"{f.path.name} has no pages.")
            read = read_pages(pdf, f.path, settings, ocr)
            if pdf.repaired:
                problems.append(problem("pdf-repaired", pdf.repaired))
        problems += read.problems
        refused = {p.page for p in read.problems if p.code in _PAGE_REFUSALS}
        blocked = [(n, why) for n, why in read.unreadable if n not in refused]
        if blocked:
            problems.append(problem(
                "ocr-needed",
                f"Page(s) {', '.join(str(n) for n, _ in blocked)} could not be read "
                f"({blocked[0][1]}).", None, blocked[0][0]))
        if len(read.unreadable) == pages:
            raise NoReadablePage(f"None of the {pages} page(s) could be read: {read.unreadable[0][1].rstrip('.')}.")
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
        error = exc
    except EnvironmentProblem as exc:  # met inside one document (the OCR model unusable): fails it alone
        problems.append(problem("missing-dependency", str(exc)))
        doc = DocumentRow(f.source_file, None, pages, None, "failed", str(exc), None)
        return DocumentResult(doc_id, doc, problems=problems, seconds=time.perf_counter() - t0)
    except MemoryError:
        error = OutOfMemory(f"{f.path.name} needs more memory than a worker may take "
                            f"({settings.worker_memory_mb:g} MB); it was stopped.")
    except Exception as exc:  # noqa: BLE001 - a bug of ours fails this document only
        log.error("internal error reading %s", printable(f.source_file), exc_info=True)
        error = InternalError(f"ita-extract failed on {f.path.name} with an unexpected {type(exc).__name__} "
                              f"({exc}); this is a bug, its traceback is in the log.")
    problems.append(problem(error.code, str(error)))
    doc = DocumentRow(f.source_file, None, pages, None, "failed", str(error), None)
    return DocumentResult(doc_id, doc, problems=problems, seconds=time.perf_counter() - t0)
