"""The Kinerja page in AppTest: document values in its figures, the picker and tahun in the URL."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from grafik import gaya
from tests import appkit

HALAMAN = "halaman/kinerja.py"
BAGIAN = ["Per indikator", "Capaian per tahun", "Predikat", "Target IKU"]
KELOMPOK = "% Kelompok dan Lembaga Kemasayarakatan yang difasilitasi"
IKM = "Indeks Kepuasan Masyarakat (IKM)"


def _jejak(fig: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t.get("name"): t for t in fig["data"]}


def _teks_tabel(at: AppTest) -> str:
    return "\n".join(df.to_string() for df in appkit.tabel(at))


def test_bawaan_ikm_dan_tahun_2024_tanpa_realisasi() -> None:
    at = appkit.buka(HALAMAN)
    assert at.pills(key="indikator").value == IKM
    riwayat = _jejak(appkit.gambar_berjudul(at, "riwayat-indikator"))
    # T-C.23 IKM realisasi 2016-2020, then T-C.25 targets 2021-2024 without realisasi (gaps, not 0)
    assert riwayat["Realisasi"]["y"] == [83.5, 86.64, 94.12, 84.5, 94.06, None, None, None, None]
    assert riwayat["Target"]["y"][-1] == 88.6
    assert riwayat["Target, belum ada realisasi"]["x"] == [2021, 2022, 2023, 2024]
    # 2024 has no realisasi: no capaian chart, a message naming the years that do
    appkit.buka_bagian(at, "Capaian per tahun")
    assert [s.value for s in at.subheader][:1] == ["Capaian per indikator, 2024"]
    assert "capaian-tahun" not in appkit.id_grafik(at)
    pesan = " ".join(i.value for i in at.info)
    assert "Dokumen belum memuat realisasi untuk 2024" in pesan
    assert "2016, 2017, 2018, 2019, 2020" in pesan
    assert "Capaian 2024 dari dokumen tidak dihitung (bukan 0 %)" in pesan


def test_tahun_2020_capaian_per_indikator() -> None:
    at = appkit.buka(HALAMAN, tabel_terbuka=True, tahun="2020", bagian="capaian-per-tahun")
    fig = appkit.gambar_berjudul(at, "capaian-tahun")
    batang = _jejak(fig)["Sangat Tinggi"]
    assert [round(x, 2) for x in batang["x"]] == [94.95, 100.0, 111.18, 94.41]
    assert batang["text"][0] == "94,95 %"
    assert batang["marker"]["color"] == gaya.warna_predikat(("Sangat Tinggi",))["Sangat Tinggi"]
    tanpa = [a["text"] for a in fig["layout"]["annotations"] if "tanpa capaian" in a["text"]]
    assert tanpa == ["tanpa capaian: target 0"] * 6
    teks = _teks_tabel(at)
    assert "94,95 %" in teks and "18,99" in teks
    assert "Tanpa capaian: target tercetak 0" in teks
    assert any(s.value == "Capaian per indikator, 2020" for s in at.subheader)


def test_tahun_mengubah_grafik() -> None:
    a = appkit.gambar_berjudul(appkit.buka(HALAMAN, tahun="2020"), "riwayat-indikator")
    b = appkit.gambar_berjudul(appkit.buka(HALAMAN, tahun="2022"), "riwayat-indikator")
    arsir = [(s["x0"], s["x1"]) for s in a["layout"]["shapes"] if s.get("type") == "rect"]
    assert arsir == [(2019.55, 2020.45)]
    arsir = [(s["x0"], s["x1"]) for s in b["layout"]["shapes"] if s.get("type") == "rect"]
    assert arsir == [(2021.55, 2022.45)]


def test_pemilih_indikator_mengubah_grafik() -> None:
    at = appkit.buka(HALAMAN, tahun="2020")
    at.pills(key="indikator").set_value(KELOMPOK).run()
    assert not at.exception
    riwayat = _jejak(appkit.gambar_berjudul(at, "riwayat-indikator"))
    # T-C.23: target 2020 20 %, realisasi 18,99 %; 2016-2019 target 0 (off the lines, grey markers)
    assert riwayat["Target"]["y"] == [None, None, None, None, 20]
    assert riwayat["Sangat Tinggi"]["x"] == [2020] and riwayat["Sangat Tinggi"]["y"] == [18.99]
    assert riwayat["Sangat Tinggi"]["customdata"][0][4] == "94,95 %"
    assert riwayat[gaya.TANPA_PREDIKAT]["x"] == [2016, 2017, 2018, 2019]
    assert any(s.value == f"Target dan realisasi: {KELOMPOK}" for s in at.subheader)


def test_url_indikator_mereproduksi_tampilan() -> None:
    at = appkit.buka(HALAMAN, indikator="Kelompok Masyarakat Binaan")
    assert at.pills(key="indikator").value == "Kelompok Masyarakat Binaan"
    riwayat = _jejak(appkit.gambar_berjudul(at, "riwayat-indikator"))
    assert riwayat["Target"]["y"] == [53, 53, 53, 54, 54]
    assert "2019*" in appkit.gambar_berjudul(at, "riwayat-indikator")["layout"]["xaxis"]["ticktext"]


def test_predikat_dan_iku() -> None:
    at = appkit.buka(HALAMAN, bagian="predikat")
    predikat = _jejak(appkit.gambar_berjudul(at, "predikat-per-tahun"))
    assert predikat["Sangat Tinggi"]["y"] == [4, 5, 5, 3, 4]
    assert predikat["Tinggi"]["y"] == [1, 0, 0, 0, 0]
    assert predikat[gaya.TANPA_PREDIKAT]["marker"]["color"] == gaya.ABU
    iku = appkit.gambar_berjudul(appkit.buka_bagian(at, "Target IKU"), "target-iku")
    cakupan = next(t for t in iku["data"] if t["name"].startswith("Tujuan: Persentase Peningkatan"))
    assert cakupan["y"] == [20, 25, 30, 35, 40]
    assert cakupan["text"][-1] == "40 %"


def test_presentasi_satu_grafik() -> None:
    at = appkit.buka(HALAMAN, mode="presentasi")
    assert len(at.get("plotly_chart")) == 1
    at = appkit.buka(HALAMAN, mode="presentasi", tahun="2020", slide="2")  # the link opens slide 2 directly
    figs = at.get("plotly_chart")
    assert len(figs) == 1 and "capaian-tahun" in figs[0].proto.id


def test_pemilih_indikator_hanya_di_bagiannya() -> None:
    # The picker drives only "Per indikator": drawn above that tab, absent when another is open,
    # and the chosen indicator is kept (and stays in the URL) while it is hidden.
    at = appkit.buka(HALAMAN, indikator="Kelompok Masyarakat Binaan")
    assert [t.label for t in at.tabs] == BAGIAN
    assert at.pills(key="indikator").value == "Kelompok Masyarakat Binaan"
    appkit.buka_bagian(at, "Predikat")
    assert not [s for s in at.pills if s.key == "indikator"]
    assert at.query_params["indikator"] == "Kelompok Masyarakat Binaan"
    assert appkit.id_grafik(at) == ["predikat-per-tahun"]
    appkit.buka_bagian(at, "Per indikator")
    assert at.pills(key="indikator").value == "Kelompok Masyarakat Binaan"
    assert "bagian" not in at.query_params
    # A link to another tab opens without the picker.
    at = appkit.buka(HALAMAN, bagian="target-iku")
    assert not [s for s in at.pills if s.key == "indikator"]


def test_pemilih_indikator_di_mode_presentasi() -> None:
    # Every slide is reachable in presentation mode, so the picker is there (folded), whatever the slide.
    for slide in ("1", "5"):  # 5: after the three "Capaian per tahun" slides (the third: triwulan progress)
        at = appkit.buka(HALAMAN, mode="presentasi", slide=slide, indikator="Kelompok Masyarakat Binaan")
        assert at.pills(key="indikator").value == "Kelompok Masyarakat Binaan"
    assert appkit.id_grafik(at) == ["predikat-per-tahun"]
    at = appkit.buka(HALAMAN, mode="presentasi", indikator="Kelompok Masyarakat Binaan")
    riwayat = _jejak(appkit.gambar_berjudul(at, "riwayat-indikator"))
    assert riwayat["Target"]["y"] == [53, 53, 53, 54, 54]


def test_cara_membaca_di_balik_klik() -> None:
    # One sentence above the picker; the capaian formula and the predikat scale behind "Cara membaca
    # halaman ini"; the chart's own marks behind "Cara membaca" under it, with the 2019 caveat once.
    at = appkit.buka(HALAMAN)
    assert at.main.markdown[0].value.startswith("Target dan realisasi indikator kinerja pelayanan kecamatan")
    assert "Capaian" not in at.main.markdown[0].value.split("capaian dan predikatnya")[1]
    halaman = [b for b in at.get("popover") if b.proto.popover.label == "Cara membaca halaman ini"]
    teks = halaman[0].markdown[0].value
    assert "**Capaian** = realisasi ÷ target × 100" in teks
    assert "Sangat Tinggi ≥ 91 %; Tinggi ≥ 76 %; Sedang ≥ 66 %; Rendah ≥ 51 %; Sangat Rendah di bawahnya" in teks
    grafik = [" ".join(c.value for c in e.caption) for e in at.expander if e.label == "Cara membaca"]
    assert len(grafik) == 1 and grafik[0].startswith("Garis putus-putus = target")
    assert grafik[0].count("Tahun 2019 (bertanda *): realisasi disamakan dengan target oleh dokumen") == 1
    # the indicator names on the pills are escaped once (markdown shows them as printed), not twice
    assert "Indeks Kepuasan Masyarakat \\(IKM\\)" in at.pills(key="indikator").options
