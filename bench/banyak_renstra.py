"""Benchmark (not a test): the data layer with 1, 10 and 100 Renstra stored.

The stored Renstra are SYNTHETIC: the bundled one written as the Renstra template
(``Renstra.ke_xlsx``) and stored N times under made-up ids ("bench-001-2019-2024", ...) in a
throwaway SQLite store; they are never shown in the app.

What a page needs once N Renstra are stored, each timed in the same run as its 1-Renstra baseline:

- ``daftar``: the picker's list (``GudangRenstra.daftar``);
- ``buka satu``: the chosen Renstra read back from the store (``muat`` + ``renstra_dari_xlsx``),
  what every page serves; ``daftar + buka satu`` is the page's data layer on a first visit;
- ``semua``: every stored Renstra read (the first visit of Antar-Renstra, which puts them all
  side by side), which grows with N by nature; afterwards the app serves them from its cache.

Goal (issue 12): with 100 Renstra stored the data layer stays within 10x of one.

    .venv/bin/python bench/banyak_renstra.py
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._waktu import median_ms
from kelola.gudang_renstra import GudangRenstra
from loaders import load_renstra
from loaders.renstra import renstra_dari_xlsx

UKURAN = (1, 10, 100)
BATAS_RASIO = 10


def _isi(folder: Path, n: int, xlsx: bytes) -> GudangRenstra:
    g = GudangRenstra(f"sqlite:///{folder / f'renstra-{n}.sqlite'}")
    for i in range(n):
        g.simpan(
            xlsx, renstra_id=f"bench-{i:03d}-2019-2024", judul=f"Renstra sintetis bench {i:03d}",
            perangkat_daerah=f"Kecamatan Bench {i:03d}", periode_awal=2019, periode_akhir=2024,
            pengguna="bench", peran="admin", nama_berkas=f"bench-{i:03d}.xlsx",
        )  # fmt: skip
    return g


def _semua(g: GudangRenstra) -> None:
    for rid in g.daftar()["id"]:
        renstra_dari_xlsx(g.muat(rid), f"{rid}.xlsx")


def main() -> None:
    buf = io.BytesIO()
    load_renstra().ke_xlsx(buf)
    xlsx = buf.getvalue()
    hasil = {}
    with tempfile.TemporaryDirectory() as d:
        for n in UKURAN:
            g = _isi(Path(d), n, xlsx)
            pilih = f"bench-{n // 2:03d}-2019-2024"
            daftar = median_ms(g.daftar, n=20)
            buka = median_ms(lambda g=g, pilih=pilih: renstra_dari_xlsx(g.muat(pilih), f"{pilih}.xlsx"), n=10)
            t = time.perf_counter()
            _semua(g)
            semua = (time.perf_counter() - t) * 1000
            hasil[n] = (daftar, buka, semua)
    d1, b1, s1 = hasil[1]
    print(
        "| Renstra tersimpan | daftar | buka satu | daftar + buka satu | ÷ 1 | semua (Antar-Renstra, pertama) | ÷ 1 |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n, (d_, b, s) in hasil.items():
        rasio = (d_ + b) / (d1 + b1)
        print(f"| {n} | {d_:.1f} ms | {b:.0f} ms | {d_ + b:.0f} ms | {rasio:.2f} | {s:.0f} ms | {s / s1:.0f} |")
    rasio = (hasil[100][0] + hasil[100][1]) / (d1 + b1)
    print(
        f"\n100 ÷ 1 (daftar + buka satu) = {rasio:.2f} (sasaran ≤ {BATAS_RASIO}): {'ya' if rasio <= BATAS_RASIO else 'BELUM'}"
    )


if __name__ == "__main__":
    main()
