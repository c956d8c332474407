"""The Anggaran page in AppTest: it renders, shows the document's numbers, follows its filters and the URL."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import kosakata
import ui
from tests.appkit import buka, buka_bagian, gambar, gambar_berjudul, id_grafik

HALAMAN = "halaman/anggaran.py"
BAGIAN = ["Pagu per program", "Tren dan perubahan", "Rincian sub kegiatan", "Realisasi dan serapan"]


@pytest.fixture(scope="module")
def at2022() -> AppTest:
    """2022, first section (no ?bagian=): the stacked bars, table open."""
    return buka(HALAMAN, tabel_terbuka=True, tahun="2022")


@pytest.fixture(scope="module")
def tren2022() -> AppTest:
    return buka(HALAMAN, tahun="2022", bagian="tren-dan-perubahan")


@pytest.fixture(scope="module")
def rincian2022() -> AppTest:
    return buka(HALAMAN, tahun="2022", bagian="rincian-sub-kegiatan")


@pytest.fixture(scope="module")
def realisasi2022() -> AppTest:
    return buka(HALAMAN, tabel_terbuka=True, tahun="2022", bagian="realisasi-dan-serapan")


def _trace(fig: dict[str, Any], nama: str) -> dict[str, Any]:
    """The first trace whose name starts with ``nama`` and that has data (not a legend-only swatch)."""
    for t in fig["data"]:
        if (t.get("name") or "").startswith(nama) and any(x is not None for x in t.get("x", [])):
            return t
    raise AssertionError(f"tidak ada trace '{nama}'")


def _nilai_di(t: dict[str, Any], x: str) -> Any:
    return dict(zip(t["x"], t["y"], strict=True))[x]


def test_enam_panel_tanpa_galat(at2022: AppTest) -> None:
    assert not at2022.exception
    assert [h.value for h in at2022.header] == ["Anggaran"]
    assert [t.label for t in at2022.tabs] == BAGIAN
    at = buka(HALAMAN, tahun="2022")
    grafik = {}
    for b in BAGIAN:
        grafik[b] = id_grafik(buka_bagian(at, b))
        if b == "Rincian sub kegiatan":
            assert "Rincian pagu 2022: program → kegiatan → sub kegiatan" in [s.value for s in at.subheader]
    # six charts in all, each in its section (serapan dilaporkan: nothing reported, a message)
    assert grafik == {
        "Pagu per program": ["pagu-program-tahun"],
        "Tren dan perubahan": ["tren-pagu", "perubahan-pagu"],
        "Rincian sub kegiatan": ["rincian-pagu"],
        "Realisasi dan serapan": ["anggaran-realisasi", "serapan-program"],
    }


def test_batang_pagu_program(at2022: AppTest) -> None:
    fig = gambar_berjudul(at2022, "pagu-program-tahun")
    t = _trace(fig, "7.01.01")
    assert _nilai_di(t, "2022") == 9_122_221_547  # T-C.27 2022-2024 row 31
    assert _nilai_di(t, "2021") == 9_990_090_888  # ***** in 2021: sum of its kegiatan
    pola = dict(zip(t["x"], t["marker"]["pattern"]["shape"], strict=True))
    assert pola["2021"] == "/" and pola["2022"] == ""  # hatched = jumlah rincian
    total = _trace(fig, "Total kecamatan")
    teks = dict(zip(total["x"], total["text"], strict=True))
    assert teks["2022"] == "Rp 13,0 M" and teks["2021"].endswith("*") and teks["2020"].endswith("*")
    assert ["Rp 12.957.945.947", "pagu program tercetak"] in total["customdata"]
    # the 2020 programs: own series, named as 2020 programs, all hatched
    lama = [tr for tr in fig["data"] if (tr.get("name") or "").endswith("(2020)") and tr["type"] == "bar"]
    assert len(lama) == 4
    assert all(tr["x"] == ["2020"] and tr["marker"]["pattern"]["shape"] == ["/"] for tr in lama)


def test_rincian_treemap_2022(rincian2022: AppTest) -> None:
    fig = gambar_berjudul(rincian2022, "rincian-pagu")
    tm = fig["data"][0]
    assert tm["type"] == "treemap" and tm["branchvalues"] == "remainder"
    assert tm["pathbar"]["visible"] is True
    nilai = dict(zip(tm["ids"], tm["values"], strict=True))
    assert sum(nilai.values()) >= 12_957_945_947
    program = [label for label, p in zip(tm["labels"], tm["parents"], strict=True) if p == "akar"]
    assert sorted(label[:7] for label in program) == ["7.01.01", "7.01.02", "7.01.03", "7.01.05"]
    i = tm["labels"].index("7.01.01 Penunjang Urusan Pemerintahan Daerah Kabupaten/ Kota")
    assert tm["customdata"][i][1] == "Rp 9.122.221.547"
    # the two rows without a 2022 pagu are named under the chart, not drawn as 0
    assert "2 baris tanpa pagu tercetak" in fig["layout"]["annotations"][0]["text"]
    assert "tc27_2022:50" not in nilai and "tc27_2022:51" not in nilai


def test_anggaran_realisasi_dan_serapan(realisasi2022: AppTest) -> None:
    fig = gambar_berjudul(realisasi2022, "anggaran-realisasi")
    serapan = _trace(fig, "Serapan")
    s = dict(zip(serapan["x"], serapan["text"], strict=True))
    assert s["2019"] == "100,00 %*"  # realisasi 2019 = target (NB in the document)
    assert s["2020"] == "96,11 %"
    realisasi = _trace(fig, "Realisasi")
    assert _nilai_di(realisasi, "2020") == 1_007_611_040 + 502_112_624 + 1_013_054_893
    abu = _trace(fig, "Anggaran tanpa realisasi")
    assert _nilai_di(abu, "2020") == 5_673_534_002
    # the caveat of kosakata, with the year taken from the data (T-C.24's NB: 2019)
    disamakan = kosakata.catatan_realisasi_disamakan([2019], "serapan", "titik kosong, bertanda *")
    # behind "Cara membaca" under the first chart of the tab, once for the page (not again under the second)
    cara = _cara_membaca(realisasi2022)
    assert disamakan in cara[0]
    assert sum(c.count(disamakan) for c in cara) == 1
    assert sum(c.value.count(disamakan) for c in realisasi2022.caption) == 1


def test_serapan_per_program_tc24(realisasi2022: AppTest) -> None:
    fig = gambar_berjudul(realisasi2022, "serapan-program")
    t2016 = _trace(fig, "2016")
    baris = [c for c in t2016["customdata"] if c[3] == "Rp 64.175.000"]
    assert baris and baris[0][2:5] == ["99,69 %", "Rp 64.175.000", "Rp 63.975.000"]
    assert "229,33 %" in t2016["text"]  # Gerdu Taskin: realisasi above anggaran, labelled
    assert "Gerdu Taskin 2016" in _cara_membaca(realisasi2022)[1]  # the second chart's notes, under it
    teks = "\n".join(df.value.to_string() for df in realisasi2022.dataframe)
    assert "realisasi tidak tercetak di dokumen" in teks


def test_perubahan_pagu(tren2022: AppTest) -> None:
    fig = gambar_berjudul(tren2022, "perubahan-pagu")
    total = _trace(fig, "Total kecamatan")
    assert _nilai_di(total, "2022") == 12_957_945_947 - 15_757_599_288
    p = _trace(fig, "7.01.03")
    assert dict(zip(p["x"], p["text"], strict=True))["2022"] == "-51,8 %"


def _treemap(at: AppTest) -> dict[str, Any]:
    return gambar_berjudul(at, "rincian-pagu")["data"][0]


def test_filter_program_mengubah_rincian_dan_tren(rincian2022: AppTest) -> None:
    at = buka(HALAMAN, tahun="2022", bagian="rincian-sub-kegiatan")
    at.radio(key="program").set_value("7.01.03").run()
    assert not at.exception
    assert at.query_params["program"] == "7.01.03"  # a copied link reopens the program
    assert at.query_params["bagian"] == "rincian-sub-kegiatan"  # the filter keeps the open section
    tm = _treemap(at)
    assert tm["labels"][0].startswith("7.01.03") and tm["parents"][0] == ""
    assert all(label.startswith("7.01.03") for label in tm["labels"])
    assert len(tm["ids"]) < len(_treemap(rincian2022)["ids"])
    tren = gambar_berjudul(buka_bagian(at, "Tren dan perubahan"), "tren-pagu")
    nama = {t["name"] for t in tren["data"]}
    assert "7.01.03.2.02 Kegiatan Pemberdayaan Kelurahan" in nama
    assert not any(n.startswith("7.01.01") for n in nama)

    at.radio(key="program").set_value("semua").run()  # back to the default: left out of the URL
    assert not at.exception
    assert "program" not in at.query_params


def test_url_mereproduksi_tampilan() -> None:
    at = buka(HALAMAN, tahun="2022", program="7.01.03", bagian="rincian-sub-kegiatan")
    assert at.segmented_control(key="tahun").value == 2022
    assert at.radio(key="program").value == "7.01.03"
    assert id_grafik(at) == ["rincian-pagu"]
    tm = _treemap(at)
    i = tm["ids"].index("tc27_2022:1")
    assert tm["customdata"][i][1] == "Rp 1.997.779.200"  # 7.01.03, T-C.27 2022 row 1
    assert "Rincian pagu 2022: program → kegiatan → sub kegiatan (7.01.03)" in [s.value for s in at.subheader]
    assert dict(at.query_params) == {"tahun": "2022", "program": "7.01.03", "bagian": "rincian-sub-kegiatan"}
    # the stacked bars keep every program but fade the others
    t = _trace(gambar_berjudul(buka_bagian(at, "Pagu per program"), "pagu-program-tahun"), "7.01.01")
    assert set(t["marker"]["opacity"]) == {0.25}


def test_tahun_mengubah_rincian() -> None:
    at = buka(HALAMAN, tahun="2020", bagian="rincian-sub-kegiatan")
    tm = _treemap(at)
    assert "Kecamatan Wonoasih 2020" in tm["labels"]
    i = tm["labels"].index("Peningkatan Pemberdayaan Masyarakat (2020)")
    assert tm["customdata"][i][1] == "##### (tidak terbaca)"  # kosakata.tidak_terbaca, the printed text
    assert tm["customdata"][i][2] == "Rp 11.574.424.760"


def test_program_2020_di_tahun_lain_dijelaskan() -> None:
    at = buka(HALAMAN, tahun="2022", program="tc27_2020:9", bagian="rincian-sub-kegiatan")
    assert "hanya ada di tabel T-C.27 tahun 2020" in " ".join(i.value for i in at.info)
    buka_bagian(at, "Tren dan perubahan")
    assert "tidak punya tren tahunan" in " ".join(i.value for i in at.info)


def test_presentasi_satu_grafik() -> None:
    at = buka(HALAMAN, tahun="2022", mode="presentasi")
    assert len(at.get("plotly_chart")) == 1


def test_batang_berarsir_berwarna_per_batang() -> None:
    # Streamlit's plotly.js draws nothing for a hatched bar with one marker.color for the trace
    # (the legend-only hatch sample has no bars and keeps a single colour, which its swatch needs)
    at = buka(HALAMAN, tahun="2022")
    semua = []
    for b in BAGIAN:
        semua += gambar(buka_bagian(at, b))
    assert len(semua) == 6  # every chart of the page, section by section
    for fig in semua:
        for t in fig["data"]:
            ada_batang = any(x is not None for x in t.get("x", []))
            if t["type"] == "bar" and ada_batang and (t.get("marker") or {}).get("pattern"):
                assert isinstance(t["marker"]["color"], list), t.get("name")


# --- sections (tabs): only the open one runs, the URL names it -------------------------------


def test_bagian_malas_hanya_tab_terbuka(at2022: AppTest) -> None:
    # Default view: exactly the first section's chart, nothing of the other sections sent.
    assert [el.proto.id.split("-", 2)[-1] for el in at2022.get("plotly_chart")] == ["grafik-pagu-program-tahun"]
    assert [s.value for s in at2022.subheader] == ["Pagu per program per tahun 2020-2024"]
    assert "bagian" not in at2022.query_params  # the first section is the default, left out of the URL

    at = buka_bagian(buka(HALAMAN, tahun="2022"), "Realisasi dan serapan")
    assert id_grafik(at) == ["anggaran-realisasi", "serapan-program"]
    assert [s.value for s in at.subheader] == [
        "Anggaran dan realisasi 2016-2020, dengan serapan", "Serapan per program 2016-2020", "Serapan 2022 yang dilaporkan",
    ]  # fmt: skip
    assert at.query_params["bagian"] == "realisasi-dan-serapan"  # switching tab writes the slug


def test_bagian_di_url_mereproduksi_tampilan() -> None:
    dibuka = buka_bagian(buka(HALAMAN, tahun="2022"), "Tren dan perubahan")
    tautan = dict(dibuka.query_params)
    assert tautan == {"tahun": "2022", "bagian": "tren-dan-perubahan"}
    at = buka(HALAMAN, **tautan)  # the copied link, opened in a new session
    assert id_grafik(at) == id_grafik(dibuka) == ["tren-pagu", "perubahan-pagu"]
    assert gambar(at) == gambar(dibuka)
    assert dict(at.query_params) == tautan

    buka_bagian(at, "Pagu per program")  # back to the first tab: bagian leaves the URL
    assert dict(at.query_params) == {"tahun": "2022"}
    assert id_grafik(at) == ["pagu-program-tahun"]


def test_bagian_tak_dikenal_kembali_ke_tab_pertama() -> None:
    at = buka(HALAMAN, tahun="2022", bagian="tidak-ada")
    assert id_grafik(at) == ["pagu-program-tahun"]
    assert dict(at.query_params) == {"tahun": "2022"}  # the unknown slug is dropped, not kept
    # the label itself is not a slug either: only ui.kunci_bagian's form opens a section
    at = buka(HALAMAN, bagian="Realisasi dan serapan")
    assert id_grafik(at) == ["pagu-program-tahun"]


def test_presentasi_semua_panel_urut_tab() -> None:
    # Normal view, section by section: the panel titles in tab order.
    at = buka(HALAMAN, tahun="2022")
    judul_per_tab = [s.value for b in BAGIAN for s in buka_bagian(at, b).subheader]
    assert len(judul_per_tab) == 7
    # Presentation mode: one slide per panel (pager max = panels), in the same order.
    at = buka(HALAMAN, tahun="2022", mode="presentasi")
    assert not at.tabs  # no tabs on a projector
    assert at.get("pagination")[0].proto.num_pages == len(judul_per_tab)
    judul_slide = []
    for n in range(1, len(judul_per_tab) + 1):
        at = buka(HALAMAN, tahun="2022", mode="presentasi", slide=str(n))
        assert len(at.get("plotly_chart")) <= 1
        judul_slide += [s.value for s in at.subheader]
    assert judul_slide == judul_per_tab
    # slide 2 opens the second tab (the trend chart); slide 3 is the rest of that tab, the change
    # chart the page declares last, not the treemap declared after the trend
    at = buka(HALAMAN, tahun="2022", mode="presentasi", slide="2")
    assert id_grafik(at) == ["tren-pagu"]
    assert [s.value for s in at.subheader] == ["Tren pagu per program 2021-2024"]
    assert id_grafik(buka(HALAMAN, tahun="2022", mode="presentasi", slide="3")) == ["perubahan-pagu"]


def _cara_membaca(at: AppTest) -> list[str]:
    """The text behind each chart's "Cara membaca" expander, in page order."""
    return [" ".join(c.value for c in e.caption) for e in at.expander if e.label == ui.CARA_MEMBACA]


def test_catatan_dari_dokumen(at2022: AppTest, realisasi2022: AppTest) -> None:
    # The notes are written from the data, and stay specific to this document: three T-C.27
    # tables, the 2020 one under old codes, and T-C.24's own title.
    assert (
        "4 program 2020 berkode lama (warna sendiri, bertanda tahunnya) bukan program yang sama dengan "
        "program 2021-2024 (kode Permendagri 90/2019)." in _cara_membaca(at2022)[0]
    )
    caption = [c.value for c in at2022.caption]
    assert "Sumber: T-C.27 Rencana Program, Kegiatan, dan Pendanaan (2020, 2021, 2022-2024)" in caption
    sumber_tc24 = "Sumber: T-C.24 Anggaran dan Realisasi Pendanaan Pelayanan Kecamatan Wonoasih Kota Probolinggo"
    assert sumber_tc24 in [c.value for c in realisasi2022.caption]
