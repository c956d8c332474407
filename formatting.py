"""The one place where numbers and dates become text for people (Babel, locale id_ID).

Every function returns ``KOSONG`` ("–") for None / NA / NaN / ±inf, never "0" or "nan".
Rounding is half-up (0,125 -> 0,13), as people round by hand, not Babel's half-even.
A value that rounds to zero prints as "0" (``0,00 %``, ``Rp 0``), never "-0".

No function here raises on a value a cell can hold (any float, int, Decimal, numpy/pandas
scalar, bool or text): text that is not a number is ``KOSONG`` for the number kinds.

Huge values. A number with ``|x| >= 10**EKSPONEN_ILMIAH`` (10³⁰, an integer part of more
than 30 digits) prints in Indonesian scientific form instead of hundreds of digits: a
mantissa with exactly two decimals (half-up), " × 10" and the exponent in superscript digits,
with a leading "-" for negatives::

    angka / bulat / tahun    1,00 × 10³⁰        -1,80 × 10³⁰⁸
    persen                   1,00 × 10³⁰ %
    rupiah / rupiah_ringkas  Rp 1,00 × 10³⁰     -Rp 1,00 × 10³⁰

(an exponent sign would print as "⁻", as in 10⁻⁵, but tiny values never need it: they round
to the function's decimals, so 5e-324 is "0" / "0,00 %"). Below the threshold every digit
prints (1e28 is ``10.000.000.000.000.000.000.000.000.000``): rounding runs in a local decimal
context wide enough for 30 integer digits plus the decimals (the global context is untouched).
``angka(x)`` keeps the value's own decimals, at most ``DESIMAL_MAKS``.
"""

from __future__ import annotations

import functools
import numbers
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime
from decimal import MAX_EMAX, MIN_EMIN, ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Any, ParamSpec

from babel.dates import format_date
from babel.numbers import format_decimal

LOKAL = "id_ID"
KOSONG = "–"
KETERANGAN_SATUAN = "M = miliar (10⁹), jt = juta (10⁶)"

# |x| >= 10**EKSPONEN_ILMIAH prints as "1,00 × 10³⁰" (see the module docstring).
EKSPONEN_ILMIAH = 30
# angka(x) with desimal=None shows at most this many decimals (5e-324 is "0", not 324 digits).
DESIMAL_MAKS = 30
# Ints up to this many bits (~1 200 digits) go to Decimal as they are; longer ones are first
# truncated to their leading digits (exactly, see _dari_int), since Decimal(int) is quadratic:
# a million digits take half a minute.
_BIT_EKSAK = 1 << 12
_SUPERSKRIP = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")

# Units for rupiah_ringkas (power of ten, unit), largest first. Stops at miliar on purpose: a
# trillion shows as "Rp 1.200,0 M", so KETERANGAN_SATUAN explains every unit a card can show.
_SATUAN_RINGKAS = ((9, "M"), (6, "jt"), (3, "rb"))

_P = ParamSpec("_P")


def _tanpa_galat(f: Callable[_P, str]) -> Callable[_P, str]:
    """Last line of defence: a formatter shows ``KOSONG`` rather than crash a page.

    The code below is meant never to get here (tests check that every finite number prints).
    """

    @functools.wraps(f)
    def bungkus(*args: _P.args, **kwargs: _P.kwargs) -> str:
        try:
            return f(*args, **kwargs)
        except (ArithmeticError, ValueError, TypeError):
            return KOSONG

    return bungkus


def _dari_int(n: int) -> Decimal:
    if n.bit_length() <= _BIT_EKSAK:
        return Decimal(n)  # exact, whatever the context
    # Truncate to ~25 significant digits with exact integer arithmetic: |n| >= 10**1200 prints in
    # scientific form anyway, and a floor keeps its half-up exact (a tie x,xx5 × 10^e is a
    # multiple of 10**geser). (bit_length - 1) * log10(2) is within one of the exponent.
    geser = int((n.bit_length() - 1) * 0.30102999566398120) - 25
    return Decimal(f"{'-' if n < 0 else ''}{abs(n) // 10**geser}E{geser}")


