"""Baca sel angka dari tabel Renstra yang ditranskripsi "seperti tercetak".

Angka di PDF Renstra (dokumen bawaan pun) ditulis dengan gaya campuran
(``64,175,000``, ``5.673.534.002``, ``1.055.251.369,50``, ``94,95``, ``99.69``),
jadi pemisah tidak bisa ditebak dari lokal. Aturan yang dipakai proyek:

* Teks kosong/spasi dan tanda hubung (``-``, en dash, em dash) -> status
  ``"kosong"``. Dua karakter ``*`` atau ``#`` atau lebih (``*****``, sel PDF
  meluap) -> status ``"tidak_terbaca"``. Selain itu ``angka`` selalu terisi
  atau ``AngkaError`` dilempar: tidak pernah NaN diam-diam, tidak menebak.
* Jika ``.`` dan ``,`` sama-sama ada, yang TERAKHIR adalah pemisah desimal
  dan yang lain pemisah ribuan.
* Satu jenis pemisah yang muncul lebih dari sekali adalah pemisah ribuan.
* Grup ribuan harus tepat 3 digit; grup pertama 1-3 digit tanpa nol di depan.
* Satu pemisah yang muncul sekali dan diikuti selain 3 digit adalah desimal
  (``99.69``, ``278,5``). Diikuti tepat 3 digit (``1.500``) berarti ambigu:
  untuk ``jenis="rupiah"`` dianggap ribuan (Rupiah tidak pernah ditulis dengan
  3 desimal); untuk ``jenis="nilai"`` -> ``AngkaError``, kecuali bacaan ribuan
  mustahil (``0,125``, ``1234.567``) sehingga hanya bacaan desimal yang tersisa.
* Hasil ``int`` bila tidak tercetak bagian desimal, ``float`` bila tercetak
  (``90.00`` -> 90.0). Rupiah dengan desimal nol (``,00``) -> ``int``; Rupiah
  paling banyak 2 desimal.
* ``(x)`` atau ``-x`` berarti negatif; Rupiah negatif -> ``AngkaError``.
* Teks di belakang angka yang terdiri dari huruf, ``/``, ``.`` dan spasi
  (``24 Kasus``, ``400 Unit/buah``) menjadi ``satuan``; ``%`` menjadi satuan
  ``"%"``; ``5170 (38,12%)`` memberi ``persen=38.12``. Untuk Rupiah satuan atau
  persen berarti kolom bergeser -> ``AngkaError``; awalan ``Rp``/``Rp.`` boleh.
* Spasi (termasuk U+00A0) di tepi dibuang dan spasi di dalam diringkas; spasi
  sebagai pemisah ribuan (``1 000``) TIDAK didukung -> ``AngkaError``.
* Masukan ``int``/``float`` (dari openpyxl) diterima apa adanya; ``bool``
  -> ``AngkaError``; ``None`` atau NaN -> ``"kosong"``.

``baca_angka_seri`` membaca satu kolom sekaligus (jalur loader), sel demi sel sama dengan
``baca_angka``: bentuk umum dibaca dengan kernel string pyarrow, sisanya oleh ``baca_angka``.
"""

from __future__ import annotations

import math
import numbers
import re
import string
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

import formatting

Status = Literal["ok", "kosong", "tidak_terbaca"]
Jenis = Literal["rupiah", "nilai"]

_KOSONG = {"", "-", "\u2013", "\u2014"}
_MELUAP = re.compile(r"([*#])\1+")
_RP = re.compile(r"^rp\.?\s*", re.IGNORECASE)
_NUM = r"\d(?:[\d.,]*\d)?"
_POLA = re.compile(
    rf"(?P<minus>-)?(?P<num>{_NUM})"
    r"(?:\s?(?P<pct>%)|\s(?P<satuan>[^\W\d_](?:[^\W\d_]|[/. ])*))?"
    rf"(?:\s\((?P<persen>{_NUM})\s?%\))?"
)


BATAS = 10**15  # |x| above this is a slip in any Renstra cell (a kota's APBD is about 10^12 Rupiah)
BATAS_DIGIT = 40  # digits of one printed number


