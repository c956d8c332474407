"""Ringkasan page (AppTest): the document's totals in its cards, charts and tables."""

from __future__ import annotations

import pytest

import kosakata
from grafik import gaya
from sajian import kinerja
from tests.appkit import buka, buka_bagian, gambar, gambar_berjudul, id_grafik, tabel

# T-C.27: program pagu per year; 2020 (all four programs printed *****) and 2021 (7.01.01
# printed *****) are sums of the programs' kegiatan / sub kegiatan, as the chart says.
PAGU_PER_TAHUN = [15_216_940_943, 15_757_599_288, 12_957_945_947, 12_919_408_803, 13_198_129_412]
BAGIAN = [
    "Pagu per tahun", "Pagu per program", "Peta kelurahan", "Serapan", "Predikat indikator", "Tujuan dan sasaran",
    "Tabel dokumen",
]  # fmt: skip


@pytest.fixture(scope="module")
def bawaan():
    return buka()


def test_kartu_sekilas_tahun_terakhir(bawaan) -> None:
    metrik = {m.label: m.value for m in bawaan.metric}
    assert metrik["Pagu indikatif 2024"] == "Rp 13,2 M"
    assert metrik["Serapan anggaran 2020"] == "96,11 %"  # T-C.24 2020: 2.522.778.557 / 2.624.878.969,50
    assert metrik["Program 2024"] == "4"
    assert metrik["Indikator berpredikat 2020"] == "4 dari 10"  # T-C.23, the latest year with realisasi
    caption = [c.value for c in bawaan.caption]
    assert "Rp 13.198.129.412" in caption
    assert any("Rp 2.522.778.557 dari anggaran Rp 2.624.878.969,50" in c for c in caption)
    # M = miliar once per page, in the sidebar's source line (not repeated in the page's own text)
    assert [c.value for c in bawaan.sidebar.caption if "M = miliar (10⁹)" in c.value] == [
        c.value for c in bawaan.caption if "M = miliar" in c.value
    ]
    assert len([c for c in bawaan.sidebar.caption if "M = miliar (10⁹)" in c.value]) == 1
    assert not any("M = miliar" in m.value for m in bawaan.main.markdown)


def test_visi_dan_catatan_di_balik_cara_membaca(bawaan) -> None:
    # One line above the cards (the Renstra's title); the visi and how to read the page behind a click.
    assert bawaan.markdown[0].value.startswith("**Perubahan Rencana Strategis")
    cara = [b for b in bawaan.get("popover") if b.proto.popover.label == "Visi dan cara membaca"]
    assert len(cara) == 1
    teks = " ".join(m.value for m in cara[0].markdown)
    assert "**Visi:** BERSAMA RAKYAT MEMBANGUN KOTA PROBOLINGGO" in teks
    assert "yang tidak terbaca di dokumen ditandai, tidak ditebak" in teks
    # the chart's notes under the chart: the hatched years of the first tab
    grafik = [e for e in bawaan.expander if e.label == "Cara membaca"]
    assert len(grafik) == 1 and "Batang bergaris" in grafik[0].caption[0].value


def test_kartu_di_atas_tab_grafik_tab_pertama(bawaan) -> None:
    # The "Sekilas" cards (no section) sit above the tabs; the first tab's chart alone below them.
    assert [t.label for t in bawaan.tabs] == BAGIAN
    # the cards name themselves: no "Sekilas" heading on the first screen (a slide title in presentation mode)
    assert [s.value for s in bawaan.subheader] == ["Pagu indikatif per tahun"]
    assert id_grafik(bawaan) == ["pagu-per-tahun"]
    assert "bagian" not in bawaan.query_params
    at = buka(bagian="serapan")
    assert len(at.metric) == len(bawaan.metric) == 4  # the cards stay whatever tab is open
    assert id_grafik(at) == ["serapan"]


def test_grafik_pagu_per_tahun_dari_dokumen(bawaan) -> None:
    fig = gambar(bawaan)[0]
    batang = fig["data"][0]
    assert batang["x"] == ["2020", "2021", "2022", "2023", "2024"]
    assert batang["y"] == PAGU_PER_TAHUN
    # Years summed from rincian are marked (hatched) and their hover says why.
    assert batang["marker"]["pattern"]["shape"] == ["/", "/", "", "", ""]
    assert batang["customdata"][0] == [
        "Rp 15.216.940.943",
        "4 dari 4 program dijumlah dari rinciannya (pagu program tidak terbaca di dokumen)",
    ]
    assert batang["customdata"][2] == ["Rp 12.957.945.947", "pagu program tercetak"]
    assert fig["layout"]["separators"] == ",."
    assert "Rp 10,0 M" in fig["layout"]["yaxis"]["ticktext"]


def test_serapan_per_tahun() -> None:
    fig = gambar_berjudul(buka(bagian="serapan"), "grafik-serapan")
    garis = fig["data"][0]
    assert garis["x"] == ["2016", "2017", "2018", "2019", "2020"]
    assert garis["text"] == ["92,76 %", "94,24 %", "95,32 %", "100,00 %", "96,11 %"]
    # 2019: the document copied targets into realisasi; the point is grey, not a palette colour.
    assert garis["marker"]["color"][3] == "#9A9A9A"


