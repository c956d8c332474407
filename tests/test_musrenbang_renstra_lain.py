"""The Musrenbang pack and the remaining pages serving ANOTHER Renstra (issue 12): the SYNTHETIC
2025-2029 Renstra of Kecamatan Sidomakmur (tests/renstra_sintetis.py: only T-C.25 and T-C.27,
one version of T-C.25, no T-C.23/T-C.24 history). The pack builds from the page's button, names
the served Renstra in every slide, sheet and chart workbook, and says why a slide has nothing.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from pptx import Presentation

import ekspor
import kosakata
import ui
from loaders import Renstra, audit_renstra
from loaders.renstra import renstra_dari_xlsx
from loaders.templat_renstra import LEMBAR_DAFTAR
from musrenbang import isi
from realisasi import bingkai_kosong
from sajian import pilihan
from tests import appkit
from tests import renstra_sintetis as rs
from tests.test_renstra_lain import JEJAK_BAWAAN

HALAMAN = "halaman/musrenbang.py"
KUNCI_BAHAN = "_bahan_musrenbang"
KELURAHAN = "Mekarsari"


@pytest.fixture
def sumber_sintetis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app serves the synthetic Renstra (RENSTRA_SUMBER), as a deployment configured for it would."""
    berkas = tmp_path / "sidomakmur.xlsx"
    berkas.write_bytes(rs.buat())
    monkeypatch.setenv("RENSTRA_SUMBER", str(berkas))
    yield berkas


@pytest.fixture(scope="module")
def sintetis() -> Renstra:
    return renstra_dari_xlsx(rs.buat())


# --- the files the page's button builds ----------------------------------------------------------


def _teks_dek(data: bytes) -> list[str]:
    """Every text of a deck: shapes, table cells, chart categories and series, each chart's workbook."""
    teks: list[str] = []
    for slide in Presentation(io.BytesIO(data)).slides:
        for sh in slide.shapes:
            if sh.has_text_frame:
                teks.append(sh.text_frame.text)
            if sh.has_table:
                teks += [c.text for row in sh.table.rows for c in row.cells]
            if sh.has_chart:
                plot = sh.chart.plots[0]
                teks += [str(c) for c in plot.categories] + [s.name for s in plot.series]
                teks += _teks_buku(sh.chart.part.chart_workbook.xlsx_part.blob)
    return teks


def _teks_buku(data: bytes) -> list[str]:
    wb = load_workbook(io.BytesIO(data))
    return [ws.title for ws in wb] + [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value]


def _siapkan(**query: str) -> tuple[list[str], list[str]]:
    """Open the page, press "Siapkan PowerPoint dan Excel", and read both files it offers."""
    at = appkit.buka(HALAMAN, **query)
    at.button(key="siapkan-bahan").click().run()
    assert not at.exception and not at.error
    assert {d.label for d in at.get("download_button")} >= {"Unduh PowerPoint (.pptx)", "Unduh Excel (.xlsx)"}
    bahan = at.session_state[KUNCI_BAHAN]
    return _teks_dek(bahan["pptx"]), _teks_buku(bahan["xlsx"])


def test_paket_kecamatan_hanya_menyebut_renstra_yang_dilayani(sumber_sintetis: Path) -> None:
    dek, buku = _siapkan(tahun="2027")
    for teks in (dek, buku):
        semua = "\n".join(teks)
        assert JEJAK_BAWAAN.findall(semua) == []
        assert "Bahan Musrenbang 2027: Kecamatan Sidomakmur" in semua
        assert "Sumber: Renstra Kecamatan Sidomakmur 2025-2029, T-C.27, tahun 2027" in semua


def test_paket_kelurahan_menyebut_kelurahan_renstra_itu(sumber_sintetis: Path) -> None:
    at = appkit.buka(HALAMAN, kelurahan=KELURAHAN)
    assert at.markdown[0].value.startswith(f"**Paket Kelurahan {KELURAHAN}, tahun 2029.**")
    assert "pangsa kelurahan di antara 6 kelurahan" in at.markdown[0].value
    dek, buku = _siapkan(kelurahan=KELURAHAN)
    for teks in (dek, buku):
        semua = "\n".join(teks)
        assert JEJAK_BAWAAN.findall(semua) == []
        assert f"Bahan Musrenbang 2029: Kelurahan {KELURAHAN}" in semua
        assert "5 kelurahan lain" in semua
        assert [k for k in rs.KELURAHAN if k != KELURAHAN and k in semua] == []  # no other kelurahan's row


# --- what a slide says when the Renstra has nothing for it ----------------------------------------


