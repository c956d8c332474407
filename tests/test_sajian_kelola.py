"""Kelola Renstra and Antar-Renstra frames: the bundled document's own counts and pagu, a
SYNTHETIC second Renstra (tests/renstra_sintetis.py), and the diff of a corrected re-upload.
"""

from __future__ import annotations

import pandas as pd
import pytest

from loaders.renstra import Renstra, renstra_dari_xlsx
from sajian import kelola
from tests import renstra_sintetis as rs


@pytest.fixture(scope="module")
def kedua() -> Renstra:
    return renstra_dari_xlsx(rs.buat(), "sidomakmur.xlsx")


def test_preview_counts_per_year_of_the_bundled_document(renstra: Renstra) -> None:
    d = kelola.isi_per_tahun(renstra).set_index("tahun")
    # T-C.27 2020 stops at kegiatan (old local codes); 2021 and 2022-2024 reach sub kegiatan.
    assert d.loc[2020, ["program", "kegiatan", "sub_kegiatan"]].tolist() == [4, 38, 0]
    assert d.loc[2022, ["program", "kegiatan", "sub_kegiatan", "indikator"]].tolist() == [4, 12, 44, 49]
    assert d.loc[2024, "pagu"] == 13_198_129_412  # the one total of Ringkasan


def test_preview_of_another_renstra(kedua: Renstra) -> None:
    ident = dict(kelola.identitas(kedua).values.tolist())
    assert ident["Periode"] == "2025-2029" and ident["Kelurahan (6)"].startswith("Mekarsari, Sukamaju")
    d = kelola.isi_per_tahun(kedua).set_index("tahun")
    assert d.loc[2025, ["program", "kegiatan", "sub_kegiatan", "indikator", "pagu"]].tolist() == [
        3, 3, 8, 14, 4_050_000_000,
    ]  # fmt: skip


def test_diff_of_a_corrected_reupload(kedua: Renstra) -> None:
    def koreksi(wb: object) -> None:
        wb["T-C.27"].cell(row=4, column=8, value="160.000.000")  # type: ignore[index]
        wb["T-C.27"].cell(row=4 + len(rs.RENCANA), column=3, value="7.01.03.2.02.02")  # type: ignore[index]
        wb["T-C.27"].cell(row=4 + len(rs.RENCANA), column=4, value="Kegiatan baru (sub unit Sidoluhur)")  # type: ignore[index]

    baru = renstra_dari_xlsx(rs.buat(koreksi), "koreksi.xlsx")
    beda = kelola.beda_versi(kedua, baru)
    assert beda.iloc[0].tolist()[:6] == ["T-C.27", 1, "2025 Rp", "150.000.000", "160.000.000", "diubah"]
    assert beda.iloc[-1][["baris", "jenis"]].tolist() == [len(rs.RENCANA) + 1, "baris baru"]
    assert kelola.beda_versi(kedua, kedua).empty


def test_side_by_side(renstra: Renstra, kedua: Renstra) -> None:
    ringkas = kelola.gabung({"a": kelola.ringkas_renstra(renstra), "b": kelola.ringkas_renstra(kedua)})
    assert ringkas[["periode", "tahun_akhir", "program", "kelurahan"]].values.tolist() == [
        ["2019-2024", 2024, 4, 6],
        ["2025-2029", 2029, 3, 6],
    ]
    pagu = kelola.gabung({"a": kelola.pagu_per_tahun(renstra), "b": kelola.pagu_per_tahun(kedua)})
    assert pagu["renstra"].unique().tolist() == ["Kecamatan Wonoasih 2019-2024", "Kecamatan Sidomakmur 2025-2029"]
    assert pagu["tahun"].tolist() == [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029]
    pangsa = kelola.pangsa_kelurahan(kedua)
    assert pangsa[pangsa["tahun"] == 2025]["pangsa"].round(2).tolist() == [16.67] * 6
    assert kelola.gabung({}).empty and isinstance(kelola.gabung({}), pd.DataFrame)
