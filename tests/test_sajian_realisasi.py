"""sajian.realisasi: reported realisasi beside the plan (the reports here are SYNTHETIC test data)."""

from __future__ import annotations

import pandas as pd
import pytest

from loaders import Renstra
from realisasi import TIPE_REALISASI
from sajian import realisasi as S


def _lapor(renstra: Renstra, kode: str, tahun: int, realisasi=None, realisasi_rp=None) -> pd.DataFrame:
    """A synthetic report for the first indicator row of the item printed with ``kode`` in ``tahun``."""
    R = renstra.rencana
    b = R[(R["tahun"] == tahun) & (R["kode"] == kode)].iloc[0]
    rekaman = {"tahun": tahun, "item_id": b["item_id"], "indikator_ke": b["indikator_ke"], "kelurahan": "",
               "realisasi": realisasi, "realisasi_rp": realisasi_rp}  # fmt: skip
    return pd.DataFrame([rekaman]).astype(TIPE_REALISASI)


def test_capaian_dari_target_dokumen(renstra: Renstra) -> None:
    # T-C.27 2022: 7.01.01 "Persentase Capaian Kinerja Program Minimal 80%", target 100 (%).
    lapor = _lapor(renstra, "7.01.01", 2022, realisasi=95.0)
    c = S.capaian_dilaporkan(renstra, 2022, lapor)
    assert len(c) == 1
    b = c.iloc[0]
    assert b["target"] == 100 and b["realisasi"] == 95
    assert b["capaian"] == pytest.approx(95.0)
    assert b["predikat"] == "Sangat Tinggi"
    assert b["indikator"].startswith("7.01.01 PROGRAM PENUNJANG")


def test_tahun_lain_dan_kosong_tidak_muncul(renstra: Renstra) -> None:
    lapor = _lapor(renstra, "7.01.01", 2022, realisasi=95.0)
    assert S.capaian_dilaporkan(renstra, 2023, lapor).empty  # 2023 not reported: nothing, not zeros
    kosong = _lapor(renstra, "7.01.01", 2022, realisasi_rp=9_000_000_000)
    assert S.capaian_dilaporkan(renstra, 2022, kosong).empty  # only Rupiah reported


def test_serapan_dari_pagu_dokumen(renstra: Renstra) -> None:
    lapor = _lapor(renstra, "7.01.01", 2022, realisasi_rp=9_000_000_000)
    s = S.serapan_dilaporkan(renstra, 2022, lapor)
    assert s.iloc[0]["pagu"] == 9_122_221_547
    assert s.iloc[0]["serapan"] == pytest.approx(9_000_000_000 / 9_122_221_547 * 100)
