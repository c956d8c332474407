"""sajian.anggaran: the Anggaran page's frames, checked against figures read off the document by hand.

Sources: T-C.27 tables 2020 (text export lines 1032-1109), 2021 (1113-1183), 2022-2024
(1187-1262); T-C.24 (lines 679-719).
"""

from __future__ import annotations

import pandas as pd
import pytest

from loaders import Renstra
from sajian import anggaran as A


@pytest.fixture(scope="module")
def pagu(renstra: Renstra) -> pd.DataFrame:
    return A.pagu_program_per_tahun(renstra)


def _satu(df: pd.DataFrame, **kunci: object) -> pd.Series:
    baris = df
    for k, v in kunci.items():
        baris = baris[baris[k] == v]
    assert len(baris) == 1, kunci
    return baris.iloc[0]


# --- pagu per program per tahun ------------------------------------------------------------


def test_pagu_2022_tercetak(pagu: pd.DataFrame) -> None:
    # T-C.27 2022-2024, row 31: 7.01.01 PROGRAM PENUNJANG ..., Rp 2022 = 9.122.221.547
    b = _satu(pagu, tahun=2022, kunci="7.01.01")
    assert b["pagu"] == 9_122_221_547
    assert b["dasar"] == "pagu program" and not b["berdasar_rincian"]
    assert b["pagu_teks"] == "9.122.221.547"
    # Total 2022 = 7.01.03 + 7.01.02 + 7.01.05 + 7.01.01 (rows 1, 17, 28, 31)
    assert b["total_tahun"] == 1_997_779_200 + 1_488_344_000 + 349_601_200 + 9_122_221_547 == 12_957_945_947
    assert pagu.loc[pagu["tahun"] == 2022, "pagu"].sum() == 12_957_945_947


def test_pagu_2021_program_tak_terbaca_jumlah_rincian(pagu: pd.DataFrame) -> None:
    # T-C.27 2021: 7.01.01 printed ***** (line 1156); its kegiatan 28.385.000 + 9.537.001.166 + 333.300.000 + 91.404.722
    b = _satu(pagu, tahun=2021, kunci="7.01.01")
    assert b["pagu_teks"] == "*****"
    assert b["berdasar_rincian"] and b["dasar"] == "jumlah rincian"
    assert b["pagu"] == 28_385_000 + 9_537_001_166 + 333_300_000 + 91_404_722 == 9_990_090_888
    assert b["program_rincian_tahun"] == 1
    assert b["total_tahun"] == 4_142_579_200 + 9_990_090_888 + 1_290_128_000 + 334_801_200


def test_program_2020_kode_lama_terpisah(pagu: pd.DataFrame) -> None:
    d = pagu[pagu["tahun"] == 2020]
    assert len(d) == 4
    assert not d["kode_baru"].any()  # old local codes: never joined to 7.01.xx
    assert d["kunci"].str.startswith("tc27_2020:").all()
    assert d["berdasar_rincian"].all()  # all four printed ***** / #####
    assert d["program"].str.endswith("(2020)").all()
    assert set(pagu.loc[pagu["tahun"] > 2020, "kunci"]) == {"7.01.01", "7.01.02", "7.01.03", "7.01.05"}
    # 2020 "Program Peningkatan Pemberdayaan Masyarakat" (#####): sum of its 19 kegiatan, e.g. 884.423.760 first
    assert _satu(pagu, tahun=2020, kunci="tc27_2020:27")["pagu"] == 11_574_424_760


def test_filter_program_menandai(renstra: Renstra) -> None:
    d = A.pagu_program_per_tahun(renstra, "7.01.03")
    assert set(d.loc[d["dipilih"], "kunci"]) == {"7.01.03"}
    assert len(d) == 20  # every program still there (context), only marked


# --- tren ---------------------------------------------------------------------------------------


def test_tren_program_kode_baru(renstra: Renstra) -> None:
    d = A.tren_pagu(renstra)
    assert set(d["tahun"]) == {2021, 2022, 2023, 2024}
    assert set(d["seri_kunci"]) == {"7.01.01", "7.01.02", "7.01.03", "7.01.05"}
    assert _satu(d, tahun=2021, seri_kunci="7.01.03")["pagu"] == 4_142_579_200  # T-C.27 2021 row 1
    assert _satu(d, tahun=2024, seri_kunci="7.01.03")["pagu"] == 1_732_468_436  # T-C.27 2022-2024 row 1
    assert _satu(d, tahun=2021, seri_kunci="7.01.01")["berdasar_rincian"]


