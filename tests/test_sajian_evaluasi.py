"""sajian.evaluasi and metrics.efisiensi (per row): values from the document, hand-computed.

Reports of realisasi here are SYNTHETIC test data (the document has none for 2021-2024).
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from loaders import Renstra
from metrics.efisiensi import efisiensi_rinci, gulung_efisiensi
from realisasi import TIPE_REALISASI, bingkai_kosong
from sajian import evaluasi as E


def _lapor(renstra: Renstra, baris: list[tuple[str, str, float | None, int | None]], tahun: int = 2022) -> pd.DataFrame:
    """Synthetic reports: (kode, kelurahan, realisasi, realisasi_rp) on the item's first indicator row."""
    R = renstra.rencana
    rekaman = []
    for kode, kel, real, rp in baris:
        b = R[R["tahun"].eq(tahun) & R["kode"].eq(kode) & R["kelurahan"].fillna("").eq(kel)].iloc[0]
        rekaman.append({"tahun": tahun, "item_id": b["item_id"], "indikator_ke": b["indikator_ke"], "kelurahan": kel,
                        "realisasi": real, "realisasi_rp": rp})  # fmt: skip
    return pd.DataFrame(rekaman).astype(TIPE_REALISASI)


@pytest.fixture
def lapor(renstra: Renstra) -> pd.DataFrame:
    # T-C.27 2022 (t-c27_rencana_2022-2024.csv):
    #   7.01.03.2.03.02 Peningkatan Kapasitas Lembaga Kemasyarakatan: target 2 Kelompok, pagu 197.779.200
    #   7.01.03.2.02.02 ... (sub unit Pakistaji): target 2 Lokasi, pagu 100.000.000
    #   7.01.03.2.02.02 ... (sub unit Wonoasih):  target 4 Lokasi, pagu 235.000.000
    return _lapor(
        renstra,
        [
            ("7.01.03.2.03.02", "", 2.0, 150_000_000),  # capaian 100 %, serapan 75,84 %
            ("7.01.03.2.02.02", "Pakistaji", 1.0, 95_000_000),  # capaian 50 %, serapan 95 %
            ("7.01.03.2.02.02", "Wonoasih", 4.0, None),  # capaian 100 %, no Rupiah
        ],
    )


def test_ambang_dari_skala_predikat() -> None:
    assert E.ambang() == 91.0 and E.nama_ambang() == "Sangat Tinggi"  # settings/predikat.toml


def test_efisiensi_sub_kegiatan(renstra: Renstra, lapor: pd.DataFrame) -> None:
    e = E.efisiensi_tahun(renstra, 2022, lapor).set_index("kelurahan")
    assert len(e) == 3
    lembaga = e.loc[""]
    assert lembaga["capaian"] == pytest.approx(100.0)
    assert lembaga["serapan"] == pytest.approx(150_000_000 / 197_779_200 * 100)  # 75,84 %
    assert lembaga["kuadran"] == "Capaian tinggi, serapan rendah"
    pak = e.loc["Pakistaji"]
    assert (pak["capaian"], pak["serapan"], pak["kuadran"]) == (50.0, 95.0, "Capaian rendah, serapan tinggi")
    won = e.loc["Wonoasih"]
    assert won["capaian"] == 100.0 and pd.isna(won["serapan"]) and pd.isna(won["kuadran"])
    assert "hanya capaian" in won["catatan"]


