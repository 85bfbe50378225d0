"""The physical look of one rendering: font, size, orientation, margins (per seed and producer)."""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

#: Thai fonts (Debian fonts-thai-tlwg, fonts-noto-core): family -> (regular file, bold file, size scale).
#: Sizes in the layout are TH Sarabun points; a font drawn larger than TH Sarabun is scaled down.
FONTS = {
    "Laksaman": ("tlwg/Laksaman.ttf", "tlwg/Laksaman-Bold.ttf", 0.72),
    "Kinnari": ("tlwg/Kinnari.ttf", "tlwg/Kinnari-Bold.ttf", 0.70),
    "Norasi": ("tlwg/Norasi.ttf", "tlwg/Norasi-Bold.ttf", 0.70),
    "Garuda": ("tlwg/Garuda.ttf", "tlwg/Garuda-Bold.ttf", 0.60),
    "Loma": ("tlwg/Loma.ttf", "tlwg/Loma-Bold.ttf", 0.62),
    "Waree": ("tlwg/Waree.ttf", "tlwg/Waree-Bold.ttf", 0.62),
    "Umpush": ("tlwg/Umpush.ttf", "tlwg/Umpush-Bold.ttf", 0.64),
    "Noto Sans Thai": ("noto/NotoSansThai-Regular.ttf", "noto/NotoSansThai-Bold.ttf", 0.62),
    "Noto Serif Thai": ("noto/NotoSerifThai-Regular.ttf", "noto/NotoSerifThai-Bold.ttf", 0.62),
}
FONT_ROOT = Path("/usr/share/fonts/truetype")

PRODUCERS = ("docx", "fpdf", "html")


class FontMissing(RuntimeError):
    """A Thai font the generator draws with is not installed (apt: fonts-thai-tlwg, fonts-noto-core)."""


@dataclass(frozen=True)
class Look:
    producer: str
    font: str
    scale: float
    landscape: bool
    margin_mm: float
    repeat_header: bool  # header rows repeated on each page a table reaches

    def font_file(self, bold: bool = False) -> Path:
        path = FONT_ROOT / FONTS[self.font][1 if bold else 0]
        if not path.exists():
            raise FontMissing(f"{path} (font {self.font}) is not installed")
        return path


def choose_look(seed: int, producer: str) -> Look:
    rng = random.Random(f"look-{seed}-{producer}")
    font = rng.choice(sorted(FONTS))
    return Look(producer, font, FONTS[font][2] * rng.choice([0.95, 1.0, 1.0, 1.05]),
                landscape=rng.random() < 0.25, margin_mm=rng.choice([15.0, 18.0, 20.0, 25.0]),
                repeat_header=rng.random() < 0.7)
