"""Timing helper shared by the bench scripts."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], n: int = 20, panaskan: bool = True) -> float:
    """Median wall time of ``n`` calls in ms (after one untimed call when ``panaskan``)."""
    if panaskan:
        fn()
    waktu = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        waktu.append((time.perf_counter() - t) * 1000)
    return statistics.median(waktu)
