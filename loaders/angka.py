"""Baca sel angka dari tabel Renstra yang ditranskripsi "seperti tercetak".

Angka di PDF Renstra Kecamatan Wonoasih ditulis dengan gaya campuran
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
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass
from typing import Literal

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
