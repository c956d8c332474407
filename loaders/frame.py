"""Typed DataFrames from lists of records, so an empty table still has its columns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd

TEKS = "string"
ANGKA = "Float64"
BULAT = "Int64"


def bingkai(rekaman: list[dict[str, Any]], skema: dict[str, str]) -> pd.DataFrame:
    df = pd.DataFrame(rekaman, columns=list(skema))
    return df.astype(skema).reset_index(drop=True)


def baris_seksi(tm: Any, baris: int) -> str:
    """The text of a section row (only its first cell filled, e.g. 'Urusan Penunjang'), else ''."""
    keys = tm.formulir.keys
    pertama = tm.teks(baris, keys[0])
    if pertama and all(tm.teks(baris, k) == "" for k in keys[1:]):
        return pertama
    return ""


def baris_per_seksi(tm: Any) -> Iterator[tuple[int, str]]:
    """Data rows with the section heading (urusan) they stand under; the heading rows themselves are skipped."""
    seksi = ""
    for b in tm.baris_data():
        judul = baris_seksi(tm, b)
        if judul:
            seksi = judul
            continue
        yield b, seksi
