"""Score ``repair_text`` on pairs of broken and corrected Thai strings.

    .venv/bin/python -m benchmarks.repair_pairs [PAIRS.json] [-v]

The pairs are split by a hash of the broken string into a part to debug on
(``debug``) and a part only measured (``measure``); both figures are printed.
Exact means equal after collapsing whitespace runs and reading Thai digits
as Arabic (how the pairs' README says to compare).
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from normalize.repair import repair_text
from normalize.thai import thai_digits_to_arabic

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "real-text" / "dev_pairs.json"
if not DEFAULT.exists():
    DEFAULT = Path("/work/shared/real-text/dev_pairs.json")


def canon(s: str) -> str:
    s = thai_digits_to_arabic(s)
    return re.sub(r"\s+", " ", s).strip()


def part(broken: str) -> str:
    """``debug`` or ``measure``: a stable split by the string's hash."""
    return "debug" if hashlib.sha256(broken.encode()).digest()[0] % 2 == 0 else "measure"


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    pairs = json.loads(Path(args[0] if args else DEFAULT).read_text(encoding="utf-8"))
    score = {"debug": [0, 0], "measure": [0, 0]}
    for p in pairs:
        got = repair_text(p["broken"])
        ok = canon(got) == canon(p["correct"])
        k = part(p["broken"])
        score[k][0] += ok
        score[k][1] += 1
        if verbose and not ok and (k == "debug" or "--all" in argv):
            print(f"[{p['kind']}] {p['broken']!r}\n   got  {got!r}\n   want {p['correct']!r}")
    for k, (ok, n) in score.items():
        print(f"{k}: {ok}/{n} exact")
    tot = sum(v[0] for v in score.values())
    print(f"all: {tot}/{len(pairs)} exact")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
