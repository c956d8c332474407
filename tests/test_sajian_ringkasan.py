"""ringkasan: summaries checked against figures read off the document by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from loaders import Renstra, load_renstra
from sajian import ringkasan


@pytest.fixture(scope="module")
def r() -> Renstra:
    return load_renstra()


@pytest.fixture(scope="module")
def pagu(r: Renstra) -> pd.DataFrame:
    return ringkasan.pagu_per_tahun(r).set_index("tahun")


def test_tahun_2020_sampai_2024(pagu: pd.DataFrame) -> None:
    assert list(pagu.index) == [2020, 2021, 2022, 2023, 2024]
    assert (pagu["program"] == 4).all()


def test_pagu_2022_2024_dari_pagu_program(pagu: pd.DataFrame) -> None:
    # T-C.27 (2022-2024): 7.01.03 + 7.01.02 + 7.01.05 + 7.01.01, all printed readably
    assert pagu.loc[2022, "pagu"] == 1_997_779_200 + 1_488_344_000 + 349_601_200 + 9_122_221_547 == 12_957_945_947
    assert pagu.loc[2023, "pagu"] == 1_606_116_002 + 1_471_899_240 + 345_738_445 + 9_495_655_116
    assert pagu.loc[2024, "pagu"] == 1_732_468_436 + 1_538_963_466 + 361_491_345 + 9_565_206_165
    assert pagu.loc[2022, "program_rincian"] == 0 and pagu.loc[2022, "catatan"] == ""


def test_pagu_2021_program_tak_terbaca_dari_rinciannya(pagu: pd.DataFrame) -> None:
    # 7.01.01 is printed ***** in the 2021 table: its kegiatan sum (9.990.090.888) stands in, and says so.
    assert pagu.loc[2021, "pagu"] == 4_142_579_200 + 1_290_128_000 + 334_801_200 + 9_990_090_888
    assert pagu.loc[2021, "program_rincian"] == 1
    assert pagu.loc[2021, "catatan"].startswith("1 dari 4 program dijumlah dari rinciannya")


def test_pagu_2020_semua_dari_rincian(pagu: pd.DataFrame) -> None:
    assert pagu.loc[2020, "pagu"] == 15_216_940_943
    assert pagu.loc[2020, "program_rincian"] == 4


def test_serapan_per_tahun_sama_dengan_halaman_anggaran(r: Renstra) -> None:
    s = ringkasan.serapan_per_tahun(r).set_index("tahun")
    # T-C.24 2020: programs printing both figures: realisasi 2.522.778.557 of anggaran 2.624.878.969,50
    assert s.loc[2020, "realisasi"] == 2_522_778_557
    assert s.loc[2020, "anggaran"] == 2_624_878_969.5
    assert round(s.loc[2020, "serapan"], 2) == 96.11
    assert s.loc[2020, "program"] == 3
    assert bool(s.loc[2019, "disamakan"]) and not bool(s.loc[2018, "disamakan"])


def test_daftar_tabel(r: Renstra) -> None:
    tabel = ringkasan.daftar_tabel(r).set_index("tabel")
    assert len(tabel) == 15
    assert tabel.loc["T-C.24", "jumlah_baris"] == 36
    assert tabel.loc["T-C.27 (2022-2024)", "jumlah_baris"] == 60
    assert tabel.loc["T-C.24", "bagian"] == "2.3 Kinerja Pelayanan Kecamatan"


def test_label_dan_tabel_tercetak(r: Renstra) -> None:
    assert ringkasan.label_tabel(r)["tc24"] == (
        "T-C.24 — Anggaran dan Realisasi Pendanaan Pelayanan Kecamatan Wonoasih Kota Probolinggo"
    )
    data = ringkasan.tabel_tercetak(r, "tc24")
    assert data.index.name == "baris"
    assert data.loc[2, "anggaran_2016"] == "64,175,000"
    assert data.loc[3, "pertumbuhan_anggaran"] == "(0.44)"
    assert ringkasan.judul_kolom(r, "tc24")["uraian"]


def test_koreksi_tabel(r: Renstra) -> None:
    assert ringkasan.koreksi_tabel(r, "tc24").empty
    koreksi = ringkasan.koreksi_tabel(r, "tc27_2021")
    assert list(koreksi.columns) == ["baris", "jenis", "uraian", "sumber_baris_teks"]
    assert "baris_ulang" in set(koreksi["jenis"])
    manifest = r.tabel_mentah["tc27_2021"].meta["koreksi"]
    assert list(koreksi["baris"]) == [", ".join(map(str, k["baris"])) for k in manifest]
    assert (koreksi["baris"] == "").any()  # header_halaman: no single data row


def test_hitung_keparahan() -> None:
    temuan = pd.DataFrame({"keparahan": ["galat", "info", "info"]})
    assert ringkasan.hitung_keparahan(temuan) == {"galat": 1, "peringatan": 0, "info": 2}


def test_keadaan_tujuan_sasaran(r: Renstra) -> None:
    # A revised Renstra: T-C.25 after the change is the one shown, and the page may say so.
    assert ringkasan.keadaan_tujuan_sasaran(r) == {
        "tahun": [2020, 2021, 2022, 2023, 2024],
        "formulir": "T-C.25",
        "judul": "Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah Setelah Perubahan",
        "berubah": True,
    }
    assert [c for c in ringkasan.tujuan_sasaran(r).columns if c.isdigit()] == ["2020", "2021", "2022", "2023", "2024"]