class AngkaError(ValueError):
    """Sel yang bukan angka terbaca; pesannya berbahasa Indonesia dan mengutip teks."""


@dataclass(frozen=True)
class Nilai:
    """Hasil baca satu sel: angka beserta satuan/status, agar sel kosong tidak jadi 0."""

    angka: int | float | None
    satuan: str = ""
    status: Status = "ok"
    teks: str = ""
    persen: float | None = None


def _grup_ribuan(bagian: str, pemisah: str, teks: str) -> str:
    """Gabungkan grup ribuan; grup yang salah berarti salah ketik, jadi ditolak."""
    grup = bagian.split(pemisah)
    pertama_sah = 1 <= len(grup[0]) <= 3 and not (grup[0].startswith("0") and len(grup) > 1)
    if not pertama_sah or any(len(g) != 3 for g in grup[1:]):
        raise AngkaError(f"'{teks}' bukan angka: pengelompokan ribuan salah")
    return "".join(grup)


def _pisah(num: str, jenis: Jenis, teks: str) -> tuple[str, str | None]:
    """Pecah teks angka menjadi (digit bulat, digit desimal atau None)."""
    titik, koma = num.count("."), num.count(",")
    if titik and koma:
        desimal = "." if num.rfind(".") > num.rfind(",") else ","
        ribuan = "," if desimal == "." else "."
        if num.count(desimal) > 1:
            raise AngkaError(f"'{teks}' bukan angka: pemisah desimal ganda")
        bulat, pecahan = num.split(desimal)
        return _grup_ribuan(bulat, ribuan, teks), pecahan
    if not (titik or koma):
        return num, None
    pemisah = "." if titik else ","
    if titik + koma > 1:
        return _grup_ribuan(num, pemisah, teks), None
    bulat, pecahan = num.split(pemisah)
    if len(pecahan) != 3:
        return bulat, pecahan
    if jenis == "rupiah":
        return _grup_ribuan(num, pemisah, teks), None
    if bulat == "0" or len(bulat) > 3:  # bacaan ribuan mustahil
        return bulat, pecahan
    ringkas = pecahan.rstrip("0") or "0"
    raise AngkaError(f"'{teks}' ambigu: tulis {bulat}{pecahan} (ribuan) atau {bulat},{ringkas} (desimal)")


def _ke_angka(num: str, jenis: Jenis, teks: str) -> int | float:
    """Ubah teks angka tanpa tanda menjadi int (tanpa desimal) atau float."""
    bulat, pecahan = _pisah(num, jenis, teks)
    if pecahan is None:
        return int(bulat)
    if jenis == "rupiah":
        if len(pecahan) > 2:
            raise AngkaError(f"'{teks}' bukan jumlah Rupiah: lebih dari 2 desimal")
        if int(pecahan) == 0:
            return int(bulat)
    return float(f"{bulat}.{pecahan}")


def _dari_bilangan(nilai: numbers.Real, jenis: Jenis) -> Nilai:
    """Sel numerik dari openpyxl: terima apa adanya, tolak yang tidak bermakna."""
    if isinstance(nilai, bool):
        raise AngkaError(f"'{'TRUE' if nilai else 'FALSE'}' bukan angka (nilai benar/salah)")
    angka: int | float = int(nilai) if isinstance(nilai, numbers.Integral) else float(nilai)
    if isinstance(angka, float) and math.isnan(angka):
        return Nilai(None, status="kosong")
    _cek_besar(angka, formatting.angka(angka))
    if jenis == "rupiah" and angka < 0:
        raise AngkaError(f"'{formatting.angka(angka)}' bukan jumlah Rupiah: negatif")
    return Nilai(angka, teks=str(nilai))


def _cek_besar(angka: int | float, teks: str) -> None:
    """Refuse a number no Renstra prints (infinity included), before anything computes with it."""
    if isinstance(angka, float) and math.isinf(angka):
        raise AngkaError("bukan angka yang terbaca (tak hingga)")
    if abs(angka) > BATAS:
        raise AngkaError(f"'{teks[:40]}' terlalu besar (lebih dari {formatting.angka(BATAS)}); salah ketik?")