def test_efisiensi_digulung_ke_kegiatan_dan_program(renstra: Renstra, lapor: pd.DataFrame) -> None:
    k = E.efisiensi_tahun(renstra, 2022, lapor, "kegiatan").set_index("kode")
    keg = k.loc["7.01.03.2.02"]  # Pakistaji (50 %, 95 %) and Wonoasih (100 %, no Rupiah)
    assert keg["capaian"] == pytest.approx(75.0)
    assert keg["serapan"] == pytest.approx(95.0)  # 95.000.000 / 100.000.000: only the row with Rupiah
    assert keg["pagu"] == 335_000_000 and keg["jumlah"] == 2
    p = E.efisiensi_tahun(renstra, 2022, lapor, "program").iloc[0]
    assert p["kode"] == "7.01.03"
    assert p["capaian"] == pytest.approx((100 + 50 + 100) / 3)
    assert p["serapan"] == pytest.approx(245_000_000 / 297_779_200 * 100)  # 82,28 %
    assert p["pagu"] == 532_779_200 and p["kuadran"] == "Capaian rendah, serapan rendah"


def test_efisiensi_kelurahan_dan_tahun_tanpa_laporan(renstra: Renstra, lapor: pd.DataFrame) -> None:
    e = E.efisiensi_tahun(renstra, 2022, lapor, kelurahan="Pakistaji")
    assert e["kelurahan"].tolist() == ["Pakistaji"]
    assert E.efisiensi_tahun(renstra, 2023, lapor).empty  # nothing reported: empty, never zeros
    assert E.efisiensi_tahun(renstra, 2022, bingkai_kosong()).empty
    assert E.tahun_dilaporkan(renstra, lapor) == [2022]


def test_ringkasan_kuadran(renstra: Renstra, lapor: pd.DataFrame) -> None:
    r = E.ringkasan_kuadran(E.efisiensi_tahun(renstra, 2022, lapor)).set_index("kuadran")
    assert r["jumlah"].tolist() == [1, 0, 0, 1]
    assert r.loc["Capaian rendah, serapan tinggi", "pagu"] == 100_000_000


def test_efisiensi_rinci_dua_indikator() -> None:
    # synthetic: one item, two indicators (capaian 90 and 110), pagu on the first row only
    d = pd.DataFrame({"tahun": [2022, 2022], "item_id": ["a", "a"], "pagu": [200.0, None],
                      "capaian": [90.0, 110.0], "realisasi": [150.0, None]})  # fmt: skip
    e = efisiensi_rinci(d, 91, 91).iloc[0]
    assert (e["capaian"], e["serapan"], e["n_indikator"], e["kuadran"]) == (
        100.0,
        75.0,
        2,
        "Capaian tinggi, serapan rendah",
    )
    g = gulung_efisiensi(efisiensi_rinci(d), pd.Series(["p"])).iloc[0]
    assert (g["induk"], g["capaian"], g["serapan"], g["n_rinci"]) == ("p", 100.0, 75.0, 1)


def test_efisiensi_dokumen_2018(renstra: Renstra) -> None:
    e = E.efisiensi_dokumen(renstra).set_index("tahun")
    assert e.index.tolist() == [2016, 2017, 2018, 2019, 2020]
    b = e.loc[2018]
    # T-C.23 2018: (94,12/84 + 53/53 + 96,38/68 + 97,77/92 + 93,38/97) x 100 / 5 (see test_metrics_perubahan)
    assert math.isclose(b["capaian"], (94.12 / 84 + 53 / 53 + 96.38 / 68 + 97.77 / 92 + 93.38 / 97) * 100 / 5)
    assert (b["pagu"], b["realisasi"]) == (4_586_544_529, 4_371_852_728)  # T-C.24 2018, programs with both
    assert b["kuadran"] == "Capaian tinggi, serapan tinggi"  # 111,26 % and 95,32 %, both >= 91 %
    assert "disamakan dengan target" in e.loc[2019, "catatan"]


def test_status_periode_dengan_jam_yang_disuntikkan(renstra: Renstra) -> None:
    assert E.status_periode(renstra, date(2025, 1, 1)) == {"awal": 2019, "akhir": 2024, "berakhir": True}
    assert E.status_periode(renstra, date(2024, 12, 31))["berakhir"] is False


