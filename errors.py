"""Typed failures of ita-extract.

Every failure has a stable kebab-case ``code`` (used in ``documents.error``
messages and the ``problems`` table) and its own process ``exit_code``.
Errors in one document (``DocumentError`` subclasses) become a ``failed`` row
and the batch goes on; errors in the environment (``EnvironmentError_``
subclasses) stop the run. Library code only raises; ``pipeline.main`` is the
one place that turns exceptions into exit codes.
"""
from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """Process exit codes of ``ita-extract run`` (documented in the README)."""

    ok = 0
    some_failed = 3
    bad_args = 2
    missing_dependency = 4
    output_not_writable = 5
    interrupted = 130


class ItaError(Exception):
    """Base class: a one-sentence message, a stable code and an exit code."""

    code: str = "ita-error"
    exit_code: ExitCode = ExitCode.some_failed

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


# --- failures of one document: a failed row, the batch goes on -------------


class DocumentError(ItaError):
    """A document could not be read; it becomes a ``failed`` documents row."""

    code = "document-error"
    exit_code = ExitCode.some_failed


class EmptyPdf(DocumentError):
    code = "empty-file"
    exit_code = ExitCode.some_failed


class NotAPdf(DocumentError):
    code = "not-a-pdf"
    exit_code = ExitCode.some_failed


class CorruptPdf(DocumentError):
    code = "corrupt-pdf"
    exit_code = ExitCode.some_failed


class EncryptedPdf(DocumentError):
    code = "encrypted-pdf"
    exit_code = ExitCode.some_failed


class NoReadablePage(DocumentError):
    code = "no-readable-page"
    exit_code = ExitCode.some_failed


class NotAnItaReport(DocumentError):
    code = "not-an-ita-report"
    exit_code = ExitCode.some_failed


class DocumentTimeout(DocumentError):
    code = "document-timeout"
    exit_code = ExitCode.some_failed


class WorkerCrashed(DocumentError):
    code = "worker-crashed"
    exit_code = ExitCode.some_failed


class OcrFailed(DocumentError):
    code = "ocr-failed"
    exit_code = ExitCode.some_failed


# --- failures of the environment: the run stops -----------------------------


class EnvironmentProblem(ItaError):
    """Something outside any one document is wrong; the run stops."""

    code = "environment"
    exit_code = ExitCode.missing_dependency


class BadArgs(EnvironmentProblem):
    code = "bad-args"
    exit_code = ExitCode.bad_args


class MissingDependency(EnvironmentProblem):
    code = "missing-dependency"
    exit_code = ExitCode.missing_dependency


class OutputNotWritable(EnvironmentProblem):
    code = "output-not-writable"
    exit_code = ExitCode.output_not_writable
