"""Kinerja, Kelurahan, Perubahan Renstra and Profil kecamatan serving another Renstra (issue 12).

The SYNTHETIC 2025-2029 Renstra (tests/renstra_sintetis.py) holds only T-C.25 and T-C.27, printed
once (never revised): each page says which table is missing, or that there is nothing to compare,
in these exact words. Names from the workbook are shown literally (no markdown). The page texts
for the bundled document come from its data and read as before.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import ui
from loaders import Renstra
from loaders.renstra import renstra_dari_xlsx
from loaders.templat_renstra import LEMBAR_KELURAHAN
from metrics import perubahan_renstra
from sajian import kelurahan as sajian_kelurahan
from sajian import kinerja as sajian_kinerja
from sajian import perubahan as sajian_perubahan
from sajian import profil as sajian_profil
from tests import appkit
from tests import renstra_sintetis as rs
from tests.test_renstra_lain import _jejak

TANPA_TC23 = (
    "Renstra ini tidak memuat tabel T-C.23 (pencapaian kinerja pelayanan), jadi target, realisasi dan capaian "
    "indikatornya tidak dapat ditampilkan."
)
TANPA_PEMBANDING = (
    "Renstra ini memuat T-C.25 dalam satu versi saja, tanpa versi sebelum dan sesudah perubahan, jadi tidak ada "
    "perubahan yang dapat dibandingkan."
)
TANPA_2_2_1 = (
    "Renstra ini tidak memuat tabel 2.2.1 (komposisi pegawai), jadi jumlah pegawai menurut jenis kelamin dan "
    "kriteria lain tidak dapat ditampilkan."
)
TANPA_2_2_2 = "Renstra ini tidak memuat tabel 2.2.2 (pegawai per unit kerja), jadi pegawai per unit kerja tidak dapat ditampilkan."
TANPA_2_2_3 = (
    "Renstra ini tidak memuat tabel 2.2.3 (sarana dan prasarana kantor), jadi kondisi sarana dan prasarana tidak "
    "dapat ditampilkan."
)
TANPA_PEGAWAI_KELURAHAN = (
    "Renstra ini tidak memuat tabel 2.2.2 (pegawai per unit kerja), jadi jumlah pegawai kantor kelurahan tidak "
    "dapat ditampilkan."
)
# A kelurahan name with markdown in it: emphasis and a link that must never render.
NAMA_MARKDOWN = "*Mekar* [sari](http://contoh.invalid)"


def _layani(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ubah: object = None) -> Path:
    berkas = tmp_path / "sidomakmur.xlsx"
    berkas.write_bytes(rs.buat(ubah))
    monkeypatch.setenv("RENSTRA_SUMBER", str(berkas))
    return berkas


@pytest.fixture
def sintetis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return _layani(tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def kedua() -> Renstra:
    return renstra_dari_xlsx(rs.buat(), "sidomakmur.xlsx")


def _info(at: object) -> list[str]:
    return [i.value for i in at.info]  # type: ignore[attr-defined]


# --- pages serving the synthetic Renstra ---------------------------------------------------------


def test_kinerja_without_tc23_says_so(sintetis: Path) -> None:
    at = appkit.buka("halaman/kinerja.py")
    assert at.markdown[0].value.startswith(TANPA_TC23)  # the intro
    assert [s.value for s in at.subheader] == ["Target dan realisasi indikator"]
    assert _info(at) == [TANPA_TC23]
    assert not at.get("plotly_chart") and not [p for p in at.pills if p.key == "indikator"]
    appkit.buka_bagian(at, "Predikat")
    assert _info(at) == [TANPA_TC23]
    appkit.buka_bagian(at, "Capaian per tahun")
    assert _info(at)[0] == TANPA_TC23  # then the reported-realisasi panel's own message
    appkit.buka_bagian(at, "Target IKU")
    assert [s.value for s in at.subheader] == ["Target indikator tujuan dan sasaran"]  # never revised
    iku = appkit.gambar_berjudul(at, "target-iku")
    assert iku["data"][0]["x"] == rs.TAHUN


def test_kelurahan_without_staff_table_and_one_kelurahan(sintetis: Path) -> None:
    at = appkit.buka("halaman/kelurahan.py", kelurahan="Mekarsari", tahun="2027")
    assert [h.value for h in at.header] == ["Kelurahan Mekarsari"]
    assert [t.label for t in at.tabs][2] == "Pagu enam kelurahan"
    assert TANPA_PEGAWAI_KELURAHAN in [c.value for c in at.caption]  # the profile card
    # the same sub kegiatan every year: no caveat about a changing make-up
    assert not any("Susunan kegiatan" in c.value for c in at.caption)
    pagu = appkit.gambar_berjudul(at, "pagu-kelurahan")["data"][0]
    assert pagu["y"] == [round(500_000_000 * 1.05**i) for i in range(5)]
    appkit.buka_bagian(at, "Pegawai")
    assert _info(at) == [TANPA_PEGAWAI_KELURAHAN]
    assert any(
        "sub kegiatan pada 2025-2029" in m.value for m in [*at.markdown, *at.caption]
    )  # which T-C.27 level names the kelurahan, by year (in the page's "Cara membaca")
    assert _jejak(appkit.teks_halaman(at)) == []


def test_perubahan_with_one_version_has_nothing_to_compare(sintetis: Path) -> None:
    at = appkit.buka("halaman/perubahan.py", bagian="daftar-perubahan")
    assert [h.value for h in at.header] == ["Perubahan Renstra"]
    assert _info(at) == [TANPA_PEMBANDING]
    assert not at.tabs and not at.get("plotly_chart") and not at.dataframe and not at.table
    assert "bagian" not in at.query_params


def test_profil_without_its_tables(sintetis: Path) -> None:
    at = appkit.buka("halaman/profil.py")
    assert "Kecamatan Sidomakmur" in at.markdown[0].value
    assert [t.label for t in at.tabs] == ["Unit kerja", "Sarana dan prasarana"]
    assert _info(at) == [TANPA_2_2_1, TANPA_2_2_2]
    assert not at.metric and not at.get("plotly_chart")
    appkit.buka_bagian(at, "Sarana dan prasarana")
    assert _info(at) == [TANPA_2_2_1, TANPA_2_2_3]


@pytest.mark.parametrize("halaman", ["kinerja", "kelurahan", "perubahan", "profil"])
def test_presentation_mode_serves_only_the_served_renstra(sintetis: Path, halaman: str) -> None:
    at = appkit.buka(f"halaman/{halaman}.py", mode="presentasi")
    assert not at.error
    for slide in range(2, 6):
        at = appkit.buka(f"halaman/{halaman}.py", mode="presentasi", slide=str(slide))
        assert not at.error
        assert _jejak(appkit.teks_halaman(at)) == []


def test_a_kelurahan_name_is_shown_literally(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def markdown_di_nama(wb: object) -> None:
        ws = wb[LEMBAR_KELURAHAN]  # type: ignore[index]
        ws.cell(row=2, column=1).value = NAMA_MARKDOWN
        ws.cell(row=2, column=2).value = "Mekarsari"  # the T-C.27 rows still say "(sub unit Mekarsari)"

    _layani(tmp_path, monkeypatch, markdown_di_nama)
    at = appkit.buka("halaman/kelurahan.py", kelurahan=NAMA_MARKDOWN)
    terlihat = ui.literal(NAMA_MARKDOWN)
    assert [h.value for h in at.header] == [f"Kelurahan {terlihat}"]
    assert f"Sekilas Kelurahan {terlihat}" in [s.value for s in at.subheader]
    assert f"Kelurahan {terlihat} ditonjolkan" in at.markdown[0].value
    appkit.buka_bagian(at, "Sub kegiatan")
    assert f"Kegiatan dan sub kegiatan Kelurahan {terlihat}, 2029" in [s.value for s in at.subheader]


# --- what the pages derive from the data ---------------------------------------------------------


def test_forms_printed_in_one_version_are_not_compared(kedua: Renstra) -> None:
    assert perubahan_renstra(kedua.sasaran).empty  # not every indicator "added"
    assert sajian_perubahan.formulir_dibandingkan(kedua) == []
    assert sajian_perubahan.ringkasan_perubahan(kedua).empty
    assert sajian_perubahan.pesan_tanpa_pembanding(kedua) == TANPA_PEMBANDING
    satu = pd.DataFrame(
        [
            {"formulir": "F", "versi": "sesudah", "level": "sasaran", "no": "1", "indikator": "X", "jenis": "target",
             "tahun": 2026, "target": 1.0},
        ]
    )  # fmt: skip
    assert perubahan_renstra(satu).empty


def test_bundled_document_compares_both_forms(renstra: Renstra) -> None:
    assert sajian_perubahan.formulir_dibandingkan(renstra) == ["T-C.25", "T-C.28"]
    assert sajian_perubahan.pesan_tanpa_pembanding(renstra) == ""
    assert sajian_perubahan.sumber(renstra) == (
        "T-C.25 Tujuan dan Sasaran; T-C.28 Indikator Kinerja PD (sebelum dan setelah perubahan)"
    )


def test_kinerja_context_from_the_data(renstra: Renstra, kedua: Renstra) -> None:
    k = sajian_kinerja.konteks(renstra)
    assert k["ada_tc23"] and k["direvisi"]
    assert k["tahun_realisasi"] == [2016, 2017, 2018, 2019, 2020]
    assert k["tahun_target_renstra"] == [2021, 2022, 2023, 2024]
    assert (k["formulir_iku"], k["tahun_iku"]) == (["T-C.25", "T-C.28"], [2020, 2021, 2022, 2023, 2024])
    assert "belum selesai" in str(k["nb_tc23"])  # the document's own NB, from its manifest
    assert k["rasio_pecahan"] == pytest.approx(1.11)  # IKM 2020 printed 1,11 for 111 %
    assert sajian_kinerja.konteks(kedua) == {
        "ada_tc23": False, "nb_tc23": "", "tahun_realisasi": [], "tahun_target_renstra": [],
        "formulir_target_renstra": [], "formulir_iku": ["T-C.25"], "tahun_iku": rs.TAHUN, "direvisi": False,
        "rasio_pecahan": None,
    }  # fmt: skip
    assert sajian_kinerja.daftar_indikator(kedua).empty and sajian_kinerja.predikat_per_tahun(kedua).empty


def test_kelurahan_texts_from_the_data(renstra: Renstra, kedua: Renstra) -> None:
    assert sajian_kelurahan.sumber_tc27(renstra) == (
        "T-C.27 Rencana Program, Kegiatan, dan Pendanaan (2020, 2021, 2022-2024)"
    )
    assert sajian_kelurahan.sumber_tc27(kedua) == "T-C.27 Rencana Program, Kegiatan, dan Pendanaan (2025-2029)"
    assert sajian_kelurahan.tingkat_kelurahan(renstra) == "kegiatan pada 2020, sub kegiatan pada 2021-2024"
    assert sajian_kelurahan.tingkat_kelurahan(kedua) == "sub kegiatan pada 2025-2029"
    assert sajian_kelurahan.contoh_jenis(kedua) == (
        "Pembangunan Sarana dan Prasarana Kelurahan (sub unit Mekarsari)",
        "Pembangunan Sarana dan Prasarana Kelurahan",
    )
    assert sajian_kelurahan.susunan_berubah(renstra) and not sajian_kelurahan.susunan_berubah(kedua)
    assert [sajian_kelurahan.bilangan(n) for n in (1, 6, 10, 12)] == ["satu", "enam", "sepuluh", "12"]


def test_profil_texts_from_the_data(renstra: Renstra, kedua: Renstra) -> None:
    assert sajian_profil.formulir_ada(kedua) == ["T-C.25", "T-C.27"]
    assert sajian_profil.judul_tabel(renstra, "2.2.3") == (
        "Sarana dan Prasarana Kantor Kecamatan Wonoasih (Data Simda BMD September 2021)"
    )
    assert sajian_profil.judul_tabel(kedua, "2.2.1") == ""
    assert sajian_profil.contoh_sarpras(renstra) == {
        "keterangan": "7 buah kurang baik, 1 buah rusak berat", "satuan": ["buah", "set", "unit", "lokal"],
    }  # fmt: skip
    assert sajian_profil.contoh_sarpras(kedua) == {"keterangan": "", "satuan": []}
    assert sajian_profil.pegawai_per_unit(kedua).empty and sajian_profil.kriteria(kedua) == []
