"""Table structure from scans: our OpenCV grid (extract/scan.py) against img2table.

For every page of the scanned samples, both find the tables and their cells
on the same straightened image; the reference is the digital page's grid from
pdfplumber (ruling lines of the PDF the scan was made from). Prints tables and
cells found/expected and time per page. img2table is optional
(``pip install img2table``); it is not a dependency of ita-extract.

    python -m benchmarks.bench_grid
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

import cv2  # noqa: E402

from extract.text.pdf import open_pdf  # noqa: E402
from extract.ocr.raster import open_images  # noqa: E402
from extract.ocr.scan import deskew, ruling_lines, skew_correction, table_grids  # noqa: E402


def cells(grid) -> int:
    return sum(b is not None for row in grid.rows for b in row)


def main() -> None:
    from img2table.document import Image as I2TImage

    scans = sorted((ROOT / "samples" / "scanned").glob("*.pdf"))
    tot = {"ref_t": 0, "ref_c": 0, "ours_t": 0, "ours_c": 0, "i2t_t": 0, "i2t_c": 0}
    t_ours, t_i2t = [], []
    for scan in scans:
        source = ROOT / "samples" / (scan.stem.rsplit("-scan", 1)[0] + ".pdf")
        with open_pdf(source) as pdf:
            ref = [p.grids for p in pdf.pages()]
        with open_images(scan) as r:
            for i, grids in enumerate(ref):
                img = r.image(i)
                gray = deskew(img.gray, skew_correction(img.gray))
                t0 = time.perf_counter()
                ours = table_grids(ruling_lines(gray), img.dpi)
                t_ours.append(time.perf_counter() - t0)
                path = Path("/tmp") / f"grid-{scan.stem}-{i}.png"
                cv2.imwrite(str(path), gray)
                t0 = time.perf_counter()
                found = I2TImage(str(path)).extract_tables(implicit_rows=False, borderless_tables=False)
                t_i2t.append(time.perf_counter() - t0)
                path.unlink()
                tot["ref_t"] += len(grids)
                tot["ref_c"] += sum(cells(g) for g in grids)
                tot["ours_t"] += len(ours)
                tot["ours_c"] += sum(cells(g) for g in ours)
                tot["i2t_t"] += len(found)
                tot["i2t_c"] += sum(len({id(c) for row in t.content.values() for c in row}) for t in found)
    print(f"{len(t_ours)} scanned pages; reference (digital pages): {tot['ref_t']} tables, {tot['ref_c']} cells")
    print(f"  OpenCV grid (ours): {tot['ours_t']} tables, {tot['ours_c']} cells, "
          f"median {statistics.median(t_ours) * 1000:.0f} ms/page")
    print(f"  img2table:          {tot['i2t_t']} tables, {tot['i2t_c']} cells, "
          f"median {statistics.median(t_i2t) * 1000:.0f} ms/page")


if __name__ == "__main__":
    main()
