"""ita-extract: Thai ITA reports (PDF) to Parquet tables.

``run_batch`` reads like the table of contents of a run:
discover → (per document: hash → open → text layer → tables → rows) → publish → summary.
``main`` is the command line, the one place that turns exceptions into exit codes.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import logging
import signal
import sys
import threading
import time
from collections import Counter
from itertools import chain
from dataclasses import dataclass, field
from pathlib import Path

from ita_extract.batch.document import InputFile, discover, identify_file, process_document, sha256_of  # noqa: F401
from ita_extract.batch.executors import ProcessExecutor, SerialExecutor, Task
from ita_extract.errors import BadArgs, ExitCode, ItaError, MissingDependency, OutputNotWritable, Terminated
from ita_extract.output.compaction import compact, recover
from ita_extract.output.lock import OutputLock
from ita_extract.output.parquet import (
    clean_stale_temporaries,
    ensure_tables,
    ensure_writable,
    existing_documents,
)
from ita_extract.output.publisher import Publisher
from ita_extract.output.questions import write_questions
from ita_extract.output.safe_text import printable
from ita_extract.output.schema import TABLES
from ita_extract.model import DocumentResult, Problem, problem
from ita_extract.settings import (
    DEFAULT_FLUSH_DOCS,
    DEFAULT_LOCK_WAIT_S,
    DEFAULT_OCR_TIMEOUT_S,
    DEFAULT_TIMEOUT_S,
    EXTRACTOR_VERSION,
    SCHEMA_VERSION,
    Settings,
    default_workers,
)

log = logging.getLogger("ita_extract")


# --- the batch --------------------------------------------------------------

@dataclass
class BatchSummary:
    statuses: Counter = field(default_factory=Counter)
    rows: Counter = field(default_factory=Counter)
    pages: int = 0
    seconds: float = 0.0
    skipped: int = 0
    failed: list[dict] = field(default_factory=list)  # source_file, code, error of each failed document
    no_input: bool = False  # the inputs held no PDF

    @property
    def exit_code(self) -> ExitCode:
        if self.no_input:
            return ExitCode.bad_args
        return ExitCode.some_failed if self.statuses["failed"] else ExitCode.ok

    def as_dict(self) -> dict:
        """What ``--summary-json`` writes."""
        return {
            "version": EXTRACTOR_VERSION, "schema_version": SCHEMA_VERSION, "exit_code": int(self.exit_code),
            "documents": {s: self.statuses[s] for s in ("ok", "partial", "failed")},
            "skipped": self.skipped, "rows": {t: self.rows[t] for t in TABLES},
            "pages": self.pages, "seconds": round(self.seconds, 3), "failed": self.failed,
        }

    def text(self) -> str:
        pps = self.pages / self.seconds if self.seconds else 0.0
        docs = sum(self.statuses.values())
        skipped = f", {self.skipped} already done (skipped)" if self.skipped else ""
        return (
            f"{docs} document(s): {self.statuses['ok']} ok, {self.statuses['partial']} partial, "
            f"{self.statuses['failed']} failed{skipped}\n"
            + "rows: " + ", ".join(f"{t} {self.rows[t]}" for t in ("documents", "scores", "analyses", "measures", "problems"))
            + f"\n{self.pages} page(s) in {self.seconds:.1f} s ({pps:.1f} pages/s)"
        )


def run_batch(settings: Settings) -> BatchSummary:
    """The batch, as the one writer of ``settings.out`` (see :mod:`ita_extract.output.lock`)."""
    ensure_writable(settings.out)
    with OutputLock(settings.out, settings.lock_wait_s, "run"):
        return _run_batch_locked(settings)


def _run_batch_locked(settings: Settings) -> BatchSummary:
    """Discover → identify → skip what is done → extract (executor) → publish in parts → summary."""
    t0 = time.perf_counter()
    recover(settings.out)  # a compaction killed half-way is finished first
    clean_stale_temporaries(settings.out)
    check_ocr(settings)
    files = discover(settings.inputs)
    if not files:
        log.warning("no PDF found in %s: nothing to do", ", ".join(str(p) for p in settings.inputs))
    tasks, duplicates, unreadable = identify(files)
    done = {} if settings.force else existing_documents(settings.out)
    todo = [t for t in tasks if done.get(t.doc_id) != EXTRACTOR_VERSION]
    summary = BatchSummary(skipped=len(tasks) - len(todo), no_input=not files)
    publisher = Publisher(settings.out, settings.flush_docs)
    executor = make_executor(settings, len(todo))
    try:
        bar = progress(executor.run(todo), settings, len(todo))
        with logs_above(bar):
            for result in chain(unreadable, bar):
                result.problems += duplicates.get(result.doc_id, [])
                publisher.add(result)
                summary.statuses[result.document.status] += 1
                summary.pages += result.document.pages or 0
                log_result(result, summary)
    finally:
        executor.close()
        publisher.flush()  # what finished is published, even when interrupted
        ensure_tables(settings.out)  # every table readable, even with no row
        write_questions(settings.out)  # the questionnaire of each year, to join codes to their meaning
    summary.rows, summary.seconds = publisher.rows, time.perf_counter() - t0
    return summary


def log_result(result, summary: BatchSummary) -> None:
    """One line per document; a failed one at warning level, so ``--quiet`` still names it."""
    doc = result.document
    if doc.status == "failed":
        code = next((p.code for p in result.problems if p.severity == "error"), "document-error")
        summary.failed.append({"source_file": doc.source_file, "code": code, "error": doc.error})
        log.warning("%s: failed [%s] %s", doc.source_file, code, doc.error)
    else:
        log.info("%s: %s", doc.source_file, doc.status)


def check_ocr(settings: Settings) -> None:
    """``--ocr always`` needs Tesseract: stop before any work when it is missing."""
    if settings.ocr == "always":
        from extract.ocr.tesseract import probe

        probe()


def identify(files: list[InputFile]) -> tuple[list[Task], dict[str, list[Problem]], list[DocumentResult]]:
    """One task per distinct content (sha256); byte-identical copies become warnings;
    inputs that cannot be read (or listed) become ``failed`` results at once."""
    tasks: dict[str, Task] = {}
    duplicates: dict[str, list[Problem]] = {}
    unreadable: list[DocumentResult] = []
    for f in files:
        doc_id, failed = identify_file(f)
        if failed is not None:
            unreadable.append(failed)
        elif doc_id in tasks:
            duplicates.setdefault(doc_id, []).append(problem(
                "duplicate-file",
                f"{f.source_file} is byte-identical to {tasks[doc_id].file.source_file}."))
        else:
            tasks[doc_id] = Task(f, doc_id)
    return list(tasks.values()), duplicates, unreadable


def make_executor(settings: Settings, n_tasks: int):
    """Worker processes (time limits, isolation); in process for ``--workers 0``; Dask with ``--dask``."""
    if settings.dask:
        from ita_extract.batch.dask_executor import DaskExecutor

        return DaskExecutor(settings)
    if settings.workers == 0 or n_tasks == 0:
        return SerialExecutor(settings)
    return ProcessExecutor(settings, settings.workers, settings.timeout_s,
                           settings.max_docs_per_worker, settings.max_rss_mb)


def progress(results, settings: Settings, total: int):
    """A progress bar on a terminal, plain log lines otherwise."""
    show = settings.progress if settings.progress is not None else sys.stderr.isatty()
    if not show:
        return results
    from tqdm import tqdm

    return tqdm(results, total=total, unit="doc", desc="ita-extract", file=sys.stderr)


def logs_above(bar):
    """Log lines printed above a progress bar (through ``tqdm.write``), never over it."""
    from tqdm import tqdm

    if not isinstance(bar, tqdm):
        return contextlib.nullcontext()
    from tqdm.contrib.logging import logging_redirect_tqdm

    return logging_redirect_tqdm()


# --- the command line -------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ita-extract",
        description="Turn Thai agencies' ITA reports (PDF) into Parquet tables.",
    )
    parser.add_argument("--version", action="version", version=version_text())
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
    run.add_argument("--workers", type=int, default=None, metavar="N",
                     help="documents read in parallel by N worker processes (default: the number of cores); "
                          "0 reads them in this process, without time limits or isolation (debugging)")
    run.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, metavar="SECONDS",
                     help=f"a document that has used this much processor time (or run 4 times this by the clock) is stopped and failed (default {DEFAULT_TIMEOUT_S:g})")
    run.add_argument("--force", action="store_true",
                     help="redo documents already in --out (default: skip those with the same sha256 "
                          "and extractor version)")
    run.add_argument("--publish-every", type=int, default=DEFAULT_FLUSH_DOCS, metavar="N",
                     help=f"publish results every N documents, one Parquet part per table (default "
                          f"{DEFAULT_FLUSH_DOCS}); a killed run keeps what it published")
    run.add_argument("--dask", metavar="ADDRESS",
                     help="run documents on a Dask cluster: a scheduler address (tcp://host:8786), "
                          "or 'local' to start a LocalCluster")
    run.add_argument("--quiet", action="store_true", help="print only the summary, warnings and errors")
    run.add_argument("--summary-json", type=Path, metavar="FILE",
                     help="also write the summary as JSON: documents per status, rows per table, pages, "
                          "seconds, and each failed file with its code and reason")
    run.add_argument("--wait", type=float, default=DEFAULT_LOCK_WAIT_S, metavar="SECONDS", help=WAIT_HELP)
    run.add_argument("--debug-dir", type=Path, metavar="DIR",
                     help="also draw every page read into DIR/<document>/: an OCR'd page as page-NNN.png "
                          "(straightened, table grid and word boxes coloured by confidence) and page-NNN.tsv "
                          "(its words with boxes), a text-layer page as pdfplumber's table-finder drawing; "
                          "outputs are unchanged")
    compact = sub.add_parser("compact", help="rewrite the tables in OUT into one file per partition",
                             description="Example: ita-extract compact out/")
    compact.add_argument("out", type=Path, metavar="OUT", help="an output folder written by `run`")
    compact.add_argument("--table", action="append", choices=TABLES, metavar="TABLE",
                         help="only this table (repeatable; default: all)")
    compact.add_argument("--wait", type=float, default=DEFAULT_LOCK_WAIT_S, metavar="SECONDS", help=WAIT_HELP)
    report = sub.add_parser("report", help="write one self-contained HTML page about the batch in OUT",
                            description="Example: ita-extract report out/ --html out/report.html")
    report.add_argument("out", type=Path, metavar="OUT", help="an output folder written by `run`")
    report.add_argument("--html", type=Path, required=True, metavar="FILE",
                        help="the HTML file to write (plots and data inline: it opens without network)")
    export = sub.add_parser("export", help="write every table of OUT to an Excel workbook and/or CSV files",
                            description="Example: ita-extract export out/ --xlsx ita.xlsx --csv csv/")
    export.add_argument("out", type=Path, metavar="OUT", help="an output folder written by `run`")
    export.add_argument("--xlsx", type=Path, metavar="FILE", help="one workbook, one sheet per table")
    export.add_argument("--csv", type=Path, metavar="DIR", help="one UTF-8 CSV file (with BOM) per table in DIR")
    repair = sub.add_parser("repair", help="repair broken Thai text (a text layer already extracted): "
                                           "one line out per line in, UTF-8, on standard output",
                            description="Example: pdftotext report.pdf - | ita-extract repair > fixed.txt")
    repair.add_argument("file", nargs="?", type=Path, metavar="FILE",
                        help="a UTF-8 text file (default: standard input)")
    return parser


WAIT_HELP = ("when another run or compact is writing the same output folder, wait up to SECONDS for it "
             "(default 0: stop at once with exit code 6)")


class OneLineFormatter(logging.Formatter):
    """Log messages on one line each: a file name holding a newline cannot forge a log line.

    Tracebacks (``exc_info``) keep their lines; they come after the message.
    """

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        record.message = printable(record.message)
        return super().formatMessage(record)


def _configure_logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLineFormatter("%(levelname)s %(message)s"))
    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, handlers=[handler])
    logging.getLogger("distributed").setLevel(logging.WARNING)  # Dask's own chatter


def _handle_sigterm():
    """Install :func:`_on_sigterm`; returns the handler it replaced (None off the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _on_sigterm)


