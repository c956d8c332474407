"""The column reader (``baca_angka_seri``) against the cell reader (``baca_angka``): the same for every cell.

Same number (and its type: int or float, even -0.0), unit, status, text and percent; the same
refusals with the same messages. The loaders read whole columns at once, so a bad cell must
still stop them at the same place with the same error.
"""

from __future__ import annotations

import csv
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from loaders import RenstraError, load_renstra
from loaders.angka import KOLOM_NILAI, AngkaError, baca_angka, baca_angka_seri

JENIS = ("nilai", "rupiah")


def _skalar(v: Any, jenis: str) -> tuple[Any, ...]:
    try:
        n = baca_angka(v, jenis)  # type: ignore[arg-type]
    except AngkaError as e:
        return (None, "", "galat", "", None, str(e))
    return (n.angka, n.satuan, n.status, n.teks, n.persen, None)


def _persis(nilai: tuple[Any, ...]) -> tuple[tuple[str, str], ...]:
    """Compared by type and repr: 5 is not 5.0, -0.0 is not 0.0, NaN equals NaN."""
    return tuple((type(v).__name__, repr(v)) for v in nilai)


def _cek_sama(sel: list[Any]) -> None:
    for jenis in JENIS:
        hasil = baca_angka_seri(pd.Series(sel, dtype=object), jenis)  # type: ignore[arg-type]
        assert list(hasil.columns) == list(KOLOM_NILAI)
        for i, v in enumerate(sel):
            seri = tuple(hasil.iat[i, j] for j in range(len(KOLOM_NILAI)))
            assert _persis(seri) == _persis(_skalar(v, jenis)), (v, jenis)


# --- cell texts in every style the module docstring names, and what goes wrong with them ----------

_BULAT = st.one_of(st.integers(0, 999), st.integers(0, 10**16), st.integers(10**16, 10**45))
_PEMISAH = st.sampled_from([".", ","])


@st.composite
def _angka_tercetak(draw: st.DrawFn) -> str:
    n = draw(_BULAT)
    bentuk = draw(st.sampled_from(["polos", "ribuan", "desimal", "campur", "acak"]))
    if bentuk == "polos":
        return str(n)
    ribuan = draw(_PEMISAH)
    grup = f"{n:,}".replace(",", ribuan)
    if bentuk == "ribuan":
        return grup
    pecahan = draw(st.from_regex(r"[0-9]{1,5}", fullmatch=True))
    if bentuk == "desimal":
        return f"{n}{draw(_PEMISAH)}{pecahan}"
    if bentuk == "campur":
        return f"{grup}{'.' if ribuan == ',' else ','}{pecahan}"
    return draw(st.from_regex(r"[0-9][0-9.,]{0,12}", fullmatch=True))


_AWALAN = st.sampled_from(["", "", "", "-", "(", "Rp ", "Rp.", "rp", "--", "+"])
_AKHIRAN = st.sampled_from(
    ["", "", "", "%", " %", ")", "%)", " Kasus)", " Kasus", " Unit/buah", " Dok.", " Dok. Rencana", "  Kasus",
     " Ka  sus", " (38,12%)", " (100%)", " (1.500%)", " Kasus (5%)", "%%", " x1", " Ünit", " %)", " (5)"]
)  # fmt: skip
_TEPI = st.sampled_from(["", "", " ", "  ", "\u00a0", "\t", "\n", " \u00a0 "])
_UNICODE = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@st.composite
def _teks_sel(draw: st.DrawFn) -> str:
    isi = f"{draw(_AWALAN)}{draw(_angka_tercetak())}{draw(_AKHIRAN)}"
    if draw(st.integers(0, 9)) == 0:
        isi = isi.translate(_UNICODE)
    return f"{draw(_TEPI)}{isi}{draw(_TEPI)}"


_KHUSUS = [
    "", " ", "-", "\u2013", "\u2014", " - ", "*****", "**", "#####", " ### ", "*#", "*", "%", "()", "(5",
    "5)", "(-5)", "-(5)", "nan", "1e5", "inf", "1 000", "12 34", "5170 (38,12%)", "\ud800", "9" * 5000,
    "1.234.567.890.123.456", "999.999.999.999.999", "1.000.000.000.000.000,5", "0,500", "0.500", "1234.567",
    "1.234.56", "1.234,5.6", "１２", "-0", "-0,0", "(0.00)", "363.640.500,00", "1.055.251.369,50",
]  # fmt: skip
_SEL = st.one_of(
    _teks_sel(),
    st.sampled_from(_KHUSUS),
    st.text(alphabet="0123456789.,-()% Rp*#abcKasus/\u00a0\u2013", max_size=20),
    st.text(max_size=12),
    st.none(),
    st.booleans(),
    st.integers(-(10**17), 10**17),
    st.floats(allow_nan=True, allow_infinity=True),
)


@given(st.lists(_SEL, max_size=40))
@example(_KHUSUS)
def test_properti_seri_sama_dengan_skalar(sel: list[Any]) -> None:
    _cek_sama(sel)


