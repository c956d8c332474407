"""Evaluasi slides of the Musrenbang pack (musrenbang.evaluasi): efficiency and the end-of-period review.

Reported realisasi here are SYNTHETIC test data; the review's T-C.23/T-C.24 values are the document's.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation

from loaders import Renstra
from musrenbang import buku, dek, isi
from musrenbang import evaluasi as pack_evaluasi
from realisasi import bingkai_kosong
from realisasi.gudang import Gudang
from tests import appkit, realisasi_uji

SELESAI = date(2026, 12, 1)  # after the bundled periode 2019-2024
BERJALAN = date(2024, 6, 1)


@pytest.fixture
def lapor(renstra: Renstra) -> pd.DataFrame:
    """``realisasi_uji.dua_baris_2022``: two 2022 rows reported."""
    return realisasi_uji.dua_baris_2022(renstra)


def _kunci(slaid: list[isi.Slaid]) -> list[str]:
    return [s.kunci for s in slaid]


def test_efisiensi_hanya_bila_ada_realisasi(renstra: Renstra, lapor: pd.DataFrame) -> None:
    assert "efisiensi" not in _kunci(isi.susun(renstra, 2022, None, bingkai_kosong(), dibuat=SELESAI))
    assert "efisiensi" not in _kunci(isi.susun(renstra, 2023, None, lapor, dibuat=SELESAI))  # 2023 not reported
    assert "efisiensi" not in _kunci(isi.susun(renstra, 2022, "Pakistaji", lapor, dibuat=SELESAI))
    slaid = isi.susun(renstra, 2022, None, lapor, dibuat=SELESAI)
    k = _kunci(slaid)
    assert k.index("efisiensi") == k.index("serapan") + 1
    s = slaid[k.index("efisiensi")]
    assert s.data["program"].tolist() == ["7.01.03 PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN"]
    assert isi.nilai_seri(s, "capaian") == [75.0]  # (100 % + 50 %) / 2
    assert isi.nilai_seri(s, "serapan") == [pytest.approx(245_000_000 / 297_779_200 * 100)]
    assert isi.label_titik(s, "serapan") == ["82,28 %"]
    assert s.data["kuadran"].tolist() == ["Capaian rendah, serapan rendah"]  # both under 91 %
    assert "Isi Realisasi" in s.sumber and "T-C.27, tahun 2022" in s.sumber


def test_tinjauan_pilihan_dan_isinya(renstra: Renstra) -> None:
    tanpa = _kunci(isi.susun(renstra, 2024, None, bingkai_kosong(), dibuat=SELESAI))
    assert "tinjauan" not in tanpa
    slaid = isi.susun(renstra, 2024, None, bingkai_kosong(), dibuat=SELESAI, tinjauan=True)
    assert _kunci(slaid) == [*tanpa, "tinjauan", "tinjauan-indikator", "tinjauan-program"]
    s = {x.kunci: x for x in slaid}
    predikat = s["tinjauan"].data.set_index("predikat")
    assert predikat.loc["Sangat Tinggi", "T-C.23"] == 4 and predikat.loc["Tanpa capaian", "T-C.23"] == 6
    assert s["tinjauan"].grafik.seri == ("T-C.23", "T-C.27")
    ind = s["tinjauan-indikator"].data.set_index("indikator")
    ikm = ind.loc["Indeks Kepuasan Masyarakat (IKM)"]  # 94,06 (T-C.23 2020) against 88,60 (T-C.25, 2024)
    assert (ikm["target"], ikm["tahun_target"], ikm["realisasi"]) == (88.6, 2024, 94.06)
    assert ikm["capaian"] == pytest.approx(94.06 / 88.6 * 100)
    program = s["tinjauan-program"].data.set_index("program")
    adm = program.loc["Program Pelayanan Administrasi Perkantoran"]  # T-C.24 2016-2019
    assert (adm["pagu_dilaporkan"], adm["realisasi"]) == (2_747_232_982, 2_530_350_476)


def test_tinjauan_sebelum_periode_berakhir_berpesan(renstra: Renstra) -> None:
    slaid = isi.susun(renstra, 2024, None, bingkai_kosong(), dibuat=BERJALAN, tinjauan=True)
    akhir = slaid[-1]
    assert akhir.kunci == "tinjauan" and akhir.data.empty
    assert (
        akhir.pesan == "Periode 2019-2024 belum berakhir pada 1 Juni 2024; tinjauan akhir periode belum dapat disusun."
    )


def test_dek_dan_buku_memuat_bagian_evaluasi(renstra: Renstra, lapor: pd.DataFrame) -> None:
    slaid = isi.susun(renstra, 2022, None, lapor, dibuat=SELESAI, tinjauan=True)
    prs = Presentation(io.BytesIO(dek.dek_pptx(slaid)))
    grafik = [sh.chart for sl in prs.slides for sh in sl.shapes if sh.has_chart]
    efisiensi = next(g for g in grafik if [s.name for s in g.plots[0].series] == ["Capaian", "Serapan"])
    assert list(efisiensi.plots[0].series[0].values) == [75.0]
    predikat = next(
        g for g in grafik if [s.name for s in g.plots[0].series] == ["Indikator T-C.23", "Indikator T-C.27"]
    )
    assert list(predikat.plots[0].series[0].values) == [4, 0, 0, 0, 0, 6, 0]  # T-C.23: Sangat Tinggi 4, tanpa 6
    wb = openpyxl.load_workbook(io.BytesIO(buku.buku_xlsx(slaid)))
    nama = wb.sheetnames
    assert any("Capaian dan serapan" in n for n in nama) and any("Tinjauan akhir periode" in n for n in nama)
    assert not [c for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_halaman_musrenbang_centang_tinjauan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RENSTRA_DB_URL", f"sqlite:///{tmp_path / 'realisasi.sqlite'}")
    Gudang(f"sqlite:///{tmp_path / 'realisasi.sqlite'}")
    at = appkit.buka("halaman/musrenbang.py", tahun="2024")
    assert not [t for t in at.tabs if "Tinjauan" in t.label]
    at.checkbox(key="tinjauan_akhir").check().run()
    assert not at.exception
    label = [t.label for t in at.tabs]
    assert [x.split(". ", 1)[1] for x in label[-3:]] == [
        "Tinjauan akhir periode", "Capaian akhir periode", "Program akhir periode"
    ]  # fmt: skip
    at = appkit.buka("halaman/musrenbang.py", tahun="2024", kelurahan="Pakistaji")
    assert not at.checkbox  # a kelurahan pack has no review option


def test_buku_tinjauan_untuk_halaman(renstra: Renstra) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(pack_evaluasi.buku_tinjauan(renstra, bingkai_kosong(), None, SELESAI)))
    assert len(wb.sheetnames) == 3
    nilai = [c.value for ws in wb for row in ws.iter_rows() for c in row]
    assert 2_747_232_982 in nilai and 2_530_350_476 in nilai  # T-C.24 Administrasi Perkantoran 2016-2019
    assert not [c for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
