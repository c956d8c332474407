"""sajian.perubahan: the revision's changes, checked against the document by hand.

Line numbers are of renstra_data/wonoasih-2019-2024/sumber/renstra_wonoasih_2019_2024.txt:
T-C.25 sebelum l. 940-944, sesudah l. 956-959; T-C.28 sebelum l. 1286-1290, sesudah l. 1299-1302.
"""

from __future__ import annotations

import pandas as pd
import pytest

from loaders import Renstra
from sajian import perubahan as P

IKM_SASARAN = "T-C.28|sasaran|2|Indeks Kepuasan Masyarakat (IKM)"


@pytest.fixture(scope="module")
def r(renstra: Renstra) -> Renstra:
    return renstra


@pytest.fixture(scope="module")
def daftar(r: Renstra) -> pd.DataFrame:
    return P.daftar_perubahan(r)


def test_kondisi_awal_ikm_2019(daftar: pd.DataFrame) -> None:
    # l. 1288-1289 (sebelum) 84,50 -> l. 1301-1302 (sesudah) 84,60, kondisi awal 2019, tujuan and sasaran
    d = daftar[daftar["jenis_perubahan"].eq("kondisi awal berubah")]
    assert len(d) == 2
    assert set(d["formulir"]) == {"T-C.28"} and set(d["level"]) == {"tujuan", "sasaran"}
    assert d["tahun"].tolist() == [2019, 2019]
    assert d["sebelum"].tolist() == ["84,50", "84,50"] and d["sesudah"].tolist() == ["84,60", "84,60"]


def test_indikator_tata_kelola_dihapus_dengan_nilainya(daftar: pd.DataFrame) -> None:
    # l. 944 (T-C.25 sebelum): 295 300 305 310 315; l. 1290 (T-C.28 sebelum): 290 295 | 295 ... 315 | 315;
    # absent from both sesudah tables.
    d = daftar[daftar["jenis_perubahan"].eq("indikator dihapus")].set_index("formulir")
    nama = "Nilai Rata-rata Tata Kelola Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan"
    assert d["indikator"].tolist() == [nama, nama]
    assert d["sesudah"].isna().all()
    assert d.loc["T-C.25", "nilai_tercetak"] == (
        "Target 2020: 295; Target 2021: 300; Target 2022: 305; Target 2023: 310; Target 2024: 315"
    )
    assert d.loc["T-C.28", "nilai_tercetak"].startswith(
        "Kondisi awal 2019: 290; Kondisi awal 2020: 295; Target 2020: 295"
    )
    assert d.loc["T-C.28", "nilai_tercetak"].endswith("Kondisi akhir 2024: 315")


def test_tujuan_diganti_nama(daftar: pd.DataFrame) -> None:
    # l. 942 / 1288 "Meningkatkanya Kualitas ..." -> l. 958 / 1301 "Meningkatnya Kualitas ..."
    d = daftar[daftar["jenis_perubahan"].eq("tujuan diganti nama")]
    pasangan = set(zip(d["sebelum"], d["sesudah"], strict=True))
    assert (
        "Meningkatkanya Kualitas Penyelenggaraan Pelayanan Publik di Kecamatan Wonoasih",
        "Meningkatnya Kualitas Penyelenggaraan Pelayanan Publik di Kecamatan Wonoasih",
    ) in pasangan
    # l. 940 "... Tingkat Kecamatan Wonoasih" -> l. 956 "... di Kecamatan Wonoasih"
    assert (
        "Meningkatnya Cakupan Pemberdayaan Masyarakat Tingkat Kecamatan Wonoasih",
        "Meningkatnya Cakupan Pemberdayaan Masyarakat di Kecamatan Wonoasih",
    ) in pasangan
    assert len(d) == 4  # two tujuan, in both T-C.25 and T-C.28


def test_ringkasan_semua_jenis_termasuk_nol(r: Renstra) -> None:
    s = P.ringkasan_perubahan(r).set_index(["jenis_perubahan", "formulir"])["jumlah"]
    assert len(s) == len(P.JENIS) * 2
    assert s[("kondisi awal berubah", "T-C.28")] == 2
    assert s[("indikator dihapus", "T-C.25")] == 1 and s[("indikator dihapus", "T-C.28")] == 1
    assert s[("indikator diganti nama", "T-C.28")] == 1  # Kemasyarakatan -> Kemasayarakatan (l. 1287 / 1300)
    assert s[("target berubah", "T-C.25")] == 0 and s[("target berubah", "T-C.28")] == 0  # no target changed
    assert s.sum() == len(P.daftar_perubahan(r)) == 9


def test_indikator_berubah_hanya_yang_angkanya_berubah(r: Renstra) -> None:
    opsi = P.indikator_berubah(r)
    assert set(opsi) == {IKM_SASARAN, "T-C.28|tujuan|2|Indeks Kepuasan Masyarakat (IKM) pada Kecamatan Wonoasih"}
    assert opsi[IKM_SASARAN] == "T-C.28 · sasaran 2 · Indeks Kepuasan Masyarakat (IKM)"


def test_nilai_sebelum_sesudah_ikm(r: Renstra) -> None:
    # l. 1289 sebelum: 84,50 84,60 | 84,60 85,60 86,60 87,60 88,60 | 88,60; l. 1302 sesudah: 84,60 first
    d = P.nilai_sebelum_sesudah(r, IKM_SASARAN)
    seb = d[d["versi"].eq("sebelum")].set_index("titik")
    ses = d[d["versi"].eq("sesudah")].set_index("titik")
    assert list(seb.index) == ["Kondisi awal 2019", "Kondisi awal 2020", "Target 2020", "Target 2021",
                               "Target 2022", "Target 2023", "Target 2024", "Kondisi akhir 2024"]  # fmt: skip
    assert seb["nilai"].tolist() == pytest.approx([84.5, 84.6, 84.6, 85.6, 86.6, 87.6, 88.6, 88.6])
    assert ses.loc["Kondisi awal 2019", "teks"] == "84,60" and seb.loc["Kondisi awal 2019", "teks"] == "84,50"
    assert d.loc[d["berubah"], "titik"].unique().tolist() == ["Kondisi awal 2019"]


def test_nilai_indikator_diganti_nama_diikuti(r: Renstra) -> None:
    # T-C.28 sasaran 1 is renamed (Kemasyarakatan -> Kemasayarakatan); its sesudah values still
    # come with it. Kondisi awal 2019 is printed "-" in both: empty, not 0, and not a change.
    d = P.nilai_sebelum_sesudah(r, "T-C.28|sasaran|1|Persentase Kelompok dan Lembaga Kemasyarakatan yang difasilitasi")
    assert set(d["versi"]) == {"sebelum", "sesudah"}
    awal = d[d["titik"].eq("Kondisi awal 2019")]
    assert awal["nilai"].isna().all() and awal["teks"].tolist() == ["-", "-"]
    assert not d["berubah"].any()
    assert P.nilai_sebelum_sesudah(r, "T-C.99|x|1|tidak ada").empty
