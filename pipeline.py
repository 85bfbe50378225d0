"""ita-extract: Thai ITA reports (PDF) to Parquet tables.

``run_batch`` reads like the table of contents of a run:
discover → (per document: hash → open → text layer → tables → rows) → publish → summary.
``main`` is the command line, the one place that turns exceptions into exit codes.
"""
from __future__ import annotations

import argparse
import hashlib
import logging
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from errors import DocumentError, ExitCode, ItaError, MissingDependency, NoReadablePage, NotAnItaReport
from extract.ocr import PageOcr
from extract.pages import read_pages
from extract.pdf import open_pdf
from output.parquet import clean_stale_temporaries, ensure_writable, write_results
from report.document import read_report
from report.model import DocumentResult, DocumentRow, Problem
from settings import DEFAULT_OCR_TIMEOUT_S, Settings, default_workers

log = logging.getLogger("ita_extract")


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
            problems.append(Problem(
                "warning", "ocr-needed",
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
            problems.append(Problem("warning", "part-missing",
                                    f"The {content.missing_part} part of the report was not found.", None, None))
        doc = DocumentRow(f.source_file, content.agency, pages, read.text_source, status, None, content.fiscal_year)
        return DocumentResult(doc_id, doc, content.scores, content.analyses, content.measures, problems,
                              time.perf_counter() - t0)
    except DocumentError as exc:
        problems.append(Problem("error", exc.code, str(exc), None, None))
        doc = DocumentRow(f.source_file, None, pages, None, "failed", str(exc), None)
        return DocumentResult(doc_id, doc, problems=problems, seconds=time.perf_counter() - t0)


# --- the batch --------------------------------------------------------------

@dataclass
class BatchSummary:
    statuses: Counter = field(default_factory=Counter)
    rows: Counter = field(default_factory=Counter)
    pages: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.some_failed if self.statuses["failed"] else ExitCode.ok

    def text(self) -> str:
        pps = self.pages / self.seconds if self.seconds else 0.0
        docs = sum(self.statuses.values())
        return (
            f"{docs} document(s): {self.statuses['ok']} ok, {self.statuses['partial']} partial, "
            f"{self.statuses['failed']} failed\n"
            + "rows: " + ", ".join(f"{t} {self.rows[t]}" for t in ("documents", "scores", "analyses", "measures", "problems"))
            + f"\n{self.pages} page(s) in {self.seconds:.1f} s ({pps:.1f} pages/s)"
        )


def run_batch(settings: Settings) -> BatchSummary:
    """Discover → extract each document → publish atomically → summary."""
    t0 = time.perf_counter()
    ensure_writable(settings.out)
    clean_stale_temporaries(settings.out)
    files = discover(settings.inputs)
    results: list[DocumentResult] = []
    ocr = None if settings.ocr == "never" else PageOcr(settings.ocr_timeout_s)
    if settings.ocr == "always" and ocr.unavailable():
        raise MissingDependency(ocr.unavailable())
    first_of: dict[str, DocumentResult] = {}
    for f in progress(files, settings):
        doc_id = sha256_of(f.path)
        if doc_id in first_of:  # byte-identical to a file already read: one document
            first = first_of[doc_id]
            first.problems.append(Problem("warning", "duplicate-file",
                                          f"{f.source_file} is byte-identical to {first.document.source_file}.", None, None))
            continue
        result = process_document(f, doc_id, settings, ocr)
        first_of[doc_id] = result
        results.append(result)
        log.info("%s: %s%s", f.source_file, result.document.status,
                 f" ({result.document.error})" if result.document.error else "")
    counts = write_results(settings.out, results)
    summary = BatchSummary(Counter(r.document.status for r in results), Counter(counts),
                           sum(r.document.pages or 0 for r in results), time.perf_counter() - t0)
    return summary


def progress(files: list[InputFile], settings: Settings):
    """A progress bar on a terminal, plain log lines otherwise."""
    show = settings.progress if settings.progress is not None else sys.stderr.isatty()
    if not show:
        return files
    from tqdm import tqdm

    return tqdm(files, unit="file", desc="ita-extract", file=sys.stderr)


# --- the command line -------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ita-extract",
        description="Turn Thai agencies' ITA reports (PDF) into Parquet tables.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="extract every PDF under INPUT into Parquet tables in --out",
                         description="Example: ita-extract run samples/ --out out/")
    run.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                     help="PDF files or folders (folders are searched recursively for *.pdf)")
    run.add_argument("--out", type=Path, required=True, help="output folder: one Parquet dataset per table")
    run.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                     help="show a progress bar (default: only when stderr is a terminal)")
    run.add_argument("--ocr", choices=("auto", "always", "never"), default="auto",
                     help="auto: OCR pages without a usable text layer (default); always: OCR every page; "
                          "never: report such pages as ocr-needed")
    run.add_argument("--ocr-timeout", type=float, default=DEFAULT_OCR_TIMEOUT_S, metavar="SECONDS",
                     help=f"time limit for recognizing one page (default {DEFAULT_OCR_TIMEOUT_S:g})")
    run.add_argument("--quiet", action="store_true", help="print only the summary and errors")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        format="%(levelname)s %(message)s", stream=sys.stderr)
    try:
        settings = Settings(inputs=tuple(args.inputs), out=args.out, progress=args.progress,
                            ocr=args.ocr, ocr_timeout_s=args.ocr_timeout)
        summary = run_batch(settings)
    except ItaError as exc:
        print(f"ita-extract: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("ita-extract: interrupted; nothing half-written was left behind.", file=sys.stderr)
        return int(ExitCode.interrupted)
    print(summary.text())
    return int(summary.exit_code)


if __name__ == "__main__":
    sys.exit(main())
