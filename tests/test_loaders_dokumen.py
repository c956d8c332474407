"""The loaded frames against figures read off the printed document."""

from __future__ import annotations

import pandas as pd
import pytest

from loaders.renstra import Renstra

JUMLAH_BARIS = {
    "pegawai": 71, "pegawai_unit": 8, "sarpras": 34, "tc23": 12, "tc24": 36, "keterkaitan": 3, "isu": 11,
    "tc25_sebelum": 5, "tc25_sesudah": 4, "tc26": 14, "tc27_2020": 58, "tc27_2021": 45, "tc27_2022": 60,
    "tc28_sebelum": 5, "tc28_sesudah": 4,
}  # fmt: skip


def test_every_table_has_its_printed_rows(renstra: Renstra) -> None:
    assert {k: len(v.data) for k, v in renstra.tabel_mentah.items()} == JUMLAH_BARIS


def test_frame_sizes(renstra: Renstra) -> None:
    assert renstra.kinerja["indikator"].nunique() == 10 and len(renstra.kinerja) == 50
    assert renstra.anggaran["program_id"].nunique() == 32 and len(renstra.anggaran) == 160
    items = renstra.rencana.drop_duplicates("item_id").groupby(["tabel", "tingkat"]).size().to_dict()
    assert items == {
        ("T-C.27 (2020)", "kegiatan"): 38, ("T-C.27 (2020)", "program"): 4,
        ("T-C.27 (2021)", "kegiatan"): 9, ("T-C.27 (2021)", "program"): 4, ("T-C.27 (2021)", "sub_kegiatan"): 32,
        ("T-C.27 (2022-2024)", "kegiatan"): 12, ("T-C.27 (2022-2024)", "program"): 4,
        ("T-C.27 (2022-2024)", "sub_kegiatan"): 44,
    }  # fmt: skip


# Program pagu per year as printed in T-C.27 (None: the PDF printed ***** in the cell).
PAGU_PROGRAM = {
    2021: {"7.01.03": 4_142_579_200, "7.01.01": None, "7.01.02": 1_290_128_000, "7.01.05": 334_801_200},
    2022: {"7.01.03": 1_997_779_200, "7.01.02": 1_488_344_000, "7.01.05": 349_601_200, "7.01.01": 9_122_221_547},
    2023: {"7.01.03": 1_606_116_002, "7.01.02": 1_471_899_240, "7.01.05": 345_738_445, "7.01.01": 9_495_655_116},
    2024: {"7.01.03": 1_732_468_436, "7.01.02": 1_538_963_466, "7.01.05": 361_491_345, "7.01.01": 9_565_206_165},
}


@pytest.mark.parametrize("tahun", sorted(PAGU_PROGRAM))
def test_program_pagu_per_year(renstra: Renstra, tahun: int) -> None:
    p = renstra.rencana[(renstra.rencana["tingkat"] == "program") & (renstra.rencana["tahun"] == tahun)]
    got = {k: (None if pd.isna(v) else int(v)) for k, v in zip(p["kode"], p["pagu"], strict=True)}
    assert got == PAGU_PROGRAM[tahun]


def test_unreadable_program_pagu_is_missing_not_zero(renstra: Renstra) -> None:
    p = renstra.rencana[(renstra.rencana["tingkat"] == "program") & (renstra.rencana["tahun"] == 2020)]
    assert p["pagu"].isna().all()
    assert set(p["pagu_status"]) == {"tidak_terbaca"}
    assert set(p["pagu_teks"]) == {"*****", "#####"}


# Sub kegiatan pagu of each kelurahan, added by hand from the printed rows.
PAGU_KELURAHAN = {
    2020: {"Wonoasih": 1_769_680_600, "Sumber Taman": 1_917_613_000},  # 63.789.600+80M+352.941M+36.5M+1.236.45M
    2021: dict.fromkeys(["Wonoasih", "Pakistaji", "Jrebeng Kidul", "Kedung Asem", "Kedung Galeng", "Sumber Taman"], 666_000_000),
    2022: {"Wonoasih": 235_000_000 + 65_000_000 + 77_689_000, "Kedung Galeng": 50_000_000 + 250_000_000 + 93_928_000,
           "Jrebeng Kidul": 220_000_000 + 80_000_000 + 83_791_200},
    2024: {"Pakistaji": 86_719_440 + 173_438_880 + 82_776_830},
}  # fmt: skip