def _on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM stops the run as Ctrl-C does: what finished is published, exit 143.

    Further SIGTERMs are ignored while that happens (SIGKILL still stops it).
    """
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Terminated()


def version_text() -> str:
    """``ita-extract --version``: the package, extractor and output-contract versions."""
    try:
        from importlib.metadata import version

        package = version("ita-extract")
    except Exception:  # noqa: BLE001 - run from a checkout without installing
        package = EXTRACTOR_VERSION
    return f"ita-extract {package} (extractor {EXTRACTOR_VERSION}, schema {SCHEMA_VERSION})"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(getattr(args, "quiet", False))
    previous = _handle_sigterm()
    try:
        if args.command == "compact":
            return compact_command(args.out, args.table, args.wait)
        if args.command == "report":
            return report_command(args.out, args.html)
        if args.command == "export":
            return export_command(args.out, args.xlsx, args.csv)
        if args.command == "repair":
            return repair_command(args.file)
        settings = Settings(inputs=tuple(args.inputs), out=args.out, progress=args.progress,
                            ocr=args.ocr, ocr_timeout_s=args.ocr_timeout,
                            workers=default_workers() if args.workers is None else args.workers, timeout_s=args.timeout,
                            force=args.force, dask=args.dask, flush_docs=args.publish_every,
                            lock_wait_s=args.wait, debug_dir=args.debug_dir)
        summary = run_batch(settings)
        if args.summary_json:
            write_summary_json(summary, args.summary_json)
    except ItaError as exc:
        print(f"ita-extract: {printable(str(exc))}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("ita-extract: interrupted; what finished was published, nothing half-written was left behind.",
              file=sys.stderr)
        return int(ExitCode.interrupted)
    except Terminated:
        print("ita-extract: terminated (SIGTERM); what finished was published, nothing half-written was "
              "left behind.", file=sys.stderr)
        return int(ExitCode.terminated)
    except Exception as exc:  # noqa: BLE001 - the return-code policy for the unexpected
        log.critical("unexpected error", exc_info=True)
        print(f"ita-extract: internal error ({type(exc).__name__}: {printable(str(exc))}); this is a bug of "
              "ita-extract, the traceback is above. What was published stays consistent.", file=sys.stderr)
        return int(ExitCode.internal_error)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    print(summary.text())
    return int(summary.exit_code)


def compact_command(out: Path, tables: list[str] | None, wait_s: float = DEFAULT_LOCK_WAIT_S) -> int:
    if not (out / "documents").is_dir():
        raise BadArgs(f"{out} holds no ita-extract output (no documents table).")
    with OutputLock(out, wait_s, "compact"):
        report = compact(out, tables or TABLES)
    for table, (before, after) in report.items():
        print(f"{table}: {before} file(s) -> {after}")
    return int(ExitCode.ok)


def write_summary_json(summary: BatchSummary, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise OutputNotWritable(f"Cannot write {path}: {exc.strerror or exc}.") from exc


def _analysis_modules(what: str):
    try:
        if what == "report":
            from ita_extract.output.html_report import write_html_report

            return write_html_report
        from ita_extract.output.export import write_csv, write_xlsx

        return write_csv, write_xlsx
    except ImportError as exc:
        raise MissingDependency(f"`ita-extract {what}` needs {exc.name}: pip install 'ita-extract[report]'.") from exc


def report_command(out: Path, html: Path) -> int:
    write_html_report = _analysis_modules("report")
    print(write_html_report(out, html))
    return int(ExitCode.ok)


def export_command(out: Path, xlsx: Path | None, csv: Path | None) -> int:
    if xlsx is None and csv is None:
        raise BadArgs("export needs --xlsx FILE, --csv DIR or both.")
    write_csv, write_xlsx = _analysis_modules("export")
    if xlsx is not None:
        rows = write_xlsx(out, xlsx)
        print(f"{xlsx}: " + ", ".join(f"{t} {n}" for t, n in rows.items()))
    if csv is not None:
        rows = write_csv(out, csv)
        print(f"{csv}/: " + ", ".join(f"{t}.csv {n}" for t, n in rows.items()))
    return int(ExitCode.ok)


def repair_command(path: Path | None) -> int:
    """Lines of ``path`` (or standard input) repaired on standard output."""
    from normalize.repair import repair_text

    if path is None:
        text = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    else:
        try:
            text = path.read_bytes().decode("utf-8", errors="replace")
        except OSError as exc:
            raise BadArgs(f"cannot read {path}: {exc.strerror or exc}") from exc
    ends_with_newline = text.endswith("\n")
    out = repair_text(text[:-1] if ends_with_newline else text)
    sys.stdout.buffer.write((out + ("\n" if ends_with_newline else "")).encode("utf-8"))
    return int(ExitCode.ok)


if __name__ == "__main__":
    sys.exit(main())
