"""A Renstra table as a workbook sheet in its printed layout, and the workbook reader's checks.

Each sheet carries the form's two header rows with merged cells (a group heading such as
"Anggaran pada Tahun ke-" spans its year columns), the numbered column row, then the data
as text exactly as printed. Reading goes through the same checks as a realisasi upload
(``loaders.arsip``: sizes, lying zip headers, DTD/ENTITY in any part and encoding, macros and
other content; ``loaders.buku_kerja``: cells read without openpyxl, formulas refused) with a
workbook's larger limits. The whole workbook (identity, kelurahan, list of tables) is
``loaders.templat_renstra``.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from ekspor import tulis_sel
from loaders import arsip, buku_kerja
from loaders.buku_kerja import Buku, Lembar
from loaders.errors import DaftarMasalahError, Masalah, RenstraError
from loaders.forms import RANCANGAN, BentukError, Formulir, Rancangan
from loaders.mentah import TabelMentah, dari_baris


def _rentang_grup(formulir: Formulir) -> list[tuple[str, int, int]]:
    """(group heading, first col, last col), 1-based, for contiguous runs of one group."""
    rentang: list[tuple[str, int, int]] = []
    for j, k in enumerate(formulir.kolom, start=1):
        if k.grup and rentang and rentang[-1][0] == k.grup and rentang[-1][2] == j - 1:
            rentang[-1] = (k.grup, rentang[-1][1], j)
        elif k.grup:
            rentang.append((k.grup, j, j))
    return rentang


def tulis_lembar_form(wb: Any, nama: str, f: Formulir, baris_nomor: list[str], data: Any) -> None:
    """One table as a sheet in its printed layout: two header rows (groups merged), the numbered row, the data."""
    ws = wb.create_sheet(title=nama[:31])
    tebal, latar = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    tengah = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for j, k in enumerate(f.kolom, start=1):
        if not k.grup:
            tulis_sel(ws, 1, j, k.label)
            ws.merge_cells(start_row=1, start_column=j, end_row=2, end_column=j)
        else:
            tulis_sel(ws, 2, j, k.label)
        ws.column_dimensions[get_column_letter(j)].width = 14 if k.grup else 28
    for judul, awal, akhir in _rentang_grup(f):
        tulis_sel(ws, 1, awal, judul)
        if akhir > awal:
            ws.merge_cells(start_row=1, start_column=awal, end_row=1, end_column=akhir)
    baris = 3
    if f.baris_nomor:
        for j, v in enumerate(baris_nomor, start=1):
            tulis_sel(ws, 3, j, v)
        baris = 4
    for r in range(1, baris):
        for j in range(1, len(f.kolom) + 1):
            c = ws.cell(row=r, column=j)
            c.font, c.fill, c.alignment = tebal, latar, tengah
    if data is not None:
        for i, nomor in enumerate(data.index):
            for j, key in enumerate(f.keys, start=1):
                v = data.at[nomor, key]
                if v != "" and v is not None:
                    tulis_sel(ws, baris + i, j, v).number_format = "@"
    ws.freeze_panes = ws.cell(row=baris, column=1)


# The bundled Renstra as a workbook: 47 KB, 0,3 MB inflated, 3.135 cells; a perangkat daerah with
# ten times its programs stays far inside these bounds, which keep any file under 3 s and +256 MB.
BATAS = arsip.Batas(berkas=10 * arsip.MB, isi=30 * arsip.MB, bagian=500)
BATAS_SEL = 100_000  # cells of all sheets together (the bundled Renstra has 3.135)
BATAS_BARIS, BATAS_KOLOM = 5000, 200


def _nilai_sel(w: Lembar, r: int, c: int, tabel: str) -> Any:
    """A cell as the raw table wants it: text or number as stored; a formula is refused."""
    s = w[(r, c)]
    if s.nilai is None:
        return ""
    if s.rumus:
        raise RenstraError(
            f"sel berisi rumus '{str(s.nilai)[:40]}'; tulis nilainya, bukan rumus",
            tabel=f"{tabel} (lembar '{w.nama}')",
            baris=r,
            kolom=get_column_letter(c),
        )
    if s.jenis == "b":
        return "TRUE" if s.nilai else "FALSE"
    if s.jenis == "d" and isinstance(s.nilai, int | float):
        try:
            return str(from_excel(s.nilai))
        except (ValueError, OverflowError, TypeError):
            return str(s.nilai)
    return s.nilai


def _normal(teks: Any) -> str:
    return re.sub(r"\s+", " ", str(teks or "")).strip().lower()


def buka_buku(data: bytes, nama: str) -> Buku:
    """The archive and cell checks shared with the realisasi upload (``loaders.arsip``, ``loaders.buku_kerja``).

    Raises :class:`DaftarMasalahError` with every problem found (each refused part, named by sheet).
    """
    try:
        a = arsip.buka(data, nama, BATAS)
        masalah = [Masalah(pesan, lembar=w) for pesan, w in arsip.periksa_isi(a, arsip.nama_lembar(a))]
        if masalah:
            raise DaftarMasalahError(masalah, nama)
        return buku_kerja.baca(a, batas_sel=BATAS_SEL)
    except arsip.DTDError as e:
        raise DaftarMasalahError([Masalah(e.pesan, lembar=e.lembar)], nama) from None
    except DaftarMasalahError:
        raise
    except RenstraError as e:
        raise DaftarMasalahError([Masalah(e.pesan)], nama) from None


def judul_dua_baris(w: Lembar, lebar: int) -> list[list[Any]]:
    """The two printed header rows, a merged cell's value spread over every cell it covers."""
    header = [[w[(r, j)].nilai for j in range(1, lebar + 1)] for r in (1, 2)]
    for r1, c1, r2, c2 in w.gabungan:
        if r1 <= 2:
            v = w[(r1, c1)].nilai
            for r in range(r1, min(r2, 2) + 1):
                for j in range(c1, min(c2, lebar) + 1):
                    header[r - 1][j - 1] = v
    return header