def baca_angka(teks: str | int | float | None, jenis: Jenis = "nilai") -> Nilai:
    """Baca satu sel angka menurut aturan modul; ``AngkaError`` bila tak terbaca."""
    if teks is None:
        return Nilai(None, status="kosong")
    if not isinstance(teks, (str, numbers.Real)):
        raise AngkaError(f"'{str(teks)[:40]}' bukan angka")
    if not isinstance(teks, str):
        return _dari_bilangan(teks, jenis)
    asli = teks.strip()
    if asli in _KOSONG:
        return Nilai(None, status="kosong", teks=asli)
    if _MELUAP.fullmatch(asli):
        return Nilai(None, status="tidak_terbaca", teks=asli)
    s = re.sub(r"\s+", " ", asli)
    if jenis == "rupiah":
        s = _RP.sub("", s, count=1)
    kurung = s.startswith("(") and s.endswith(")") and s.count("(") == 1
    m = _POLA.fullmatch(s[1:-1] if kurung else s)
    if m is None or (kurung and m["minus"]):
        raise AngkaError(f"'{asli}' bukan angka")
    if jenis == "rupiah" and (m["pct"] or m["satuan"] or m["persen"]):
        raise AngkaError(f"'{asli}' bukan jumlah Rupiah (ada satuan/persen; kolom bergeser?)")
    if len(re.sub(r"\D", "", m["num"])) > BATAS_DIGIT:
        raise AngkaError(f"'{asli[:40]}…' terlalu panjang untuk sebuah angka")
    angka = _ke_angka(m["num"], jenis, asli)
    _cek_besar(angka, asli)
    if kurung or m["minus"]:
        if jenis == "rupiah":
            raise AngkaError(f"'{asli}' bukan jumlah Rupiah: negatif")
        angka = -angka
    persen = float(_ke_angka(m["persen"], "nilai", asli)) if m["persen"] else None
    satuan = "%" if m["pct"] else (m["satuan"] or "")
    return Nilai(angka, satuan=satuan, teks=asli, persen=persen)


# --- a whole column at once ------------------------------------------------------------------

KOLOM_NILAI = ("angka", "satuan", "status", "teks", "persen", "galat")
_BAWAAN = (None, "", "ok", "", None, None)  # per column of KOLOM_NILAI before a cell is read

# The fast path reads the cells of these shapes (ASCII only, spaces only ' ') with pyarrow; every
# other cell goes to baca_angka. Each shape is a subset of _POLA whose reading by the rules above
# is certain once the number has at most 15 integer digits (so never above BATAS) and 15 decimals,
# checked apart: thousands groups valid by construction, units of letters, '/', '.' and single spaces.
_G1 = r"[1-9][0-9]{0,2}"  # the first thousands group
_NUM_CEPAT = (
    r"(?:[0-9]+"  # 1234
    rf"|{_G1}(?:\.[0-9]{{3}})+|{_G1}(?:,[0-9]{{3}})+"  # 1.234.567, 64,175,000
    r"|[0-9]+[.,][0-9]+"  # 99.69, 94,95, 1.500
    rf"|{_G1}(?:\.[0-9]{{3}})+,[0-9]+|{_G1}(?:,[0-9]{{3}})+\.[0-9]+)"  # 1.055.251.369,50
)
_AKHIR_CEPAT = r"(?: ?%| [A-Za-z][A-Za-z/.]*(?: [A-Za-z/.]+)*)?"  # 18,99% / 100 % / 24 Kasus / 3 Dok. Rencana
_CEPAT = {
    "nilai": rf"^(?:-?{_NUM_CEPAT}{_AKHIR_CEPAT}|\({_NUM_CEPAT}{_AKHIR_CEPAT}\))$",
    "rupiah": rf"^{_NUM_CEPAT}$",
}
_DIGIT_CEPAT = 15
_EKOR = string.ascii_letters + "/. %)"  # what may follow the number in a _CEPAT cell
_KOSONG_ARROW = pa.array(sorted(_KOSONG))
_SALAH = pa.scalar(False)


