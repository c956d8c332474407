"""The Musrenbang workbook (.xlsx): the deck's tables, one sheet per slide, ready to edit in Excel.

Each sheet: title (row 1), source line (row 2), the slide's message or nothing (row 3), the
header (row 4, bold, frozen below), then the data. Numbers stay numbers with Excel formats per
column kind (``formatting.FORMAT_EXCEL``: Rupiah, %, counts), shown in the reader's own locale.
Cells are written by ``ekspor.tulis_sel``, the writer of every download button: text that starts
with ``= + - @`` is quote-prefixed text, never a formula; an empty value stays an empty cell.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

import formatting as fmt
import kosakata
from ekspor import tulis_sel
from musrenbang.isi import Slaid, nama_pendek

MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BARIS_JUDUL, BARIS_SUMBER, BARIS_PESAN, BARIS_KEPALA = 1, 2, 3, 4
_PANJANG_NAMA = 31  # Excel's limit for a sheet name
_TAK_BOLEH = re.compile(r"[\[\]:*?/\\']")


def _warna(hex_: str) -> str:
    """A ``kosakata`` colour as openpyxl writes it (``555555``, no ``#``)."""
    return hex_.lstrip("#")


def nama_lembar(slaid: Sequence[Slaid]) -> list[str]:
    """A sheet name per slide, as the page's tab (``2. Pagu per tahun``): at most 31 characters,
    unique (``-2``, ``-3`` ...), without the characters Excel refuses."""
    hasil: list[str] = []
    for nomor, s in enumerate(slaid, start=1):
        dasar = _TAK_BOLEH.sub("-", nama_pendek(nomor, s)).strip() or "slaid"
        nama, n = dasar[:_PANJANG_NAMA], 1
        while nama.lower() in {h.lower() for h in hasil}:
            n += 1
            akhiran = f"-{n}"
            nama = dasar[: _PANJANG_NAMA - len(akhiran)] + akhiran
        hasil.append(nama)
    return hasil


def _lembar(wb: Workbook, nama: str, s: Slaid) -> None:
    """One slide as one sheet (layout in the module docstring)."""
    ws = wb.create_sheet(nama)
    tulis_sel(ws, BARIS_JUDUL, 1, s.judul).font = Font(bold=True, size=13)
    tulis_sel(ws, BARIS_SUMBER, 1, s.sumber).font = Font(italic=True, color=_warna(kosakata.TEKS_LEMAH))
    if s.pesan:
        tulis_sel(ws, BARIS_PESAN, 1, s.pesan).font = Font(bold=True, color=_warna(kosakata.TEKS_PESAN))
    tebal, latar = Font(bold=True), PatternFill("solid", fgColor=_warna(kosakata.LATAR_KEPALA))
    kolom = list(s.kolom.items())
    for j, (_, (judul, _jenis)) in enumerate(kolom, start=1):
        sel = tulis_sel(ws, BARIS_KEPALA, j, judul)
        sel.font, sel.fill = tebal, latar
        sel.alignment = Alignment(wrap_text=True, vertical="top")
    for i, baris in enumerate(s.data.itertuples(index=False, name=None), start=BARIS_KEPALA + 1):
        for j, ((_, (_, jenis)), v) in enumerate(zip(kolom, baris, strict=True), start=1):
            sel = tulis_sel(ws, i, j, v)
            if jenis in fmt.FORMAT_EXCEL and sel.value is not None and not isinstance(sel.value, str):
                sel.number_format = fmt.FORMAT_EXCEL[jenis]
    for j, (c, (judul, jenis)) in enumerate(kolom, start=1):
        # Width from the text a person sees (formatting.sel), so "Rp 12.919.408.803" fits.
        panjang = max([len(judul) // 2 + 1, *(len(fmt.sel(v, jenis)) for v in s.data[c].tolist()[:500])])
        ws.column_dimensions[get_column_letter(j)].width = min(max(8, panjang + 2), 60)
    ws.freeze_panes = ws.cell(row=BARIS_KEPALA + 1, column=1)


def buku_xlsx(slaid: Sequence[Slaid]) -> bytes:
    """The workbook as .xlsx bytes: one sheet per Slaid, in order, named by ``nama_lembar``."""
    wb = Workbook()
    if slaid:
        wb.remove(wb.active)  # else keep the one empty sheet: a workbook needs one
    for nama, s in zip(nama_lembar(slaid), slaid, strict=True):
        _lembar(wb, nama, s)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