def test_tren_filter_program_menampilkan_kegiatan(renstra: Renstra) -> None:
    d = A.tren_pagu(renstra, "7.01.03")
    assert set(d["seri_kunci"]) == {"7.01.03", "7.01.03.2.02", "7.01.03.2.03"}
    # Kegiatan Pemberdayaan Kelurahan 7.01.03.2.02: 2021 row 2, 2022-2024 row 4
    keg = d[d["seri_kunci"] == "7.01.03.2.02"].set_index("tahun")["pagu"]
    assert keg.to_dict() == {2021: 1_800_000_000, 2022: 1_800_000_000, 2023: 1_447_200_000, 2024: 1_560_949_920}
    # Pemberdayaan Lembaga Kemasyarakatan 7.01.03.2.03: 2021 row 15 2.342.579.200, 2022 row 2 197.779.200
    assert _satu(d, tahun=2021, seri_kunci="7.01.03.2.03")["pagu"] == 2_342_579_200
    assert _satu(d, tahun=2022, seri_kunci="7.01.03.2.03")["pagu"] == 197_779_200


def test_tren_program_2020_kosong(renstra: Renstra) -> None:
    assert A.tren_pagu(renstra, "tc27_2020:9").empty


# --- drill-down ------------------------------------------------------------------------------


def _konsisten_remainder(d: pd.DataFrame) -> None:
    """Plotly 'remainder': a node's size = its own value + its children's sizes."""
    g = d[d["nilai"].notna()]
    for b in g.itertuples(index=False):
        anak = g.loc[g["induk"] == b.id, "total_node"].sum()
        assert b.total_node == b.nilai + anak, b.id


def test_rincian_2022(renstra: Renstra) -> None:
    d = A.rincian_pagu(renstra, 2022)
    akar = _satu(d, id=A.AKAR)
    assert akar["jumlah_rincian"] == 12_957_945_947
    assert set(d.loc[d["induk"] == A.AKAR, "kode"]) == {"7.01.01", "7.01.02", "7.01.03", "7.01.05"}
    assert _satu(d, kode="7.01.01", tingkat="program")["pagu"] == 9_122_221_547
    # Gaji dan Tunjangan ASN 7.01.01.2.02.01 (2022-2024 row 35): a leaf with its printed pagu
    gaji = _satu(d, kode="7.01.01.2.02.01")
    assert gaji["pagu"] == gaji["nilai"] == 8_232_740_091
    assert not gaji["punya_rincian"]
    # Rows 50-51 (sub kegiatan printed without code nor 2022 pagu): kept, not drawn, not 0
    tanpa = A.tanpa_pagu(d)
    assert set(tanpa["nama"]) == {
        "Pengadaan Gedung Kantor atau Bangunan Lainnya",
        "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya",
    }
    assert tanpa["pagu"].isna().all()
    _konsisten_remainder(d)


def test_rincian_selisih_pembulatan_2024(renstra: Renstra) -> None:
    # 7.01.02 in 2024: printed 1.538.963.466; kegiatan 790.043.833 + 748.919.634 = 1.538.963.467
    d = A.rincian_pagu(renstra, 2024)
    b = _satu(d, kode="7.01.02", tingkat="program")
    assert b["pagu"] == 1_538_963_466
    assert b["jumlah_rincian"] == 790_043_833 + 748_919_634
    assert b["selisih_rincian"] == -1
    assert b["nilai"] == 0  # children cover it; "total" branchvalues would reject this parent
    _konsisten_remainder(d)


def test_rincian_filter_program(renstra: Renstra) -> None:
    d = A.rincian_pagu(renstra, 2022, "7.01.03")
    assert (d["kunci"] == "7.01.03").all()
    akar = d[d["induk"] == ""]
    assert list(akar["kode"]) == ["7.01.03"] and akar["pagu"].iloc[0] == 1_997_779_200
    assert (d["tingkat"] == "sub_kegiatan").sum() == 13  # row 3 + rows 5-16
    # The uncoded rows 50-51 belong to 7.01.01 (their program), not dropped by its filter
    assert len(A.tanpa_pagu(A.rincian_pagu(renstra, 2022, "7.01.01"))) == 2
    assert A.rincian_pagu(renstra, 2020, "7.01.03").empty  # 2020 table: old codes only


