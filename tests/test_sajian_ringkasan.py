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
    return ringkasan.pagu_program_per_tahun(r.rencana).set_index("tahun")


def test_tahun_2020_sampai_2024(pagu: pd.DataFrame) -> None:
    assert list(pagu.index) == [2020, 2021, 2022, 2023, 2024]
    assert (pagu["jumlah_program"] == 4).all()


def test_pagu_program_2022(pagu: pd.DataFrame) -> None:
    # T-C.27 (2022-2024): 7.01.03 + 7.01.02 + 7.01.05 + 7.01.01
    assert pagu.loc[2022, "pagu_program"] == 1_997_779_200 + 1_488_344_000 + 349_601_200 + 9_122_221_547
    assert pagu.loc[2022, "pagu_program"] == 12_957_945_947
    assert pagu.loc[2022, "program_tak_terbaca"] == 0


def test_pagu_program_2021_hanya_yang_terbaca(pagu: pd.DataFrame) -> None:
    # 7.01.01 is printed ***** in the 2021 table: summed over the other three only.
    assert pagu.loc[2021, "pagu_program"] == 4_142_579_200 + 1_290_128_000 + 334_801_200 == 5_767_508_400
    assert pagu.loc[2021, "program_terbaca"] == 3
    assert pagu.loc[2021, "program_tak_terbaca"] == 1


def test_pagu_program_2020_tak_terbaca_bukan_nol(pagu: pd.DataFrame) -> None:
    assert pd.isna(pagu.loc[2020, "pagu_program"])
    assert pagu.loc[2020, "program_terbaca"] == 0
    assert pagu.loc[2020, "program_tak_terbaca"] == 4


def test_pagu_program_2023_2024(pagu: pd.DataFrame) -> None:
    assert pagu.loc[2023, "pagu_program"] == 1_606_116_002 + 1_471_899_240 + 345_738_445 + 9_495_655_116
    assert pagu.loc[2024, "pagu_program"] == 1_732_468_436 + 1_538_963_466 + 361_491_345 + 9_565_206_165


def test_indikator_kedua_tidak_dihitung_ganda() -> None:
    rencana = pd.DataFrame(
        {
            "tingkat": ["program", "program", "program", "kegiatan"],
            "tahun": pd.array([2022, 2022, 2022, 2022], dtype="Int64"),
            "item_id": ["a", "a", "b", "c"],
            "pagu": pd.array([100, pd.NA, 50, 999], dtype="Int64"),
            "pagu_status": ["ok", "kosong", "ok", "ok"],
        }
    )
    hasil = ringkasan.pagu_program_per_tahun(rencana)
    assert hasil.loc[0, "pagu_program"] == 150
    assert hasil.loc[0, "jumlah_program"] == 2


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
