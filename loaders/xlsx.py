"""The Renstra as one .xlsx workbook: one sheet per table in the printed layout.

Each sheet carries the form's two header rows with merged cells (a group heading
such as "Anggaran pada Tahun ke-" spans its year columns), the numbered column row,
then the data as text exactly as printed. A sheet named ``manifest`` carries the
manifest. Reading checks the file before parsing it: size, that it is a zip, the
decompressed size and ratio (zip bombs); XML entity bombs are refused by defusedxml,
which openpyxl uses when it is installed.
"""

from __future__ import annotations

import io
import re
import tomllib
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from loaders import arsip
from loaders.errors import RenstraError
from loaders.forms import FORMULIR, Formulir
from loaders.mentah import TabelMentah, dari_baris

LEMBAR_MANIFEST = "manifest"


def _rentang_grup(formulir: Formulir) -> list[tuple[str, int, int]]:
    """(group heading, first col, last col), 1-based, for contiguous runs of one group."""
    rentang: list[tuple[str, int, int]] = []
    for j, k in enumerate(formulir.kolom, start=1):
        if k.grup and rentang and rentang[-1][0] == k.grup and rentang[-1][2] == j - 1:
            rentang[-1] = (k.grup, rentang[-1][1], j)
        elif k.grup:
            rentang.append((k.grup, j, j))
    return rentang


def _tulis_teks(ws: Any, baris: int, kolom: int, nilai: Any) -> None:
    sel = ws.cell(row=baris, column=kolom, value=nilai)
    if isinstance(nilai, str):
        sel.data_type = "s"  # never a live formula, whatever the text starts with
        sel.number_format = "@"


def tulis_xlsx(manifest_teks: str, tabel: dict[str, TabelMentah], tujuan: Path | IO[bytes]) -> None:
    """Write the raw tables and the manifest as one workbook."""
    wb = Workbook()
    wb.remove(wb.active)
    tebal = Font(bold=True)
    latar = PatternFill("solid", fgColor="DDEBF7")
    tengah = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for tid, tm in tabel.items():
        ws = wb.create_sheet(title=tid[:31])
        f = tm.formulir
        grup = _rentang_grup(f)
        for j, k in enumerate(f.kolom, start=1):
            if not k.grup:
                _tulis_teks(ws, 1, j, k.label)
                ws.merge_cells(start_row=1, start_column=j, end_row=2, end_column=j)
            else:
                _tulis_teks(ws, 2, j, k.label)
            ws.column_dimensions[get_column_letter(j)].width = 14 if k.grup else 28
        for judul, awal, akhir in grup:
            _tulis_teks(ws, 1, awal, judul)
            if akhir > awal:
                ws.merge_cells(start_row=1, start_column=awal, end_row=1, end_column=akhir)
        baris = 3
        if f.baris_nomor:
            for j, v in enumerate(tm.baris_nomor, start=1):
                _tulis_teks(ws, 3, j, v)
            baris = 4
        for r in (1, 2, 3):
            for j in range(1, len(f.kolom) + 1):
                c = ws.cell(row=r, column=j)
                if r < 3 or f.baris_nomor:
                    c.font, c.fill, c.alignment = tebal, latar, tengah
        for i, nomor in enumerate(tm.data.index):
            for j, key in enumerate(f.keys, start=1):
                v = tm.data.at[nomor, key]
                if v != "" and v is not None:
                    _tulis_teks(ws, baris + i, j, v)
        ws.freeze_panes = ws.cell(row=baris, column=1)
    ws = wb.create_sheet(title=LEMBAR_MANIFEST)
    for i, teks in enumerate(manifest_teks.splitlines(), start=1):
        _tulis_teks(ws, i, 1, teks)
    ws.column_dimensions["A"].width = 120
    wb.save(tujuan)


def _nilai_sel(ws: Any, sel: Any, tabel: str) -> Any:
    v = sel.value
    if v is None:
        return ""
    if isinstance(v, str) and sel.data_type == "f":
        raise RenstraError(
            f"sel berisi rumus '{v[:40]}'; tulis nilainya, bukan rumus",
            tabel=f"{tabel} (lembar '{ws.title}')",
            baris=sel.row,
            kolom=sel.column_letter,
        )
    if isinstance(v, bool) or not isinstance(v, (str, int, float)):
        return str(v)
    return v


def _normal(teks: Any) -> str:
    return re.sub(r"\s+", " ", str(teks or "")).strip().lower()


