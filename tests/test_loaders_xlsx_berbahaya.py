"""The Renstra workbook loader (``load_renstra(path.xlsx)``) under the upload's hostile classes.

The workbook is the bundled Renstra written by ``Renstra.ke_xlsx``; every damage is SYNTHETIC
(``tests/berkas_jahat.py``). Same archive and XML checks as the realisasi upload, same
guarantees: refused in Bahasa Indonesia, naming sheet, row and column where there is one.
"""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest

from loaders import load_renstra
from loaders.errors import DaftarMasalahError
from loaders.renstra import Renstra
from tests import berkas_jahat as bj
from tests.test_unggahan_berbahaya import PYTHON


@pytest.fixture(scope="module")
def buku(renstra: Renstra) -> bytes:
    keluaran = io.BytesIO()
    renstra.ke_xlsx(keluaran)
    return keluaran.getvalue()


def _lembar(buku: bytes, nama: str) -> str:
    """The part of sheet ``nama`` (openpyxl numbers sheets in manifest order)."""
    with zipfile.ZipFile(io.BytesIO(buku)) as z:
        wb = z.read("xl/workbook.xml").decode()
    urutan = [x.split('"')[0] for x in wb.split(' name="')[1:]]
    return f"xl/worksheets/sheet{urutan.index(nama) + 1}.xml"


def tolak(data: bytes, tmp_path: Path) -> list[str]:
    p = tmp_path / "renstra.xlsx"
    p.write_bytes(data)
    with pytest.raises(DaftarMasalahError) as e:
        load_renstra(p)
    teks = [str(m) for m in e.value.masalah]
    assert not any(PYTHON.search(t) for t in teks), teks
    return teks


def test_the_bundled_workbook_still_loads(buku: bytes, renstra: Renstra, tmp_path: Path) -> None:
    p = tmp_path / "renstra.xlsx"
    p.write_bytes(buku)
    assert load_renstra(p).rencana["pagu"].sum() == renstra.rencana["pagu"].sum()


def test_lying_zip_headers(buku: bytes, tmp_path: Path) -> None:
    nama = _lembar(buku, "tc27_2022")
    bom = bj.bom_bohong(buku, 300 * 1024 * 1024, nama=nama)
    tracemalloc.start()
    try:
        teks = tolak(bom, tmp_path)
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert teks == [
        f"berkas 'renstra.xlsx' ditolak: bagian '{nama}' berisi lebih atau kurang dari ukuran yang dinyatakan "
        "(bom zip?) (arsip dimanipulasi?); simpan ulang dari Excel"
    ]
    assert puncak < 40 * 1024 * 1024  # not the 300 MB the part holds


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-32-be"])
def test_dtd_in_another_encoding_names_the_sheet(buku: bytes, tmp_path: Path, codec: str) -> None:
    nama = _lembar(buku, "tc27_2022")
    assert tolak(bj.dtd_dalam_pengodean(buku, codec, True, nama=nama), tmp_path) == [
        f"Lembar 'tc27_2022': berkas 'renstra.xlsx' ditolak: bagian '{nama}' memuat deklarasi DOCTYPE/ENTITY "
        "XML (bom entitas XML?); Excel tidak pernah menulisnya, simpan ulang dari Excel"
    ]


def test_macro(buku: bytes, tmp_path: Path) -> None:
    assert tolak(bj.makro(buku), tmp_path) == [
        "buku kerja memuat makro VBA (buku kerja bermakro) (bagian 'xl/vbaProject.bin') yang tidak boleh ada"
    ]


def test_sheet_the_list_of_tables_does_not_name(buku: bytes, tmp_path: Path) -> None:
    def tambah(wb: Any) -> None:
        wb.create_sheet("Catatan")["A1"] = "=cmd|' /C calc'!A0"

    assert tolak(bj.dengan_openpyxl(buku, tambah), tmp_path) == [
        "Lembar 'Catatan': lembar 'Catatan' tidak tercantum di 'Daftar Tabel'"
    ]


