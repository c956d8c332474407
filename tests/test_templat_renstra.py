"""The Renstra template: the worked example round trip, the blank template of a period, a second
(SYNTHETIC, tests/renstra_sintetis.py) Renstra, and every refusal with its place and message.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from openpyxl import load_workbook

from loaders import load_renstra
from loaders.errors import DaftarMasalahError
from loaders.renstra import Renstra, renstra_dari_xlsx
from loaders.templat_renstra import LEMBAR_DAFTAR, LEMBAR_IDENTITAS, LEMBAR_KELURAHAN, baca_tahun, templat_kosong
from tests import renstra_sintetis as rs
from tests.test_unggahan_berbahaya import PYTHON


@pytest.fixture(scope="module")
def contoh(renstra: Renstra) -> bytes:
    keluaran = io.BytesIO()
    renstra.ke_xlsx(keluaran)
    return keluaran.getvalue()


def _ubah(data: bytes, ubah: Any) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    ubah(wb)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def tolak(data: bytes) -> list[str]:
    with pytest.raises(DaftarMasalahError) as e:
        renstra_dari_xlsx(data, "renstra.xlsx")
    teks = [str(m) for m in e.value.masalah]
    assert all(not PYTHON.search(t) for t in teks), teks
    return teks


# --- the worked example ---------------------------------------------------------------------------


def test_worked_example_round_trip_gives_equal_frames(renstra: Renstra, contoh: bytes, tmp_path: Path) -> None:
    (tmp_path / "contoh.xlsx").write_bytes(contoh)
    kembali = load_renstra(tmp_path / "contoh.xlsx")
    for nama in renstra.frames:
        pd.testing.assert_frame_equal(getattr(kembali, nama), getattr(renstra, nama), obj=nama)
    assert kembali.visi == renstra.visi and kembali.kelurahan == renstra.kelurahan
    assert kembali.manifest["renstra"] == renstra.manifest["renstra"]


def test_worked_example_sheets_in_the_printed_layout(contoh: bytes) -> None:
    wb = load_workbook(io.BytesIO(contoh))
    assert wb.sheetnames[:4] == ["Petunjuk", "Identitas", "Kelurahan", "Daftar Tabel"]
    assert wb.sheetnames[-1] == "Lanjutan"
    identitas = {r[0].value: r[1].value for r in wb[LEMBAR_IDENTITAS].iter_rows(min_row=2)}
    assert identitas["Perangkat daerah"] == "Kecamatan Wonoasih" and identitas["Periode awal"] == 2019
    assert [c.value for c in wb[LEMBAR_KELURAHAN]["A"]][1:] == [
        "Wonoasih", "Pakistaji", "Jrebeng Kidul", "Kedung Asem", "Kedung Galeng", "Sumber Taman",
    ]  # fmt: skip
    daftar = [[c.value for c in r] for r in wb[LEMBAR_DAFTAR].iter_rows(min_row=2)]
    assert ["tc27_2022", "T-C.27 (2022-2024)", "T-C.27 (2022-2024)"] == daftar[-3][:3]
    ws = wb["tc24"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "B1:F1" in merged and ws["B1"].value == "Anggaran pada Tahun ke-"  # 2016..2020 under one heading
    assert "A1:A2" in merged and ws["A1"].value == "Uraian"
    assert [ws.cell(row=3, column=j).value for j in (1, 2, 18)] == ["1", "2", "18"]
    assert ws["B5"].value == "64,175,000" and ws["B5"].data_type == "s"


def test_formula_like_names_stay_text_in_the_template(renstra: Renstra) -> None:
    # SYNTHETIC: a program name an attacker would make a live formula.
    import dataclasses

    tm = renstra.tabel_mentah["tc27_2022"]
    data = tm.data.copy()
    data.at[1, "program_kegiatan"] = '=HYPERLINK("http://contoh.invalid","klik")'
    palsu = dataclasses.replace(
        renstra, tabel_mentah={**renstra.tabel_mentah, "tc27_2022": dataclasses.replace(tm, data=data)}
    )
    keluaran = io.BytesIO()
    palsu.ke_xlsx(keluaran)
    sel = load_workbook(io.BytesIO(keluaran.getvalue()))["tc27_2022"]["D4"]
    assert (sel.value, sel.data_type, sel.quotePrefix) == ('=HYPERLINK("http://contoh.invalid","klik")', "s", True)


# --- the blank template and a second Renstra -------------------------------------------------------


def test_blank_template_carries_the_periods_years() -> None:
    wb = load_workbook(io.BytesIO(templat_kosong((2025, 2029))))
    tc27 = wb["T-C.27"]
    kepala = [tc27.cell(row=1, column=j).value for j in range(7, 17, 2)]
    assert kepala == ["2025", "2026", "2027", "2028", "Kondisi Kinerja pada Akhir Periode Renstra (2029)"]
    assert [wb["T-C.23"].cell(row=2, column=j).value for j in range(6, 11)] == ["2020", "2021", "2022", "2023", "2024"]
    assert [wb["T-C.28"].cell(row=2, column=j).value for j in (5, 6, 10, 11)] == ["2024", "2025", "2029", "2029"]
    identitas = {r[0].value: r[1].value for r in wb[LEMBAR_IDENTITAS].iter_rows(min_row=2)}
    assert (identitas["Periode awal"], identitas["Periode akhir"]) == (2025, 2029)
    assert wb["Petunjuk"]["A1"].value == "Templat Renstra: petunjuk pengisian"


def test_a_second_renstra_loads_with_its_own_names_and_years() -> None:
    r = renstra_dari_xlsx(rs.buat(), "sidomakmur.xlsx")
    assert r.judul == rs.JUDUL and r.kelurahan == rs.KELURAHAN
    assert r.manifest["renstra"]["id"] == "sidomakmur-2025-2029"
    assert sorted(r.rencana["tahun"].unique()) == rs.TAHUN
    assert r.rencana[r.rencana["tingkat"] == "program"]["kode"].nunique() == 3
    assert r.rencana.loc[r.rencana["tahun"] == 2025, "pagu"][r.rencana["tingkat"] == "program"].sum() == 4_050_000_000
    assert r.kinerja.empty and r.anggaran.empty  # no T-C.23/T-C.24 history: simply absent
    assert set(r.rencana["kelurahan"].dropna()) - {""} == set(rs.KELURAHAN)
    assert "Wonoasih" not in r.manifest_teks + str(r.manifest)


def test_id_is_made_from_the_name_and_period_when_left_empty() -> None:
    def tanpa_id(wb: Any) -> None:
        for row in wb[LEMBAR_IDENTITAS].iter_rows(min_row=2):
            if row[0].value == "ID Renstra":
                row[1].value = None

    assert renstra_dari_xlsx(rs.buat(tanpa_id)).manifest["renstra"]["id"] == "sidomakmur-2025-2029"


def test_unreadable_printed_cells_are_kept_as_unreadable() -> None:
    r = renstra_dari_xlsx(rs.buat(lambda wb: wb["T-C.27"].cell(row=4, column=8, value="*****")))
    baris = r.rencana[(r.rencana["kode"] == "7.01.01") & (r.rencana["tahun"] == 2025)].iloc[0]
    assert pd.isna(baris["pagu"]) and baris["pagu_status"] == "tidak_terbaca" and baris["pagu_teks"] == "*****"


@pytest.mark.parametrize(
    ("teks", "tahun"),
    [("2025-2029", [2025, 2026, 2027, 2028, 2029]), ("2020", [2020]), ("2019, 2021", [2019, 2021]), ("", [])],
)
def test_years_in_the_list_of_tables(teks: str, tahun: list[int]) -> None:
    assert baca_tahun(teks) == tahun


# --- refusals --------------------------------------------------------------------------------------


def _identitas(label: str, nilai: Any) -> Any:
    def ubah(wb: Any) -> None:
        for row in wb[LEMBAR_IDENTITAS].iter_rows(min_row=2):
            if row[0].value == label:
                row[1].value = nilai

    return ubah


def test_missing_required_sheets() -> None:
    def hapus(wb: Any) -> None:
        del wb[LEMBAR_IDENTITAS]
        del wb[LEMBAR_KELURAHAN]

    assert tolak(rs.buat(hapus)) == [
        "lembar wajib 'Identitas' tidak ada; unduh Templat Renstra dari dasbor",
        "lembar wajib 'Kelurahan' tidak ada; unduh Templat Renstra dari dasbor",
    ]


def test_period_reversed_or_not_five_years() -> None:
    assert tolak(rs.buat(_identitas("Periode akhir", 2020))) == [
        "Lembar 'Identitas', baris 8, kolom B: periode terbalik: awal 2025, akhir 2020"
    ]
    assert tolak(rs.buat(_identitas("Periode akhir", 2032))) == [
        "Lembar 'Identitas', baris 8, kolom B: periode 2025-2032 bukan lima tahun rencana (mis. 2025-2029, atau "
        "2019-2024 dengan tahun dasar 2019)"
    ]


def test_years_outside_the_period_and_an_unknown_form() -> None:
    def ubah(wb: Any) -> None:
        ws = wb[LEMBAR_DAFTAR]
        ws["E3"] = "2025-2031"  # T-C.27's data years
        ws["B2"] = "T-C.99"

    assert tolak(rs.buat(ubah)) == [
        "Lembar 'Daftar Tabel', baris 2, kolom B: formulir 'T-C.99' tidak dikenal; pilih 2.2.1, 2.2.2, 2.2.3, "
        "T-C.23, T-C.24, 3.1, 3.5, T-C.25, T-C.26, T-C.27, T-C.28",
        "Lembar 'Daftar Tabel', baris 3, kolom E: tahun 2030-2031 di luar periode Renstra (2025-2029)",
        "Lembar 'Daftar Tabel': tabel T-C.25 atau T-C.28 (tujuan dan sasaran dengan target) wajib ada",
        "Lembar 'T-C.25': lembar 'T-C.25' tidak tercantum di 'Daftar Tabel'",
    ]


def test_every_problem_of_the_plan_table_at_once() -> None:
    def ubah(wb: Any) -> None:
        ws = wb["T-C.27"]
        ws["H5"] = "lima juta"  # pagu 2025 of kegiatan 7.01.01.2.01
        ws["C8"] = "7.01.09.2.01"  # a kegiatan under program 7.01.02
        ws["D13"] = "Pembangunan Sarana dan Prasarana Kelurahan (sub unit Kedungjati)"
        ws["D15"] = "Pembangunan Sarana dan Prasarana Kelurahan (sub unit Mekarsari)"  # Mekarsari twice

    assert tolak(rs.buat(ubah)) == [
        "Lembar 'T-C.27', baris 5, kolom H '2025 Rp': 'lima juta' bukan angka",
        "Lembar 'T-C.27', baris 8, kolom C 'Kode': kegiatan 7.01.09.2.01 bukan bagian program 7.01.02 di atasnya "
        "(kode harus diawali 7.01.02.)",
        # and so its sub kegiatan below is no longer under its kegiatan: a consequence, named too
        "Lembar 'T-C.27', baris 9, kolom C 'Kode': sub kegiatan 7.01.02.2.01.01 bukan bagian kegiatan 7.01.09.2.01 "
        "di atasnya (kode harus diawali 7.01.09.2.01.)",
        "Lembar 'T-C.27', baris 13, kolom D 'Program dan Kegiatan': kelurahan 'Kedungjati' tidak ada di lembar "
        "Kelurahan; tambahkan di sana atau sebagai ejaan lain",
        "Lembar 'T-C.27', baris 15, kolom C 'Kode': kode 7.01.03.2.02.01 untuk kelurahan Mekarsari sudah ada di "
        "baris 12 tabel ini",
    ]


def test_an_item_without_its_parent() -> None:
    def ubah(wb: Any) -> None:
        wb["T-C.27"].delete_rows(4)  # program 7.01.01 gone: its kegiatan has none above it

    assert tolak(rs.buat(ubah))[0] == (
        "Lembar 'T-C.27', baris 4, kolom C 'Kode': kegiatan 7.01.01.2.01 tidak punya program di atasnya; tulis "
        "baris programnya lebih dulu"
    )


def test_formula_and_empty_required_identity() -> None:
    def ubah(wb: Any) -> None:
        _identitas("Perangkat daerah", None)(wb)
        _identitas("Kecamatan", "=A1")(wb)

    assert tolak(rs.buat(ubah)) == [
        "Lembar 'Identitas', baris 4, kolom B: sel berisi rumus; tulis nilainya",
        "Lembar 'Identitas', baris 3, kolom B: 'Perangkat daerah' wajib diisi",
    ]


def test_a_hostile_workbook_is_refused_like_any_upload() -> None:
    from tests import berkas_jahat as bj

    assert tolak(bj.makro(rs.buat())) == [
        "buku kerja memuat makro VBA (buku kerja bermakro) (bagian 'xl/vbaProject.bin') yang tidak boleh ada"
    ]
