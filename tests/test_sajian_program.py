"""sajian.program: one item of T-C.27 over the years, checked against the document by hand.

Line numbers are of renstra_data/wonoasih-2019-2024/sumber/renstra_wonoasih_2019_2024.txt
(the PDF's text export).
"""

from __future__ import annotations

import pandas as pd
import pytest

from loaders import Renstra
from sajian import program as P


@pytest.fixture(scope="module")
def r(renstra: Renstra) -> Renstra:
    return renstra


def _per_tahun(df: pd.DataFrame) -> pd.DataFrame:
    return df.set_index("tahun")


def test_pagu_7_01_01_per_tahun(r: Renstra) -> None:
    # line 1230 (T-C.27 2022-2024): 7.01.01 ... 9.122.221.547 | 9.495.655.116 | 9.565.206.165
    # line 1156 (T-C.27 2021): 7.01.01 ... 99,50% | *****
    p = _per_tahun(P.pagu_item(r, "tc27_2022:31"))
    assert list(p.index) == [2021, 2022, 2023, 2024]
    assert p.loc[2022, "pagu"] == 9_122_221_547
    assert p.loc[2023, "pagu"] == 9_495_655_116
    assert p.loc[2024, "pagu"] == 9_565_206_165
    assert pd.isna(p.loc[2021, "pagu"])  # unreadable: missing, never 0
    assert p.loc[2021, "status"] == "tidak_terbaca"
    assert p.loc[2021, "pagu_teks"] == "*****"
    assert "*****" in p.loc[2021, "catatan"]


def test_jumlah_rincian_7_01_01_tahun_2021(r: Renstra) -> None:
    # 2021 kegiatan of 7.01.01: 28.385.000 (l. 1157) + 9.537.001.166 (l. 1159) + 333.300.000 (l. 1162)
    # + 91.404.722 (l. 1172); shown beside the unreadable program cell, as a sum, not as its pagu.
    p = _per_tahun(P.pagu_item(r, "tc27_2022:31"))
    assert p.loc[2021, "jumlah_rincian"] == 28_385_000 + 9_537_001_166 + 333_300_000 + 91_404_722
    assert p.loc[2021, "jumlah_rincian"] == 9_990_090_888
    assert p.loc[2021, "jumlah_rincian_tak_terbaca"] == 0


def test_2021_dicocokkan_menurut_kode_dan_kelurahan(r: Renstra) -> None:
    # Sub kegiatan 7.01.03.2.02.02 Wonoasih: 2021 280.000.000 (l. 1130, its own table);
    # 2022-2024 235.000.000 | 188.940.000 | 203.790.684 (l. 1200)
    p = _per_tahun(P.pagu_item(r, "tc27_2022:5"))
    assert p["pagu"].tolist() == [280_000_000, 235_000_000, 188_940_000, 203_790_684]
    # parent kegiatan 7.01.03.2.02 in 2022: 1.800.000.000 (l. 1199)
    assert p.loc[2022, "pagu_induk"] == 1_800_000_000
    assert p.loc[2022, "pangsa_induk"] == pytest.approx(235_000_000 / 1_800_000_000 * 100)


def test_item_2021_saja_tetap_sendiri(r: Renstra) -> None:
    # 2021 prints 7.01.03.2.03.02 once per kelurahan (l. 1145-1155), 2022-2024 once without
    # a kelurahan (l. 1198): the kelurahan rows have no later match and stay 2021-only items.
    opsi = P.pilihan_item(r, "7.01.03")
    assert "tc27_2021:17" in opsi and opsi["tc27_2021:17"].endswith("(2021)")
    p = _per_tahun(P.pagu_item(r, "tc27_2021:17"))
    assert p.loc[2021, "pagu"] == 366_000_000
    assert (p.loc[[2022, 2023, 2024], "status"] == "tidak_tercantum").all()
    assert p.loc[[2022, 2023, 2024], "pagu"].isna().all()
    # the kecamatan-level row (l. 1144) is the same item as the 2022-2024 row
    assert P.pagu_item(r, "tc27_2022:3").set_index("tahun").loc[2021, "pagu"] == 146_579_200


def test_pilihan_item_program_dulu_lalu_pohon_kode(r: Renstra) -> None:
    opsi = P.pilihan_item(r, "7.01.03")
    kunci = list(opsi)
    assert kunci[0] == "tc27_2022:1"
    assert opsi["tc27_2022:1"].startswith("Program 7.01.03 Pemberdayaan Masyarakat Desa dan Kelurahan")
    # 7.01.03.2.02 and its sub kegiatan before 7.01.03.2.03
    assert kunci.index("tc27_2022:4") < kunci.index("tc27_2022:5") < kunci.index("tc27_2022:2")
    assert opsi["tc27_2022:4"] == "· Kegiatan 7.01.03.2.02 Kegiatan Pemberdayaan Kelurahan (2021–2024)"


def test_sub_kegiatan_tanpa_kode_milik_programnya(r: Renstra) -> None:
    # l. 1251: "Pengadaan Gedung Kantor atau Bangunan Lainnya" has no code; 2022 Rp "-",
    # 2023 50.000.000, 2024 75.000.000. It still belongs to 7.01.01.
    assert "tc27_2022:50" in P.pilihan_item(r, "7.01.01")
    p = _per_tahun(P.pagu_item(r, "tc27_2022:50"))
    assert pd.isna(p.loc[2022, "pagu"]) and p.loc[2022, "status"] == "kosong"
    assert p.loc[2023, "pagu"] == 50_000_000 and p.loc[2024, "pagu"] == 75_000_000


