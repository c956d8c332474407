"""Small helpers shared by the metrics modules."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd


def kosong(x: Any) -> bool:
    """True for None, pd.NA, NaT and NaN."""
    if x is None or x is pd.NA:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def angka(x: Any) -> float | None:
    """``x`` as a finite float, or None when empty."""
    if kosong(x):
        return None
    f = float(x)
    return None if math.isnan(f) else f