def test_filter_tahun_mengubah_pagu_program() -> None:
    at = buka(tahun="2022", bagian="pagu-per-program")
    assert at.segmented_control(key="tahun").value == 2022
    batang = gambar_berjudul(at, "pagu-program")["data"][0]
    per_program = dict(zip(batang["y"], batang["x"], strict=True))
    assert per_program["7.01.01 Penunjang Urusan Pemerintahan Daerah Kabupaten/ Kota"] == 9_122_221_547
    assert per_program["7.01.05 Penyelenggaraan Urusan Pemerintahan Umum"] == 349_601_200

    at.segmented_control(key="tahun").set_value(2021).run()
    assert not at.exception
    assert at.query_params["tahun"] == "2021"  # a copied link reopens 2021
    assert at.query_params["bagian"] == "pagu-per-program"  # ... on the same tab
    assert any(m.label == "Pagu indikatif 2021" for m in at.metric)
    batang = gambar_berjudul(at, "pagu-program")["data"][0]
    per_program = dict(zip(batang["y"], batang["x"], strict=True))
    assert per_program["7.01.03 Pemberdayaan Masyarakat Desa dan Kelurahan"] == 4_142_579_200
    # 7.01.01 printed ***** in 2021: drawn from its rincian, hatched, and the hover says so.
    i = batang["y"].index("7.01.01 Penunjang Urusan Pemerintahan Daerah Kabupaten/ Kota")
    assert batang["marker"]["pattern"]["shape"][i] == "/"
    assert (
        batang["customdata"][i][1]
        == kosakata.jumlah_rincian()
        == "pagu program tidak terbaca diganti jumlah rinciannya"
    )

    at.segmented_control(key="tahun").set_value(2024).run()  # the default year: left out of the URL
    assert not at.exception
    assert "tahun" not in at.query_params


def test_url_tahun_tak_dikenal_diabaikan() -> None:
    at = buka(tahun="1999")
    assert at.segmented_control(key="tahun").value == 2024
    assert any(m.label == "Pagu indikatif 2024" for m in at.metric)


def test_tujuan_sasaran_dan_tabel_dimuat() -> None:
    # Small table panels are static tables: columns carry their printed headings.
    at = buka(bagian="tujuan-dan-sasaran")
    iku = next(df for df in tabel(at) if "Tujuan / sasaran" in df.columns)
    baris = iku[iku["Indikator"] == "Indeks Kepuasan Masyarakat (IKM)"].iloc[0]
    assert baris["Target 2020"] == "84,6" and baris["Target 2024"] == "88,6"
    dimuat = next(df for df in tabel(buka_bagian(at, "Tabel dokumen")) if "Jumlah baris" in df.columns)
    dimuat = dimuat.set_index("Tabel")
    assert len(dimuat) == 15
    assert dimuat.loc["T-C.24", "Jumlah baris"] == "36"


def test_tidak_ada_rp_nol(bawaan) -> None:
    teks = [c.value for c in bawaan.caption] + [m.value for m in bawaan.metric]
    assert not any("Rp 0" in t for t in teks)


def test_predikat_indikator_dari_dokumen(renstra) -> None:
    # T-C.23 (renstra_data/wonoasih-2019-2024/sumber/renstra_wonoasih_2019_2024.txt l. 657-672),
    # 2020: four indicators with a capaian, all >= 91 % (94,95; 100; 111,18; 94,41: Sangat Tinggi),
    # and six whose 2020 target is printed 0 (no capaian).
    at = buka(bagian="predikat-indikator")
    assert id_grafik(at) == ["predikat"]
    assert "Indikator kinerja per predikat" in [s.value for s in at.subheader]
    fig = gambar_berjudul(at, "grafik-predikat")
    per_predikat = {t["name"]: dict(zip(t["x"], t["y"], strict=True)) for t in fig["data"]}
    assert per_predikat["Sangat Tinggi"][2020] == 4
    assert per_predikat[gaya.TANPA_PREDIKAT][2020] == 6
    assert sum(n[2020] for n in per_predikat.values()) == 10
    assert list(per_predikat["Sangat Tinggi"].values()) == [4, 5, 5, 3, 4]  # 2016-2020, as on Kinerja
    # every bar is the count in sajian.kinerja.predikat_per_tahun (what the table under it shows)
    hitung = kinerja.predikat_per_tahun(renstra)
    assert {(r.predikat, r.tahun): r.jumlah for r in hitung.itertuples()} == {
        (p, x): y for p, n in per_predikat.items() for x, y in n.items()
    }
    # The card: the latest year, those with a predikat out of all its indicators, split as in the chart.
    metrik = {m.label: m.value for m in at.metric}
    assert metrik["Indikator berpredikat 2020"] == "4 dari 10"
    assert f"Sangat Tinggi 4 · {gaya.TANPA_PREDIKAT} 6" in [c.value for c in at.caption]


def test_catatan_kode_lama_dari_data() -> None:
    at = buka(tahun="2020", bagian="pagu-per-program")
    assert "4 program 2020 berkode lama: tidak dipetakan ke kode baru." in [c.value for c in at.caption]
