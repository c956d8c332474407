"""formatting: exact strings, as a reader of the dashboard sees them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from formatting import KETERANGAN_SATUAN, KOSONG, angka, persen, rupiah, rupiah_ringkas, tanggal

KOSONG_SEMUA = [None, pd.NA, float("nan"), np.nan, float("inf")]


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (1_800_000_000, "Rp 1.800.000.000"),
        (12_957_945_947, "Rp 12.957.945.947"),
        (np.int64(64_175_000), "Rp 64.175.000"),
        (1_800_000_000.0, "Rp 1.800.000.000"),
        (1_055_251_369.5, "Rp 1.055.251.369,50"),
        (Decimal("1055251369.50"), "Rp 1.055.251.369,50"),
        (12.345, "Rp 12,35"),  # half-up
        (0, "Rp 0"),
        (0.004, "Rp 0"),
        (-64_175_000, "-Rp 64.175.000"),
    ],
)
def test_rupiah(nilai: object, teks: str) -> None:
    assert rupiah(nilai) == teks


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (1_800_000_000, "Rp 1,8 M"),
        (12_957_945_947, "Rp 13,0 M"),
        (5_767_508_400, "Rp 5,8 M"),
        (999_960_000, "Rp 1,0 M"),  # not "Rp 1.000,0 jt"
        (64_175_000, "Rp 64,2 jt"),
        (500_000, "Rp 500,0 rb"),
        (949, "Rp 949"),
        (0, "Rp 0"),
        (-1_800_000_000, "-Rp 1,8 M"),
        (2_000_000_000_000, "Rp 2.000,0 M"),  # stays in units KETERANGAN_SATUAN explains
    ],
)
def test_rupiah_ringkas(nilai: object, teks: str) -> None:
    assert rupiah_ringkas(nilai) == teks
    assert "\xa0" not in rupiah_ringkas(nilai)


def test_keterangan_satuan() -> None:
    assert KETERANGAN_SATUAN == "M = miliar (10⁹), jt = juta (10⁶)"


@pytest.mark.parametrize(
    ("nilai", "desimal", "teks"),
    [
        (1_234_567, None, "1.234.567"),
        (1234.5, None, "1.234,5"),
        (1000.0, None, "1.000"),
        (0.125, None, "0,125"),
        (1234.56, 1, "1.234,6"),
        (0.125, 2, "0,13"),
        (106, 0, "106"),
        (-0.0, None, "0"),
    ],
)
def test_angka(nilai: object, desimal: int | None, teks: str) -> None:
    assert angka(nilai, desimal) == teks


@pytest.mark.parametrize(
    ("nilai", "desimal", "teks"),
    [(94.95, 2, "94,95 %"), (229.333, 2, "229,33 %"), (100, 2, "100,00 %"), (18.99, 1, "19,0 %")],
)
def test_persen(nilai: object, desimal: int, teks: str) -> None:
    assert persen(nilai, desimal) == teks


def test_persen_bawaan_dua_desimal() -> None:
    assert persen(94.95) == "94,95 %"


def test_tanggal() -> None:
    assert tanggal(date(2026, 11, 28)) == "28 November 2026"
    assert tanggal(datetime(2021, 10, 1, 8, 30)) == "1 Oktober 2021"
    assert tanggal(date(2024, 8, 17)) == "17 Agustus 2024"


@pytest.mark.parametrize("nilai", KOSONG_SEMUA)
def test_kosong_bukan_nol(nilai: object) -> None:
    assert KOSONG == "–"
    for f in (rupiah, rupiah_ringkas, angka, persen):
        assert f(nilai) == KOSONG


def test_tanggal_kosong() -> None:
    assert tanggal(None) == KOSONG
    assert tanggal(pd.NaT) == KOSONG


def test_tabel_per_jenis_kolom() -> None:
    import formatting as fmt

    df = pd.DataFrame({"tahun": [2024], "pagu": [1_800_000_000], "serapan": [94.95], "ket": [pd.NA]})
    hasil = fmt.tabel(df, {"tahun": "tahun", "pagu": "rupiah", "serapan": "persen", "ket": "teks"})
    assert hasil.iloc[0].tolist()[:3] == ["2024", "Rp 1.800.000.000", "94,95 %"]
    assert hasil.iloc[0]["ket"] == fmt.KOSONG  # empty text shows "–", never "None" or "<NA>"
    assert fmt.sel(pd.NA, "teks") == fmt.KOSONG
    assert fmt.sel(None, "rupiah") == fmt.KOSONG
    assert set(fmt.FORMAT_EXCEL) <= set(fmt.JENIS_KOLOM)
