"""The first screen of a laptop (1366x768): every chart page shows its first chart and its filters
without scrolling (issue 15). Method text waits behind "Cara membaca", under the chart it explains."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from alat.peramban import CHART_BLOCK_SELECTOR
from navigasi import HALAMAN, KUNCI_KELURAHAN, KUNCI_PROGRAM, KUNCI_TAHUN
from tests.browser.helpers import assert_no_exception, wait_for_app, wait_for_charts
from tests.browser.test_halaman import FORMULIR, TANPA_GRAFIK

LEBAR, TINGGI = 1366, 768
TERLIHAT_MIN = 200  # px of the first chart on the first screen: its title, legend and the top of its marks
BERGRAFIK = [h for h in HALAMAN if h.nama not in TANPA_GRAFIK | FORMULIR]
LABEL_FILTER = {KUNCI_TAHUN: "Tahun", KUNCI_PROGRAM: "Program", KUNCI_KELURAHAN: "Kelurahan"}


@pytest.fixture()
def layar(browser: Browser) -> Iterator[Page]:
    """A page the size of a common laptop screen."""
    context = browser.new_context(viewport={"width": LEBAR, "height": TINGGI}, locale="id-ID")
    try:
        yield context.new_page()
    finally:
        context.close()


def test_daftar_halaman_bergrafik() -> None:
    # The pages measured below: every page of the app except the table and form pages.
    nama = {h.nama for h in BERGRAFIK}
    assert {"ringkasan", "anggaran", "kinerja", "kelurahan", "program", "perubahan", "profil"} <= nama
    assert not nama & (TANPA_GRAFIK | FORMULIR)


@pytest.mark.parametrize("h", BERGRAFIK, ids=[h.nama for h in BERGRAFIK])
def test_grafik_pertama_dan_filter_di_layar_pertama(streamlit_server: str, layar: Page, h) -> None:
    layar.goto(f"{streamlit_server}/{h.url}", wait_until="domcontentloaded")
    wait_for_app(layar)
    assert wait_for_charts(layar) >= 1
    assert_no_exception(layar)
    assert layar.evaluate("window.scrollY") == 0

    kotak = layar.locator(CHART_BLOCK_SELECTOR).first.bounding_box()
    assert kotak is not None
    terlihat = min(kotak["y"] + kotak["height"], TINGGI) - kotak["y"]
    assert kotak["y"] < TINGGI, f"{h.nama}: the first chart starts at {kotak['y']:.0f} px, below the first screen"
    assert terlihat >= min(TERLIHAT_MIN, kotak["height"]), (
        f"{h.nama}: only {terlihat:.0f} px of the first chart (top {kotak['y']:.0f} px) on a {TINGGI} px screen"
    )

    # The page's filters: their label and the chosen value on the first screen of the sidebar.
    sidebar = layar.locator('[data-testid="stSidebar"]')
    for kunci in h.filter:
        grup = sidebar.get_by_role("radiogroup", name=LABEL_FILTER[kunci])
        expect(grup).to_be_in_viewport()
        label = sidebar.locator('[data-testid="stWidgetLabel"]').get_by_text(LABEL_FILTER[kunci], exact=True)
        expect(label).to_be_in_viewport(ratio=1)
        # A radio's input is hidden; what one sees is its label (a year button is the radio itself).
        pilihan = grup.get_by_role("radio", checked=True).evaluate(
            "e => { const r = ((e.labels && e.labels[0]) || e).getBoundingClientRect(); return [r.top, r.bottom]; }"
        )
        assert 0 <= pilihan[0] and pilihan[1] <= TINGGI, f"{h.nama}: the chosen {kunci} is off the first screen"

    # The app title once, in the sidebar; the page's own title heads the main area.
    expect(layar.get_by_role("heading", name="Dasbor Renstra Kecamatan Wonoasih")).to_have_count(1)
    expect(sidebar.get_by_role("heading", name="Dasbor Renstra Kecamatan Wonoasih")).to_be_in_viewport()


def test_cara_membaca_di_bawah_grafik(streamlit_server: str, layar: Page) -> None:
    # Kinerja: the capaian formula in the "Cara membaca halaman ini" popover beside the opening sentence
    # (it opens over the page: the chart does not move), the chart's notes in an expander under the chart.
    layar.goto(f"{streamlit_server}/kinerja", wait_until="domcontentloaded")
    wait_for_app(layar)
    wait_for_charts(layar)
    grafik = layar.locator(CHART_BLOCK_SELECTOR).first
    sebelum = grafik.bounding_box()
    rumus = layar.get_by_text("realisasi ÷ target × 100", exact=False)
    expect(rumus).to_be_hidden()
    layar.get_by_role("button", name="Cara membaca halaman ini").click()
    expect(rumus).to_be_visible()
    expect(rumus).to_be_in_viewport()
    assert grafik.bounding_box() == sebelum
    layar.keyboard.press("Escape")

    cara = layar.locator('[data-testid="stExpander"]').filter(has_text="Cara membaca")
    expect(cara).to_have_count(1)
    kotak = cara.bounding_box()
    assert sebelum is not None and kotak is not None
    assert kotak["y"] >= sebelum["y"] + sebelum["height"] - 1  # under the chart it explains
    catatan = cara.get_by_text("Garis putus-putus = target", exact=False)
    expect(catatan).to_be_hidden()
    cara.get_by_text("Cara membaca").click()
    expect(catatan).to_be_visible()
    assert_no_exception(layar)
