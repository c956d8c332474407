"""Perubahan Renstra page (AppTest): the revision's changes as the document prints them.

Document lines cited are of ../shared/sources/renstra_wonoasih_2019_2024.txt (T-C.28 sebelum
l. 1286-1290, sesudah l. 1299-1302; T-C.25 sebelum l. 940-944, sesudah l. 956-959).
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.appkit import buka, gambar_berjudul
from tests.appkit import tabel as appkit_tabel

IKM_TUJUAN = "T-C.28|tujuan|2|Indeks Kepuasan Masyarakat (IKM) pada Kecamatan Wonoasih"


@pytest.fixture(scope="module")
def at() -> AppTest:
    return buka("halaman/perubahan.py", tabel_terbuka=True)


def test_jumlah_perubahan_per_jenis(at: AppTest) -> None:
    fig = gambar_berjudul(at, "jumlah-perubahan")
    per_formulir = {d["name"]: dict(zip(d["y"], d["x"], strict=True)) for d in fig["data"]}
    assert per_formulir["T-C.28"]["kondisi awal berubah"] == 2
    assert per_formulir["T-C.28"]["indikator dihapus"] == 1
    assert per_formulir["T-C.25"]["indikator dihapus"] == 1
    assert per_formulir["T-C.25"]["tujuan diganti nama"] == 2
    assert per_formulir["T-C.25"]["target berubah"] == 0  # no target changed: shown as 0, a real count


def test_tabel_sebelum_sesudah(at: AppTest) -> None:
    tabel = next(df for df in appkit_tabel(at) if "Sebelum perubahan" in df.columns)  # a static table: headings
    tabel = tabel.rename(
        columns={
            "Jenis perubahan": "jenis_perubahan",
            "Sebelum perubahan": "sebelum",
            "Sesudah perubahan": "sesudah",
            "Tahun": "tahun",
            "Indikator": "indikator",
        }
    )
    ikm = tabel[tabel["jenis_perubahan"].eq("kondisi awal berubah")]
    assert ikm["sebelum"].tolist() == ["84,50", "84,50"] and ikm["sesudah"].tolist() == ["84,60", "84,60"]
    assert ikm["tahun"].tolist() == ["2019", "2019"]
    dihapus = tabel[tabel["jenis_perubahan"].eq("indikator dihapus")]
    assert set(dihapus["indikator"]) == {
        "Nilai Rata-rata Tata Kelola Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan"
    }
    tujuan = tabel[tabel["jenis_perubahan"].eq("tujuan diganti nama")]
    assert "Meningkatkanya Kualitas Penyelenggaraan Pelayanan Publik di Kecamatan Wonoasih" in set(tujuan["sebelum"])
    assert "Meningkatnya Kualitas Penyelenggaraan Pelayanan Publik di Kecamatan Wonoasih" in set(tujuan["sesudah"])


def test_grafik_sebelum_sesudah_ikm(at: AppTest) -> None:
    fig = gambar_berjudul(at, "nilai-sebelum-sesudah")
    ses, seb = fig["data"]
    assert seb["line"]["dash"] == "dash" and ses["line"]["dash"] == "solid"
    assert seb["x"][0] == "Kondisi awal 2019" and seb["y"][0] == 84.5 and ses["y"][0] == 84.6
    assert seb["y"][1:] == ses["y"][1:] == [84.6, 84.6, 85.6, 86.6, 87.6, 88.6, 88.6]
    assert seb["customdata"][0][2] == "84,50"  # hover shows the printed text
    assert [a["text"] for a in fig["layout"]["annotations"]] == ["<b>84,50 → 84,60</b>"]


def test_pilih_indikator_dan_url() -> None:
    at = buka("halaman/perubahan.py")
    at.selectbox(key="indikator").select(IKM_TUJUAN).run()
    assert not at.exception
    assert at.query_params["indikator"] == IKM_TUJUAN
    assert any("tujuan 2 · Indeks Kepuasan Masyarakat (IKM) pada Kecamatan Wonoasih" in s.value for s in at.subheader)
    kembali = buka("halaman/perubahan.py", indikator=IKM_TUJUAN)
    assert kembali.selectbox(key="indikator").value == IKM_TUJUAN


def test_presentasi_satu_grafik() -> None:
    at = buka("halaman/perubahan.py", mode="presentasi")
    assert len(at.get("plotly_chart")) == 1