@pytest.mark.parametrize("tahun", sorted(PAGU_KELURAHAN))
def test_per_kelurahan_sums(renstra: Renstra, tahun: int) -> None:
    d = renstra.rencana[(renstra.rencana["tahun"] == tahun) & ~renstra.rencana["punya_rincian"]]
    per = d.groupby("kelurahan")["pagu"].sum()
    for kel, pagu in PAGU_KELURAHAN[tahun].items():
        assert per[kel] == pagu, kel


def test_kelurahan_aliases_resolve(renstra: Renstra) -> None:
    d = renstra.rencana.drop_duplicates("item_id").set_index("nama")["kelurahan"]
    assert d["Pemberdayaan Masyarakat Kelurahan Jebeng Kidul"] == "Jrebeng Kidul"
    assert d["Pemberdayaan Masyarakat Kelurahan Wonosih"] == "Wonoasih"
    assert d["Pemberdayaan Masyarakat Di Kelurahan (sub unit Kedung Kedung Galeng)"] == "Kedung Galeng"
    assert d["Pembangunan Sarana dan Prasarana Kelurahan (sub unit Jrebeng Kidul)"] == "Jrebeng Kidul"
    assert d["Peningkatan Kapasitas Lembaga Kemasyarakatan (KECAMATAN WONOASIH)"] == ""
    assert set(renstra.rencana["kelurahan"]) - {""} == set(renstra.kelurahan)
    assert len(renstra.kelurahan) == 6


def test_every_row_reaches_its_program_and_kegiatan(renstra: Renstra) -> None:
    d = renstra.rencana
    assert (d["program_id"] != "").all()
    assert (d.loc[d["tingkat"] != "program", "kegiatan_id"] != "").all()
    gedung = d[d["nama"] == "Pengadaan Gedung Kantor atau Bangunan Lainnya"].iloc[0]  # printed without a code
    assert gedung["tingkat"] == "sub_kegiatan" and gedung["kode"] == ""
    assert gedung["kegiatan_kode"] == "7.01.01.2.07" and gedung["program_kode"] == "7.01.01"
    tu = d[(d["nama"] == "Pengelolaan Administrasi Keuangan")].iloc[0]  # 2020, no code
    assert tu["program_nama"] == "Peningkatan Kinerja Lembaga dan Aparatur Pemerintahan"


def test_codes_normalised_and_old_scheme_kept(renstra: Renstra) -> None:
    d = renstra.rencana.drop_duplicates("item_id").set_index("kode_dokumen")
    assert d.loc["7.1.3.2.02.", "kode"] == "7.01.03.2.02"
    assert d.loc["7.1.1.2.06", "kode"] == "7.01.01.2.06"
    assert d.loc["301000.301001.02.001", "kode"] == "301000.301001.02.001"
    assert d.loc["301000.301001.02.001", "skema_kode"] == "lokal_lama"


def test_targets_with_units(renstra: Renstra) -> None:
    d = renstra.rencana.set_index(["nama", "tahun"])
    row = d.loc[
        (
            "Fasilitasi, Koordinasi dan Pembinaan (Bimtek, Sosialisasi, Konsultasi) Wawasan Kebangsaan dan Ketahanan Nasional",
            2022,
        )
    ]
    assert (row["target"], row["satuan"], row["pagu"]) == (24, "Kasus", 349_601_200)
    assert row["polaritas"] == "lebih_rendah"
    r2020 = d.loc[("Peningkatan Pelayanan Publik Kecamatan", 2020)]
    assert (r2020["target"], r2020["target_persen"], r2020["pagu"]) == (5170, 38.12, 253_890_000)
    buku = d.loc[("Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", 2023)]
    assert (buku["target"], buku["satuan"]) == (420, "Unit/buah")


def test_distinct_programs_with_the_same_name_stay_distinct(renstra: Renstra) -> None:
    a = renstra.anggaran[
        renstra.anggaran["program"] == "Program Peningkatan Partisipasi Masyarakat Dalam Membangun Desa"
    ]
    assert a["program_id"].nunique() == 2
    assert sorted(a.loc[a["tahun"] == 2016, "anggaran"].tolist()) == [60_000_000, 64_175_000]