def test_rincian_2020_program_tak_terbaca(renstra: Renstra) -> None:
    d = A.rincian_pagu(renstra, 2020, "tc27_2020:9")
    prog = _satu(d, tingkat="program")
    assert pd.isna(prog["pagu"]) and prog["pagu_status"] == "tidak_terbaca" and prog["pagu_teks"] == "*****"
    # kegiatan 253.890.000 + 645.377.000 + 389.564.000 (2020 rows 10-12)
    assert prog["jumlah_rincian"] == prog["total_node"] == 253_890_000 + 645_377_000 + 389_564_000
    # 2020 row 4 "Pengelolaan Kinerja Program dan Kegiatan": no Rp printed -> not drawn
    d2 = A.rincian_pagu(renstra, 2020, "tc27_2020:2")
    assert list(A.tanpa_pagu(d2)["kode"]) == ["301000.301001.01.003"]
    _konsisten_remainder(d2)


# --- T-C.24 ---------------------------------------------------------------------------------------


def test_serapan_program_baris_pertama(renstra: Renstra) -> None:
    d = A.serapan_program(renstra)
    b = d.iloc[0]  # T-C.24 first program: 64,175,000 / 63,975,000 / 99.69
    assert (b["baris"], b["tahun"], b["anggaran"], b["realisasi"]) == (2, 2016, 64_175_000, 63_975_000)
    assert round(b["serapan"], 2) == 99.69 == b["rasio_dokumen"]
    assert "(baris 2)" in b["label"]  # the same name is printed again in row 4


def test_serapan_melebihi_dan_kosong(renstra: Renstra) -> None:
    d = A.serapan_program(renstra)
    gerdu = _satu(d, program="Program Pemantapan Gerdu Taskin")
    assert (gerdu["anggaran"], gerdu["realisasi"]) == (21_000_000, 48_159_000)
    assert round(gerdu["serapan"], 2) == 229.33 and gerdu["melebihi_100"]
    # 2020 Program Peningkatan Pemberdayaan Masyarakat: anggaran 5.673.534.002, realisasi "-", rasio 54,36
    tanpa = _satu(d, baris=10, tahun=2020)
    assert tanpa["anggaran"] == 5_673_534_002
    assert pd.isna(tanpa["realisasi"]) and pd.isna(tanpa["serapan"])  # missing, not 0
    assert tanpa["rasio_dokumen"] == 54.36
    assert "tidak tercetak" in tanpa["catatan"]
    assert d.loc[d["tahun"] == 2019, "disamakan_target"].all()
    assert not d.loc[d["tahun"] != 2019, "disamakan_target"].any()


def test_anggaran_realisasi_tahunan(renstra: Renstra) -> None:
    d = A.anggaran_realisasi_tahunan(renstra).set_index("tahun")
    assert list(d.index) == [2016, 2017, 2018, 2019, 2020]
    # 2018: the ten programs printing 2018 (rows 10, 20, 21, 22, 23, 28, 29, 30, 32, 33)
    assert d.loc[2018, "anggaran"] == (
        679_423_760 + 187_187_000 + 1_661_076_160 + 389_564_000 + 188_503_000
        + 636_273_429 + 681_314_480 + 44_300_000 + 50_354_200 + 68_548_500
    )  # fmt: skip
    assert d.loc[2018, "realisasi"] == (
        629_623_310 + 180_425_000 + 1_593_789_614 + 385_759_000 + 183_900_350
        + 604_415_754 + 646_009_500 + 38_375_000 + 47_568_200 + 61_987_000
    )  # fmt: skip
    # 2020: rows 10 (no realisasi), 25, 26, 36
    assert d.loc[2020, "anggaran"] == 5_673_534_002 + 1_024_378_440 + 545_249_160 + 1_055_251_369.50
    assert d.loc[2020, "realisasi"] == 1_007_611_040 + 502_112_624 + 1_013_054_893
    assert d.loc[2020, "anggaran_berealisasi"] == 1_024_378_440 + 545_249_160 + 1_055_251_369.50
    assert d.loc[2020, "anggaran_tanpa_realisasi"] == 5_673_534_002
    assert d.loc[2020, "program_tanpa_realisasi"] == 1
    assert round(d.loc[2020, "serapan"], 2) == 96.11  # not 30 %: the unprinted realisasi is left out
    assert d.loc[2019, "disamakan_target"] and d.loc[2019, "serapan"] == 100
    assert not d.loc[2016, "disamakan_target"]