def test_rincian_7_01_03_tahun_2022(r: Renstra) -> None:
    # l. 1196-1199: 7.01.03 = 1.997.779.200; kegiatan 7.01.03.2.03 197.779.200, 7.01.03.2.02 1.800.000.000
    anak = P.rincian_item(r, "tc27_2022:1")
    t22 = anak[anak["tahun"] == 2022].set_index("kode")
    assert set(t22.index) == {"7.01.03.2.02", "7.01.03.2.03"}
    assert t22.loc["7.01.03.2.03", "pagu"] == 197_779_200
    assert t22.loc["7.01.03.2.02", "pagu"] == 1_800_000_000
    assert t22["pagu"].sum() == 1_997_779_200 == P.pagu_item(r, "tc27_2022:1").set_index("tahun").loc[2022, "pagu"]
    # 2021 (l. 1119, 1143): the same two kegiatan, 1.800.000.000 and 2.342.579.200
    t21 = anak[anak["tahun"] == 2021].set_index("kode")
    assert t21.loc["7.01.03.2.03", "pagu"] == 2_342_579_200


def test_sub_kegiatan_tanpa_rincian(r: Renstra) -> None:
    assert P.rincian_item(r, "tc27_2022:5").empty
    assert P.pagu_item(r, "tc27_2022:5")["jumlah_rincian"].isna().all()


def test_program_2020_kode_lama_tidak_dipetakan(r: Renstra) -> None:
    # l. 1045-1047: program tc27_2020:9 (no code, pagu *****) with three kegiatan under old codes
    opsi = P.pilihan_item(r, "tc27_2020:9")
    assert list(opsi) == ["tc27_2020:9", "tc27_2020:10", "tc27_2020:11", "tc27_2020:12"]
    assert all(v.endswith("(2020)") for v in opsi.values())
    p = _per_tahun(P.pagu_item(r, "tc27_2020:9"))
    assert list(p.index) == [2020]
    assert pd.isna(p.loc[2020, "pagu"]) and p.loc[2020, "status"] == "tidak_terbaca"
    assert p.loc[2020, "jumlah_rincian"] == 253_890_000 + 645_377_000 + 389_564_000
    anak = P.rincian_item(r, "tc27_2020:9").set_index("kode")
    assert anak.loc["301000.301001.02.001", "pagu"] == 253_890_000


def test_indikator_beberapa_per_item_dan_kondisi_awal(r: Renstra) -> None:
    # l. 1040-1043: kegiatan 301000.301001.01.002 has three indicators, each 100%
    ind = P.indikator_item(r, "tc27_2020:6")
    assert ind["indikator_ke"].tolist() == [1, 2, 3]
    assert ind["target_teks"].tolist() == ["100%"] * 3
    # 2020 programs print a kondisi awal: tc27_2020:9 "100%"
    prog = P.indikator_item(r, "tc27_2020:9")
    assert prog["capaian_awal_teks"].tolist() == ["100%"] and prog["capaian_awal"].tolist() == [100.0]


def test_indikator_target_tercetak_dan_sel_kosong(r: Renstra) -> None:
    # l. 1199: kegiatan 7.01.03.2.02 targets 70% | 80% | 90 (printed without %)
    ind = P.indikator_item(r, "tc27_2022:4").set_index("tahun")
    assert ind.loc[2022, "target_teks"] == "70%"
    assert ind.loc[2024, "target_teks"] == "90" and ind.loc[2024, "target"] == 90
    # the Pakistaji sub kegiatan row prints no indicator in 2022-2024: left empty, with a note
    pak = P.indikator_item(r, "tc27_2022:6").set_index("tahun")
    assert pd.isna(pak.loc[2022, "indikator"])
    assert pak.loc[2022, "catatan"] == "sel indikator kosong di dokumen"
    assert pak.loc[2022, "target_teks"] == "2 Lokasi"
    assert pak.loc[2021, "catatan"] == ""


def test_kedudukan(r: Renstra) -> None:
    k = P.kedudukan(r, "tc27_2022:5")
    assert k["kode"].tolist() == ["7.01.03", "7.01.03.2.02", "7.01.03.2.02.02"]
    assert k["kunci"].tolist() == ["tc27_2022:1", "tc27_2022:4", "tc27_2022:5"]
    assert P.kedudukan(r, "tc27_2022:1")["tingkat"].tolist() == ["program"]


def test_item_tak_dikenal_kosong(r: Renstra) -> None:
    assert P.pagu_item(r, "tidak-ada").empty
    assert P.indikator_item(r, "tidak-ada").empty
    assert P.rincian_item(r, "tidak-ada").empty
    assert P.daftar_item(r, "9.99.99").empty


def test_catatan_kondisi_awal_dari_data(r: Renstra) -> None:
    # T-C.27 prints a "Data Capaian pada Tahun Awal Perencanaan" only on the 2020 table's program rows.
    assert P.catatan_kondisi_awal(r) == "Kondisi awal hanya dicetak untuk program 2020."