def test_tinjauan_indikator_tc23(renstra: Renstra) -> None:
    t = E.tinjauan_indikator(renstra, bingkai_kosong())
    t23 = t[t["sumber"].eq("T-C.23")].set_index("indikator")
    assert len(t23) == 10
    ikm = t23.loc["Indeks Kepuasan Masyarakat (IKM)"]
    # target akhir: 88,60 for 2024 (T-C.25 sesudah); last realisasi: T-C.23 2020 94,06 %
    assert (ikm["tahun_target"], ikm["target_akhir"], ikm["tahun_realisasi"], ikm["realisasi_akhir"]) == (
        2024, 88.6, 2020, 94.06)  # fmt: skip
    assert ikm["capaian"] == pytest.approx(94.06 / 88.6 * 100)  # 106,16 %
    assert ikm["predikat"] == "Sangat Tinggi"
    binaan = t23.loc["Kelompok Masyarakat Binaan"]  # 53/53, 53/53, 53/53, 54/54, 54/54
    assert binaan["capaian"] == 100.0 and binaan["arah"] == "tetap"
    assert binaan["tren"].startswith("2016: 100,00 %")
    tata = t23.loc["Nilai Tata Kelola Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan"]
    assert tata["capaian"] == pytest.approx(278.5 / 295 * 100) and tata["arah"] == "turun"  # 2019 100 %, 2020 94,41 %
    rw = t23.loc["Persentase RW Aktif"]  # target 0 % every year: no capaian, never 0 %
    assert pd.isna(rw["capaian"]) and rw["predikat"] == "Tanpa capaian"


def test_tinjauan_predikat_dan_belum_dilaporkan(renstra: Renstra, lapor: pd.DataFrame) -> None:
    kosong = E.tinjauan_predikat_tersimpan(renstra, bingkai_kosong()).set_index(["sumber", "predikat"])["jumlah"]
    assert kosong[("T-C.23", "Sangat Tinggi")] == 4 and kosong[("T-C.23", "Tanpa capaian")] == 6
    semua_27 = kosong[("T-C.27", E.BELUM_DILAPORKAN)]
    assert semua_27 > 100 and kosong.loc["T-C.27"].drop(E.BELUM_DILAPORKAN).sum() == 0
    ada = E.tinjauan_predikat_tersimpan(renstra, lapor).set_index(["sumber", "predikat"])["jumlah"]
    # three T-C.27 indicators reported (2022): 100 %, 50 %, 100 % against their last target (2024):
    # 2/3 Kelompok -> 66,67 % Sedang; 1/2 Lokasi -> 50 % Sangat Rendah; 4/6 Lokasi -> 66,67 % Sedang
    assert ada[("T-C.27", E.BELUM_DILAPORKAN)] == semua_27 - 3
    assert ada[("T-C.27", "Sedang")] == 2 and ada[("T-C.27", "Sangat Rendah")] == 1


def test_tinjauan_program(renstra: Renstra, lapor: pd.DataFrame) -> None:
    p = E.tinjauan_program(renstra, lapor).set_index(["sumber", "program"])
    adm = p.loc[("T-C.24", "Program Pelayanan Administrasi Perkantoran")]
    # T-C.24 2016-2019: anggaran 539.869.000 + 824.230.432 + 636.273.429 + 746.860.121
    assert adm["pagu_dilaporkan"] == 2_747_232_982
    assert adm["realisasi"] == 493_333_998 + 685_740_603 + 604_415_754 + 746_860_121  # 2.530.350.476
    assert adm["tahun"] == "2016-2019"
    pm = p.loc[("T-C.27", "7.01.03 Pemberdayaan Masyarakat Desa dan Kelurahan")]
    assert pm["pagu"] == 4_142_579_200 + 1_997_779_200 + 1_606_116_002 + 1_732_468_436  # 2021-2024
    assert pm["realisasi"] == 245_000_000 and pm["pagu_dilaporkan"] == 297_779_200
    assert pm["serapan"] == pytest.approx(245_000_000 / 297_779_200 * 100)
