"""Malformed inputs: one RenstraError in Bahasa Indonesia naming table, row and column.

The damaged files here are made by the tests from a copy of the bundled data.
"""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from loaders import RenstraError, load_renstra
from loaders.renstra import Renstra


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


# --- the .xlsx form ------------------------------------------------------------


@pytest.fixture(scope="module")
def buku(renstra: Renstra, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "renstra.xlsx"
    renstra.ke_xlsx(path)
    return path


def test_xlsx_round_trip_gives_equal_frames(renstra: Renstra, buku: Path) -> None:
    dari_xlsx = load_renstra(buku)
    for nama in renstra.frames:
        pd.testing.assert_frame_equal(getattr(dari_xlsx, nama), getattr(renstra, nama), obj=nama)
    assert dari_xlsx.visi == renstra.visi and dari_xlsx.manifest == renstra.manifest


def test_xlsx_has_the_printed_header_with_merged_cells(buku: Path) -> None:
    ws = load_workbook(buku)["tc24"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "B1:F1" in merged and ws["B1"].value == "Anggaran pada Tahun ke-"  # 2016..2020 under one heading
    assert "A1:A2" in merged and ws["A1"].value == "Uraian"
    assert [ws.cell(row=3, column=j).value for j in (1, 2, 18)] == ["1", "2", "18"]
    assert ws["B5"].value == "64,175,000" and ws["B5"].data_type == "s"


def _simpan(wb, tmp_path: Path) -> Path:
    path = tmp_path / "ubah.xlsx"
    wb.save(path)
    return path


def test_xlsx_shifted_header_names_sheet_row_and_column(buku: Path, tmp_path: Path) -> None:
    wb = load_workbook(buku)
    ws = wb["tc23"]
    ws.insert_cols(3)
    with pytest.raises(RenstraError) as e:
        load_renstra(_simpan(wb, tmp_path))
    assert e.value.tabel == "T-C.23 (lembar 'tc23')" and e.value.kolom == "C"
    assert "seharusnya 'Target NSPK'" in str(e.value)


def test_xlsx_text_in_number_cell_names_sheet_cell(buku: Path, tmp_path: Path) -> None:
    wb = load_workbook(buku)
    wb["tc24"]["H6"] = "n/a"  # realisasi 2017, data row 3
    with pytest.raises(RenstraError) as e:
        load_renstra(_simpan(wb, tmp_path))
    assert e.value.tabel == "T-C.24 (lembar 'tc24')" and e.value.baris == 6
    assert e.value.kolom == "'Realisasi Anggaran pada Tahun ke- 2017' (H)"


def test_xlsx_formula_is_refused(buku: Path, tmp_path: Path) -> None:
    wb = load_workbook(buku)
    wb["tc27_2022"]["H5"] = "=1+1"
    with pytest.raises(RenstraError, match=r"lembar 'tc27_2022'.*baris 5, kolom H: sel berisi rumus"):
        load_renstra(_simpan(wb, tmp_path))


def test_xlsx_numbers_typed_as_numbers_are_read(buku: Path, tmp_path: Path) -> None:
    wb = load_workbook(buku)
    wb["tc27_2022"]["H4"] = 1997779200  # a real number instead of the printed text
    r = load_renstra(_simpan(wb, tmp_path))
    assert (
        r.rencana.loc[(r.rencana["kode"] == "7.01.03") & (r.rencana["tahun"] == 2022), "pagu"].item() == 1_997_779_200
    )


def test_xlsx_hostile_and_broken_files(buku: Path, tmp_path: Path) -> None:
    bukan = tmp_path / "bukan.xlsx"
    bukan.write_text("ini bukan excel")
    with pytest.raises(RenstraError, match="bukan buku kerja Excel .xlsx"):
        load_renstra(bukan)
    kosong = tmp_path / "kosong.xlsx"
    kosong.write_bytes(b"")
    with pytest.raises(RenstraError, match="kosong"):
        load_renstra(kosong)
    potong = tmp_path / "potong.xlsx"
    potong.write_bytes(buku.read_bytes()[:5000])
    with pytest.raises(RenstraError, match="rusak atau terpotong|bukan buku kerja"):
        load_renstra(potong)
    bom = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"0" * (50 * 1024 * 1024))
    assert bom.stat().st_size < 1024 * 1024
    with pytest.raises(RenstraError, match="bom zip"):
        load_renstra(bom)


def test_xlsx_entity_bomb_is_refused(buku: Path, tmp_path: Path) -> None:
    src = zipfile.ZipFile(buku)
    bom = tmp_path / "entitas.xlsx"
    ledakan = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
        b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">&lol2;</workbook>'
    )
    with zipfile.ZipFile(bom, "w") as z:
        for info in src.infolist():
            z.writestr(info, ledakan if info.filename == "xl/workbook.xml" else src.read(info.filename))
    with pytest.raises(RenstraError, match="bagian 'xl/workbook.xml' memuat deklarasi DOCTYPE/ENTITY XML"):
        load_renstra(bom)


def test_xlsx_without_manifest_sheet(buku: Path, tmp_path: Path) -> None:
    wb = load_workbook(buku)
    del wb["manifest"]
    with pytest.raises(RenstraError, match="tidak punya lembar 'manifest'"):
        load_renstra(_simpan(wb, tmp_path))
