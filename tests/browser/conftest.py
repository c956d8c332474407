"""Fixtures for browser tests: a real `streamlit run app.py` server plus headless Chromium.

Every test collected under tests/browser/ is marked ``browser``. Chromium comes from Debian
(/usr/bin/chromium); if it is missing the browser tests are skipped locally, but fail when CI=true.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from alat import peramban

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# The app directory can be overridden (used to check the harness against a throwaway app).
APP_DIR = Path(os.environ.get("RENSTRA_APP_DIR", peramban.ROOT))
_BROWSER_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _require_chromium() -> None:
    if os.path.exists(peramban.CHROMIUM_PATH):
        return
    msg = f"{peramban.CHROMIUM_PATH} not found (install Debian's chromium: apt-get install -y chromium)"
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(msg, pytrace=False)
    pytest.skip(msg)


@pytest.fixture(scope="session")
def streamlit_server() -> Iterator[str]:
    """`streamlit run app.py` on a free localhost port; yields its base URL."""
    _require_chromium()  # no point starting a server nobody can look at
    if not (APP_DIR / "app.py").is_file():
        pytest.fail(f"{APP_DIR / 'app.py'} does not exist", pytrace=False)
    try:
        with peramban.server(APP_DIR) as url:
            yield url
    except peramban.ServerGagal as e:
        pytest.fail(str(e), pytrace=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the whole session."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = peramban.luncurkan_chromium(p)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    """A fresh context + page per test (1366x800, Indonesian locale)."""
    context = browser.new_context(viewport={"width": 1366, "height": 800}, locale="id-ID")
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
