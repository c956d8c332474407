"""The workbook reader (``loaders.buku_kerja``) and the archive's XML bounds on hand-written parts.

Every workbook here is SYNTHETIC, written part by part as another program (or an attacker)
might: shared strings with rich text, cells without an address, dates, booleans, errors,
array formulas, merged ranges, nesting beyond the bound.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import datetime

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.formula import ArrayFormula

from loaders import arsip, buku_kerja
from loaders.errors import RenstraError

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _buku(ubah: Callable[[Workbook], None]) -> bytes:
    wb = Workbook()
    ubah(wb)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def _baca(data: bytes) -> buku_kerja.Buku:
    return buku_kerja.baca(arsip.buka(data, "uji.xlsx"))


def _ganti(data: bytes, nama: str, isi: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        semua = {n: z.read(n) for n in z.namelist()}
    semua[nama] = isi
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        for n, v in semua.items():
            z.writestr(n, v)
    return keluaran.getvalue()


def test_types_as_written_by_openpyxl() -> None:
    def isi(wb: Workbook) -> None:
        ws = wb.active
        ws.title = "Data"
        ws["A1"], ws["B1"], ws["C1"], ws["D1"] = "teks", 12, 95.5, True
        ws["A2"] = datetime(2024, 3, 1)
        ws["B2"] = "=SUM(B1:B1)"
        ws["C2"] = ArrayFormula("C2", "=B1:B1*2")
        ws["D2"] = 0.955
        ws["D2"].number_format = "0.0%"
        ws.merge_cells("A3:C4")

    w = _baca(_buku(isi))["Data"]
    assert [(w[(1, j)].nilai, w[(1, j)].jenis) for j in range(1, 5)] == [
        ("teks", "s"),
        (12, "n"),
        (95.5, "n"),
        (True, "b"),
    ]
    assert (w[(2, 1)].nilai, w[(2, 1)].jenis) == (45352, "d")  # a number in a date format
    assert (w[(2, 2)].nilai, w[(2, 2)].rumus) == ("=SUM(B1:B1)", True)
    assert (w[(2, 3)].nilai, w[(2, 3)].rumus) == ("=B1:B1*2", True)  # the formula text, never a repr
    assert (w[(2, 4)].nilai, w[(2, 4)].format) == (0.955, "0.0%")
    assert w.gabungan == [(3, 1, 4, 3)]
    assert w[(9, 9)] is buku_kerja.KOSONG and (w.max_baris, w.max_kolom) == (2, 4)


def test_shared_strings_rich_text_and_cells_without_address() -> None:
    data = _buku(lambda wb: None)
    lembar = (
        f'<worksheet {NS}><sheetData><row r="2"><c t="s"><v>0</v></c><c><v>5</v></c><c r="E2" t="e"><v>#DIV/0!</v></c>'
        '<c t="str"><v>hasil</v></c></row><row><c t="b"><v>0</v></c></row></sheetData></worksheet>'
    ).encode()
    sst = (
        f"<sst {NS}><si><r><t>Kelurahan </t></r><r><t>Pakistaji</t></r><rPh><t>ふりがな</t></rPh></si></sst>"
    ).encode()
    data = _ganti(data, "xl/worksheets/sheet1.xml", lembar)
    data = _ganti(data, "xl/sharedStrings.xml", sst)
    data = _ganti(
        data,
        "[Content_Types].xml",
        arsip.buka(data, "x")
        .bagian["[Content_Types].xml"]
        .replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            b'spreadsheetml.sharedStrings+xml"/></Types>',
        ),
    )
    data = _ganti(
        data,
        "xl/_rels/workbook.xml.rels",
        arsip.buka(data, "x")
        .bagian["xl/_rels/workbook.xml.rels"]
        .replace(
            b"</Relationships>",
            b'<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        ),
    )
    w = _baca(data).lembar[0]
    assert w.sel == {
        (2, 1): buku_kerja.Sel("Kelurahan Pakistaji", "s", "General"),
        (2, 2): buku_kerja.Sel(5, "n", "General"),
        (2, 5): buku_kerja.Sel("#DIV/0!", "e", "General"),
        (2, 6): buku_kerja.Sel("hasil", "s", "General"),  # after E2: the next column
        (3, 1): buku_kerja.Sel(False, "b", "General"),  # a row without a number follows row 2
    }


@pytest.mark.parametrize(
    ("sel", "pesan"),
    [
        ('<c r="A0"><v>1</v></c>', "Lembar 'Sheet': alamat sel 'A0' di luar lembar Excel"),
        ('<c r="XFE1"><v>1</v></c>', "Lembar 'Sheet': alamat sel 'XFE1' di luar lembar Excel"),
        ('<c r="A1" t="s"><v>7</v></c>', "Lembar 'Sheet', sel A1: merujuk teks bersama yang tidak ada"),
        ('<c r="A1"><v>satu</v></c>', "Lembar 'Sheet', sel A1: isi angka 'satu' tidak sah"),
    ],
)
def test_bad_cells_are_named(sel: str, pesan: str) -> None:
    data = _ganti(
        _buku(lambda wb: None),
        "xl/worksheets/sheet1.xml",
        f'<worksheet {NS}><sheetData><row r="1">{sel}</row></sheetData></worksheet>'.encode(),
    )
    with pytest.raises(RenstraError) as e:
        _baca(data)
    assert str(e.value) == pesan


def test_nesting_beyond_the_bound_is_refused_in_any_part() -> None:
    dalam = b"<a>" * 65 + b"</a>" * 65
    for bagian in ("docProps/app.xml", "xl/worksheets/sheet1.xml", "xl/theme/theme1.xml"):
        with pytest.raises(RenstraError) as e:
            arsip.buka(_ganti(_buku(lambda wb: None), bagian, dalam), "uji.xlsx")
        assert str(e.value) == (
            f"berkas 'uji.xlsx' ditolak: bagian '{bagian}' bersarang lebih dari 64 tingkat (bom XML?); "
            "simpan ulang dari Excel"
        )
    arsip.buka(_ganti(_buku(lambda wb: None), "docProps/app.xml", b"<a>" * 64 + b"</a>" * 64), "uji.xlsx")


def test_cell_cap_counts_empty_cells_and_every_sheet() -> None:
    sel = "".join(f'<c r="A{n}"/>' for n in range(1, 61))
    lembar = f'<worksheet {NS}><sheetData><row r="1">{sel}</row></sheetData></worksheet>'.encode()
    data = _buku(lambda wb: wb.create_sheet("Kedua"))
    data = _ganti(_ganti(data, "xl/worksheets/sheet1.xml", lembar), "xl/worksheets/sheet2.xml", lembar)
    with pytest.raises(RenstraError) as e:  # 60 + 60 empty cells: the second sheet passes the cap of 100
        buku_kerja.baca(arsip.buka(data, "uji.xlsx"), batas_sel=100)
    assert str(e.value) == "Lembar 'Kedua': terlalu banyak sel (buku kerja ini lebih dari 100 sel)"
    assert [w.sel for w in buku_kerja.baca(arsip.buka(data, "uji.xlsx"), batas_sel=120).lembar] == [{}, {}]


def test_gaya_sel_yang_tidak_ada_ditolak() -> None:
    """A cell whose style index points past the styles part (or with the styles part removed) is a broken
    workbook that Excel would "repair": refused with the cell named, as the hypothesis test found."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["B2"] = 5
    ws["B2"].number_format = "0.00"
    buf = io.BytesIO()
    wb.save(buf)
    baru = io.BytesIO()
    with zipfile.ZipFile(buf) as z, zipfile.ZipFile(baru, "w") as keluar:
        for info in z.infolist():
            if info.filename != "xl/styles.xml":
                keluar.writestr(info, z.read(info.filename))
    with pytest.raises(RenstraError) as e:
        buku_kerja.baca(arsip.buka(baru.getvalue(), "tanpa-gaya.xlsx"))
    assert "sel B2" in str(e.value) and "gaya sel yang tidak ada" in str(e.value)
