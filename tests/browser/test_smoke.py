"""Smoke test: the real app starts, renders its title and shows no exception."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import assert_no_exception, wait_for_app

pytestmark = pytest.mark.browser


def test_home_page_renders_title(streamlit_server: str, page: Page) -> None:
    page.goto(streamlit_server, wait_until="domcontentloaded")
    wait_for_app(page)
    assert_no_exception(page)
    expect(page.get_by_text("Dasbor Renstra").first).to_be_visible()
