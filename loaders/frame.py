"""Typed DataFrames from lists of records or columns, so an empty table still has its columns,
and ``Sel``: a raw table's cells column by column for the loaders."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from loaders.angka import Jenis

TEKS = "string"
ANGKA = "Float64"
BULAT = "Int64"

Larik = dict[str, np.ndarray]  # a parsed number column: per field of KOLOM_NILAI an object array
Urutan = list[tuple[str, Sequence[Any]]]  # a loader's reading order: column, per row its error or None


def bingkai(rekaman: list[dict[str, Any]], skema: dict[str, str]) -> pd.DataFrame:
    df = pd.DataFrame(rekaman, columns=list(skema))
    return df.astype(skema).reset_index(drop=True)


def bingkai_kolom(kolom: dict[str, Sequence[Any]], skema: dict[str, str]) -> pd.DataFrame:
    """``bingkai`` from columns (every key of ``skema``, equally long) instead of records."""
    return pd.DataFrame({k: _larik(np.asarray(kolom[k], dtype=object), d) for k, d in skema.items()})


def bingkai_rekaman(rekaman: list[dict[str, Any]], skema: dict[str, str]) -> pd.DataFrame:
    """``bingkai`` for records of plain values (str, int, float, bool, None), by way of columns."""
    return bingkai_kolom({k: [r.get(k) for r in rekaman] for k in skema}, skema)


def _larik(nilai: np.ndarray, dtype: str) -> pd.api.extensions.ExtensionArray:
    """``pd.array(nilai, dtype)``; text and numbers (Python int/float or None) without pandas' per-value loop."""
    if dtype == TEKS:
        try:
            return pd.arrays.ArrowStringArray(pa.array(nilai, type=pa.large_string(), from_pandas=True))
        except (pa.ArrowException, UnicodeEncodeError):  # not all text: pandas converts
            return pd.array(nilai, dtype=dtype)
    if dtype not in (ANGKA, BULAT):
        return pd.array(nilai, dtype=dtype)
    kosong = pd.isna(nilai)
    isi = np.where(kosong, 0, nilai)
    if dtype == ANGKA:
        return pd.arrays.FloatingArray(isi.astype(np.float64), kosong)
    return pd.arrays.IntegerArray(isi.astype(np.int64), kosong)


def gabung(bagian: list[dict[str, Any]], nama: Sequence[str]) -> dict[str, np.ndarray]:
    """The columns ``nama`` of several tables' columns, one table after another."""
    return {k: np.concatenate([np.asarray(b[k], dtype=object) for b in bagian] or [np.empty(0, object)]) for k in nama}


def panjang(per_baris: dict[str, Sequence[Any]], per_tahun: dict[str, list[Sequence[Any]]]) -> dict[str, np.ndarray]:
    """Long-form columns: a record per row and year (rows outer, years inner, as the loaders print).

    ``per_baris`` holds one value per row; ``per_tahun`` per column one sequence over the rows per year.
    """
    n_tahun = len(next(iter(per_tahun.values())))
    hasil = {k: np.repeat(np.asarray(v, dtype=object), n_tahun) for k, v in per_baris.items()}
    for k, per in per_tahun.items():
        hasil[k] = (
            np.column_stack([np.asarray(v, dtype=object) for v in per]).ravel() if n_tahun else np.empty(0, object)
        )
    return hasil


def ambil(
    kolom: dict[str, Larik], nama: Sequence[str], posisi: Sequence[int], bidang: dict[str, str]
) -> dict[str, list]:
    """From parsed number columns (``Sel.angka``): per output column ``k`` the field ``bidang[k]`` of each
    column in ``nama`` (one per year, for ``panjang``) at the rows ``posisi``."""
    indeks = np.asarray(posisi, dtype=np.intp)
    return {k: [kolom[n][f][indeks] for n in nama] for k, f in bidang.items()}


def _teks(v: Any) -> str:
    """A cell's text, as ``TabelMentah.teks``."""
    return "" if v is None else str(v).strip()


def baris_seksi(tm: Any, baris: int) -> str:
    """The text of a section row (only its first cell filled, e.g. 'Urusan Penunjang'), else ''."""
    keys = tm.formulir.keys
    pertama = tm.teks(baris, keys[0])
    if pertama and all(tm.teks(baris, k) == "" for k in keys[1:]):
        return pertama
    return ""


def baris_per_seksi(tm: Any) -> Iterator[tuple[int, str]]:
    """Data rows with the section heading (urusan) they stand under; the heading rows themselves are skipped."""
    sel = Sel(tm)
    for i, seksi in sel.per_seksi():
        yield sel.baris[i], seksi


class Sel:
    """The cells of a raw table read column by column: ``tm.teks`` and ``tm.angka`` without pandas per cell.

    Rows are addressed by position ``i`` in ``baris`` (the data row numbers, which errors name).
    """

    def __init__(self, tm: Any) -> None:
        self.tm = tm
        self.baris: list[int] = tm.baris_data()
        self._sel = tm.data.to_numpy(dtype=object)  # one array: a column of a DataFrame costs more to reach
        self._kolom = {k: j for j, k in enumerate(tm.data.columns)}
        self._teks: dict[str, list[str]] = {}

    def mentah(self, kolom: str) -> np.ndarray:
        """The cells of ``kolom`` as stored."""
        return self._sel[:, self._kolom[kolom]]

    def teks(self, kolom: str) -> list[str]:
        """``tm.teks`` of every row of ``kolom``."""
        if kolom not in self._teks:
            self._teks[kolom] = ["" if v is None else str(v).strip() for v in self.mentah(kolom).tolist()]
        return self._teks[kolom]

    def seksi(self) -> list[str]:
        """``baris_seksi`` of every row."""
        keys = self.tm.formulir.keys
        lain = [self.mentah(k) for k in keys[1:]]
        return [p and ("" if any(_teks(k[i]) for k in lain) else p) for i, p in enumerate(self.teks(keys[0]))]

    def per_seksi(self) -> list[tuple[int, str]]:
        """``baris_per_seksi`` by position."""
        hasil, seksi = [], ""
        for i, judul in enumerate(self.seksi()):
            if judul:
                seksi = judul
            else:
                hasil.append((i, seksi))
        return hasil

    def angka(self, kolom: Sequence[str], jenis: Jenis = "nilai") -> dict[str, Larik]:
        """``tm.angka_larik``: the number columns, read in one pass with any not read yet."""
        return self.tm.angka_larik(kolom, jenis)

    def galat_pertama(self, urutan: Urutan) -> list[int]:
        """Per row, the index in ``urutan`` of its first error, -1 if none."""
        if not urutan:
            return [-1] * len(self.baris)
        ada = np.column_stack([pd.notna(np.asarray(g, dtype=object)) for _, g in urutan])
        return np.where(ada.any(axis=1), ada.argmax(axis=1), -1).tolist()

    def cek(self, i: int, urutan: Urutan, pertama: list[int]) -> None:
        """Raise, as ``tm.angka`` would, the first error of row ``i`` (``pertama``: ``galat_pertama``)."""
        if pertama[i] >= 0:
            kolom, galat = urutan[pertama[i]]
            raise self.tm.galat(galat[i], self.baris[i], kolom)
