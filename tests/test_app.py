"""The Streamlit app in-process (AppTest): every page runs and shows the document's numbers."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import ui
from navigasi import HALAMAN
from tests.appkit import buka, buka_bagian, gambar, id_grafik, tabel

APP = "../app.py"  # resolved against this file


@pytest.fixture()
def at() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    return at


def _temuan(at: AppTest):
    """The findings table (a data grid, or a static table with printed headings when short)."""
    df = tabel(at)[0]
    return df.rename(columns={"Keparahan": "keparahan", "Uraian": "uraian", "Jenis": "jenis"})


def _teks_dataframe(at: AppTest) -> str:
    return "\n".join(df.to_string() for df in tabel(at))


def test_judul_di_setiap_halaman(at: AppTest) -> None:
    for h in HALAMAN:
        at.switch_page(h.skrip).run()
        assert not at.exception, h.skrip
        # The app title once, at the top of the sidebar; the main area opens on the page's own title.
        judul = [t.value for t in [*at.title, *at.header, *at.subheader] if "Dasbor Renstra" in t.value]
        assert judul == ["Dasbor Renstra Kecamatan Wonoasih"], h.skrip
        assert [t.value for t in at.sidebar.title] == judul, h.skrip
        assert not at.main.title, h.skrip
        assert not at.error, (h.skrip, [e.value for e in at.error])


def test_filter_sesuai_halaman(at: AppTest) -> None:
    """Each page shows exactly the shared filters navigasi.HALAMAN declares for it."""
    for h in HALAMAN:
        at.switch_page(h.skrip).run()
        kunci = {s.key for s in [*at.sidebar.selectbox, *at.sidebar.radio, *at.sidebar.segmented_control]}
        assert kunci == set(h.filter), h.skrip


def test_mode_presentasi_dari_url() -> None:
    at = buka(mode="presentasi", slide="2")
    assert at.toggle(key="mode").value is True
    assert not at.sidebar.radio and not at.sidebar.segmented_control and not at.sidebar.toggle  # no sidebar
    assert not at.title and not at.header  # each slide carries its own title
    assert not at.tabs  # every panel is a slide, no sections
    assert len(at.get("plotly_chart")) == 1  # one chart per screen
    assert len(at.get("pagination")) == 1
    assert at.query_params["mode"] == "presentasi"
    # the presentation figure uses the large type
    assert gambar(at)[0]["layout"]["font"]["size"] == 20

    at.toggle(key="mode").set_value(False).run()
    assert not at.exception
    assert "mode" not in at.query_params
    # the page again: cards above its sections, the first section's chart
    assert [t.label for t in at.tabs][:2] == ["Pagu per tahun", "Pagu per program"]
    assert len(at.metric) == 4
    assert id_grafik(at) == ["pagu-per-tahun"]


def test_tabel_dokumen_tc24_seperti_tercetak(at: AppTest) -> None:
    at.switch_page("halaman/tabel_dokumen.py").run()
    assert not at.exception
    at.selectbox(key="tabel").select("tc24").run()
    assert not at.exception
    assert "64,175,000" in _teks_dataframe(at)
    assert any(ui.literal("T-C.24 — Anggaran dan Realisasi Pendanaan") in s.value for s in at.subheader)
    assert any("Tidak ada koreksi" in m.value for m in at.markdown)


def test_tabel_dokumen_koreksi(at: AppTest) -> None:
    at.switch_page("halaman/tabel_dokumen.py").run()
    at.selectbox(key="tabel").select("tc27_2021").run()
    assert not at.exception
    assert "baris_ulang" in _teks_dataframe(at)


def test_kualitas_data(at: AppTest) -> None:
    at.switch_page("halaman/kualitas_data.py").run()
    assert not at.exception
    metrik = {m.label: m.value for m in at.metric}
    assert set(metrik) == {"Galat", "Peringatan", "Info"}
    assert at.multiselect(key="keparahan").value == ["galat", "peringatan"]
    temuan = _temuan(at)
    assert "Program Pemantapan Gerdu Taskin" in set(temuan["uraian"])
    assert "realisasi melebihi anggaran" in set(temuan["jenis"])
    assert set(temuan["keparahan"]) <= {"galat", "peringatan"}
    assert len(temuan) == int(metrik["Galat"]) + int(metrik["Peringatan"])

    at.multiselect(key="keparahan").set_value(["info"]).run()
    assert not at.exception
    assert set(_temuan(at)["keparahan"]) == {"info"}
    assert at.get("download_button")  # the findings download as .xlsx


def test_tabel_dokumen_dari_url_dan_unduhan() -> None:
    at = buka("halaman/tabel_dokumen.py", tabel="tc24")
    assert at.selectbox(key="tabel").value == "tc24"
    assert any(s.value.startswith(ui.literal("T-C.24 — Anggaran dan Realisasi")) for s in at.subheader)
    assert "64,175,000" in _teks_dataframe(at)  # as printed, US separators and all
    assert at.get("download_button")
    at.selectbox(key="tabel").select("tc27_2021").run()
    assert at.query_params["tabel"] == "tc27_2021"


# --- page sections (tabs) and ?bagian= --------------------------------------------------------


def _isi(at: AppTest) -> tuple[list[str], list[str]]:
    """What a section shows: its panel titles and chart ids."""
    return [s.value for s in at.subheader], id_grafik(at)


def test_setiap_bagian_dapat_ditautkan() -> None:
    """On every page with sections: each tab opened by a click writes its slug (the first none),
    and the link with that slug opens exactly the same view in a new session."""
    halaman_bertab = 0
    for h in HALAMAN:
        at = buka(h.skrip)
        label = [t.label for t in at.tabs]
        if not label:
            continue
        halaman_bertab += 1
        assert len(label) == len(set(label)) >= 2, h.skrip
        for i, b in enumerate(label):
            buka_bagian(at, b)
            slug = ui.kunci_bagian(b)
            if i == 0:
                assert "bagian" not in at.query_params, h.skrip  # the default tab is left out of the URL
            else:
                assert at.query_params["bagian"] == slug, (h.skrip, b)
            tautan = buka(h.skrip, bagian=slug)
            assert _isi(tautan) == _isi(at), (h.skrip, b)
            assert dict(tautan.query_params) == dict(at.query_params), (h.skrip, b)
    assert halaman_bertab >= 7  # Ringkasan, Anggaran, Kinerja, Kelurahan, Program, Perubahan, Profil


def test_kunci_bagian_di_url() -> None:
    assert ui.kunci_bagian("Rincian sub kegiatan") == "rincian-sub-kegiatan"
    assert ui.kunci_bagian("Sebelum vs sesudah") == "sebelum-vs-sesudah"
    assert ui.kunci_bagian("Pangkat/Golongan") == "pangkat-golongan"


@pytest.mark.parametrize("skrip", ["halaman/kualitas_data.py", "halaman/tabel_dokumen.py"])
def test_halaman_tanpa_bagian_membuang_bagian_usang(skrip: str) -> None:
    # A link carrying another page's section: the page has no tabs and drops it from the URL.
    at = buka(skrip, bagian="rincian-sub-kegiatan", tahun="2022")
    assert not at.tabs
    assert "bagian" not in at.query_params
    # Leaving a page on one of its sections for a page without any does the same.
    at = buka("halaman/anggaran.py", bagian="realisasi-dan-serapan")
    assert at.query_params["bagian"] == "realisasi-dan-serapan"
    at.switch_page(skrip).run()
    assert not at.exception
    assert "bagian" not in at.query_params


def test_bagian_halaman_lain_tidak_terbawa() -> None:
    # A slug that names no section of this page opens its first tab and leaves the URL.
    at = buka("halaman/anggaran.py", bagian="realisasi-dan-serapan")
    at.switch_page("halaman/kinerja.py").run()
    assert not at.exception
    assert "bagian" not in at.query_params
    assert id_grafik(at) == ["riwayat-indikator"]


def test_tab_terakhir_diingat_saat_kembali_ke_halaman() -> None:
    """Like the filters, the open tab survives a visit to another page (the URL has none by then)."""
    at = buka("halaman/anggaran.py", bagian="rincian-sub-kegiatan")
    assert id_grafik(at) == ["rincian-pagu"]
    at.switch_page("halaman/ringkasan.py").run()
    assert "bagian" not in at.query_params  # Ringkasan has no such tab
    at.switch_page("halaman/anggaran.py").run()
    assert id_grafik(at) == ["rincian-pagu"]
    assert at.query_params["bagian"] == "rincian-sub-kegiatan"


def test_halaman_tanpa_tab_membuang_bagian_dari_url() -> None:
    at = buka("halaman/isi_realisasi.py", bagian="rincian-sub-kegiatan")  # logged out: no panels at all
    assert "bagian" not in at.query_params
