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
from dataclasses import dataclass


class ExitCode(enum.IntEnum):
    """Process exit codes of ``ita-extract run`` (documented in the README)."""

    ok = 0
    some_failed = 3
    bad_args = 2
    missing_dependency = 4
    output_not_writable = 5
    output_locked = 6
    internal_error = 15
    interrupted = 130
    terminated = 143


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


class UnreadableFile(DocumentError):
    """The operating system refused to read the file (permissions, I/O error, a dangling link)."""

    code = "unreadable-file"
    exit_code = ExitCode.some_failed


class UnreadableFolder(DocumentError):
    """A folder under an input could not be listed: the PDF files in it were not read."""

    code = "unreadable-folder"
    exit_code = ExitCode.some_failed


class OutOfMemory(DocumentError):
    """Reading the document needed more memory than a worker may take (``Settings.worker_memory_mb``)."""

    code = "out-of-memory"
    exit_code = ExitCode.some_failed


class InternalError(DocumentError):
    """An unexpected exception while reading one document: a bug of ita-extract, traceback in the log."""

    code = "internal-error"
    exit_code = ExitCode.some_failed


# --- a page that is not rendered: the document goes on without it ------------


class PageRefused(ItaError):
    """A page left unread on purpose; it becomes a ``problems`` warning for that page."""

    code = "page-refused"
    exit_code = ExitCode.some_failed


class PageTooLarge(PageRefused):
    """A page would render to more pixels than allowed (``Settings.max_page_mpixels``)."""

    code = "page-too-large"
    exit_code = ExitCode.some_failed


class ImageTooLarge(PageRefused):
    """An embedded image declares more pixels than allowed (``Settings.max_image_mpixels``)."""

    code = "image-too-large"
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


class NumeralModelInvalid(MissingDependency):
    """The shipped Thai-numeral model is missing, truncated or not the one this version pins.

    A kind of missing dependency (OCR cannot run without it), with its own code.
    """

    code = "numeral-model-invalid"
    exit_code = ExitCode.missing_dependency


class OutputLocked(EnvironmentProblem):
    """Another ``run`` or ``compact`` is writing the same output folder."""

    code = "output-locked"
    exit_code = ExitCode.output_locked


# --- the run was stopped from outside ------------------------------------------


class Terminated(BaseException):
    """SIGTERM arrived (``timeout``, systemd, docker, Kubernetes): stop like Ctrl-C.

    A ``BaseException``, as ``KeyboardInterrupt`` is, so that no ``except
    Exception`` on the way swallows it; what finished is still published.
    """


# --- the problem codes: one registry -----------------------------------------


#: The severities a ``problems`` row can have.
SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class ProblemCode:
    """One kind of ``problems`` row: its stable code, severity and meaning (English and Thai)."""

    code: str
    severity: str  # "error" | "warning"
    meaning: str
    meaning_th: str

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.code}: severity {self.severity!r} is not one of {SEVERITIES}")


class UnknownProblemCode(KeyError):
    """A ``problems`` row was built with a code missing from ``PROBLEM_CODES`` (a programming error)."""


def _codes(*codes: ProblemCode) -> dict[str, ProblemCode]:
    return {c.code: c for c in codes}