def test_page_break_repeats_counted_once(renstra: Renstra) -> None:
    d = renstra.rencana
    jk = d[(d["nama"] == "Pemberdayaan Masyarakat di (JREBENG KIDUL)") & (d["tahun"] == 2021)]
    assert len(jk) == 1 and jk["pagu"].iloc[0] == 45_000_000
    kg = d[d["nama"] == "Peningkatan Kapasitas Penyelenggaraan Pemerintah Kelurahan Kedung Galeng"]
    assert len(kg) == 1 and kg["kode"].iloc[0] == "301000.301001.03.039"


# T-C.24, every figure of the 2020 column and of one full row, as printed.
def test_tc24_values(renstra: Renstra) -> None:
    a = renstra.anggaran.set_index(["program", "tahun"])
    assert a.loc[("Program Peningkatan Kinerja Lembaga dan Aparatur Pemerintah", 2020), "anggaran"] == 1_055_251_369.5
    assert a.loc[("Program Peningkatan Kinerja Lembaga dan Aparatur Pemerintah", 2020), "realisasi"] == 1_013_054_893
    assert a.loc[("Program Peningkatan Kinerja Lembaga dan Aparatur Pemerintah", 2020), "rasio_dokumen"] == 96
    pem = a.loc["Program Peningkatan Pemberdayaan Masyarakat"]
    assert pem["anggaran"].tolist()[1:] == [790_102_000, 679_423_760, 893_794_260, 5_673_534_002]
    assert pem["realisasi"].isna().tolist() == [True, False, False, False, True]
    assert pem["rasio_dokumen"].tolist() == [0, 98.26, 92.67, 100, 54.36]
    assert pem["pertumbuhan_anggaran_dokumen"].iloc[0] == 0.06
    sar = a.loc["Program Peningkatan Sarana dan Prasarana Aparatur"]
    assert sar["anggaran"].tolist()[:4] == [561_185_500, 1_580_161_000, 681_314_480, 430_086_300]
    assert sar["realisasi"].tolist()[:4] == [472_230_311, 1_505_993_400, 646_009_500, 430_086_300]
    assert sar["pertumbuhan_anggaran_dokumen"].iloc[0] == 0.35
    ket = a.loc[("Program Pemberdayaan Masyarakat Untuk Menjaga Ketertiban dan Keamanan", 2016)]
    assert (ket["pertumbuhan_anggaran_dokumen"], ket["pertumbuhan_realisasi_dokumen"]) == (-0.44, -0.42)
    assert set(renstra.anggaran["urusan"]) == {
        "Urusan Wajib Non Pelayanan Dasar (Fungsi Pemberdayaan Masyarakat desa dan Kelurahan)",
        "Urusan Penunjang (Fungsi Koordinasi)", "Kecamatan", "Non Urusan",
    }  # fmt: skip


def test_tc23_values(renstra: Renstra) -> None:
    k = renstra.kinerja.set_index(["indikator", "tahun"])
    ikm = k.loc["Indeks Kepuasan Masyarakat (IKM)"]
    assert ikm["target"].tolist() == [83.0, 83.5, 84.0, 84.5, 84.6]
    assert ikm["realisasi"].tolist() == [83.5, 86.64, 94.12, 84.5, 94.06]
    assert ikm["rasio_dokumen"].tolist() == [100.6, 103.76, 112.05, 1.0, 1.11]
    assert (ikm["satuan"] == "%").all()
    kel = k.loc[("% Kelompok dan Lembaga Kemasayarakatan yang difasilitasi", 2020)]
    assert (kel["target"], kel["realisasi"], kel["rasio_dokumen"]) == (20, 18.99, 94.95)
    tk = k.loc[("Nilai Tata Kelola Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan", 2020)]
    assert (tk["target"], tk["realisasi"], tk["rasio_dokumen"], tk["satuan"]) == (295, 278.5, 94.4, "")
    assert renstra.kinerja.loc[renstra.kinerja["tahun"] == 2019, "realisasi_disamakan_target"].all()


