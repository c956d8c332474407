"""formatting: exact strings, as a reader of the dashboard sees them."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, getcontext, localcontext

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from formatting import (
    DESIMAL_MAKS,
    EKSPONEN_ILMIAH,
    JENIS_KOLOM,
    KETERANGAN_SATUAN,
    KOSONG,
    angka,
    persen,
    rupiah,
    rupiah_ringkas,
    sel,
    tabel,
    tanggal,
)

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


# --- Values no cell should crash on (issue "Upload hardening") --------------------------------

SEPULUH_28 = "10.000.000.000.000.000.000.000.000.000"


def _id(nilai: object) -> str | None:
    """pytest's own id would call str() on a 5 000-digit int, which Python refuses."""
    return f"int_{nilai.bit_length()}_bit" if isinstance(nilai, int) and nilai.bit_length() > 1000 else None


@pytest.mark.parametrize(
    ("nilai", "fungsi", "teks"),
    [
        # Below 10**30 every digit prints (1e28 used to raise decimal.InvalidOperation).
        (1e28, angka, SEPULUH_28),
        (1e28, rupiah, f"Rp {SEPULUH_28}"),
        (1e28, persen, f"{SEPULUH_28},00 %"),
        (1e28, rupiah_ringkas, "Rp 10.000.000.000.000.000.000,0 M"),
        (1e29, angka, "100.000.000.000.000.000.000.000.000.000"),
        (1e29, rupiah, "Rp 100.000.000.000.000.000.000.000.000.000"),
        (-1e29, rupiah, "-Rp 100.000.000.000.000.000.000.000.000.000"),
        (1e29, rupiah_ringkas, "Rp 100.000.000.000.000.000.000,0 M"),
        # From 10**30 on: scientific form, mantissa with two decimals, superscript exponent.
        (1e30, angka, "1,00 × 10³⁰"),
        (1e30, persen, "1,00 × 10³⁰ %"),
        (1e30, rupiah, "Rp 1,00 × 10³⁰"),
        (1e30, rupiah_ringkas, "Rp 1,00 × 10³⁰"),
        (-1e30, angka, "-1,00 × 10³⁰"),
        (-1e30, persen, "-1,00 × 10³⁰ %"),
        (-1e30, rupiah, "-Rp 1,00 × 10³⁰"),
        (-1e30, rupiah_ringkas, "-Rp 1,00 × 10³⁰"),
        (1.7976931348623157e308, angka, "1,80 × 10³⁰⁸"),
        (1.7976931348623157e308, rupiah, "Rp 1,80 × 10³⁰⁸"),
        (-1.7976931348623157e308, rupiah_ringkas, "-Rp 1,80 × 10³⁰⁸"),
        (1.005e30, angka, "1,01 × 10³⁰"),  # half-up in the mantissa too
        (9.995e30, angka, "1,00 × 10³¹"),  # rounding up to 10,00 moves the exponent
        (10**5000, angka, "1,00 × 10⁵⁰⁰⁰"),  # beyond str(int)'s 4 300-digit limit
        (-(10**5000) + 1, rupiah, "-Rp 1,00 × 10⁵⁰⁰⁰"),
        (1005 * 10**5000, angka, "1,01 × 10⁵⁰⁰³"),  # a tie, exact even for a long int
        (1005 * 10**5000 - 1, angka, "1,00 × 10⁵⁰⁰³"),
        (2**100_000, angka, "9,99 × 10³⁰¹⁰²"),
        (Decimal("1E+999999"), angka, "1,00 × 10⁹⁹⁹⁹⁹⁹"),
        (Decimal("1E+999999"), persen, "1,00 × 10⁹⁹⁹⁹⁹⁹ %"),
        (Decimal("-1E+999999"), rupiah, "-Rp 1,00 × 10⁹⁹⁹⁹⁹⁹"),
        (Decimal("1E+999999"), rupiah_ringkas, "Rp 1,00 × 10⁹⁹⁹⁹⁹⁹"),
        ("1e30", rupiah, "Rp 1,00 × 10³⁰"),  # text holding a number, as before, now also huge
        # Tiny values round to the function's decimals.
        (5e-324, angka, "0"),
        (5e-324, rupiah, "Rp 0"),
        (5e-324, rupiah_ringkas, "Rp 0"),
        (5e-324, persen, "0,00 %"),
        (-5e-324, angka, "0"),
        (-5e-324, persen, "0,00 %"),
        (-5e-324, rupiah, "Rp 0"),
        (Decimal("-1E-999999"), angka, "0"),
        (-0.0, rupiah, "Rp 0"),
        (-0.0, rupiah_ringkas, "Rp 0"),
        (-0.0, persen, "0,00 %"),
        (Decimal("-0.000"), angka, "0"),
        (Decimal("-0E+999999"), rupiah, "Rp 0"),
    ],
    ids=_id,
)
def test_nilai_ekstrem(nilai: object, fungsi: Callable[[object], str], teks: str) -> None:
    assert fungsi(nilai) == teks


