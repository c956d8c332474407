"""The folder loader's refusals (loaders/renstra.py): each damage gives one RenstraError, message pinned whole.

The damaged folders are copies of the bundled one (the ``salinan`` fixture); the bundled data is
never touched.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from loaders import RenstraError, load_renstra
from loaders.mentah import BATAS_BERKAS_CSV
from loaders.renstra import FOLDER_BAWAAN, NAMA_MANIFEST


def _pesan(sumber: Path) -> str:
    """The whole message ``load_renstra(sumber)`` refuses with."""
    with pytest.raises(RenstraError) as e:
        load_renstra(sumber)
    return str(e.value)


def _manifest(folder: Path) -> str:
    return (folder / NAMA_MANIFEST).read_text(encoding="utf-8")


def _ganti(folder: Path, lama: str, baru: str) -> None:
    """Replace the one occurrence of ``lama`` in the copy's manifest (fails if it is not exactly one)."""
    teks = _manifest(folder)
    assert teks.count(lama) == 1, lama
    (folder / NAMA_MANIFEST).write_text(teks.replace(lama, baru), encoding="utf-8")


# --- the source itself ---------------------------------------------------------------------------


def test_sumber_tidak_ada(tmp_path: Path) -> None:
    assert _pesan(tmp_path / "tidak-ada") == f"sumber '{tmp_path / 'tidak-ada'}' tidak ditemukan"
    assert _pesan(tmp_path / "renstra.xlsx") == f"sumber '{tmp_path / 'renstra.xlsx'}' tidak ditemukan"


def test_sumber_bukan_folder_maupun_xlsx(tmp_path: Path) -> None:
    (tmp_path / "renstra.csv").write_text("No.,Jenis\n", encoding="utf-8")
    assert _pesan(tmp_path / "renstra.csv") == "sumber 'renstra.csv' bukan folder Renstra maupun buku kerja .xlsx"


def test_folder_tanpa_manifest(salinan: Path) -> None:
    (salinan / NAMA_MANIFEST).unlink()
    assert _pesan(salinan) == f"folder '{salinan}' tidak berisi manifest.toml"


# --- manifest.toml -------------------------------------------------------------------------------


def test_manifest_bukan_toml(salinan: Path) -> None:
    _ganti(salinan, "[kelurahan]\n", "[kelurahan\n")
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads(_manifest(salinan))
    # The parser's line, so the user finds the typo; its English explanation stays out.
    assert _pesan(salinan) == "manifest.toml bukan TOML yang sah (baris 26, kolom 11)"


def test_manifest_bukan_utf8(salinan: Path) -> None:
    _ganti(salinan, "# Manifest: the", "# Manifest (disunting di Windows, \xe9): the")
    path = salinan / NAMA_MANIFEST
    path.write_bytes(path.read_bytes().replace("é".encode(), b"\xe9"))  # é saved as Latin-1 (cp1252)
    assert _pesan(salinan) == "manifest.toml bukan teks UTF-8; simpan ulang sebagai UTF-8"


def test_manifest_tanpa_tabel(salinan: Path) -> None:
    teks = _manifest(salinan)
    (salinan / NAMA_MANIFEST).write_text(teks[: teks.index("\n[[tabel]]\n")], encoding="utf-8")
    assert _pesan(salinan) == "manifest tidak menyebut satu tabel pun ([[tabel]])"


def test_manifest_tanpa_kelurahan(salinan: Path) -> None:
    teks, n = re.subn(r"\[kelurahan\]\n(?:\S.*\n)+", "", _manifest(salinan))
    assert n == 1
    (salinan / NAMA_MANIFEST).write_text(teks, encoding="utf-8")
    assert _pesan(salinan) == "manifest tidak menyebut daftar kelurahan ([kelurahan])"


@pytest.mark.parametrize(
    ("baris", "pesan"),
    [
        ('id = "tc24"\n', "manifest: tabel '?' tidak punya 'id'"),
        ('berkas = "t-c24_anggaran_realisasi.csv"\n', "manifest: tabel 'tc24' tidak punya 'berkas'"),
        ('formulir = "T-C.24"\n', "manifest: tabel 'tc24' tidak punya 'formulir'"),
        ('label = "T-C.24"\n', "manifest: tabel 'tc24' tidak punya 'label'"),
    ],
)
def test_tabel_tanpa_kunci_wajib(salinan: Path, baris: str, pesan: str) -> None:
    _ganti(salinan, baris, "")
    assert _pesan(salinan) == pesan


