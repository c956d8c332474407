"""Ringkasan, Anggaran and Program serving another Renstra (issue 12): the SYNTHETIC 2025-2029
Renstra of tests/renstra_sintetis.py (T-C.25 and T-C.27 only, one T-C.27 table, every program
under a Permendagri 90/2019 code). Years, titles and notes come from it; a panel on T-C.23 or
T-C.24, which it does not print, says so in words; names from it show literally.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import kosakata
import ui
from loaders import Renstra
from loaders.renstra import renstra_dari_xlsx
from sajian import anggaran as sajian_anggaran
from sajian import program as sajian_program
from sajian import ringkasan as sajian_ringkasan
from tests import renstra_sintetis as rs
from tests.appkit import buka, buka_bagian, gambar, gambar_berjudul, id_grafik, tabel

TAHUN = [str(t) for t in rs.TAHUN]
TANPA_TC24 = (
    "Renstra ini tidak memuat tabel T-C.24 (Anggaran dan Realisasi Pendanaan Pelayanan Perangkat Daerah), "
    "jadi {} tidak dapat ditampilkan."
)
TANPA_TC23 = (
    "Renstra ini tidak memuat tabel T-C.23 (Pencapaian Kinerja Pelayanan Perangkat Daerah), "
    "jadi jumlah indikator kinerja per predikat tidak dapat ditampilkan."
)
# A program name as someone might type it into the workbook: markdown, a link and HTML.
NAMA_BERMARKAH = "PROGRAM PENUNJANG **URUSAN** [KLIK](HTTP://CONTOH) <B>TEBAL</B>"


@pytest.fixture
def sajikan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Serve the synthetic Renstra through RENSTRA_SUMBER; ``ubah(wb)`` changes its workbook first."""

    def _sajikan(ubah: Callable[[Any], None] | None = None) -> None:
        berkas = tmp_path / "sintetis.xlsx"
        berkas.write_bytes(rs.buat(ubah))
        monkeypatch.setenv("RENSTRA_SUMBER", str(berkas))

    return _sajikan