@pytest.mark.parametrize(
    ("nilai", "desimal", "teks"),
    [
        (5e-324, 2, "0,00"),
        (-5e-324, 0, "0"),
        (-0.0, 2, "0,00"),
        (1e28, 2, f"{SEPULUH_28},00"),
        (1e30, 0, "1,00 × 10³⁰"),  # the mantissa keeps two decimals whatever ``desimal`` is
        # Big but below the threshold, with decimals: no digit lost to the 28-digit default context.
        (Decimal("123456789012345678901234567890.125"), None, "123.456.789.012.345.678.901.234.567.890,125"),
        (Decimal("123456789012345678901234567890.125"), 2, "123.456.789.012.345.678.901.234.567.890,13"),
        (Decimal("-123456789012345678901234567890.5"), 0, "-123.456.789.012.345.678.901.234.567.891"),
        # desimal=None keeps at most DESIMAL_MAKS decimals, half-up.
        (Decimal("1." + "0" * 30 + "5"), None, "1," + "0" * 29 + "1"),
        (Decimal("0." + "0" * 29 + "12345"), None, "0," + "0" * 29 + "1"),
    ],
)
def test_angka_ekstrem(nilai: object, desimal: int | None, teks: str) -> None:
    assert angka(nilai, desimal) == teks


def test_rupiah_besar_dengan_desimal() -> None:
    d = Decimal("123456789012345678901234567890.125")
    assert rupiah(d) == "Rp 123.456.789.012.345.678.901.234.567.890,13"
    assert rupiah(Decimal("-123456789012345678901234567890.125")) == "-Rp 123.456.789.012.345.678.901.234.567.890,13"
    assert rupiah_ringkas(d) == "Rp 123.456.789.012.345.678.901,2 M"
    assert persen(Decimal("99999999999999999999999999999.995")) == "100.000.000.000.000.000.000.000.000.000,00 %"
    assert getcontext().prec == 28  # the global context is left alone


def test_ambang_ilmiah() -> None:
    assert EKSPONEN_ILMIAH == 30
    assert DESIMAL_MAKS == 30
    assert angka(10**30 - 1) == "999." * 9 + "999"
    assert angka(10**30) == "1,00 × 10³⁰"
    assert angka(Decimal("-1E-5") * 10**35) == "-1,00 × 10³⁰"


def test_decimal_sejuta_digit_tetap_pendek() -> None:
    for jenis in JENIS_KOLOM:
        assert len(sel(Decimal("1E+999999"), jenis)) < 30
    assert len(angka(Decimal("1." + "1" * 1_000_000))) == 32  # capped at DESIMAL_MAKS decimals


@pytest.mark.parametrize(
    "nilai",
    [
        Decimal("NaN"),
        Decimal("-NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        Decimal("-Infinity"),
        float("-inf"),
        pd.NaT,
    ],
)
def test_decimal_khusus_kosong(nilai: object) -> None:
    for jenis in JENIS_KOLOM:
        assert sel(nilai, jenis) == KOSONG
    assert angka(nilai, 2) == KOSONG
    assert persen(nilai, 1) == KOSONG
    assert tanggal(nilai) == KOSONG


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        ("Dinas Kesehatan", "Dinas Kesehatan"),
        ("", ""),
        (2024, "2024"),  # kode and years stay plain digits
        (1.5, "1.5"),
        (1e16, "10.000.000.000.000.000"),  # not "1e+16"
        (1e-05, "0,00001"),  # not "1e-05"
        (-0.0, "0"),
        (Decimal("1E+2"), "100"),
        (float("inf"), KOSONG),
        (10**5000, "1,00 × 10⁵⁰⁰⁰"),
        (10**40, "1,00 × 10⁴⁰"),
        (10**29, "1" + "0" * 29),
        (np.array([1, 2]), "[1 2]"),
    ],
    ids=_id,
)
def test_sel_teks(nilai: object, teks: str) -> None:
    assert sel(nilai, "teks") == teks


def test_sel_tahun_dan_teks_bilangan() -> None:
    assert sel(1e28, "tahun") == "10000000000000000000000000000"
    assert sel(1e30, "tahun") == "1,00 × 10³⁰"
    assert sel(2024.0, "tahun") == "2024"
    assert sel(-0.0, "tahun") == "0"
    assert sel("abc", "rupiah") == KOSONG  # text that is no number stays empty, as before
    assert sel("1.5", "persen") == "1,50 %"
    assert sel(np.float64(1e30), "bulat") == "1,00 × 10³⁰"
    assert sel(np.int64(-64_175_000), "rupiah") == "-Rp 64.175.000"


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (pd.Timestamp("2026-11-28 08:30"), "28 November 2026"),
        ("2026-11-28", "28 November 2026"),
        ("2026-11-28T08:30:00", "28 November 2026"),
        ("akhir tahun", "akhir tahun"),  # text that is no date shows as typed
        ("  ", KOSONG),
        (1e30, KOSONG),
        (float("nan"), KOSONG),
        (np.datetime64("NaT"), KOSONG),
        (True, KOSONG),
    ],
)
def test_tanggal_apa_saja(nilai: object, teks: str) -> None:
    assert tanggal(nilai) == teks


