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


# --- form E.80 (Evaluasi terhadap Hasil Renstra Perangkat Daerah) --------------------------------
# Takes the ``sajian.e80.E80`` it is given by duck typing (tabel, kolom, catatan, judul, tahun,
# jabatan), so ekspor does not import sajian.

BARIS_KEPALA_E80 = 4  # first header row; the header is rows 4-6 (two heading rows + the numbers row)
FORMAT_RUPIAH = '[$-421]"Rp "#,##0'  # 421: Indonesian, so LibreOffice/Excel print 1.800.000.000
FORMAT_PERSEN = '[$-421]#,##0.00" %"'  # the value is already a percentage (94.95)
FORMAT_ANGKA = "[$-421]General"  # K figures as printed (99,43; 2007)
_LEBAR_E80 = {"no": 5, "sasaran": 24, "kode": 16, "program_kegiatan": 36, "indikator": 36, "capaian_awal": 14,
              "unit": 16, "catatan": 10, "target_akhir_rp": 20}  # fmt: skip
_TEBAL_E80 = {"sasaran", "program"}


class EksporGagal(Exception):
    """An export that could not be produced; the message is Indonesian and names no path."""


def _format_e80(kunci: str) -> str | None:
    if kunci.startswith("rasio_"):
        return FORMAT_PERSEN
    if "_rp" in kunci:
        return FORMAT_RUPIAH
    return FORMAT_ANGKA if kunci.startswith(("target_", "realisasi_", "capaian_")) else None


def _kepala_e80(ws: Any, kolom: Any) -> None:
    """Rows 4-6: group heading (merged across its K/Rp), K/Rp, and the column numbers (merged per number)."""
    a = BARIS_KEPALA_E80
    tebal, latar = Font(bold=True), PatternFill("solid", fgColor=_warna(kosakata.LATAR_KEPALA))
    tengah = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for j, k in enumerate(kolom, start=1):
        for i, teks in ((a, k.grup), (a + 1, k.sub), (a + 2, k.nomor)):
            sel = tulis_sel(ws, i, j, teks)
            sel.font, sel.fill, sel.alignment = tebal, latar, tengah
    j = 1
    while j <= len(kolom):
        k = kolom[j - 1]
        akhir = j
        while akhir < len(kolom) and kolom[akhir].grup == k.grup and k.sub:
            akhir += 1
        if not k.sub:
            ws.merge_cells(start_row=a, start_column=j, end_row=a + 1, end_column=j)
        elif akhir > j:
            ws.merge_cells(start_row=a, start_column=j, end_row=a, end_column=akhir)
            ws.merge_cells(start_row=a + 2, start_column=j, end_row=a + 2, end_column=akhir)
        j = akhir + 1


def _isi_e80(ws: Any, e: Any, awal: int) -> int:
    """The lines from row ``awal``; returns the next free row."""
    kolom = list(e.kolom)
    rata = Alignment(vertical="top", wrap_text=True)
    i = awal
    for _, x in e.tabel.iterrows():
        tebal = str(x.get("tingkat", "")) in _TEBAL_E80
        for j, k in enumerate(kolom, start=1):
            sel = tulis_sel(ws, i, j, x[k.kunci])
            sel.alignment = rata
            pola = _format_e80(k.kunci)
            if pola and not isinstance(sel.value, str):
                sel.number_format = pola
            if tebal:
                sel.font = Font(bold=True)
        i += 1
    return i


def _tinggi_baris(ws: Any, dari: int, sampai: int) -> None:
    """Row heights for wrapped text (LibreOffice keeps a row one line high unless told), from the
    longest cell: lines = characters / column width, per paragraph."""
    lebar = {j: (ws.column_dimensions[get_column_letter(j)].width or 10) for j in range(1, ws.max_column + 1)}
    for i in range(dari, sampai):
        baris = 1
        for j, w in lebar.items():
            v = ws.cell(i, j).value
            if isinstance(v, str) and v:
                baris = max(baris, sum(max(1, math.ceil(len(p) / max(1.0, w - 1))) for p in v.split("\n")))
        ws.row_dimensions[i].height = 13 * baris + 2


