"""Realisasi reported after the document (2021-2024): Excel template, validated upload, versioned store, accounts.

No Streamlit here. The pieces meet in one record shape, ``KOLOM_REALISASI``: one row per
T-C.27 indicator row of a year (``tahun``, ``item_id``, ``indikator_ke``) with what was
achieved (``realisasi``, in the indicator's own unit) and, on the row that carries the item's
pagu, the Rupiah spent (``realisasi_rp``). Empty means "not reported", never 0.

Realisasi per triwulan (``KOLOM_TRIWULAN``) add the quarter (1-4), whether the figure is
kumulatif (January to the end of that quarter) or the quarter's own, and the rules that make
the year's figure from them (``metrics.triwulan``), recorded with each upload.
"""

from __future__ import annotations

import pandas as pd

KUNCI = ("tahun", "item_id", "indikator_ke")
KOLOM_REALISASI = (*KUNCI, "kelurahan", "realisasi", "realisasi_rp")
TIPE_REALISASI = {
    "tahun": "Int64",
    "item_id": "string",
    "indikator_ke": "Int64",
    "kelurahan": "string",  # "" for rows of the kecamatan itself
    "realisasi": "Float64",
    "realisasi_rp": "Int64",
}


def bingkai_kosong() -> pd.DataFrame:
    """An empty frame of realisasi records with the agreed dtypes."""
    return pd.DataFrame({k: pd.Series(dtype=t) for k, t in TIPE_REALISASI.items()})


KUNCI_TRIWULAN = (*KUNCI, "triwulan")
KOLOM_TRIWULAN = (*KUNCI_TRIWULAN, "kelurahan", "realisasi", "realisasi_rp", "kumulatif", "aturan", "aturan_rp")
TIPE_TRIWULAN = {
    **{k: TIPE_REALISASI[k] for k in KUNCI},
    "triwulan": "Int64",
    **{k: TIPE_REALISASI[k] for k in ("kelurahan", "realisasi", "realisasi_rp")},
    "kumulatif": "boolean",
    "aturan": "string",  # metrics.triwulan.ATURAN, for realisasi
    "aturan_rp": "string",  # for realisasi_rp
}


def bingkai_triwulan_kosong() -> pd.DataFrame:
    """An empty frame of triwulan records with the agreed dtypes."""
    return pd.DataFrame({k: pd.Series(dtype=t) for k, t in TIPE_TRIWULAN.items()})
