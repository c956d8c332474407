"""Benchmark (not a test): every page in AppTest and in a real browser, and the data layer at 1x/10x/100x.

All figures are compared with a baseline measured in the same run, because the machines are
noisy: pages against a minimal one-chart Streamlit page served the same way
(bench/halaman_minimal.py), the data layer against the bundled data.

    .venv/bin/python bench/halaman.py              # everything (needs /usr/bin/chromium)
    .venv/bin/python bench/halaman.py --tanpa-peramban

Goals (issue 4): every page warm under 150 ms in AppTest; each page's browser time within
1,3x the minimal page; cost growing no faster than the data.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import metrics  # noqa: E402
from bench._waktu import median_ms  # noqa: E402
from loaders import load_renstra  # noqa: E402
from loaders.renstra import FOLDER_BAWAAN  # noqa: E402
from navigasi import HALAMAN  # noqa: E402

BATAS_HANGAT_MS = 150
BATAS_RASIO_PERAMBAN = 1.3


# --- data layer ----------------------------------------------------------------------------


KOLOM_NAMA = ("indikator", "uraian")


def folder_sintetis(kali: int, tujuan: Path) -> Path:
    """The bundled folder with every table's data rows repeated ``kali`` times (synthetic, bench only).

    Copy n > 0 of a row gets " #n" after its indicator / uraian text, so a larger Renstra has
    more distinct indicators and programs (as a real one would), not the same ones n times.
    """
    shutil.copytree(FOLDER_BAWAAN, tujuan)
    for p in tujuan.glob("*.csv"):
        with p.open(encoding="utf-8", newline="") as f:
            baris = list(csv.reader(f))
        kepala, data = baris[:2], baris[2:]
        ganti = [j for j, nama in enumerate(kepala[0]) if nama in KOLOM_NAMA]
        salinan = []
        for n in range(kali):
            for b in data:
                b = list(b)
                for j in ganti:
                    if n and j < len(b) and b[j].strip():
                        b[j] = f"{b[j]} #{n}"
                salinan.append(b)
        with p.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(kepala + salinan)
    return tujuan


def _metrik(r) -> None:
    metrics.capaian_kinerja(r.kinerja, sasaran=r.sasaran)
    metrics.serapan_program(r.anggaran)
    metrics.pagu_program(r.rencana)
    metrics.pagu_per_kelurahan(r.rencana)
    metrics.perubahan_renstra(r.sasaran)


def bench_data(ulang: int) -> list[dict]:
    hasil = []
    with tempfile.TemporaryDirectory() as tmp:
        for kali in (1, 10, 100):
            folder = FOLDER_BAWAAN if kali == 1 else folder_sintetis(kali, Path(tmp) / f"x{kali}")
            n = max(1, ulang // kali) if kali > 1 else ulang
            muat = median_ms(lambda f=folder: load_renstra(f), n, panaskan=False)
            r = load_renstra(folder)
            hitung = median_ms(lambda r=r: _metrik(r), n, panaskan=False)
            baris = len(r.rencana) + len(r.kinerja) + len(r.anggaran) + len(r.sasaran)
            hasil.append({"kali": kali, "baris": baris, "muat_ms": muat, "metrik_ms": hitung})
    return hasil


# --- AppTest -------------------------------------------------------------------------------


def bench_apptest(ulang: int) -> list[dict]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    hasil = []
    for h in HALAMAN:
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        t = time.perf_counter()
        at.switch_page(h.skrip).run()
        dingin = (time.perf_counter() - t) * 1000
        if at.exception:
            raise SystemExit(f"{h.skrip}: {at.exception[0].value}")
        at.run()  # first rerun fills the figure-level state
        hangat = median_ms(lambda at=at: at.run(), ulang, panaskan=False)
        hasil.append({"halaman": h.judul, "dingin_ms": dingin, "hangat_ms": hangat})
    return hasil


# --- browser -------------------------------------------------------------------------------


def _sekali(browser, url: str) -> float:
    """One visit in a fresh browser profile (a first visit): goto -> last chart drawn, in ms."""
    from alat import peramban

    konteks = browser.new_context(viewport={"width": 1366, "height": 900}, locale="id-ID")
    page = konteks.new_page()
    t = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    peramban.tunggu_app(page, 60_000)
    if page.locator(peramban.CHART_BLOCK_SELECTOR).count():
        peramban.tunggu_grafik(page, 60_000)
    dt = (time.perf_counter() - t) * 1000
    konteks.close()
    return dt


def bench_peramban(ulang: int) -> tuple[float, list[dict]]:
    """Each page against the minimal page, visited in alternation (minimal, page, minimal, page...).

    The ratio of each pair is taken and the median of those reported: a slow spell of the machine
    then slows both sides of a pair instead of whichever page happened to run during it.
    """
    from playwright.sync_api import sync_playwright

    from alat import peramban

    hasil, semua_minimal = [], []
    with (
        sync_playwright() as p,
        peramban.server(ROOT, "bench/halaman_minimal.py") as url_min,
        peramban.server(ROOT) as url,
    ):
        browser = peramban.luncurkan_chromium(p)
        for h in HALAMAN:
            alamat = f"{url}/{h.url}"
            _sekali(browser, url_min), _sekali(browser, alamat)  # warm the server-side caches
            minimal, halaman = [], []
            for _ in range(ulang):
                minimal.append(_sekali(browser, url_min))
                halaman.append(_sekali(browser, alamat))
            semua_minimal += minimal
            rasio = statistics.median(b / a for a, b in zip(minimal, halaman, strict=True))
            hasil.append({"halaman": h.judul, "peramban_ms": statistics.median(halaman), "rasio": rasio,
                          "minimal_ms": statistics.median(minimal)})  # fmt: skip
        browser.close()
    return statistics.median(semua_minimal), hasil


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark halaman dasbor dan lapisan data.")
    ap.add_argument("--ulang", type=int, default=5, help="pengulangan per ukuran (median)")
    ap.add_argument("--tanpa-peramban", action="store_true", help="lewati pengukuran di Chromium")
    args = ap.parse_args(argv)

    print("## Data: load_renstra + metrics")
    data = bench_data(max(args.ulang, 5))
    dasar = data[0]
    print("| ukuran | baris | load_renstra | metrics | waktu ÷ 1x | data ÷ 1x |")
    print("|---|---:|---:|---:|---:|---:|")
    for d in data:
        total, total0 = d["muat_ms"] + d["metrik_ms"], dasar["muat_ms"] + dasar["metrik_ms"]
        print(f"| {d['kali']}x | {d['baris']} | {d['muat_ms']:.0f} ms | {d['metrik_ms']:.0f} ms "
              f"| {total / total0:.1f} | {d['baris'] / dasar['baris']:.0f} |")  # fmt: skip

    print("\n## AppTest (cold = caches cleared; warm = median rerun)")
    at = bench_apptest(args.ulang)
    print("| halaman | dingin | hangat | < 150 ms |")
    print("|---|---:|---:|:---:|")
    for d in at:
        ok = "ya" if d["hangat_ms"] < BATAS_HANGAT_MS else "TIDAK"
        print(f"| {d['halaman']} | {d['dingin_ms']:.0f} ms | {d['hangat_ms']:.0f} ms | {ok} |")

    if not args.tanpa_peramban:
        print("\n## Peramban (goto -> grafik terakhir tergambar; median, bergantian dengan halaman minimal)")
        minimal, halaman = bench_peramban(args.ulang)
        print(f"Halaman minimal: median {minimal:.0f} ms.\n")
        print(
            f"| halaman | waktu | halaman minimal (pasangannya) | rasio (median pasangan) | ≤ {BATAS_RASIO_PERAMBAN} |"
        )
        print("|---|---:|---:|---:|:---:|")
        for d in halaman:
            ok = "ya" if d["rasio"] <= BATAS_RASIO_PERAMBAN else "TIDAK"
            print(
                f"| {d['halaman']} | {d['peramban_ms']:.0f} ms | {d['minimal_ms']:.0f} ms | {d['rasio']:.2f} | {ok} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
