"""Benchmark (not a test): how long load_renstra() takes on the bundled data.

Compares against a baseline measured in the same run: reading the same CSV files
with the csv module and nothing else, so a slow machine slows both alike.

    .venv/bin/python bench/load_renstra.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._waktu import median_ms
from loaders import audit_renstra, load_renstra
from loaders.renstra import FOLDER_BAWAAN


def _baseline() -> None:
    for path in sorted(FOLDER_BAWAAN.glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            list(csv.reader(fh))


def main() -> None:
    dasar = median_ms(_baseline)
    muat = median_ms(load_renstra)
    renstra = load_renstra()
    audit = median_ms(lambda: audit_renstra(renstra))
    print(f"baseline (csv.reader on the same files): {dasar:8.2f} ms")
    print(f"load_renstra()                         : {muat:8.2f} ms  ({muat / dasar:.0f}x baseline)")
    print(f"audit_renstra()                        : {audit:8.2f} ms")


if __name__ == "__main__":
    main()