def test_bad_toml_in_the_advanced_sheet(buku: bytes, tmp_path: Path) -> None:
    def rusak(wb: Any) -> None:
        wb["Lanjutan"]["A1"] = "[renstra"

    assert tolak(bj.dengan_openpyxl(buku, rusak), tmp_path)[0] == (
        "Lembar 'Lanjutan': isi lembar bukan TOML yang sah (baris 1, kolom 9)"
    )


def test_formula_in_the_advanced_sheet(buku: bytes, tmp_path: Path) -> None:
    def rumus(wb: Any) -> None:
        wb["Lanjutan"]["A2"] = "=1+1"

    assert tolak(bj.dengan_openpyxl(buku, rumus), tmp_path)[0] == (
        "Lembar 'Lanjutan', baris 2, kolom A: sel berisi rumus; tulis nilainya"
    )


def test_sheet_listed_but_missing(buku: bytes, tmp_path: Path) -> None:
    def hapus(wb: Any) -> None:
        del wb["tc24"]

    assert tolak(bj.dengan_openpyxl(buku, hapus), tmp_path) == [
        "Lembar 'Daftar Tabel', baris 6, kolom A: lembar 'tc24' tidak ada di buku kerja"
    ]


def test_huge_number_in_a_pagu_cell(buku: bytes, tmp_path: Path) -> None:
    # Column H of tc27_2022 is the 2022 pagu ("Rp"), printed as text; a number typed there is read as printed.
    def besar(wb: Any) -> None:
        wb["tc27_2022"]["H5"] = 1e30

    assert tolak(bj.dengan_openpyxl(buku, besar), tmp_path) == [
        "Lembar 'tc27_2022', baris 5, kolom H '2022 Rp': '1,00 × 10³⁰' terlalu besar "
        "(lebih dari 1.000.000.000.000.000); salah ketik?"
    ]


def test_shifted_header_names_sheet_row_and_column(buku: bytes, tmp_path: Path) -> None:
    def geser(wb: Any) -> None:
        wb["tc23"].insert_cols(3)

    assert tolak(bj.dengan_openpyxl(buku, geser), tmp_path) == [
        "Lembar 'tc23', baris 1, kolom C: judul kolom '' tidak sesuai formulir T-C.23, seharusnya 'Target NSPK' "
        "(kolom bergeser atau hilang?)"
    ]


def test_text_in_a_number_cell_and_a_formula(buku: bytes, tmp_path: Path) -> None:
    def ubah(wb: Any) -> None:
        wb["tc24"]["H6"] = "n/a"  # realisasi 2017, data row 3
        wb["tc27_2022"]["H5"] = "=1+1"

    # The formula stops its sheet from being read; the other sheet's bad number is still named.
    assert tolak(bj.dengan_openpyxl(buku, ubah), tmp_path) == [
        "Lembar 'tc27_2022', baris 5, kolom H: sel berisi rumus '=1+1'; tulis nilainya, bukan rumus",
        "Lembar 'tc24', baris 6, kolom H 'Realisasi Anggaran pada Tahun ke- 2017': 'n/a' bukan angka",
    ]


def test_numbers_typed_as_numbers_are_read(buku: bytes, tmp_path: Path) -> None:
    p = tmp_path / "angka.xlsx"
    p.write_bytes(bj.dengan_openpyxl(buku, lambda wb: wb["tc27_2022"].__setitem__("H4", 1997779200)))
    r = load_renstra(p)
    assert (
        r.rencana.loc[(r.rencana["kode"] == "7.01.03") & (r.rencana["tahun"] == 2022), "pagu"].item() == 1_997_779_200
    )


def test_broken_files(buku: bytes, tmp_path: Path) -> None:
    assert tolak(b"ini bukan excel", tmp_path) == ["berkas 'renstra.xlsx' bukan buku kerja Excel .xlsx"]
    assert tolak(b"", tmp_path) == ["berkas 'renstra.xlsx' kosong (0 byte)"]
    assert tolak(buku[:5000], tmp_path)[0].startswith("berkas 'renstra.xlsx' rusak atau terpotong")
