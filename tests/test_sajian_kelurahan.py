"""sajian.kelurahan: the six kelurahan side by side, checked against T-C.27 and Tabel 2.2.2 by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from grafik.kelurahan import teks_target
from loaders import Renstra
from sajian import kelurahan as k

ENAM = ["Wonoasih", "Pakistaji", "Jrebeng Kidul", "Kedung Asem", "Kedung Galeng", "Sumber Taman"]


@pytest.mark.parametrize(
    ("nama", "hasil"),
    [
        # T-C.27 2020: "Kelurahan X" at the end, misspellings included (Wonosih, Jebeng Kidul)
        ("Peningkatan Kapasitas Penyelenggaraan Pemerintah Kelurahan Sumber Taman",
         "Peningkatan Kapasitas Penyelenggaraan Pemerintah Kelurahan"),
        ("Pemberdayaan Masyarakat Kelurahan Wonosih", "Pemberdayaan Masyarakat Kelurahan"),
        ("Pemberdayaan Masyarakat Kelurahan Jebeng Kidul", "Pemberdayaan Masyarakat Kelurahan"),
        ("Fasilitasi Pemberdayaan Masyarakat Tingkat Kelurahan Kedung Galeng",
         "Fasilitasi Pemberdayaan Masyarakat Tingkat Kelurahan"),
        # T-C.27 2021: "(X)" in capitals; the preposition left dangling goes too
        ("Pembangunan Sarana dan Prasarana Kelurahan (SUMBER TAMAN)", "Pembangunan Sarana dan Prasarana Kelurahan"),
        ("Pemberdayaan Masyarakat di (KEDUNG ASEM)", "Pemberdayaan Masyarakat"),
        # T-C.27 2022-2024: "(sub unit X)", doubled and run-together names included
        ("Pembangunan Sarana dan Prasarana Kelurahan (sub unit Wonoasih)", "Pembangunan Sarana dan Prasarana Kelurahan"),
        ("Pemberdayaan Masyarakat Di Kelurahan (sub unit Kedung Kedung Galeng)", "Pemberdayaan Masyarakat Di Kelurahan"),
        ("Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan (sub unit Kedunggaleng)",
         "Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan"),
        # parentheses that are part of the name stay
        ("Fasilitasi, Koordinasi dan Pembinaan (Bimtek, Sosialisasi, Konsultasi)",
         "Fasilitasi, Koordinasi dan Pembinaan (Bimtek, Sosialisasi, Konsultasi)"),
        ("  Pengelolaan   Tata Usaha Perkantoran ", "Pengelolaan Tata Usaha Perkantoran"),
    ],
)  # fmt: skip
def test_jenis_membuang_nama_kelurahan(nama: str, hasil: str) -> None:
    assert k.jenis(nama) == hasil


def test_jenis_per_tahun(renstra: Renstra) -> None:
    # 2020: five kegiatan per kelurahan; 2021 and 2022-2024: three sub kegiatan per kelurahan
    for tahun, n in {2020: 5, 2021: 3, 2022: 3, 2023: 3, 2024: 3}.items():
        d = k.pagu_per_jenis(renstra, tahun)
        assert d["jenis"].nunique() == n, tahun
        assert (d.groupby("jenis")["kelurahan"].nunique() == 6).all(), tahun


def test_pagu_2020_pakistaji(renstra: Renstra) -> None:
    # T-C.27 2020, rows 17, 23, 32, 41, 53 (Pakistaji's five kegiatan)
    d = k.pagu_per_tahun(renstra).set_index(["tahun", "kelurahan"])
    assert d.loc[(2020, "Pakistaji"), "pagu"] == 77_476_000 + 74_500_000 + 352_941_000 + 238_500_000 + 1_301_200_000
    assert d.loc[(2020, "Pakistaji"), "pagu"] == 2_044_617_000
    assert (d["tak_terbaca"] == 0).all()


def test_pagu_2021_sama_untuk_setiap_kelurahan(renstra: Renstra) -> None:
    # T-C.27 2021, Wonoasih rows 8, 14, 22: 280.000.000 + 20.000.000 + 366.000.000
    d = k.pagu_per_tahun(renstra)
    d21 = d[d["tahun"] == 2021]
    assert list(d21["kelurahan"]) == ENAM  # manifest order, the order of the chart colours
    assert (d21["pagu"] == 666_000_000).all()
    assert 280_000_000 + 20_000_000 + 366_000_000 == 666_000_000
    assert d21["pangsa"].sum() == pytest.approx(100)


def test_pagu_per_jenis_sama_dengan_pagu_per_kelurahan(renstra: Renstra) -> None:
    total = k.pagu_per_tahun(renstra).set_index(["tahun", "kelurahan"])["pagu"]
    for tahun in range(2020, 2025):
        d = k.pagu_per_jenis(renstra, tahun).groupby("kelurahan")["pagu"].sum()
        for kel, v in d.items():
            assert v == total[(tahun, kel)], (tahun, kel)


def test_pagu_per_jenis_2024(renstra: Renstra) -> None:
    # T-C.27 2022-2024 row 10 (sub unit Kedung Galeng): Rp 43.359.720 in 2024
    d = k.pagu_per_jenis(renstra, 2024).set_index(["kelurahan", "jenis"])
    baris = d.loc[("Kedung Galeng", "Pembangunan Sarana dan Prasarana Kelurahan")]
    assert baris["pagu"] == 43_359_720
    assert baris["kode"] == "7.01.03.2.02.02"
    assert baris["baris"] == "10"


def test_pagu_kelurahan_perubahan(renstra: Renstra) -> None:
    d = k.pagu_kelurahan(renstra, "Pakistaji").set_index("tahun")
    assert list(d["pagu"]) == [2_044_617_000, 666_000_000, 380_055_000, 320_374_395, 342_935_150]
    assert pd.isna(d.loc[2020, "selisih"])  # no 2019 in T-C.27: no change, not 0
    assert d.loc[2021, "selisih"] == 666_000_000 - 2_044_617_000
    assert d.loc[2024, "persen"] == pytest.approx((342_935_150 / 320_374_395 - 1) * 100)


def test_target_2024_lokasi(renstra: Renstra) -> None:
    # T-C.27 2022-2024 rows 5-10, column "Target 2024": 6, 2, 5, 3, 6, 4 Lokasi
    d = k.target_per_jenis(renstra, 2024)
    lok = d[d["satuan"] == "Lokasi"].set_index("kelurahan")
    assert lok["target"].to_dict() == {
        "Wonoasih": 6, "Pakistaji": 2, "Jrebeng Kidul": 5, "Kedung Asem": 6, "Kedung Galeng": 4, "Sumber Taman": 3,
    }  # fmt: skip
    assert set(lok["indikator"]) == {"Jumlah Lokasi Sarana dan Prasarana yang difasilitasi"}
    # the indicator is printed on the Wonoasih row only (merged cell)
    assert lok["indikator_tercetak"].to_dict()["Wonoasih"] is True
    assert not lok.drop(index="Wonoasih")["indikator_tercetak"].any()
    kel = d[d["satuan"] == "Kelompok"].set_index("kelurahan")
    assert kel.loc["Pakistaji", "target"] == 8
    assert set(kel["indikator"]) == {k.TANPA_INDIKATOR}  # no row prints one


def test_target_satuan_tidak_pernah_bercampur(renstra: Renstra) -> None:
    for tahun in range(2020, 2025):
        d = k.target_per_jenis(renstra, tahun)
        assert (d.groupby("kelompok")["satuan"].nunique() == 1).all()
        assert (d.groupby("kelompok")["kelurahan"].nunique() == 6).all()


def test_target_2020_dengan_persen(renstra: Renstra) -> None:
    # T-C.27 2020 row 14: "Peningkatan Kapasitas ... Kelurahan Sumber Taman", target "46 (30,20%)", no indicator
    d = k.target_per_jenis(renstra, 2020)
    g = d[d["jenis"] == "Peningkatan Kapasitas Penyelenggaraan Pemerintah Kelurahan"].set_index("kelurahan")
    assert g.loc["Sumber Taman", "target"] == 46
    assert g.loc["Sumber Taman", "target_persen"] == pytest.approx(30.20)
    assert g.loc["Sumber Taman", "target_teks"] == "46 (30,20%)"
    assert set(g["indikator"]) == {k.TANPA_INDIKATOR}
    assert d["kelompok"].nunique() == 7  # Pemberdayaan and Pembangunan have two indicators each


@pytest.mark.parametrize(
    ("target", "satuan", "persen", "teks"),
    [(46, "", 30.2, "46 (30,20 %)"), (37, None, 100, "37 (100 %)"), (84, "%", None, "84 %"),
     (39.5, "%", None, "39,50 %"), (4, "Lokasi", None, "4 Lokasi"), (2010, "", None, "2.010"),
     (pd.NA, "Lokasi", None, "–")],
)  # fmt: skip
def test_teks_target(target: object, satuan: object, persen: object, teks: str) -> None:
    assert teks_target(target, satuan, persen) == teks


def test_rincian_pakistaji_2020(renstra: Renstra) -> None:
    d = k.rincian_kelurahan(renstra, "Pakistaji", 2020)
    assert len(d) == 7  # five kegiatan, two of them with a second indicator row
    assert d["pagu"].sum() == 2_044_617_000
    kedua = d[d["indikator"] == "Jumlah sarana prasarana Kelurahan yang dipelihara"].iloc[0]
    assert pd.isna(kedua["pagu"]) and kedua["catatan"] == k.CATATAN_PAGU_SEKALI
    assert kedua["baris"] == 54
    pelayanan = d[d["kode"] == "301000.301001.03.009"].iloc[0]
    assert pelayanan["indikator"] == "Persentase Pelayanan Kelurahan Tepat Waktu"  # printed on Sumber Taman's row
    assert pelayanan["catatan"] == k.CATATAN_INDIKATOR


def test_rincian_kosong_untuk_tahun_tanpa_baris(renstra: Renstra) -> None:
    assert k.rincian_kelurahan(renstra, "Pakistaji", 2019).empty
    assert k.pagu_per_jenis(renstra, 2019).empty


def test_pegawai_per_kelurahan(renstra: Renstra) -> None:
    # Tabel 2.2.2 rows 2-7
    d = k.pegawai_per_kelurahan(renstra).set_index("kelurahan")
    assert list(d.index) == ENAM
    assert d.loc["Jrebeng Kidul", ["laki_laki", "perempuan", "jumlah"]].tolist() == [5, 8, 13]
    assert d.loc["Sumber Taman", "jumlah"] == 9
    assert (d["jumlah"] == d["jumlah_dokumen"]).all()
    assert d["jumlah"].sum() == 104 - 38  # the kecamatan office has the other 38