def baca_xlsx(sumber: Path | bytes, nama: str = "") -> tuple[str, dict[str, Any], dict[str, TabelMentah]]:
    """Read a workbook written by :func:`tulis_xlsx` (or filled in by hand in that layout)."""
    data = sumber.read_bytes() if isinstance(sumber, Path) else sumber
    nama = nama or (sumber.name if isinstance(sumber, Path) else "buku kerja")
    arsip.periksa_arsip(data, nama)
    try:
        dtd = arsip.bagian_dtd(data)
    except Exception:  # a broken part: worded by the workbook reader below
        dtd = None
    if dtd is not None:
        raise RenstraError(
            f"berkas '{nama}' ditolak: bagian '{dtd}' memuat deklarasi DOCTYPE/ENTITY XML (bom entitas XML?); "
            "Excel tidak pernah menulisnya, simpan ulang dari Excel"
        )
    try:
        wb = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as e:  # openpyxl raises many types for a broken workbook
        raise RenstraError(f"berkas '{nama}' tidak dapat dibaca sebagai buku kerja Excel: {type(e).__name__}") from None
    if LEMBAR_MANIFEST not in wb.sheetnames:
        raise RenstraError(f"buku kerja '{nama}' tidak punya lembar '{LEMBAR_MANIFEST}'")
    baris_manifest = [
        "" if r[0] is None else str(r[0]) for r in wb[LEMBAR_MANIFEST].iter_rows(max_col=1, values_only=True)
    ]
    manifest_teks = "\n".join(baris_manifest) + "\n"
    try:
        manifest = tomllib.loads(manifest_teks)
    except tomllib.TOMLDecodeError as e:
        raise RenstraError(f"lembar '{LEMBAR_MANIFEST}' bukan TOML yang sah: {e}") from None
    tabel: dict[str, TabelMentah] = {}
    for meta in manifest.get("tabel", []):
        tid = str(meta.get("id"))
        label = str(meta.get("label") or tid)
        formulir = FORMULIR.get(str(meta.get("formulir")))
        if formulir is None:
            raise RenstraError(f"formulir '{meta.get('formulir')}' tidak dikenal", tabel=label)
        if tid[:31] not in wb.sheetnames:
            raise RenstraError(f"lembar '{tid[:31]}' tidak ada di buku kerja '{nama}'", tabel=label)
        ws = wb[tid[:31]]
        tabel[tid] = _baca_lembar(ws, tid, formulir, meta, label)
    return manifest_teks, manifest, tabel


def _baca_lembar(ws: Any, tid: str, formulir: Formulir, meta: dict[str, Any], label: str) -> TabelMentah:
    n = len(formulir.kolom)
    if ws.max_row > 5000 or ws.max_column > 200:
        raise RenstraError(f"lembar terlalu besar ({ws.max_row} baris, {ws.max_column} kolom)", tabel=label)
    header = [[ws.cell(row=r, column=j).value for j in range(1, n + 1)] for r in (1, 2)]
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= 2:
            v = ws.cell(row=rng.min_row, column=rng.min_col).value
            for r in range(rng.min_row, min(rng.max_row, 2) + 1):
                for j in range(rng.min_col, min(rng.max_col, n) + 1):
                    header[r - 1][j - 1] = v
    lokasi = f"{label} (lembar '{ws.title}')"
    if not any(header[0]) and ws.max_row <= 1:
        raise RenstraError("lembar kosong", tabel=lokasi, baris=1)
    for j, k in enumerate(formulir.kolom, start=1):
        atas, bawah = (k.grup, k.label) if k.grup else (k.label, k.label)
        for r, harap in ((1, atas), (2, bawah)):
            if _normal(header[r - 1][j - 1]) != _normal(harap):
                raise RenstraError(
                    f"judul kolom '{header[r - 1][j - 1] or ''}' tidak sesuai formulir {formulir.kode}, "
                    f"seharusnya '{harap}' (kolom bergeser atau hilang?)",
                    tabel=lokasi,
                    baris=r,
                    kolom=get_column_letter(j),
                )
    extra = ws.cell(row=2, column=n + 1).value or ws.cell(row=1, column=n + 1).value
    if extra:
        raise RenstraError(
            f"ada kolom tambahan '{extra}' yang bukan bagian formulir {formulir.kode}",
            tabel=lokasi,
            baris=1,
            kolom=get_column_letter(n + 1),
        )
    baris = [
        [_nilai_sel(ws, c, label) for c in row]
        for row in ws.iter_rows(min_row=3, max_row=max(ws.max_row, 3), max_col=max(n, ws.max_column))
    ]
    return dari_baris(tid, formulir, meta, f"lembar '{ws.title}'", baris, baris_header=2, huruf_kolom=True)
