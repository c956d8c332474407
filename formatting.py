"""The one place where numbers and dates become text for people (Babel, locale id_ID).

Every function returns ``KOSONG`` ("–") for None / NA / NaN, never "0" or "nan".
Rounding is half-up (0,125 -> 0,13), as people round by hand, not Babel's half-even.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

LOKAL = "id_ID"
KOSONG = "–"
KETERANGAN_SATUAN = "M = miliar (10⁹), jt = juta (10⁶)"

# Units for rupiah_ringkas, largest first. Stops at miliar on purpose: a trillion
# shows as "Rp 1.200,0 M", so KETERANGAN_SATUAN explains every unit a card can show.
_SATUAN_RINGKAS = ((Decimal(10) ** 9, "M"), (Decimal(10) ** 6, "jt"), (Decimal(10) ** 3, "rb"))


def _desimal(x: Any) -> Decimal | None:
    """``x`` as a Decimal, or None for None/NA/NaN. Floats go through ``str`` (1055251369.5 stays exact)."""
    if x is None or isinstance(x, bool):
        return None
    try:
        if x != x:  # NaN, and pandas.NA raises TypeError here
            return None
    except TypeError:
        return None
    if isinstance(x, float) and math.isinf(x):
        return None
    try:
        d = Decimal(str(x)) if not isinstance(x, Decimal) else x
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def _kosong(x: Any) -> bool:
    """None, NA, NaT or NaN (anything a cell would show as empty)."""
    if x is None:
        return True
    try:
        return bool(x != x)
    except TypeError:
        return True  # pandas.NA refuses comparison


def _bulat(d: Decimal, desimal: int) -> Decimal:
    return d.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def _pola(desimal: int) -> str:
    return "#,##0" + ("." + "0" * desimal if desimal > 0 else "")


def _teks(d: Decimal, desimal: int) -> str:
    """Fixed decimals, Indonesian separators; "-0" never appears."""
    d = _bulat(d, desimal)
    if d == 0:
        d = abs(d)
    return format_decimal(d, format=_pola(desimal), locale=LOKAL, decimal_quantization=True)


def rupiah(x: Any) -> str:
    """``Rp 1.800.000.000``; keeps two decimals only for a real fraction (``Rp 1.055.251.369,50``)."""
    d = _desimal(x)
    if d is None:
        return KOSONG
    desimal = 0 if _bulat(d, 2) == _bulat(d, 0) else 2
    tanda = "-" if _bulat(d, desimal) < 0 else ""
    return f"{tanda}Rp {_teks(abs(d), desimal)}"


def rupiah_ringkas(x: Any) -> str:
    """``Rp 1,8 M`` (miliar), ``Rp 64,2 jt`` (juta), ``Rp 500,0 rb`` (ribu); one decimal, normal space."""
    d = _desimal(x)
    if d is None:
        return KOSONG
    besar = abs(d)
    for skala, satuan in _SATUAN_RINGKAS:
        # Compare after rounding, so 999.960.000 is "Rp 1,0 M", not "Rp 1.000,0 jt".
        nilai = _bulat(besar / skala, 1)
        if nilai >= 1:
            return f"{'-' if d < 0 else ''}Rp {_teks(nilai, 1)} {satuan}"
    return f"{'-' if _bulat(d, 0) < 0 else ''}Rp {_teks(besar, 0)}"


def angka(x: Any, desimal: int | None = None) -> str:
    """``1.234.567``; ``desimal=None`` keeps the value's own decimals (``1.234,5``), else fixed."""
    d = _desimal(x)
    if d is None:
        return KOSONG
    if desimal is None:
        eksponen = d.normalize().as_tuple().exponent
        desimal = max(0, -eksponen) if isinstance(eksponen, int) else 0
    return _teks(d, desimal)


def persen(x: Any, desimal: int = 2) -> str:
    """``94,95 %`` (``x`` is already a percentage: 94.95, not 0.9495)."""
    d = _desimal(x)
    if d is None:
        return KOSONG
    return f"{_teks(d, desimal)} %"


def tanggal(d: date | datetime | None) -> str:
    """``28 November 2026`` (Indonesian month names)."""
    if d is None:
        return KOSONG
    try:
        if d != d:  # pandas.NaT
            return KOSONG
    except TypeError:
        return KOSONG
    return format_date(d, format="d MMMM y", locale=LOKAL)


# Column kinds a table can declare; pages and downloads share them, so a table on screen
# and its .xlsx agree. Excel formats use Excel's own codes (shown in the reader's locale).
_PENULIS = {
    "rupiah": rupiah,
    "rupiah_ringkas": rupiah_ringkas,
    "persen": persen,
    "angka": angka,
    "bulat": lambda x: angka(x, 0),
    "tahun": lambda x: KOSONG if _desimal(x) is None else str(int(_desimal(x))),  # 2024, not 2.024
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
        return KOSONG if _kosong(x) else str(x)
    return _PENULIS[jenis](x)


def tabel(df: Any, jenis: dict[str, str]) -> Any:
    """A copy of ``df`` with each column in ``jenis`` turned into display text ("teks": empty -> "–")."""
    import pandas as pd  # only here: the rest of this module works without pandas

    hasil = df.copy()
    for kolom, j in jenis.items():
        if kolom in hasil.columns:
            hasil[kolom] = pd.array([sel(v, j) for v in hasil[kolom].tolist()], dtype="string")
    return hasil