def tata_letak_lembar(w: Lembar, rancangan: Rancangan, lokasi: str, akhir: int | None) -> Formulir:
    """The layout a sheet's header shows: the form's columns with the years its header prints."""
    header = judul_dua_baris(w, w.max_kolom)
    try:
        return rancangan.dari_judul(header[0], header[1], akhir)
    except BentukError as e:
        raise RenstraError(
            e.pesan, tabel=lokasi, baris=e.baris or 1, kolom=get_column_letter((e.kolom or 0) + 1)
        ) from None


def baca_lembar_form(w: Lembar, meta: dict[str, Any], akhir: int | None) -> TabelMentah:
    """One table sheet of the form ``meta['formulir']``, its header checked, its rows as printed."""
    tid, label = str(meta["id"]), str(meta.get("label") or meta["id"])
    rancangan = RANCANGAN[str(meta["formulir"])]
    if w.max_baris > BATAS_BARIS or w.max_kolom > BATAS_KOLOM:
        raise RenstraError(f"lembar terlalu besar ({w.max_baris} baris, {w.max_kolom} kolom)", tabel=label)
    lokasi = f"{label} (lembar '{w.nama}')"
    if w.max_baris <= 1 and not any(judul_dua_baris(w, w.max_kolom)[0]):
        raise RenstraError("lembar kosong", tabel=lokasi, baris=1)
    formulir = tata_letak_lembar(w, rancangan, lokasi, akhir)
    n = len(formulir.kolom)
    header = judul_dua_baris(w, n)
    for j, k in enumerate(formulir.kolom, start=1):
        atas, bawah = (k.grup, k.label) if k.grup else (k.label, k.label)
        for r, harap in ((1, atas), (2, bawah)):
            if _normal(header[r - 1][j - 1]) != _normal(harap):
                raise RenstraError(
                    f"judul kolom '{str(header[r - 1][j - 1] or '')[:60]}' tidak sesuai formulir {formulir.kode}, "
                    f"seharusnya '{harap}' (kolom bergeser atau hilang?)",
                    tabel=lokasi,
                    baris=r,
                    kolom=get_column_letter(j),
                )
    extra = w[(2, n + 1)].nilai or w[(1, n + 1)].nilai
    if extra:
        raise RenstraError(
            f"ada kolom tambahan '{str(extra)[:60]}' yang bukan bagian formulir {formulir.kode}",
            tabel=lokasi,
            baris=1,
            kolom=get_column_letter(n + 1),
        )
    lebar = max(n, w.max_kolom)
    baris = [[_nilai_sel(w, r, c, label) for c in range(1, lebar + 1)] for r in range(3, max(w.max_baris, 3) + 1)]
    return dari_baris(tid, formulir, meta, f"lembar '{w.nama}'", baris, baris_header=2, huruf_kolom=True)
