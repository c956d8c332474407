"""Raw tables: each table of a Renstra as printed, one string (or number) per cell.

This is the boundary where a file becomes a table. It checks the layout (header,
numbered column row, row widths) against the form and remembers, for every data
row, where it stands in the file so that later errors can name it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from loaders.angka import KOLOM_NILAI, Jenis, Nilai, baca_angka_larik
from loaders.errors import RenstraError
from loaders.forms import RANCANGAN, Formulir

BATAS_BERKAS_CSV = 5 * 1024 * 1024  # a Renstra table is a few kilobytes


@dataclass
class TabelMentah:
    """One table as printed. ``data`` is indexed by data row number (1 = first row after the header)."""

    id: str
    formulir: Formulir
    meta: dict[str, Any]
    data: pd.DataFrame
    baris_nomor: list[str]
    berkas: str
    baris_fisik: dict[int, int] = field(default_factory=dict)
    huruf_kolom: bool = False

    @property
    def label(self) -> str:
        return str(self.meta.get("label") or self.meta.get("nomor") or self.id)

    def galat(self, pesan: str, baris: int | None = None, kolom: str | None = None) -> RenstraError:
        """An error naming this table, the row in its file and the column's printed label."""
        nama_kolom = None
        if kolom is not None:
            nama_kolom = f"'{self.formulir.label(kolom)}'"
            if self.huruf_kolom:
                from openpyxl.utils import get_column_letter

                nama_kolom += f" ({get_column_letter(self.formulir.keys.index(kolom) + 1)})"
        return RenstraError(
            pesan,
            tabel=f"{self.label} ({self.berkas})",
            baris=self.baris_fisik.get(baris, baris) if baris is not None else None,
            kolom=nama_kolom,
        )

    def teks(self, baris: int, kolom: str) -> str:
        v = self.data.at[baris, kolom]
        return "" if v is None else str(v).strip()

    def angka(self, baris: int, kolom: str, jenis: Jenis = "nilai") -> Nilai:
        """Parse one number cell; a bad cell becomes a RenstraError naming table, row, column."""
        sel = self._angka_per_baris(kolom, jenis)[baris]
        if sel[-1] is not None:
            raise self.galat(sel[-1], baris, kolom)
        return Nilai(*sel[:-1])

    def angka_kolom(self, kolom: str, jenis: Jenis = "nilai") -> pd.DataFrame:
        """One number column read by ``baca_angka_seri``: a row per data row (same index), columns
        ``KOLOM_NILAI``. Nothing is raised: a bad cell's message is in ``galat``, for the loader to
        raise (``self.galat(pesan, baris, kolom)``) where it reads that cell, as ``angka`` would.
        """
        return pd.DataFrame(self.angka_larik([kolom], jenis)[kolom], index=self.data.index, dtype=object)

    def angka_larik(self, kolom: Sequence[str], jenis: Jenis = "nilai") -> dict[str, dict[str, np.ndarray]]:
        """``angka_kolom`` without pandas: per column, per field of ``KOLOM_NILAI`` an object array in
        ``data`` row order. Every column is read once per table (kept: ``data`` does not change after
        loading); the ones not read yet in one vectorised pass (see ``siapkan_angka``).
        """
        siapkan_angka([(self, kolom, jenis)])
        simpan = self._simpan_angka()
        return {k: simpan[(k, jenis)] for k in kolom}

    def _simpan_angka(self) -> dict[tuple[str, ...], Any]:
        return self.__dict__.setdefault("_simpan_angka_", {})

    def _angka_per_baris(self, kolom: str, jenis: Jenis) -> dict[int, tuple[Any, ...]]:
        simpan = self._simpan_angka()
        if (kolom, jenis, "baris") not in simpan:
            larik = self.angka_larik([kolom], jenis)[kolom]
            per_sel = zip(*(larik[k] for k in KOLOM_NILAI), strict=True)
            simpan[(kolom, jenis, "baris")] = dict(zip(self.data.index, per_sel, strict=True))
        return simpan[(kolom, jenis, "baris")]

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (``st.cache_data``) without the parsed numbers."""
        return {k: v for k, v in self.__dict__.items() if k != "_simpan_angka_"}

    def baris_data(self) -> list[int]:
        return list(self.data.index)


def siapkan_angka(minta: Iterable[tuple[TabelMentah, Sequence[str], Jenis]]) -> None:
    """Read the number columns asked for (table, columns, kind) that are not read yet: one
    ``baca_angka_larik`` pass per kind for all of them, as a pass costs more than a small table's cells."""
    per_jenis: dict[Jenis, dict[tuple[int, str], tuple[TabelMentah, str]]] = {}
    for tm, kolom, jenis in minta:
        simpan = tm._simpan_angka()
        baru = per_jenis.setdefault(jenis, {})
        baru |= {(id(tm), k): (tm, k) for k in kolom if (k, jenis) not in simpan and k in tm.data.columns}
    for jenis, baru in per_jenis.items():
        if not baru:
            continue
        sel = np.concatenate([tm.data.to_numpy(dtype=object)[:, tm.data.columns.get_loc(k)] for tm, k in baru.values()])
        hasil = baca_angka_larik(sel, jenis)
        awal = 0
        for tm, k in baru.values():
            akhir = awal + len(tm.data)
            tm._simpan_angka()[(k, jenis)] = {f: v[awal:akhir] for f, v in hasil.items()}
            awal = akhir


