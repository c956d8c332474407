"""Every page in a real browser: charts drawn, no error, shared links, presentation mode, downloads."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from alat.peramban import CHART_BLOCK_SELECTOR
from navigasi import HALAMAN
from tests.browser.helpers import assert_no_exception, wait_for_app, wait_for_charts

TANPA_GRAFIK = {"kualitas_data", "tabel_dokumen", "musrenbang", "evaluasi_renstra"}  # table pages; the pack opens
# on its title slide; Evaluasi Renstra opens on the E.80 form (a table)
FORMULIR = {"isi_realisasi", "kelola_renstra"}  # a login form (after the template downloads)


def _buka(page: Page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    wait_for_app(page)


@pytest.mark.parametrize("h", HALAMAN, ids=[h.nama for h in HALAMAN])
def test_halaman_tergambar_tanpa_galat(streamlit_server: str, page: Page, h) -> None:
    _buka(page, f"{streamlit_server}/{h.url}")
    if h.nama in FORMULIR:
        expect(page.get_by_label("Kata sandi")).to_be_visible()
    elif h.nama in TANPA_GRAFIK:
        expect(page.locator('[data-testid="stDataFrame"], [data-testid="stTable"]').first).to_be_visible()
    else:
        assert wait_for_charts(page) >= 1
        # Each chart really drew bars/lines/sectors, not an empty frame.
        assert page.locator(f"{CHART_BLOCK_SELECTOR} g.trace").count() >= 1
    assert_no_exception(page)
    expect(page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=h.judul)).to_be_visible()


def test_tautan_bersama_membuka_tampilan_yang_sama(streamlit_server: str, page: Page, browser) -> None:
    _buka(page, f"{streamlit_server}/?tahun=2022")
    expect(page.get_by_text("Pagu indikatif 2022")).to_be_visible()
    expect(page.get_by_text("Rp 13,0 M").first).to_be_visible()

    # Choose 2021 in the sidebar (a row of year buttons): the URL follows, and a new browser
    # opening it sees 2021.
    tombol = page.locator('[data-testid="stSidebar"] [data-testid="stButtonGroup"]')
    tahun = tombol.get_by_role("radiogroup", name="Tahun")
    expect(tahun.get_by_role("radio", name="2022")).to_be_checked()
    tahun.get_by_role("radio", name="2021").click()
    page.wait_for_url(re.compile(r"tahun=2021"))
    wait_for_app(page)
    expect(tahun.get_by_role("radio", name="2021")).to_be_checked()
    expect(page.get_by_text("Pagu indikatif 2021")).to_be_visible()
    tautan = page.url

    lain = browser.new_context(viewport={"width": 1366, "height": 800}, locale="id-ID").new_page()
    try:
        _buka(lain, tautan)
        expect(lain.get_by_text("Pagu indikatif 2021")).to_be_visible()
        expect(lain.get_by_text("Rp 15,8 M").first).to_be_visible()
        assert_no_exception(lain)
    finally:
        lain.context.close()


def test_tautan_program_di_halaman_anggaran(streamlit_server: str, page: Page) -> None:
    _buka(page, f"{streamlit_server}/anggaran?tahun=2022&program=7.01.03&bagian=rincian-sub-kegiatan")
    assert wait_for_charts(page) == 1  # the open section's treemap only
    assert_no_exception(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    program = sidebar.get_by_role("radiogroup", name="Program")
    expect(program.get_by_role("radio", name="7.01.03 Pemberdayaan Masyarakat Desa dan Kelurahan")).to_be_checked()
    expect(program.get_by_role("radio", name="Semua program")).not_to_be_checked()
    expect(sidebar.get_by_role("radiogroup", name="Tahun").get_by_role("radio", name="2022")).to_be_checked()
    expect(page.get_by_role("tab", name="Rincian sub kegiatan")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("heading", name=re.compile(r"Rincian pagu 2022.*7\.01\.03"))).to_be_visible()


def test_mode_presentasi(streamlit_server: str, page: Page) -> None:
    _buka(page, f"{streamlit_server}/anggaran?mode=presentasi")
    assert wait_for_charts(page) == 1  # one chart per screen
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    ukuran = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert ukuran >= 20  # large type for the hall

    # Next slide: still one chart, and the slide number is in the URL for the next speaker.
    page.locator('[data-testid="stPagination"] button').last.click()
    page.wait_for_url(re.compile(r"slide=2"))
    wait_for_app(page)
    assert wait_for_charts(page) == 1
    assert "mode=presentasi" in page.url
    assert_no_exception(page)

    # Leaving presentation mode brings the sidebar and the sections back, the first one open.
    page.get_by_text("Mode presentasi").click()
    wait_for_app(page)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_visible()
    assert "mode=" not in page.url
    expect(page.get_by_role("tab")).to_have_count(4)
    expect(page.get_by_role("tab", name="Pagu per program")).to_have_attribute("aria-selected", "true")
    assert wait_for_charts(page) == 1
    expect(page.get_by_role("heading", name="Pagu per program per tahun 2020-2024")).to_be_visible()
    assert_no_exception(page)


def test_bagian_dari_tautan_lalu_klik_tab(streamlit_server: str, page: Page) -> None:
    # A link to a section opens that tab with its charts drawn, and only those.
    _buka(page, f"{streamlit_server}/anggaran?bagian=realisasi-dan-serapan")
    expect(page.get_by_role("tab", name="Realisasi dan serapan")).to_have_attribute("aria-selected", "true")
    assert wait_for_charts(page) == 2
    expect(page.get_by_role("heading", name="Anggaran dan realisasi 2016-2020, dengan serapan")).to_be_visible()
    expect(page.get_by_role("heading", name="Serapan per program 2016-2020")).to_be_visible()
    assert page.locator(f"{CHART_BLOCK_SELECTOR} g.trace").count() >= 2
    assert_no_exception(page)

    # Clicking the first tab: the URL loses ?bagian= (the default), its stacked bars are drawn.
    page.get_by_role("tab", name="Pagu per program").click()
    page.wait_for_url(lambda u: "bagian=" not in u)
    wait_for_app(page)
    expect(page.get_by_role("tab", name="Pagu per program")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("heading", name="Pagu per program per tahun 2020-2024")).to_be_visible()
    assert wait_for_charts(page) == 1
    grafik = page.locator(CHART_BLOCK_SELECTOR)
    expect(grafik.locator("g.trace.bars").first).to_be_attached()
    assert grafik.locator(".js-plotly-plot").evaluate("el => el._fullLayout.barmode") == "stack"
    expect(page.get_by_role("heading", name="Serapan per program 2016-2020")).to_have_count(0)
    assert_no_exception(page)


def test_unduh_tabel_xlsx(streamlit_server: str, page: Page) -> None:
    _buka(page, streamlit_server)
    # The table under a chart is drawn only when opened (a rerun), then offers its download.
    ekspander = page.locator('[data-testid="stExpander"]').filter(has_text="Tabel: Pagu indikatif per tahun")
    expect(ekspander.locator('[data-testid="stDataFrame"]')).to_have_count(0)
    ekspander.get_by_text("Tabel: Pagu indikatif per tahun").click()
    wait_for_app(page)
    expect(ekspander.locator('[data-testid="stDataFrame"]')).to_be_visible()
    with page.expect_download() as unduhan:
        ekspander.get_by_role("button", name=re.compile("Unduh tabel")).click()
    berkas = unduhan.value
    assert berkas.suggested_filename == "pagu-per-tahun.xlsx"
    ws = load_workbook(io.BytesIO(open(berkas.path(), "rb").read())).active
    assert ws["A1"].value == "Pagu indikatif per tahun"
    baris = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(5, 10)}
    assert baris[2022] == 12_957_945_947
    assert baris[2020] == 15_216_940_943
