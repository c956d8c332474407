"""metrics.triwulan: the year's figure from quarterly figures by the indicator's rule, and progress.

Every expected value is computed by hand in the comment beside it; the figures are synthetic.
"""

from __future__ import annotations

import pytest

from metrics import triwulan as mt


def test_jumlah_per_triwulan_dijumlah() -> None:
    nilai = {1: 2, 2: 3, 3: 0, 4: 5}
    assert mt.sampai_dengan(nilai, mt.JUMLAH, kumulatif=False) == {1: 2, 2: 5, 3: 5, 4: 10}  # 2, 2+3, +0, +5
    assert mt.tahunan(nilai, mt.JUMLAH, kumulatif=False) == 10


def test_terakhir_mengambil_nilai_triwulan_iv() -> None:
    nilai = {1: 80.0, 2: 85.5, 3: 90.0, 4: 92.25}
    assert mt.tahunan(nilai, mt.TERAKHIR, kumulatif=False) == 92.25
    assert mt.sampai_dengan(nilai, mt.TERAKHIR, kumulatif=False)[2] == 85.5
    # a per-quarter level needs only triwulan IV for the year: the last value is the year's
    assert mt.tahunan({1: 80.0, 4: 91.0}, mt.TERAKHIR, kumulatif=False) == 91.0


def test_rata_rata() -> None:
    nilai = {1: 80, 2: 85, 3: 90, 4: 95}
    assert mt.tahunan(nilai, mt.RATA_RATA, kumulatif=False) == 87.5  # 350 / 4
    assert mt.sampai_dengan(nilai, mt.RATA_RATA, kumulatif=False) == {1: 80, 2: 82.5, 3: 85, 4: 87.5}


def test_kumulatif_sudah_sampai_dengan() -> None:
    # kumulatif figures are already January-to-date: the year is triwulan IV's, whatever the rule
    nilai = {1: 2, 2: 5, 4: 10}
    for aturan in mt.ATURAN:
        assert mt.sampai_dengan(nilai, aturan, kumulatif=True) == {1: 2, 2: 5, 4: 10}
        assert mt.tahunan(nilai, aturan, kumulatif=True) == 10


def test_tahun_belum_lengkap_tidak_punya_nilai_tahunan() -> None:
    assert mt.tahunan({1: 2, 2: 3, 3: 1}, mt.JUMLAH, False) is None  # no triwulan IV
    assert mt.tahunan({1: 2, 2: 3, 4: 1}, mt.JUMLAH, False) is None  # triwulan III missing: 6 would be wrong
    assert mt.tahunan({1: 80, 2: 90, 4: 95}, mt.RATA_RATA, False) is None
    assert mt.tahunan({1: 2, 2: None, 3: 1, 4: 1}, mt.JUMLAH, False) is None  # empty is not 0
    assert mt.tahunan({}, mt.TERAKHIR, True) is None


def test_kumulatif_yang_turun() -> None:
    assert mt.turun({1: 5, 2: 4, 3: 6, 4: 6}) == [(1, 5.0, 2, 4.0)]
    assert mt.turun({1: 5, 3: 4}) == [(1, 5.0, 3, 4.0)]  # across a quarter not reported
    assert mt.turun({1: 1, 2: 1, 3: 2}) == []


def test_harapan_garis_lurus() -> None:
    assert mt.harapan_garis_lurus(24, 2, mt.JUMLAH) == 12  # 24 x 2/4
    assert mt.harapan_garis_lurus(10, 3, mt.JUMLAH) == 7.5  # 10 x 3/4
    assert mt.harapan_garis_lurus(100, 1, mt.TERAKHIR) == 100  # a level is expected at its target
    assert mt.harapan_garis_lurus(None, 1, mt.JUMLAH) is None


def test_kemajuan_dalam_tahun() -> None:
    # 1 + 2 = 3 of a target of 6 by triwulan II: 50 % of the year's target; expected 6 x 2/4 = 3 -> 100 %
    k = mt.kemajuan({1: 1, 2: 2}, mt.JUMLAH, False, 6)
    assert k == {"triwulan": 2, "sampai": 3, "harapan": 3, "persen_target": 50, "persen_harapan": 100}
    # Rupiah 30 juta kumulatif by triwulan III of a pagu of 100 juta: 30 %; expected 75 juta -> 40 %
    rp = mt.kemajuan({1: 10e6, 3: 30e6}, mt.JUMLAH, True, 100e6)
    assert rp["sampai"] == 30e6 and rp["harapan"] == 75e6
    assert rp["persen_target"] == pytest.approx(30) and rp["persen_harapan"] == pytest.approx(40)
    # at a quarter with nothing reported yet for this value: no figure to date, never 0
    assert mt.kemajuan({2: 5}, mt.JUMLAH, False, 10, triwulan=1)["sampai"] is None
    # a percentage at 90 in triwulan II of a target of 100: 90 % of the target and of the expectation
    assert mt.kemajuan({2: 90}, mt.TERAKHIR, False, 100)["persen_harapan"] == 90
    assert mt.kemajuan({}, mt.JUMLAH, False, 10)["sampai"] is None
    assert mt.persen(5, 0) is None  # target 0: no percentage, never infinity


def test_aturan_tidak_dikenal() -> None:
    with pytest.raises(ValueError, match="aturan triwulan 'median' tidak dikenal"):
        mt.sampai_dengan({1: 1}, "median", False)
