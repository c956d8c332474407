"""Tes pembaca angka sel Renstra (format seperti tercetak di PDF)."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.angka import AngkaError, Nilai, baca_angka


@pytest.mark.parametrize(
    ("teks", "jenis", "angka"),
    [
        ("64,175,000", "rupiah", 64175000),
        ("64,175,000", "nilai", 64175000),
        ("5.673.534.002", "rupiah", 5673534002),
        ("1.055.251.369,50", "rupiah", 1055251369.5),
        ("363.640.500,00", "rupiah", 363640500),
        ("Rp 64.175.000", "rupiah", 64175000),
        ("Rp.1.500", "rupiah", 1500),
        ("1,234.56", "nilai", 1234.56),
        ("99.69", "nilai", 99.69),
        ("94,95", "nilai", 94.95),
        ("278,5", "nilai", 278.5),
        ("1.00", "nilai", 1.0),
        ("0.00", "nilai", 0.0),
        ("96", "nilai", 96),
        ("96", "rupiah", 96),
        ("\u00a0 96 \u00a0", "nilai", 96),
        ("(0.44)", "nilai", -0.44),
        ("-12,5", "nilai", -12.5),
        ("0,125", "nilai", 0.125),
        ("1234.567", "nilai", 1234.567),
    ],
)
def test_angka_tanpa_satuan(teks: str, jenis: str, angka: float) -> None:
    hasil = baca_angka(teks, jenis)  # type: ignore[arg-type]
    assert hasil == Nilai(angka, teks=teks.strip())
    assert type(hasil.angka) is type(angka)


def test_jenis_hasil_int_atau_float() -> None:
    assert type(baca_angka("363.640.500,00", "rupiah").angka) is int
    assert type(baca_angka("90.00", "nilai").angka) is float
    assert type(baca_angka("1.055.251.369,50", "rupiah").angka) is float


@pytest.mark.parametrize(
    ("teks", "angka", "satuan"),
    [
        ("18,99%", 18.99, "%"),
        ("90.00%", 90.0, "%"),
        ("0%", 0, "%"),
        ("100 %", 100, "%"),
        ("24 Kasus", 24, "Kasus"),
        ("400 Unit/buah", 400, "Unit/buah"),
        ("2007 Kelompok", 2007, "Kelompok"),
        ("6 Kelurahan", 6, "Kelurahan"),
        ("1 Set", 1, "Set"),
        ("10 Laporan", 10, "Laporan"),
        ("35 buah", 35, "buah"),
        ("3 Dok.", 3, "Dok."),
        ("12\u00a0 Kasus", 12, "Kasus"),
    ],
)
def test_satuan(teks: str, angka: float, satuan: str) -> None:
    hasil = baca_angka(teks)
    assert (hasil.angka, hasil.satuan, hasil.status, hasil.persen) == (
        angka,
        satuan,
        "ok",
        None,
    )
    assert type(hasil.angka) is type(angka)


@pytest.mark.parametrize(
    ("teks", "angka", "persen"),
    [
        ("5170 (38,12%)", 5170, 38.12),
        ("4 (66,66%)", 4, 66.66),
        ("37 (100%)", 37, 100.0),
    ],
)
def test_persen_dalam_kurung(teks: str, angka: int, persen: float) -> None:
    assert baca_angka(teks) == Nilai(angka, satuan="", teks=teks, persen=persen)
    assert isinstance(baca_angka(teks).persen, float)


@pytest.mark.parametrize("teks", ["", "   ", "\u00a0", "-", "\u2013", "\u2014", " - "])
@pytest.mark.parametrize("jenis", ["nilai", "rupiah"])
def test_kosong(teks: str, jenis: str) -> None:
    assert baca_angka(teks, jenis) == Nilai(None, status="kosong", teks=teks.strip())  # type: ignore[arg-type]


@pytest.mark.parametrize("teks", ["**", "*****", "#####", " ### "])
def test_tidak_terbaca(teks: str) -> None:
    assert baca_angka(teks, "rupiah") == Nilai(None, status="tidak_terbaca", teks=teks.strip())


def test_masukan_bilangan_dari_openpyxl() -> None:
    assert baca_angka(64175000, "rupiah") == Nilai(64175000, teks="64175000")
    assert baca_angka(99.69) == Nilai(99.69, teks="99.69")
    assert baca_angka(-2) == Nilai(-2, teks="-2")
    assert baca_angka(None) == Nilai(None, status="kosong")
    assert baca_angka(float("nan")) == Nilai(None, status="kosong")


def test_ambigu_tiga_digit() -> None:
    assert baca_angka("1.500", "rupiah").angka == 1500
    assert baca_angka("1,500", "rupiah").angka == 1500
    for teks in ("1.500", "1,500", "12.345"):
        with pytest.raises(AngkaError, match="ambigu") as info:
            baca_angka(teks, "nilai")
        assert f"'{teks}'" in str(info.value)
    with pytest.raises(AngkaError, match=r"tulis 1500 \(ribuan\) atau 1,5 \(desimal\)"):
        baca_angka("1.500")


@pytest.mark.parametrize(
    ("teks", "jenis", "pesan"),
    [
        ("abc", "nilai", "'abc' bukan angka"),
        ("12abc3", "nilai", "'12abc3' bukan angka"),
        ("1..2", "nilai", "'1..2' bukan angka"),
        ("1,2,3", "nilai", "'1,2,3' bukan angka"),
        ("1.23.456", "rupiah", "pengelompokan ribuan"),
        ("1.234.56", "rupiah", "pengelompokan ribuan"),
        ("1234.567,5", "nilai", "pengelompokan ribuan"),
        ("0.500.000", "rupiah", "pengelompokan ribuan"),
        ("1.234,5.6", "nilai", "desimal ganda"),
        ("1 000", "nilai", "'1 000' bukan angka"),
        ("1\u2009000", "rupiah", "bukan angka"),
        ("Kasus 24", "nilai", "'Kasus 24' bukan angka"),
        ("Rp 5", "nilai", "'Rp 5' bukan angka"),
        ("12 34", "nilai", "bukan angka"),
        ("5 (6)", "nilai", "bukan angka"),
        ("(-5)", "nilai", "bukan angka"),
        ("%", "nilai", "bukan angka"),
        ("**1", "nilai", "bukan angka"),
        ("(0.44)", "rupiah", "negatif"),
        ("-64,175,000", "rupiah", "negatif"),
        ("100%", "rupiah", "'100%' bukan jumlah Rupiah"),
        ("24 Kasus", "rupiah", "bukan jumlah Rupiah"),
        ("5170 (38,12%)", "rupiah", "bukan jumlah Rupiah"),
        ("1.000,500", "rupiah", "lebih dari 2 desimal"),
    ],
)
def test_galat(teks: str, jenis: str, pesan: str) -> None:
    with pytest.raises(AngkaError, match=pesan.replace("(", r"\(").replace(")", r"\)")):
        baca_angka(teks, jenis)  # type: ignore[arg-type]


def test_galat_masukan_bukan_teks() -> None:
    with pytest.raises(AngkaError, match="bukan angka"):
        baca_angka(True)
    with pytest.raises(AngkaError, match="negatif"):
        baca_angka(-5, "rupiah")
    with pytest.raises(AngkaError, match="tak hingga"):
        baca_angka(float("inf"))
    assert issubclass(AngkaError, ValueError)


@given(st.integers(min_value=0, max_value=10**15))
def test_properti_ribuan_indonesia_dan_us(n: int) -> None:
    us = f"{n:,}"
    indonesia = us.replace(",", ".")
    assert baca_angka(us, "rupiah") == Nilai(n, teks=us)
    assert baca_angka(indonesia, "rupiah") == Nilai(n, teks=indonesia)


@given(
    st.decimals(
        min_value=Decimal("-1e12"),
        max_value=Decimal("1e12"),
        places=2,
        allow_nan=False,
        allow_infinity=False,
    )
)
def test_properti_desimal_gaya_indonesia(d: Decimal) -> None:
    teks = f"{d:,.2f}".translate(str.maketrans({",": ".", ".": ","}))
    hasil = baca_angka(teks, "nilai")
    assert isinstance(hasil.angka, float)
    assert round(hasil.angka, 2) == round(float(d), 2)
    if d >= 0:
        rupiah = baca_angka(teks, "rupiah").angka
        assert rupiah == (int(d) if d == d.to_integral_value() else float(d))


@given(st.text(alphabet="0123456789.,-()% Rp*#abcKasus/\u00a0", max_size=20))
def test_properti_tidak_pernah_nan(teks: str) -> None:
    for jenis in ("nilai", "rupiah"):
        try:
            hasil = baca_angka(teks, jenis)  # type: ignore[arg-type]
        except AngkaError as galat:
            assert str(galat).startswith("'")
            continue
        assert (hasil.angka is None) == (hasil.status != "ok")
        if hasil.angka is not None:
            assert not math.isnan(hasil.angka)
            assert jenis == "nilai" or hasil.angka >= 0


@pytest.mark.parametrize(
    ("masukan", "pesan"),
    [
        (1e30, "'1,00 × 10³⁰' terlalu besar (lebih dari 1.000.000.000.000.000); salah ketik?"),
        (
            "1.000.000.000.000.000.000",
            "'1.000.000.000.000.000.000' terlalu besar (lebih dari 1.000.000.000.000.000); salah ketik?",
        ),
        ("9" * 5000, f"'{'9' * 40}…' terlalu panjang untuk sebuah angka"),
        (float("inf"), "bukan angka yang terbaca (tak hingga)"),
        (True, "'TRUE' bukan angka (nilai benar/salah)"),
    ],
)
def test_angka_di_luar_jangkauan_ditolak_sebelum_dihitung(masukan: object, pesan: str) -> None:
    # Issue 11: a number no Renstra prints is refused here, not later by pandas (OverflowError) or int().
    with pytest.raises(AngkaError) as e:
        baca_angka(masukan, "rupiah")
    assert str(e.value) == pesan


def test_batas_angka_tepat() -> None:
    assert baca_angka(10**15, "rupiah").angka == 10**15
    with pytest.raises(AngkaError):
        baca_angka(10**15 + 1, "rupiah")
