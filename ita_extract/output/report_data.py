"""What the batch report shows, as small DataFrames computed from the tables.

Pure functions of the tables (``ita_extract.output.tables.read_tables``), one per view,
so each can be checked on hand-made rows. Question codes change meaning
between fiscal years (o8 of 2567 is not o8 of 2569), so questions are always
grouped by fiscal year, tool and code; OIT items score 0 or 100 where IIT and
EIT scores are averages, so OIT is kept apart.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pandas as pd

from normalize.thaichars import PHINTHU, WORD_CHARS, charset

#: The tools whose scores are survey averages (OIT items are pass/fail).
SURVEY_TOOLS = ("IIT", "EIT")
#: A word counts in the causes when it has at least this many Thai letters.
MIN_WORD_LETTERS = 2
_RE_THAI_WORD = re.compile(f"^[{charset(WORD_CHARS, exclude=PHINTHU + 'ๅ')}]+$")


def status_counts(documents: pd.DataFrame) -> pd.DataFrame:
    """Documents per status (ok, partial, failed, in that order)."""
    order = ["ok", "partial", "failed"]
    counts = documents["status"].value_counts()
    return pd.DataFrame({"status": order, "documents": [int(counts.get(s, 0)) for s in order]})


def with_agency(frame: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its document's agency, agency_key and source_file."""
    cols = [c for c in ("doc_id", "agency", "agency_key", "source_file") if c in documents.columns]
    return frame.merge(documents[cols], on="doc_id", how="left")


def survey_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """IIT and EIT rows with a score."""
    return scores[scores["tool"].isin(SURVEY_TOOLS) & scores["score"].notna()]


def indicator_means(scores: pd.DataFrame) -> pd.DataFrame:
    """Per indicator (IIT/EIT): the mean over documents of each document's mean score, and the documents."""
    s = survey_scores(scores)
    per_doc = s.groupby(["indicator", "indicator_name", "doc_id"], as_index=False)["score"].mean()
    out = per_doc.groupby(["indicator", "indicator_name"], as_index=False).agg(
        mean=("score", "mean"), documents=("doc_id", "nunique"))
    return out.sort_values("mean").reset_index(drop=True)


def weakest_indicator_counts(scores: pd.DataFrame) -> pd.DataFrame:
    """How many documents have each indicator as their weakest (lowest mean IIT/EIT score)."""
    s = survey_scores(scores)
    per_doc = s.groupby(["doc_id", "indicator", "indicator_name"], as_index=False)["score"].mean()
    if per_doc.empty:
        return pd.DataFrame(columns=["indicator", "indicator_name", "documents"])
    weakest = per_doc.loc[per_doc.groupby("doc_id")["score"].idxmin()]
    out = weakest.groupby(["indicator", "indicator_name"], as_index=False).agg(documents=("doc_id", "nunique"))
    return out.sort_values(["documents", "indicator"], ascending=[False, True]).reset_index(drop=True)


def weakest_questions(scores: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """IIT/EIT questions by mean score across documents, lowest first (grouped by year, tool, code)."""
    s = survey_scores(scores)
    keys = ["fiscal_year", "tool", "question", "question_no"]
    out = s.groupby(keys, as_index=False).agg(
        mean=("score", "mean"), lowest=("score", "min"), documents=("doc_id", "nunique"),
        indicator=("indicator", "first"),
        question_text=("question_text", lambda t: t.mode().iat[0] if not t.mode().empty else ""))
    return out.sort_values(["mean", "fiscal_year", "tool", "question_no"]).head(n).reset_index(drop=True)


def oit_missed(scores: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """OIT items by the share of documents that score them below 100 (most often missed first)."""
    s = scores[(scores["tool"] == "OIT") & scores["score"].notna()]
    keys = ["fiscal_year", "question", "question_no"]
    out = s.groupby(keys, as_index=False).agg(
        missed=("score", lambda v: float((v < 100).mean())), documents=("doc_id", "nunique"),
        indicator=("indicator", "first"),
        question_text=("question_text", lambda t: t.mode().iat[0] if not t.mode().empty else ""))
    out = out[out["missed"] > 0]
    return out.sort_values(["missed", "fiscal_year", "question_no"], ascending=[False, True, True]).head(n) \
        .reset_index(drop=True)


def lowest_named(analyses: pd.DataFrame) -> pd.DataFrame:
    """How often each question is named lowest in the analyses (by fiscal year, so codes keep one meaning)."""
    rows = [(fy, q) for fy, qs in zip(analyses["fiscal_year"], analyses["lowest_questions"])
            for q in (list(qs) if qs is not None else [])]
    counts = Counter(rows)
    out = pd.DataFrame([(fy, q, c) for (fy, q), c in counts.items()],
                       columns=["fiscal_year", "question", "analyses"])
    return out.sort_values(["analyses", "fiscal_year", "question"], ascending=[False, True, True]) \
        .reset_index(drop=True)


def cause_words(analyses: pd.DataFrame, n: int = 25) -> pd.DataFrame:
    """The most frequent words of the causes (PyThaiNLP newmm tokens, Thai stop words left out).

    A cause repeated for several indicators of one document (one merged cell) counts once.
    """
    from pythainlp.corpus import thai_stopwords
    from pythainlp.tokenize import word_tokenize

    stop = thai_stopwords()
    causes = analyses.dropna(subset=["cause"]).drop_duplicates(["doc_id", "cause"])["cause"]
    counts: Counter = Counter()
    for text in causes:
        words = {w for w in word_tokenize(text, engine="newmm", keep_whitespace=False)
                 if _RE_THAI_WORD.match(w) and len(w) >= MIN_WORD_LETTERS and w not in stop}
        counts.update(words)  # documents citing the word, not repetitions
    return pd.DataFrame(counts.most_common(n), columns=["word", "causes"])


def measures_by_unit(measures: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """Measures per responsible unit (as printed, normalized), the busiest first."""
    units = measures["responsible"].fillna("(not named · ไม่ระบุ)")
    out = units.value_counts().head(n).rename_axis("responsible").reset_index(name="measures")
    return out


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    months, m = [], dt.date(start.year, start.month, 1)
    while m <= end:
        months.append(m)
        m = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    return months


def measures_by_month(measures: pd.DataFrame) -> pd.DataFrame:
    """Per month: the measures running in it (period_start..period_end) and those starting in it."""
    running: Counter = Counter()
    starting: Counter = Counter()
    for start, end in zip(measures["period_start"], measures["period_end"]):
        if start is None or pd.isna(start):
            continue
        end = start if end is None or pd.isna(end) else end
        running.update(_months(start, end))
        starting[dt.date(start.year, start.month, 1)] += 1
    months = _months(min(running), max(running)) if running else []  # months without a measure count 0
    return pd.DataFrame({"month": months, "running": [running[m] for m in months],
                         "starting": [starting.get(m, 0) for m in months]})


def problem_rows(problems: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Every problems row with its file, errors first, then by file, page and code."""
    out = with_agency(problems, documents)
    out["severity_order"] = (out["severity"] != "error").astype(int)
    out = out.sort_values(["severity_order", "source_file", "page", "code"], na_position="last")
    return out.drop(columns="severity_order").reset_index(drop=True)