def test_tabel_nilai_ekstrem() -> None:
    nilai = [1e30, -1e30, 1e28, 5e-324, -0.0, 10**5000, Decimal("1E+999999"), Decimal("sNaN"), pd.NA, None, "x"]
    df = pd.DataFrame({j: pd.Series(nilai, dtype=object) for j in JENIS_KOLOM})
    hasil = tabel(df, {j: j for j in JENIS_KOLOM})
    assert hasil["rupiah"].tolist()[:7] == [
        "Rp 1,00 × 10³⁰",
        "-Rp 1,00 × 10³⁰",
        f"Rp {SEPULUH_28}",
        "Rp 0",
        "Rp 0",
        "Rp 1,00 × 10⁵⁰⁰⁰",
        "Rp 1,00 × 10⁹⁹⁹⁹⁹⁹",
    ]
    assert hasil["rupiah"].tolist()[7:] == [KOSONG, KOSONG, KOSONG, KOSONG]
    assert hasil["teks"].tolist()[7:] == [KOSONG, KOSONG, KOSONG, "x"]
    assert all(isinstance(t, str) for j in JENIS_KOLOM for t in hasil[j].tolist())


# --- Property: every formatter, every number a cell can hold ----------------------------------

PENULIS: dict[str, Callable[[object], str]] = {
    "rupiah": rupiah,
    "rupiah_ringkas": rupiah_ringkas,
    "angka": angka,
    "angka_0": lambda x: angka(x, 0),
    "angka_2": lambda x: angka(x, 2),
    "persen": persen,
    "persen_1": lambda x: persen(x, 1),
    **{f"sel_{j}": functools.partial(sel, jenis=j) for j in JENIS_KOLOM},
}
NILAI = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(),
    # Very large ints, beyond str(int)'s 4 300 digits and Decimal's cheap range.
    st.builds(lambda m, e: m * 10**e + m, st.integers(-(10**6), 10**6), st.integers(0, 12_000)),
    st.decimals(allow_nan=True, allow_infinity=True),
)
ASING = re.compile(r"nan|inf|decimal|\d[eE][+-]?\d|e\+", re.IGNORECASE)
ILMIAH = re.compile(r"-?(Rp )?\d,\d\d × 10[⁰¹²³⁴⁵⁶⁷⁸⁹]+( %)?")


def _sebagai_decimal(x: object) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(x) if isinstance(x, int) else Decimal(str(x))


def _hingga(x: object) -> bool:
    return _sebagai_decimal(x).is_finite() if not isinstance(x, int) or x.bit_length() < 10_000 else True


@given(NILAI)
def test_tidak_pernah_galat(x: object) -> None:
    hingga = _hingga(x)
    for nama, f in PENULIS.items():
        teks = f(x)
        assert isinstance(teks, str), nama
        assert not ASING.search(teks), (nama, teks)
        assert len(teks) <= 100, (nama, len(teks))  # never hundreds of digits
        assert (teks != KOSONG) == hingga, (nama, teks)  # "–" only for NaN / ±inf
        assert not teks.startswith("-") or re.search("[1-9]", teks), (nama, teks)  # never "-0"
    assert tanggal(x) == KOSONG


@given(NILAI)
def test_angka_sama_dengan_pembulatan_tangan(x: object) -> None:
    """Below the threshold, angka(x, 2) is x rounded half-up, grouped by hand; above, scientific."""
    if not _hingga(x):
        return
    if isinstance(x, int) and x.bit_length() > 200:
        assert ILMIAH.fullmatch(angka(x, 2))
        return
    d = _sebagai_decimal(x)
    if d.copy_abs() >= 10**EKSPONEN_ILMIAH:
        assert ILMIAH.fullmatch(angka(x, 2))
        assert ILMIAH.fullmatch(rupiah(x)) and ILMIAH.fullmatch(persen(x))
        return
    with localcontext(prec=200):
        bulat = d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if bulat == 0:
            bulat = abs(bulat)
        tangan = f"{bulat:,.2f}".translate(str.maketrans(",.", ".,"))
    assert angka(x, 2) == tangan
    assert persen(x) == f"{tangan} %"


@given(st.lists(NILAI, max_size=6))
def test_tabel_tidak_pernah_galat(nilai: list[object]) -> None:
    df = pd.DataFrame({j: pd.Series(nilai, dtype=object) for j in JENIS_KOLOM})
    hasil = tabel(df, {j: j for j in JENIS_KOLOM})
    assert all(isinstance(t, str) for j in JENIS_KOLOM for t in hasil[j].tolist())


def test_pembulatan_tidak_mengubah_float_biasa() -> None:
    for x in (0.1 + 0.2, 1 / 3, math.pi * 1e6, 2.5, -2.5, 0.125):
        assert angka(x) == angka(Decimal(str(x)))