def test_tanpa_tc23_dan_tc24_slaid_menyebut_sebabnya(sintetis: Renstra) -> None:
    slaid = {s.kunci: s for s in isi.susun(sintetis, 2027, None, bingkai_kosong())}
    assert slaid["capaian"].data.empty and slaid["capaian"].grafik is None
    assert slaid["capaian"].pesan == (
        "Belum ada realisasi 2027 yang dilaporkan; capaian tidak dihitung (bukan 0 %). Renstra ini tidak memuat "
        "tabel T-C.23 (Pencapaian Kinerja Pelayanan Perangkat Daerah), jadi capaian dari dokumen tidak dapat "
        "ditampilkan."
    )
    assert slaid["capaian"].sumber == (
        "Sumber: Isi Realisasi (belum ada unggahan tahun 2027); Renstra Kecamatan Sidomakmur 2025-2029 "
        "(tanpa tabel T-C.23)"
    )
    assert slaid["serapan"].pesan == (
        "Belum ada realisasi anggaran 2027 yang dilaporkan; serapan tidak dihitung (bukan 0 %). Renstra ini "
        "tidak memuat tabel T-C.24 (Anggaran dan Realisasi Pendanaan Pelayanan Perangkat Daerah), jadi serapan "
        "dari dokumen tidak dapat ditampilkan."
    )


def test_renstra_tanpa_versi_sebelum_tidak_punya_perubahan(sintetis: Renstra) -> None:
    assert isi.formulir_dibandingkan(sintetis) == []
    slaid = {s.kunci: s for s in isi.susun(sintetis, 2025, KELURAHAN, bingkai_kosong())}
    for kunci in ("perubahan", "perubahan-daftar"):
        assert slaid[kunci].data.empty
        assert slaid[kunci].pesan == (
            "Renstra ini tidak memuat versi sebelum perubahan (T-C.25 hanya satu versi), jadi tidak ada "
            "perubahan Renstra yang dapat dibandingkan."
        )
    assert slaid["perubahan"].judul == "Perubahan Renstra: tidak ada versi sebelum perubahan"


def test_renstra_bawaan_membandingkan_kedua_formulir(renstra: Renstra) -> None:
    assert isi.formulir_dibandingkan(renstra) == ["T-C.25", "T-C.28"]


# --- years and names from the data ------------------------------------------------------------------


def test_label_program_kode_lama_menyebut_tahunnya_dari_data(renstra: Renstra) -> None:
    R = renstra.rencana.assign(tahun=renstra.rencana["tahun"] + 10)  # every year ten later
    label = pilihan.program(replace(renstra, rencana=R))
    lama = [v for k, v in label.items() if not k[0].isdigit()]
    assert len(lama) == 4 and all(v.endswith("(2030)") for v in lama)


def test_tahun_tanpa_realisasi_dari_dokumen(renstra: Renstra, sintetis: Renstra) -> None:
    assert pilihan.tahun_tanpa_realisasi(renstra) == [2021, 2022, 2023, 2024]
    assert pilihan.tahun_tanpa_realisasi(sintetis) == rs.TAHUN


def test_isi_realisasi_menyebut_tahun_renstra_itu(sumber_sintetis: Path) -> None:
    at = appkit.buka("halaman/isi_realisasi.py")
    assert at.markdown[0].value.startswith("Realisasi tahun 2025-2029 belum ada di dokumen.")


def test_templat_kosong_untuk_periode_sesudahnya(sumber_sintetis: Path) -> None:
    at = appkit.buka("halaman/kelola_renstra.py")
    assert at.get("download_button")[0].label == "Templat Renstra kosong 2030-2034"


def test_audit_renstra_tanpa_tc24_tanpa_temuan_lintas_tabel(sintetis: Renstra) -> None:
    temuan = audit_renstra(sintetis)
    assert not temuan["jenis"].eq("anggaran T-C.24 ≠ pagu T-C.27").any()


# --- imported texts are shown literally -------------------------------------------------------------


def _judul_bermarkdown(wb: object) -> None:
    ws = wb[LEMBAR_DAFTAR]  # type: ignore[index]
    for r in range(2, ws.max_row + 1):
        if ws.cell(row=r, column=1).value == "T-C.27":
            ws.cell(row=r, column=4).value = "Rencana **tebal** [tautan](http://contoh.invalid) <b>x</b>"


def test_tabel_dokumen_menampilkan_judul_apa_adanya(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    berkas = tmp_path / "bermarkdown.xlsx"
    berkas.write_bytes(rs.buat(_judul_bermarkdown))
    monkeypatch.setenv("RENSTRA_SUMBER", str(berkas))
    at = appkit.buka("halaman/tabel_dokumen.py", tabel="T-C.27")
    judul = "T-C.27 — Rencana **tebal** [tautan](http://contoh.invalid) <b>x</b>"
    assert at.subheader[0].value == ui.literal(judul)


def test_unduhan_panel_tanpa_eskape_markdown() -> None:
    teks = "Kelurahan Suka_Maju: T-C.27 *2027* [a](b) <b>"
    ws = load_workbook(
        io.BytesIO(ekspor.tabel_xlsx(pd.DataFrame({"a": [1]}), ui.literal(teks), ui.literal(teks)))
    ).active
    assert ws["A1"].value == teks and ws["A2"].value == teks
    assert ws["A2"].font.color.rgb.endswith(kosakata.TEKS_LEMAH.lstrip("#"))
