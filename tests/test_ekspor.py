"""ekspor: the .xlsx behind every download button."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

import ekspor


def _buka(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def test_judul_sumber_kepala_dan_angka_tetap_angka() -> None:
    df = pd.DataFrame({"tahun": [2022, 2023], "pagu": pd.array([9_122_221_547, pd.NA], dtype="Int64")})
    ws = _buka(
        ekspor.tabel_xlsx(df, "Pagu 7.01.01", sumber="T-C.27", kolom={"pagu": "Pagu (Rp)"},
                          format_angka={"pagu": '"Rp "#,##0'})
    )  # fmt: skip
    assert ws["A1"].value == "Pagu 7.01.01"
    assert ws["A2"].value == "T-C.27"
    assert [ws["A4"].value, ws["B4"].value] == ["tahun", "Pagu (Rp)"]
    assert ws["B5"].value == 9_122_221_547 and ws["B5"].number_format == '"Rp "#,##0'
    assert ws["B6"].value is None  # missing stays empty, never 0
    assert ws.freeze_panes == "A5"


@pytest.mark.parametrize("teks", ["=1+1", "+62 812", "-", "@SUM(A1)", "\tx", "\r=cmd"])
def test_teks_mirip_rumus_tetap_teks(teks: str) -> None:
    df = pd.DataFrame({"uraian": [teks]})
    wb = load_workbook(io.BytesIO(ekspor.tabel_xlsx(df, '=HYPERLINK("x")')))
    ws = wb.active
    sel = ws["A4"]
    assert sel.value.replace("\n", "\r") == teks  # XML stores a lone CR as LF
    assert sel.data_type == "s"  # a string cell, never a formula
    assert sel.quotePrefix is True
    assert ws["A1"].data_type == "s"  # the title too


def test_teks_biasa_tanpa_awalan() -> None:
    ws = _buka(ekspor.tabel_xlsx(pd.DataFrame({"k": ["Wonoasih"]}), "x"))
    assert ws["A4"].value == "Wonoasih" and not ws["A4"].quotePrefix


@pytest.mark.parametrize(
    ("bagian", "nama"),
    [
        (("Pagu per tahun", "2024"), "pagu-per-tahun-2024.xlsx"),
        (("../../etc/passwd",), "etc-passwd.xlsx"),
        (("",), "tabel.xlsx"),
    ],
)
def test_nama_berkas_aman(bagian: tuple[str, ...], nama: str) -> None:
    assert ekspor.nama_berkas(*bagian) == nama


def test_xlsx_ke_pdf_batas_waktu_berpesan_indonesia(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    def lambat(perintah, **_):
        raise subprocess.TimeoutExpired(perintah, 1)

    monkeypatch.setattr(ekspor, "_soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(subprocess, "run", lambat)
    with pytest.raises(ekspor.EksporGagal) as galat:
        ekspor.xlsx_ke_pdf(ekspor.tabel_xlsx(pd.DataFrame({"a": [1]}), "x"), batas_detik=7)
    assert str(galat.value) == "PDF tidak dapat dibuat: LibreOffice tidak selesai dalam 7 detik."


def test_xlsx_ke_pdf_menggambar_tabel() -> None:
    from tests.test_e80 import _program

    _program("soffice")
    pdftotext = _program("pdftotext")
    import subprocess

    df = pd.DataFrame({"uraian": ["Pagu 7.01.01"], "pagu": [9_122_221_547]})
    pdf = ekspor.xlsx_ke_pdf(ekspor.tabel_xlsx(df, "Judul uji PDF"))
    assert pdf.startswith(b"%PDF")
    teks = subprocess.run([pdftotext, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Judul uji PDF" in teks and "Pagu 7.01.01" in teks