def test_every_tc23_and_tc24_cell_parsed(renstra: Renstra) -> None:
    for frame, kolom in (
        (renstra.kinerja, ("target", "realisasi", "rasio")),
        (renstra.anggaran, ("anggaran", "realisasi", "rasio")),
    ):
        for k in kolom:
            status = frame[f"{k}_status"]
            assert set(status) <= {"ok", "kosong"}
            assert frame.loc[status == "ok", k if k != "rasio" else "rasio_dokumen"].notna().all()
            assert (frame.loc[status == "kosong", f"{k}_teks"].isin(["", "-"])).all()
    assert (renstra.kinerja["target_status"] == "ok").sum() == 50
    assert (renstra.anggaran["anggaran_status"] == "ok").sum() == 57


def test_sasaran_before_and_after(renstra: Renstra) -> None:
    s = renstra.sasaran
    assert s.groupby(["tabel"]).size().to_dict() == {
        "T-C.25 (sebelum perubahan)": 25, "T-C.25 (setelah perubahan)": 20,
        "T-C.28 (sebelum perubahan)": 40, "T-C.28 (setelah perubahan)": 32,
    }  # fmt: skip
    tk = s[(s["indikator"] == "Nilai Rata-rata Tata Kelola Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan")]
    assert set(tk["versi"]) == {"sebelum"}
    assert tk.loc[(tk["formulir"] == "T-C.25") & (tk["tahun"] == 2024), "target"].item() == 315
    assert tk["sasaran"].iloc[0] == "Meningkatnya Kualitas Pelayanan Publik di Kecamatan Wonoasih"
    ikm = s[
        (s["formulir"] == "T-C.28")
        & (s["indikator"] == "Indeks Kepuasan Masyarakat (IKM)")
        & (s["jenis"] == "kondisi_awal")
        & (s["tahun"] == 2019)
    ]
    assert dict(zip(ikm["versi"], ikm["target"], strict=True)) == {"sebelum": 84.5, "sesudah": 84.6}
    assert s.loc[s["target_teks"] == "-", "target"].isna().all()


def test_staff_and_assets(renstra: Renstra) -> None:
    p = renstra.pegawai
    assert p.loc[p["kriteria"] == "Jenis Kelamin", "jumlah"].sum() == 104
    assert p.loc[(p["kriteria"] == "Pendidikan Terakhir") & (p["kategori"] == "S1"), "jumlah"].tolist() == [19, 24]
    assert p.loc[p["kriteria"] == "Pangkat/Golongan", "jumlah"].sum() == 73
    unit = p[p["kriteria"] == "Unit Kerja"].groupby("kelurahan")["jumlah"].sum().to_dict()
    assert unit == {"": 38, "Jrebeng Kidul": 13, "Pakistaji": 10, "Kedung Asem": 12, "Kedung Galeng": 11,
                    "Wonoasih": 11, "Sumber Taman": 9}  # fmt: skip
    s = renstra.sarpras.set_index("nama")
    assert (s.loc["Meja Kerja", "jumlah"], s.loc["Meja Kerja", "kurang_baik"], s.loc["Meja Kerja", "rusak_berat"]) == (
        40,
        7,
        1,
    )
    assert s.loc["Meja Kerja", "baik"] == 32
    assert (s.loc["Komputer", "rusak"], s.loc["LCD", "kurang_baik"], s.loc["Gedung Kantor", "satuan"]) == (
        2,
        1,
        "lokal",
    )
    assert len(renstra.sarpras) == 32 and set(renstra.sarpras["kelompok"]) == {"Sarana", "Prasarana"}


def test_strategic_tables(renstra: Renstra) -> None:
    assert renstra.visi.startswith("BERSAMA RAKYAT MEMBANGUN KOTA PROBOLINGGO")
    assert set(renstra.strategi["misi"]) == {
        "Misi II : Sumberdaya Manusia dan Kesejahteraan Sosial yang Berkualitas",
        "Misi IV : Tatakelola Pemerintahan dan Pelayanan Publik",
    }
    assert len(renstra.isu_strategis) == 11 and renstra.isu_strategis["no"].iloc[-1] == "8."
    assert renstra.keterkaitan["misi_kota"].iloc[1].startswith("Misi II")