def test_tabel_dengan_kunci_wajib_kosong(salinan: Path) -> None:
    _ganti(salinan, 'label = "T-C.24"\n', 'label = ""\n')
    assert _pesan(salinan) == "manifest: tabel 'tc24' tidak punya 'label'"


def test_id_tabel_ganda(salinan: Path) -> None:
    _ganti(salinan, 'id = "tc25_sesudah"\n', 'id = "tc25_sebelum"\n')
    assert _pesan(salinan) == "manifest: id tabel ganda ['tc25_sebelum']"


def test_polaritas_bawaan_tak_dikenal(salinan: Path) -> None:
    _ganti(salinan, 'bawaan = "lebih_tinggi"\n', 'bawaan = "naik"\n')
    assert _pesan(salinan) == "polaritas 'naik' di manifest tidak dikenal; pilih lebih_tinggi atau lebih_rendah"


def test_polaritas_indikator_tak_dikenal(salinan: Path) -> None:
    _ganti(salinan, 'polaritas = "lebih_rendah"\n', 'polaritas = "turun"\n')
    assert _pesan(salinan) == "polaritas 'turun' di manifest tidak dikenal; pilih lebih_tinggi atau lebih_rendah"


# --- the table files the manifest names ----------------------------------------------------------


def test_berkas_tabel_tidak_ada(salinan: Path) -> None:
    (salinan / "2-2-3_sarana_prasarana.csv").unlink()
    assert _pesan(salinan) == f"Tabel 2.2.3: berkas '2-2-3_sarana_prasarana.csv' tidak ditemukan di {salinan}"


def test_berkas_tabel_adalah_folder(salinan: Path) -> None:
    _ganti(salinan, 'berkas = "2-2-3_sarana_prasarana.csv"\n', 'berkas = "sumber"\n')
    assert _pesan(salinan) == f"Tabel 2.2.3: berkas 'sumber' tidak ditemukan di {salinan}"


def test_formulir_tak_dikenal(salinan: Path) -> None:
    _ganti(salinan, 'formulir = "T-C.24"\n', 'formulir = "T-C.99"\n')
    assert _pesan(salinan) == "Tabel T-C.24: formulir 'T-C.99' tidak dikenal"


def test_berkas_tabel_terlalu_besar(salinan: Path) -> None:
    (salinan / "t-c24_anggaran_realisasi.csv").write_bytes(b"x" * (BATAS_BERKAS_CSV + 1))
    assert _pesan(salinan) == "Tabel T-C.24: berkas 't-c24_anggaran_realisasi.csv' terlalu besar (lebih dari 5 MB)"


def test_berkas_tabel_bukan_utf8(salinan: Path) -> None:
    (salinan / "2-2-3_sarana_prasarana.csv").write_bytes("No.,Jenis\n1.,Meja \xe9".encode("latin-1"))
    assert _pesan(salinan) == "Tabel 2.2.3: berkas '2-2-3_sarana_prasarana.csv' bukan teks UTF-8"


# --- a subfolder beside the tables ---------------------------------------------------------------


def test_subfolder_sumber_tidak_mengganggu_pemuat_maupun_kunci_tembolok(salinan: Path) -> None:
    """The data folder holds sumber/ (the source text): the loader reads only what the manifest names,
    and state's cache key lists only the folder's files, so neither trips over it."""
    import state

    assert (FOLDER_BAWAAN / "sumber").is_dir() and (salinan / "sumber").is_dir()
    (salinan / "sumber" / "lain").mkdir()  # a deeper level too
    r = load_renstra(salinan)
    assert len(r.tabel_mentah) == len(r.manifest["tabel"])
    nama = [n for n, _mtime, _ukuran in state._jejak(salinan)]
    assert "sumber" not in nama and NAMA_MANIFEST in nama
