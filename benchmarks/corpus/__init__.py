"""A generator of randomized ITA reports with their ground truth, the project's main instrument.

``compose`` decides what a report says (the ground truth), ``printing`` how it is
printed (labels, headings, digits, code forms, table layouts), and three producers
render it: ``render_docx`` (python-docx exported by headless LibreOffice),
``render_fpdf`` (fpdf2 with HarfBuzz shaping) and ``render_html`` (HTML printed by
headless Chromium). ``generate`` writes a corpus folder that
``../shared/dev-corpus/score.py`` and ``benchmarks/corpus/score.py`` can score.

Seed ranges (see README, "Performance and accuracy"):

- dev seeds 0-99999: look at them, debug on them, tune on them;
- held-out seeds 100000 and up: only measured (``benchmarks/bench_heldout.py``),
  never opened while changing code.
"""

DEV_SEEDS = range(0, 100_000)
HELDOUT_START = 100_000