def _tanda_tangan_e80(ws: Any, e: Any, baris: int, tempat: str, tanggal: date, penandatangan: str, nip: str) -> int:
    import formatting

    j = max(1, len(e.kolom) - 5)
    teks = [
        f"{tempat}, {formatting.tanggal(tanggal)}" if tempat else formatting.tanggal(tanggal),
        getattr(e, "jabatan", "") or "",
        "",
        "",
        "",
        penandatangan or "(..............................)",
        f"NIP. {nip}" if nip else "NIP.",
    ]
    for n, t in enumerate(teks):
        sel = tulis_sel(ws, baris + n, j, t)
        sel.alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=baris + n, start_column=j, end_row=baris + n, end_column=len(e.kolom))
        if n == 5 and penandatangan:
            sel.font = Font(bold=True, underline="single")
    return baris + len(teks)


def _halaman_e80(ws: Any, baris_akhir: int) -> None:
    """Landscape A4, fit to one page wide, header rows repeated on every page, page numbers."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{BARIS_KEPALA_E80}:{BARIS_KEPALA_E80 + 2}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.print_area = f"A1:{get_column_letter(ws.max_column)}{baris_akhir}"


def e80_xlsx(e: Any, tempat: str, tanggal: date, penandatangan: str = "", nip: str = "") -> bytes:
    """Form E.80 as printed: title, the numbered two-row header (repeated on every printed page),
    the lines, the numbered notes and the signature block ("<tempat>, <tanggal>", the office from
    the Renstra, name and NIP). Numbers stay numbers (Rupiah and percent formats), no formulas,
    imported texts literal (``tulis_sel``)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "E.80"
    tulis_sel(ws, 1, 1, "Formulir E.80").font = Font(bold=True)
    tulis_sel(ws, 2, 1, e.judul).font = Font(bold=True, size=13)
    _kepala_e80(ws, list(e.kolom))
    akhir = _isi_e80(ws, e, BARIS_KEPALA_E80 + 3)
    baris = akhir + 1
    if e.catatan:
        tulis_sel(ws, baris, 1, "Catatan:").font = Font(bold=True)
        for n, teks in enumerate(e.catatan, start=1):
            tulis_sel(ws, baris + n, 1, f"{n}. {teks}")
        baris += len(e.catatan) + 2
    baris = _tanda_tangan_e80(ws, e, baris, tempat, tanggal, penandatangan, nip)
    for j, k in enumerate(e.kolom, start=1):
        ws.column_dimensions[get_column_letter(j)].width = _LEBAR_E80.get(k.kunci, 18 if "_rp" in k.kunci else 10)
    _tinggi_baris(ws, BARIS_KEPALA_E80, akhir)
    ws.freeze_panes = ws.cell(row=BARIS_KEPALA_E80 + 3, column=5)
    _halaman_e80(ws, baris)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def _soffice() -> str | None:
    import shutil

    return (
        shutil.which("soffice")
        or shutil.which("libreoffice")
        or next(
            (
                p
                for p in ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice")
                if __import__("os").path.exists(p)
            ),
            None,
        )
    )


def xlsx_ke_pdf(isi: bytes, batas_detik: int = 180) -> bytes:
    """A workbook rendered to PDF by LibreOffice headless (its own throwaway profile, a time limit).

    ``EksporGagal`` with an Indonesian message (no path, no program output) when LibreOffice is
    missing, fails or takes too long."""
    import subprocess
    import tempfile
    from pathlib import Path

    program = _soffice()
    if program is None:
        raise EksporGagal("PDF tidak dapat dibuat: LibreOffice (Calc) tidak terpasang di server. Unduh .xlsx-nya saja.")
    with tempfile.TemporaryDirectory(prefix="e80-") as folder:
        d = Path(folder)
        (d / "formulir.xlsx").write_bytes(isi)
        perintah = [program, "--headless", "--norestore", "--nolockcheck",
                    f"-env:UserInstallation={(d / 'profil').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(d), str(d / "formulir.xlsx")]  # fmt: skip
        try:
            subprocess.run(perintah, capture_output=True, timeout=batas_detik, check=False, cwd=d)
        except subprocess.TimeoutExpired:
            raise EksporGagal(f"PDF tidak dapat dibuat: LibreOffice tidak selesai dalam {batas_detik} detik.") from None
        except OSError:
            raise EksporGagal("PDF tidak dapat dibuat: LibreOffice tidak dapat dijalankan di server.") from None
        pdf = d / "formulir.pdf"
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise EksporGagal("PDF tidak dapat dibuat: LibreOffice gagal membaca buku kerja (apakah Calc terpasang?).")
        return pdf.read_bytes()
