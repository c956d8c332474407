"""Save a PNG of every page of the dashboard (for the README), from a real server and Chromium.

    .venv/bin/python -m alat.tangkapan_layar            # all pages -> docs/gambar/
    .venv/bin/python -m alat.tangkapan_layar --keluar /tmp/x --halaman anggaran kinerja

Each page is opened by its URL, waited on until its script run is over and every chart is
drawn, then captured at 1366 px wide (full height). Presentation mode gets one extra picture.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from alat import peramban
from navigasi import HALAMAN

KELUAR = peramban.ROOT / "docs" / "gambar"


def tangkap(keluar: Path, pilih: list[str] | None = None, lebar: int = 1366, tinggi: int = 900) -> list[Path]:
    """Capture the chosen pages (all by default); returns the files written."""
    from playwright.sync_api import sync_playwright

    keluar.mkdir(parents=True, exist_ok=True)
    target = [(h.nama, h.url) for h in HALAMAN if not pilih or h.nama in pilih]
    if not pilih or "presentasi" in pilih:
        target.append(("presentasi", "anggaran?mode=presentasi"))
    hasil = []
    with peramban.server() as url, sync_playwright() as p:
        browser = peramban.luncurkan_chromium(p)
        konteks = browser.new_context(viewport={"width": lebar, "height": tinggi}, locale="id-ID")
        page = konteks.new_page()
        for nama, jalur in target:
            page.goto(f"{url}/{jalur}", wait_until="domcontentloaded")
            peramban.tunggu_app(page)
            if page.locator(peramban.CHART_BLOCK_SELECTOR).count():
                peramban.tunggu_grafik(page)
            if nama != "presentasi":
                # Streamlit scrolls inside its main section, not the document: grow the
                # viewport to the content's height so the picture holds the whole page.
                tinggi_isi = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
                page.set_viewport_size({"width": lebar, "height": max(tinggi, int(tinggi_isi))})
                peramban.tunggu_app(page)
            page.wait_for_timeout(400)  # plotly's own transitions
            berkas = keluar / f"{nama}.png"
            page.screenshot(path=str(berkas))
            page.set_viewport_size({"width": lebar, "height": tinggi})
            hasil.append(berkas)
            print(berkas)
        browser.close()
    return hasil


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keluar", type=Path, default=KELUAR, help="folder tujuan (bawaan: docs/gambar)")
    ap.add_argument("--halaman", nargs="*", help="url halaman, mis. anggaran kinerja presentasi (bawaan: semua)")
    args = ap.parse_args(argv)
    tangkap(args.keluar, args.halaman)
    return 0


if __name__ == "__main__":
    sys.exit(main())