# --- perubahan tahunan ---------------------------------------------------------------------------


def test_perubahan_pagu(renstra: Renstra) -> None:
    d = A.perubahan_pagu(renstra)
    total = _satu(d, seri_kunci=A.TOTAL, tahun=2022)
    assert total["pagu_sebelumnya"] == 15_757_599_288 and total["pagu"] == 12_957_945_947
    assert total["selisih"] == 12_957_945_947 - 15_757_599_288 == -2_799_653_341
    assert total["berdasar_rincian"]  # 2021 uses 7.01.01's rincian
    assert not _satu(d, seri_kunci=A.TOTAL, tahun=2024)["berdasar_rincian"]
    p = _satu(d, seri_kunci="7.01.03", tahun=2022)
    assert p["selisih"] == 1_997_779_200 - 4_142_579_200
    assert round(p["persen"], 2) == -51.77
    # Programs start in 2022: a 2021 program has no previous year under its code
    assert set(d.loc[d["seri_kunci"] != A.TOTAL, "tahun"]) == {2022, 2023, 2024}
    assert set(d.loc[d["seri_kunci"] == A.TOTAL, "tahun"]) == {2021, 2022, 2023, 2024}


def test_perubahan_filter(renstra: Renstra) -> None:
    assert set(A.perubahan_pagu(renstra, "7.01.05")["seri_kunci"]) == {A.TOTAL, "7.01.05"}
    assert set(A.perubahan_pagu(renstra, "tc27_2020:27")["seri_kunci"]) == {A.TOTAL}


# --- what the pages say about the document -----------------------------------------------------


def test_keadaan_rencana_dari_data(renstra: Renstra) -> None:
    # Three T-C.27 tables: 2020 (the programs print no code, their kegiatan old local codes
    # such as 301000.301001.02.001), 2021 and 2022-2024 (Permendagri 90/2019 codes).
    k = A.keadaan_rencana(renstra)
    assert k["tahun"] == [2020, 2021, 2022, 2023, 2024]
    assert k["baru"] == [2021, 2022, 2023, 2024]
    assert k["tanpa_kode"] == {2020: 4} and k["lama"] == [2020]
    assert k["program_tanpa_kode"] == "4 program 2020 berkode lama"
    assert k["tabel"] == ["2020", "2021", "2022-2024"] and k["tabel_baru"] == ["2021", "2022-2024"]
    assert k["sumber"] == "T-C.27 Rencana Program, Kegiatan, dan Pendanaan (2020, 2021, 2022-2024)"


def test_judul_tabel_dari_manifest(renstra: Renstra) -> None:
    assert A.ada_tabel(renstra, "T-C.24") and A.ada_tabel(renstra, "T-C.27")
    assert (
        A.judul_tabel(renstra, "T-C.24")
        == "Anggaran dan Realisasi Pendanaan Pelayanan Kecamatan Wonoasih Kota Probolinggo"
    )
    sesudah = A.judul_tabel(renstra, "T-C.25", "T-C.25 (setelah perubahan)")
    assert sesudah == "Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah Setelah Perubahan"
    assert A.judul_tabel(renstra, "T-C.99") == "" and not A.ada_tabel(renstra, "T-C.99")


def test_rentang_tahun() -> None:
    assert A.rentang_tahun([2024, 2022, 2023, 2022]) == "2022-2024"
    assert A.rentang_tahun([2021, 2023], "–") == "2021, 2023"
    assert A.rentang_tahun([2020]) == "2020" and A.rentang_tahun([]) == ""


def test_akar_rincian_bernama_perangkat_daerah(renstra: Renstra) -> None:
    akar = A.rincian_pagu(renstra, 2022).iloc[0]
    assert (akar["id"], akar["label"]) == (A.AKAR, "Kecamatan Wonoasih 2022")  # [renstra] perangkat_daerah
