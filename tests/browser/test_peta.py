"""The kelurahan map in a real browser: six filled shapes drawn offline, a click opens the profile."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import Page, expect

from alat.peramban import CHART_BLOCK_SELECTOR
from tests.browser.helpers import assert_no_exception, wait_for_app, wait_for_charts

# A filled shape is a plotly scatter fill path with a drawn outline ("M...Z"), one per kelurahan.
ISIAN = "g.trace.scatter path.js-fill"
PETA_LUAR = ("topojson", "plot.ly", "mapbox", "maplibre", "tile", "openstreetmap", "carto", "arcgis")


def _isian_tergambar(peta: object) -> int:
    return peta.locator(ISIAN).evaluate_all(  # type: ignore[attr-defined]
        "(ps) => ps.filter((p) => (p.getAttribute('d') || '').length > 20 && p.getBBox().width > 5).length"
    )


def test_peta_enam_kelurahan_tanpa_internet_dan_klik_membuka_profil(streamlit_server: str, page: Page) -> None:
    luar: list[str] = []
    page.on(
        "request", lambda r: luar.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", "localhost") else None
    )
    page.goto(f"{streamlit_server}/kelurahan?tahun=2023", wait_until="domcontentloaded")
    wait_for_app(page)
    assert wait_for_charts(page) >= 1
    peta = page.locator(CHART_BLOCK_SELECTOR).first  # the page opens on the map
    assert _isian_tergambar(peta) == 6
    expect(peta.locator("g.textpoint text").filter(has_text="Kedung Galeng")).to_have_count(1)
    # No base map tiles and no topojson: the map needs nothing from outside (the app's own icons aside).
    assert [u for u in luar if any(k in u.lower() for k in PETA_LUAR)] == []
    kotak = peta.locator("g.textpoint text").filter(has_text="Pakistaji").bounding_box()
    assert kotak is not None and kotak["y"] < 800  # the map is on the first screen
    assert_no_exception(page)

    page.mouse.click(kotak["x"] + kotak["width"] / 2, kotak["y"] + kotak["height"] / 2)
    expect(page.get_by_role("heading", name="Kelurahan Pakistaji", exact=True)).to_be_visible(timeout=30_000)
    wait_for_app(page)
    assert "kelurahan=Pakistaji" in page.url
    expect(page.get_by_text("Sekilas Kelurahan Pakistaji")).to_be_visible()
    assert wait_for_charts(page) >= 1
    assert _isian_tergambar(page.locator(CHART_BLOCK_SELECTOR).first) == 6
    assert_no_exception(page)