def _caption(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


# --- Ringkasan ---------------------------------------------------------------------------------


def test_ringkasan_kartu_tanpa_tc23_tc24_berkata_mengapa(sajikan: Callable[..., None]) -> None:
    sajikan()
    at = buka()
    metrik = {m.label: m.value for m in at.metric}
    assert metrik == {
        "Pagu indikatif 2029": "Rp 4,9 M",  # (150 + 900 + 3.000) jt x 1,05^4
        "Serapan anggaran": "–",
        "Program 2029": "3",
        "Indikator berpredikat": "–",
    }
    caption = _caption(at)
    assert "Renstra ini tidak memuat T-C.24, dan belum ada realisasi anggaran yang dilaporkan lewat Isi Realisasi." in (
        caption
    )
    assert "Renstra ini tidak memuat T-C.23 (Pencapaian Kinerja Pelayanan)" in caption
    assert gambar(at)[0]["data"][0]["x"] == TAHUN


def test_ringkasan_panel_tanpa_tabel_berpesan(sajikan: Callable[..., None]) -> None:
    sajikan()
    at = buka(bagian="serapan")
    assert id_grafik(at) == []
    assert [i.value for i in at.info] == [TANPA_TC24.format("serapan anggaran per tahun")]
    buka_bagian(at, "Predikat indikator")
    assert id_grafik(at) == []
    assert [i.value for i in at.info] == [TANPA_TC23]


def test_ringkasan_tujuan_sasaran_tahun_dokumen(sajikan: Callable[..., None]) -> None:
    sajikan()
    at = buka(bagian="tujuan-dan-sasaran")
    iku = next(df for df in tabel(at) if "Tujuan / sasaran" in df.columns)
    assert [c for c in iku.columns if c.startswith("Target")] == [f"Target {t}" for t in TAHUN]
    assert iku.set_index("Indikator").loc["Nilai SAKIP", "Target 2029"] == "75"
    assert not any("perubahan" in c for c in _caption(at))  # not a revised Renstra: nothing "after the change"


# --- Anggaran ----------------------------------------------------------------------------------


def test_anggaran_judul_dan_tahun_dari_renstra(sajikan: Callable[..., None]) -> None:
    sajikan()
    at = buka("halaman/anggaran.py")
    assert [s.value for s in at.subheader] == ["Pagu per program per tahun 2025-2029"]
    assert gambar_berjudul(at, "pagu-program-tahun")["data"][0]["x"] == TAHUN
    buka_bagian(at, "Tren dan perubahan")
    assert [s.value for s in at.subheader] == [
        "Tren pagu per program 2025-2029",
        "Perubahan pagu dari tahun sebelumnya",
    ]
    assert not any("kode lama" in c for c in _caption(at))  # every program has a code
    buka_bagian(at, "Rincian sub kegiatan")
    assert gambar_berjudul(at, "rincian-pagu")["data"][0]["labels"][0] == "Kecamatan Sidomakmur 2029"


def test_anggaran_tanpa_tc24_berpesan(sajikan: Callable[..., None]) -> None:
    sajikan()
    at = buka("halaman/anggaran.py", bagian="realisasi-dan-serapan")
    assert [s.value for s in at.subheader] == [
        "Anggaran dan realisasi, dengan serapan",
        "Serapan per program",
        "Serapan 2029 yang dilaporkan",
    ]
    assert id_grafik(at) == []
    pesan = TANPA_TC24.format("anggaran, realisasi dan serapannya")
    assert [i.value for i in at.info] == [
        pesan,
        pesan,
        kosakata.catatan_tanpa_realisasi(2029, "serapan", anggaran=True, unggah="halaman Isi Realisasi"),
    ]
    assert not any("T-C.24" in c for c in _caption(at))  # no notes about a table that is not there


def test_anggaran_tren_kegiatan_satu_tabel(sajikan: Callable[..., None]) -> None:
    sajikan()
    at = buka("halaman/anggaran.py", program="7.01.03", bagian="tren-dan-perubahan")
    assert at.subheader[0].value == "Tren pagu kegiatan 7.01.03 2025-2029"
    assert any("(dikenali dari kode). Kegiatan yang" in c for c in _caption(at))  # one T-C.27 table


# --- Program -----------------------------------------------------------------------------------


def test_program_pengantar_dan_tahun_dari_renstra(sajikan: Callable[..., None]) -> None:
    sajikan()
    at = buka("halaman/program.py", program="7.01.03")
    pengantar = at.markdown[0].value
    assert "Sumber: tabel T-C.27 (Rencana Program, Kegiatan, dan Pendanaan), tahun 2025-2029." in pengantar
    assert "kode lama" not in pengantar
    assert gambar_berjudul(at, "pagu-item")["data"][0]["x"] == TAHUN
    buka_bagian(at, "Indikator dan target")
    assert not any("Kondisi awal" in c for c in _caption(at))  # every row prints one


# --- names shown literally ---------------------------------------------------------------------


def _nama_bermarkah(wb: Any) -> None:
    wb["T-C.27"].cell(row=4, column=4).value = NAMA_BERMARKAH  # program 7.01.01


def test_nama_program_tampil_apa_adanya(sajikan: Callable[..., None]) -> None:
    sajikan(_nama_bermarkah)
    at = buka("halaman/program.py", program="7.01.01")
    assert f"Pagu per tahun: {ui.literal(NAMA_BERMARKAH)}" in [s.value for s in at.subheader]
    at = buka("halaman/anggaran.py", program="7.01.01")
    pengantar = at.markdown[0].value
    assert "**Filter program:** 7\\.01\\.01 Penunjang \\*\\*urusan\\*\\* \\[klik\\]\\(http" in pengantar
    assert "](http" not in pengantar and "<b>" not in pengantar


def test_pesan_tanpa_tabel() -> None:
    assert sajian_anggaran.pesan_tanpa_tabel("T-C.24", "serapan anggaran") == TANPA_TC24.format("serapan anggaran")


# --- the frames behind these pages ---------------------------------------------------------------


@pytest.fixture(scope="module")
def sintetis() -> Renstra:
    return renstra_dari_xlsx(rs.buat())


def test_tanpa_tc24_bingkai_kosong_berkolom(sintetis: Renstra) -> None:
    # Used to raise KeyError 'tahun' (an empty frame without columns): the Ringkasan crashed.
    tahunan = sajian_anggaran.anggaran_realisasi_tahunan(sintetis)
    assert tahunan.empty and tahunan.columns.tolist() == list(sajian_anggaran._JENIS_TAHUNAN)
    assert tahunan.dtypes.astype(str).to_dict() == sajian_anggaran._JENIS_TAHUNAN
    assert sajian_ringkasan.serapan_per_tahun(sintetis).empty
    assert sajian_ringkasan.tahun_realisasi_terakhir(sintetis) is None
    assert not sajian_anggaran.ada_tabel(sintetis, "T-C.24") and sajian_anggaran.judul_tabel(sintetis, "T-C.24") == ""


def test_keadaan_satu_tabel_semua_berkode(sintetis: Renstra) -> None:
    k = sajian_anggaran.keadaan_rencana(sintetis)
    assert k["tahun"] == k["baru"] == rs.TAHUN
    assert k["tanpa_kode"] == {} and k["lama"] == [] and k["program_tanpa_kode"] == ""
    assert k["tabel"] == k["tabel_baru"] == ["2025-2029"]
    assert k["sumber"] == "T-C.27 Rencana Program, Kegiatan, dan Pendanaan (2025-2029)"
    # every program keyed by its code, so each has a trend and a year-on-year change
    assert sajian_anggaran.pagu_program_per_tahun(sintetis)["kode_baru"].all()
    assert set(sajian_anggaran.tren_pagu(sintetis)["seri_kunci"]) == {"7.01.01", "7.01.02", "7.01.03"}


def test_tujuan_sasaran_dan_kondisi_awal(sintetis: Renstra) -> None:
    assert sajian_ringkasan.keadaan_tujuan_sasaran(sintetis) == {
        "tahun": rs.TAHUN,
        "formulir": "T-C.25",
        "judul": "Tujuan dan Sasaran Jangka Menengah Pelayanan",
        "berubah": False,
    }
    assert sajian_program.catatan_kondisi_awal(sintetis) == ""  # every row prints its kondisi awal