def _desimal(x: Any) -> Decimal | None:
    """``x`` as a finite Decimal, or None for None/NA/NaN/±inf/non-numbers.

    Floats go through ``str`` (1055251369.5 stays exact)."""
    if x is None or isinstance(x, bool):
        return None
    if isinstance(x, Decimal):
        return x if x.is_finite() else None  # before "x != x": a signalling NaN raises there
    if isinstance(x, int):
        return _dari_int(x)  # str() refuses ints over 4 300 digits
    try:
        if x != x:  # NaN, NaT, and pandas.NA raises TypeError here
            return None
        d = Decimal(str(x))
    except (ArithmeticError, ValueError, TypeError):
        return None
    return d if d.is_finite() else None


def _kosong(x: Any) -> bool:
    """None, NA, NaT or NaN (anything a cell would show as empty)."""
    if x is None:
        return True
    if isinstance(x, Decimal):
        return x.is_nan()
    try:
        return bool(x != x)
    except TypeError:
        return True  # pandas.NA refuses comparison
    except ValueError:
        return False  # an array: not empty


def _konteks(desimal: int) -> AbstractContextManager[Context]:
    """A local decimal context exact for rounding any value below 10**EKSPONEN_ILMIAH to ``desimal``."""
    return localcontext(prec=EKSPONEN_ILMIAH + max(desimal, 0) + 5, Emax=MAX_EMAX, Emin=MIN_EMIN)


def _bulat(d: Decimal, desimal: int) -> Decimal:
    with _konteks(desimal):
        return d.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def _ilmiah(d: Decimal) -> str | None:
    """``|d|`` as "1,00 × 10³⁰" if it reaches 10**EKSPONEN_ILMIAH, else None (print all digits)."""
    if d.is_zero() or d.adjusted() < EKSPONEN_ILMIAH:
        return None
    eksponen = d.adjusted()
    # Truncating to 20 digits first keeps half-up exact: a tie x,xx5 has only 4 digits.
    with localcontext(prec=20, Emax=MAX_EMAX, Emin=MIN_EMIN, rounding=ROUND_DOWN):
        mantisa = d.copy_abs().scaleb(-eksponen).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if mantisa >= 10:  # 9,995 -> 10,00
        mantisa, eksponen = Decimal("1.00"), eksponen + 1
    return f"{mantisa:f}".replace(".", ",") + " × 10" + str(eksponen).translate(_SUPERSKRIP)


def _tanda(d: Decimal) -> str:
    return "-" if d.is_signed() else ""


def _pola(desimal: int) -> str:
    return "#,##0" + ("." + "0" * desimal if desimal > 0 else "")


def _teks(d: Decimal, desimal: int) -> str:
    """Fixed decimals, Indonesian separators; "-0" never appears. ``|d|`` below 10**EKSPONEN_ILMIAH."""
    d = _bulat(d, desimal)
    if d == 0:
        d = d.copy_abs()
    with _konteks(desimal):  # Babel normalises and quantizes in the current context
        return format_decimal(d, format=_pola(desimal), locale=LOKAL, decimal_quantization=True)


@_tanpa_galat
def rupiah(x: Any) -> str:
    """``Rp 1.800.000.000``; keeps two decimals only for a real fraction (``Rp 1.055.251.369,50``)."""
    d = _desimal(x)
    if d is None:
        return KOSONG
    if ilmiah := _ilmiah(d):
        return f"{_tanda(d)}Rp {ilmiah}"
    desimal = 0 if _bulat(d, 2) == _bulat(d, 0) else 2
    tanda = "-" if _bulat(d, desimal) < 0 else ""
    return f"{tanda}Rp {_teks(d.copy_abs(), desimal)}"


@_tanpa_galat
def rupiah_ringkas(x: Any) -> str:
    """``Rp 1,8 M`` (miliar), ``Rp 64,2 jt`` (juta), ``Rp 500,0 rb`` (ribu); one decimal, normal space."""
    d = _desimal(x)
    if d is None:
        return KOSONG
    if ilmiah := _ilmiah(d):
        return f"{_tanda(d)}Rp {ilmiah}"
    besar = d.copy_abs()  # abs() would round to the global context's 28 digits
    for pangkat, satuan in _SATUAN_RINGKAS:
        # Round to tenths of the unit, then shift (exact, unlike a division at fixed precision).
        # Compare after rounding, so 999.960.000 is "Rp 1,0 M", not "Rp 1.000,0 jt".
        with _konteks(1):
            nilai = _bulat(besar, 1 - pangkat).scaleb(-pangkat)
        if nilai >= 1:
            return f"{'-' if d < 0 else ''}Rp {_teks(nilai, 1)} {satuan}"
    return f"{'-' if _bulat(d, 0) < 0 else ''}Rp {_teks(besar, 0)}"


