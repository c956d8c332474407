"""Bahan Musrenbang page (AppTest): the pack's slides on screen, files built only on request, presentation order."""

from __future__ import annotations

import io

import openpyxl
from pptx import Presentation

import ui
from tests import appkit

HALAMAN = "halaman/musrenbang.py"
# T-C.27 program totals (sum of the four 2022-2024 programs, document line 1156 ff.), as on Ringkasan.
PAGU_PER_TAHUN = [15_216_940_943, 15_757_599_288, 12_957_945_947, 12_919_408_803, 13_198_129_412]
# Kelurahan Pakistaji's own rows per year (its share slide: 16,39 % of the six in 2024, 5th of 6).
PAGU_PAKISTAJI = [2_044_617_000, 666_000_000, 380_055_000, 320_374_395, 342_935_150]
KUNCI_BAHAN = "_bahan_musrenbang"


def test_tab_per_slaid_dan_berkas_belum_dibuat() -> None:
    at = appkit.buka(HALAMAN)
    assert at.header[0].value == "Bahan Musrenbang"
    assert at.markdown[0].value.startswith("**Paket Kecamatan Wonoasih, tahun 2024.**")
    assert [t.label for t in at.tabs] == [
        "1. Judul", "2. Pagu per tahun", "3. Pagu per program", "4. Sub kegiatan", "5. Capaian",
        "6. Serapan", "7. Perubahan Renstra", "8. Daftar perubahan", "9. Peta kelurahan",
    ]  # fmt: skip
    # Nothing is built before someone asks: no pptx/xlsx in the session, no download of the pack.
    assert KUNCI_BAHAN not in at.session_state
    assert not [d for d in at.get("download_button") if d.proto.id.endswith(("unduh-pptx", "unduh-xlsx"))]
    assert at.button(key="siapkan-bahan").label == "Siapkan PowerPoint dan Excel"


def test_pagu_per_tahun_sama_dengan_dokumen() -> None:
    at = appkit.buka(HALAMAN, bagian="2-pagu-per-tahun")
    fig = appkit.gambar_berjudul(at, "musrenbang-pagu-tahun")
    assert fig["data"][0]["y"] == PAGU_PER_TAHUN
    # 2020 and 2021 include programs summed from rincian: labelled and hatched, as on the other pages.
    assert fig["data"][0]["x"][0] == "2020 (dijumlah dari rincian)"
    assert fig["data"][0]["marker"]["pattern"]["shape"] == ["/", "/", "", "", ""]
    assert fig["data"][0]["text"][-1] == "Rp 13,2 M"


def test_kelurahan_hanya_barisnya_sendiri() -> None:
    at = appkit.buka(HALAMAN, kelurahan="Pakistaji", bagian="2-pagu-per-tahun")
    assert at.markdown[0].value.startswith("**Paket Kelurahan Pakistaji, tahun 2024.**")
    assert appkit.gambar_berjudul(at, "musrenbang-pagu-tahun")["data"][0]["y"] == PAGU_PAKISTAJI
    assert [t.label for t in at.tabs][-2:] == ["9. Pangsa kelurahan", "10. Peta kelurahan"]

    sub = appkit.buka(HALAMAN, kelurahan="Pakistaji", bagian="4-sub-kegiatan")
    tabel = appkit.tabel(sub)
    teks = "\n".join(df.to_string() for df in tabel)
    assert "Pakistaji" in teks
    for lain in ("Wonoasih", "Jrebeng Kidul", "Kedung Asem", "Kedung Galeng", "Sumber Taman"):
        assert f"Kelurahan {lain}" not in teks and f"Kel. {lain}" not in teks


def test_tahun_tanpa_realisasi_berpesan_bukan_nol() -> None:
    at = appkit.buka(HALAMAN, bagian="5-capaian")
    assert not at.get("plotly_chart")
    assert any("bukan 0 %" in i.value and "2024" in i.value for i in at.info)


def test_siapkan_membuat_pptx_dan_xlsx_dari_slaid_yang_sama() -> None:
    at = appkit.buka(HALAMAN, tahun="2022")
    at.button(key="siapkan-bahan").click().run()
    assert not at.exception
    bahan = at.session_state[KUNCI_BAHAN]
    assert {d.label for d in at.get("download_button")} >= {"Unduh PowerPoint (.pptx)", "Unduh Excel (.xlsx)"}

    deck = Presentation(io.BytesIO(bahan["pptx"]))
    grafik = [sh.chart for sl in deck.slides for sh in sl.shapes if sh.has_chart]
    pagu = grafik[0]  # first chart of the deck: pagu per year, native and with the document's values
    assert list(pagu.plots[0].series[0].values) == PAGU_PER_TAHUN
    assert all(any("Sumber:" in sh.text_frame.text for sh in sl.shapes if sh.has_text_frame) for sl in deck.slides)

    wb = openpyxl.load_workbook(io.BytesIO(bahan["xlsx"]))
    assert len(wb.sheetnames) == 9  # one sheet per slide of the kecamatan pack
    assert not [c for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]

    # Another year: the files built for 2022 are not offered for 2023.
    at.segmented_control(key="tahun").set_value(2023).run()
    assert not [d for d in at.get("download_button") if d.label.startswith("Unduh PowerPoint")]


def test_presentasi_menayangkan_urutan_slaid_yang_sama() -> None:
    judul = []
    for nomor in range(1, 10):
        at = appkit.buka(HALAMAN, mode="presentasi", kelurahan="Pakistaji", slide=str(nomor))
        assert not at.button  # no build button on the projector
        judul.append(at.subheader[0].value)
    # Slide titles name the Renstra's kelurahan: shown literally (markdown escaped).
    assert judul[0] == ui.literal("Bahan Musrenbang 2024: Kelurahan Pakistaji")
    assert judul[1] == ui.literal("Pagu indikatif per tahun 2020-2024: Kelurahan Pakistaji")
    assert judul[-1] == ui.literal(
        "Kelurahan Pakistaji di antara 6 kelurahan, 2024: 16,39 % pagu, peringkat ke-5 dari 6"
    )
    donat = appkit.gambar(at)[0]["data"][0]
    assert donat["type"] == "pie" and donat["values"][0] == PAGU_PAKISTAJI[-1]