def _cek_baris_nomor(sel: list[Any], tm_galat: Any, baris: int) -> list[str]:
    teks = ["" if v is None else str(v).strip() for v in sel]
    if not any(teks) or not all(t == "" or (t.isdigit() and len(t) <= 4) for t in teks):
        raise tm_galat(
            f"baris nomor kolom (1, 2, 3, ...) tidak ditemukan; ditemukan {teks[:6]}... "
            "Judul kolom mungkin bergeser atau baris nomor terhapus",
            baris,
        )
    return teks


def baca_csv(folder: Path, meta: dict[str, Any], akhir: int | None = None) -> TabelMentah:
    """Read one table's CSV, checking its header against the form (its years read from the header).

    ``akhir`` is the period's last year (T-C.27 heads that year's columns differently).
    """
    tid = str(meta.get("id", "?"))
    rancangan = RANCANGAN.get(str(meta.get("formulir")))
    berkas = str(meta.get("berkas", ""))
    label = str(meta.get("label") or tid)
    if rancangan is None:
        raise RenstraError(f"formulir '{meta.get('formulir')}' tidak dikenal", tabel=label)
    path = folder / berkas
    if not path.is_file():
        raise RenstraError(f"berkas '{berkas}' tidak ditemukan di {folder}", tabel=label)
    if path.stat().st_size > BATAS_BERKAS_CSV:
        raise RenstraError(f"berkas '{berkas}' terlalu besar (lebih dari 5 MB)", tabel=label)
    try:
        isi = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise RenstraError(f"berkas '{berkas}' bukan teks UTF-8", tabel=label) from None
    baris_csv = list(csv.reader(io.StringIO(isi)))
    formulir = rancangan.dari_kunci(baris_csv[0] if baris_csv else [], akhir)
    return dari_baris(tid, formulir, meta, berkas, baris_csv, baris_header=1)


def dari_baris(
    tid: str,
    formulir: Formulir,
    meta: dict[str, Any],
    berkas: str,
    semua: list[list[Any]],
    baris_header: int,
    huruf_kolom: bool = False,
) -> TabelMentah:
    """Build a raw table from rows that start right after the header row(s).

    ``semua[0]`` is the CSV header (for a workbook, the already-checked last header
    row); ``baris_header`` is how many physical rows the header took.
    """
    n = len(formulir.keys)
    kosong = TabelMentah(tid, formulir, meta, pd.DataFrame(), [], berkas, huruf_kolom=huruf_kolom)
    if not semua or not any(str(v).strip() for v in semua[0] if v is not None):
        raise kosong.galat("berkas kosong: tidak ada judul kolom maupun data", 1)
    if not huruf_kolom:
        header = [str(v).strip() for v in semua[0]]
        for i, key in enumerate(formulir.keys):
            if key not in header:
                raise kosong.galat(f"kolom '{key}' tidak ada; kolom yang diharapkan: {', '.join(formulir.keys)}", 1)
            if i >= len(header) or header[i] != key:
                raise kosong.galat(
                    f"kolom ke-{i + 1} seharusnya '{key}' tetapi '{header[i] if i < len(header) else ''}' "
                    "(urutan kolom bergeser)",
                    1,
                )
        if len(header) > n:
            raise kosong.galat(f"ada kolom tambahan '{header[n]}' yang bukan bagian formulir {formulir.kode}", 1)
        sisa = semua[1:]
    else:
        sisa = semua
    fisik = baris_header + 1
    nomor: list[str] = []
    if formulir.baris_nomor:
        if not sisa:
            raise kosong.galat("baris nomor kolom tidak ada", fisik)
        nomor = _cek_baris_nomor(list(sisa[0])[:n], kosong.galat, fisik)
        sisa = sisa[1:]
        fisik += 1
    rekaman: list[list[Any]] = []
    posisi: dict[int, int] = {}
    for i, sel in enumerate(sisa):
        baris_ini = fisik + i
        sel = ["" if v is None else (v.strip() if isinstance(v, str) else v) for v in sel]
        if not any(v != "" for v in sel):
            continue
        if len(sel) > n and any(v != "" for v in sel[n:]):
            raise kosong.galat(f"baris berisi {len(sel)} sel, formulir {formulir.kode} hanya {n} kolom", baris_ini)
        sel = (list(sel) + [""] * n)[:n]
        rekaman.append(sel)
        posisi[len(rekaman)] = baris_ini
    if not rekaman:
        raise kosong.galat("tabel tidak berisi baris data", fisik)
    data = pd.DataFrame(rekaman, columns=formulir.keys, index=range(1, len(rekaman) + 1), dtype=object)
    return TabelMentah(tid, formulir, meta, data, nomor, berkas, posisi, huruf_kolom)
