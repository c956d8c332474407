"""Tables people download (.xlsx): a title, the source, a header row, then the data.

One writer for every download button, so every workbook reads the same way in Excel.
Numbers stay numbers (Excel shows them with the reader's own separators); text stays
text: a cell whose text begins with ``= + - @``, a tab or a CR is written as a string with
Excel's quote prefix, never as a live formula (CSV/formula injection). The title and source
come from a page's panel, where they are markdown (names from the Renstra escaped by
``ui.literal``): the workbook gets them as read on screen, without the escapes.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

import kosakata

MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_AWAL_BERBAHAYA = ("=", "+", "-", "@", "\t", "\r")
_TAK_BOLEH_DI_NAMA = re.compile(r"[^0-9A-Za-z_-]+")
# A markdown backslash escape: any ASCII punctuation after a backslash stands for itself (CommonMark).
_ESKAPE_MARKDOWN = re.compile(r"\\([!-/:-@\[-`{-~])")


def nama_berkas(*bagian: str) -> str:
    """``Pagu per tahun`` + ``2030`` -> ``pagu-per-tahun-2030.xlsx`` (safe on every OS)."""
    teks = "-".join(b for b in bagian if b)
    return (_TAK_BOLEH_DI_NAMA.sub("-", teks.lower()).strip("-") or "tabel") + ".xlsx"


def teks_markdown(teks: str) -> str:
    """Markdown text as a reader sees it: ``Kelurahan Suka\\_Maju`` -> ``Kelurahan Suka_Maju``."""
    return _ESKAPE_MARKDOWN.sub(r"\1", teks)


def _nilai_sel(v: Any) -> Any:
    """A pandas value as an openpyxl cell value: NA -> empty, numpy scalars -> Python."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item") and not isinstance(v, str | bytes):
        v = v.item()
        if isinstance(v, float) and math.isnan(v):
            return None
    if isinstance(v, bool | int | float | Decimal | date | datetime):
        return v
    return str(v)


def tulis_sel(ws: Any, baris: int, kolom: int, nilai: Any) -> Any:
    """Write one cell; text is always a string cell, quote-prefixed when it looks like a formula."""
    sel = ws.cell(row=baris, column=kolom)
    nilai = _nilai_sel(nilai)
    if isinstance(nilai, str):
        sel.value = nilai
        sel.data_type = "s"
        if nilai.startswith(_AWAL_BERBAHAYA):
            sel.quotePrefix = True
    else:
        sel.value = nilai
    return sel


def _warna(hex_: str) -> str:
    """A ``kosakata`` colour as openpyxl writes it (``555555``, no ``#``)."""
    return hex_.lstrip("#")


def tabel_xlsx(
    df: pd.DataFrame,
    judul: str,
    sumber: str = "",
    kolom: Mapping[str, str] | None = None,
    format_angka: Mapping[str, str] | None = None,
) -> bytes:
    """``df`` as a one-sheet workbook: title row, source row, header (``kolom`` renames), data.

    ``judul`` and ``sumber`` are markdown, as a panel shows them (``teks_markdown``).

    ``format_angka`` maps a column to an Excel number format (e.g. ``'"Rp "#,##0'``);
    the stored value keeps full precision either way.
    """
    kolom = dict(kolom or {})
    format_angka = dict(format_angka or {})
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel"
    tulis_sel(ws, 1, 1, teks_markdown(judul)).font = Font(bold=True, size=13)
    baris = 2
    if sumber:
        tulis_sel(ws, 2, 1, teks_markdown(sumber)).font = Font(italic=True, color=_warna(kosakata.TEKS_LEMAH))
        baris = 3
    baris += 1
    tebal, latar = Font(bold=True), PatternFill("solid", fgColor=_warna(kosakata.LATAR_KEPALA))
    nama_kolom = [str(c) for c in df.columns]
    for j, c in enumerate(nama_kolom, start=1):
        sel = tulis_sel(ws, baris, j, kolom.get(c, c))
        sel.font, sel.fill = tebal, latar
        sel.alignment = Alignment(wrap_text=True, vertical="top")
    kepala = baris
    for i, rekaman in enumerate(df.itertuples(index=False, name=None), start=kepala + 1):
        for j, v in enumerate(rekaman, start=1):
            sel = tulis_sel(ws, i, j, v)
            pola = format_angka.get(nama_kolom[j - 1])
            if pola and not isinstance(sel.value, str):
                sel.number_format = pola
    for j, c in enumerate(nama_kolom, start=1):
        panjang = max([len(str(kolom.get(c, c)))] + [len(str(v)) for v in df.iloc[:200, j - 1].tolist()])
        ws.column_dimensions[get_column_letter(j)].width = min(max(10, panjang + 2), 60)
    ws.freeze_panes = ws.cell(row=kepala + 1, column=1)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
