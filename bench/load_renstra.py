"""Benchmark (not a test): how long load_renstra() takes on the bundled data and on 10x and 100x of it.

The 10x and 100x Renstra are synthetic (``bench.halaman.folder_sintetis``: every table's data
rows repeated, never shown in the app). Each size is compared with baselines measured in the
same run on the same files, so a slow machine slows both alike: reading the rows with the csv
module, and with pandas.read_csv (every cell as text, nothing parsed).

Goal (issue 12): loading 100x takes at most 10x the time of 1x.

    .venv/bin/python bench/load_renstra.py              # table of 1x, 10x, 100x
    .venv/bin/python bench/load_renstra.py --profil     # plus where the time goes (cProfile) at 1x and 100x
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import pstats
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd

from bench._waktu import median_ms
from bench.halaman import folder_sintetis
from loaders import audit_renstra, load_renstra
from loaders.renstra import FOLDER_BAWAAN

UKURAN = (1, 10, 100)
BATAS_RASIO = 10  # 100x within 10x of 1x


def _csv_reader(folder: Path) -> None:
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            list(csv.reader(fh))


def _read_csv(folder: Path) -> None:
    for path in sorted(folder.glob("*.csv")):
        pd.read_csv(path, dtype=str, keep_default_na=False, header=None)


def ukur(folder: dict[int, Path], putaran: int) -> dict[int, dict[str, float]]:
    """Median ms per size of the two baselines and of load_renstra.

    The sizes take turns within each round, so a busy spell of the machine weighs on all alike;
    within a round a small size is timed a few times (median), 100x once.
    """
    fungsi: dict[str, Callable[[Path], object]] = {"csv": _csv_reader, "pandas": _read_csv, "muat": load_renstra}
    waktu: dict[int, dict[str, list[float]]] = {k: {n: [] for n in fungsi} for k in folder}
    for f in folder.values():
        load_renstra(f)
    for _ in range(putaran):
        for k, f in folder.items():
            for n, fn in fungsi.items():
                waktu[k][n].append(median_ms(lambda fn=fn, f=f: fn(f), max(1, 9 // k), panaskan=False))
    return {k: {n: statistics.median(v) for n, v in w.items()} for k, w in waktu.items()}


def profil(folder: Path, n: int = 25) -> None:
    """The functions load_renstra spends most time in (cumulative), printed."""
    load_renstra(folder)
    pr = cProfile.Profile()
    pr.runcall(load_renstra, folder)
    pstats.Stats(pr).sort_stats("cumulative").print_stats(n)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark load_renstra pada 1x, 10x dan 100x data.")
    ap.add_argument("--ulang", type=int, default=5, help="putaran (median); tiap putaran mengukur semua ukuran")
    ap.add_argument("--profil", action="store_true", help="cetak cProfile load_renstra pada 1x dan 100x")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = {k: FOLDER_BAWAAN if k == 1 else folder_sintetis(k, Path(tmp) / f"x{k}") for k in UKURAN}
        hasil = ukur(folder, args.ulang)
        if args.profil:
            for k in (1, 100):
                print(f"\n## cProfile load_renstra, {k}x")
                profil(folder[k])
    satu = hasil[1]["muat"]
    print("| ukuran | csv.reader | pandas.read_csv | load_renstra | ÷ csv.reader | ÷ read_csv | ÷ 1x |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for k, h in hasil.items():
        print(
            f"| {k}x | {h['csv']:.1f} ms | {h['pandas']:.1f} ms | {h['muat']:.1f} ms "
            f"| {h['muat'] / h['csv']:.0f} | {h['muat'] / h['pandas']:.1f} | {h['muat'] / satu:.1f} |"
        )
    rasio = hasil[100]["muat"] / satu
    print(f"\n100x ÷ 1x = {rasio:.1f} (sasaran ≤ {BATAS_RASIO}): {'tercapai' if rasio <= BATAS_RASIO else 'BELUM'}")
    renstra = load_renstra()
    print(f"audit_renstra() 1x: {median_ms(lambda: audit_renstra(renstra), args.ulang):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