@_tanpa_galat
def angka(x: Any, desimal: int | None = None) -> str:
    """``1.234.567``; ``desimal=None`` keeps the value's own decimals (``1.234,5``), else fixed."""
    d = _desimal(x)
    if d is None:
        return KOSONG
    if ilmiah := _ilmiah(d):
        return f"{_tanda(d)}{ilmiah}"
    if desimal is None:
        with _konteks(DESIMAL_MAKS):
            eksponen = _bulat(d, DESIMAL_MAKS).normalize().as_tuple().exponent
        desimal = max(0, -eksponen) if isinstance(eksponen, int) else 0
    return _teks(d, desimal)


@_tanpa_galat
def persen(x: Any, desimal: int = 2) -> str:
    """``94,95 %`` (``x`` is already a percentage: 94.95, not 0.9495)."""
    d = _desimal(x)
    if d is None:
        return KOSONG
    if ilmiah := _ilmiah(d):
        return f"{_tanda(d)}{ilmiah} %"
    return f"{_teks(d, desimal)} %"


@_tanpa_galat
def tanggal(d: Any) -> str:
    """``28 November 2026`` (Indonesian month names).

    A date, datetime or pandas Timestamp; an ISO text ("2026-11-28") is read as a date, other
    text is shown as it is; anything else (numbers, blank text, NaT, None) is ``KOSONG``."""
    if _kosong(d):
        return KOSONG
    if isinstance(d, str):
        try:
            d = date.fromisoformat(d.strip()[:10])
        except ValueError:
            return d if d.strip() else KOSONG
    if not isinstance(d, date | datetime):
        return KOSONG
    return format_date(d, format="d MMMM y", locale=LOKAL)


@_tanpa_galat
def _tahun(x: Any) -> str:
    """2024, not 2.024."""
    d = _desimal(x)
    if d is None:
        return KOSONG
    if ilmiah := _ilmiah(d):
        return f"{_tanda(d)}{ilmiah}"
    return str(int(d))


@_tanpa_galat
def _teks_sel(x: Any) -> str:
    """Text as it is. A number shows as ``str`` too (kode 2024 stays "2024") unless that would
    be English or huge ("1e+16", "inf", "-0.0", 10**40): then as ``angka``."""
    if _kosong(x):
        return KOSONG
    if isinstance(x, numbers.Real | Decimal) and not isinstance(x, bool):
        d = _desimal(x)
        if d is None or _ilmiah(d) is not None:
            return angka(x)
        teks = str(x)
        return angka(x) if any(c in teks for c in "eEnN") or (d.is_zero() and teks.startswith("-")) else teks
    return str(x)


# Column kinds a table can declare; pages and downloads share them, so a table on screen
# and its .xlsx agree. Excel formats use Excel's own codes (shown in the reader's locale).
_PENULIS = {
    "rupiah": rupiah,
    "rupiah_ringkas": rupiah_ringkas,
    "persen": persen,
    "angka": angka,
    "bulat": lambda x: angka(x, 0),
    "tahun": _tahun,
}
FORMAT_EXCEL = {
    "rupiah": '"Rp "#,##0',
    "rupiah_ringkas": '"Rp "#,##0',
    "persen": '0.00" %"',
    "angka": "#,##0.##",
    "bulat": "#,##0",
    "tahun": "0",
}
JENIS_KOLOM = (*_PENULIS, "teks")


def sel(x: Any, jenis: str) -> str:
    """One value as text for a column of ``jenis`` (see JENIS_KOLOM); "teks" passes text through."""
    if jenis == "teks":
        return _teks_sel(x)
    return _PENULIS[jenis](x)


def tabel(df: Any, jenis: dict[str, str]) -> Any:
    """A copy of ``df`` with each column in ``jenis`` turned into display text ("teks": empty -> "–")."""
    import pandas as pd  # only here: the rest of this module works without pandas

    hasil = df.copy()
    for kolom, j in jenis.items():
        if kolom in hasil.columns:
            hasil[kolom] = pd.array([sel(v, j) for v in hasil[kolom].tolist()], dtype="string")
    return hasil