def baca_angka_seri(seri: pd.Series, jenis: Jenis = "nilai") -> pd.DataFrame:
    """``baca_angka`` for a whole column at once, cell for cell the same.

    One row per cell (same index), columns ``KOLOM_NILAI``: the fields of ``Nilai`` and ``galat``,
    the message ``baca_angka`` raises for that cell (else None; ``status`` is then "galat"). Nothing
    is raised here, so the caller still stops at the first bad cell in its own reading order.
    """
    return pd.DataFrame(baca_angka_larik(seri.to_numpy(dtype=object), jenis), index=seri.index, dtype=object)


def baca_angka_larik(sel: np.ndarray, jenis: Jenis = "nilai") -> dict[str, np.ndarray]:
    """``baca_angka_seri`` without pandas: per column of ``KOLOM_NILAI`` an object array.

    Common ASCII shapes are read with pyarrow string kernels (the ones behind pandas' Arrow-backed
    ``.str`` methods); any other cell is handed to ``baca_angka`` itself.
    """
    kolom = {k: np.full(len(sel), d, dtype=object) for k, d in zip(KOLOM_NILAI, _BAWAAN, strict=True)}
    for i in np.flatnonzero(~_jalur_cepat(sel, jenis, kolom)):
        try:
            v = baca_angka(sel[i], jenis)
        except AngkaError as e:
            kolom["status"][i], kolom["galat"][i] = "galat", str(e)
            continue
        for k in KOLOM_NILAI[:-1]:
            kolom[k][i] = getattr(v, k)
    return kolom


def _ke_arrow(sel: np.ndarray) -> pa.Array:
    """The text cells as a pyarrow string array, every other cell null."""
    try:
        return pa.array(sel, type=pa.string(), from_pandas=True)
    except (pa.ArrowException, UnicodeEncodeError):  # numbers from a workbook, unpaired surrogates
        teks = np.fromiter((type(v) is str and v.isascii() for v in sel), dtype=bool, count=len(sel))
        return pa.array(np.where(teks, sel, None), type=pa.string())


def _jalur_cepat(sel: np.ndarray, jenis: Jenis, kolom: dict[str, np.ndarray]) -> np.ndarray:
    """Fill ``kolom`` for the cells of a common shape; returns the mask of the cells filled."""
    asli = _ke_arrow(sel)
    teks = pc.utf8_trim(asli, " ")  # only ' ': a cell with any other space goes to baca_angka
    kosong = _np(pc.is_in(teks, value_set=_KOSONG_ARROW))
    meluap = _np(pc.match_substring_regex(teks, r"^(?:\*\*+|##+)$"))
    cocok = np.flatnonzero(_np(pc.match_substring_regex(teks, _CEPAT[jenis])))
    kolom["status"][kosong] = "kosong"
    kolom["status"][meluap] = "tidak_terbaca"
    ok = np.zeros(len(sel), dtype=bool)
    if len(cocok):
        c = teks.take(cocok)
        ok_c, angka = _angka_cepat(c, jenis)
        ok[cocok[ok_c]] = True
        kolom["angka"][cocok[ok_c]] = angka[ok_c]
        if jenis == "nilai":
            kolom["satuan"][cocok[ok_c]] = _satuan_cepat(c.filter(ok_c))
    selesai = kosong | meluap | ok
    dipotong = _np(pc.not_equal(pc.utf8_length(asli), pc.utf8_length(teks)))
    kolom["teks"][selesai & ~dipotong] = sel[selesai & ~dipotong]  # already stripped: the cell itself
    kolom["teks"][selesai & dipotong] = _objek(teks.filter(selesai & dipotong).to_pylist())
    return selesai


def _np(hasil: pa.Array) -> np.ndarray:
    """A pyarrow boolean result as a numpy mask, null as False."""
    return pc.coalesce(hasil, _SALAH).to_numpy(zero_copy_only=False)


