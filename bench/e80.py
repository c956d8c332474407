"""Benchmark (not a test): how long the E.80 form (``sajian.e80.e80``) takes on the bundled Renstra.

The form is the first tab of Evaluasi Renstra, so every cold open of that page pays it once
(``state.sajikan`` caches it afterwards). Timed: the full form with an empty store, the full form
with every plan line of the last years reported (SYNTHETIC figures made here, never shown), the
view of one kelurahan (the Renstra's first) and one year (the periode's last). Baselines measured
in the same run, because the machine is noisy: ``load_renstra()`` and ``metrics.pagu_program``.
The cases take turns within each round, so a busy spell weighs on all alike.

    .venv/bin/python bench/e80.py              # markdown table
    .venv/bin/python bench/e80.py --profil     # plus where the full form's time goes (cProfile)

Goal: the full form well under 0,5 s on an idle machine.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd

import metrics
from loaders import Renstra, load_renstra
from realisasi import TIPE_REALISASI, bingkai_kosong
from sajian.e80 import e80, tahun_form

BATAS_MS = 500  # the full form, idle machine


def laporan_sintetis(r: Renstra) -> pd.DataFrame:
    """SYNTHETIC realisasi (bench only): every T-C.27 line of the periode's last three years reported."""
    R = r.rencana
    d = R.loc[R["tahun"].isin(tahun_form(r)[-3:]), ["tahun", "item_id", "indikator_ke", "kelurahan"]].copy()
    d["kelurahan"] = d["kelurahan"].fillna("")
    d["realisasi"] = [float(i % 9) * 11.5 for i in range(len(d))]
    d["realisasi_rp"] = [float(i) * 1_000_000 for i in range(len(d))]
    return d.reset_index(drop=True).astype(TIPE_REALISASI)


def kasus(r: Renstra) -> dict[str, Callable[[], object]]:
    """Label -> call: the two baselines first, then the form's cases."""
    kosong, lapor = bingkai_kosong(), laporan_sintetis(r)
    kelurahan, tahun = sorted(r.kelurahan)[0], tahun_form(r)[-1]
    return {
        "patokan: load_renstra()": load_renstra,
        "patokan: metrics.pagu_program": lambda: metrics.pagu_program(r.rencana),
        "E.80 penuh, gudang kosong": lambda: e80(r, kosong),
        "E.80 penuh, semua baris 3 tahun terakhir dilaporkan": lambda: e80(r, lapor),
        f"E.80 satu kelurahan ({kelurahan})": lambda: e80(r, kosong, kelurahan=kelurahan),
        f"E.80 satu tahun ({tahun})": lambda: e80(r, kosong, tahun=(tahun, tahun)),
    }


def ukur(fungsi: dict[str, Callable[[], object]], putaran: int) -> dict[str, float]:
    """Median wall ms per case; every case once per round, in turn (one untimed warm-up round)."""
    waktu: dict[str, list[float]] = {n: [] for n in fungsi}
    for fn in fungsi.values():
        fn()
    for _ in range(putaran):
        for n, fn in fungsi.items():
            t = time.perf_counter()
            fn()
            waktu[n].append((time.perf_counter() - t) * 1000)
    return {n: statistics.median(w) for n, w in waktu.items()}


def tabel(hasil: dict[str, float]) -> str:
    """The markdown table: median ms and the ratio to both baselines."""
    muat, pagu = hasil["patokan: load_renstra()"], hasil["patokan: metrics.pagu_program"]
    baris = ["| kasus | median | ÷ load_renstra | ÷ pagu_program |", "|---|---:|---:|---:|"]
    baris += [f"| {n} | {ms:.0f} ms | {ms / muat:.2f} | {ms / pagu:.1f} |" for n, ms in hasil.items()]
    return "\n".join(baris)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark formulir E.80 (sajian.e80) pada Renstra bawaan.")
    ap.add_argument("--ulang", type=int, default=15, help="putaran (median)")
    ap.add_argument("--profil", action="store_true", help="cetak cProfile E.80 penuh")
    args = ap.parse_args(argv)
    r = load_renstra()
    hasil = ukur(kasus(r), args.ulang)
    print(tabel(hasil))
    penuh = hasil["E.80 penuh, gudang kosong"]
    print(f"\nE.80 penuh: {penuh:.0f} ms (sasaran < {BATAS_MS} ms pada mesin diam): "
          f"{'tercapai' if penuh < BATAS_MS else 'BELUM (mesin sibuk? lihat rasio)'}")  # fmt: skip
    if args.profil:
        pr = cProfile.Profile()
        pr.runcall(e80, r, bingkai_kosong())
        pstats.Stats(pr).sort_stats("cumulative").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