#: Every code a ``problems`` row can carry. ``Problem``s are built from it
#: (``ita_extract.model.problem``); the README and ``docs/schema.md`` list it, and a test keeps them equal.
PROBLEM_CODES: dict[str, ProblemCode] = _codes(
    # a failed document (the codes of the DocumentError classes above)
    ProblemCode("empty-file", "error", "The file has 0 bytes.", "ไฟล์มีขนาด 0 ไบต์"),
    ProblemCode("not-a-pdf", "error", "The file has no %PDF header (an HTML page or a Word file renamed .pdf).",
                "ไฟล์ไม่ใช่ PDF (ไม่มีส่วนหัว %PDF เช่น หน้าเว็บหรือไฟล์ Word ที่เปลี่ยนนามสกุลเป็น .pdf)"),
    ProblemCode("corrupt-pdf", "error", "The PDF is truncated or damaged beyond reading.",
                "ไฟล์ PDF ไม่สมบูรณ์หรือเสียหายจนอ่านไม่ได้"),
    ProblemCode("encrypted-pdf", "error", "The PDF needs a password.", "ไฟล์ PDF ถูกเข้ารหัส ต้องใช้รหัสผ่าน"),
    ProblemCode("no-readable-page", "error",
                "No page could be read: blank pages, or scans with OCR unavailable or --ocr never.",
                "อ่านไม่ได้เลยสักหน้า: หน้าว่าง หรือเป็นภาพสแกนแต่ไม่มี OCR หรือสั่ง --ocr never"),
    ProblemCode("ocr-failed", "error", "Tesseract crashed on a page.", "Tesseract ทำงานล้มเหลวขณะอ่านหน้าเอกสาร"),
    ProblemCode("not-an-ita-report", "error", "A readable PDF with no ITA indicator table.",
                "เป็น PDF ที่อ่านได้ แต่ไม่พบตารางตัวชี้วัด ITA"),
    ProblemCode("document-timeout", "error",
                "The document used more than --timeout seconds of processor time (or hung for 4 times that) "
                "and was stopped.",
                "อ่านเอกสารใช้เวลาประมวลผลเกินที่กำหนด (--timeout) หรือค้างนานเกิน 4 เท่าของเวลานั้น จึงถูกหยุด"),
    ProblemCode("worker-crashed", "error",
                "The worker reading the document died (a crash in a native library, the out-of-memory killer).",
                "โปรเซสที่อ่านเอกสารหยุดทำงานกะทันหัน (ไลบรารีล่ม หรือหน่วยความจำไม่พอ)"),
    ProblemCode("document-error", "error", "The document could not be read for another reason.",
                "อ่านเอกสารไม่ได้ด้วยสาเหตุอื่น"),
    ProblemCode("unreadable-file", "error",
                "The system refuses to read the file (permissions, an I/O error, a link to a missing file).",
                "ระบบอ่านไฟล์ไม่ได้ (ไม่มีสิทธิ์ อุปกรณ์ขัดข้อง หรือเป็นลิงก์ไปยังไฟล์ที่ไม่มีอยู่)"),
    ProblemCode("unreadable-folder", "error", "A folder under an input cannot be listed; its PDF files were not read.",
                "เปิดโฟลเดอร์ไม่ได้ ไฟล์ PDF ในโฟลเดอร์นั้นจึงไม่ถูกอ่าน"),
    ProblemCode("out-of-memory", "error", "Reading the document needed more memory than a worker may take.",
                "การอ่านเอกสารต้องใช้หน่วยความจำเกินกว่าที่โปรเซสหนึ่งใช้ได้"),
    ProblemCode("internal-error", "error",
                "An unexpected error of ita-extract while reading the document (a bug; traceback in the log).",
                "เกิดข้อผิดพลาดที่ไม่คาดคิดของโปรแกรมขณะอ่านเอกสาร (ข้อบกพร่องของโปรแกรม ดูรายละเอียดในบันทึก)"),
    ProblemCode("missing-dependency", "error",
                "Something the document needs is missing or damaged (a tool, a model file).",
                "ขาดเครื่องมือหรือไฟล์โมเดลที่จำเป็นต่อการอ่านเอกสาร หรือไฟล์นั้นเสียหาย"),
    # a value that cannot be right
    ProblemCode("score-out-of-range", "error", "A printed score lies outside 0–100; the score was left empty.",
                "คะแนนที่พิมพ์ไว้อยู่นอกช่วง 0–100 จึงเว้นคะแนนว่างไว้"),
    # what a reader should know about a document that was read
    ProblemCode("duplicate-file", "warning", "A file is byte-identical to another input; only the first is read.",
                "ไฟล์เหมือนกับไฟล์อื่นทุกไบต์ อ่านเฉพาะไฟล์แรก"),
    ProblemCode("part-missing", "warning", "The analysis or the measures part of the report was not found.",
                "ไม่พบส่วนการวิเคราะห์หรือส่วนมาตรการของรายงาน"),
    ProblemCode("ocr-needed", "warning", "Pages without a usable text layer could not be read (OCR off or unavailable).",
                "หน้าที่ไม่มีข้อความที่ใช้ได้อ่านไม่ได้ (ปิด OCR หรือไม่มี OCR)"),
    ProblemCode("ocr-timeout", "warning", "Recognizing a page took longer than --ocr-timeout; the page was skipped.",
                "การรู้จำข้อความหน้าหนึ่งนานเกิน --ocr-timeout จึงข้ามหน้านั้น"),
    ProblemCode("ocr-low-confidence", "warning", "OCR is unsure of a row: check it against the page.",
                "OCR ไม่มั่นใจในแถวนี้ ควรตรวจกับหน้าเอกสาร"),
    ProblemCode("page-too-large", "warning",
                "A page would render to more pixels than allowed; it was not read, the other pages were.",
                "หน้าเอกสารใหญ่เกินขนาดที่อนุญาตให้แปลงเป็นภาพ จึงข้ามหน้านั้น หน้าอื่นยังอ่านตามปกติ"),
    ProblemCode("image-too-large", "warning",
                "A page holds an image declaring more pixels than allowed; the page was not read.",
                "หน้าเอกสารมีภาพที่ระบุขนาดพิกเซลเกินที่อนุญาต จึงข้ามหน้านั้น"),
    ProblemCode("pdf-repaired", "warning",
                "The PDF is damaged (its cross-reference table); it was read through a repaired copy.",
                "ไฟล์ PDF เสียหาย (ตารางอ้างอิงตำแหน่ง) จึงอ่านจากสำเนาที่ซ่อมแล้ว"),
    ProblemCode("text-layer-repaired", "warning",
                "A page's text layer was broken (unknown glyphs, misplaced marks, ำ and า exchanged); "
                "its text was repaired by the dictionary.",
                "ข้อความในหน้า PDF เสีย (อักขระที่ไม่รู้จัก วรรณยุกต์/สระผิดตำแหน่ง ำ กับ า สลับกัน) จึงซ่อมด้วยพจนานุกรม"),
    ProblemCode("text-layer-untrusted", "warning",
                "A page's text layer stays unreadable after repair and OCR was not run; its text was kept as it is.",
                "ข้อความในหน้า PDF ยังอ่านไม่ได้หลังซ่อม และไม่ได้ใช้ OCR จึงเก็บข้อความไว้ตามเดิม"),
    ProblemCode("page-turned", "warning", "A page scanned sideways or upside down was turned upright and read.",
                "หน้าที่สแกนตะแคงหรือกลับหัวถูกหมุนให้ตรงแล้วอ่าน"),
    ProblemCode("fiscal-year-unknown", "warning", "No fiscal year (ปีงบประมาณ พ.ศ. …) was found in the titles.",
                "ไม่พบปีงบประมาณในหัวเรื่องของรายงาน"),
    ProblemCode("agency-name-mismatch", "warning", "The agency is spelled in more than one way in the document.",
                "ชื่อหน่วยงานสะกดไม่ตรงกันภายในเอกสาร"),
    ProblemCode("indicator-number-mismatch", "warning",
                "An indicator heading's number disagrees with its name; the name decides.",
                "หมายเลขตัวชี้วัดในหัวข้อไม่ตรงกับชื่อ ใช้ชื่อเป็นหลัก"),
    ProblemCode("indicator-unknown", "warning", "A table without an indicator heading was skipped.",
                "ข้ามตารางที่ไม่มีหัวข้อตัวชี้วัด"),
    ProblemCode("indicator-heading-missing", "warning",
                "Analysis rows without a heading of their own (a table without one, or rows after a heading "
                "the scan lost) were assigned an indicator from their question codes.",
                "แถววิเคราะห์ที่ไม่มีหัวข้อตัวชี้วัดของตนเอง ถูกกำหนดตัวชี้วัดจากรหัสข้อคำถาม"),
    ProblemCode("indicator-missing", "warning", "No analysis table was found for an indicator.",
                "ไม่พบตารางวิเคราะห์ของตัวชี้วัด"),
    ProblemCode("measures-missing", "warning", "No measures were found for an indicator.",
                "ไม่พบมาตรการของตัวชี้วัด"),
    ProblemCode("table-unrecognized", "warning",
                "A table is neither an analysis nor a measures table (no header row recognized); it was skipped.",
                "ตารางไม่ใช่ทั้งตารางวิเคราะห์และตารางมาตรการ (ไม่รู้จักแถวหัวตาราง) จึงข้ามไป"),
    ProblemCode("analysis-unlabelled", "warning",
                "An analysis cell has none of the labels (lowest question, cause, guideline); "
                "its text was kept as the guideline.",
                "ช่องวิเคราะห์ไม่มีหัวข้อใดเลย (ข้อคำถามที่ได้คะแนนน้อยที่สุด สาเหตุ แนวทาง) จึงเก็บข้อความทั้งหมดเป็นแนวทาง"),
    ProblemCode("question-code-corrected", "warning",
                "A question code misread or breaking the numbering was corrected.",
                "แก้รหัสข้อคำถามที่อ่านผิดหรือเรียงลำดับผิด"),
    ProblemCode("question-code-inferred", "warning",
                "A question printed without its code (or whose code OCR lost) was given the code that the "
                "codes of the rows around it, or its text matched to the questionnaire, leave.",
                "ข้อคำถามที่ไม่มีรหัส ได้รับรหัสตามรหัสของแถวข้างเคียง"),
    ProblemCode("question-code-missing", "warning",
                "A question row without a usable code (none, or a scanned one outside the questionnaire with "
                "no place left for it) was skipped.",
                "ข้ามแถวข้อคำถามที่ไม่มีรหัส หรือรหัสที่สแกนได้ไม่อยู่ในแบบสำรวจ"),
    ProblemCode("score-unreadable", "warning", "A printed score could not be read as a number; it was left empty.",
                "อ่านคะแนนที่พิมพ์ไว้เป็นตัวเลขไม่ได้ จึงเว้นว่างไว้"),
    ProblemCode("lowest-question-mismatch", "warning",
                "The analysis names a lowest question that did not score lowest.",
                "ข้อคำถามที่การวิเคราะห์ระบุว่าได้คะแนนน้อยที่สุด ไม่ใช่ข้อที่ได้คะแนนน้อยที่สุดจริง"),
    ProblemCode("reference-unknown", "warning",
                "An analysis cites an OIT code that its fiscal year's questionnaire does not have (a misread); "
                "it was left out of the references.",
                "การวิเคราะห์อ้างอิงรหัส OIT ที่ไม่มีในแบบวัดของปีงบประมาณนั้น (อ่านผิด) จึงไม่นำมาใส่ในรายการอ้างอิง"),
    ProblemCode("reference-corrected", "warning",
                "A cited OIT code read as no code, or as an item one digit away from the one the words before "
                "the citation name, was taken as the named item.",
                "รหัส OIT ที่อ้างอิงซึ่งอ่านไม่ได้ หรืออ่านเป็นข้อที่ต่างกันหนึ่งหลักจากข้อที่ข้อความก่อนการอ้างอิงระบุชื่อ "
                "ถูกแก้เป็นข้อที่ระบุชื่อนั้น"),
    ProblemCode("measure-missing-period", "warning", "A measure has no period.", "มาตรการไม่ระบุช่วงระยะเวลา"),
    ProblemCode("period-unreadable", "warning", "A measure's period could not be read as dates.",
                "อ่านช่วงระยะเวลาของมาตรการเป็นวันที่ไม่ได้"),
    ProblemCode("period-year-corrected", "warning",
                "A year of a measure's period that OCR misread by one digit was read as the year the other end "
                "of the period, or the report's fiscal year, allows.",
                "ปีของช่วงระยะเวลาที่อ่านผิดหนึ่งหลัก ถูกอ่านเป็นปีที่อีกด้านหนึ่งของช่วงเวลากำหนด"),
    ProblemCode("period-date-inferred", "warning",
                "A month or day of a measure's period that OCR could not read was inferred: the fiscal year's "
                "1 October or 30 September where the period opens or closes one, or the month's last day for "
                "a range's end day read as 3.",
                "เดือนหรือวันของช่วงระยะเวลาที่อ่านไม่ออก ถูกอนุมานจากปีงบประมาณ (1 ตุลาคม หรือ 30 กันยายน) "
                "หรือเป็นวันสุดท้ายของเดือน"),
    ProblemCode("period-open-ended", "warning",
                "A measure's period is printed with one end only (from a date on, or by a date); the other is "
                "left empty.",
                "ช่วงระยะเวลาของมาตรการระบุไว้เพียงวันเริ่มต้นหรือวันสิ้นสุด อีกด้านหนึ่งจึงเว้นว่างไว้"),
    ProblemCode("measure-missing-responsible", "warning", "A measure names no responsible unit.",
                "มาตรการไม่ระบุผู้รับผิดชอบ"),
)


def problem_code(code: str) -> ProblemCode:
    """The registry entry of ``code``; ``UnknownProblemCode`` when there is none.

    >>> problem_code("ocr-timeout").severity
    'warning'
    """
    try:
        return PROBLEM_CODES[code]
    except KeyError:
        raise UnknownProblemCode(f"{code!r} is not a registered problem code (ita_extract.errors.PROBLEM_CODES)") from None
