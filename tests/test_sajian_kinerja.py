"""sajian.kinerja and grafik.kinerja: values checked against the document by hand.

Source: renstra_data/wonoasih-2019-2024/sumber/renstra_wonoasih_2019_2024.txt, T-C.23 "Pencapaian
Kinerja Pelayanan" (text lines 657-672), T-C.25 / T-C.28 "setelah perubahan" (lines 948-958, 1292-1302).
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from grafik import gaya
from grafik import kinerja as grafik_kinerja
from loaders import Renstra
from sajian import kinerja

KELOMPOK = "% Kelompok dan Lembaga Kemasayarakatan yang difasilitasi"
IKM = "Indeks Kepuasan Masyarakat (IKM)"
TATA_KELOLA = "Nilai Tata Kelola Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan"
ADM_UMUM = "Persentase pelayanan administrasi umum lainnya yang tepat waktu"


def _baris(df: pd.DataFrame, tahun: int) -> pd.Series:
    d = df[df["tahun"] == tahun]
    assert len(d) == 1
    return d.iloc[0]


def test_kelompok_2020_capaian_94_95_sangat_tinggi(renstra: Renstra) -> None:
    # T-C.23 Urusan Wajib no 2: target 2020 "20%", realisasi "18,99%", rasio "94,95"
    b = _baris(kinerja.riwayat_indikator(renstra, KELOMPOK), 2020)
    assert b["target"] == 20
    assert b["realisasi"] == pytest.approx(18.99)
    assert b["capaian"] == pytest.approx(94.95)  # 18,99 / 20 x 100
    assert b["capaian_dokumen"] == pytest.approx(94.95)
    assert b["predikat"] == "Sangat Tinggi"
    assert b["target_sumber"] == "T-C.23"
    assert pd.isna(b["catatan"])


def test_target_0_tanpa_capaian_dengan_alasan(renstra: Renstra) -> None:
    # same row, 2016-2018: target "0%", realisasi "0%": no capaian, the reason is kept
    d = kinerja.riwayat_indikator(renstra, KELOMPOK)
    for tahun in (2016, 2017, 2018):
        b = _baris(d, tahun)
        assert b["target"] == 0
        assert pd.isna(b["capaian"]) and pd.isna(b["predikat"])
        assert b["alasan"] == "target 0"
        assert b["catatan"] == "Tanpa capaian: target tercetak 0"


def test_ikm_2016_dan_tahun_renstra(renstra: Renstra) -> None:
    # T-C.23 Urusan Penunjang no 6: target 2016 "83.00%", realisasi "83.50%", rasio "100.60"
    d = kinerja.riwayat_indikator(renstra, IKM, 2022)
    b = _baris(d, 2016)
    assert (b["target"], b["realisasi"]) == (83, 83.5)
    assert b["capaian"] == pytest.approx(83.5 / 83 * 100)
    assert round(float(b["capaian"]), 2) == 100.60
    # 2020: 94,06 / 84,60 = 111,18 %; the document prints the ratio as a fraction "1.11"
    b = _baris(d, 2020)
    assert b["capaian"] == pytest.approx(94.06 / 84.6 * 100)
    assert b["capaian_dokumen"] == pytest.approx(1.11)
    # 2021-2024: IKM printed with the same name in T-C.25 (setelah perubahan): 85,60 ... 88,60
    later = d[d["tahun"] >= 2021]
    assert later["target"].tolist() == [85.6, 86.6, 87.6, 88.6]
    assert set(later["target_sumber"]) == {"T-C.25 (setelah perubahan)"}
    assert later["realisasi"].isna().all() and later["capaian"].isna().all()
    assert set(later["alasan"]) == {"realisasi belum ada"}
    assert d.loc[d["terpilih"], "tahun"].tolist() == [2022]


def test_nama_mirip_tidak_ditebak(renstra: Renstra) -> None:
    # T-C.25 has "Nilai Rata-rata Tata Kelola ..." and "Persentase Kelompok ...": not the same
    # printed names as T-C.23, so no targets after 2020 are borrowed for them.
    for nama in (TATA_KELOLA, KELOMPOK):
        assert kinerja.riwayat_indikator(renstra, nama)["tahun"].tolist() == [2016, 2017, 2018, 2019, 2020]


def test_2019_realisasi_disamakan_target(renstra: Renstra) -> None:
    # NB under T-C.23: "realisasi Tahun 2019 disamakan dengan target"; IKM 2019 84,50 / 84,50
    b = _baris(kinerja.riwayat_indikator(renstra, IKM), 2019)
    assert b["realisasi_disamakan_target"]
    assert b["target"] == b["realisasi"] == 84.5
    assert kinerja.CATATAN_DISAMAKAN in b["catatan"]


def test_daftar_indikator_urutan_dokumen(renstra: Renstra) -> None:
    d = kinerja.daftar_indikator(renstra)
    assert len(d) == 10  # 3 Urusan Wajib + 7 Urusan Penunjang rows in T-C.23
    assert d["indikator"].iloc[0] == "Persentase RW Aktif"
    assert d["indikator"].iloc[-1] == TATA_KELOLA
    assert d.loc[d["bawaan"], "indikator"].tolist() == [IKM]  # 2016-2024 targets: the longest series


def test_tahun_realisasi(renstra: Renstra) -> None:
    assert kinerja.tahun_realisasi(renstra) == [2016, 2017, 2018, 2019, 2020]


def test_capaian_tahun_2020(renstra: Renstra) -> None:
    d = kinerja.capaian_tahun(renstra, 2020).set_index("indikator")
    assert len(d) == 10
    ada = d["capaian"].dropna().round(2).to_dict()
    # 18,99/20; 54/54; 94,06/84,60; 278,5/295 (document prints 94,40: it truncates)
    assert ada == {KELOMPOK: 94.95, "Kelompok Masyarakat Binaan": 100.0, IKM: 111.18, TATA_KELOLA: 94.41}
    assert (d.loc[d["capaian"].isna(), "alasan"] == "target 0").all()


def test_capaian_tahun_tanpa_realisasi_kosong(renstra: Renstra) -> None:
    for tahun in (2021, 2022, 2023, 2024):
        assert kinerja.capaian_tahun(renstra, tahun).empty


def test_predikat_per_tahun(renstra: Renstra) -> None:
    d = kinerja.predikat_per_tahun(renstra).set_index(["tahun", "predikat"])
    # 2016: IKM 100,60; Binaan 100; adm. kependudukan 85/90 = 94,44; kelurahan 65/66 = 98,48
    assert d.loc[(2016, "Sangat Tinggi"), "jumlah"] == 4
    assert d.loc[(2016, "Tinggi"), "jumlah"] == 1  # adm. umum 80/95 = 84,21
    assert d.loc[(2016, gaya.TANPA_PREDIKAT), "jumlah"] == 5
    assert d.loc[(2016, gaya.TANPA_PREDIKAT), "rincian"] == "target 0: 5"
    assert d.loc[(2020, "Sangat Tinggi"), "jumlah"] == 4
    assert d.loc[(2019, gaya.TANPA_PREDIKAT), "jumlah"] == 7
    assert d.groupby(level="tahun")["jumlah"].sum().tolist() == [10] * 5
    assert d.xs(2019, level="tahun")["realisasi_disamakan_target"].all()
    assert not d.xs(2020, level="tahun")["realisasi_disamakan_target"].any()
    predikat = d.xs(2016, level="tahun").index.tolist()
    assert predikat == ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah", gaya.TANPA_PREDIKAT]


def test_target_iku_setelah_perubahan(renstra: Renstra) -> None:
    d = kinerja.target_iku(renstra)
    assert len(d) == 4 * 5  # 2 tujuan + 2 sasaran indicators, 2020-2024
    assert d["level"].iloc[0] == "tujuan"
    cakupan = d[d["indikator"] == "Persentase Peningkatan Cakupan Pemberdayaan Masyarakat di Kecamatan Wonoasih"]
    assert cakupan["target"].tolist() == [20, 25, 30, 35, 40]
    assert set(cakupan["sumber"]) == {"T-C.25 (setelah perubahan), T-C.28 (setelah perubahan)"}
    ikm = d[(d["level"] == "sasaran") & (d["indikator"] == IKM)]
    assert ikm["target"].tolist() == [84.6, 85.6, 86.6, 87.6, 88.6]
    assert not d["indikator"].str.contains("Tata Kelola").any()  # dropped in the revision


def test_target_iku_sebelum_perubahan(renstra: Renstra) -> None:
    d = kinerja.target_iku(renstra, "sebelum")
    tata = d[d["indikator"].str.startswith("Nilai Rata-rata Tata Kelola")]
    assert tata["target"].tolist() == [295, 300, 305, 310, 315]


@pytest.fixture(scope="module")
def rendah(renstra: Renstra) -> Renstra:
    """The bundled Renstra with KELOMPOK declared lower-is-better (as the manifest would)."""
    k = renstra.kinerja.copy()
    k.loc[k["indikator"] == KELOMPOK, "polaritas"] = "lebih_rendah"
    return dataclasses.replace(renstra, kinerja=k)


def test_makin_rendah_rumus_dokumen(rendah: Renstra) -> None:
    b = _baris(kinerja.riwayat_indikator(rendah, KELOMPOK), 2020)
    assert b["capaian"] == pytest.approx((2 - 18.99 / 20) * 100)  # 105,05 %
    d = kinerja.daftar_indikator(rendah)
    assert kinerja.lebih_rendah(d.set_index("indikator").loc[KELOMPOK, "polaritas"])


# --- grafik -------------------------------------------------------------------------------


def test_grafik_riwayat_tanpa_realisasi_bukan_nol(renstra: Renstra) -> None:
    fig = grafik_kinerja.riwayat(kinerja.riwayat_indikator(renstra, IKM, 2020))
    jejak = {t.name: t for t in fig.data}
    assert list(jejak["Realisasi"].y) == [83.5, 86.64, 94.12, 84.5, 94.06, None, None, None, None]
    belum = jejak[f"Target, {grafik_kinerja.BELUM_ADA}"]
    assert list(belum.x) == [2021, 2022, 2023, 2024]
    assert list(belum.y) == [85.6, 86.6, 87.6, 88.6]  # on the target, not at 0
    assert belum.marker.symbol == "circle-open"
    assert "2019*" in fig.layout.xaxis.ticktext


def test_grafik_riwayat_target_0_di_luar_garis(renstra: Renstra) -> None:
    fig = grafik_kinerja.riwayat(kinerja.riwayat_indikator(renstra, KELOMPOK))
    jejak = {t.name: t for t in fig.data}
    assert list(jejak["Target"].y) == [None, None, None, None, 20]
    assert list(jejak["Realisasi"].y) == [None, None, None, None, 18.99]
    abu = jejak[gaya.TANPA_PREDIKAT]
    assert abu.marker.color == gaya.ABU and list(abu.text) == ["target 0"] * 4


def test_grafik_warna_predikat_sama(renstra: Renstra) -> None:
    warna = gaya.warna_predikat(("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"))
    figs = [
        grafik_kinerja.riwayat(kinerja.riwayat_indikator(renstra, ADM_UMUM)),
        grafik_kinerja.capaian_tahun(kinerja.capaian_tahun(renstra, 2020)),
        grafik_kinerja.predikat_per_tahun(kinerja.predikat_per_tahun(renstra)),
    ]
    for fig in figs:
        for t in fig.data:
            if t.name in warna:
                assert t.marker.color == warna[t.name], (t.name, t.marker.color)
    assert {t.name for t in figs[0].data} >= {"Tinggi", "Sangat Tinggi", gaya.TANPA_PREDIKAT}


def test_grafik_capaian_tanpa_batang_nol(renstra: Renstra) -> None:
    fig = grafik_kinerja.capaian_tahun(kinerja.capaian_tahun(renstra, 2020))
    nilai = [x for t in fig.data for x in t.x]
    assert 0 not in nilai and len(nilai) == 4
    catatan = [a.text for a in fig.layout.annotations if "tanpa capaian" in a.text]
    assert catatan == ["tanpa capaian: target 0"] * 6
    assert any(s.x0 == 100 and s.x1 == 100 for s in fig.layout.shapes)  # reference line at 100 %


def test_grafik_makin_rendah_ditandai(rendah: Renstra) -> None:
    fig = grafik_kinerja.riwayat(kinerja.riwayat_indikator(rendah, KELOMPOK))
    assert "makin rendah makin baik" in fig.layout.yaxis.title.text
    assert any(t.name == "Realisasi (makin rendah makin baik)" for t in fig.data)
    fig = grafik_kinerja.capaian_tahun(kinerja.capaian_tahun(rendah, 2020))
    assert any("makin rendah makin baik" in y for t in fig.data for y in t.y)
