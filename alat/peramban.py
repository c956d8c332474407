"""Start ``streamlit run`` on a free port and drive Debian's Chromium with Playwright.

Shared by the browser tests, ``alat/tangkapan_layar.py`` and ``bench/halaman.py`` so all three
measure and see the same thing. Chromium comes from Debian (/usr/bin/chromium); Playwright
never downloads a browser.
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
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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
ROOT = Path(__file__).resolve().parents[1]
BATAS_MULAI_S = 60.0
BATAS_BERHENTI_S = 10.0

APP_SELECTOR = '[data-testid="stApp"]'
# Streamlit's frontend exposes its state on the stApp element: data-test-connection-state
# is "CONNECTED" once the websocket is up; data-test-script-state is "notRunning" after a run.
APP_IDLE_SELECTOR = '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'
STATUS_WIDGET_SELECTOR = '[data-testid="stStatusWidget"]'
EXCEPTION_SELECTOR = '[data-testid="stException"]'
ERROR_SELECTOR = '[data-testid="stAlertContentError"]'
MAIN_BLOCK_SELECTOR = '[data-testid="stMainBlockContainer"]'
CHART_SELECTOR = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'
CHART_BLOCK_SELECTOR = '[data-testid="stPlotlyChart"]'


class ServerGagal(RuntimeError):
    """The Streamlit server did not become healthy (the message carries its log tail)."""


def port_bebas() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ekor_log(path: Path, n: int = 60) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-n:])
    except OSError as exc:
        return f"<log {path} tidak terbaca: {exc}>"


def hentikan(proc: subprocess.Popen[bytes]) -> None:
    """Terminate exactly the process group we started (pgid == proc.pid, start_new_session=True)."""
    pgid = proc.pid
    if proc.poll() is not None:
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
        proc.wait(timeout=BATAS_BERHENTI_S)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=BATAS_BERHENTI_S)


def tunggu_sehat(proc: subprocess.Popen[bytes], url: str, batas_s: float, nama: str = "streamlit") -> str | None:
    """Poll Streamlit's health endpoint (directly or through a proxy, ``nama`` the process started);
    None when it answers ``ok``, else why not."""
    akhir = time.monotonic() + batas_s
    terakhir = "belum ada jawaban"
    while time.monotonic() < akhir:
        if proc.poll() is not None:
            return f"{nama} berhenti dengan kode {proc.returncode}"
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                isi = resp.read().decode("utf-8", "replace").strip()
                if resp.status == 200 and isi == "ok":
                    return None
                terakhir = f"HTTP {resp.status}: {isi!r}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
            terakhir = repr(exc)
        time.sleep(0.25)
    return f"health check tidak 'ok' dalam {batas_s:.0f} s (terakhir: {terakhir})"


@contextmanager
def server(app_dir: Path = ROOT, skrip: str = "app.py", env: dict[str, str] | None = None) -> Iterator[str]:
    """``streamlit run <skrip>`` in ``app_dir`` on a free localhost port; yields the base URL."""
    port = port_bebas()
    url = f"http://127.0.0.1:{port}"
    fd, nama_log = tempfile.mkstemp(prefix="streamlit-server-", suffix=".log")
    log = Path(nama_log)
    cmd = [
        sys.executable, "-m", "streamlit", "run", skrip,
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",  # an edit elsewhere in the tree must not stall a measured run
    ]  # fmt: skip
    with os.fdopen(fd, "wb") as f:
        proc = subprocess.Popen(
            cmd, cwd=app_dir, stdin=subprocess.DEVNULL, stdout=f, stderr=subprocess.STDOUT,
            start_new_session=True, env={**os.environ, **(env or {})},
        )  # fmt: skip
    try:
        masalah = tunggu_sehat(proc, f"{url}/_stcore/health", BATAS_MULAI_S)
        if masalah is not None:
            hentikan(proc)
            raise ServerGagal(f"Server Streamlit gagal mulai: {masalah}\n--- ekor {log} ---\n{ekor_log(log)}")
        yield url
    finally:
        hentikan(proc)
        if proc.returncode in (0, -signal.SIGTERM):
            log.unlink(missing_ok=True)


def luncurkan_chromium(playwright: Any) -> Any:
    """Headless Debian Chromium."""
    return playwright.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)


def tunggu_app(page: Any, batas_ms: float = 30_000) -> None:
    """Wait until the app is connected and its script run has finished (charts' code loaded).

    The "Running..." widget only appears ~0,5 s after a run starts, so its absence alone
    proves nothing; the ``data-test-script-state`` attribute is the reliable signal.
    """
    page.wait_for_selector(APP_SELECTOR, state="attached", timeout=batas_ms)
    page.wait_for_selector(APP_IDLE_SELECTOR, state="attached", timeout=batas_ms)
    page.wait_for_selector(MAIN_BLOCK_SELECTOR, state="visible", timeout=batas_ms)
    page.wait_for_selector(STATUS_WIDGET_SELECTOR, state="detached", timeout=batas_ms)
    page.wait_for_load_state("networkidle", timeout=batas_ms)
    page.wait_for_selector(APP_IDLE_SELECTOR, state="attached", timeout=batas_ms)


def tunggu_grafik(page: Any, batas_ms: float = 30_000, boleh_kosong: bool = False) -> int:
    """Wait until every plotly chart block on the page has drawn its SVG; returns how many.

    ``boleh_kosong``: a page without any chart (a Renstra without the table behind it) is done too.
    """
    page.wait_for_function(
        """([blok, kosong]) => {
            const semua = [...document.querySelectorAll(blok)];
            return (kosong || semua.length > 0) && semua.every((b) => b.querySelector(".js-plotly-plot .main-svg"));
        }""",
        arg=[CHART_BLOCK_SELECTOR, boleh_kosong],
        timeout=batas_ms,
    )
    return page.locator(CHART_BLOCK_SELECTOR).count()
