"""Fixtures for browser tests: a real `streamlit run app.py` server plus headless Chromium.

Every test collected under tests/browser/ is marked ``browser``.

Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
If it is missing the browser tests are skipped locally, but fail when CI=true.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
REPO_ROOT = Path(__file__).resolve().parents[2]
# The app directory can be overridden (used to check the harness against a throwaway app).
APP_DIR = Path(os.environ.get("RENSTRA_APP_DIR", REPO_ROOT))
SERVER_START_TIMEOUT_S = 60.0
SERVER_STOP_TIMEOUT_S = 10.0

_BROWSER_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def _require_chromium() -> None:
    if os.path.exists(CHROMIUM_PATH):
        return
    msg = f"{CHROMIUM_PATH} not found (install Debian's chromium: apt-get install -y chromium)"
    if _in_ci():
        pytest.fail(msg, pytrace=False)
    pytest.skip(msg)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _log_tail(path: Path, n_lines: int = 60) -> str:
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError as exc:
        return f"<could not read server log {path}: {exc}>"
    return "\n".join(lines[-n_lines:])


def _stop_process_group(proc: subprocess.Popen[bytes]) -> None:
    """Terminate exactly the process group that we started (pgid == proc.pid)."""
    pgid = proc.pid  # start_new_session=True made the child a group leader
    if proc.poll() is not None:
        # Leader already gone; still reap anything it left behind in its group.
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        return
    try:
        os.killpg(pgid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=SERVER_STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=SERVER_STOP_TIMEOUT_S)


def _wait_healthy(proc: subprocess.Popen[bytes], url: str, timeout_s: float) -> str | None:
    """Poll the health endpoint; return None when healthy, else a reason string."""
    deadline = time.monotonic() + timeout_s
    last_error = "no response yet"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return f"streamlit exited early with code {proc.returncode}"
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                body = resp.read().decode("utf-8", "replace").strip()
                if resp.status == 200 and body == "ok":
                    return None
                last_error = f"HTTP {resp.status}: {body!r}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
            last_error = repr(exc)
        time.sleep(0.25)
    return f"health check did not return 'ok' within {timeout_s:.0f}s (last: {last_error})"


@pytest.fixture(scope="session")
def streamlit_server() -> Iterator[str]:
    """Start `streamlit run app.py` on a free localhost port; yield its base URL."""
    _require_chromium()  # no point starting a server nobody can look at
    if not (APP_DIR / "app.py").is_file():
        pytest.fail(f"{APP_DIR / 'app.py'} does not exist", pytrace=False)
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_fd, log_name = tempfile.mkstemp(prefix="streamlit-server-", suffix=".log")
    log_path = Path(log_name)
    cmd = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with os.fdopen(log_fd, "wb") as log_file:
        proc = subprocess.Popen(
            cmd,
            cwd=APP_DIR,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        problem = _wait_healthy(proc, f"{base_url}/_stcore/health", SERVER_START_TIMEOUT_S)
        if problem is not None:
            _stop_process_group(proc)
            pytest.fail(
                f"Streamlit server failed to start: {problem}\n--- tail of {log_path} ---\n{_log_tail(log_path)}",
                pytrace=False,
            )
        yield base_url
    finally:
        _stop_process_group(proc)
        # Keep the log if something went wrong during the run, for debugging.
        if proc.returncode in (0, -signal.SIGTERM):
            log_path.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the whole session."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM_PATH,
            headless=True,
            args=CHROMIUM_ARGS,
        )
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
