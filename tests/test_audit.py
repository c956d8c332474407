"""The audit finds the inconsistencies that really are in the document."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from loaders import audit_renstra, load_renstra
from loaders.renstra import Renstra
from tests.test_loaders_masukan import _ubah_csv


@pytest.fixture(scope="module")
def temuan(renstra: Renstra) -> pd.DataFrame:
    return audit_renstra(renstra)


def _satu(t: pd.DataFrame, **k: object) -> pd.Series:
    m = pd.Series(True, index=t.index)
    for kolom, nilai in k.items():
        m &= t[kolom] == nilai
    assert m.sum() == 1, (k, t[m])
    return t[m].iloc[0]


def test_columns_and_order(temuan: pd.DataFrame) -> None:
    assert list(temuan.columns)[:8] == [
        "tabel",
        "baris",
        "tahun",
        "uraian",
        "jenis",
        "keparahan",
        "diharapkan",
        "ditemukan",
    ]
    assert temuan["keparahan"].tolist() == sorted(temuan["keparahan"], key=["galat", "peringatan", "info"].index)


def test_ratio_printed_on_the_wrong_scale(temuan: pd.DataFrame) -> None:
    f = _satu(temuan, tabel="T-C.23", tahun=2020, jenis="rasio capaian skala salah")
    assert f["uraian"] == "Indeks Kepuasan Masyarakat (IKM)"
    assert (f["diharapkan"], f["ditemukan"]) == ("111,18", "1.11")  # 94,06 / 84,60 x 100
    assert len(temuan[temuan["jenis"] == "rasio capaian skala salah"]) == 3


def test_ratio_without_realisation(temuan: pd.DataFrame) -> None:
    f = _satu(temuan, jenis="rasio serapan tanpa realisasi")
    assert (f["uraian"], f["tahun"], f["ditemukan"]) == ("Program Peningkatan Pemberdayaan Masyarakat", 2020, "54,36")


def test_realisation_above_budget(temuan: pd.DataFrame) -> None:
    f = _satu(temuan, jenis="realisasi melebihi anggaran")
    assert (f["uraian"], f["tahun"]) == ("Program Pemantapan Gerdu Taskin", 2016)
    assert (f["diharapkan"], f["ditemukan"]) == ("≤ Rp 21.000.000", "Rp 48.159.000")


def test_unreadable_parent_pagu_with_the_sum_of_its_children(temuan: pd.DataFrame) -> None:
    f = _satu(temuan, tabel="T-C.27 (2021)", jenis="pagu tidak terbaca")
    assert f["uraian"].startswith("7.01.01 PROGRAM PENUNJANG")
    assert f["diharapkan"] == "Rp 9.990.090.888"  # 28.385.000 + 9.537.001.166 + 333.300.000 + 91.404.722
    assert len(temuan[(temuan["tabel"] == "T-C.27 (2020)") & (temuan["jenis"] == "pagu tidak terbaca")]) == 4


def test_one_rupiah_differences_are_rounding(temuan: pd.DataFrame) -> None:
    r = temuan[temuan["jenis"] == "selisih pembulatan"]
    assert len(r) == 6 and set(r["keparahan"]) == {"info"}
    f = _satu(temuan, jenis="selisih pembulatan", tahun=2024, baris=17)
    assert (f["diharapkan"], f["ditemukan"]) == ("Rp 1.538.963.467", "Rp 1.538.963.466")
    assert temuan[temuan["jenis"] == "pagu induk ≠ jumlah rincian"].empty


def test_budget_tables_disagree_for_2020(temuan: pd.DataFrame) -> None:
    f = _satu(temuan, jenis="anggaran T-C.24 ≠ pagu T-C.27", uraian="Program Peningkatan Pemberdayaan Masyarakat")
    assert (f["diharapkan"], f["ditemukan"]) == ("Rp 11.574.424.760", "Rp 5.673.534.002")
    assert len(temuan[temuan["jenis"] == "anggaran T-C.24 ≠ pagu T-C.27"]) == 4


def test_missing_pagu_and_inconsistent_unit(temuan: pd.DataFrame) -> None:
    f = _satu(temuan, jenis="pagu kosong")
    assert f["uraian"] == "301000.301001.01.003 Pengelolaan Kinerja Program dan Kegiatan"
    f = _satu(temuan, jenis="satuan target berbeda antartahun")
    assert f["uraian"] == "Kegiatan Pemberdayaan Kelurahan" and f["ditemukan"] == "2022: 70%, 2023: 80%, 2024: 90"


def test_staff_totals_in_the_prose_disagree(temuan: pd.DataFrame) -> None:
    t = temuan[temuan["jenis"] == "jumlah pegawai di teks ≠ tabel"]
    assert sorted(t["ditemukan"]) == ["102", "106"] and set(t["diharapkan"]) == {"104"}
    assert temuan[temuan["jenis"] == "total pegawai tidak sesuai"].empty  # the tables themselves add up


def test_zero_ratios_without_a_base_are_info(temuan: pd.DataFrame) -> None:
    t = temuan[temuan["jenis"] == "rasio capaian 0 tanpa dasar"]
    assert len(t) == 28 and set(t["keparahan"]) == {"info"}


def test_audit_sees_a_damaged_staff_total(salinan: Path) -> None:
    _ubah_csv(salinan, "2-2-2_pegawai_unit_kerja.csv", lambda r: r[1].__setitem__(4, "39"))
    t = audit_renstra(load_renstra(salinan))
    f = _satu(t, jenis="total pegawai tidak sesuai")
    assert (f["uraian"], f["diharapkan"], f["ditemukan"]) == ("Unit Kerja Kecamatan Wonoasih", "38", "39")


def test_audit_sees_a_parent_child_mismatch(salinan: Path) -> None:
    _ubah_csv(salinan, "t-c27_rencana_2022-2024.csv", lambda r: r[4].__setitem__(7, "197.779.300"))
    t = audit_renstra(load_renstra(salinan))
    f = _satu(t, jenis="pagu induk ≠ jumlah rincian", tahun=2022, baris=2)
    assert (f["diharapkan"], f["ditemukan"], f["keparahan"]) == ("Rp 197.779.300", "Rp 197.779.200", "galat")


# --- audit.TOLERANSI_PEMBULATAN_RP pinned at its edges: a gap of Rp 1 is rounding, Rp 2 is not ---


def _kegiatan_administrasi_kepegawaian_2023(renstra: Renstra, selisih: int) -> Renstra:
    """Only 7.01.01.2.05 Administrasi Kepegawaian in 2023 (Rp 5.949.627 = 331.527 + 5.618.100 exactly, row 37)
    and its two sub kegiatan, the first lowered so that the kegiatan is ``selisih`` above their sum."""
    d = renstra.rencana
    d = d[(d["tahun"] == 2023) & ((d["item_id"] == "tc27_2022:37") | (d["kegiatan_id"] == "tc27_2022:37"))].copy()
    assert d["item_id"].tolist() == ["tc27_2022:37", "tc27_2022:38", "tc27_2022:39"]
    d.loc[d["item_id"] == "tc27_2022:38", "pagu"] -= selisih
    return replace(renstra, rencana=d)


@pytest.mark.parametrize(
    ("selisih", "jenis", "keparahan"),
    [
        (0, None, None),
        (1, "selisih pembulatan", "info"),
        (-1, "selisih pembulatan", "info"),
        (2, "pagu induk ≠ jumlah rincian", "galat"),
        (-2, "pagu induk ≠ jumlah rincian", "galat"),
    ],
)
def test_toleransi_pembulatan_induk_dan_rincian(
    renstra: Renstra, selisih: int, jenis: str | None, keparahan: str | None
) -> None:
    t = audit_renstra(_kegiatan_administrasi_kepegawaian_2023(renstra, selisih))
    di_induk = t[(t["tabel"] == "T-C.27 (2022-2024)") & (t["baris"] == 37) & (t["tahun"] == 2023)]
    assert di_induk[["jenis", "keparahan"]].values.tolist() == ([[jenis, keparahan]] if jenis else [])


def _anggaran_tc24_2020(renstra: Renstra, selisih: int) -> Renstra:
    """T-C.24's 2020 anggaran of Program Peningkatan Pemberdayaan Masyarakat (row 10) set ``selisih``
    above T-C.27 (2020)'s sum of its kegiatan, Rp 11.574.424.760; only T-C.27's 2020 kegiatan kept."""
    a = renstra.anggaran.copy()
    baris = (a["tabel"] == "T-C.24") & (a["baris"] == 10) & (a["tahun"] == 2020)
    assert a.loc[baris, "program"].tolist() == ["Program Peningkatan Pemberdayaan Masyarakat"]
    a.loc[baris, "anggaran"] = 11_574_424_760 + selisih
    d = renstra.rencana
    return replace(renstra, anggaran=a, rencana=d[(d["tahun"] == 2020) & (d["tingkat"] == "kegiatan")])


@pytest.mark.parametrize(("selisih", "temuan_ada"), [(0, False), (1, False), (-1, False), (2, True), (-2, True)])
def test_toleransi_pembulatan_tc24_dan_tc27(renstra: Renstra, selisih: int, temuan_ada: bool) -> None:
    t = audit_renstra(_anggaran_tc24_2020(renstra, selisih))
    beda = t[t["jenis"] == "anggaran T-C.24 ≠ pagu T-C.27"]
    assert (beda["uraian"] == "Program Peningkatan Pemberdayaan Masyarakat").any() == temuan_ada
    assert len(beda) == 3 + temuan_ada  # the other three 2020 programs disagree by far more


def test_tc24_dan_tc27_dibandingkan_di_setiap_tahun_keduanya(renstra: Renstra) -> None:
    """Not only the one year the bundled tables share: a T-C.24 that also printed the next year
    (here a SYNTHETIC copy of a 2020 row as 2021, named as T-C.27 (2021) names the program, Rp 2
    above the sum of its kegiatan) is compared with T-C.27 of that year."""
    d = renstra.rencana
    kegiatan = d[(d["tahun"] == 2021) & (d["tingkat"] == "kegiatan")]
    program = kegiatan.groupby("program_id").agg(nama=("program_nama", "first"), pagu=("pagu", "sum")).iloc[0]
    a = renstra.anggaran
    baris = a[(a["tahun"] == 2020) & a["anggaran"].notna()].iloc[[0]]
    baris = baris.assign(tahun=2021, program=program["nama"], anggaran=float(program["pagu"]) + 2)
    t = audit_renstra(replace(renstra, anggaran=pd.concat([a, baris], ignore_index=True)))
    f = _satu(t, jenis="anggaran T-C.24 ≠ pagu T-C.27", tahun=2021)
    assert (f["uraian"], f["keterangan"]) == (
        program["nama"],
        f"T-C.27 (2021): jumlah pagu kegiatan '{program['nama']}'",
    )
    lintas = t[(t["jenis"] == "anggaran T-C.24 ≠ pagu T-C.27") & (t["tahun"] == 2020)]
    assert len(lintas) == 4  # the bundled document's own, as before
