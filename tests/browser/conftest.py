"""Fixtures for browser tests: a real `streamlit run app.py` server plus headless Chromium.

Every test collected under tests/browser/ is marked ``browser``. Chromium comes from Debian
(/usr/bin/chromium); if it is missing the browser tests are skipped locally, but fail when CI=true.

Servers: ``streamlit_server`` is shared by the tests that only read, with an empty realisasi store
of its own; ``server_baru`` is a test's own, just started, on that test's own store (for a test
that saves, or that needs the server's very first request). Each server inherits the suite's
environment (tests/conftest.py): the test-only secrets file and the synthetic account file.
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


def _server(url_gudang: str) -> Iterator[str]:
    """`streamlit run app.py` on a free localhost port with the realisasi store ``url_gudang``."""
    _require_chromium()  # no point starting a server nobody can look at
    if not (APP_DIR / "app.py").is_file():
        pytest.fail(f"{APP_DIR / 'app.py'} does not exist", pytrace=False)
    try:
        with peramban.server(APP_DIR, env={"RENSTRA_DB_URL": url_gudang}) as url:
            yield url
    except peramban.ServerGagal as e:
        pytest.fail(str(e), pytrace=False)


@pytest.fixture(scope="session")
def streamlit_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The shared server, on an empty store of its own (no test saves into it); yields its base URL."""
    yield from _server(f"sqlite:///{tmp_path_factory.mktemp('server-bersama') / 'realisasi.sqlite'}")


@pytest.fixture()
def server_baru(gudang_sendiri: str) -> Iterator[str]:
    """A server of this test's own, just started, on the test's own store (``gudang_sendiri``):
    what it saves no other test sees, and the test's first request is the server's first."""
    yield from _server(gudang_sendiri)


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
