"""Malformed inputs: one RenstraError in Bahasa Indonesia naming table, row and column.

The damaged files here are made by the tests from a copy of the bundled data.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from loaders import RenstraError, load_renstra


def _ubah_csv(folder: Path, berkas: str, ubah) -> None:
    path = folder / berkas
    rows = list(csv.reader(path.open(encoding="utf-8")))
    ubah(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def test_text_in_a_number_cell(salinan: Path) -> None:
    # data row 3 of T-C.24 is file line 5 (header, numbered row); column 7 is realisasi_2017
    _ubah_csv(salinan, "t-c24_anggaran_realisasi.csv", lambda r: r[4].__setitem__(7, "enam puluh juta"))
    with pytest.raises(RenstraError) as e:
        load_renstra(salinan)
    assert e.value.tabel == "T-C.24 (t-c24_anggaran_realisasi.csv)"
    assert e.value.baris == 5
    assert e.value.kolom == "'Realisasi Anggaran pada Tahun ke- 2017'"
    assert "'enam puluh juta' bukan angka" in str(e.value)


def test_percent_in_a_rupiah_cell_means_a_shifted_column(salinan: Path) -> None:
    _ubah_csv(salinan, "t-c27_rencana_2021.csv", lambda r: r[2].__setitem__(11, "100%"))
    with pytest.raises(RenstraError, match=r"Tabel T-C.27 \(2021\).*baris 3, kolom '2021 Rp'.*bukan jumlah Rupiah"):
        load_renstra(salinan)


def test_missing_column(salinan: Path) -> None:
    _ubah_csv(salinan, "t-c23_kinerja_pelayanan.csv", lambda r: [row.pop(6) for row in r])
    with pytest.raises(RenstraError, match=r"Tabel T-C.23 .*baris 1: kolom 'target_2017' tidak ada"):
        load_renstra(salinan)


def test_shifted_header(salinan: Path) -> None:
    def geser(rows: list[list[str]]) -> None:
        rows[0][2], rows[0][3] = rows[0][3], rows[0][2]

    _ubah_csv(salinan, "t-c27_rencana_2022-2024.csv", geser)
    with pytest.raises(
        RenstraError, match=r"kolom ke-3 seharusnya 'kode' tetapi 'program_kegiatan' \(urutan kolom bergeser\)"
    ):
        load_renstra(salinan)


def test_numbered_row_missing(salinan: Path) -> None:
    _ubah_csv(salinan, "t-c24_anggaran_realisasi.csv", lambda r: r.pop(1))
    with pytest.raises(RenstraError, match=r"T-C.24.*baris 2: baris nomor kolom"):
        load_renstra(salinan)


def test_unknown_kelurahan(salinan: Path) -> None:
    def ganti(rows: list[list[str]]) -> None:
        rows[7][3] = "Pembangunan Sarana dan Prasarana Kelurahan (sub unit Kedung Baru)"

    _ubah_csv(salinan, "t-c27_rencana_2022-2024.csv", ganti)
    with pytest.raises(RenstraError) as e:
        load_renstra(salinan)
    assert e.value.baris == 8 and e.value.kolom == "'Program dan Kegiatan'"
    assert "kelurahan 'Kedung Baru' tidak dikenal" in str(e.value)
    assert "Jrebeng Kidul" in str(e.value)  # the message lists the known ones


def test_unknown_kelurahan_in_staff_table(salinan: Path) -> None:
    _ubah_csv(salinan, "2-2-2_pegawai_unit_kerja.csv", lambda r: r[3].__setitem__(1, "Kelurahan Mangunharjo"))
    with pytest.raises(RenstraError, match=r"Tabel 2.2.2.*baris 4, kolom 'UNIT KERJA': kelurahan 'Mangunharjo'"):
        load_renstra(salinan)


def test_empty_file(salinan: Path) -> None:
    (salinan / "t-c28_indikator_sesudah.csv").write_text("", encoding="utf-8")
    with pytest.raises(RenstraError, match=r"T-C.28 \(setelah perubahan\).*berkas kosong"):
        load_renstra(salinan)


def test_header_only(salinan: Path) -> None:
    _ubah_csv(salinan, "3-1_keterkaitan_visi_misi.csv", lambda r: r.__delitem__(slice(1, None)))
    with pytest.raises(RenstraError, match=r"Tabel 3.1 .*tidak berisi baris data"):
        load_renstra(salinan)


def test_negative_rupiah(salinan: Path) -> None:
    _ubah_csv(salinan, "t-c27_rencana_2022-2024.csv", lambda r: r[2].__setitem__(7, "(1.997.779.200)"))
    with pytest.raises(RenstraError, match=r"baris 3, kolom '2022 Rp'.*negatif"):
        load_renstra(salinan)


def test_not_utf8_and_missing_file(salinan: Path) -> None:
    (salinan / "2-2-3_sarana_prasarana.csv").write_bytes("No.,Jenis\n1.,Meja \xe9".encode("latin-1"))
    with pytest.raises(RenstraError, match="bukan teks UTF-8"):
        load_renstra(salinan)
    (salinan / "2-2-3_sarana_prasarana.csv").unlink()
    with pytest.raises(RenstraError, match=r"Tabel 2.2.3: berkas '2-2-3_sarana_prasarana.csv' tidak ditemukan"):
        load_renstra(salinan)


def test_not_a_renstra_source(tmp_path: Path) -> None:
    with pytest.raises(RenstraError, match="tidak berisi manifest.toml"):
        load_renstra(tmp_path)
    (tmp_path / "catatan.txt").write_text("x")
    with pytest.raises(RenstraError, match="bukan folder Renstra maupun buku kerja .xlsx"):
        load_renstra(tmp_path / "catatan.txt")