def _angka_cepat(teks: pa.Array, jenis: Jenis) -> tuple[np.ndarray, np.ndarray]:
    """Cells that ``_CEPAT[jenis]`` matched: which are read with certainty (mask), their numbers (object array)."""
    num = pc.utf8_ltrim(pc.utf8_rtrim(teks, _EKOR), "(-")  # the bare number: it starts and ends with a digit
    titik, koma = (pc.count_substring(num, p).to_numpy() for p in (".", ","))
    pemisah = titik + koma
    digit = pc.utf8_length(num).to_numpy() - pemisah
    ok = ((pemisah == 0) | (((titik == 0) | (koma == 0)) & (pemisah >= 2))) & (digit <= _DIGIT_CEPAT)  # 1.234.567
    hasil = np.full(len(num), None, dtype=object)
    hasil[ok] = _bulat(pc.replace_substring(pc.replace_substring(num, ".", ""), ",", ""), ok)
    pecahan = (pemisah == 1) | ((titik > 0) & (koma > 0))  # one separator, or both kinds
    if pecahan.any():
        ok[pecahan], hasil[pecahan] = _pecahan(num.filter(pecahan), pemisah[pecahan], jenis)
    if jenis == "nilai":
        tanda = ok & (_np(pc.starts_with(teks, "-")) | _np(pc.starts_with(teks, "(")))
        hasil[tanda] = -hasil[tanda]
    return ok, hasil


def _pecahan(num: pa.Array, pemisah: np.ndarray, jenis: Jenis) -> tuple[np.ndarray, np.ndarray]:
    """Numbers printed with a decimal separator (or Rupiah ``1.500``): which are certain, and their values."""
    bagian = pc.split_pattern(pc.replace_substring(num, ",", "."), ".", max_splits=1, reverse=True)
    kepala, ekor = pc.list_element(bagian, 0), pc.list_element(bagian, 1)  # ekor: after the last separator
    bulat = pc.replace_substring(kepala, ".", "")
    n_kepala, n_ekor = (pc.utf8_length(x).to_numpy() for x in (kepala, ekor))
    muat = (n_kepala - pemisah + 1 <= _DIGIT_CEPAT) & (n_ekor <= _DIGIT_CEPAT)
    tiga = (pemisah == 1) & (n_ekor == 3) & (n_kepala <= 3)  # 1.500: thousands or three decimals
    nilai = pc.cast(pc.binary_join_element_wise(bulat, ekor, "."), pa.float64()).to_numpy().astype(object)
    if jenis == "nilai":
        return muat & ~(tiga & ~_np(pc.equal(kepala, "0"))), nilai  # 0,125 is decimal; 1.500 ambiguous
    ribuan = tiga & ~_np(pc.starts_with(kepala, "0"))
    utuh = muat & (n_ekor <= 2) & _np(pc.equal(pc.utf8_trim(ekor, "0"), ""))  # 363.640.500,00
    nilai[ribuan] = _bulat(pc.binary_join_element_wise(bulat, ekor, ""), ribuan)
    nilai[utuh] = _bulat(bulat, utuh)
    return ribuan | (muat & (n_ekor <= 2)), nilai


def _bulat(digit: pa.Array, pilih: np.ndarray) -> np.ndarray:
    """The chosen digit strings (at most 15 digits) as Python ints."""
    return pc.cast(digit.filter(pilih), pa.int64()).to_numpy().astype(object)


def _satuan_cepat(teks: pa.Array) -> np.ndarray:
    """The unit of cells ``_CEPAT["nilai"]`` matched: ``%`` for `` ?%``, else what follows the first space."""
    satuan = np.full(len(teks), "", dtype=object)
    persen = _np(pc.match_substring(teks, "%"))
    satuan[persen] = "%"
    unit = ~persen & _np(pc.match_substring(teks, " "))
    if unit.any():
        ekor = pc.list_element(pc.split_pattern(teks.filter(unit), " ", max_splits=1), 1)
        satuan[unit] = _objek(pc.utf8_rtrim(ekor, ")").to_pylist())  # (5 Kasus)
    return satuan


def _objek(nilai: list[Any]) -> np.ndarray:
    hasil = np.empty(len(nilai), dtype=object)
    hasil[:] = nilai
    return hasil
