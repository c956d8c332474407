"""Benchmark (not a test): switching the served Renstra in a real browser, after the first visit.

A server runs on a throwaway store holding one imported Renstra (SYNTHETIC, tests/renstra_sintetis.py)
beside the bundled one. For each chart page, Chromium opens it on the bundled Renstra, switches to
the other with the sidebar picker and back (warming both), then times further switches: from
choosing in the picker until the app is idle and every chart is drawn. Baseline in the same run:
re-choosing the Renstra already shown (a rerun that changes nothing).

    .venv/bin/python bench/pilih_renstra.py

Goal (issue 12): a page switch between two stored Renstra under 1 s after the first visit.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alat import peramban  # noqa: E402
from navigasi import HALAMAN  # noqa: E402

ULANG = 5
HALAMAN_GRAFIK = ("ringkasan", "anggaran", "kinerja", "kelurahan", "program")


def _simpan_kedua(url: str) -> tuple[str, str]:
    """Store the synthetic Renstra; (its picker label, the bundled one's label)."""
    from kelola.gudang_renstra import GudangRenstra
    from loaders import load_renstra
    from loaders.renstra import renstra_dari_xlsx
    from tests import renstra_sintetis as rs

    data = rs.buat()
    r = renstra_dari_xlsx(data)
    GudangRenstra(url).simpan(
        data, renstra_id="sidomakmur-2025-2029", judul=r.judul, perangkat_daerah="Kecamatan Sidomakmur",
        periode_awal=2025, periode_akhir=2029, pengguna="bench", peran="admin", nama_berkas="sidomakmur.xlsx",
    )  # fmt: skip
    return r.judul[:59] + "…", load_renstra().judul[:59] + "…"


def _pilih(page: object, label: str) -> float:
    """Choose ``label`` in the sidebar picker; ms until idle with every chart drawn."""
    t = time.perf_counter()
    kotak = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first  # type: ignore[attr-defined]
    kotak.click()
    page.get_by_role("option", name=label).click()  # type: ignore[attr-defined]
    peramban.tunggu_app(page)
    peramban.tunggu_grafik(page, boleh_kosong=True)  # the other Renstra may lack the table behind a chart
    return (time.perf_counter() - t) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        url = f"sqlite:///{Path(d) / 'realisasi.sqlite'}"
        kedua, bawaan = _simpan_kedua(url)
        from playwright.sync_api import sync_playwright

        with peramban.server(ROOT, env={"RENSTRA_DB_URL": url}) as alamat, sync_playwright() as p:
            browser = peramban.luncurkan_chromium(p)
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            print(f"{'halaman':12s} {'ganti Renstra':>14s} {'pilih ulang (patokan)':>22s}")
            for h in HALAMAN:
                if h.nama not in HALAMAN_GRAFIK:
                    continue
                page.goto(f"{alamat}/{h.url}", wait_until="domcontentloaded")
                peramban.tunggu_app(page)
                _pilih(page, kedua)
                _pilih(page, bawaan)  # both visited once: what follows is "after the first visit"
                ganti, ulang = [], []
                for _ in range(ULANG):
                    ganti.append(_pilih(page, kedua))
                    ganti.append(_pilih(page, bawaan))
                    ulang.append(_pilih(page, bawaan))
                print(f"{h.judul:12s} {statistics.median(ganti):11.0f} ms {statistics.median(ulang):19.0f} ms")
            browser.close()


if __name__ == "__main__":
    main()
