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
from loaders.errors import RenstraError
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


def tolak(data: bytes, tmp_path: Path) -> RenstraError:
    p = tmp_path / "renstra.xlsx"
    p.write_bytes(data)
    with pytest.raises(RenstraError) as e:
        load_renstra(p)
    assert not PYTHON.search(str(e.value)), str(e.value)
    return e.value


def test_the_bundled_workbook_still_loads(buku: bytes, renstra: Renstra, tmp_path: Path) -> None:
    p = tmp_path / "renstra.xlsx"
    p.write_bytes(buku)
    assert load_renstra(p).rencana["pagu"].sum() == renstra.rencana["pagu"].sum()


def test_lying_zip_headers(buku: bytes, tmp_path: Path) -> None:
    nama = _lembar(buku, "tc27_2022")
    bom = bj.bom_bohong(buku, 300 * 1024 * 1024, nama=nama)
    tracemalloc.start()
    try:
        e = tolak(bom, tmp_path)
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(e) == (
        f"berkas 'renstra.xlsx' ditolak: bagian '{nama}' berisi lebih atau kurang dari ukuran yang dinyatakan "
        "(bom zip?) (arsip dimanipulasi?); simpan ulang dari Excel"
    )
    assert puncak < 40 * 1024 * 1024  # not the 300 MB the part holds


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-32-be"])
def test_dtd_in_another_encoding_names_the_sheet(buku: bytes, tmp_path: Path, codec: str) -> None:
    nama = _lembar(buku, "tc27_2022")
    e = tolak(bj.dtd_dalam_pengodean(buku, codec, True, nama=nama), tmp_path)
    assert str(e) == (
        f"Tabel lembar 'tc27_2022': berkas 'renstra.xlsx' ditolak: bagian '{nama}' memuat deklarasi DOCTYPE/ENTITY "
        "XML (bom entitas XML?); Excel tidak pernah menulisnya, simpan ulang dari Excel"
    )


def test_macro_and_external_link(buku: bytes, tmp_path: Path) -> None:
    e = tolak(bj.makro(buku), tmp_path)
    assert (
        str(e) == "buku kerja memuat makro VBA (buku kerja bermakro) (bagian 'xl/vbaProject.bin') yang tidak boleh ada"
    )


def test_sheet_the_manifest_does_not_name(buku: bytes, tmp_path: Path) -> None:
    def tambah(wb: Any) -> None:
        wb.create_sheet("Catatan")["A1"] = "=cmd|' /C calc'!A0"

    e = tolak(bj.dengan_openpyxl(buku, tambah), tmp_path)
    assert str(e) == (
        "buku kerja 'renstra.xlsx' memuat lembar yang tidak disebut di manifest: 'Catatan'; hapus lembar itu atau "
        "daftarkan tabelnya di manifest"
    )


def test_bad_toml_in_the_manifest_sheet(buku: bytes, tmp_path: Path) -> None:
    def rusak(wb: Any) -> None:
        wb["manifest"]["A1"] = "[renstra"

    e = tolak(bj.dengan_openpyxl(buku, rusak), tmp_path)
    assert str(e) == "lembar 'manifest' bukan TOML yang sah (baris 1, kolom 9)"


def test_formula_in_the_manifest_sheet(buku: bytes, tmp_path: Path) -> None:
    def rumus(wb: Any) -> None:
        wb["manifest"]["A2"] = "=1+1"

    e = tolak(bj.dengan_openpyxl(buku, rumus), tmp_path)
    assert str(e) == "Tabel lembar 'manifest', baris 2, kolom A: sel berisi rumus; tulis teksnya"


def test_sheet_named_in_the_manifest_but_missing(buku: bytes, tmp_path: Path) -> None:
    def hapus(wb: Any) -> None:
        del wb["tc24"]

    e = tolak(bj.dengan_openpyxl(buku, hapus), tmp_path)
    assert "lembar 'tc24' tidak ada di buku kerja 'renstra.xlsx'" in str(e)


def test_huge_number_in_a_pagu_cell(buku: bytes, tmp_path: Path) -> None:
    # Column H of tc27_2022 is the 2022 pagu ("Rp"), printed as text; a number typed there is read as printed.
    def besar(wb: Any) -> None:
        wb["tc27_2022"]["H5"] = 1e30

    e = tolak(bj.dengan_openpyxl(buku, besar), tmp_path)
    assert str(e) == (
        "Tabel T-C.27 (2022-2024) (lembar 'tc27_2022'), baris 5, kolom '2022 Rp' (H): '1,00 × 10³⁰' terlalu besar "
        "(lebih dari 1.000.000.000.000.000); salah ketik?"
    )
