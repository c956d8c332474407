"""Realisasi for tests (SYNTHETIC figures, never shown in the app): two T-C.27 rows of 2022 reported."""

from __future__ import annotations

import pandas as pd

from loaders import Renstra
from realisasi import TIPE_REALISASI


def dua_baris_2022(renstra: Renstra) -> pd.DataFrame:
    """2022: 7.01.03.2.03.02 (target 2, pagu 197.779.200) 2 / Rp 150.000.000; Pakistaji's
    7.01.03.2.02.02 (target 2, pagu 100.000.000) 1 / Rp 95.000.000."""
    R = renstra.rencana
    rekaman = []
    for kode, kel, real, rp in (
        ("7.01.03.2.03.02", "", 2.0, 150_000_000),
        ("7.01.03.2.02.02", "Pakistaji", 1.0, 95_000_000),
    ):
        b = R[R["tahun"].eq(2022) & R["kode"].eq(kode) & R["kelurahan"].fillna("").eq(kel)].iloc[0]
        rekaman.append({"tahun": 2022, "item_id": b["item_id"], "indikator_ke": b["indikator_ke"], "kelurahan": kel,
                        "realisasi": real, "realisasi_rp": rp})  # fmt: skip
    return pd.DataFrame(rekaman).astype(TIPE_REALISASI)
