"""Import benchmark: parse + lint of the five seeds, and PDF import speed on the samples
and on a generated 150-page manual.

Prints figures against baselines measured in the same run (for text: reading the same
files and splitting them into lines, the least any importer must do; for PDF: reading
PDFium's characters). Targets: parse + lint of all five seeds (≈380 KB) in ≤ 0.5 s; PDF
import ≥ 8 pages/s on the samples and on the 150-page manual (built once with WeasyPrint
from ``tests/corpus/large.py`` into a temporary directory, ~20 s).

    .venv/bin/python bench/import.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from folio.manuals.lint import lint_manual
from folio.manuals.load import load_manual

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PDF_TARGET = 8.0  # pages/s


def clear_caches() -> None:
    """Empty every memo cache in Folio's modules, so each run starts cold."""
    for name, module in list(sys.modules.items()):
        if name.startswith("folio"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """Fastest of ``runs`` cold runs (text-cleaning caches cleared before each), in CPU
    seconds of this process, so that other work on a shared machine does not count."""
    times = []
    for _ in range(runs):
        clear_caches()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> int:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    pdfs = sorted((SHARED / "samples" / "pdf").glob("*.pdf"))
    if not seeds:
        print("bench/import.py: ../shared/seeds is absent; nothing to measure.")
        return 0
    size = sum(p.stat().st_size for p in seeds)

    def baseline() -> None:
        for p in seeds:
            p.read_text(encoding="utf-8").splitlines()

    def seeds_job() -> None:
        for p in seeds:
            try:
                manual = load_manual(p)
            except Exception:  # 001 is a programme, not a manual: it is rejected
                continue
            lint_manual(manual)

    base = best_of(5, baseline)
    took = best_of(5, seeds_job)
    print(f"seeds: {len(seeds)} files, {size / 1024:.0f} KB")
    print(f"  baseline (read + split lines): {base * 1000:.1f} ms")
    print(
        f"  parse + lint:                  {took * 1000:.1f} ms "
        f"(target ≤ 500 ms; {took / base:.0f}× baseline)"
    )
    if pdfs:
        pdf_figures(pdfs)
    large_figures()
    return 0


def pdf_figures(pdfs: list[Path]) -> None:
    """PDF import (``load_manual``, cold) in pages/s, against reading PDFium's characters
    (the least the reader does) and the replaced pdfplumber reader (rows only)."""
    from folio.manuals.sources.pdf import read_pdf_rows

    pages = sum(page_count(p) for p in pdfs)

    def pdfium_chars() -> None:
        for p in pdfs:
            read_pdfium_chars(p)

    def pdf_job() -> None:
        for p in pdfs:
            load_manual(p)

    def pdfplumber_rows() -> None:
        for p in pdfs:
            read_pdf_rows(p, engine="pdfplumber")

    base_pdf = best_of(3, pdfium_chars)
    took_pdf = best_of(3, pdf_job)
    before = best_of(1, pdfplumber_rows)
    print(f"pdf samples: {len(pdfs)} files, {pages} pages")
    print(f"  baseline (PDFium chars):     {pages / base_pdf:.1f} pages/s")
    print(
        f"  Folio import:                {pages / took_pdf:.1f} pages/s "
        f"(target ≥ {PDF_TARGET:.0f} pages/s; {took_pdf / base_pdf:.1f}× baseline time)"
    )
    print(f"  pdfplumber reader, rows only: {pages / before:.1f} pages/s (the reader before)")


def large_figures(pages: int = 150) -> None:
    """``load_manual`` (cold) on a generated manual of ``pages`` pages of the
    state-institute layout, in pages/s against reading its PDFium characters."""
    sys.path.insert(0, str(ROOT))  # tests.corpus builds the manual
    from tests.corpus.large import build_large_manual

    with tempfile.TemporaryDirectory(prefix="folio-bench-") as tmp:
        path = Path(tmp) / "large.pdf"
        start = time.perf_counter()
        build_large_manual(path, pages=pages)
        built = time.perf_counter() - start
        count = page_count(path)
        found: list[int] = []

        def job() -> None:
            found.append(len(load_manual(path).procedures))

        base = best_of(2, lambda: read_pdfium_chars(path))
        took = best_of(2, job)
    print(f"large manual (tests/corpus/large.py): {count} pages, built in {built:.0f} s")
    print(f"  baseline (PDFium chars):     {count / base:.1f} pages/s")
    print(
        f"  Folio import:                {count / took:.1f} pages/s "
        f"(target ≥ {PDF_TARGET:.0f} pages/s; {took / base:.1f}× baseline time; {took:.1f} s)"
    )
    print(f"  procedures found:            {found[-1]} (built: {max(1, round(pages / 3))})")


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    document = pdfium.PdfDocument(path)
    count = len(document)
    document.close()
    return count


def read_pdfium_chars(path: Path) -> None:
    """Every character box of every page: the least a PDF reader does."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    for page in document:
        textpage = page.get_textpage()
        for index in range(textpage.count_chars()):
            textpage.get_charbox(index, loose=True)
    document.close()


if __name__ == "__main__":
    sys.exit(main())
