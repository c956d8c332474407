"""Ringkasan page (AppTest): the document's totals in its cards, charts and tables."""

from __future__ import annotations

import pytest

from tests.appkit import buka, gambar, tabel

# T-C.27: program pagu per year; 2020 (all four programs printed *****) and 2021 (7.01.01
# printed *****) are sums of the programs' kegiatan / sub kegiatan, as the chart says.
PAGU_PER_TAHUN = [15_216_940_943, 15_757_599_288, 12_957_945_947, 12_919_408_803, 13_198_129_412]


@pytest.fixture(scope="module")
def bawaan():
    return buka()


def test_kartu_sekilas_tahun_terakhir(bawaan) -> None:
    metrik = {m.label: m.value for m in bawaan.metric}
    assert metrik["Pagu indikatif 2024"] == "Rp 13,2 M"
    assert metrik["Serapan anggaran 2020"] == "96,11 %"  # T-C.24 2020: 2.522.778.557 / 2.624.878.969,50
    assert metrik["Program 2024"] == "4"
    caption = [c.value for c in bawaan.caption]
    assert "Rp 13.198.129.412" in caption
    assert any("Rp 2.522.778.557 dari anggaran Rp 2.624.878.969,50" in c for c in caption)
    assert any("M = miliar (10⁹)" in m.value for m in bawaan.markdown)


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


def test_serapan_per_tahun(bawaan) -> None:
    fig = gambar(bawaan)[2]
    garis = fig["data"][0]
    assert garis["x"] == ["2016", "2017", "2018", "2019", "2020"]
    assert garis["text"] == ["92,76 %", "94,24 %", "95,32 %", "100,00 %", "96,11 %"]
    # 2019: the document copied targets into realisasi; the point is grey, not a palette colour.
    assert garis["marker"]["color"][3] == "#9A9A9A"


def test_filter_tahun_mengubah_pagu_program() -> None:
    at = buka(tahun="2022")
    assert at.selectbox(key="tahun").value == 2022
    batang = gambar(at)[1]["data"][0]
    per_program = dict(zip(batang["y"], batang["x"], strict=True))
    assert per_program["7.01.01 Penunjang Urusan Pemerintahan Daerah Kabupaten/ Kota"] == 9_122_221_547
    assert per_program["7.01.05 Penyelenggaraan Urusan Pemerintahan Umum"] == 349_601_200

    at.selectbox(key="tahun").select(2021).run()
    assert not at.exception
    assert at.query_params["tahun"] == "2021"  # a copied link reopens 2021
    batang = gambar(at)[1]["data"][0]
    per_program = dict(zip(batang["y"], batang["x"], strict=True))
    assert per_program["7.01.03 Pemberdayaan Masyarakat Desa dan Kelurahan"] == 4_142_579_200
    # 7.01.01 printed ***** in 2021: drawn from its rincian, hatched, and the hover says so.
    i = batang["y"].index("7.01.01 Penunjang Urusan Pemerintahan Daerah Kabupaten/ Kota")
    assert batang["marker"]["pattern"]["shape"][i] == "/"
    assert "*****" in batang["customdata"][i][1]


def test_url_tahun_tak_dikenal_diabaikan() -> None:
    at = buka(tahun="1999")
    assert at.selectbox(key="tahun").value == 2024
    assert any(m.label == "Pagu indikatif 2024" for m in at.metric)


def test_tujuan_sasaran_dan_tabel_dimuat(bawaan) -> None:
    # Small table panels are static tables: columns carry their printed headings.
    semua = tabel(bawaan)
    iku = next(df for df in semua if "Tujuan / sasaran" in df.columns)
    baris = iku[iku["Indikator"] == "Indeks Kepuasan Masyarakat (IKM)"].iloc[0]
    assert baris["Target 2020"] == "84,6" and baris["Target 2024"] == "88,6"
    dimuat = next(df for df in semua if "Jumlah baris" in df.columns).set_index("Tabel")
    assert len(dimuat) == 15
    assert dimuat.loc["T-C.24", "Jumlah baris"] == "36"


def test_tidak_ada_rp_nol(bawaan) -> None:
    teks = [c.value for c in bawaan.caption] + [m.value for m in bawaan.metric]
    assert not any("Rp 0" in t for t in teks)
