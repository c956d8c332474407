"""The Evaluasi Renstra page in AppTest: the quadrant, the end-of-period review, the lurah view.

Reported realisasi here are SYNTHETIC test data.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import ui
from loaders import Renstra
from realisasi.akun import Akun
from realisasi.gudang import Gudang
from tests import appkit, realisasi_uji

HALAMAN = "halaman/evaluasi_renstra.py"
SHA_UJI = "0" * 64
EFISIENSI = "capaian-dan-serapan"


@pytest.fixture
def gudang_uji(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Gudang:
    url = f"sqlite:///{tmp_path / 'realisasi.sqlite'}"
    monkeypatch.setenv("RENSTRA_DB_URL", url)
    return Gudang(url)


def _simpan(gudang: Gudang, renstra: Renstra) -> None:
    """The two 2022 rows of ``realisasi_uji.dua_baris_2022`` saved as one version."""
    gudang.simpan(realisasi_uji.dua_baris_2022(renstra), "uji", "admin", "uji.xlsx", SHA_UJI, 2022)


def _titik(fig: dict) -> dict[str, tuple[float, float]]:
    """Hover label (first line) -> (serapan, capaian) of every point."""
    return {
        cd[0].split("<br>")[0]: (x, y)
        for t in fig["data"]
        for x, y, cd in zip(t["x"], t["y"], t["customdata"], strict=True)
    }


def test_tanpa_laporan_berpesan_dan_dokumen_tetap_tergambar(gudang_uji: Gudang) -> None:
    at = appkit.buka(HALAMAN, tahun="2022", bagian=EFISIENSI)
    assert [t.label for t in at.tabs] == ["Formulir E.80", "Capaian dan serapan", "Tinjauan akhir periode"]
    assert any("Belum ada realisasi 2022 yang dilaporkan" in i.value for i in at.info)
    assert "efisiensi-tahun" not in appkit.id_grafik(at)  # no empty chart
    fig = appkit.gambar_berjudul(at, "efisiensi-dokumen")
    titik = _titik(fig)
    assert len(titik) == 5
    serapan, capaian = titik["Seluruh kecamatan 2018"]
    assert serapan == pytest.approx(4_371_852_728 / 4_586_544_529 * 100)  # T-C.24 2018
    assert capaian == pytest.approx((94.12 / 84 + 1 + 96.38 / 68 + 97.77 / 92 + 93.38 / 97) * 100 / 5)
    assert fig["data"][0]["name"] == "Capaian tinggi, serapan tinggi"
    assert any(e.label.startswith("Cara membaca") for e in at.expander)


def test_laporan_tersimpan_menjadi_titik_kuadran(gudang_uji: Gudang, renstra: Renstra) -> None:
    _simpan(gudang_uji, renstra)
    at = appkit.buka(HALAMAN, tahun="2022", bagian=EFISIENSI)
    fig = appkit.gambar_berjudul(at, "efisiensi-tahun")
    jejak = {t["name"]: t for t in fig["data"]}
    assert set(jejak) == {"Capaian tinggi, serapan rendah", "Capaian rendah, serapan tinggi"}
    assert jejak["Capaian rendah, serapan tinggi"]["x"] == [95.0] and jejak["Capaian rendah, serapan tinggi"]["y"] == [
        50.0
    ]
    assert jejak["Capaian tinggi, serapan rendah"]["customdata"][0][2] == "75,84 %"  # 150.000.000 / 197.779.200

    at = appkit.buka(HALAMAN, tahun="2022", tingkat="program", bagian=EFISIENSI)
    program = appkit.gambar_berjudul(at, "efisiensi-tahun")["data"][0]
    assert program["customdata"][0][:3][1:] == ["75,00 %", "82,28 %"]  # (100 + 50) / 2; 245 jt / 297,78 jt
    assert program["customdata"][0][3] == "Rp 297.779.200"  # size: pagu of the reported sub kegiatan of 7.01.03


def test_lurah_hanya_melihat_kelurahannya(gudang_uji: Gudang, renstra: Renstra) -> None:
    _simpan(gudang_uji, renstra)
    at = AppTest.from_file(appkit.APP, default_timeout=60)
    at.query_params["tahun"] = "2022"
    at.query_params["bagian"] = EFISIENSI
    at.session_state[ui.KUNCI_AKUN] = Akun("lurah_pakistaji", "kelurahan", "Pakistaji")
    at.switch_page(HALAMAN)
    at.run()
    assert not at.exception
    titik = _titik(appkit.gambar_berjudul(at, "efisiensi-tahun"))
    assert len(titik) == 1 and next(iter(titik)).startswith("7.01.03.2.02.02 Pembangunan Sarana")
    assert titik[next(iter(titik))] == (95.0, 50.0)  # Pakistaji's row only; the kecamatan's row is not shown
    assert "Kelurahan Pakistaji" in at.subheader[0].value


def test_tinjauan_akhir_periode(gudang_uji: Gudang) -> None:
    at = appkit.buka(HALAMAN, bagian="tinjauan-akhir-periode")
    predikat = {t["name"]: t for t in appkit.gambar_berjudul(at, "tinjauan-predikat")["data"]}
    assert predikat["Sangat Tinggi"]["x"] == ["T-C.23", "T-C.27"]
    assert predikat["Sangat Tinggi"]["y"] == [4, 0]
    assert predikat["Tanpa capaian"]["y"][0] == 6
    ikm = appkit.gambar_berjudul(at, "tinjauan-indikator")["data"][0]
    i = next(i for i, c in enumerate(ikm["customdata"]) if c[0] == "Indeks Kepuasan Masyarakat (IKM)")
    assert ikm["customdata"][i][1:4] == ["88,6 (2024)", "94,06 (2020)", "106,16 %"]
    assert "Unduh tinjauan akhir periode (.xlsx)" in [d.label for d in at.get("download_button")]
    appkit.buka_tabel(at)
    teks = "\n".join(df.to_csv() for df in appkit.tabel(at))
    assert "Rp 2.747.232.982" in teks and "Rp 2.530.350.476" in teks  # T-C.24 Administrasi Perkantoran 2016-2019


def _e80(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def test_formulir_e80_pertama_dengan_unduhan(gudang_uji: Gudang) -> None:
    at = appkit.buka(HALAMAN)
    assert at.tabs[0].label == "Formulir E.80"
    assert at.subheader[0].value == "Formulir E.80, 2020-2024"
    f = _e80(at).set_index("kode")
    # T-C.27 program 7.01.03: pagu 2021-2024 4.142.579.200 + 1.997.779.200 + 1.606.116.002 + 1.732.468.436
    assert f.loc["7.01.03", "target_akhir_rp"] == "Rp 9.478.942.838"
    assert f.loc["7.01.03", "target_rp_2022"] == "Rp 1.997.779.200"
    assert f.loc["7.01.03", "realisasi_rp_2022"] == "–"  # nothing reported: blank, never 0
    assert [d.label for d in at.get("download_button")] == ["Unduh E.80 (.xlsx)"]
    assert at.button(key="siapkan-e80-pdf").label == "Siapkan E.80 (PDF)"
    assert at.text_input(key="e80-tempat").value == "Probolinggo"  # from "Kota Probolinggo"


def test_formulir_e80_rentang_tahun_dan_program(gudang_uji: Gudang) -> None:
    at = appkit.buka(HALAMAN, dari="2022", sampai="2023", program="7.01.03")
    assert at.subheader[0].value == "Formulir E.80, 2022-2023"
    f = _e80(at)
    assert "target_rp_2022" in f.columns and "target_rp_2024" not in f.columns and "target_rp_2021" not in f.columns
    kode = [k for k in f["kode"] if k]
    assert kode and all(k.startswith("7.01.03") for k in kode)


def test_formulir_e80_lurah_hanya_barisnya(gudang_uji: Gudang) -> None:
    at = AppTest.from_file(appkit.APP, default_timeout=120)
    at.session_state[ui.KUNCI_AKUN] = Akun("lurah_pakistaji", "kelurahan", "Pakistaji")
    at.switch_page(HALAMAN)
    at.run()
    assert not at.exception
    f = _e80(at)
    nama = " ".join(f["program_kegiatan"])
    assert "sub unit Pakistaji" in nama
    assert not [k for k in ("Wonoasih)", "Jrebeng Kidul)", "Sumber Taman)") if f"sub unit {k}" in nama]


def test_formulir_e80_pdf_atas_permintaan(gudang_uji: Gudang) -> None:
    at = appkit.buka(HALAMAN, dari="2024", sampai="2024", program="7.01.05")
    assert "_pdf_e80" not in at.session_state  # nothing rendered before someone asks
    at.button(key="siapkan-e80-pdf").click().run()
    assert not at.exception and not at.error
    kunci, pdf = at.session_state["_pdf_e80"]
    assert pdf.startswith(b"%PDF")
    assert kunci[:3] == (2024, 2024, "7.01.05")
    assert [d.label for d in at.get("download_button")] == ["Unduh E.80 (.xlsx)", "Unduh E.80 (PDF)"]


def test_tinjauan_sebelum_periode_berakhir(gudang_uji: Gudang, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from musrenbang import isi

    monkeypatch.setattr(isi, "hari_ini", lambda sekarang=None: date(2024, 6, 1))  # the page's clock
    at = appkit.buka(HALAMAN, bagian="tinjauan-akhir-periode")
    assert not appkit.id_grafik(at)
    pesan = [i.value for i in at.info]
    assert pesan and all(
        p == "Periode 2019-2024 belum berakhir; tinjauan akhir periode tersedia mulai 2025." for p in pesan
    )
