"""Helpers shared by the browser (Playwright) tests."""

from __future__ import annotations

from playwright.sync_api import Page

APP_SELECTOR = '[data-testid="stApp"]'
# Streamlit's frontend exposes its state on the stApp element:
#   data-test-connection-state: "CONNECTED" once the websocket is up
#   data-test-script-state: "initial" before the first run, then
#     "rerunRequested" / "running" / "notRunning" / "compilationError" / ...
APP_IDLE_SELECTOR = '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'
STATUS_WIDGET_SELECTOR = '[data-testid="stStatusWidget"]'
EXCEPTION_SELECTOR = '[data-testid="stException"]'
MAIN_BLOCK_SELECTOR = '[data-testid="stMainBlockContainer"]'


def wait_for_app(page: Page, timeout_ms: float = 30_000) -> None:
    """Wait until the Streamlit app is connected and its script run has finished.

    Note: the "Running..." status widget only appears ~0.5 s after a run
    starts, so waiting for it to be absent is not enough on its own; the
    ``data-test-script-state`` attribute is the reliable signal.
    """
    page.wait_for_selector(APP_SELECTOR, state="attached", timeout=timeout_ms)
    page.wait_for_selector(APP_IDLE_SELECTOR, state="attached", timeout=timeout_ms)
    page.wait_for_selector(MAIN_BLOCK_SELECTOR, state="visible", timeout=timeout_ms)
    page.wait_for_selector(STATUS_WIDGET_SELECTOR, state="detached", timeout=timeout_ms)
    # Lazily loaded element code (e.g. plotly charts) arrives over HTTP.
    page.wait_for_load_state("networkidle", timeout=timeout_ms)
    # A rerun may have been triggered meanwhile; make sure it has finished too.
    page.wait_for_selector(APP_IDLE_SELECTOR, state="attached", timeout=timeout_ms)


def assert_no_exception(page: Page) -> None:
    """Fail if Streamlit rendered any exception box (uncaught error / st.exception)."""
    exceptions = page.locator(EXCEPTION_SELECTOR)
    count = exceptions.count()
    if count:
        texts = "\n---\n".join(exceptions.all_inner_texts())
        raise AssertionError(f"{count} Streamlit exception element(s) on the page:\n{texts}")