@st.composite
def _gaya_umum(draw: st.DrawFn) -> str:
    """The shapes a Renstra prints most (the column reader's fast path), with small twists."""
    n = draw(st.one_of(st.integers(0, 999), st.integers(0, 10**15), st.integers(10**14, 10**16)))
    pecahan = draw(st.from_regex(r"0|00|5|50|[0-9]{1,4}", fullmatch=True))
    angka = draw(
        st.sampled_from([str(n), f"{n:,}", f"{n:,}".replace(",", "."), f"{n},{pecahan}", f"{n}.{pecahan}",
                         f"{n:,}.{pecahan}", f"{n:,}.{pecahan}".translate(str.maketrans(",.", ".,")),
                         f"0{n}", f"0,{pecahan}"])
    )  # fmt: skip
    awalan = draw(st.sampled_from(["", "", "-", "("]))
    akhiran = draw(st.sampled_from(["", "", "%", " %", " Kasus", " Unit/buah", " Dok. Rencana", " Kasus."]))
    tepi = draw(st.sampled_from(["", "", " "]))
    return f"{tepi}{awalan}{angka}{akhiran}{')' if awalan == '(' else ''}{tepi}"


@given(st.lists(st.one_of(_gaya_umum(), _teks_sel()), min_size=1, max_size=60))
def test_properti_gaya_tercetak(sel: list[str]) -> None:
    _cek_sama(sel)


def test_data_bawaan_sel_demi_sel() -> None:
    r = load_renstra()
    for tm in r.tabel_mentah.values():
        _cek_sama(tm.data.to_numpy(dtype=object).ravel().tolist())


def test_seri_kosong_dan_indeks() -> None:
    hasil = baca_angka_seri(pd.Series([], dtype=object))
    assert list(hasil.columns) == list(KOLOM_NILAI) and hasil.empty
    hasil = baca_angka_seri(pd.Series(["1.500", "x"], index=[7, 9], dtype=object), "rupiah")
    assert list(hasil.index) == [7, 9]
    assert hasil.loc[7, "angka"] == 1500 and hasil.loc[9, "galat"] == "'x' bukan angka"
    assert hasil.loc[9, "status"] == "galat"
    seri_teks = baca_angka_seri(pd.Series(["94,95", None, np.nan], dtype="string"))
    assert seri_teks["angka"].tolist() == [94.95, None, None]


# --- the loaders read whole columns: the same error, at the same cell ------------------------------


def _ganti_sel(folder: Path, berkas: str, sel: dict[tuple[int, int], str]) -> None:
    """Put ``sel`` ((file line - 1, column): text) into a copy of a bundled CSV."""
    tabel = pd.read_csv(folder / berkas, dtype=str, keep_default_na=False, header=None)
    for (b, k), teks in sel.items():
        tabel.iat[b, k] = teks
    tabel.to_csv(folder / berkas, header=False, index=False)


def test_sel_buruk_pertama_dalam_urutan_baca(salinan: Path) -> None:
    # T-C.24 reads a row as: the growth columns, then per year anggaran, realisasi, rasio. Two bad
    # cells in data row 3: realisasi 2017 (left) and rasio 2016 (right), read first.
    _ganti_sel(salinan, "t-c24_anggaran_realisasi.csv", {(4, 7): "dua", (4, 11): "satu"})
    kepala = next(csv.reader((salinan / "t-c24_anggaran_realisasi.csv").open(encoding="utf-8")))
    assert (kepala[7], kepala[11]) == ("realisasi_2017", "rasio_2016")
    with pytest.raises(RenstraError) as e:
        load_renstra(salinan)
    assert e.value.baris == 5
    assert e.value.kolom == "'Rasio antara Realisasi dan Anggaran Tahun ke- 2016'"
    assert "'satu' bukan angka" in str(e.value)


def test_galat_sel_sama_dengan_baca_angka(salinan: Path) -> None:
    _ganti_sel(salinan, "t-c23_kinerja_pelayanan.csv", {(3, 6): "1.500"})
    with pytest.raises(RenstraError) as e:
        load_renstra(salinan)
    with pytest.raises(AngkaError) as dasar:
        baca_angka("1.500")
    assert str(dasar.value) in str(e.value)
    assert (e.value.tabel, e.value.baris) == ("T-C.23 (t-c23_kinerja_pelayanan.csv)", 4)


def test_tabel_mentah_per_sel_dan_per_kolom() -> None:
    r = load_renstra()
    tm = r.tabel_mentah[next(i for i, t in r.tabel_mentah.items() if t.formulir.kode == "T-C.24")]
    kolom = tm.angka_kolom("anggaran_2016", "rupiah")
    for b in tm.baris_data():
        assert _persis(tuple(kolom.loc[b])) == _persis(_skalar(tm.data.at[b, "anggaran_2016"], "rupiah"))
        if kolom.loc[b, "galat"] is None:
            assert tm.angka(b, "anggaran_2016", "rupiah") == baca_angka(tm.data.at[b, "anggaran_2016"], "rupiah")
    salinan = pickle.loads(pickle.dumps(tm))
    assert "_simpan_angka_" not in vars(salinan)
    assert salinan.angka(1, "anggaran_2016", "rupiah") == tm.angka(1, "anggaran_2016", "rupiah")
