"""Stored realisasi reach the pages (AppTest). The reported figures here are SYNTHETIC test data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from loaders import Renstra
from realisasi import TIPE_REALISASI
from realisasi.gudang import Gudang
from tests.appkit import buka, gambar_berjudul

SHA_UJI = "0" * 64


@pytest.fixture
def gudang_uji(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Gudang:
    url = f"sqlite:///{tmp_path / 'realisasi.sqlite'}"
    monkeypatch.setenv("RENSTRA_DB_URL", url)
    return Gudang(url)


def _baris(renstra: Renstra, kode: str, tahun: int) -> pd.Series:
    R = renstra.rencana
    return R[(R["tahun"] == tahun) & (R["kode"] == kode)].iloc[0]


def test_tanpa_laporan_kinerja_menyebut_belum_ada(gudang_uji: Gudang) -> None:
    at = buka("halaman/kinerja.py", tahun="2022", bagian="capaian-per-tahun")
    assert any("Belum ada realisasi 2022 yang dilaporkan" in i.value for i in at.info)


def test_realisasi_tersimpan_menjadi_capaian_di_kinerja(gudang_uji: Gudang, renstra: Renstra) -> None:
    b = _baris(renstra, "7.01.01", 2022)  # target 100 % in T-C.27 2022
    lapor = pd.DataFrame(
        [{"tahun": 2022, "item_id": b["item_id"], "indikator_ke": b["indikator_ke"], "kelurahan": "",
          "realisasi": 95.0, "realisasi_rp": 9_000_000_000}]
    ).astype(TIPE_REALISASI)  # fmt: skip
    gudang_uji.simpan(lapor, "uji", "admin", "uji.xlsx", SHA_UJI, 2022)

    at = buka("halaman/kinerja.py", tahun="2022", bagian="capaian-per-tahun")
    fig = gambar_berjudul(at, "capaian-dilaporkan")
    batang = next(t for t in fig["data"] if t["name"] == "Sangat Tinggi")
    assert batang["x"] == [95.0]
    assert batang["text"] == ["95,00 %"]
    assert "7.01.01" in batang["y"][0]


def test_realisasi_rp_tersimpan_menjadi_serapan_di_anggaran(gudang_uji: Gudang, renstra: Renstra) -> None:
    at = buka("halaman/anggaran.py", tahun="2022", bagian="realisasi-dan-serapan")
    assert any("Belum ada realisasi anggaran 2022 yang dilaporkan" in i.value for i in at.info)

    b = _baris(renstra, "7.01.01", 2022)  # pagu Rp 9.122.221.547 in T-C.27 2022
    lapor = pd.DataFrame(
        [{"tahun": 2022, "item_id": b["item_id"], "indikator_ke": b["indikator_ke"], "kelurahan": "",
          "realisasi": pd.NA, "realisasi_rp": 9_000_000_000}]
    ).astype(TIPE_REALISASI)  # fmt: skip
    gudang_uji.simpan(lapor, "uji", "admin", "uji.xlsx", SHA_UJI, 2022)
    at = buka("halaman/anggaran.py", tahun="2022", bagian="realisasi-dan-serapan")
    batang = gambar_berjudul(at, "serapan-dilaporkan")["data"][0]
    assert batang["text"] == ["98,66 %"]  # 9.000.000.000 / 9.122.221.547
    assert batang["customdata"][0][:2] == ["Rp 9.122.221.547", "Rp 9.000.000.000"]


def test_realisasi_tersimpan_di_tabel_indikator_program(gudang_uji: Gudang, renstra: Renstra) -> None:
    b = _baris(renstra, "7.01.01", 2022)
    lapor = pd.DataFrame(
        [{"tahun": 2022, "item_id": b["item_id"], "indikator_ke": b["indikator_ke"], "kelurahan": "",
          "realisasi": 95.0, "realisasi_rp": pd.NA}]
    ).astype(TIPE_REALISASI)  # fmt: skip
    gudang_uji.simpan(lapor, "uji", "admin", "uji.xlsx", SHA_UJI, 2022)
    at = buka("halaman/program.py", program="7.01.01", bagian="indikator-dan-target")
    tabel = next(df for df in (t.value for t in at.table) if "Realisasi dilaporkan" in df.columns).set_index("Tahun")
    assert tabel.loc["2022", "Realisasi dilaporkan"] == "95"
    assert tabel.loc["2022", "Capaian"] == "95,00 %"
    assert tabel.loc["2023", "Realisasi dilaporkan"] == "–"  # not reported: a dash, never 0


def test_ringkasan_serapan_terakhir_dari_laporan(gudang_uji: Gudang, renstra: Renstra) -> None:
    metrik = {m.label: m.value for m in buka().metric}
    assert metrik["Serapan anggaran 2020"] == "96,11 %"  # the document's latest, while nothing is reported

    b = _baris(renstra, "7.01.01", 2022)
    lapor = pd.DataFrame(
        [{"tahun": 2022, "item_id": b["item_id"], "indikator_ke": b["indikator_ke"], "kelurahan": "",
          "realisasi": pd.NA, "realisasi_rp": 9_000_000_000}]
    ).astype(TIPE_REALISASI)  # fmt: skip
    gudang_uji.simpan(lapor, "uji", "admin", "uji.xlsx", SHA_UJI, 2022)
    at = buka()
    metrik = {m.label: m.value for m in at.metric}
    assert metrik["Serapan anggaran 2022"] == "98,66 %"
    assert any("dilaporkan lewat Isi Realisasi" in c.value for c in at.caption)
