"""Bahan Musrenbang in a real browser: build the pack for one kelurahan, download both files, open them."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, expect
from pptx import Presentation

from tests.browser.helpers import assert_no_exception, wait_for_app, wait_for_charts

# Kelurahan Pakistaji's own T-C.27 rows per year 2020-2024 (the pack's pagu-per-year chart).
PAGU_PAKISTAJI = [2_044_617_000, 666_000_000, 380_055_000, 320_374_395, 342_935_150]


def test_siapkan_dan_unduh_bahan_kelurahan(streamlit_server: str, page: Page) -> None:
    page.goto(f"{streamlit_server}/musrenbang?kelurahan=Pakistaji", wait_until="domcontentloaded")
    wait_for_app(page)
    expect(page.get_by_text("Paket Kelurahan Pakistaji, tahun 2024.")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Unduh PowerPoint"))).to_have_count(0)  # built on request

    page.get_by_role("button", name=re.compile("Siapkan PowerPoint dan Excel")).click()
    tombol_pptx = page.get_by_role("button", name=re.compile("Unduh PowerPoint"))
    expect(tombol_pptx).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Bahan siap diunduh.")).to_be_visible()
    assert_no_exception(page)

    with page.expect_download() as unduhan:
        tombol_pptx.click()
    assert unduhan.value.suggested_filename == "bahan-musrenbang-2024-kelurahan-pakistaji.pptx"
    deck = Presentation(io.BytesIO(Path(unduhan.value.path()).read_bytes()))
    grafik = [sh.chart for sl in deck.slides for sh in sl.shapes if sh.has_chart]
    assert list(grafik[0].plots[0].series[0].values) == PAGU_PAKISTAJI

    with page.expect_download() as unduhan:
        page.get_by_role("button", name=re.compile("Unduh Excel")).click()
    assert unduhan.value.suggested_filename == "bahan-musrenbang-2024-kelurahan-pakistaji.xlsx"
    wb = openpyxl.load_workbook(io.BytesIO(Path(unduhan.value.path()).read_bytes()))
    assert len(wb.sheetnames) == 10  # one sheet per slide of a kelurahan pack


def test_slaid_grafik_tergambar(streamlit_server: str, page: Page) -> None:
    page.goto(
        f"{streamlit_server}/musrenbang?bagian=9-pangsa-kelurahan&kelurahan=Pakistaji", wait_until="domcontentloaded"
    )
    wait_for_app(page)
    assert wait_for_charts(page) == 1
    expect(page.get_by_text("Rp 342,9 jt (16,39 %)")).to_be_visible()  # the doughnut's label, as in the deck
    assert_no_exception(page)
