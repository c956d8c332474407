"""kosakata: one home for column headings, the palette and the recurring caveats (issue 12).

The module imports neither Streamlit nor plotly; the charts (grafik), the Musrenbang pack and
the pages take their words and colours from it instead of spelling them again.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import kosakata
from kosakata import KOLOM_BAKU, Kolom, kolom

AKAR = Path(__file__).resolve().parent.parent


def _modul_ui_dimuat(*modul: str) -> bool:
    """Whether importing ``modul`` (in a fresh interpreter) loads any streamlit or plotly module."""
    kode = f"import sys, {', '.join(modul)}; print(any(m.startswith(('streamlit', 'plotly')) for m in sys.modules))"
    hasil = subprocess.run([sys.executable, "-c", kode], cwd=AKAR, capture_output=True, text=True, check=True)
    return {"True": True, "False": False}[hasil.stdout.strip()]


def test_tanpa_streamlit_dan_plotly() -> None:
    assert _modul_ui_dimuat("kosakata") is False


def test_paket_musrenbang_tanpa_streamlit_dan_plotly() -> None:
    # The deck once took its colours from grafik.gaya (plotly); now from kosakata.
    assert _modul_ui_dimuat("musrenbang.isi", "musrenbang.dek", "musrenbang.buku") is False


# --- columns ------------------------------------------------------------------------------------


def test_kolom_baku_dan_khusus() -> None:
    k = kolom("tahun", ("pagu", "Pagu 2024 (Rp)"), ("x", Kolom("X", "persen")), catatan="Keterangan", y="Y")
    assert list(k) == ["tahun", "pagu", "x", "catatan", "y"]
    assert k["tahun"] is KOLOM_BAKU["tahun"]
    assert k["pagu"] == Kolom("Pagu 2024 (Rp)", "rupiah")  # a new heading keeps the standard kind
    assert k["x"].jenis == "persen" and k["y"] == Kolom("Y", "teks")
    assert k["catatan"] == Kolom("Keterangan", "teks")


def test_kolom_adalah_pasangan_judul_dan_jenis() -> None:
    # The pack reads a column as (heading, kind); pages read .label / .jenis: the same object.
    judul, jenis = KOLOM_BAKU["pagu"]
    assert (judul, jenis) == ("Pagu (Rp)", "rupiah") == (KOLOM_BAKU["pagu"].label, KOLOM_BAKU["pagu"].jenis)
    assert KOLOM_BAKU["realisasi_rp"] is kosakata.REALISASI_RP == Kolom("Realisasi (Rp)", "rupiah")
    assert KOLOM_BAKU["realisasi"] == Kolom("Realisasi", "angka")  # an indicator's realisasi is a number


def test_jenis_kolom_baku_dikenal_formatting() -> None:
    import formatting as fmt

    assert {k.jenis for k in KOLOM_BAKU.values()} <= set(fmt.JENIS_KOLOM)


def test_ui_memakai_kolom_yang_sama() -> None:
    import ui

    assert ui.Kolom is Kolom


def test_judul_slaid_dari_kosakata(renstra) -> None:
    from musrenbang import isi

    slaid = {s.kunci: s for s in isi.susun(renstra, 2020, None, _tanpa_realisasi())}
    assert slaid["pagu-program"].kolom["pagu"] is KOLOM_BAKU["pagu"]
    assert slaid["sub-kegiatan"].kolom["indikator"] is KOLOM_BAKU["indikator"]
    assert slaid["capaian"].kolom["capaian"] is KOLOM_BAKU["capaian"]
    assert slaid["capaian"].kolom["keterangan"] is KOLOM_BAKU["keterangan"]
    assert slaid["serapan"].kolom["realisasi"] is kosakata.REALISASI_RP
    # the list of changes reads as on the Perubahan Renstra page
    daftar = slaid["perubahan-daftar"].kolom
    assert [daftar[c] for c in ("level", "sebelum", "sesudah")] == [
        KOLOM_BAKU[c] for c in ("level", "sebelum", "sesudah")
    ]


def _tanpa_realisasi():
    from realisasi import bingkai_kosong

    return bingkai_kosong()


# --- palette ------------------------------------------------------------------------------------


def test_palet_okabe_ito_dan_abu() -> None:
    assert kosakata.PALET == (
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    )  # fmt: skip
    assert kosakata.ABU not in kosakata.PALET and kosakata.ABU_MUDA not in kosakata.PALET
    assert kosakata.warna(9) == kosakata.PALET[1]
    assert kosakata.warna_seri(["b", "a", "b"]) == {"b": kosakata.BIRU, "a": kosakata.JINGGA}


def test_warna_predikat_berurutan() -> None:
    warna = kosakata.warna_predikat(["A", "B", "C"], tanpa="Tanpa capaian")
    assert warna == {
        "A": kosakata.HIJAU,
        "B": kosakata.BIRU_LANGIT,
        "C": kosakata.KUNING,
        "Tanpa capaian": kosakata.ABU,
    }
    assert "Tanpa capaian" not in kosakata.warna_predikat(["A"])


def test_gaya_memakai_palet_kosakata() -> None:
    from grafik import gaya
    from metrics.predikat import TANPA_PREDIKAT

    assert gaya.PALET is kosakata.PALET
    assert gaya.ABU is kosakata.ABU and gaya.ABU_MUDA is kosakata.ABU_MUDA
    assert gaya.warna is kosakata.warna and gaya.warna_seri is kosakata.warna_seri
    assert gaya.warna_predikat(["A"]) == kosakata.warna_predikat(["A"], TANPA_PREDIKAT)


def test_profil_memakai_ramp_predikat() -> None:
    from grafik import profil

    # asset condition: calm to alarming, the predikat ramp's colours
    assert set(profil.WARNA_KONDISI.values()) <= set(kosakata.RAMP_PREDIKAT)


@pytest.mark.parametrize("folder", ["grafik", "musrenbang", "halaman"])
def test_tidak_ada_warna_hex_di_luar_kosakata(folder: str) -> None:
    """Colours are named in kosakata only: no module of these folders spells a hex colour."""
    pola = re.compile(r"""["']#?[0-9A-Fa-f]{6}["']|RGBColor\(0x""")
    temuan = [
        f"{p.relative_to(AKAR)}:{i}"
        for p in sorted((AKAR / folder).glob("*.py"))
        for i, baris in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if pola.search(baris)
    ]
    assert temuan == []


# --- caveats ------------------------------------------------------------------------------------


def test_catatan_realisasi_disamakan() -> None:
    assert kosakata.catatan_realisasi_disamakan([2019]) == (
        "Tahun 2019: realisasi disamakan dengan target oleh dokumen, jadi capaian 100 % tahun itu bukan hasil "
        "pengukuran."
    )
    assert kosakata.catatan_realisasi_disamakan([2019, 2017, 2019], "serapan", "titik abu-abu") == (
        "Tahun 2017 dan 2019 (titik abu-abu): realisasi disamakan dengan target oleh dokumen, jadi serapan 100 % "
        "tahun itu bukan hasil pengukuran."
    )
    assert kosakata.catatan_realisasi_disamakan([2016, 2017, 2018]).startswith("Tahun 2016, 2017 dan 2018: ")
    assert kosakata.catatan_realisasi_disamakan([]) == ""


def test_catatan_tidak_terbaca() -> None:
    assert kosakata.tidak_terbaca("*****") == "***** (tidak terbaca)"
    assert kosakata.tidak_terbaca("#####") == "##### (tidak terbaca)"
    assert kosakata.tidak_terbaca("") == "tidak terbaca"
    assert kosakata.pagu_tidak_terbaca("*****") == "pagu tercetak ***** (tidak terbaca)"
    assert kosakata.catatan_tidak_terbaca(2) == "2 baris pagu tidak terbaca, tidak dijumlah"
    assert kosakata.catatan_tidak_terbaca(1, "*****") == "1 baris pagu tercetak ***** (tidak terbaca), tidak dijumlah"
    assert kosakata.catatan_tidak_terbaca(0) == ""
    assert kosakata.jumlah_rincian() == "pagu program tidak terbaca diganti jumlah rinciannya"
    assert kosakata.jumlah_rincian("*****") == "pagu program tercetak ***** (tidak terbaca) diganti jumlah rinciannya"


def test_catatan_tanpa_realisasi_bukan_nol() -> None:
    assert (
        kosakata.catatan_tanpa_realisasi(2024, "capaian")
        == "Belum ada realisasi 2024 yang dilaporkan; capaian tidak dihitung (bukan 0 %)."
    )
    assert kosakata.catatan_tanpa_realisasi(
        2022, "serapan", anggaran=True, wilayah="Kelurahan Pakistaji", unggah="halaman Isi Realisasi"
    ) == (
        "Belum ada realisasi anggaran 2022 Kelurahan Pakistaji yang dilaporkan; serapan tidak dihitung (bukan 0 %) "
        "sampai realisasinya diunggah di halaman Isi Realisasi."
    )
    assert kosakata.catatan_realisasi_dokumen("T-C.24", "2016-2020", anggaran=True) == (
        "Realisasi anggaran di dokumen (T-C.24) hanya ada untuk tahun 2016-2020."
    )


def test_satuan_ringkas_satu_sumber() -> None:
    import formatting as fmt

    assert kosakata.judul_rupiah("Pagu") == "Pagu (Rp; M = miliar (10⁹), jt = juta (10⁶))"
    assert kosakata.judul_rupiah(satuan="miliar Rp") == f"miliar Rp ({fmt.KETERANGAN_SATUAN})"


@pytest.mark.parametrize("folder", ["grafik", "musrenbang", "halaman"])
def test_keterangan_satuan_tidak_ditulis_ulang(folder: str) -> None:
    """ "M = miliar" comes from formatting.KETERANGAN_SATUAN (through kosakata.judul_rupiah), never spelled again."""
    temuan = [p.name for p in sorted((AKAR / folder).glob("*.py")) if "M = miliar" in p.read_text(encoding="utf-8")]
    assert temuan == []


def test_grafik_memakai_catatan_kosakata() -> None:
    from grafik import anggaran, kelurahan, kinerja, program

    assert anggaran.SUMBU_RUPIAH == kelurahan.JUDUL_RUPIAH == program.JUDUL_RUPIAH == kosakata.judul_rupiah("Pagu")
    assert kinerja._judul_tahun({2019}) == f"Tahun (* 2019: {kosakata.REALISASI_DISAMAKAN})"


def test_tanpa_tabel_satu_kalimat_untuk_setiap_halaman() -> None:
    assert kosakata.tanpa_tabel("T-C.23", "pencapaian kinerja pelayanan", "capaian indikatornya tidak tampil") == (
        "Renstra ini tidak memuat tabel T-C.23 (pencapaian kinerja pelayanan), jadi capaian indikatornya tidak tampil."
    )
    assert kosakata.tanpa_tabel("X", "", "y") == "Renstra ini tidak memuat tabel X, jadi y."
