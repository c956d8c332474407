"""Realisasi per triwulan: the figure to date, the year's figure by the indicator's rule, progress.

An indicator's rule says how its quarterly figures make the year's (SIPD practice, see
docs/conventions "Evaluation forms"): ``jumlah`` sums them (counts, Rupiah), ``terakhir``
takes the last one (percentages, indexes, tren negatif), ``rata_rata`` averages them.

A quarter's figure is reported either *per triwulan* (what that quarter alone achieved) or
*kumulatif* (the figure from January to the end of that quarter, already aggregated by the
rule, so it is the figure to date as it stands). The year's figure exists only once the year
is complete: triwulan IV reported, and for per-quarter figures summed or averaged every one
of I-IV (a missing quarter would be silently counted as nothing). Before that, only the
figure to date is shown, never as the year's.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from itertools import pairwise

import pandas as pd

JUMLAH, TERAKHIR, RATA_RATA = "jumlah", "terakhir", "rata_rata"
ATURAN = (JUMLAH, TERAKHIR, RATA_RATA)
LABEL_ATURAN = {JUMLAH: "dijumlah", TERAKHIR: "nilai terakhir", RATA_RATA: "rata-rata"}
TRIWULAN = (1, 2, 3, 4)
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _bersih(nilai: Mapping[int, float | None]) -> dict[int, float]:
    return {int(t): float(v) for t, v in sorted(nilai.items()) if v is not None and not pd.isna(v)}


def sampai_dengan(nilai: Mapping[int, float | None], aturan: str, kumulatif: bool) -> dict[int, float]:
    """The figure to date at each reported quarter: ``{triwulan: value}`` (quarters without a value skipped).

    Kumulatif figures already are to date. Per-quarter figures: the running sum, the value
    itself (``terakhir``) or the running mean of the quarters reported so far.
    """
    if aturan not in ATURAN:
        raise ValueError(f"aturan triwulan '{aturan}' tidak dikenal; pilih {', '.join(ATURAN)}")
    v = _bersih(nilai)
    if kumulatif or aturan == TERAKHIR:
        return v
    hasil, dilihat = {}, []
    for t, x in v.items():
        dilihat.append(x)
        hasil[t] = math.fsum(dilihat) if aturan == JUMLAH else math.fsum(dilihat) / len(dilihat)
    return hasil


def tahunan(nilai: Mapping[int, float | None], aturan: str, kumulatif: bool) -> float | None:
    """The year's figure by the rule, or None while the year is not complete (see the module note)."""
    v = _bersih(nilai)
    if 4 not in v:
        return None
    if not kumulatif and aturan in (JUMLAH, RATA_RATA) and set(v) != set(TRIWULAN):
        return None
    return sampai_dengan(v, aturan, kumulatif)[4]


def turun(nilai: Mapping[int, float | None]) -> list[tuple[int, float, int, float]]:
    """Cumulative figures that decrease from one reported quarter to the next: (tw, value, next tw, value)."""
    v = list(_bersih(nilai).items())
    return [(a, x, b, y) for (a, x), (b, y) in pairwise(v) if y < x]


def harapan_garis_lurus(target: float | None, triwulan: int, aturan: str) -> float | None:
    """What a straight line from January to the year's target expects by the end of ``triwulan``.

    Summed figures (counts, Rupiah) grow through the year: target x triwulan / 4. A level
    (``terakhir``, ``rata_rata``: a percentage, an index) is expected at its target all year.
    """
    if target is None or pd.isna(target) or triwulan not in TRIWULAN:
        return None
    return float(target) * triwulan / 4 if aturan == JUMLAH else float(target)


def persen(bagian: float | None, dari: float | None) -> float | None:
    """``bagian / dari x 100``; None when either is missing or ``dari`` is 0 (never 0 % or infinity)."""
    if bagian is None or dari is None or pd.isna(bagian) or pd.isna(dari) or float(dari) == 0:
        return None
    return float(bagian) / float(dari) * 100


def kemajuan(
    nilai: Mapping[int, float | None],
    aturan: str,
    kumulatif: bool,
    target: float | None,
    triwulan: int | None = None,
) -> dict[str, float | int | None]:
    """Progress within the year by the end of ``triwulan`` (default: the last reported quarter).

    ``triwulan``, ``sampai`` (figure to date: that of the last reported quarter up to then),
    ``harapan`` (straight-line expectation by then), ``persen_target`` (to date against the
    year's target), ``persen_harapan`` (to date against the expectation). None where a value
    cannot be computed; nothing reported by then gives no figure to date, never 0.
    """
    sd = sampai_dengan(nilai, aturan, kumulatif)
    tw = triwulan if triwulan is not None else max(sd, default=None)
    dilapor = [t for t in sd if tw is not None and t <= tw]
    sampai = sd[max(dilapor)] if dilapor else None
    harap = harapan_garis_lurus(target, tw, aturan) if tw is not None else None
    return {
        "triwulan": tw,
        "sampai": sampai,
        "harapan": harap,
        "persen_target": persen(sampai, target),
        "persen_harapan": persen(sampai, harap),
    }
