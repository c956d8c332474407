"""Smoke test: the real app starts, renders its title and shows no exception."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import assert_no_exception, wait_for_app

pytestmark = pytest.mark.browser


def test_deep_link_keeps_app_frame(server_baru: str, page: Page) -> None:
    # A page opened by URL as the server's first request must still run inside app.py (title,
    # sidebar navigation), not alone. The server is this test's own, just started, so this goto
    # is its first request whatever order the tests run in (the shared server has served others).
    page.goto(f"{server_baru}/kualitas_data", wait_until="domcontentloaded")
    wait_for_app(page)
    assert_no_exception(page)
    expect(page.get_by_text("Dasbor Renstra").first).to_be_visible()
    expect(page.get_by_role("heading", name="Kualitas data")).to_be_visible()


def test_home_page_renders_title(streamlit_server: str, page: Page) -> None:
    page.goto(streamlit_server, wait_until="domcontentloaded")
    wait_for_app(page)
    assert_no_exception(page)
    expect(page.get_by_text("Dasbor Renstra").first).to_be_visible()


def test_kualitas_data_page_lists_findings(streamlit_server: str, page: Page) -> None:
    page.goto(streamlit_server, wait_until="domcontentloaded")
    wait_for_app(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Kualitas data").click()
    page.wait_for_url("**/kualitas_data")
    wait_for_app(page)
    assert_no_exception(page)
    expect(page.get_by_text("Dasbor Renstra").first).to_be_visible()
    # The findings table is a canvas grid; its cells are mirrored in an accessible table.
    expect(page.get_by_text("Gerdu Taskin").first).to_be_attached()
    assert_no_exception(page)
