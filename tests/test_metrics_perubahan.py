"""metrics.efisiensi and metrics.perubahan: real Wonoasih values and synthetic edge cases."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from loaders import load_renstra
from metrics import capaian_kinerja, efisiensi, kuadran, perubahan_renstra, serapan_program

R = load_renstra()
NILAI_TATA_KELOLA = "Nilai Rata-rata Tata Kelola Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan"
IKM = "Indeks Kepuasan Masyarakat (IKM)"
IKM_KEC = "Indeks Kepuasan Masyarakat (IKM) pada Kecamatan Wonoasih"
TUJUAN_1_SEB = "Meningkatnya Cakupan Pemberdayaan Masyarakat Tingkat Kecamatan Wonoasih"
TUJUAN_1_SES = "Meningkatnya Cakupan Pemberdayaan Masyarakat di Kecamatan Wonoasih"
TUJUAN_2_SEB = "Meningkatkanya Kualitas Penyelenggaraan Pelayanan Publik di Kecamatan Wonoasih"
TUJUAN_2_SES = "Meningkatnya Kualitas Penyelenggaraan Pelayanan Publik di Kecamatan Wonoasih"


@pytest.fixture(scope="module")
def perubahan() -> pd.DataFrame:
    return perubahan_renstra(R.sasaran)


def _baris(df: pd.DataFrame, **kunci: object) -> pd.DataFrame:
    m = pd.Series(True, index=df.index)
    for k, v in kunci.items():
        m &= df[k] == v
    return df[m.fillna(False)]


# ---- perubahan_renstra (real document) ----


def test_kolom(perubahan: pd.DataFrame) -> None:
    assert list(perubahan.columns) == [
        "formulir", "jenis_perubahan", "level", "no", "indikator", "tahun", "sebelum", "sesudah",
    ]  # fmt: skip


@pytest.mark.parametrize("formulir", ["T-C.25", "T-C.28"])
def test_indikator_dihapus(perubahan: pd.DataFrame, formulir: str) -> None:
    d = _baris(perubahan, formulir=formulir, jenis_perubahan="indikator dihapus")
    assert d["indikator"].tolist() == [NILAI_TATA_KELOLA]
    assert d["level"].tolist() == ["sasaran"] and d["no"].tolist() == ["2"]
    assert _baris(perubahan, formulir=formulir, jenis_perubahan="indikator ditambah").empty


@pytest.mark.parametrize("formulir", ["T-C.25", "T-C.28"])
def test_tujuan_diganti_nama(perubahan: pd.DataFrame, formulir: str) -> None:
    d = _baris(perubahan, formulir=formulir, jenis_perubahan="tujuan diganti nama").sort_values("no")
    assert d["no"].tolist() == ["1", "2"]
    assert d["sebelum"].tolist() == [TUJUAN_1_SEB, TUJUAN_2_SEB]
    assert d["sesudah"].tolist() == [TUJUAN_1_SES, TUJUAN_2_SES]
    assert d["tahun"].isna().all()
    assert _baris(perubahan, formulir=formulir, jenis_perubahan="sasaran diganti nama").empty


def test_kondisi_awal_ikm_tc28(perubahan: pd.DataFrame) -> None:
    d = _baris(perubahan, formulir="T-C.28", jenis_perubahan="kondisi awal berubah").sort_values("indikator")
    assert d["indikator"].tolist() == [IKM, IKM_KEC]
    assert d["tahun"].tolist() == [2019, 2019]
    assert d["sebelum"].tolist() == ["84,50", "84,50"]
    assert d["sesudah"].tolist() == ["84,60", "84,60"]
    assert _baris(perubahan, formulir="T-C.25", jenis_perubahan="kondisi awal berubah").empty


def test_tidak_ada_target_berubah(perubahan: pd.DataFrame) -> None:
    assert _baris(perubahan, jenis_perubahan="target berubah").empty
    assert _baris(perubahan, jenis_perubahan="kondisi akhir berubah").empty


def test_ejaan_indikator_tc28(perubahan: pd.DataFrame) -> None:
    # T-C.28 spells the sasaran-1 indicator "Kemasyarakatan" before and "Kemasayarakatan" after:
    # reported as a rename, not as dihapus + ditambah
    d = _baris(perubahan, jenis_perubahan="indikator diganti nama")
    assert d["formulir"].tolist() == ["T-C.28"]
    assert d["sebelum"].tolist() == ["Persentase Kelompok dan Lembaga Kemasyarakatan yang difasilitasi"]
    assert d["sesudah"].tolist() == ["Persentase Kelompok dan Lembaga Kemasayarakatan yang difasilitasi"]
    ketat = perubahan_renstra(R.sasaran, ambang_kemiripan=None)
    assert len(_baris(ketat, formulir="T-C.28", jenis_perubahan="indikator dihapus")) == 2
    assert len(_baris(ketat, formulir="T-C.28", jenis_perubahan="indikator ditambah")) == 1


def test_jumlah_baris(perubahan: pd.DataFrame) -> None:
    # T-C.25: 1 dihapus + 2 tujuan; T-C.28: 1 dihapus + 1 indikator diganti nama + 2 tujuan + 2 kondisi awal
    assert perubahan["formulir"].value_counts().to_dict() == {"T-C.28": 6, "T-C.25": 3}


def test_perubahan_sintetis() -> None:
    # synthetic test data: one indicator, target 2021 changed, kondisi awal only in sebelum, sasaran renamed
    dasar = {"formulir": "F", "level": "sasaran", "no": "1", "tujuan": "T", "indikator": "X"}
    baris = [
        {**dasar, "versi": "sebelum", "sasaran": "S lama", "jenis": "target", "tahun": 2021, "target": 10.0},
        {**dasar, "versi": "sebelum", "sasaran": "S lama", "jenis": "kondisi_awal", "tahun": 2019, "target": 5.0},
        {**dasar, "versi": "sesudah", "sasaran": "S baru", "jenis": "target", "tahun": 2021, "target": 12.0},
    ]
    hasil = perubahan_renstra(pd.DataFrame(baris))
    ringkas = {
        (j, None if pd.isna(t) else int(t), None if pd.isna(a) else a, None if pd.isna(b) else b)
        for j, t, a, b in zip(hasil["jenis_perubahan"], hasil["tahun"], hasil["sebelum"], hasil["sesudah"], strict=True)
    }
    assert len(hasil) == 3
    assert ringkas == {
        ("sasaran diganti nama", None, "S lama", "S baru"),
        ("target berubah", 2021, "10", "12"),
        ("kondisi awal berubah", 2019, "5", None),
    }


# ---- efisiensi ----


@pytest.mark.parametrize(
    ("c", "s", "harap"),
    [
        (100, 100, "Capaian tinggi, serapan tinggi"),
        (120, 101, "Capaian tinggi, serapan tinggi"),
        (99.9, 80, "Capaian rendah, serapan rendah"),
        (50, 150, "Capaian rendah, serapan tinggi"),
        (100, 99.9, "Capaian tinggi, serapan rendah"),
        (None, 90, None),
    ],
)
def test_kuadran(c: float | None, s: float, harap: str | None) -> None:
    assert kuadran(c, s) == harap


def test_kuadran_ambang() -> None:
    assert kuadran(95, 90, ambang_capaian=90, ambang_serapan=95) == "Capaian tinggi, serapan rendah"


def _sintetis() -> tuple[pd.DataFrame, pd.DataFrame]:
    # synthetic test data (not from the document): two indicators, two programs, two years
    k = pd.DataFrame({
        "indikator": ["A", "A", "B", "B"], "tahun": [2020, 2021, 2020, 2021],
        "capaian": [110.0, 100.0, 80.0, None], "realisasi_disamakan_target": [False, True, False, True],
    })  # fmt: skip
    s = pd.DataFrame({
        "program_id": ["p1", "p1", "p2", "p2"], "program": ["P1", "P1", "P2", "P2"], "tahun": [2020, 2021, 2020, 2021],
        "anggaran": [100.0, 200.0, 300.0, None], "realisasi": [90.0, 200.0, 330.0, None],
        "serapan": [90.0, 100.0, 110.0, None],
    })  # fmt: skip
    return k, s


def test_efisiensi_sintetis_kecamatan() -> None:
    k, s = _sintetis()
    e = efisiensi(k, s)
    assert e["tingkat"].tolist() == ["kecamatan", "kecamatan"]
    assert e["tahun"].tolist() == [2020, 2021]
    # 2020: capaian (110 + 80) / 2 = 95; serapan (90 + 330) / (100 + 300) * 100 = 105
    # 2021: capaian 100 (B has none); serapan 200 / 200 * 100 = 100 (p2 has no anggaran)
    assert e["capaian"].tolist() == [95.0, 100.0]
    assert e["serapan"].tolist() == [105.0, 100.0]
    assert e["n_indikator"].tolist() == [2, 1] and e["n_program"].tolist() == [2, 1]
    assert e["kuadran"].tolist() == ["Capaian rendah, serapan tinggi", "Capaian tinggi, serapan tinggi"]
    assert pd.isna(e.loc[0, "catatan"]) and "disamakan dengan target" in e.loc[1, "catatan"]


def test_efisiensi_sintetis_program() -> None:
    k, s = _sintetis()
    pasangan = pd.DataFrame({"indikator": ["A", "B"], "program_id": ["p1", "p2"]})
    e = efisiensi(k, s, pasangan)
    assert e["tingkat"].unique().tolist() == ["program"]
    ringkas = list(zip(e["program_id"], e["tahun"], e["capaian"], e["serapan"], e["kuadran"], strict=True))
    assert ringkas == [
        ("p1", 2020, 110.0, 90.0, "Capaian tinggi, serapan rendah"),
        ("p2", 2020, 80.0, pytest.approx(110.0), "Capaian rendah, serapan tinggi"),
        ("p1", 2021, 100.0, 100.0, "Capaian tinggi, serapan tinggi"),
    ]
    with pytest.raises(ValueError, match="program_id"):
        efisiensi(k, s, pd.DataFrame({"indikator": ["A"]}))


def test_efisiensi_kecamatan_2018_nyata() -> None:
    e = efisiensi(capaian_kinerja(R.kinerja), serapan_program(R.anggaran))
    assert set(e["tingkat"]) == {"kecamatan"}
    baris = e[e["tahun"] == 2018].iloc[0]
    # T-C.23 2018, indicators with a capaian (target > 0):
    #   IKM 94.12 / 84 = 112.047619..; Kelompok Masyarakat Binaan 53 / 53 = 100;
    #   Kelurahan kriteria baik 96.38 / 68 = 141.735294..; adminduk 97.77 / 92 = 106.271739..;
    #   administrasi umum 93.38 / 97 = 96.268041.. (x 100 each)
    capaian = (94.12 / 84 + 53 / 53 + 96.38 / 68 + 97.77 / 92 + 93.38 / 97) * 100 / 5
    assert math.isclose(capaian, 111.264539, abs_tol=1e-6)
    # T-C.24 2018, the 10 programs with both anggaran and realisasi (tc24:10, 20, 21, 22, 23, 28, 29, 30, 32, 33)
    anggaran = (679423760 + 187187000 + 1661076160 + 389564000 + 188503000
                + 636273429 + 681314480 + 44300000 + 50354200 + 68548500)  # = 4586544529  # fmt: skip
    realisasi = (629623310 + 180425000 + 1593789614 + 385759000 + 183900350
                 + 604415754 + 646009500 + 38375000 + 47568200 + 61987000)  # = 4371852728  # fmt: skip
    assert (anggaran, realisasi) == (4586544529, 4371852728)
    serapan = realisasi / anggaran * 100  # = 95.319095..
    assert math.isclose(baris["capaian"], capaian, rel_tol=1e-12)
    assert math.isclose(baris["serapan"], serapan, rel_tol=1e-12)
    assert (baris["n_indikator"], baris["n_program"]) == (5, 10)
    assert baris["kuadran"] == "Capaian tinggi, serapan rendah"
    assert pd.isna(baris["catatan"])
    # 2019 (realisasi disamakan dengan target) is kept and flagged
    catatan_2019 = e.loc[e["tahun"] == 2019, "catatan"].iloc[0]
    assert "disamakan dengan target" in catatan_2019
