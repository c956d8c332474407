"""Helpers shared by the browser (Playwright) tests."""

from __future__ import annotations

from playwright.sync_api import Page

from alat.peramban import ERROR_SELECTOR, EXCEPTION_SELECTOR, tunggu_app, tunggu_grafik

wait_for_app = tunggu_app
wait_for_charts = tunggu_grafik


def assert_no_exception(page: Page) -> None:
    """Fail if Streamlit rendered an exception box or an st.error element."""
    for selector in (EXCEPTION_SELECTOR, ERROR_SELECTOR):
        found = page.locator(selector)
        if found.count():
            texts = "\n---\n".join(found.all_inner_texts())
            raise AssertionError(f"{found.count()} error element(s) ({selector}) on the page:\n{texts}")
